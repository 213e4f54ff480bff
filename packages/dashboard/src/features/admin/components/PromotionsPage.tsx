import { useState } from 'react';
import type { Grade, PromotionStatus } from '../../../generated/graphql';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { GRADES, CATEGORIES } from '../segments';
import {
  CancelPromotionMutation,
  CreatePromotionMutation,
  PromotionsQuery,
} from '../graphql/admin.graphql';
import { LoadMore, QueryState } from '../../../components/states';
import {
  MutationDialog,
  MutationFeedback,
  useMutationProblem,
} from '../../../components/MutationDialog';
import { formatDateTime } from '../../../format/date';
import { formatMoney } from '../../../format/money';
import { settled } from '../../../apollo/settled';

/** `datetime-local` value (local time, minutes) for a date. */
const localInput = (d: Date) =>
  new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/**
 * Risk admin: promotions (temporary limits for eligible grades within a window) — create one,
 * list them by status, cancel a scheduled or running one with a reason.
 */
export function PromotionsPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [name, setName] = useState('');
  const [startsAt, setStartsAt] = useState(() => localInput(new Date(Date.now() + 3600_000)));
  const [endsAt, setEndsAt] = useState(() => localInput(new Date(Date.now() + 8 * 86400_000)));
  const [grades, setGrades] = useState<string[]>(['A', 'B']);
  const [mode, setMode] = useState<'amount' | 'percent'>('amount');
  const [amount, setAmount] = useState<number | string>(500);
  const [percent, setPercent] = useState<number | string>(10);
  const [category, setCategory] = useState<string | null>(null);
  const { problem, setProblem, refused } = useMutationProblem();
  const [create, { loading, error, data }] = useMutation(CreatePromotionMutation, {
    refetchQueries: ['Promotions'],
  });
  const created = data?.createPromotion.promotion;

  const submit = async () => {
    setProblem(null);
    if (!name.trim()) return setProblem(t('userErrors.INVALID_NAME'));
    const start = new Date(startsAt);
    const end = new Date(endsAt);
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end <= start)
      return setProblem(t('userErrors.INVALID_WINDOW'));
    if (!grades.length) return setProblem(t('userErrors.NO_GRADES'));
    const { data: d } = await create({
      variables: {
        input: {
          name: name.trim(),
          startsAt: start.toISOString(),
          endsAt: end.toISOString(),
          eligibleGrades: grades as Grade[],
          category,
          ...(mode === 'amount'
            ? { amount: Number(amount).toFixed(2) }
            : { percentBp: Math.round(Number(percent) * 100) }),
        },
      },
    });
    if (refused(d?.createPromotion)) return;
    setName('');
  };

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('admin.promotions.title')}
      </Title>
      <Text c="dimmed" size="sm">
        {t('admin.promotions.intro')}
      </Text>
      <Card withBorder padding="md" radius="md" component="section" aria-labelledby="promo-new">
        <Title order={2} size="h4" id="promo-new" mb="sm">
          {t('admin.promotions.create')}
        </Title>
        <Stack gap="sm">
          <TextInput
            label={t('admin.promotions.name')}
            placeholder={t('admin.promotions.namePlaceholder')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="datetime-local"
              label={t('admin.promotions.startsAt')}
              value={startsAt}
              onChange={(e) => setStartsAt(e.currentTarget.value)}
              required
            />
            <TextInput
              type="datetime-local"
              label={t('admin.promotions.endsAt')}
              value={endsAt}
              onChange={(e) => setEndsAt(e.currentTarget.value)}
              required
            />
          </SimpleGrid>
          <Checkbox.Group
            label={t('admin.promotions.grades')}
            value={grades}
            onChange={setGrades}
            required
          >
            <Group gap="md" mt={4}>
              {GRADES.map((g) => (
                <Checkbox key={g} value={g} label={t('admin.stress.grade', { grade: g })} />
              ))}
            </Group>
          </Checkbox.Group>
          <div>
            <Text size="sm" fw={500} id="promo-kind">
              {t('admin.promotions.kind')}
            </Text>
            <SegmentedControl
              aria-labelledby="promo-kind"
              value={mode}
              onChange={(v) => setMode(v as 'amount' | 'percent')}
              data={[
                { value: 'amount', label: t('admin.promotions.fixed') },
                { value: 'percent', label: t('admin.promotions.share') },
              ]}
            />
          </div>
          {mode === 'amount' ? (
            <NumberInput
              label={t('admin.promotions.amount')}
              min={1}
              max={50000}
              decimalScale={2}
              value={amount}
              onChange={setAmount}
              w={260}
            />
          ) : (
            <NumberInput
              label={t('admin.promotions.percent')}
              min={0.01}
              max={100}
              decimalScale={2}
              value={percent}
              onChange={setPercent}
              w={260}
            />
          )}
          <Select
            label={t('admin.promotions.category')}
            placeholder={t('admin.promotions.anyCategory')}
            clearable
            value={category}
            onChange={setCategory}
            data={CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
            w={260}
          />
          <MutationFeedback problem={problem} error={error} />
          <Group>
            <Button loading={loading} onClick={() => void settled(submit())}>
              {t('admin.promotions.createConfirm')}
            </Button>
          </Group>
        </Stack>
      </Card>
      {created && (
        <Alert color="teal" variant="light" role="status" data-testid="promotion-created">
          {t('admin.promotions.created', {
            from: formatDateTime(created.startsAt, lng),
            to: formatDateTime(created.endsAt, lng),
            count: created.grantedAccounts,
          })}{' '}
          <span data-free-text>{created.name}</span>
        </Alert>
      )}
      <PromotionList />
    </Stack>
  );
}

const STATUSES = ['SCHEDULED', 'ACTIVE', 'ENDED', 'CANCELLED'] as const;

/** Promotions, newest first, filtered by status; a scheduled or running one can be cancelled. */
function PromotionList() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [status, setStatus] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<{ id: string; name: string } | null>(null);
  const { data, loading, error, refetch, fetchMore } = useQuery(PromotionsQuery, {
    variables: { first: 20, status: status ? [status as PromotionStatus] : null },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const conn = data?.promotions;
  const rows = conn?.edges.map((e) => e.node) ?? [];
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby="promo-list">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4" id="promo-list">
          {t('admin.promotions.listTitle')}
          {conn?.totalCount != null && (
            <Text span size="sm" c="dimmed" ml="xs">
              {t('admin.promotions.count', { count: conn.totalCount })}
            </Text>
          )}
        </Title>
        <Select
          label={t('admin.promotions.statusFilter')}
          placeholder={t('admin.promotions.allStatuses')}
          clearable
          value={status}
          onChange={setStatus}
          data={STATUSES.map((s) => ({ value: s, label: t(`admin.promotions.statuses.${s}`) }))}
          w={200}
        />
      </Group>
      <QueryState
        loading={loading}
        error={error}
        hasData={!!data}
        onRetry={() => void settled(refetch())}
      >
        {() =>
          rows.length === 0 ? (
            <Text c="dimmed">{t('admin.promotions.none')}</Text>
          ) : (
            <>
              <Table.ScrollContainer minWidth={820}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('admin.promotions.name')}</Table.Th>
                      <Table.Th>{t('admin.promotions.status')}</Table.Th>
                      <Table.Th>{t('admin.promotions.window')}</Table.Th>
                      <Table.Th>{t('admin.promotions.kind')}</Table.Th>
                      <Table.Th>{t('admin.promotions.grades')}</Table.Th>
                      <Table.Th>{t('admin.promotions.granted')}</Table.Th>
                      <Table.Th>{t('admin.promotions.actions')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((p) => (
                      <Table.Tr key={p.id} data-testid="promotion-row">
                        <Table.Td>
                          <span data-free-text>{p.name}</span>
                        </Table.Td>
                        <Table.Td>
                          <Badge
                            variant="light"
                            color={
                              p.status === 'ACTIVE'
                                ? 'teal'
                                : p.status === 'SCHEDULED'
                                  ? 'blue'
                                  : 'gray'
                            }
                          >
                            {t(`admin.promotions.statuses.${p.status}`, {
                              defaultValue: t('admin.promotions.statuses.other'),
                            })}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          {formatDateTime(p.startsAt, lng)} – {formatDateTime(p.endsAt, lng)}
                        </Table.Td>
                        <Table.Td>
                          {p.amount
                            ? formatMoney(p.amount, lng)
                            : p.percentBp != null
                              ? t('admin.promotions.shareOf', { pct: p.percentBp / 100 })
                              : '—'}
                          {p.category && (
                            <Text size="xs" c="dimmed">
                              {t('admin.promotions.onlyIn', {
                                category: t(`categories.${p.category}`, {
                                  defaultValue: t('categories.OTHER'),
                                }),
                              })}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          {p.eligibleGrades
                            .map((g) => t('admin.stress.grade', { grade: g }))
                            .join(lng.startsWith('zh') ? '、' : ', ')}
                        </Table.Td>
                        <Table.Td>{p.grantedAccounts}</Table.Td>
                        <Table.Td>
                          {(p.status === 'SCHEDULED' || p.status === 'ACTIVE') && (
                            <Button
                              size="xs"
                              variant="light"
                              color="red"
                              onClick={() => setCancelling({ id: p.id, name: p.name })}
                              aria-label={t('admin.promotions.cancelNamed', { name: p.name })}
                            >
                              {t('admin.promotions.cancel')}
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {conn?.pageInfo.hasNextPage && (
                <LoadMore
                  loading={loading}
                  onClick={() =>
                    void settled(
                      fetchMore({
                        variables: { after: conn.pageInfo.endCursor },
                        updateQuery: (prev, { fetchMoreResult }) => ({
                          ...fetchMoreResult,
                          promotions: {
                            ...fetchMoreResult.promotions,
                            edges: [...prev.promotions.edges, ...fetchMoreResult.promotions.edges],
                          },
                        }),
                      }),
                    )
                  }
                />
              )}
            </>
          )
        }
      </QueryState>
      <CancelPromotionDialog target={cancelling} onClose={() => setCancelling(null)} />
    </Card>
  );
}

function CancelPromotionDialog({
  target,
  onClose,
}: {
  target: { id: string; name: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const { problem, setProblem, refused } = useMutationProblem();
  const [cancel, { loading, error }] = useMutation(CancelPromotionMutation, {
    refetchQueries: ['Promotions'],
  });
  const close = () => {
    setReason('');
    setProblem(null);
    onClose();
  };
  const submit = async () => {
    if (!target) return;
    setProblem(null);
    if (reason.trim().length < 2) return setProblem(t('admin.promotions.reasonRequired'));
    const { data } = await cancel({
      variables: { input: { promotionId: target.id, reason: reason.trim() } },
    });
    if (refused(data?.cancelPromotion)) return;
    close();
  };
  return (
    <MutationDialog
      opened={!!target}
      onClose={close}
      title={t('admin.promotions.cancelTitle')}
      problem={problem}
      error={error}
      loading={loading}
      onSubmit={submit}
      submitLabel={t('admin.promotions.cancelConfirm')}
      submitColor="red"
      cancelLabel={t('admin.promotions.keep')}
    >
      <Text size="sm">
        <span data-free-text>{target?.name}</span>
      </Text>
      <Text size="sm">{t('admin.promotions.cancelText')}</Text>
      <Textarea
        label={t('admin.promotions.reason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        required
        autosize
        minRows={2}
      />
    </MutationDialog>
  );
}
