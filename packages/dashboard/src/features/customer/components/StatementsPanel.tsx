import { useQuery } from '@apollo/client/react';
import { Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../generated';
import { QueryState } from '../../../components/states';
import { formatMoney } from '../../../format/money';
import { settled } from '../../../apollo/settled';

/** The revolving line and its latest statements (issue 14); kept in its own file and query. */
export const StatementsQuery = graphql(`
  query Statements($id: ID!) {
    customer(id: $id) {
      id
      account {
        id
        revolving {
          statementDay
          aprPercent
          points
          balance {
            ...MoneyParts
          }
        }
        statements(first: 6) {
          seq
          closingDate
          dueDate
          status
          balance {
            ...MoneyParts
          }
          minimumPayment {
            ...MoneyParts
          }
          paid {
            ...MoneyParts
          }
        }
      }
    }
  }
`);

const STATUS_COLOR: Record<string, string> = {
  PAID: 'green',
  MINIMUM_PAID: 'blue',
  OPEN: 'gray',
  PAST_DUE: 'red',
};

export function StatementsPanel({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { data, loading, error, refetch } = useQuery(StatementsQuery, {
    variables: { id: customerId },
  });
  const account = data?.customer?.account;
  const line = account?.revolving;
  const statements = account?.statements ?? [];

  return (
    <Card
      withBorder
      padding="md"
      radius="md"
      component="section"
      aria-labelledby="statements-title"
    >
      <Title order={2} size="h4" id="statements-title" mb="sm">
        {t('statements.title')}
      </Title>
      <QueryState
        loading={loading}
        error={error}
        hasData={!!data}
        onRetry={() => void settled(refetch())}
      >
        {() =>
          !line ? (
            <Text c="dimmed" size="sm">
              {t('statements.notRevolving')}
            </Text>
          ) : (
            <Stack gap="sm">
              <Text size="sm" data-testid="revolving-line">
                {t('statements.line', {
                  balance: formatMoney(line.balance, lng),
                  day: line.statementDay,
                  apr: line.aprPercent,
                  points: line.points,
                })}
              </Text>
              {statements.length === 0 ? (
                <Text c="dimmed">{t('statements.none')}</Text>
              ) : (
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('statements.closingDate')}</Table.Th>
                      <Table.Th>{t('statements.dueDate')}</Table.Th>
                      <Table.Th>{t('statements.balance')}</Table.Th>
                      <Table.Th>{t('statements.minimumPayment')}</Table.Th>
                      <Table.Th>{t('statements.paid')}</Table.Th>
                      <Table.Th>{t('statements.status')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {statements.map((s) => (
                      <Table.Tr key={s.seq}>
                        <Table.Td>{s.closingDate}</Table.Td>
                        <Table.Td>{s.dueDate}</Table.Td>
                        <Table.Td>{formatMoney(s.balance, lng)}</Table.Td>
                        <Table.Td>{formatMoney(s.minimumPayment, lng)}</Table.Td>
                        <Table.Td>{formatMoney(s.paid, lng)}</Table.Td>
                        <Table.Td>
                          <Badge color={STATUS_COLOR[s.status] ?? 'gray'} variant="light">
                            {t(`statements.statusValues.${s.status}`, { defaultValue: s.status })}
                          </Badge>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Stack>
          )
        }
      </QueryState>
    </Card>
  );
}
