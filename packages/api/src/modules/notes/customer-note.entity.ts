import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Id } from '../../db/types.js';

export const NOTE_TAGS = ['COMPLAINT', 'HARDSHIP', 'VIP'] as const;
export type NoteTag = (typeof NOTE_TAGS)[number];

/**
 * An agent's note on a customer (append-only: a correction is another note). Owned by the
 * customer: the primary key is (customer_id, id).
 */
@Entity({ tableName: 'customer_notes' })
export class CustomerNote {
  @PrimaryKey({ type: Id }) customerId!: string;
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: Id }) agentId!: string;
  @Property({ type: 'text' }) body!: string;
  @Property({ type: 'text[]' }) tags: NoteTag[] = [];
  @Property({ type: 'text', nullable: true }) ticketRef?: string | null;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
}
