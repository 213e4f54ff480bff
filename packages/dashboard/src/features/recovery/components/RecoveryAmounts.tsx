import { List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney, type MoneyValue } from '../../../format/money';
import { formatDateTime } from '../../../format/date';

export interface RecoveryAmountsData {
  type: string;
  currentLimit: MoneyValue;
  requestedLimit?: MoneyValue | null;
  targetLimit?: MoneyValue | null;
  accountStatus: string;
  plan: {
    seq: number;
    amount: MoneyValue;
    onTimeRepaymentsRequired: number;
    status: string;
    appliedAt?: string | null;
  }[];
  reasons: { code: string; text: string }[];
  customer?: { name: string; maskedPhone?: string | null };
}

/**
 * What a supervisor decides on: whom, which type, the current limit, what was asked and what the
 * restoration aims at, the staged plan (now / later / on what condition), and the automatic
 * review's reasons. The request page, the queue and the decision dialogs show the same.
 */
export function RecoveryAmounts({ r, compact }: { r: RecoveryAmountsData; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const cell = (label: string, value: React.ReactNode, testId?: string) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 2, sm: compact ? 2 : 4 }} spacing="xs">
        {r.customer && cell(t('recovery.customer'), r.customer.name)}
        {cell(t('recovery.typeLabel'), t(`recovery.types.${r.type}`))}
        {cell(t('recovery.currentLimit'), formatMoney(r.currentLimit, lng), 'current-limit')}
        {r.requestedLimit &&
          cell(t('recovery.requestedLimit'), formatMoney(r.requestedLimit, lng), 'requested-limit')}
        {r.targetLimit &&
          cell(t('recovery.targetLimit'), formatMoney(r.targetLimit, lng), 'target-limit')}
        {cell(t('account.status'), t(`account.statuses.${r.accountStatus}`))}
      </SimpleGrid>
      <div>
        <Text size="xs" c="dimmed">
          {t('recovery.plan')}
        </Text>
        {r.plan.length === 0 ? (
          <Text size="sm">
            {r.type === 'UNFREEZE' ? t('recovery.planUnfreeze') : t('recovery.planNone')}
          </Text>
        ) : (
          <List size="sm" data-testid="recovery-plan">
            {r.plan.map((s) => (
              <List.Item key={s.seq}>
                {s.onTimeRepaymentsRequired === 0
                  ? t('recovery.stageNow', { amount: formatMoney(s.amount, lng) })
                  : t('recovery.stageLater', {
                      amount: formatMoney(s.amount, lng),
                      count: s.onTimeRepaymentsRequired,
                    })}{' '}
                ({t(`recovery.stageStatuses.${s.status}`)}
                {s.appliedAt ? ` · ${formatDateTime(s.appliedAt, lng)}` : ''})
              </List.Item>
            ))}
          </List>
        )}
      </div>
      {r.reasons.length > 0 && (
        <div>
          <Text size="xs" c="dimmed">
            {t('recovery.decisionReasons')}
          </Text>
          <List size="sm" data-testid="review-reasons">
            {r.reasons.map((x) => (
              <List.Item key={x.code}>{x.text}</List.Item>
            ))}
          </List>
        </div>
      )}
    </Stack>
  );
}
