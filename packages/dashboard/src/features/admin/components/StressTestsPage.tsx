import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useTranslation } from 'react-i18next';
import { RunStressTestMutation, StressTestsQuery } from '../graphql/admin.graphql';
import { ErrorState, QueryState } from '../../../components/states';
import { useMutationProblem } from '../../../components/MutationDialog';
import { formatMoney, toFen } from '../../../format/money';
import { formatDateTime } from '../../../format/date';
import { settled } from '../../../apollo/settled';

interface Cell {
  key: string;
  accounts: number;
  limitsCut: number;
  exposure: { amount: string; currency: string };
  expectedLoss: { amount: string; currency: string };
  stressedExpectedLoss: { amount: string; currency: string };
  cut: { amount: string; currency: string };
}

/** Risk admin: shock the live portfolio's PD and see exposure, expected loss and cuts, stored. */
export function StressTestsPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { data, loading, error, refetch } = useQuery(StressTestsQuery, {
    variables: { first: 10 },
    fetchPolicy: 'cache-and-network',
  });
  const [multiplier, setMultiplier] = useState<number | string>(1.5);
  const { problem, setProblem, refused } = useMutationProblem();
  const [selected, setSelected] = useState<string | null>(null);
  const [run, running] = useMutation(RunStressTestMutation);
  const runs = data?.stressTests ?? [];
  const current = runs.find((r) => r.id === selected) ?? runs[0];

  /** A cell's key (grade A–E, income band, TOTAL) in words. */
  const cellName = (key: string) =>
    /^[A-E]$/.test(key)
      ? t('admin.stress.grade', { grade: key })
      : t(`admin.stress.band.${key}`, { defaultValue: t('admin.stress.band.other') });

  const submit = async () => {
    setProblem(null);
    const pd = typeof multiplier === 'number' ? multiplier : Number(multiplier);
    if (!Number.isFinite(pd) || pd <= 0 || pd > 20)
      return setProblem(t('admin.stress.badMultiplier'));
    const { data: d } = await run({ variables: { input: { pdMultiplier: pd } } });
    const p = d?.runStressTest;
    if (refused(p)) return;
    if (p?.stressTest) setSelected(p.stressTest.id);
    await settled(refetch());
  };

  const table = (caption: string, cells: Cell[]) => (
    <Table.ScrollContainer minWidth={680}>
      <Table striped captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('admin.stress.segment')}</Table.Th>
            <Table.Th scope="col">{t('admin.stress.accounts')}</Table.Th>
            <Table.Th scope="col">{t('admin.stress.exposure')}</Table.Th>
            <Table.Th scope="col">{t('admin.stress.expectedLoss')}</Table.Th>
            <Table.Th scope="col">{t('admin.stress.stressedLoss')}</Table.Th>
            <Table.Th scope="col">{t('admin.stress.limitsCut')}</Table.Th>
            <Table.Th scope="col">{t('admin.stress.cut')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cells.map((c) => (
            <Table.Tr key={c.key}>
              <Table.Th scope="row">{cellName(c.key)}</Table.Th>
              <Table.Td>{c.accounts}</Table.Td>
              <Table.Td>{formatMoney(c.exposure, lng)}</Table.Td>
              <Table.Td>{formatMoney(c.expectedLoss, lng)}</Table.Td>
              <Table.Td>{formatMoney(c.stressedExpectedLoss, lng)}</Table.Td>
              <Table.Td>{c.limitsCut}</Table.Td>
              <Table.Td>{formatMoney(c.cut, lng)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('admin.stress.title')}
      </Title>
      <Text c="dimmed" size="sm">
        {t('admin.stress.intro')}
      </Text>
      <Card withBorder padding="md" radius="md" component="section" aria-labelledby="stress-run">
        <Title order={2} size="h4" id="stress-run" mb="sm">
          {t('admin.stress.runTitle')}
        </Title>
        <Group align="flex-end" wrap="wrap">
          <NumberInput
            label={t('admin.stress.multiplier')}
            description={t('admin.stress.multiplierHint')}
            min={0.1}
            max={20}
            step={0.1}
            decimalScale={2}
            value={multiplier}
            onChange={setMultiplier}
            w={260}
          />
          <Button loading={running.loading} onClick={() => void settled(submit())}>
            {t('admin.stress.run')}
          </Button>
        </Group>
        {problem && (
          <Alert color="red" variant="light" role="alert" mt="sm">
            {problem}
          </Alert>
        )}
        {running.error && <ErrorState error={running.error} />}
      </Card>
      <QueryState
        loading={loading}
        error={error}
        hasData={!!data}
        onRetry={() => void settled(refetch())}
      >
        {() =>
          !current ? (
            <Text c="dimmed">{t('admin.stress.none')}</Text>
          ) : (
            <Stack gap="md" data-testid="stress-result">
              <Select
                label={t('admin.stress.stored')}
                value={current.id}
                onChange={(v) => setSelected(v)}
                allowDeselect={false}
                data={runs.map((r) => ({
                  value: r.id,
                  label: `${formatDateTime(r.createdAt, lng)} · ${
                    r.pdMultiplier != null
                      ? t('admin.stress.pdTimes', { x: r.pdMultiplier })
                      : t('admin.stress.migration')
                  }`,
                }))}
                w={{ base: '100%', sm: 420 }}
              />
              <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
                <Stat label={t('admin.stress.accounts')} value={String(current.total.accounts)} />
                <Stat
                  label={t('admin.stress.exposure')}
                  value={formatMoney(current.total.exposure, lng)}
                />
                <Stat
                  label={t('admin.stress.lossChange')}
                  value={`${formatMoney(current.total.expectedLoss, lng)} → ${formatMoney(
                    current.total.stressedExpectedLoss,
                    lng,
                  )}`}
                />
                <Stat
                  label={t('admin.stress.limitsCut')}
                  value={`${current.total.limitsCut} · ${formatMoney(current.total.cut, lng)}`}
                />
              </SimpleGrid>
              <Group gap="xs">
                {current.budgetBreached == null ? (
                  <Badge color="gray.7" variant="filled">
                    {t('admin.stress.noBudget')}
                  </Badge>
                ) : current.budgetBreached ? (
                  <Badge color="red.9" variant="filled">
                    {t('admin.stress.breached')}
                  </Badge>
                ) : (
                  <Badge color="teal.9" variant="filled">
                    {t('admin.stress.withinBudget')}
                  </Badge>
                )}
                <Text size="sm" c="dimmed">
                  {t('admin.stress.lgd', { pct: current.lossGivenDefaultBp / 100 })}
                </Text>
              </Group>
              <Card withBorder padding="md" radius="md">
                <Title order={2} size="h4" mb="sm" id="stress-chart-title">
                  {t('admin.stress.chartTitle')}
                </Title>
                <div
                  role="img"
                  aria-labelledby="stress-chart-title"
                  style={{ width: '100%', height: 260 }}
                >
                  <ResponsiveContainer>
                    <BarChart
                      data={current.byGrade.map((c) => ({
                        name: cellName(c.key),
                        before: toFen(c.expectedLoss.amount) / 100,
                        after: toFen(c.stressedExpectedLoss.amount) / 100,
                      }))}
                    >
                      <CartesianGrid strokeDasharray="3 3" />
                      <XAxis dataKey="name" />
                      <YAxis
                        width={96}
                        tickFormatter={(v: number) =>
                          `¥${Math.round(v).toLocaleString(lng, { maximumFractionDigits: 0 })}`
                        }
                      />
                      <Tooltip
                        formatter={(v) =>
                          formatMoney({ amount: Number(v).toFixed(2), currency: 'CNY' }, lng)
                        }
                      />
                      <Legend />
                      <Bar dataKey="before" name={t('admin.stress.expectedLoss')} fill="#1971c2" />
                      <Bar dataKey="after" name={t('admin.stress.stressedLoss')} fill="#c92a2a" />
                    </BarChart>
                  </ResponsiveContainer>
                </div>
              </Card>
              {table(t('admin.stress.byGrade'), current.byGrade)}
              {table(t('admin.stress.byBand'), current.bySegment)}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder padding="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </Card>
  );
}
