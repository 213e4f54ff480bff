import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS = { ACTIVE: 'green', FROZEN: 'blue', CLOSED: 'gray' } as const;

export function AccountStatusBadge({ status }: { status: 'ACTIVE' | 'FROZEN' | 'CLOSED' }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" data-status={status}>
      {t(`account.statuses.${status}`)}
    </Badge>
  );
}
