import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Fen, Id } from '../../db/types.js';

export const PLAN_TERMS = ['DEFERRED_30', 'M3', 'M6', 'M9', 'M12', 'M24'] as const;
export type PlanTerm = (typeof PLAN_TERMS)[number];

/** A captured purchase split into a schedule. */
@Entity({ tableName: 'installment_plans' })
export class InstallmentPlan {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: Id }) purchaseId!: string;
  /** The capture split into this plan (a purchase captured in parts has a plan per capture). */
  @Property({ type: Id, nullable: true }) captureId?: string | null;
  @Property({ type: Id }) accountId!: string;
  @Property({ type: Id }) customerId!: string;
  @Property({ type: 'text' }) term!: PlanTerm;
  @Property({ type: Fen }) principalFen!: number;
  @Property({ type: 'integer' }) feeRateBp!: number;
  @Property({ type: Fen }) totalFeeFen!: number;
  @Property({ type: 'integer' }) aprBp!: number;
  @Property({ type: 'text', nullable: true }) couponCode?: string | null;
  @Property({ type: Id, nullable: true }) couponId?: string | null;
  @Property({ type: 'text' }) status!: 'ACTIVE' | 'PAID_OFF' | 'CLOSED';
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
  @Property({ type: 'datetime', nullable: true }) closedAt?: Date | null;
}

/** One period of a plan: principal + fee due on a date, and what has been paid of each. */
@Entity({ tableName: 'schedule_lines' })
export class ScheduleLine {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: Id }) planId!: string;
  @Property({ type: Id }) accountId!: string;
  @Property({ type: Id }) customerId!: string;
  @Property({ type: 'integer' }) seq!: number;
  @Property({ type: 'date' }) dueDate!: string;
  @Property({ type: Fen }) principalFen!: number;
  @Property({ type: Fen }) feeFen!: number;
  @Property({ type: Fen }) lateFeeFen = 0;
  @Property({ type: Fen }) paidPrincipalFen = 0;
  @Property({ type: Fen }) paidFeeFen = 0;
  @Property({ type: Fen }) paidLateFeeFen = 0;
  @Property({ type: 'integer' }) daysPastDue = 0;
  @Property({ type: Fen }) lateFeeWaivedFen = 0;
  @Property({ type: 'text' }) status: 'DUE' | 'PAID' | 'OVERDUE' | 'WAIVED' = 'DUE';
  @Property({ type: 'datetime', nullable: true }) paidAt?: Date | null;
}
