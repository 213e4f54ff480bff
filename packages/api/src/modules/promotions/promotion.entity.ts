import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Fen, Id } from '../../db/types.js';

/** A campaign (e.g. 618) granting temporary limits to eligible grades within a window. */
@Entity({ tableName: 'promotions' })
export class Promotion {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: 'text' }) name!: string;
  @Property({ type: 'datetime' }) startsAt!: Date;
  @Property({ type: 'datetime' }) endsAt!: Date;
  @Property({ type: 'text[]' }) eligibleGrades!: string[];
  @Property({ type: Fen, nullable: true }) amountFen?: number | null;
  @Property({ type: 'integer', nullable: true }) percentBp?: number | null;
  @Property({ type: 'text', nullable: true }) category?: string | null;
  @Property({ type: 'text' }) status: 'SCHEDULED' | 'ACTIVE' | 'ENDED' | 'CANCELLED' = 'SCHEDULED';
  @Property({ type: Id, nullable: true }) createdByAgentId?: string | null;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
}
