import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  ApprovePurchaseMutation,
  ApproveRecoveryRequestMutation,
  RejectPurchaseMutation,
  RejectRecoveryRequestMutation,
} from '../graphql/queue.graphql';
import { MutationDialog, useMutationProblem } from '../../../components/MutationDialog';
import { useUserErrorText } from '../../../apollo/userErrors';
import { useDraft } from '../../auth/hooks/useDraft';

export type Decision = 'approve' | 'reject';
/** What is being decided: a recovery request or a purchase waiting for manual review. */
export type Subject = { kind: 'recovery' | 'purchase'; id: string };

/** The API's answer, the same for both kinds: the new status (and a purchase's decline code), or the userErrors. */
interface Outcome {
  status: string | null;
  declineCode?: string | null;
  userErrors: { code: string; message: string }[];
}

/** Approve or reject a recovery request or a purchase; a reason is required either way (it is stored). */
export function DecideModal({
  subject,
  decision,
  onClose,
  onDecided,
  details,
}: {
  subject: Subject | null;
  decision: Decision;
  onClose: () => void;
  onDecided: (status: string, declineCode?: string | null) => void;
  /** What is decided on (customer, type, amounts, review reasons), shown above the reason. */
  details?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const userErrorText = useUserErrorText();
  const { problem, setProblem } = useMutationProblem();
  const [reason, setReason] = useDraft(`decide:${subject?.id ?? ''}`, '');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [approveRecovery, recoveryApproval] = useMutation(ApproveRecoveryRequestMutation);
  const [rejectRecovery, recoveryRejection] = useMutation(RejectRecoveryRequestMutation);
  const [approvePurchase, purchaseApproval] = useMutation(ApprovePurchaseMutation);
  const [rejectPurchase, purchaseRejection] = useMutation(RejectPurchaseMutation);
  const kind = subject?.kind ?? 'recovery';
  const state =
    kind === 'recovery'
      ? decision === 'approve'
        ? recoveryApproval
        : recoveryRejection
      : decision === 'approve'
        ? purchaseApproval
        : purchaseRejection;

  const close = () => {
    setReason('');
    setReasonError(null);
    setProblem(null);
    for (const s of [recoveryApproval, recoveryRejection, purchaseApproval, purchaseRejection])
      s.reset();
    onClose();
  };

  const send = async (id: string, text: string): Promise<Outcome | undefined> => {
    if (kind === 'recovery') {
      const variables = { input: { requestId: id, reason: text } };
      const r =
        decision === 'approve'
          ? (await approveRecovery({ variables })).data?.approveRecoveryRequest
          : (await rejectRecovery({ variables })).data?.rejectRecoveryRequest;
      return r && { status: r.recoveryRequest?.status ?? null, userErrors: r.userErrors };
    }
    const variables = { input: { purchaseId: id, reason: text } };
    const r =
      decision === 'approve'
        ? (await approvePurchase({ variables })).data?.approvePurchase
        : (await rejectPurchase({ variables })).data?.rejectPurchase;
    return (
      r && {
        status: r.purchase?.status ?? null,
        declineCode: r.purchase?.declineCode,
        userErrors: r.userErrors,
      }
    );
  };

  const confirm = async () => {
    if (!subject) return;
    if (reason.trim().length < 5) {
      setReasonError(t('queue.decisionReasonError'));
      return;
    }
    const result = await send(subject.id, reason.trim());
    if (result?.status && result.userErrors.length === 0) {
      onDecided(result.status, result.declineCode);
      close();
    } else if (result) {
      const e = result.userErrors[0];
      // A known code in words from the dashboard's texts; otherwise the API's own sentence.
      setProblem(
        e
          ? t(`queue.userErrors.${e.code}`, { defaultValue: userErrorText(e) })
          : t('errors.UNKNOWN'),
      );
    }
  };

  const title =
    kind === 'recovery'
      ? decision === 'approve'
        ? t('queue.decisionTitleApprove')
        : t('queue.decisionTitleReject')
      : decision === 'approve'
        ? t('queue.decisionTitleApprovePurchase')
        : t('queue.decisionTitleRejectPurchase');

  return (
    <MutationDialog
      opened={!!subject}
      onClose={close}
      title={title}
      problem={problem}
      error={state.error}
      loading={state.loading}
      onSubmit={confirm}
      submitLabel={decision === 'approve' ? t('queue.approve') : t('queue.reject')}
      submitColor={decision === 'approve' ? 'teal.9' : 'red.9'}
    >
      {details}
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
        maxLength={2000}
        required
        data-autofocus
      />
    </MutationDialog>
  );
}
