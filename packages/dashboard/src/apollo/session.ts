/** The signed-in agent, kept in sessionStorage: closing the tab signs out. */
export interface SessionAgent {
  id: string;
  username: string;
  displayName: string;
  role: 'AGENT' | 'SUPERVISOR' | 'RISK_ADMIN';
}
export interface Session {
  token: string;
  agent: SessionAgent;
}

const KEY = 'creditline.session';
const listeners = new Set<() => void>();

export function readSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function writeSession(session: Session | null): void {
  try {
    if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
    else sessionStorage.removeItem(KEY);
  } catch {
    // storage unavailable: the session lasts for this page only
  }
  listeners.forEach((l) => l());
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const RETURN_KEY = 'creditline.returnTo';
const EXPIRED_KEY = 'creditline.sessionExpired';

/** When a staff token expires (ms since epoch), read from its payload; null when unreadable. */
export function tokenExpiresAt(token: string): number | null {
  try {
    const part = token.split('.')[1];
    if (!part) return null;
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}

/**
 * The session ended under the agent (expired or refused token): remember the page they were on
 * (drafts of what they typed are kept by `useDraft`), then sign out. Signing in again returns there.
 */
export function expireSession(): void {
  try {
    const here = window.location.pathname + window.location.search;
    if (!here.startsWith('/sign-in')) sessionStorage.setItem(RETURN_KEY, here);
    sessionStorage.setItem(EXPIRED_KEY, '1');
  } catch {
    // storage unavailable: the agent starts from the lookup page
  }
  writeSession(null);
}

/** Whether the last sign-out was an expiry (to say so on the sign-in page). */
export function sessionExpired(): boolean {
  try {
    return sessionStorage.getItem(EXPIRED_KEY) === '1';
  } catch {
    return false;
  }
}

/** The page to return to after signing in (once), if the session expired there. */
export function takeReturnTo(): string | null {
  try {
    const to = sessionStorage.getItem(RETURN_KEY);
    sessionStorage.removeItem(RETURN_KEY);
    sessionStorage.removeItem(EXPIRED_KEY);
    return to && to.startsWith('/') && !to.startsWith('//') ? to : null;
  } catch {
    return null;
  }
}
