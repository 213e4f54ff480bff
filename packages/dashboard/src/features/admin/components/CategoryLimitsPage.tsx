import { useState } from 'react';
import type { Grade, IncomeBand } from '../../../generated/graphql';
import { useMutation } from '@apollo/client/react';
import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BANDS, CATEGORIES, GRADES } from '../segments';
import { RemoveCategoryLimitMutation, SetCategoryLimitMutation } from '../graphql/admin.graphql';
import { MutationFeedback, useMutationProblem } from '../../../components/MutationDialog';
import { settled } from '../../../apollo/settled';

/**
 * Risk admin: category limits (专项额度) for a segment of active accounts — by grade, income
 * band or both. Setting one caps what the accounts can spend in that category (inside their
 * general limit); removing it leaves any account whose limit is still in use as it is. One
 * account's category limits show on its customer page.
 */
export function CategoryLimitsPage() {
  const { t } = useTranslation();
  const [grade, setGrade] = useState<string | null>(null);
  const [band, setBand] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>('TRAVEL');
  const [limit, setLimit] = useState<number | string>(3000);
  const { problem, setProblem, refused } = useMutationProblem();
  const [done, setDone] = useState<string | null>(null);
  const [setLimitMutation, setting] = useMutation(SetCategoryLimitMutation);
  const [removeMutation, removing] = useMutation(RemoveCategoryLimitMutation);

  const check = (): { grade?: Grade; incomeBand?: IncomeBand } | null => {
    setProblem(null);
    setDone(null);
    if (!grade && !band) {
      setProblem(t('admin.categoryLimits.segmentRequired'));
      return null;
    }
    if (!category) {
      setProblem(t('userErrors.INVALID_CATEGORY'));
      return null;
    }
    // The selects offer only the enums' values.
    return {
      ...(grade ? { grade: grade as Grade } : {}),
      ...(band ? { incomeBand: band as IncomeBand } : {}),
    };
  };

  const submitSet = async () => {
    const target = check();
    if (!target || !category) return;
    const yuan = Number(limit);
    if (!Number.isFinite(yuan) || yuan < 1 || yuan > 50000)
      return setProblem(t('admin.categoryLimits.badLimit'));
    const { data } = await setLimitMutation({
      variables: { input: { target, category, limit: yuan.toFixed(2) } },
    });
    const p = data?.setCategoryLimit;
    if (refused(p)) return;
    if (p) setDone(t('admin.categoryLimits.setDone', { changed: p.changed, skipped: p.skipped }));
  };

  const submitRemove = async () => {
    const target = check();
    if (!target || !category) return;
    const { data } = await removeMutation({ variables: { input: { target, category } } });
    const p = data?.removeCategoryLimit;
    if (refused(p)) return;
    if (p)
      setDone(t('admin.categoryLimits.removeDone', { changed: p.changed, skipped: p.skipped }));
  };

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('admin.categoryLimits.title')}
      </Title>
      <Text c="dimmed" size="sm">
        {t('admin.categoryLimits.intro')}
      </Text>
      <Card withBorder padding="md" radius="md" component="section" aria-labelledby="cl-form">
        <Title order={2} size="h4" id="cl-form" mb="sm">
          {t('admin.categoryLimits.formTitle')}
        </Title>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('admin.categoryLimits.grade')}
              placeholder={t('admin.categoryLimits.anyGrade')}
              clearable
              value={grade}
              onChange={setGrade}
              data={GRADES.map((g) => ({ value: g, label: t('admin.stress.grade', { grade: g }) }))}
            />
            <Select
              label={t('admin.categoryLimits.band')}
              placeholder={t('admin.categoryLimits.anyBand')}
              clearable
              value={band}
              onChange={setBand}
              data={BANDS.map((b) => ({ value: b, label: t(`admin.stress.band.${b}`) }))}
            />
            <Select
              label={t('admin.categoryLimits.category')}
              value={category}
              onChange={setCategory}
              allowDeselect={false}
              data={CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
            />
            <NumberInput
              label={t('admin.categoryLimits.limit')}
              min={1}
              max={50000}
              decimalScale={2}
              value={limit}
              onChange={setLimit}
            />
          </SimpleGrid>
          {/* A network or server failure of whichever was sent (both show the same sentence). */}
          <MutationFeedback problem={problem} error={setting.error ?? removing.error} />
          {done && (
            <Alert color="teal" variant="light" role="status" data-testid="category-limit-done">
              {done}
            </Alert>
          )}
          <Group>
            <Button loading={setting.loading} onClick={() => void settled(submitSet())}>
              {t('admin.categoryLimits.set')}
            </Button>
            <Button
              variant="light"
              color="red"
              loading={removing.loading}
              onClick={() => void settled(submitRemove())}
            >
              {t('admin.categoryLimits.remove')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
