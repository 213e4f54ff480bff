/**
 * Who is calling, below every layer that reads it (the GraphQL context, the modules, the jobs):
 * the staff roles and the viewer's shape. What a viewer may do is in modules/auth/viewer.ts.
 */

export const AGENT_ROLES = ['AGENT', 'SUPERVISOR', 'RISK_ADMIN'] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];

/** Who is calling: a signed-in staff member, a partner app with scopes, or nobody. */
export type Viewer =
  | { kind: 'anonymous' }
  | { kind: 'agent'; id: string; username: string; role: AgentRole }
  | {
      kind: 'partner';
      /** The partner app: what it may see (its purchases, its links) belongs to the app. */
      id: string;
      name: string;
      /** The key's scopes (the app's, or fewer). */
      scopes: string[];
      /** The API key used, for the audit log and last-used time. */
      keyId?: string;
    };

export const ANONYMOUS: Viewer = { kind: 'anonymous' };
