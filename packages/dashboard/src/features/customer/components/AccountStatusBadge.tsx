import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// Filled, in shades white text reads on (WCAG AA).
const COLORS = { ACTIVE: 'teal.9', FROZEN: 'blue.9', CLOSED: 'gray.7' } as const;

export function AccountStatusBadge({ status }: { status: 'ACTIVE' | 'FROZEN' | 'CLOSED' }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="filled" data-status={status}>
      {t(`account.statuses.${status}`)}
    </Badge>
  );
}
