import type { Viewer } from '../../shared/viewer.js';

// The viewer's shape lives in shared/ (the GraphQL context reads it); named here too, for the modules.
export { ANONYMOUS, type Viewer } from '../../shared/viewer.js';

/**
 * Roles used in `@Authorized(...)`. Staff roles nest: a SUPERVISOR can do what an AGENT can;
 * RISK_ADMIN is separate (policy and promotions) but may read like an agent. Partner apps are
 * authorised by scope (`scope:limits:read`), never by a staff role.
 */
export const Role = {
  AGENT: 'AGENT',
  SUPERVISOR: 'SUPERVISOR',
  RISK_ADMIN: 'RISK_ADMIN',
  /** Any partner app (what it may then do is decided by scopes and links). */
  PARTNER: 'PARTNER',
} as const;

export const scope = (s: string) => `scope:${s}`;

export function viewerHasRole(viewer: Viewer, required: string): boolean {
  if (required.startsWith('scope:'))
    return viewer.kind === 'partner' && viewer.scopes.includes(required.slice(6));
  if (required === Role.PARTNER) return viewer.kind === 'partner';
  if (viewer.kind !== 'agent') return false;
  switch (required) {
    case Role.AGENT:
      return true; // every staff role can do what an agent does
    case Role.SUPERVISOR:
      return viewer.role === 'SUPERVISOR';
    case Role.RISK_ADMIN:
      return viewer.role === 'RISK_ADMIN';
    default:
      return false;
  }
}

export const isStaff = (v: Viewer): v is Extract<Viewer, { kind: 'agent' }> => v.kind === 'agent';

/**
 * Staff, or a partner app allowed to read limits: who may reach an account, and through
 * `node(id)` the account-level records under it (plans, repayments).
 */
export const canReadLimits = (v: Viewer) =>
  isStaff(v) || (v.kind === 'partner' && v.scopes.includes('limits:read'));
export const isSupervisor = (v: Viewer) => v.kind === 'agent' && v.role === 'SUPERVISOR';

/** For the audit log. */
export function actorOf(viewer: Viewer): {
  actorType: 'AGENT' | 'PARTNER' | 'SYSTEM';
  actorId: string | null;
} {
  if (viewer.kind === 'agent') return { actorType: 'AGENT', actorId: viewer.id };
  if (viewer.kind === 'partner') return { actorType: 'PARTNER', actorId: viewer.id };
  return { actorType: 'SYSTEM', actorId: null };
}
