import { useEffect } from 'react';
import { useQuery } from '@apollo/client/react';
import { MeQuery } from '../features/auth/graphql/auth.graphql';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/auth/hooks/useSession';
import { SignInPage } from '../features/auth/components/SignInPage';
import { LookupPage } from '../features/lookup/components/LookupPage';
import { CustomerPage } from '../features/customer/components/CustomerPage';
import { NewRecoveryRequestPage } from '../features/recovery/components/NewRecoveryRequestPage';
import { RecoveryRequestDetail } from '../features/recovery/components/RecoveryRequestDetail';
import { QueuePage } from '../features/queue/components/QueuePage';
import { PartnersPage } from '../features/admin/components/PartnersPage';
import { StressTestsPage } from '../features/admin/components/StressTestsPage';
import { PromotionsPage } from '../features/admin/components/PromotionsPage';
import { CategoryLimitsPage } from '../features/admin/components/CategoryLimitsPage';
import { JobsPage } from '../features/admin/components/JobsPage';
import { AppShellLayout } from './AppShellLayout';
import { expireSession } from '../apollo/session';
import { useFocusHeadingOnNavigation } from './useFocusHeading';
import { Link, paths, useRouter } from './router';

/** Route → page; everything except sign-in needs a session. */
export function App() {
  const { route, navigate } = useRouter();
  const { session } = useSession();
  // A stored token the API no longer accepts (restarted with a new secret, expired): sign out.
  const me = useQuery(MeQuery, { skip: !session, fetchPolicy: 'network-only' });
  useEffect(() => {
    if (session && me.data && me.data.me === null) expireSession();
  }, [session, me.data]);
  const { t } = useTranslation();
  const needsSignIn = !session && route.name !== 'signIn';

  useEffect(() => {
    if (needsSignIn) navigate(paths.signIn(), { replace: true });
  }, [needsSignIn, navigate]);

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);
  // A new page, not a new search text or tab on the same page (typing must keep its focus).
  useFocusHeadingOnNavigation(
    `${route.name}:${'customerId' in route ? route.customerId : ''}:${'requestId' in route ? route.requestId : ''}:${'page' in route ? route.page : ''}`,
  );

  let page: React.ReactNode;
  if (needsSignIn) page = null;
  else
    switch (route.name) {
      case 'signIn':
        page = <SignInPage />;
        break;
      case 'lookup':
        page = <LookupPage key="lookup" initialSearch={route.search} />;
        break;
      case 'customer':
        page = (
          <CustomerPage key={route.customerId} customerId={route.customerId} tab={route.tab} />
        );
        break;
      case 'newRecovery':
        page = <NewRecoveryRequestPage key={route.customerId} customerId={route.customerId} />;
        break;
      case 'recovery':
        page = <RecoveryRequestDetail key={route.requestId} requestId={route.requestId} />;
        break;
      case 'queue':
        page = <QueuePage />;
        break;
      case 'admin':
        // The API refuses these to other roles anyway; the page says so instead of an error.
        page =
          session?.agent.role !== 'RISK_ADMIN' ? (
            <Text>{t('errors.FORBIDDEN')}</Text>
          ) : route.page === 'partners' ? (
            <PartnersPage />
          ) : route.page === 'stress-tests' ? (
            <StressTestsPage />
          ) : route.page === 'category-limits' ? (
            <CategoryLimitsPage />
          ) : route.page === 'jobs' ? (
            <JobsPage />
          ) : (
            <PromotionsPage />
          );
        break;
      default:
        page = (
          <Stack>
            <Text>{t('app.notFound')}</Text>
            <Link to={paths.lookup()}>{t('app.backToLookup')}</Link>
          </Stack>
        );
    }
  return <AppShellLayout>{page}</AppShellLayout>;
}
