import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Fen, Id } from '../../db/types.js';

export const ACCOUNT_STATUSES = ['ACTIVE', 'FROZEN', 'CLOSED'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/**
 * One per customer. `usedFen` is a generated column (outstanding principal + live holds), so
 * it can never disagree with its parts; money-moving code updates the parts with conditional
 * SQL inside a transaction, never by read-then-write of this entity.
 */
@Entity({ tableName: 'credit_accounts' })
export class CreditAccount {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: Id, unique: true }) customerId!: string;
  @Property({ type: 'text' }) accountNumber!: string;
  @Property({ type: 'text' }) status!: AccountStatus;
  @Property({ type: Fen }) baseLimitFen!: number;
  @Property({ type: Fen }) outstandingPrincipalFen = 0;
  @Property({ type: Fen }) heldFen = 0;
  /** The customer's own money held for them: overpayments and refunds after payoff (issue 14). */
  @Property({ type: Fen }) creditBalanceFen = 0;
  @Property({
    type: Fen,
    persist: false,
    generated: '(outstanding_principal_fen + held_fen) stored',
  })
  usedFen!: number;
  @Property({ type: 'integer', nullable: true }) score?: number | null;
  @Property({ type: 'text', nullable: true }) grade?: string | null;
  @Property({ type: 'double', nullable: true }) probabilityOfDefault?: number | null;
  @Property({ type: 'text', nullable: true }) modelVersion?: string | null;
  @Property({ type: 'text', nullable: true }) frozenReason?: string | null;
  /** Why it is frozen: OVERDUE (lifted by repaying, per policy), RISK_ALERT (a risk admin), MANUAL (a supervisor). */
  @Property({ type: 'text', nullable: true }) frozenCause?:
    'OVERDUE' | 'RISK_ALERT' | 'MANUAL' | null;
  @Property({ type: 'text', nullable: true }) frozenReasonCode?: string | null;
  @Property({ type: 'datetime', nullable: true }) closedAt?: Date | null;
  @Property({ type: 'datetime' }) openedAt!: Date;
  @Property({ type: 'datetime', nullable: true }) lastReviewedAt?: Date | null;
  @Property({ type: 'integer' }) version = 1;
}

/** A time-boxed extra limit (e.g. a 618 promotion), optionally for one category. */
@Entity({ tableName: 'temporary_limits' })
export class TemporaryLimit {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: Id }) accountId!: string;
  @Property({ type: Id }) customerId!: string;
  @Property({ type: Id, nullable: true }) promotionId?: string | null;
  @Property({ type: Fen }) amountFen!: number;
  @Property({ type: 'text', nullable: true }) category?: string | null;
  @Property({ type: 'datetime' }) startsAt!: Date;
  @Property({ type: 'datetime' }) endsAt!: Date;
  @Property({ type: 'text' }) status: 'ACTIVE' | 'EXPIRED' | 'REVOKED' = 'ACTIVE';
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
}

/** 专项额度: a limit usable only in one category. */
@Entity({ tableName: 'category_limits' })
export class CategoryLimit {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: Id }) accountId!: string;
  @Property({ type: Id }) customerId!: string;
  @Property({ type: 'text' }) category!: string;
  @Property({ type: Fen }) limitFen!: number;
  @Property({ type: Fen }) usedFen = 0;
}
