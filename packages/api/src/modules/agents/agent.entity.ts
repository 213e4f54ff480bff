import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Id } from '../../db/types.js';

export const AGENT_ROLES = ['AGENT', 'SUPERVISOR', 'RISK_ADMIN'] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];

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
