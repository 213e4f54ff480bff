import { useState, type ReactNode } from 'react';
import { Alert, Button, Group, Modal, Stack, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from './states';
import { useUserErrorText } from '../apollo/userErrors';
import { settled } from '../apollo/settled';

/** A payload's shape as far as a dialog cares: its userErrors. */
type WithUserErrors = { userErrors: readonly { code: string; message: string }[] };

/**
 * The problem a mutation dialog shows in words: a check the dialog makes before sending, or the
 * payload's first userError in the agent's language.
 */
export function useMutationProblem() {
  const userErrorText = useUserErrorText();
  const [problem, setProblem] = useState<string | null>(null);
  return {
    problem,
    setProblem,
    /** True (and the first userError shown) when the payload was refused. */
    refused(payload: WithUserErrors | null | undefined): boolean {
      const e = payload?.userErrors[0];
      if (e) setProblem(userErrorText(e));
      return !!e;
    },
  };
}

/** Under a mutation's form: the problem in words, and the request's own error (network, server). */
export function MutationFeedback({ problem, error }: { problem: string | null; error: unknown }) {
  return (
    <>
      {problem && (
        <Alert color="red" variant="light" role="alert">
          {problem}
        </Alert>
      )}
      {error ? <ErrorState error={error} /> : null}
    </>
  );
}

/**
 * A dialog that sends one mutation: its fields (children), the problem in words, the request's own
 * error (network, server — from the mutation hook's `error`), cancel and submit. Submitting never
 * leaves a rejected promise behind: a failed request is already shown through `error`.
 */
export function MutationDialog({
  opened,
  onClose,
  title,
  children,
  problem,
  error,
  loading,
  onSubmit,
  submitLabel,
  submitColor,
  cancelLabel,
}: {
  opened: boolean;
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
  problem: string | null;
  error: unknown;
  loading: boolean;
  onSubmit: () => Promise<unknown>;
  submitLabel: ReactNode;
  submitColor?: MantineColor;
  cancelLabel?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      centered
      closeButtonProps={{ 'aria-label': t('app.closeDialog') }}
    >
      <Stack gap="sm">
        {children}
        <MutationFeedback problem={problem} error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {cancelLabel ?? t('customer.cancel')}
          </Button>
          <Button color={submitColor} loading={loading} onClick={() => void settled(onSubmit())}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
