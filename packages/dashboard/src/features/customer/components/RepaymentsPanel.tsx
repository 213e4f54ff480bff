import { useQuery } from '@apollo/client/react';
import { Alert, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RepaymentsQuery } from '../graphql/customer.graphql';
import { QueryState } from '../../../components/states';
import { formatMoney } from '../../../format/money';
import { formatDateTime } from '../../../format/date';
import { settled } from '../../../apollo/settled';

export function RepaymentsPanel({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { data, loading, error, refetch } = useQuery(RepaymentsQuery, {
    variables: { id: customerId, first: 50 },
  });
  const account = data?.customer?.account;
  const repayments = account?.repayments.edges.map((e) => e.node) ?? [];

  return (
    <Card
      withBorder
      padding="md"
      radius="md"
      component="section"
      aria-labelledby="repayments-title"
    >
      <Title order={2} size="h4" id="repayments-title" mb="sm">
        {t('repayments.title')}
      </Title>
      <QueryState
        loading={loading}
        error={error}
        hasData={!!data}
        onRetry={() => void settled(refetch())}
      >
        {() => (
          <Stack gap="md">
            <div>
              <Title order={3} size="h6" mb={4}>
                {t('repayments.overdueTitle')}
              </Title>
              {account?.overdue.isOverdue ? (
                <Alert color="red" variant="light" data-testid="overdue">
                  {t('repayments.isOverdue', {
                    days: account.overdue.daysPastDue,
                    amount: formatMoney(account.overdue.overdueAmount, lng),
                  })}
                  {account.overdue.bucket &&
                    ` · ${t('repayments.bucket')}: ${account.overdue.bucket}`}
                </Alert>
              ) : (
                <Text size="sm" c="dimmed" data-testid="overdue">
                  {t('repayments.notOverdue')}
                </Text>
              )}
            </div>
            {repayments.length === 0 ? (
              <Text c="dimmed">{t('repayments.none')}</Text>
            ) : (
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('repayments.receivedAt')}</Table.Th>
                    <Table.Th>{t('repayments.amount')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {repayments.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>{formatDateTime(r.receivedAt, lng)}</Table.Td>
                      <Table.Td>{formatMoney(r.amount, lng)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        )}
      </QueryState>
    </Card>
  );
}
