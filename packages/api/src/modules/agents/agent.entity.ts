import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Id } from '../../db/types.js';

import type { AgentRole } from '../../shared/viewer.js';

// The roles are the viewer's (shared/viewer.ts); named here too, beside the column that holds them.
export { AGENT_ROLES, type AgentRole } from '../../shared/viewer.js';

/** A staff member who signs in to the dashboard: support agent, supervisor or risk admin. */
@Entity({ tableName: 'agents' })
export class Agent {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: 'text' }) username!: string;
  @Property({ type: 'text' }) displayName!: string;
  @Property({ type: 'text' }) role!: AgentRole;
  @Property({ type: 'text', lazy: true }) passwordHash!: string;
  @Property({ type: 'boolean' }) active = true;
  /** In every token; raised to end all of the agent's sessions (sign-out, password, role, deactivation). */
  @Property({ type: 'integer' }) sessionVersion = 1;
  /** One of the published demo logins: refused in production. */
  @Property({ type: 'boolean' }) demo = false;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
}
