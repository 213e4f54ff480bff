import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Card,
  Group,
  List,
  SimpleGrid,
  Stack,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RecoveryRequestQuery } from '../graphql/recovery.graphql';
import { TakeRecoveryRequestMutation } from '../../queue/graphql/queue.graphql';
import { formatBytes } from '../../../format/bytes';
import { ErrorState, LoadingState } from '../../../components/states';
import { formatDateTime } from '../../../format/date';
import { Link, paths } from '../../../app/router';
import { useSession } from '../../auth/hooks/useSession';
import { useApiLocale } from '../../../i18n/useApiLocale';
import { useUserErrorText } from '../../../apollo/userErrors';
import { DecideModal, type Decision } from '../../queue/components/DecideModal';
import { useAutoOutcome } from '../hooks/useAutoOutcome';
import { RecoveryStatusBadge } from './RecoveryStatusBadge';
import { RecoveryAmounts } from './RecoveryAmounts';
import { settled } from '../../../apollo/settled';

/** One recovery request: what was asked (with amounts and the staged plan), its status timeline, and the supervisor's actions. */
export function RecoveryRequestDetail({ requestId }: { requestId: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const locale = useApiLocale();
  const autoOutcome = useAutoOutcome();
  const userErrorText = useUserErrorText();
  const { isSupervisor } = useSession();
  const { data, error, refetch } = useQuery(RecoveryRequestQuery, {
    variables: { id: requestId, locale },
    fetchPolicy: 'network-only',
  });
  const [take, taking] = useMutation(TakeRecoveryRequestMutation);
  const [takeError, setTakeError] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (error && !data) return <ErrorState error={error} onRetry={() => void settled(refetch())} />;
  if (!data) return <LoadingState />;
  const request = data.node?.__typename === 'RecoveryRequest' ? data.node : null;
  if (!request) return <ErrorState error={{ code: 'NOT_FOUND' }} />;
  const statusText = (s: string | null) => (s ? t(`recovery.statuses.${s}`) : '');
  const open = request.status === 'UNDER_REVIEW';

  return (
    <Stack gap="md" maw={900}>
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h3">
          {t('recovery.detailTitle')} · {t(`recovery.types.${request.type}`)}
        </Title>
        <RecoveryStatusBadge status={request.status} />
      </Group>
      {done && (
        <Alert color="teal" variant="light" role="status">
          {done}
        </Alert>
      )}
      {isSupervisor && open && (
        <Card
          withBorder
          padding="sm"
          radius="md"
          component="section"
          aria-label={t('queue.actions')}
        >
          <Group gap="xs" wrap="wrap">
            <Text size="sm">
              {request.assignedTo
                ? t('queue.takenBy', { name: request.assignedTo })
                : t('queue.notTaken')}
            </Text>
            {!request.assignedToMe && !request.assignedTo && (
              <Button
                size="xs"
                variant="default"
                loading={taking.loading}
                onClick={() =>
                  void settled(
                    take({ variables: { input: { requestId } } }).then((r) => {
                      const e = r.data?.takeRecoveryRequest.userErrors[0];
                      setTakeError(e ? userErrorText(e) : null);
                      void settled(refetch());
                    }),
                  )
                }
              >
                {t('queue.take')}
              </Button>
            )}
            <Button size="xs" color="teal.9" onClick={() => setDeciding('approve')}>
              {t('queue.approve')}
            </Button>
            <Button size="xs" color="red.9" onClick={() => setDeciding('reject')}>
              {t('queue.reject')}
            </Button>
          </Group>
          {takeError && (
            <Text size="sm" c="red.9" role="alert" mt="xs">
              {takeError}
            </Text>
          )}
        </Card>
      )}
      <Card withBorder padding="md" radius="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" mb="sm">
          <div>
            <Text size="xs" c="dimmed">
              {t('recovery.customer')}
            </Text>
            <Link to={paths.customer(request.customer.id)}>{request.customer.name}</Link>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('recovery.filedAt')}
            </Text>
            <Text>{formatDateTime(request.createdAt, lng)}</Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('recovery.autoOutcome')}
            </Text>
            <Text>{autoOutcome(request.autoOutcome)}</Text>
          </div>
        </SimpleGrid>
        <RecoveryAmounts r={request} />
        <Text size="xs" c="dimmed" mt="sm">
          {t('recovery.reason')}
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }} data-free-text>
          {request.reason}
        </Text>
        <Text size="xs" c="dimmed" mt="sm">
          {t('recovery.documents')}
        </Text>
        {request.documents.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('recovery.noDocuments')}
          </Text>
        ) : (
          <List size="sm">
            {request.documents.map((d, i) => (
              <List.Item key={i}>
                {d.fileName} (
                {t(`recovery.documentKinds.${d.kind}`, {
                  defaultValue: t('recovery.documentKinds.OTHER'),
                })}
                , {formatBytes(d.sizeBytes)})
              </List.Item>
            ))}
          </List>
        )}
      </Card>
      <Card
        withBorder
        padding="md"
        radius="md"
        component="section"
        aria-labelledby="timeline-title"
      >
        <Title order={2} size="h4" id="timeline-title" mb="md">
          {t('recovery.timeline')}
        </Title>
        <Timeline
          active={request.transitions.length - 1}
          bulletSize={16}
          lineWidth={2}
          data-testid="recovery-timeline"
        >
          {request.transitions.map((tr, i) => (
            <Timeline.Item key={i} title={statusText(tr.toStatus)}>
              <Text size="xs" c="dimmed">
                {formatDateTime(tr.createdAt, lng)} ·{' '}
                {t('recovery.by', {
                  actor:
                    tr.actorType === 'SYSTEM'
                      ? t('actors.SYSTEM')
                      : (tr.actorName ?? t('actors.AGENT')),
                })}
              </Text>
              {/* what a person typed, or the server's sentence in the agent's language */}
              <Text size="sm" data-free-text>
                {tr.reasonText}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Card>
      <DecideModal
        subject={deciding ? { kind: 'recovery', id: requestId } : null}
        decision={deciding ?? 'approve'}
        details={<RecoveryAmounts r={request} compact />}
        onClose={() => setDeciding(null)}
        onDecided={() => {
          setDone(deciding === 'reject' ? t('queue.rejected') : t('queue.approved'));
          void settled(refetch());
        }}
      />
    </Stack>
  );
}
