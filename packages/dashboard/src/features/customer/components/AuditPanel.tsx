import { useQuery } from '@apollo/client/react';
import { Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AuditTrailQuery } from '../graphql/customer.graphql';
import { LoadMore, QueryState } from '../../../components/states';
import { formatDateTime } from '../../../format/date';
import { settled } from '../../../apollo/settled';

const PAGE = 25;

export function AuditPanel({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const { data, loading, error, refetch, fetchMore } = useQuery(AuditTrailQuery, {
    variables: { id: customerId, first: PAGE },
    fetchPolicy: 'network-only',
  });
  const trail = data?.customer?.auditTrail;
  // "AGENT:2" → "Support agent"; the API's actor key is for machines.
  const actorText = (actor: string) =>
    t(`actors.${actor.split(':')[0]}`, { defaultValue: t('actors.SYSTEM') });
  // Details are stored as JSON for machines: show the few an agent reads, in words.
  const detailsText = (raw: string | null | undefined) => {
    let d: Record<string, unknown> = {};
    try {
      d = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      return '—';
    }
    const parts: string[] = [];
    if (typeof d.type === 'string') parts.push(t(`recovery.types.${d.type}`, { defaultValue: '' }));
    if (Array.isArray(d.tags))
      parts.push(...d.tags.map((x) => t(`notes.tagNames.${String(x)}`, { defaultValue: '' })));
    if (typeof d.ticketRef === 'string') parts.push(t('timeline.ticket', { ref: d.ticketRef }));
    if (typeof d.documents === 'number') parts.push(`${t('recovery.documents')}: ${d.documents}`);
    if (typeof d.reason === 'string') parts.push(d.reason);
    return parts.filter(Boolean).join(' · ') || '—';
  };
  const entries = trail?.edges ?? [];
  const more = () =>
    void settled(
      fetchMore({
        variables: { after: trail?.pageInfo.endCursor },
        updateQuery: (prev, { fetchMoreResult }) => {
          if (!prev.customer || !fetchMoreResult.customer) return prev as typeof fetchMoreResult;
          return {
            ...fetchMoreResult,
            customer: {
              ...fetchMoreResult.customer,
              auditTrail: {
                ...fetchMoreResult.customer.auditTrail,
                edges: [
                  ...prev.customer.auditTrail.edges,
                  ...fetchMoreResult.customer.auditTrail.edges,
                ],
              },
            },
          };
        },
      }),
    );

  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby="audit-title">
      <Title order={2} size="h4" id="audit-title" mb="sm">
        {t('audit.title')}
      </Title>
      <QueryState
        loading={loading}
        error={error}
        hasData={!!data}
        onRetry={() => void settled(refetch())}
      >
        {() =>
          entries.length === 0 ? (
            <Text c="dimmed">{t('audit.none')}</Text>
          ) : (
            <>
              <Table.ScrollContainer minWidth={560}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('audit.time')}</Table.Th>
                      <Table.Th>{t('audit.action')}</Table.Th>
                      <Table.Th>{t('audit.actor')}</Table.Th>
                      <Table.Th>{t('audit.details')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {entries.map(({ cursor, node }) => (
                      <Table.Tr key={cursor}>
                        <Table.Td>{formatDateTime(node.createdAt, i18n.language)}</Table.Td>
                        <Table.Td>
                          {t(`auditActions.${node.action}`, {
                            defaultValue: t('auditActions.other'),
                          })}
                        </Table.Td>
                        <Table.Td>{actorText(node.actor)}</Table.Td>
                        <Table.Td>{detailsText(node.details)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {trail?.pageInfo.hasNextPage && <LoadMore loading={loading} onClick={more} />}
            </>
          )
        }
      </QueryState>
    </Card>
  );
}
