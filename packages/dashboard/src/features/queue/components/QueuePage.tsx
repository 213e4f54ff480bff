import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  PurchaseReviewQueueQuery,
  RecoveryQueueQuery,
  TakeRecoveryRequestMutation,
} from '../graphql/queue.graphql';
import { LoadMore, QueryState } from '../../../components/states';
import { formatDateTime } from '../../../format/date';
import { formatMoney } from '../../../format/money';
import { Link, paths } from '../../../app/router';
import { useSession } from '../../auth/hooks/useSession';
import { useAutoOutcome } from '../../recovery/hooks/useAutoOutcome';
import { DecideModal, type Decision } from './DecideModal';
import { RecoveryAmounts } from '../../recovery/components/RecoveryAmounts';
import { useApiLocale } from '../../../i18n/useApiLocale';
import { useUserErrorText } from '../../../apollo/userErrors';
import { settled } from '../../../apollo/settled';

const PAGE = 50;

/** The supervisor's work: recovery requests and purchases waiting for manual review (人工审核). */
export function QueuePage() {
  const { t } = useTranslation();
  const { isSupervisor } = useSession();
  if (!isSupervisor)
    return (
      <Alert color="yellow" variant="light">
        {t('queue.supervisorOnly')}
      </Alert>
    );
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('queue.title')}
      </Title>
      <Tabs defaultValue="recovery" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="recovery">{t('queue.recoveryTab')}</Tabs.Tab>
          <Tabs.Tab value="purchases">{t('queue.purchasesTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="recovery" pt="md">
          <RecoveryQueue />
        </Tabs.Panel>
        <Tabs.Panel value="purchases" pt="md">
          <PurchaseQueue />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

// Someone else may decide a request while it is on screen: the queue asks again this often.
const POLL_MS = 15_000;
const RECOVERY_TYPE_VALUES = ['UNFREEZE', 'RESTORE_REDUCTION', 'INCREASE'] as const;
type Assignment = 'ALL' | 'MINE' | 'UNASSIGNED';

/** How long a request has waited and how close it is to its due time: teal, yellow in its last quarter, red when past. */
export function ageOf(createdAt: string, dueAt: string, now: number) {
  const created = Date.parse(createdAt);
  const due = Date.parse(dueAt);
  const minutes = Math.max(0, Math.round((now - created) / 60_000));
  const color = now >= due ? 'red.9' : now >= due - (due - created) / 4 ? 'yellow.9' : 'teal.9';
  return { minutes, hours: Math.floor(minutes / 60), color, overdue: now >= due };
}

function RecoveryQueue() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const locale = useApiLocale();
  const autoOutcome = useAutoOutcome();
  const userErrorText = useUserErrorText();
  const [type, setType] = useState<string | null>(null);
  const [assignment, setAssignment] = useState<Assignment>('ALL');
  const variables = {
    first: PAGE,
    locale,
    assignment,
    type: (type as (typeof RECOVERY_TYPE_VALUES)[number] | null) ?? null,
  };
  const { data, loading, error, refetch, fetchMore } = useQuery(RecoveryQueueQuery, {
    variables,
    fetchPolicy: 'network-only',
    pollInterval: POLL_MS,
  });
  const [take] = useMutation(TakeRecoveryRequestMutation);
  const [takeError, setTakeError] = useState<string | null>(null);
  const pageInfo = data?.recoveryQueue.pageInfo;
  const loadMore = () =>
    void settled(
      fetchMore({
        variables: { after: pageInfo?.endCursor },
        updateQuery: (prev, { fetchMoreResult }) => ({
          ...fetchMoreResult,
          recoveryQueue: {
            ...fetchMoreResult.recoveryQueue,
            edges: [...(prev.recoveryQueue?.edges ?? []), ...fetchMoreResult.recoveryQueue.edges],
          },
        }),
      }),
    );
  const [deciding, setDeciding] = useState<{ id: string; decision: Decision } | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const rows = data?.recoveryQueue.edges.map((e) => e.node) ?? [];
  const decidingRow = rows.find((r) => r.id === deciding?.id);
  const now = Date.now();

  return (
    <Card withBorder padding="md" radius="md">
      {done && <DoneAlert done={done} onClose={() => setDone(null)} />}
      <Group gap="sm" mb="md" wrap="wrap" align="flex-end">
        <Select
          label={t('queue.filterType')}
          data={[
            { value: '', label: t('queue.allTypes') },
            ...RECOVERY_TYPE_VALUES.map((v) => ({ value: v, label: t(`recovery.types.${v}`) })),
          ]}
          value={type ?? ''}
          onChange={(v) => setType(v || null)}
          allowDeselect={false}
          w={220}
        />
        <SegmentedControl
          aria-label={t('queue.filterAssignment')}
          value={assignment}
          onChange={(v) => setAssignment(v as Assignment)}
          data={(['ALL', 'UNASSIGNED', 'MINE'] as const).map((v) => ({
            value: v,
            label: t(`queue.assignment.${v}`),
          }))}
        />
        {data && (
          <Text size="sm" c="dimmed" role="status">
            {t('queue.waiting', { count: data.recoveryQueue.totalCount ?? rows.length })}
          </Text>
        )}
      </Group>
      {takeError && (
        <Alert color="red" variant="light" role="alert" mb="sm">
          {takeError}
        </Alert>
      )}
      <QueryState
        loading={loading}
        error={error}
        hasData={!!data}
        onRetry={() => void settled(refetch())}
      >
        {() =>
          rows.length === 0 ? (
            <Text c="dimmed">{t('queue.noRecovery')}</Text>
          ) : (
            <Stack
              gap="sm"
              data-testid="recovery-queue"
              component="ul"
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
            >
              {rows.map((r) => {
                const age = ageOf(r.createdAt, r.dueAt, now);
                return (
                  <Card
                    key={r.id}
                    withBorder
                    padding="sm"
                    radius="md"
                    component="li"
                    data-request-id={r.id}
                  >
                    <Group justify="space-between" wrap="wrap" gap="xs" mb={6}>
                      <Group gap="xs" wrap="wrap">
                        <Link to={paths.recovery(r.id)} fw={600}>
                          {t(`recovery.types.${r.type}`)} · {r.customer.name}
                        </Link>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {r.customer.maskedPhone}
                        </Text>
                      </Group>
                      <Badge color={age.color} variant="filled" data-testid="queue-age">
                        {age.overdue
                          ? t('queue.ageOverdue', { hours: age.hours, minutes: age.minutes % 60 })
                          : t('queue.age', { hours: age.hours, minutes: age.minutes % 60 })}
                      </Badge>
                    </Group>
                    <Text size="sm" data-testid="queue-amounts">
                      {t('queue.amounts', {
                        current: formatMoney(r.currentLimit, lng),
                        target: formatMoney(
                          r.requestedLimit ?? r.targetLimit ?? r.currentLimit,
                          lng,
                        ),
                      })}
                    </Text>
                    <Text size="sm" lineClamp={2} c="dimmed" data-free-text>
                      {r.reason}
                    </Text>
                    <Group gap={6} mt={4} wrap="wrap">
                      {r.autoOutcome && (
                        <Badge size="xs" variant="outline" color="gray.8">
                          {autoOutcome(r.autoOutcome)}
                        </Badge>
                      )}
                      {r.reasons.map((x) => (
                        <Badge
                          key={x.code}
                          size="xs"
                          variant="light"
                          color="gray"
                          style={{ textTransform: 'none' }}
                        >
                          {x.text}
                        </Badge>
                      ))}
                    </Group>
                    <Group gap="xs" mt="xs" wrap="wrap">
                      <Text size="xs" c="dimmed">
                        {r.assignedTo
                          ? t('queue.takenBy', { name: r.assignedTo })
                          : t('queue.notTaken')}
                      </Text>
                      {!r.assignedTo && (
                        <Button
                          size="compact-sm"
                          variant="default"
                          aria-label={`${t('queue.take')}: ${r.customer.name}`}
                          onClick={() =>
                            void settled(
                              take({ variables: { input: { requestId: r.id } } }).then((res) => {
                                const e = res.data?.takeRecoveryRequest.userErrors[0];
                                setTakeError(e ? userErrorText(e) : null);
                                void settled(refetch());
                              }),
                            )
                          }
                        >
                          {t('queue.take')}
                        </Button>
                      )}
                      <DecisionButtons
                        onDecide={(decision) => setDeciding({ id: r.id, decision })}
                      />
                    </Group>
                  </Card>
                );
              })}
            </Stack>
          )
        }
      </QueryState>
      {pageInfo?.hasNextPage && <LoadMore loading={loading} onClick={loadMore} />}
      <DecideModal
        subject={deciding ? { kind: 'recovery', id: deciding.id } : null}
        decision={deciding?.decision ?? 'approve'}
        details={decidingRow && <RecoveryAmounts r={decidingRow} compact />}
        onClose={() => setDeciding(null)}
        onDecided={() => {
          setDone({
            text: deciding?.decision === 'reject' ? t('queue.rejected') : t('queue.approved'),
          });
          void settled(refetch());
        }}
      />
    </Card>
  );
}

function PurchaseQueue() {
  const { t, i18n } = useTranslation();
  const { data, loading, error, refetch, fetchMore } = useQuery(PurchaseReviewQueueQuery, {
    variables: { first: PAGE },
    fetchPolicy: 'network-only',
  });
  const pageInfo = data?.purchaseReviewQueue.pageInfo;
  const loadMore = () =>
    void settled(
      fetchMore({
        variables: { after: pageInfo?.endCursor },
        updateQuery: (prev, { fetchMoreResult }) => ({
          ...fetchMoreResult,
          purchaseReviewQueue: {
            ...fetchMoreResult.purchaseReviewQueue,
            edges: [
              ...(prev.purchaseReviewQueue?.edges ?? []),
              ...fetchMoreResult.purchaseReviewQueue.edges,
            ],
          },
        }),
      }),
    );
  const [deciding, setDeciding] = useState<{ id: string; decision: Decision } | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const rows = data?.purchaseReviewQueue.edges.map((e) => e.node) ?? [];
  return (
    <Card withBorder padding="md" radius="md">
      {done && <DoneAlert done={done} onClose={() => setDone(null)} />}
      <QueryState
        loading={loading}
        error={error}
        hasData={!!data}
        onRetry={() => void settled(refetch())}
      >
        {() =>
          rows.length === 0 ? (
            <Text c="dimmed">{t('queue.noPurchases')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={820}>
              <Table striped data-testid="purchase-queue">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('queue.created')}</Table.Th>
                    <Table.Th>{t('queue.customer')}</Table.Th>
                    <Table.Th>{t('queue.merchant')}</Table.Th>
                    <Table.Th>{t('queue.category')}</Table.Th>
                    <Table.Th>{t('queue.amount')}</Table.Th>
                    <Table.Th>{t('queue.whyReview')}</Table.Th>
                    <Table.Th>{t('queue.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((p) => (
                    <Table.Tr key={p.id} data-purchase-id={p.id}>
                      <Table.Td>{formatDateTime(p.createdAt, i18n.language)}</Table.Td>
                      <Table.Td>
                        <Link to={paths.customer(p.customer.id)}>{p.customer.name}</Link>
                      </Table.Td>
                      <Table.Td data-free-text>{p.merchant}</Table.Td>
                      <Table.Td>
                        {t(`categories.${p.category}`, { defaultValue: p.category })}
                      </Table.Td>
                      <Table.Td>{formatMoney(p.amount, i18n.language)}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {p.reasons.map((r) => (
                            <Badge key={r} size="xs" variant="outline" color="gray.8">
                              {t(`queue.reviewReasons.${r}`, { defaultValue: r })}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <DecisionButtons
                          onDecide={(decision) => setDeciding({ id: p.id, decision })}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
      {pageInfo?.hasNextPage && <LoadMore loading={loading} onClick={loadMore} />}
      <DecideModal
        subject={deciding ? { kind: 'purchase', id: deciding.id } : null}
        decision={deciding?.decision ?? 'approve'}
        onClose={() => setDeciding(null)}
        onDecided={(status, declineCode) => {
          // Approving re-checks the limit: it may have been used up while the purchase waited.
          if (status === 'DECLINED')
            setDone({
              text: t('queue.purchaseDeclinedOnApproval', {
                code: t(`queue.userErrors.${declineCode}`, { defaultValue: declineCode ?? '' }),
              }),
              declined: true,
            });
          else
            setDone({
              text: status === 'HELD' ? t('queue.purchaseApproved') : t('queue.purchaseRejected'),
            });
          void settled(refetch());
        }}
      />
    </Card>
  );
}

/** What the last decision did, until the supervisor closes it (yellow when it did not go as asked). */
type Done = { text: string; declined?: boolean };

function DoneAlert({ done, onClose }: { done: Done; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color={done.declined ? 'yellow' : 'teal'}
      variant="light"
      mb="sm"
      role="status"
      withCloseButton
      closeButtonLabel={t('app.close')}
      onClose={onClose}
    >
      {done.text}
    </Alert>
  );
}

function DecisionButtons({ onDecide }: { onDecide: (decision: Decision) => void }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <Button size="compact-sm" color="teal.9" onClick={() => onDecide('approve')}>
        {t('queue.approve')}
      </Button>
      <Button size="compact-sm" color="red" variant="light" onClick={() => onDecide('reject')}>
        {t('queue.reject')}
      </Button>
    </Group>
  );
}
