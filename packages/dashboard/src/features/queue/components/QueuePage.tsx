import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Card, Group, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PurchaseReviewQueueQuery, RecoveryQueueQuery } from '../graphql/queue.graphql';
import { LoadMore, QueryState } from '../../../components/states';
import { formatDateTime } from '../../../format/date';
import { formatMoney } from '../../../format/money';
import { Link, paths } from '../../../app/router';
import { useSession } from '../../auth/hooks/useSession';
import { RecoveryStatusBadge } from '../../recovery/components/RecoveryStatusBadge';
import { useAutoOutcome } from '../../recovery/hooks/useAutoOutcome';
import { DecideModal, type Decision } from './DecideModal';

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

function RecoveryQueue() {
  const { t, i18n } = useTranslation();
  const autoOutcome = useAutoOutcome();
  const { data, loading, error, refetch, fetchMore } = useQuery(RecoveryQueueQuery, {
    variables: { first: PAGE },
    fetchPolicy: 'network-only',
  });
  const pageInfo = data?.recoveryQueue.pageInfo;
  const loadMore = () =>
    void fetchMore({
      variables: { after: pageInfo?.endCursor },
      updateQuery: (prev, { fetchMoreResult }) => ({
        ...fetchMoreResult,
        recoveryQueue: {
          ...fetchMoreResult.recoveryQueue,
          edges: [...(prev.recoveryQueue?.edges ?? []), ...fetchMoreResult.recoveryQueue.edges],
        },
      }),
    });
  const [deciding, setDeciding] = useState<{ id: string; decision: Decision } | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const rows = data?.recoveryQueue.edges.map((e) => e.node) ?? [];

  return (
    <Card withBorder padding="md" radius="md">
      {done && <DoneAlert done={done} onClose={() => setDone(null)} />}
      <QueryState loading={loading} error={error} hasData={!!data} onRetry={() => void refetch()}>
        {() =>
          rows.length === 0 ? (
            <Text c="dimmed">{t('queue.noRecovery')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table striped data-testid="recovery-queue">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('queue.created')}</Table.Th>
                    <Table.Th>{t('queue.customer')}</Table.Th>
                    <Table.Th>{t('queue.type')}</Table.Th>
                    <Table.Th>{t('queue.reason')}</Table.Th>
                    <Table.Th>{t('queue.status')}</Table.Th>
                    <Table.Th>{t('queue.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.id} data-request-id={r.id}>
                      <Table.Td>
                        <Link to={paths.recovery(r.id)}>
                          {formatDateTime(r.createdAt, i18n.language)}
                        </Link>
                      </Table.Td>
                      <Table.Td>
                        <Link to={paths.customer(r.customer.id)}>{r.customer.name}</Link>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {r.customer.maskedPhone}
                        </Text>
                      </Table.Td>
                      <Table.Td>{t(`recovery.types.${r.type}`)}</Table.Td>
                      <Table.Td maw={280}>
                        <Text size="sm" lineClamp={3}>
                          {r.reason}
                        </Text>
                        {r.autoOutcome && (
                          <Badge size="xs" variant="outline" color="gray.8" mt={4}>
                            {autoOutcome(r.autoOutcome)}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <RecoveryStatusBadge status={r.status} />
                      </Table.Td>
                      <Table.Td>
                        <DecisionButtons
                          onDecide={(decision) => setDeciding({ id: r.id, decision })}
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
        subject={deciding ? { kind: 'recovery', id: deciding.id } : null}
        decision={deciding?.decision ?? 'approve'}
        onClose={() => setDeciding(null)}
        onDecided={() => {
          setDone({
            text: deciding?.decision === 'reject' ? t('queue.rejected') : t('queue.approved'),
          });
          void refetch();
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
    void fetchMore({
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
    });
  const [deciding, setDeciding] = useState<{ id: string; decision: Decision } | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const rows = data?.purchaseReviewQueue.edges.map((e) => e.node) ?? [];
  return (
    <Card withBorder padding="md" radius="md">
      {done && <DoneAlert done={done} onClose={() => setDone(null)} />}
      <QueryState loading={loading} error={error} hasData={!!data} onRetry={() => void refetch()}>
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
                      <Table.Td>{p.merchant}</Table.Td>
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
          void refetch();
        }}
      />
    </Card>
  );
}

/** What the last decision did, until the supervisor closes it (yellow when it did not go as asked). */
type Done = { text: string; declined?: boolean };

function DoneAlert({ done, onClose }: { done: Done; onClose: () => void }) {
  return (
    <Alert
      color={done.declined ? 'yellow' : 'teal'}
      variant="light"
      mb="sm"
      role="status"
      withCloseButton
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
