import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { JobsPage } from './JobsPage';
import { JobsQuery, RunJobNowMutation } from '../graphql/admin.graphql';
import { renderWithProviders } from '../../../test/render';

const run = (id: string, job: string, status: string, error: string | null = null) => ({
  __typename: 'JobRun' as const,
  id,
  job,
  status,
  trigger: 'schedule',
  attempt: 1,
  startedAt: '2026-12-02T02:00:00Z',
  finishedAt: '2026-12-02T02:00:03Z',
  durationMs: 3200,
  processed: 120,
  error,
});
const jobs = {
  data: {
    jobSchedules: [
      {
        __typename: 'JobSchedule',
        job: 'overdue',
        nextRunAt: '2026-12-03T01:00:00Z',
        liveWorkers: 2,
        lastRun: run('J1', 'overdue', 'DONE'),
      },
      {
        __typename: 'JobSchedule',
        job: 'deliver-outbox',
        nextRunAt: null,
        liveWorkers: 2,
        lastRun: null,
      },
    ],
    jobRuns: [
      run('J1', 'overdue', 'DONE'),
      run('J2', 'deliver-outbox', 'FAILED', 'SMTP_TIMEOUT: connect ECONNREFUSED'),
    ],
  },
};

describe('JobsPage', () => {
  it('shows jobs and runs in words (the error folded away) and runs a job now', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<JobsPage />, {
      mocks: [
        { request: { query: JobsQuery, variables: { first: 30, job: null } }, result: jobs },
        {
          request: { query: RunJobNowMutation, variables: { job: 'overdue' } },
          result: {
            data: { runJobNow: { __typename: 'RunJobPayload', enqueued: true, userErrors: [] } },
          },
        },
        { request: { query: JobsQuery, variables: { first: 30, job: null } }, result: jobs },
      ],
    });
    const row = (await screen.findAllByTestId('job-schedule'))[0]!;
    expect(row).toHaveTextContent('逾期处理');
    expect(row).toHaveTextContent('已完成');
    const runs = screen.getAllByTestId('job-run');
    expect(runs[1]).toHaveTextContent('发送短信和邮件');
    expect(runs[1]).toHaveTextContent('失败');
    // The worker's technical error is there, folded under "technical details", not in the row's words.
    expect(within(runs[1]!).getByText('技术详情（英文）')).toBeInTheDocument();
    expect(runs[0]!.textContent).not.toMatch(/overdue|DONE|schedule/);
    await user.click(within(row).getByRole('button', { name: '立即运行：逾期处理' }));
    expect(await screen.findByText('已安排立即运行：逾期处理。')).toBeInTheDocument();
  });
});
