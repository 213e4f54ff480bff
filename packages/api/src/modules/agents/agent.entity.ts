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
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
}
