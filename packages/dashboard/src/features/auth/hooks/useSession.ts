import { useSyncExternalStore } from 'react';
import { readSession, subscribeSession, writeSession, type Session } from '../../../apollo/session';

let cached: Session | null | undefined;
let cachedRaw: string | null = null;

function snapshot(): Session | null {
  // useSyncExternalStore needs a stable value between changes.
  const next = readSession();
  const raw = next ? JSON.stringify(next) : null;
  if (cached === undefined || raw !== cachedRaw) {
    cached = next;
    cachedRaw = raw;
  }
  return cached;
}

/** The signed-in agent (or null) and how to change it. */
export function useSession() {
  const session = useSyncExternalStore(subscribeSession, snapshot, snapshot);
  return {
    session,
    signIn: (s: Session) => writeSession(s),
    signOut: () => writeSession(null),
    isSupervisor: session?.agent.role === 'SUPERVISOR' || session?.agent.role === 'RISK_ADMIN',
  };
}
