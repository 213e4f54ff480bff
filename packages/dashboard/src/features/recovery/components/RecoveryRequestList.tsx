import { useQuery } from '@apollo/client/react';
import { Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CustomerRecoveryRequestsQuery } from '../graphql/recovery.graphql';
import { QueryState } from '../../../components/states';
import { formatDateTime } from '../../../format/date';
import { Link, paths, useRouter } from '../../../app/router';
import { RecoveryStatusBadge } from './RecoveryStatusBadge';
import { settled } from '../../../apollo/settled';

/** The customer's recovery requests, newest first, and the way to file a new one. */
export function RecoveryRequestList({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const { navigate } = useRouter();
  const { data, loading, error, refetch } = useQuery(CustomerRecoveryRequestsQuery, {
    variables: { id: customerId, first: 50 },
    fetchPolicy: 'network-only',
  });
  const requests = data?.customer?.recoveryRequests.edges.map((e) => e.node) ?? [];
  return (
    <Card
      withBorder
      padding="md"
      radius="md"
      component="section"
      aria-labelledby="recovery-list-title"
    >
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4" id="recovery-list-title">
          {t('recovery.listTitle')}
        </Title>
        <Button
          size="sm"
          component="a"
          href={paths.newRecovery(customerId)}
          onClick={(e) => {
            e.preventDefault();
            navigate(paths.newRecovery(customerId));
          }}
        >
          {t('recovery.new')}
        </Button>
      </Group>
      <QueryState
        loading={loading}
        error={error}
        hasData={!!data}
        onRetry={() => void settled(refetch())}
      >
        {() =>
          requests.length === 0 ? (
            <Text c="dimmed">{t('recovery.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('recovery.filedAt')}</Table.Th>
                    <Table.Th>{t('recovery.type')}</Table.Th>
                    <Table.Th>{t('recovery.reason')}</Table.Th>
                    <Table.Th>{t('queue.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {requests.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <Link to={paths.recovery(r.id)}>
                          {formatDateTime(r.createdAt, i18n.language)}
                        </Link>
                      </Table.Td>
                      <Table.Td>{t(`recovery.types.${r.type}`)}</Table.Td>
                      <Table.Td>
                        <Text size="sm" lineClamp={2} data-free-text>
                          {r.reason}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <RecoveryStatusBadge status={r.status} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </Card>
  );
}
