import { useQuery } from '@apollo/client/react';
import { Alert, Card, Group, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AccountOverviewQuery } from '../graphql/customer.graphql';
import { QueryState } from '../../../components/states';
import { formatMoney, percentOf, toFen } from '../../../format/money';
import { formatDate } from '../../../format/date';
import { AccountStatusBadge } from './AccountStatusBadge';
import { Link, paths } from '../../../app/router';
import type { ReactNode } from 'react';
import { settled } from '../../../apollo/settled';

/** Status, limits, and a gauge of used against available. */
export function AccountPanel({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { data, loading, error, refetch } = useQuery(AccountOverviewQuery, {
    variables: { id: customerId },
  });
  const account = data?.customer?.account;

  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby="account-title">
      <Title order={2} size="h4" id="account-title" mb="sm">
        {t('account.title')}
      </Title>
      <QueryState
        loading={loading}
        error={error}
        hasData={!!data}
        onRetry={() => void settled(refetch())}
      >
        {() =>
          !account ? (
            <Text c="dimmed">{t('account.noAccount')}</Text>
          ) : (
            <Stack gap="md">
              <Group gap="lg" wrap="wrap">
                <AccountStatusBadge status={account.status} />
                <Text size="sm">
                  {t('account.score')}: <b>{account.score ?? '—'}</b>
                </Text>
                <Text size="sm">
                  {t('account.grade')}: <b>{account.grade ?? '—'}</b>
                </Text>
              </Group>
              <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
                <Figure
                  label={t('account.baseLimit')}
                  value={formatMoney(account.baseLimit, lng)}
                  testId="base-limit"
                />
                <Figure
                  label={t('account.used')}
                  value={formatMoney(account.usedAmount, lng)}
                  testId="used-amount"
                  note={
                    <>
                      {t('account.usedSplit', {
                        held: formatMoney(account.heldAmount, lng),
                        owed: formatMoney(account.outstandingPrincipal, lng),
                      })}{' '}
                      ·{' '}
                      <Link
                        to={paths.customer(customerId, 'purchases')}
                        size="xs"
                        underline="always"
                      >
                        {t('account.seePurchases')}
                      </Link>
                    </>
                  }
                />
                <Figure
                  label={t('account.available')}
                  value={formatMoney(account.availableLimit, lng)}
                  testId="available-limit"
                  strong
                />
              </SimpleGrid>
              <UsageGauge used={account.usedAmount} limit={account.baseLimit} />
              {toFen(account.usedAmount.amount) > toFen(account.baseLimit.amount) && (
                <Alert color="orange" variant="light">
                  {t('account.overLimit')}
                </Alert>
              )}
              <div>
                <Title order={3} size="h6" mb={4}>
                  {t('account.temporaryLimits')}
                </Title>
                {account.temporaryLimits.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('account.none')}
                  </Text>
                ) : (
                  <Table.ScrollContainer minWidth={360}>
                    <Table striped>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('account.amount')}</Table.Th>
                          <Table.Th>{t('account.category')}</Table.Th>
                          <Table.Th>{t('account.window')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {account.temporaryLimits.map((l, i) => (
                          <Table.Tr key={i}>
                            <Table.Td>{formatMoney(l.amount, lng)}</Table.Td>
                            <Table.Td>
                              {l.category
                                ? t(`categories.${l.category}`, { defaultValue: l.category })
                                : t('account.allCategories')}
                            </Table.Td>
                            <Table.Td>
                              {formatDate(l.startsAt, lng)} – {formatDate(l.endsAt, lng)}
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                )}
              </div>
              <div>
                <Title order={3} size="h6" mb={4}>
                  {t('account.categoryLimits')}
                </Title>
                {account.categoryLimits.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('account.none')}
                  </Text>
                ) : (
                  <Table.ScrollContainer minWidth={360}>
                    <Table striped>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('account.category')}</Table.Th>
                          <Table.Th>{t('account.limit')}</Table.Th>
                          <Table.Th>{t('account.used')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {account.categoryLimits.map((l) => (
                          <Table.Tr key={l.category}>
                            <Table.Td>
                              {t(`categories.${l.category}`, { defaultValue: l.category })}
                            </Table.Td>
                            <Table.Td>{formatMoney(l.limit, lng)}</Table.Td>
                            <Table.Td>{formatMoney(l.used, lng)}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                )}
              </div>
            </Stack>
          )
        }
      </QueryState>
    </Card>
  );
}

function Figure({
  label,
  value,
  strong,
  testId,
  note,
}: {
  label: string;
  value: string;
  strong?: boolean;
  testId: string;
  /** A line under the figure (what it is made of). */
  note?: ReactNode;
}) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size={strong ? 'xl' : 'lg'} fw={strong ? 700 : 500} data-testid={testId}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed" data-testid={`${testId}-note`}>
          {note}
        </Text>
      )}
    </div>
  );
}

/**
 * Used against the total limit as one bar (a frozen account has nothing available but still
 * shows how much of its limit is in use); the accessible name carries the numbers.
 */
export function UsageGauge({
  used,
  limit,
}: {
  used: { amount: string; currency: string };
  limit: { amount: string; currency: string };
}) {
  const { t, i18n } = useTranslation();
  const percent = percentOf(used, limit);
  const shown = Math.min(percent, 100);
  const color = percent >= 80 ? 'red' : percent >= 50 ? 'yellow' : 'teal';
  const label = `${t('account.usage')}: ${t('account.usagePercent', { percent })} (${formatMoney(used, i18n.language)} / ${formatMoney(limit, i18n.language)})`;
  return (
    <div>
      <Group justify="space-between" mb={4}>
        <Text size="sm">{t('account.usage')}</Text>
        <Text size="sm" fw={500}>
          {t('account.usagePercent', { percent })}
        </Text>
      </Group>
      <Progress value={shown} color={color} size="lg" radius="xl" aria-label={label} />
    </div>
  );
}
