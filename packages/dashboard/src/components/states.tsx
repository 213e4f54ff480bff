import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorCodeOf } from '../apollo/errors';

/** Loading: a spinner with a text for screen readers and for the eye. */
export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="lg" role="status" aria-live="polite">
      <Group gap="xs">
        <Loader size="sm" />
        <Text c="dimmed" size="sm">
          {label ?? t('state.loading')}
        </Text>
      </Group>
    </Center>
  );
}

export function EmptyState({ children }: { children?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Text c="dimmed" size="sm" py="sm">
      {children ?? t('state.empty')}
    </Text>
  );
}

/** An error as a localized sentence by its code; never the raw message. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const code = errorCodeOf(error);
  return (
    <Alert color="red" variant="light" role="alert" data-error-code={code}>
      <Stack gap="xs">
        <Text size="sm">{t(`errors.${code}`)}</Text>
        {onRetry && (
          <div>
            <Button size="xs" variant="light" color="red" onClick={onRetry}>
              {t('state.retry')}
            </Button>
          </div>
        )}
      </Stack>
    </Alert>
  );
}

/** Loading, error, or the content: the three states every panel has. */
export function QueryState({
  loading,
  error,
  hasData,
  onRetry,
  children,
}: {
  loading: boolean;
  error: unknown;
  hasData: boolean;
  onRetry?: () => void;
  children: () => React.ReactNode;
}) {
  if (error && !hasData) return <ErrorState error={error} onRetry={onRetry} />;
  if (!hasData) return loading ? <LoadingState /> : <EmptyState />;
  return <>{children()}</>;
}

/** "Load more" under a list whose connection has a next page. */
export function LoadMore({ loading, onClick }: { loading: boolean; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="center" mt="sm">
      <Button variant="light" size="xs" loading={loading} onClick={onClick}>
        {t('pagination.more')}
      </Button>
    </Group>
  );
}
