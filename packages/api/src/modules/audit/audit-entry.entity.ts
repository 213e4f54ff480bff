import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Id } from '../../db/types.js';

/** Append-only: every mutation and every reveal of personal data, with its actor. */
@Entity({ tableName: 'audit_log' })
export class AuditEntry {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: 'text' }) actorType!: 'AGENT' | 'PARTNER' | 'SYSTEM' | 'ANONYMOUS';
  @Property({ type: Id, nullable: true }) actorId?: string | null;
  @Property({ type: 'text' }) action!: string;
  @Property({ type: Id, nullable: true }) customerId?: string | null;
  @Property({ type: 'text', nullable: true }) targetType?: string | null;
  @Property({ type: 'text', nullable: true }) targetId?: string | null;
  @Property({ type: 'json' }) details: Record<string, unknown> = {};
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
}
