import { useQuery } from '@apollo/client/react';
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CustomerRecoveryRequestsQuery } from '../graphql/recovery.graphql';
import { Link, paths } from '../../../app/router';
import { formatMoney } from '../../../format/money';

const OPEN = ['SUBMITTED', 'UNDER_REVIEW', 'NEEDS_DOCUMENTS', 'APPROVED'];

/** On the overview: the customer's open recovery request(s), so nobody files a second one. */
export function OpenRecoveryRequest({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const { data } = useQuery(CustomerRecoveryRequestsQuery, {
    variables: { id: customerId, first: 10 },
  });
  const open =
    data?.customer?.recoveryRequests.edges
      .map((e) => e.node)
      .filter((r) => OPEN.includes(r.status)) ?? [];
  if (!open.length) return null;
  return (
    <>
      {open.map((r) => (
        <Alert key={r.id} color="blue" variant="light" mb="md" data-testid="open-recovery-request">
          <Link to={paths.recovery(r.id)} c="blue.9" underline="always">
            {t('recovery.openRequest', {
              type: t(`recovery.types.${r.type}`),
              status: t(`recovery.statuses.${r.status}`),
            })}
            {r.requestedLimit || r.targetLimit
              ? ` · ${formatMoney(r.requestedLimit ?? r.targetLimit, i18n.language)}`
              : ''}
          </Link>
        </Alert>
      ))}
    </>
  );
}
