import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  ApproveRecoveryRequestMutation,
  RejectRecoveryRequestMutation,
} from '../graphql/queue.graphql';
import { ErrorState } from '../../../components/states';

export type Decision = 'approve' | 'reject';

/** Approve or reject a recovery request; a reason is required either way (it is stored). */
export function DecideRecoveryModal({
  requestId,
  decision,
  onClose,
  onDecided,
}: {
  requestId: string | null;
  decision: Decision;
  onClose: () => void;
  onDecided: (status: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [userError, setUserError] = useState<string | null>(null);
  const [approve, approval] = useMutation(ApproveRecoveryRequestMutation);
  const [reject, rejection] = useMutation(RejectRecoveryRequestMutation);
  const state = decision === 'approve' ? approval : rejection;

  const close = () => {
    setReason('');
    setReasonError(null);
    setUserError(null);
    approval.reset();
    rejection.reset();
    onClose();
  };

  const confirm = async () => {
    if (!requestId) return;
    if (reason.trim().length < 5) {
      setReasonError(t('queue.decisionReasonError'));
      return;
    }
    const variables = { input: { requestId, reason: reason.trim() } };
    try {
      const result =
        decision === 'approve'
          ? (await approve({ variables })).data?.approveRecoveryRequest
          : (await reject({ variables })).data?.rejectRecoveryRequest;
      if (result?.recoveryRequest && result.userErrors.length === 0) {
        onDecided(result.recoveryRequest.status);
        close();
      } else if (result) setUserError(result.userErrors[0]?.message ?? t('errors.UNKNOWN'));
    } catch {
      // shown through state.error
    }
  };

  return (
    <Modal
      opened={!!requestId}
      onClose={close}
      title={
        decision === 'approve' ? t('queue.decisionTitleApprove') : t('queue.decisionTitleReject')
      }
      centered
    >
      <Stack gap="sm">
        {state.error && <ErrorState error={state.error} />}
        {userError && (
          <Alert color="red" variant="light" role="alert">
            {userError}
          </Alert>
        )}
        <Textarea
          label={t('queue.decisionReason')}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setReasonError(null);
          }}
          error={reasonError}
          autosize
          minRows={3}
          required
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('customer.cancel')}
          </Button>
          <Button
            color={decision === 'approve' ? 'teal.9' : 'red.9'}
            loading={state.loading}
            onClick={() => void confirm()}
          >
            {decision === 'approve' ? t('queue.approve') : t('queue.reject')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
