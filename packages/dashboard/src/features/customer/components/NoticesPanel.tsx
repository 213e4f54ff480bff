import { useQuery } from '@apollo/client/react';
import { Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NoticesQuery } from '../graphql/customer.graphql';
import { QueryState } from '../../../components/states';
import { formatDateTime } from '../../../format/date';
import { useApiLocale } from '../../../i18n/useApiLocale';
import { settled } from '../../../apollo/settled';

export function NoticesPanel({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const locale = useApiLocale();
  const { data, loading, error, refetch } = useQuery(NoticesQuery, {
    variables: { id: customerId, first: 50, locale },
  });
  const notices = data?.customer?.account?.notices.edges.map((e) => e.node) ?? [];
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby="notices-title">
      <Title order={2} size="h4" id="notices-title" mb="sm">
        {t('notices.title')}
      </Title>
      <QueryState
        loading={loading}
        error={error}
        hasData={!!data}
        onRetry={() => void settled(refetch())}
      >
        {() =>
          notices.length === 0 ? (
            <Text c="dimmed">{t('notices.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('notices.text')}</Table.Th>
                    <Table.Th>{t('notices.channel')}</Table.Th>
                    <Table.Th>{t('notices.delivery')}</Table.Th>
                    <Table.Th>{t('notices.created')}</Table.Th>
                    <Table.Th>{t('notices.sent')}</Table.Th>
                    <Table.Th>{t('notices.read')}</Table.Th>
                    <Table.Th>{t('notices.acknowledged')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {notices.map((n) => (
                    <Table.Tr key={n.id}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {n.words.title}
                        </Text>
                        <Text size="sm">
                          {[n.words.happened, n.words.meaning, n.words.action]
                            .filter(Boolean)
                            .join(' ')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {t(`notices.channels.${n.channel}`, {
                          defaultValue: t('notices.channels.other'),
                        })}
                      </Table.Td>
                      <Table.Td title={n.deliveryError ?? undefined}>
                        {n.deliveryStatus
                          ? t(`notices.deliveryStatuses.${n.deliveryStatus}`, {
                              defaultValue: t('notices.deliveryStatuses.other'),
                            })
                          : t('notices.notYet')}
                      </Table.Td>
                      <Table.Td>{formatDateTime(n.createdAt, lng)}</Table.Td>
                      <Table.Td>{formatDateTime(n.sentAt, lng)}</Table.Td>
                      <Table.Td>{formatDateTime(n.readAt, lng)}</Table.Td>
                      <Table.Td>{formatDateTime(n.acknowledgedAt, lng)}</Table.Td>
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
