import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Badge, Button, Group, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RevealCustomerPiiMutation } from '../graphql/customer.graphql';
import { MutationDialog, useMutationProblem } from '../../../components/MutationDialog';
import { formatDate } from '../../../format/date';

interface Props {
  customer: {
    id: string;
    name: string;
    maskedPhone: string;
    maskedNationalId: string;
    realNameVerified: boolean;
    incomeBand: string;
    registeredAt: string;
  };
  canReveal: boolean;
}

/** Masked personal data; a supervisor can reveal it after confirming that it is audited. */
export function PiiPanel({ customer, canReveal }: Props) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [revealed, setRevealed] = useState<{
    phone: string | null;
    nationalId: string | null;
  } | null>(null);
  const { problem, setProblem, refused } = useMutationProblem();
  const [reveal, { loading, error, reset }] = useMutation(RevealCustomerPiiMutation);

  const confirm = async () => {
    if (reason.trim().length < 5) {
      setReasonError(t('customer.revealReasonError'));
      return;
    }
    setProblem(null);
    const { data } = await reveal({
      variables: { input: { customerId: customer.id, reason: reason.trim() } },
    });
    const payload = data?.revealCustomerPii;
    if (!payload || refused(payload)) return;
    setRevealed({ phone: payload.phone, nationalId: payload.nationalId });
    setConfirming(false);
    setReason('');
  };

  const knownBand = ['LOW', 'MID', 'HIGH', 'VERY_HIGH'].includes(customer.incomeBand);
  const fields = [
    { label: t('customer.phone'), value: revealed?.phone ?? customer.maskedPhone, mono: true },
    {
      label: t('customer.nationalId'),
      value: revealed?.nationalId ?? customer.maskedNationalId,
      mono: true,
    },
    {
      label: t('customer.incomeBand'),
      value: knownBand ? t(`customer.incomeBands.${customer.incomeBand}`) : customer.incomeBand,
    },
    { label: t('customer.registeredAt'), value: formatDate(customer.registeredAt, i18n.language) },
  ];

  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" component="dl" m={0}>
        {fields.map((f) => (
          <div key={f.label}>
            <Text component="dt" size="xs" c="dimmed">
              {f.label}
            </Text>
            <Text
              component="dd"
              m={0}
              ff={f.mono ? 'monospace' : undefined}
              data-testid={`pii-${f.label}`}
            >
              {f.value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <Group gap="xs">
        <Badge color={customer.realNameVerified ? 'teal.9' : 'red.9'} variant="outline">
          {customer.realNameVerified ? t('customer.verified') : t('customer.notVerified')}
        </Badge>
        {canReveal && !revealed && (
          <Button size="compact-sm" variant="light" onClick={() => setConfirming(true)}>
            {t('customer.reveal')}
          </Button>
        )}
      </Group>
      {revealed && (
        <Text size="sm" c="dimmed" role="status">
          {t('customer.revealed')}
        </Text>
      )}
      <MutationDialog
        opened={confirming}
        onClose={() => {
          setConfirming(false);
          reset();
        }}
        title={t('customer.revealTitle')}
        problem={problem}
        error={error}
        loading={loading}
        onSubmit={confirm}
        submitLabel={t('customer.revealConfirm')}
        submitColor="red.9"
      >
        <Alert color="yellow" variant="light">
          {t('customer.revealWarning')}
        </Alert>
        <Textarea
          label={t('customer.revealReason')}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setReasonError(null);
          }}
          error={reasonError}
          autosize
          minRows={2}
          required
          data-autofocus
        />
      </MutationDialog>
    </Stack>
  );
}
