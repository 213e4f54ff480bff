import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLDate, GraphQLDateTime } from 'graphql-scalars';
import { Money, formatFen, money } from '../../graphql/money.js';
import { Node, toGlobalId } from '../../graphql/relay.js';
import type { InstallmentPlan, ScheduleLine } from './installment-plan.entity.js';
import type { PlanQuote } from './pricing.js';
import { PlanStatusEnum, PlanTermEnum, ScheduleLineStatusEnum } from '../../graphql/enums.js';
import { Payload } from '../../graphql/payload.js';
import { IdempotencyKeyField } from '../../graphql/input-fields.js';

/** Basis points as a percent string with two decimals: 1234 → "12.34". */
export const bpToPercent = (bp: number) => formatFen(bp);

@ObjectType('ScheduleLine', {
  description: 'One period of a plan: principal and fee due on a date, and what has been paid.',
})
export class ScheduleLineNode {
  @Field(() => Int, { description: 'The period number, from 1.' }) seq!: number;
  @Field(() => GraphQLDate, { description: 'YYYY-MM-DD.' }) dueDate!: string;
  @Field(() => Money, { description: 'Principal due in this period.' }) principal!: Money;
  @Field(() => Money, { description: 'Installment fee due in this period.' }) fee!: Money;
  @Field(() => Money, { description: 'Late fee charged on this line.' }) lateFee!: Money;
  @Field(() => Money, { description: 'Paid so far: principal + fee + late fee.' }) paid!: Money;
  @Field(() => Money, { description: 'Still to pay.' }) outstanding!: Money;
  @Field(() => ScheduleLineStatusEnum, { description: 'DUE, PAID, OVERDUE or WAIVED.' })
  status!: string;
  @Field(() => Int, { description: 'Days past its due date; 0 unless OVERDUE.' })
  daysPastDue!: number;
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
  @Field(() => PlanTermEnum, { description: 'DEFERRED_30, M3, M6, M9, M12 or M24.' }) term!: string;
  @Field(() => Money, { description: 'The amount split into the plan.' }) principal!: Money;
  @Field(() => Money, { description: "The plan's fees over all periods." }) totalFee!: Money;
  @Field(() => String, { description: 'Fee rate per period in percent, e.g. "0.60".' })
  feeRatePercent!: string;
  @Field(() => String, { description: 'Annualized rate (APR, by IRR) in percent, e.g. "13.04".' })
  aprPercent!: string;
  @Field(() => String, {
    description: 'A coupon of the customer to apply, by its code.',
    nullable: true,
  })
  couponCode?: string | null;
  @Field(() => PlanStatusEnum, { description: 'ACTIVE, PAID_OFF or CLOSED.' }) status!: string;
  @Field(() => GraphQLDateTime, { description: 'When it was created.' }) createdAt!: Date;
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

@ObjectType('PlanFees', {
  description:
    'Fees of a plan: charged when it was created, paid, and waived (periods not begun at a payoff or a prepayment, refunds, staff waivers, write-offs); late fees likewise.',
})
export class PlanFeesNode {
  @Field(() => Money, { description: 'Installment fees charged so far.' }) charged!: Money;
  @Field(() => Money, { description: 'Installment fees paid.' }) paid!: Money;
  @Field(() => Money, { description: 'Installment fees waived.' }) waived!: Money;
  @Field(() => Money, { description: 'charged − paid − waived.' }) outstanding!: Money;
  @Field(() => Money, { description: 'Late fees charged.' }) lateFeesCharged!: Money;
  @Field(() => Money, { description: 'Late fees paid.' }) lateFeesPaid!: Money;
  @Field(() => Money, { description: 'Late fees waived.' }) lateFeesWaived!: Money;
}

@ObjectType('QuoteLine', { description: 'One period of a quoted schedule.' })
export class QuoteLineNode {
  @Field(() => Int, { description: 'The period number, from 1.' }) seq!: number;
  @Field(() => GraphQLDate, { description: 'Its due date.' }) dueDate!: string;
  @Field(() => Money, { description: 'Principal due in this period.' }) principal!: Money;
  @Field(() => Money, { description: 'Fee due in this period.' }) fee!: Money;
}

@ObjectType('InstallmentQuote', { description: 'The price of one term: fee, APR and schedule.' })
export class InstallmentQuoteNode {
  @Field(() => PlanTermEnum, { description: 'The term priced.' }) term!: string;
  @Field(() => Int, { description: 'How many payments.' }) periods!: number;
  @Field(() => String, { description: 'Fee rate per period, in percent, e.g. "0.60".' })
  feeRatePercent!: string;
  @Field(() => Money, { description: 'All fees over the plan.' }) totalFee!: Money;
  @Field(() => Money, { description: 'Principal plus all fees.' }) totalRepayment!: Money;
  @Field(() => String, { description: 'Annual percentage rate, in percent (IRR method).' })
  aprPercent!: string;
  @Field(() => Boolean, { description: 'True when the coupon lowered this quote.' })
  couponApplied!: boolean;
  @Field(() => [QuoteLineNode], { description: 'The payments, period by period.' })
  schedule!: QuoteLineNode[];
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
  @Field(() => ID, { description: 'Global id of the installment plan.' }) planId!: string;
  @Field(() => Money, { description: 'What paying the plan off today costs.' }) total!: Money;
  @Field(() => Money, { description: 'Principal still owed.' }) principal!: Money;
  @Field(() => Money, { description: 'Fees still due for periods already started.' }) fee!: Money;
  @Field(() => Money, { description: 'Late fees still owed.' }) lateFee!: Money;
  @Field(() => Money, { description: 'Fees of future periods not charged when paid off today.' })
  waivedFee!: Money;
}

@InputType({ description: 'The input of `createInstallmentPlan`.' })
export class CreateInstallmentPlanInput {
  @Field(() => ID, { description: 'Global id of the purchase.' }) purchaseId!: string;
  @Field(() => PlanTermEnum, { description: 'The term to split over.' }) term!: string;
  @Field(() => String, {
    description: 'A coupon of the customer to apply, by its code.',
    nullable: true,
  })
  couponCode?: string | null;
  @IdempotencyKeyField()
  idempotencyKey!: string;
}

@ObjectType({
  description:
    'The result of `createInstallmentPlan`, or the userErrors saying why nothing changed.',
})
export class InstallmentPlanPayload extends Payload('InstallmentPlan') {
  @Field(() => InstallmentPlanNode, {
    description: 'The installment plan created or changed; null when there are userErrors.',
    nullable: true,
  })
  installmentPlan?: InstallmentPlanNode | null;
}
