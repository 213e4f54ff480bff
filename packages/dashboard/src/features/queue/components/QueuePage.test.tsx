import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueuePage } from './QueuePage';
import { ApproveRecoveryRequestMutation, RecoveryQueueQuery } from '../graphql/queue.graphql';
import { renderWithProviders } from '../../../test/render';

const request = {
  __typename: 'RecoveryRequest',
  id: 'R1',
  type: 'UNFREEZE',
  status: 'UNDER_REVIEW',
  reason: '客户已结清逾期款项。',
  createdAt: '2026-11-22T10:00:00Z',
  autoOutcome: 'ROUTE_TO_SUPERVISOR',
  customer: { __typename: 'Customer', id: 'C1', name: '王杰', maskedPhone: '138****7770' },
};
const queue = (nodes: unknown[]) => ({
  request: { query: RecoveryQueueQuery, variables: { first: 50 } },
  result: {
    data: {
      recoveryQueue: {
        __typename: 'RecoveryRequestConnection',
        totalCount: nodes.length,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        edges: nodes.map((node, i) => ({
          __typename: 'RecoveryRequestEdge',
          cursor: String(i),
          node,
        })),
      },
    },
  },
});

describe('QueuePage', () => {
  it('is for supervisors only', async () => {
    await renderWithProviders(<QueuePage />, { role: 'AGENT' });
    expect(screen.getByText('审核队列仅供主管使用。')).toBeInTheDocument();
  });

  it('approves a request with a required reason and refreshes the queue', async () => {
    const user = userEvent.setup();
    await renderWithProviders(<QueuePage />, {
      role: 'SUPERVISOR',
      mocks: [
        queue([request]),
        {
          request: {
            query: ApproveRecoveryRequestMutation,
            variables: { input: { requestId: 'R1', reason: '还款记录良好，同意。' } },
          },
          result: {
            data: {
              approveRecoveryRequest: {
                __typename: 'RecoveryRequestPayload',
                recoveryRequest: { __typename: 'RecoveryRequest', id: 'R1', status: 'APPROVED' },
                userErrors: [],
              },
            },
          },
        },
        queue([]),
      ],
    });
    const row = (await screen.findByText('王杰')).closest('tr')!;
    expect(within(row).getByText('转主管审核')).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: '通过' }));
    const dialog = await screen.findByRole('dialog', { name: '通过额度恢复申请' });
    await user.click(within(dialog).getByRole('button', { name: '通过' }));
    expect(within(dialog).getByText('请填写至少 5 个字的审核意见。')).toBeInTheDocument();
    await user.type(
      within(dialog).getByRole('textbox', { name: /审核意见/ }),
      '还款记录良好，同意。',
    );
    await user.click(within(dialog).getByRole('button', { name: '通过' }));
    expect(await screen.findByText('已通过。')).toBeInTheDocument();
    expect(await screen.findByText('暂无待审核的额度恢复申请。')).toBeInTheDocument();
  });
});
