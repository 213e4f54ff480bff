import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CreatePromotionMutation } from '../graphql/admin.graphql';
import { ErrorState } from '../../../components/states';
import { useUserErrorText } from '../../../apollo/userErrors';
import { formatDateTime } from '../../../format/date';

const GRADES = ['A', 'B', 'C', 'D', 'E'];
const CATEGORIES = [
  'ELECTRONICS',
  'GROCERIES',
  'APPAREL',
  'HOME',
  'TRAVEL',
  'EDUCATION',
  'BEAUTY',
  'DIGITAL',
  'SPORTS',
  'BABY',
  'OTHER',
];

/** `datetime-local` value (local time, minutes) for a date. */
const localInput = (d: Date) =>
  new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/**
 * Risk admin: create a promotion (temporary limits for eligible grades within a window). The API
 * on this branch can create promotions but not list or cancel them (issue 15 item 9 leaves those
 * to the lifecycle work), so the page shows what was just created.
 */
export function PromotionsPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const userErrorText = useUserErrorText();
  const [name, setName] = useState('');
  const [startsAt, setStartsAt] = useState(() => localInput(new Date(Date.now() + 3600_000)));
  const [endsAt, setEndsAt] = useState(() => localInput(new Date(Date.now() + 8 * 86400_000)));
  const [grades, setGrades] = useState<string[]>(['A', 'B']);
  const [mode, setMode] = useState<'amount' | 'percent'>('amount');
  const [amount, setAmount] = useState<number | string>(500);
  const [percent, setPercent] = useState<number | string>(10);
  const [category, setCategory] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [create, { loading, error, data }] = useMutation(CreatePromotionMutation);
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
          eligibleGrades: grades,
          category,
          ...(mode === 'amount'
            ? { amount: Number(amount).toFixed(2) }
            : { percentBp: Math.round(Number(percent) * 100) }),
        },
      },
    });
    const p = d?.createPromotion;
    if (p?.userErrors.length) return setProblem(userErrorText(p.userErrors[0]));
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
          {problem && (
            <Alert color="red" variant="light" role="alert">
              {problem}
            </Alert>
          )}
          {error && <ErrorState error={error} />}
          <Group>
            <Button loading={loading} onClick={() => void submit()}>
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
      <Text size="sm" c="dimmed">
        {t('admin.promotions.listMissing')}
      </Text>
    </Stack>
  );
}
