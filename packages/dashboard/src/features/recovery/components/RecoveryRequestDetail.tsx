import { useQuery } from '@apollo/client/react';
import { Card, Group, List, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RecoveryRequestQuery } from '../graphql/recovery.graphql';
import { formatBytes } from '../../../format/bytes';
import { ErrorState, LoadingState } from '../../../components/states';
import { formatDateTime } from '../../../format/date';
import { Link, paths } from '../../../app/router';
import { useAutoOutcome } from '../hooks/useAutoOutcome';
import { RecoveryStatusBadge } from './RecoveryStatusBadge';

/** One recovery request: what was asked, and its status timeline. */
export function RecoveryRequestDetail({ requestId }: { requestId: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const autoOutcome = useAutoOutcome();
  const { data, error, refetch } = useQuery(RecoveryRequestQuery, {
    variables: { id: requestId },
    fetchPolicy: 'network-only',
  });
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data) return <LoadingState />;
  const request = data.node?.__typename === 'RecoveryRequest' ? data.node : null;
  if (!request) return <ErrorState error={{ code: 'NOT_FOUND' }} />;
  const statusText = (s: string | null) => (s ? t(`recovery.statuses.${s}`) : '');

  return (
    <Stack gap="md" maw={900}>
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h3">
          {t('recovery.detailTitle')} · {t(`recovery.types.${request.type}`)}
        </Title>
        <RecoveryStatusBadge status={request.status} />
      </Group>
      <Card withBorder padding="md" radius="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
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
        <Text size="xs" c="dimmed" mt="sm">
          {t('recovery.reason')}
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{request.reason}</Text>
        {request.reasons.length > 0 && (
          <>
            <Text size="xs" c="dimmed" mt="sm">
              {t('recovery.decisionReasons')}
            </Text>
            <List size="sm">
              {request.reasons.map((r) => (
                <List.Item key={r.code}>{r.text}</List.Item>
              ))}
            </List>
          </>
        )}
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
                {d.fileName} ({d.contentType}, {formatBytes(d.sizeBytes)})
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
                {formatDateTime(tr.createdAt, lng)} · {t('recovery.by', { actor: tr.actor })}
              </Text>
              <Text size="sm">{tr.reason}</Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Card>
    </Stack>
  );
}
