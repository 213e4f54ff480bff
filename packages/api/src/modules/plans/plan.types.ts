import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Money, formatFen, money } from '../../graphql/money.js';
import { Node, toGlobalId } from '../../graphql/relay.js';
import { UserError } from '../../graphql/errors.js';
import type { InstallmentPlan, ScheduleLine } from './installment-plan.entity.js';
import type { PlanQuote } from './pricing.js';

/** Basis points as a percent string with two decimals: 1234 → "12.34". */
export const bpToPercent = (bp: number) => formatFen(bp);

@ObjectType('ScheduleLine', {
  description: 'One period of a plan: principal and fee due on a date, and what has been paid.',
})
export class ScheduleLineNode {
  @Field(() => Int) seq!: number;
  @Field(() => String, { description: 'YYYY-MM-DD.' }) dueDate!: string;
  @Field(() => Money) principal!: Money;
  @Field(() => Money) fee!: Money;
  @Field(() => Money) lateFee!: Money;
  @Field(() => Money, { description: 'Paid so far: principal + fee + late fee.' }) paid!: Money;
  @Field(() => Money, { description: 'Still to pay.' }) outstanding!: Money;
  @Field(() => String, { description: 'DUE, PAID, OVERDUE or WAIVED.' }) status!: string;
  @Field(() => Int) daysPastDue!: number;
}

export function toScheduleLineNode(l: ScheduleLine): ScheduleLineNode {
  const paid = l.paidPrincipalFen + l.paidFeeFen + l.paidLateFeeFen;
  return Object.assign(new ScheduleLineNode(), {
    seq: l.seq,
    dueDate:
      typeof l.dueDate === 'string'
        ? l.dueDate.slice(0, 10)
        : new Date(l.dueDate as unknown as Date).toISOString().slice(0, 10),
    principal: money(l.principalFen),
    fee: money(l.feeFen),
    lateFee: money(l.lateFeeFen),
    paid: money(paid),
    outstanding: money(l.principalFen + l.feeFen + l.lateFeeFen - paid),
    status: l.status,
    daysPastDue: l.daysPastDue,
  });
}

@ObjectType('InstallmentPlan', {
  implements: Node,
  description: 'A captured purchase split into a schedule (分期).',
})
export class InstallmentPlanNode extends Node {
  localId!: string;
  purchaseLocalId!: string;
  customerLocalId!: string;
  @Field(() => String, { description: 'DEFERRED_30, M3, M6, M9, M12 or M24.' }) term!: string;
  @Field(() => Money) principal!: Money;
  @Field(() => Money) totalFee!: Money;
  @Field(() => String, { description: 'Fee rate per period in percent, e.g. "0.60".' })
  feeRatePercent!: string;
  @Field(() => String, { description: 'Annualized rate (APR, by IRR) in percent, e.g. "13.04".' })
  aprPercent!: string;
  @Field(() => String, { nullable: true }) couponCode?: string | null;
  @Field(() => String, { description: 'ACTIVE, PAID_OFF or CLOSED.' }) status!: string;
  @Field(() => GraphQLDateTime) createdAt!: Date;
}

export function toPlanNode(p: InstallmentPlan): InstallmentPlanNode {
  return Object.assign(new InstallmentPlanNode(), {
    id: toGlobalId('InstallmentPlan', p.id),
    localId: p.id,
    purchaseLocalId: p.purchaseId,
    customerLocalId: p.customerId,
    term: p.term,
    principal: money(p.principalFen),
    totalFee: money(p.totalFeeFen),
    feeRatePercent: bpToPercent(p.feeRateBp),
    aprPercent: bpToPercent(p.aprBp),
    couponCode: p.couponCode ?? null,
    status: p.status,
    createdAt: p.createdAt,
  });
}

@ObjectType('QuoteLine')
export class QuoteLineNode {
  @Field(() => Int) seq!: number;
  @Field(() => String) dueDate!: string;
  @Field(() => Money) principal!: Money;
  @Field(() => Money) fee!: Money;
}

@ObjectType('InstallmentQuote', { description: 'The price of one term: fee, APR and schedule.' })
export class InstallmentQuoteNode {
  @Field(() => String) term!: string;
  @Field(() => Int) periods!: number;
  @Field(() => String) feeRatePercent!: string;
  @Field(() => Money) totalFee!: Money;
  @Field(() => Money) totalRepayment!: Money;
  @Field(() => String) aprPercent!: string;
  @Field(() => Boolean) couponApplied!: boolean;
  @Field(() => [QuoteLineNode]) schedule!: QuoteLineNode[];
}

export function toQuoteNode(q: PlanQuote, principalFen: number): InstallmentQuoteNode {
  return Object.assign(new InstallmentQuoteNode(), {
    term: q.term,
    periods: q.periods,
    feeRatePercent: bpToPercent(q.feeRateBp),
    totalFee: money(q.totalFeeFen),
    totalRepayment: money(principalFen + q.totalFeeFen),
    aprPercent: bpToPercent(q.aprBp),
    couponApplied: q.couponApplied,
    schedule: q.schedule.map((l) =>
      Object.assign(new QuoteLineNode(), {
        seq: l.seq,
        dueDate: l.dueDate,
        principal: money(l.principalFen),
        fee: money(l.feeFen),
      }),
    ),
  });
}

@ObjectType('PayoffQuote', {
  description: 'What paying a plan off today costs; fees of periods not yet begun are waived.',
})
export class PayoffQuoteNode {
  @Field(() => ID) planId!: string;
  @Field(() => Money) total!: Money;
  @Field(() => Money) principal!: Money;
  @Field(() => Money) fee!: Money;
  @Field(() => Money) lateFee!: Money;
  @Field(() => Money) waivedFee!: Money;
}

@InputType()
export class CreateInstallmentPlanInput {
  @Field(() => ID) purchaseId!: string;
  @Field(() => String) term!: string;
  @Field(() => String, { nullable: true }) couponCode?: string | null;
  @Field(() => String) idempotencyKey!: string;
}

@ObjectType()
export class InstallmentPlanPayload {
  @Field(() => InstallmentPlanNode, { nullable: true })
  installmentPlan?: InstallmentPlanNode | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}
