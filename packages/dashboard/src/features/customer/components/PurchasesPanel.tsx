import { useQuery } from '@apollo/client/react';
import { Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PurchasesQuery } from '../graphql/customer.graphql';
import { LoadMore, QueryState } from '../../../components/states';
import { formatMoney } from '../../../format/money';
import { formatDateTime } from '../../../format/date';
import { settled } from '../../../apollo/settled';

const PAGE = 50;

// Outline badges in shades that read on white (WCAG AA), as the recovery statuses.
const STATUS_COLORS: Record<string, string> = {
  HELD: 'blue.9',
  PENDING_REVIEW: 'grape.9',
  CAPTURED: 'teal.9',
  DECLINED: 'red.9',
  REJECTED: 'red.9',
  RELEASED: 'gray.8',
  EXPIRED: 'gray.8',
};

/**
 * The customer's purchases, newest first, and what the used amount is made of: held for purchases
 * not yet captured (back on release or expiry) and owed on installment plans (back as it is
 * repaid). The usual answer to "why is my available limit lower than I think?".
 */
export function PurchasesPanel({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { data, loading, error, refetch, fetchMore } = useQuery(PurchasesQuery, {
    variables: { id: customerId, first: PAGE },
  });
  const account = data?.customer?.account;
  const connection = account?.purchases;
  const purchases = connection?.edges.map((e) => e.node) ?? [];
  const loadMore = () =>
    void settled(
      fetchMore({
        variables: { after: connection?.pageInfo.endCursor },
        updateQuery: (prev, { fetchMoreResult }) => {
          const older = prev.customer?.account?.purchases.edges ?? [];
          const next = fetchMoreResult.customer?.account;
          if (!next || !prev.customer?.account) return prev;
          return {
            ...prev,
            customer: {
              ...prev.customer,
              account: {
                ...prev.customer.account,
                purchases: { ...next.purchases, edges: [...older, ...next.purchases.edges] },
              },
            },
          };
        },
      }),
    );

  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby="purchases-title">
      <Title order={2} size="h4" id="purchases-title" mb="sm">
        {t('purchases.title')}
      </Title>
      <QueryState
        loading={loading}
        error={error}
        hasData={!!data}
        onRetry={() => void settled(refetch())}
      >
        {() =>
          !account ? (
            <Text c="dimmed">{t('purchases.noAccount')}</Text>
          ) : (
            <Stack gap="md">
              <Text size="sm" data-testid="used-breakdown">
                {t('purchases.usedBreakdown', {
                  used: formatMoney(account.usedAmount, lng),
                  held: formatMoney(account.heldAmount, lng),
                  owed: formatMoney(account.outstandingPrincipal, lng),
                })}
              </Text>
              {purchases.length === 0 ? (
                <Text c="dimmed">{t('purchases.none')}</Text>
              ) : (
                <Table.ScrollContainer minWidth={720}>
                  <Table striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('purchases.time')}</Table.Th>
                        <Table.Th>{t('purchases.merchant')}</Table.Th>
                        <Table.Th>{t('purchases.category')}</Table.Th>
                        <Table.Th>{t('purchases.amount')}</Table.Th>
                        <Table.Th>{t('purchases.status')}</Table.Th>
                        <Table.Th>{t('purchases.detail')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {purchases.map((p) => (
                        <Table.Tr key={p.id} data-purchase-id={p.id}>
                          <Table.Td>{formatDateTime(p.createdAt, lng)}</Table.Td>
                          <Table.Td data-free-text>{p.merchant}</Table.Td>
                          <Table.Td>
                            {t(`categories.${p.category}`, { defaultValue: p.category })}
                          </Table.Td>
                          <Table.Td>{formatMoney(p.amount, lng)}</Table.Td>
                          <Table.Td>
                            <Badge
                              color={STATUS_COLORS[p.status] ?? 'gray.8'}
                              variant="outline"
                              data-status={p.status}
                            >
                              {t(`purchases.statuses.${p.status}`, { defaultValue: p.status })}
                            </Badge>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">
                              {p.holdExpiresAt
                                ? t('purchases.holdUntil', {
                                    date: formatDateTime(p.holdExpiresAt, lng),
                                  })
                                : p.declineCode
                                  ? t(`purchases.declineCodes.${p.declineCode}`, {
                                      defaultValue: p.declineCode,
                                    })
                                  : ''}
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
              {connection?.pageInfo.hasNextPage && (
                <LoadMore loading={loading} onClick={loadMore} />
              )}
            </Stack>
          )
        }
      </QueryState>
    </Card>
  );
}
