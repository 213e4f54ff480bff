import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The first result of a money-moving call, replayed for a retry with the same key. */
@Entity({ tableName: 'idempotency_records' })
export class IdempotencyRecord {
  @PrimaryKey({ type: 'text' }) actor!: string;
  @PrimaryKey({ type: 'text' }) operation!: string;
  @PrimaryKey({ type: 'text' }) key!: string;
  @Property({ type: 'text' }) requestHash!: string;
  @Property({ type: 'json', nullable: true }) response?: unknown;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
  @Property({ type: 'datetime' }) expiresAt!: Date;
}
