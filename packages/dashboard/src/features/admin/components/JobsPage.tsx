import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { JobsQuery, RunJobNowMutation } from '../graphql/admin.graphql';
import { QueryState } from '../../../components/states';
import { useUserErrorText } from '../../../apollo/userErrors';
import { formatDateTime } from '../../../format/date';
import { settled } from '../../../apollo/settled';

const STATUS_COLOR: Record<string, string> = {
  DONE: 'teal',
  RUNNING: 'blue',
  FAILED: 'red',
  INTERRUPTED: 'orange',
};

/**
 * Risk admin: the background jobs — each job in words with its next and last run, "run now",
 * and the recent runs (status, how they were started, how long, how many items). A failed run's
 * error is the worker's own technical text: it stays folded under "technical details".
 */
export function JobsPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const userErrorText = useUserErrorText();
  const [job, setJob] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { data, loading, error, refetch } = useQuery(JobsQuery, {
    variables: { first: 30, job },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const [runNow, running] = useMutation(RunJobNowMutation);
  const [runningJob, setRunningJob] = useState<string | null>(null);
  const jobName = (name: string) =>
    t(`admin.jobs.names.${name}`, { defaultValue: t('admin.jobs.names.other') });
  const statusBadge = (status: string) => (
    <Badge variant="light" color={STATUS_COLOR[status] ?? 'gray'}>
      {t(`admin.jobs.statuses.${status}`, { defaultValue: t('admin.jobs.statuses.other') })}
    </Badge>
  );
  const duration = (ms: number | null | undefined) =>
    ms == null
      ? '—'
      : ms < 1000
        ? t('admin.jobs.ms', { ms })
        : t('admin.jobs.seconds', { s: (ms / 1000).toFixed(1) });

  const run = async (name: string) => {
    setMessage(null);
    setRunningJob(name);
    const { data: d } = await runNow({ variables: { job: name } }).finally(() =>
      setRunningJob(null),
    );
    const p = d?.runJobNow;
    if (p?.userErrors.length) setMessage({ ok: false, text: userErrorText(p.userErrors[0]) });
    else
      setMessage({
        ok: true,
        text: p?.enqueued
          ? t('admin.jobs.enqueued', { job: jobName(name) })
          : t('admin.jobs.alreadyQueued', { job: jobName(name) }),
      });
    await settled(refetch());
  };

  const schedules = data?.jobSchedules ?? [];
  const runs = data?.jobRuns ?? [];
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('admin.jobs.title')}
      </Title>
      <Text c="dimmed" size="sm">
        {t('admin.jobs.intro')}
      </Text>
      {message && (
        <Alert color={message.ok ? 'teal' : 'red'} variant="light" role="status">
          {message.text}
        </Alert>
      )}
      <QueryState
        loading={loading}
        error={error}
        hasData={!!data}
        onRetry={() => void settled(refetch())}
      >
        {() => (
          <>
            <Card withBorder padding="md" radius="md" component="section" aria-labelledby="jobs-s">
              <Group justify="space-between" mb="sm">
                <Title order={2} size="h4" id="jobs-s">
                  {t('admin.jobs.schedules')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('admin.jobs.workers', { count: schedules[0]?.liveWorkers ?? 0 })}
                </Text>
              </Group>
              <Table.ScrollContainer minWidth={760}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('admin.jobs.job')}</Table.Th>
                      <Table.Th>{t('admin.jobs.nextRun')}</Table.Th>
                      <Table.Th>{t('admin.jobs.lastRun')}</Table.Th>
                      <Table.Th>{t('admin.jobs.actions')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {schedules.map((s) => (
                      <Table.Tr key={s.job} data-testid="job-schedule">
                        <Table.Td>
                          <Text size="sm" fw={500}>
                            {jobName(s.job)}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {t(`admin.jobs.about.${s.job}`, { defaultValue: '' })}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          {s.nextRunAt
                            ? formatDateTime(s.nextRunAt, lng)
                            : t('admin.jobs.notScheduled')}
                        </Table.Td>
                        <Table.Td>
                          {s.lastRun ? (
                            <Group gap="xs">
                              {statusBadge(s.lastRun.status)}
                              <Text size="sm">{formatDateTime(s.lastRun.startedAt, lng)}</Text>
                            </Group>
                          ) : (
                            t('admin.jobs.never')
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Button
                            size="xs"
                            variant="light"
                            loading={running.loading && runningJob === s.job}
                            onClick={() => void settled(run(s.job))}
                            aria-label={t('admin.jobs.runNamed', { job: jobName(s.job) })}
                          >
                            {t('admin.jobs.run')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
            <Card withBorder padding="md" radius="md" component="section" aria-labelledby="jobs-r">
              <Group justify="space-between" mb="sm" wrap="wrap">
                <Title order={2} size="h4" id="jobs-r">
                  {t('admin.jobs.runs')}
                </Title>
                <Select
                  label={t('admin.jobs.filter')}
                  placeholder={t('admin.jobs.allJobs')}
                  clearable
                  value={job}
                  onChange={setJob}
                  data={schedules.map((s) => ({ value: s.job, label: jobName(s.job) }))}
                  w={240}
                />
              </Group>
              {runs.length === 0 ? (
                <Text c="dimmed">{t('admin.jobs.noRuns')}</Text>
              ) : (
                <Table.ScrollContainer minWidth={820}>
                  <Table striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('admin.jobs.job')}</Table.Th>
                        <Table.Th>{t('admin.jobs.status')}</Table.Th>
                        <Table.Th>{t('admin.jobs.trigger')}</Table.Th>
                        <Table.Th>{t('admin.jobs.started')}</Table.Th>
                        <Table.Th>{t('admin.jobs.duration')}</Table.Th>
                        <Table.Th>{t('admin.jobs.processed')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {runs.map((r) => (
                        <Table.Tr key={r.id} data-testid="job-run">
                          <Table.Td>{jobName(r.job)}</Table.Td>
                          <Table.Td>
                            {statusBadge(r.status)}
                            {r.error && (
                              <details>
                                <summary>{t('admin.jobs.technical')}</summary>
                                <Text size="xs" component="pre" lang="en" data-free-text>
                                  {r.error}
                                </Text>
                              </details>
                            )}
                          </Table.Td>
                          <Table.Td>
                            {t(`admin.jobs.triggers.${r.trigger ?? 'other'}`, {
                              defaultValue: t('admin.jobs.triggers.other'),
                            })}
                            {r.attempt != null && r.attempt > 1 && (
                              <Text size="xs" c="dimmed">
                                {t('admin.jobs.attempt', { n: r.attempt })}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>{formatDateTime(r.startedAt, lng)}</Table.Td>
                          <Table.Td>{duration(r.durationMs)}</Table.Td>
                          <Table.Td>{r.processed}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Card>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
