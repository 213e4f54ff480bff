import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  ReferenceArea,
  XAxis,
  YAxis,
} from 'recharts';
import { useTranslation } from 'react-i18next';
import { LimitHistoryQuery } from '../graphql/limit.graphql';
import { apiLocale } from '../../../i18n';
import { QueryState } from '../../../components/states';
import { formatMoney, toFen } from '../../../format/money';
import { formatDate, formatDateTime } from '../../../format/date';
import { useDecisionKind } from '../hooks/useDecisionKind';
import { settled } from '../../../apollo/settled';

interface Point {
  at: number;
  limit: number;
  kindCode: string;
  kind: string;
  reason: string;
  status: string;
  /** The line carried on to today (no decision, no dot). */
  today?: boolean;
}

/** Dot colours by decision kind: downs and freezes stand out from reviews and raises. */
const KIND_COLORS: Record<string, string> = {
  FREEZE: '#c92a2a',
  UNFREEZE: '#087f5b',
  RECOVERY: '#087f5b',
  PROMOTION: '#5f3dc4',
  MANUAL: '#e67700',
};

/** The total limit after each decision (chart) and the decisions themselves (table). */
export function LimitHistory({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const kindText = useDecisionKind();
  const { data, loading, error, refetch } = useQuery(LimitHistoryQuery, {
    variables: { id: customerId, first: 100, locale: apiLocale(i18n.language) },
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
    kindCode: d.kind,
    kind: kindText(d.kind),
    reason: d.reasons[0]?.text ?? '',
    status: d.statusAfter,
  }));
  // The current limit holds until today: carry the line on to now.
  const last = points[points.length - 1];
  const now = Date.now();
  const series: Point[] =
    last && now > last.at ? [...points, { ...last, at: now, today: true }] : points;
  // Periods in which the account was frozen, shaded on the chart.
  const frozen: { from: number; to: number }[] = [];
  points.forEach((p, i) => {
    if (p.status !== 'FROZEN') return;
    const next = points.slice(i + 1).find((q) => q.status !== 'FROZEN');
    const previous = frozen[frozen.length - 1];
    if (previous && previous.to === (next?.at ?? now)) return;
    frozen.push({ from: p.at, to: next?.at ?? Math.max(p.at, now) });
  });
  const currency = decisions[0]?.baseLimitAfter.currency ?? 'CNY';

  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby="history-title">
      <Title order={2} size="h4" id="history-title" mb="sm">
        {t('limit.historyTitle')}
      </Title>
      <QueryState
        loading={loading}
        error={error}
        hasData={!!data}
        onRetry={() => void settled(refetch())}
      >
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
                  <LineChart data={series} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
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
                    {frozen.map((f) => (
                      <ReferenceArea
                        key={f.from}
                        x1={f.from}
                        x2={f.to}
                        fill="#1864ab"
                        fillOpacity={0.1}
                      />
                    ))}
                    <Line
                      type="stepAfter"
                      dataKey="limit"
                      stroke="#1864ab"
                      strokeWidth={2}
                      isAnimationActive={false}
                      dot={(props: {
                        cx?: number;
                        cy?: number;
                        index?: number;
                        payload?: Point;
                      }) =>
                        props.payload?.today ? (
                          <g key={props.index} />
                        ) : (
                          <circle
                            key={props.index}
                            cx={props.cx}
                            cy={props.cy}
                            r={5}
                            stroke="#fff"
                            strokeWidth={1.5}
                            fill={KIND_COLORS[props.payload?.kindCode ?? ''] ?? '#1864ab'}
                          />
                        )
                      }
                    />
                  </LineChart>
                </ResponsiveContainer>
              </div>
              <Group gap="md" wrap="wrap" aria-hidden>
                {(['FREEZE', 'RECOVERY', 'PROMOTION'] as const).map((k) => (
                  <Group key={k} gap={6}>
                    <span
                      style={{ width: 10, height: 10, borderRadius: 5, background: KIND_COLORS[k] }}
                    />
                    <Text size="xs">
                      {k === 'RECOVERY' ? `${kindText('UNFREEZE')} / ${kindText(k)}` : kindText(k)}
                    </Text>
                  </Group>
                ))}
                <Group gap={6}>
                  <span style={{ width: 14, height: 10, background: 'rgba(24, 100, 171, 0.15)' }} />
                  <Text size="xs">{t('limit.frozenPeriod')}</Text>
                </Group>
              </Group>
              <Table.ScrollContainer minWidth={640}>
                <Table striped highlightOnHover data-testid="decision-table">
                  <Table.Caption>{t('limit.table')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('limit.date')}</Table.Th>
                      <Table.Th>{t('limit.kind')}</Table.Th>
                      <Table.Th>{t('limit.before')}</Table.Th>
                      <Table.Th>{t('limit.after')}</Table.Th>
                      <Table.Th>{t('limit.status')}</Table.Th>
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
                          {d.statusBefore === d.statusAfter
                            ? t(`account.statuses.${d.statusAfter}`)
                            : `${t(`account.statuses.${d.statusBefore}`)} → ${t(`account.statuses.${d.statusAfter}`)}`}
                        </Table.Td>
                        <Table.Td>
                          {d.reasons
                            .map((r) => r.text)
                            .join(i18n.language.startsWith('zh') ? '；' : '; ') || '—'}
                        </Table.Td>
                        <Table.Td>
                          {d.decidedBy === 'SYSTEM'
                            ? t('actors.SYSTEM')
                            : (d.decidedByName ?? t('actors.AGENT'))}
                        </Table.Td>
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
  const { t, i18n } = useTranslation();
  if (!active || !payload?.length) return null;
  const p = payload[0].payload;
  if (p.today) return null;
  return (
    <Card withBorder padding="xs" shadow="sm" maw={280}>
      <Text size="xs" c="dimmed">
        {formatDateTime(new Date(p.at).toISOString(), i18n.language)}
      </Text>
      <Text size="sm" fw={600}>
        {p.kind}: {formatMoney({ amount: p.limit.toFixed(2), currency }, i18n.language)}
      </Text>
      {p.status === 'FROZEN' && (
        <Text size="xs" c="red.9">
          {t('account.statuses.FROZEN')}
        </Text>
      )}
      {p.reason && <Text size="xs">{p.reason}</Text>}
    </Card>
  );
}
