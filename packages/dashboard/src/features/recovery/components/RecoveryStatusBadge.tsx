import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  SUBMITTED: 'blue.9',
  UNDER_REVIEW: 'indigo.9',
  NEEDS_DOCUMENTS: 'grape.9',
  APPROVED: 'teal.9',
  REJECTED: 'red.9',
  COMPLETED: 'green.9',
};

export function RecoveryStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status] ?? 'gray.8'} variant="outline" data-status={status}>
      {COLORS[status] ? t(`recovery.statuses.${status}`) : status}
    </Badge>
  );
}
