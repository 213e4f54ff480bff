import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  SUBMITTED: 'blue',
  UNDER_REVIEW: 'indigo',
  NEEDS_DOCUMENTS: 'orange',
  APPROVED: 'teal',
  REJECTED: 'red',
  COMPLETED: 'green',
};

export function RecoveryStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status] ?? 'gray'} variant="outline" data-status={status}>
      {COLORS[status] ? t(`recovery.statuses.${status}`) : status}
    </Badge>
  );
}
