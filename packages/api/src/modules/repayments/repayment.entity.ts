import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Fen, Id } from '../../db/types.js';

/** Money received for an account, with how it was allocated across schedule lines. */
@Entity({ tableName: 'repayments' })
export class Repayment {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: Id }) accountId!: string;
  @Property({ type: Id }) customerId!: string;
  @Property({ type: Id, nullable: true }) partnerAppId?: string | null;
  @Property({ type: Fen }) amountFen!: number;
  @Property({ type: Fen }) principalFen = 0;
  @Property({ type: Fen }) feeFen = 0;
  @Property({ type: Fen }) lateFeeFen = 0;
  @Property({ type: Fen }) unappliedFen = 0;
  @Property({ type: 'json' }) allocation: unknown[] = [];
  @Property({ type: 'datetime', defaultRaw: 'now()' }) receivedAt: Date = new Date();
  @Property({ type: 'text', nullable: true }) paymentReference?: string | null;
  @Property({ type: 'text', nullable: true }) paymentChannel?: string | null;
}
