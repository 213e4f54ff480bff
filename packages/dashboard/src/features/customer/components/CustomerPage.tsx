import { lazy, Suspense } from 'react';
import { useQuery } from '@apollo/client/react';
import { Card, Grid, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CustomerHeaderQuery } from '../graphql/customer.graphql';
import { ErrorState, LoadingState } from '../../../components/states';
import { Link, paths, useRouter } from '../../../app/router';
import { useSession } from '../../auth/hooks/useSession';
import { AccountStatusBadge } from './AccountStatusBadge';
import { PiiPanel } from './PiiPanel';
import { AccountPanel } from './AccountPanel';
import { PlansPanel } from './PlansPanel';
import { PurchasesPanel } from './PurchasesPanel';
import { RepaymentsPanel } from './RepaymentsPanel';
import { StatementsPanel } from './StatementsPanel';
import { NoticesPanel } from './NoticesPanel';
import { AuditPanel } from './AuditPanel';
import { WhyThisLimit } from '../../limit/components/WhyThisLimit';
import { RecoveryRequestList } from '../../recovery/components/RecoveryRequestList';
import { OpenRecoveryRequest } from '../../recovery/components/OpenRecoveryRequest';
import { TimelinePanel } from './TimelinePanel';
import { settled } from '../../../apollo/settled';

// The chart library is the largest dependency; load it only when the history tab opens.
const LimitHistory = lazy(() =>
  import('../../limit/components/LimitHistory').then((m) => ({ default: m.LimitHistory })),
);

export const CUSTOMER_TABS = [
  'overview',
  'timeline',
  'history',
  'purchases',
  'plans',
  'repayments',
  'notices',
  'audit',
  'recovery',
] as const;

/**
 * Everything about one customer. The header and the overview (account + "Why this limit?")
 * load first; each other tab fetches its own data when opened, so one slow or missing part
 * never holds the page back.
 */
export function CustomerPage({ customerId, tab }: { customerId: string; tab: string }) {
  const { t } = useTranslation();
  const { navigate } = useRouter();
  const { isSupervisor } = useSession();
  const { data, loading, error, refetch } = useQuery(CustomerHeaderQuery, {
    variables: { id: customerId },
  });
  const active = (CUSTOMER_TABS as readonly string[]).includes(tab) ? tab : 'overview';

  const customer = data?.customer;
  if (data && !customer)
    return (
      <Stack>
        <ErrorState error={{ code: 'NOT_FOUND' }} />
        <Link to={paths.lookup()}>{t('customer.back')}</Link>
      </Stack>
    );

  // The tabs render at once, beside the header: their queries run in parallel with it.
  return (
    <Stack gap="md">
      <Link to={paths.lookup()} size="sm">
        ← {t('customer.back')}
      </Link>
      <Card withBorder padding="md" radius="md" component="section" aria-labelledby="customer-name">
        {error && !data ? (
          <ErrorState error={error} onRetry={() => void settled(refetch())} />
        ) : !customer ? (
          loading && <LoadingState />
        ) : (
          <>
            <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
              <Group gap="sm" wrap="wrap">
                <Title order={1} size="h2" id="customer-name">
                  {customer.name}
                </Title>
                {customer.account && <AccountStatusBadge status={customer.account.status} />}
              </Group>
              {customer.account && (
                <Text ff="monospace" size="sm" c="dimmed">
                  {customer.account.accountNumber}
                </Text>
              )}
            </Group>
            <PiiPanel customer={customer} canReveal={isSupervisor} />
          </>
        )}
      </Card>
      <Tabs
        value={active}
        onChange={(v) => v && navigate(paths.customer(customerId, v), { replace: true })}
        keepMounted={false}
      >
        <Tabs.List style={{ flexWrap: 'wrap' }}>
          {CUSTOMER_TABS.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`customer.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <OpenRecoveryRequest customerId={customerId} />
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <WhyThisLimit customerId={customerId} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <AccountPanel customerId={customerId} />
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="timeline" pt="md">
          <TimelinePanel customerId={customerId} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <Suspense fallback={<LoadingState />}>
            <LimitHistory customerId={customerId} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="purchases" pt="md">
          <PurchasesPanel customerId={customerId} />
        </Tabs.Panel>
        <Tabs.Panel value="plans" pt="md">
          <PlansPanel customerId={customerId} />
        </Tabs.Panel>
        <Tabs.Panel value="repayments" pt="md">
          <Stack gap="md">
            <RepaymentsPanel customerId={customerId} />
            <StatementsPanel customerId={customerId} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="notices" pt="md">
          <NoticesPanel customerId={customerId} />
        </Tabs.Panel>
        <Tabs.Panel value="audit" pt="md">
          <AuditPanel customerId={customerId} />
        </Tabs.Panel>
        <Tabs.Panel value="recovery" pt="md">
          <RecoveryRequestList customerId={customerId} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
