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
  /** INSTALLMENT (schedule lines) or REVOLVING (a revolving statement's balance). */
  @Property({ type: 'text' }) kind: 'INSTALLMENT' | 'REVOLVING' = 'INSTALLMENT';
  /** Revolving interest paid (REVOLVING only). */
  @Property({ type: Fen }) interestFen = 0;
  @Property({ type: 'json' }) allocation: unknown[] = [];
  @Property({ type: 'datetime', defaultRaw: 'now()' }) receivedAt: Date = new Date();
  /** CUSTOMER (through a partner), OTHER_CHANNEL (posted by staff) or CREDIT (credit applied). */
  @Property({ type: 'text' }) source: 'CUSTOMER' | 'OTHER_CHANNEL' | 'CREDIT' = 'CUSTOMER';
  @Property({ type: 'text', nullable: true }) channel?: string | null;
  @Property({ type: 'text', nullable: true }) externalReference?: string | null;
  @Property({ type: 'text', nullable: true }) paymentReference?: string | null;
  @Property({ type: 'text', nullable: true }) paymentChannel?: string | null;
}
