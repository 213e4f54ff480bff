import { useQuery } from '@apollo/client/react';
import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CustomerHeaderQuery } from '../../customer/graphql/customer.graphql';
import { AccountStatusBadge } from '../../customer/components/AccountStatusBadge';
import { Link, paths, useRouter } from '../../../app/router';
import { RecoveryRequestForm } from './RecoveryRequestForm';
import { RecoveryOptionsQuery } from '../graphql/recovery.graphql';
import { toFen } from '../../../format/money';

/** The form, with whom it is for (from the cache when the agent came from the customer page). */
export function NewRecoveryRequestPage({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { navigate } = useRouter();
  const { data } = useQuery(CustomerHeaderQuery, {
    variables: { id: customerId },
    fetchPolicy: 'cache-first',
  });
  const customer = data?.customer;
  const options = useQuery(RecoveryOptionsQuery, {
    variables: { id: customerId },
    fetchPolicy: 'network-only',
  });
  const account = options.data?.customer?.account;
  return (
    <Stack gap="sm">
      <Link to={paths.customer(customerId, 'recovery')} size="sm">
        ← {customer ? customer.name : t('customer.back')}
      </Link>
      {customer && (
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('recovery.customer')}:
          </Text>
          <Text size="sm" fw={600}>
            {customer.name}
          </Text>
          {customer.account && (
            <>
              <Text size="sm" ff="monospace">
                {customer.account.accountNumber}
              </Text>
              <AccountStatusBadge status={customer.account.status} />
            </>
          )}
        </Group>
      )}
      <RecoveryRequestForm
        customerId={customerId}
        suggestedType={customer?.account?.status === 'FROZEN' ? 'UNFREEZE' : undefined}
        offeredTypes={account?.recoveryTypesOffered}
        currentLimitFen={account ? toFen(account.baseLimit.amount) : undefined}
        onFiled={(id) => navigate(paths.recovery(id), { replace: true })}
      />
    </Stack>
  );
}
