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
