import { useQuery } from '@apollo/client/react';
import { Accordion, Badge, Card, Group, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { InstallmentPlansQuery } from '../graphql/customer.graphql';
import { QueryState } from '../../../components/states';
import { formatMoney, toFen } from '../../../format/money';
import { formatDate, formatDateTime } from '../../../format/date';
import { settled } from '../../../apollo/settled';

/** Installment plans, each with its schedule and what is due now. */
export function PlansPanel({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { data, loading, error, refetch } = useQuery(InstallmentPlansQuery, {
    variables: { id: customerId, first: 50 },
  });
  const plans = data?.customer?.account?.installmentPlans.edges.map((e) => e.node) ?? [];
  const termText = (term: string) => {
    if (term === 'DEFERRED_30') return t('plans.terms.DEFERRED_30');
    const n = /(\d+)/.exec(term)?.[1];
    return n ? t('plans.terms.installments', { count: Number(n) }) : term;
  };

  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby="plans-title">
      <Title order={2} size="h4" id="plans-title" mb="sm">
        {t('plans.title')}
      </Title>
      <QueryState
        loading={loading}
        error={error}
        hasData={!!data}
        onRetry={() => void settled(refetch())}
      >
        {() =>
          plans.length === 0 ? (
            <Text c="dimmed">{t('plans.none')}</Text>
          ) : (
            <Accordion variant="separated" multiple>
              {plans.map((plan) => {
                const dueFen = plan.schedule
                  .filter((l) => l.status !== 'PAID' && (l.daysPastDue > 0 || l.status === 'DUE'))
                  .reduce(
                    (s, l) =>
                      s +
                      toFen(l.principal.amount) +
                      toFen(l.fee.amount) +
                      toFen(l.lateFee.amount) -
                      toFen(l.paid.amount),
                    0,
                  );
                return (
                  <Accordion.Item key={plan.id} value={plan.id}>
                    <Accordion.Control>
                      <Group gap="sm" wrap="wrap">
                        <Text fw={600}>{termText(plan.term)}</Text>
                        <Text size="sm">{formatMoney(plan.principal, lng)}</Text>
                        <Badge variant="outline" color="gray.8">
                          {plan.status}
                        </Badge>
                        {dueFen > 0 && (
                          <Badge color="red.9" variant="outline">
                            {t('plans.dueNow', {
                              amount: formatMoney(
                                {
                                  amount: (dueFen / 100).toFixed(2),
                                  currency: plan.principal.currency,
                                },
                                lng,
                              ),
                            })}
                          </Badge>
                        )}
                      </Group>
                    </Accordion.Control>
                    <Accordion.Panel>
                      <Text size="sm" mb="xs">
                        {t('plans.totalFee')}: {formatMoney(plan.totalFee, lng)} · {t('plans.apr')}:{' '}
                        {plan.aprPercent}% · {t('plans.created')}:{' '}
                        {formatDateTime(plan.createdAt, lng)}
                      </Text>
                      <Table.ScrollContainer minWidth={600}>
                        <Table striped>
                          <Table.Caption>{t('plans.schedule')}</Table.Caption>
                          <Table.Thead>
                            <Table.Tr>
                              <Table.Th>{t('plans.seq')}</Table.Th>
                              <Table.Th>{t('plans.dueDate')}</Table.Th>
                              <Table.Th>{t('plans.principal')}</Table.Th>
                              <Table.Th>{t('plans.fee')}</Table.Th>
                              <Table.Th>{t('plans.lateFee')}</Table.Th>
                              <Table.Th>{t('plans.paid')}</Table.Th>
                              <Table.Th>{t('plans.status')}</Table.Th>
                              <Table.Th>{t('plans.daysPastDue')}</Table.Th>
                            </Table.Tr>
                          </Table.Thead>
                          <Table.Tbody>
                            {plan.schedule.map((l) => (
                              <Table.Tr key={l.seq}>
                                <Table.Td>{l.seq}</Table.Td>
                                <Table.Td>{formatDate(l.dueDate, lng)}</Table.Td>
                                <Table.Td>{formatMoney(l.principal, lng)}</Table.Td>
                                <Table.Td>{formatMoney(l.fee, lng)}</Table.Td>
                                <Table.Td>{formatMoney(l.lateFee, lng)}</Table.Td>
                                <Table.Td>{formatMoney(l.paid, lng)}</Table.Td>
                                <Table.Td>{l.status}</Table.Td>
                                <Table.Td>{l.daysPastDue}</Table.Td>
                              </Table.Tr>
                            ))}
                          </Table.Tbody>
                        </Table>
                      </Table.ScrollContainer>
                    </Accordion.Panel>
                  </Accordion.Item>
                );
              })}
            </Accordion>
          )
        }
      </QueryState>
    </Card>
  );
}
