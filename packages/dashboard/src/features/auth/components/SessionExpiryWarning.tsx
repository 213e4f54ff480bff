import { useEffect, useState } from 'react';
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { expireSession, tokenExpiresAt } from '../../../apollo/session';
import { useSession } from '../hooks/useSession';

/** Warn this long before the token expires. */
const WARN_MS = 5 * 60_000;

/** A warning a few minutes before the session ends; at the end, the agent is signed out and will return here. */
export function SessionExpiryWarning() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [now, setNow] = useState(() => Date.now());
  const [dismissedFor, setDismissedFor] = useState<number | null>(null);
  const expiresAt = session ? tokenExpiresAt(session.token) : null;
  useEffect(() => {
    if (!expiresAt) return;
    // Read the clock on each tick, never a remembered `now`: a new session (signed in again)
    // must not be judged by the time the old one ran out.
    const tick = () => {
      const at = Date.now();
      if (at >= expiresAt) expireSession();
      else setNow(at);
    };
    const first = window.setTimeout(tick, 0);
    const id = window.setInterval(tick, 5_000);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(id);
    };
  }, [expiresAt]);
  if (!expiresAt || now < expiresAt - WARN_MS || now >= expiresAt || dismissedFor === expiresAt)
    return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      role="alert"
      title={t('session.expiringTitle')}
      mb="md"
      withCloseButton
      closeButtonLabel={t('session.dismiss')}
      onClose={() => setDismissedFor(expiresAt)}
      data-testid="session-warning"
    >
      {t('session.expiringText', { minutes: Math.max(1, Math.ceil((expiresAt - now) / 60_000)) })}
    </Alert>
  );
}
