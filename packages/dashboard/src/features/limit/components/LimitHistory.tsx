import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { Card, Stack, Table, Text, Title } from '@mantine/core';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useTranslation } from 'react-i18next';
import { LimitHistoryQuery } from '../graphql/limit.graphql';
import { QueryState } from '../../../components/states';
import { formatMoney, toFen } from '../../../format/money';
import { formatDate, formatDateTime } from '../../../format/date';
import { useDecisionKind } from '../hooks/useDecisionKind';

interface Point {
  at: number;
  limit: number;
  kind: string;
  reason: string;
}

/** The total limit after each decision (chart) and the decisions themselves (table). */
export function LimitHistory({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const kindText = useDecisionKind();
  const { data, loading, error, refetch } = useQuery(LimitHistoryQuery, {
    variables: { id: customerId, first: 100 },
  });
  const decisions = useMemo(
    () =>
      [...(data?.customer?.account?.decisions.edges.map((e) => e.node) ?? [])].sort(
        (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt),
      ),
    [data],
  );
  const points: Point[] = decisions.map((d) => ({
    at: Date.parse(d.createdAt),
    limit: toFen(d.baseLimitAfter.amount) / 100,
    kind: kindText(d.kind),
    reason: d.reasons[0]?.text ?? d.note ?? '',
  }));
  const currency = decisions[0]?.baseLimitAfter.currency ?? 'CNY';

  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby="history-title">
      <Title order={2} size="h4" id="history-title" mb="sm">
        {t('limit.historyTitle')}
      </Title>
      <QueryState loading={loading} error={error} hasData={!!data} onRetry={() => void refetch()}>
        {() =>
          decisions.length === 0 ? (
            <Text c="dimmed">{t('limit.noDecisions')}</Text>
          ) : (
            <Stack gap="md">
              <div
                role="img"
                aria-label={t('limit.chartLabel')}
                style={{ width: '100%', height: 240 }}
              >
                <ResponsiveContainer width="100%" height="100%">
                  <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis
                      dataKey="at"
                      type="number"
                      scale="time"
                      domain={['dataMin', 'dataMax']}
                      tickFormatter={(v: number) => formatDate(new Date(v).toISOString(), lng)}
                      fontSize={12}
                    />
                    <YAxis
                      fontSize={12}
                      width={72}
                      tickFormatter={(v: number) =>
                        formatMoney({ amount: v.toFixed(2), currency }, lng).replace(/\.00$/, '')
                      }
                    />
                    <Tooltip content={<DecisionTooltip currency={currency} />} />
                    <Line
                      type="stepAfter"
                      dataKey="limit"
                      stroke="#1c7ed6"
                      strokeWidth={2}
                      dot={{ r: 4 }}
                      isAnimationActive={false}
                    />
                  </LineChart>
                </ResponsiveContainer>
              </div>
              <Table.ScrollContainer minWidth={640}>
                <Table striped highlightOnHover data-testid="decision-table">
                  <Table.Caption>{t('limit.table')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('limit.date')}</Table.Th>
                      <Table.Th>{t('limit.kind')}</Table.Th>
                      <Table.Th>{t('limit.before')}</Table.Th>
                      <Table.Th>{t('limit.after')}</Table.Th>
                      <Table.Th>{t('limit.reason')}</Table.Th>
                      <Table.Th>{t('limit.decidedBy')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {[...decisions].reverse().map((d) => (
                      <Table.Tr key={d.id}>
                        <Table.Td>{formatDateTime(d.createdAt, lng)}</Table.Td>
                        <Table.Td>{kindText(d.kind)}</Table.Td>
                        <Table.Td>{formatMoney(d.baseLimitBefore, lng)}</Table.Td>
                        <Table.Td>{formatMoney(d.baseLimitAfter, lng)}</Table.Td>
                        <Table.Td>
                          {d.reasons.map((r) => r.text).join('; ') || d.note || '—'}
                        </Table.Td>
                        <Table.Td>{d.decidedBy}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Stack>
          )
        }
      </QueryState>
    </Card>
  );
}

function DecisionTooltip({
  active,
  payload,
  currency,
}: {
  active?: boolean;
  payload?: { payload: Point }[];
  currency: string;
}) {
  const { i18n } = useTranslation();
  if (!active || !payload?.length) return null;
  const p = payload[0].payload;
  return (
    <Card withBorder padding="xs" shadow="sm" maw={280}>
      <Text size="xs" c="dimmed">
        {formatDateTime(new Date(p.at).toISOString(), i18n.language)}
      </Text>
      <Text size="sm" fw={600}>
        {p.kind}: {formatMoney({ amount: p.limit.toFixed(2), currency }, i18n.language)}
      </Text>
      {p.reason && <Text size="xs">{p.reason}</Text>}
    </Card>
  );
}
