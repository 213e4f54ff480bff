import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { MaxLength, MinLength } from 'class-validator';
import { GraphQLDate, GraphQLDateTime } from 'graphql-scalars';
import { Money, money } from '../../graphql/money.js';
import { bpToPercent } from '../plans/plan.types.js';
import { PaymentChannel, RepaymentNode } from '../repayments/repayment.types.js';
import type { StatementRow } from './revolving.service.js';
import { GradeEnum, RevolvingOfferStatusEnum, StatementStatusEnum } from '../../graphql/enums.js';
import { Payload } from '../../graphql/payload.js';
import {
  IdempotencyKeyField,
  CustomerRefField,
  AccountRefField,
} from '../../graphql/input-fields.js';

@ObjectType('Statement', {
  description:
    'A monthly statement of a revolving line. balance = previousBalance − payments + purchases + interest + fees − refunds − pointsRedeemed − waived.',
})
export class StatementNode {
  @Field(() => Int, { description: '1 = the first statement.' }) seq!: number;
  @Field(() => GraphQLDate, { description: 'Statement date, YYYY-MM-DD.' }) closingDate!: string;
  @Field(() => GraphQLDate, { description: 'Due date, YYYY-MM-DD.' }) dueDate!: string;
  @Field(() => Money, { description: 'The balance carried from the last statement.' })
  previousBalance!: Money;
  @Field(() => Money, { description: 'Payments in the period.' }) payments!: Money;
  @Field(() => Money, { description: 'Purchases in the period.' }) purchases!: Money;
  @Field(() => Money, { description: 'Revolving interest charged in the cycle.' })
  interest!: Money;
  @Field(() => Money, { description: 'Late fees charged in the cycle.' }) fees!: Money;
  @Field(() => Money, { description: 'Refunds in the period.' }) refunds!: Money;
  @Field(() => Money, { description: 'Points redeemed against the balance.' })
  pointsRedeemed!: Money;
  @Field(() => Money, {
    description:
      'Interest and late fees waived by a supervisor, and what was written off, in the cycle.',
  })
  waived!: Money;
  @Field(() => Money, { description: 'The statement balance.' }) balance!: Money;
  @Field(() => Money, {
    description: 'Pay at least this by the due date to avoid the late fee.',
  })
  minimumPayment!: Money;
  @Field(() => Money, { description: 'Paid toward it since the statement date.' }) paid!: Money;
  @Field(() => Money, {
    description: 'What is left of the balance; 0 by the due date means no interest.',
  })
  unpaid!: Money;
  @Field(() => Int, {
    description:
      'Points earned in the period: whole yuan of purchases less every card refund of the period; negative when its refunds exceeded its purchases (points taken back, down to the balance).',
  })
  pointsEarned!: number;
  @Field(() => StatementStatusEnum, {
    description:
      'PAID (in full: no interest), MINIMUM_PAID, OPEN (before the due date) or PAST_DUE (minimum not paid by the due date).',
  })
  status!: string;
}

export function toStatementNode(s: StatementRow, today: string): StatementNode {
  const balance = Number(s.balance_fen);
  const paid = Number(s.paid_fen);
  const unpaid = Math.max(0, balance - paid);
  const status =
    unpaid === 0
      ? 'PAID'
      : paid >= Number(s.minimum_payment_fen)
        ? 'MINIMUM_PAID'
        : today > s.due_date
          ? 'PAST_DUE'
          : 'OPEN';
  return Object.assign(new StatementNode(), {
    seq: Number(s.seq),
    closingDate: s.closing_date,
    dueDate: s.due_date,
    previousBalance: money(Number(s.previous_balance_fen)),
    payments: money(Number(s.payments_fen)),
    purchases: money(Number(s.purchases_fen)),
    interest: money(Number(s.interest_fen)),
    fees: money(Number(s.fees_fen)),
    refunds: money(Number(s.refunds_fen)),
    pointsRedeemed: money(Number(s.points_redeemed_fen)),
    waived: money(Number(s.waived_fen)),
    balance: money(balance),
    minimumPayment: money(Number(s.minimum_payment_fen)),
    paid: money(paid),
    unpaid: money(unpaid),
    pointsEarned: Number(s.points_earned),
    status,
  });
}

@ObjectType('RevolvingLine', {
  description: 'The revolving (credit-card) side of an upgraded account.',
})
export class RevolvingLineNode {
  accountLocalId!: string;
  @Field(() => Int, { description: 'Day of the month statements are made (1–28).' })
  statementDay!: number;
  @Field(() => Int, { description: 'Days from the statement date to the due date.' })
  dueDays!: number;
  @Field(() => GraphQLDate, { description: 'Next statement date, YYYY-MM-DD.' })
  nextStatementDate!: string;
  @Field(() => String, {
    description:
      'Revolving interest per day on what is unpaid after the due date, percent (0.05 = 0.05 %).',
  })
  dailyInterestPercent!: string;
  @Field(() => String, { description: 'The same rate annualised (× 365), percent.' })
  aprPercent!: string;
  @Field(() => Money, {
    description: 'Owed now on the revolving line (principal + interest + fees).',
  })
  balance!: Money;
  @Field(() => Money, { description: 'Revolving principal owed.' }) principal!: Money;
  @Field(() => Money, { description: 'Interest owed.' }) interest!: Money;
  @Field(() => Money, { description: 'Fees owed.' }) fees!: Money;
  @Field(() => Int, { description: 'Reward points to redeem.' }) points!: number;
  @Field(() => Money, { description: 'What the points are worth against a statement.' })
  pointsValue!: Money;
}

@ObjectType('RevolvingOffer', {
  description: 'An offer to upgrade the account to a revolving line.',
})
export class RevolvingOfferNode {
  @Field(() => RevolvingOfferStatusEnum, { description: 'Where the offer is.' }) status!: string;
  @Field(() => GraphQLDateTime, { description: 'When it was offered.' }) offeredAt!: Date;
  @Field(() => GraphQLDateTime, { description: 'When it expires.' }) expiresAt!: Date;
}

@ObjectType('RevolvingEligibility', {
  description: "The policy's verdict on the revolving upgrade, with the facts it used.",
})
export class RevolvingEligibilityNode {
  @Field(() => Boolean, { description: 'Whether the account may be offered a revolving line now.' })
  eligible!: boolean;
  @Field(() => [String], {
    description:
      'ACCOUNT_NOT_ACTIVE, GRADE_NOT_ELIGIBLE, TENURE_TOO_SHORT, TOO_FEW_ON_TIME_INSTALLMENTS, PAST_DELINQUENCY.',
  })
  reasons!: string[];
  @Field(() => GradeEnum, { description: "The account's grade.", nullable: true }) grade?:
    string | null;
  @Field(() => Int, { description: 'Days since the account opened.' }) tenureDays!: number;
  @Field(() => Int, { description: 'Installments paid on time.' }) onTimeInstallments!: number;
  @Field(() => Int, { description: 'The most days past due ever.' }) maxDaysPastDue!: number;
}

@InputType({ description: 'An account, by customer or account id, and an idempotency key.' })
export class RevolvingAccountInput {
  @CustomerRefField()
  customerId?: string | null;
  @AccountRefField()
  accountId?: string | null;
  @IdempotencyKeyField()
  idempotencyKey!: string;
}

@InputType({ description: 'Pay the revolving balance (fees, interest, then principal).' })
export class PayStatementInput {
  @CustomerRefField()
  customerId?: string | null;
  @AccountRefField()
  accountId?: string | null;
  @Field(() => String, { description: 'Yuan as a decimal string, at most two decimals.' })
  amount!: string;
  @IdempotencyKeyField()
  idempotencyKey!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Partners: your own id for this payment (1–64 characters), unique per app.',
  })
  paymentReference?: string | null;
  @Field(() => PaymentChannel, { nullable: true, description: 'Partners: how the customer paid.' })
  paymentChannel?: PaymentChannel | null;
  @Field(() => String, {
    nullable: true,
    description: 'Staff: where the money came in (e.g. BANK_TRANSFER), with its reference.',
  })
  @MinLength(1)
  @MaxLength(40)
  channel?: string | null;
  @Field(() => String, { nullable: true, description: "Staff: the channel's reference." })
  @MinLength(1)
  @MaxLength(128)
  reference?: string | null;
}

@InputType({ description: 'Redeem reward points against the latest statement.' })
export class RedeemPointsInput {
  @CustomerRefField()
  customerId?: string | null;
  @AccountRefField()
  accountId?: string | null;
  @Field(() => Int, { description: 'Points to redeem (1 or more).' }) points!: number;
  @IdempotencyKeyField()
  idempotencyKey!: string;
}

@ObjectType({
  description:
    'The result of `offerRevolvingUpgrade`, or the userErrors saying why nothing changed.',
})
export class RevolvingOfferPayload extends Payload('RevolvingOffer') {
  @Field(() => RevolvingOfferNode, {
    description: 'The revolving offer created or changed; null when there are userErrors.',
    nullable: true,
  })
  offer?: RevolvingOfferNode | null;
}

@ObjectType({
  description: 'The revolving line after the change, or the userErrors saying why nothing changed.',
})
export class RevolvingLinePayload extends Payload('RevolvingLine') {
  @Field(() => RevolvingLineNode, {
    description: 'The revolving line created or changed; null when there are userErrors.',
    nullable: true,
  })
  revolving?: RevolvingLineNode | null;
}

@ObjectType({
  description:
    'The result of `payStatement`: what changed, or the userErrors saying why nothing did.',
})
export class PayStatementPayload extends Payload('PayStatement') {
  @Field(() => RepaymentNode, {
    description: 'The repayment created or changed; null when there are userErrors.',
    nullable: true,
  })
  repayment?: RepaymentNode | null;
  @Field(() => RevolvingLineNode, {
    description: 'The revolving line created or changed; null when there are userErrors.',
    nullable: true,
  })
  revolving?: RevolvingLineNode | null;
}

@ObjectType({
  description:
    'The result of `redeemPoints`: what changed, or the userErrors saying why nothing did.',
})
export class RedeemPointsPayload extends Payload('RedeemPoints') {
  @Field(() => Money, {
    description: 'The value redeemed; null when there are userErrors.',
    nullable: true,
  })
  redeemed?: Money | null;
  @Field(() => RevolvingLineNode, {
    description: 'The revolving line created or changed; null when there are userErrors.',
    nullable: true,
  })
  revolving?: RevolvingLineNode | null;
}

export const percentOfPpm = (ppm: number) => (ppm / 10_000).toFixed(4).replace(/0{1,2}$/, '');
export { bpToPercent };
