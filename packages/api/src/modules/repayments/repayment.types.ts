import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Money, money } from '../../graphql/money.js';
import { Node, toGlobalId } from '../../graphql/relay.js';
import type { Repayment } from './repayment.entity.js';
import { RepaymentKindEnum, RepaymentSourceEnum } from '../../graphql/enums.js';
import { Payload } from '../../graphql/payload.js';
import {
  IdempotencyKeyField,
  CustomerRefField,
  AccountRefField,
} from '../../graphql/input-fields.js';

export enum PaymentChannel {
  BANK_CARD = 'BANK_CARD',
  ALIPAY = 'ALIPAY',
  WECHAT_PAY = 'WECHAT_PAY',
  BANK_TRANSFER = 'BANK_TRANSFER',
  OTHER = 'OTHER',
}
registerEnumType(PaymentChannel, {
  name: 'PaymentChannel',
  description: 'How a repayment was paid.',
  valuesConfig: {
    BANK_CARD: { description: 'Debit from the bound bank card.' },
    ALIPAY: { description: 'Alipay (支付宝).' },
    WECHAT_PAY: { description: 'WeChat Pay (微信支付).' },
    BANK_TRANSFER: { description: 'A bank transfer.' },
    OTHER: { description: 'Any other channel.' },
  },
});

@ObjectType('Repayment', {
  implements: Node,
  description: 'Money received for an account, and how it was allocated.',
})
export class RepaymentNode extends Node {
  /** Whose repayment (not exposed): partners read it only through that customer's link. */
  customerLocalId!: string;
  @Field(() => Money, { description: 'The whole amount received.' }) amount!: Money;
  @Field(() => String, {
    nullable: true,
    description:
      "The payer's own id for this payment (a partner's payment id); unique per partner app.",
  })
  paymentReference?: string | null;
  @Field(() => PaymentChannel, { nullable: true, description: 'How the money was paid.' })
  paymentChannel?: PaymentChannel | null;
  @Field(() => GraphQLDateTime, { description: 'When the money came in.' }) receivedAt!: Date;
  @Field(() => Money, { description: 'Paid to principal (restores the available limit).' })
  principal!: Money;
  @Field(() => Money, { description: 'The part that paid installment fees.' }) fee!: Money;
  @Field(() => Money, { description: 'The part that paid late fees.' }) lateFee!: Money;
  @Field(() => Money, { description: 'Overpayment kept as customer credit.' }) unapplied!: Money;
  @Field(() => RepaymentKindEnum, {
    description:
      'INSTALLMENT (paid over schedule lines) or REVOLVING (paid on the revolving balance: fees, interest, principal).',
  })
  kind!: string;
  @Field(() => Money, { description: 'Revolving interest paid (REVOLVING only).' })
  interest!: Money;
  @Field(() => RepaymentSourceEnum, {
    description:
      'CUSTOMER (through a partner app), OTHER_CHANNEL (posted by staff, with its reference) or CREDIT (the customer credit applied to amounts due).',
  })
  source!: string;
  @Field(() => String, {
    description: 'Staff: where the money came in (e.g. BANK_TRANSFER), with its reference.',
    nullable: true,
  })
  channel?: string | null;
  @Field(() => String, { nullable: true, description: 'The other channel’s reference.' })
  reference?: string | null;
}

export function toRepaymentNode(r: Repayment): RepaymentNode {
  return Object.assign(new RepaymentNode(), {
    id: toGlobalId('Repayment', r.id),
    customerLocalId: r.customerId,
    amount: money(r.amountFen),
    paymentReference: r.paymentReference ?? null,
    paymentChannel: (r.paymentChannel as PaymentChannel | null) ?? null,
    receivedAt: r.receivedAt,
    principal: money(r.principalFen),
    fee: money(r.feeFen),
    lateFee: money(r.lateFeeFen),
    unapplied: money(r.unappliedFen),
    kind: r.kind,
    interest: money(r.interestFen),
    source: r.source,
    channel: r.channel ?? null,
    reference: r.externalReference ?? null,
  });
}

@ObjectType('OverdueState', {
  description: 'Whether the account is past due, by how much and how long.',
})
export class OverdueStateNode {
  @Field(() => Boolean, { description: 'Whether any line is past due.' }) isOverdue!: boolean;
  @Field(() => Int, { description: 'Days past due of the oldest unpaid line.' })
  daysPastDue!: number;
  @Field(() => Money, { description: 'Everything past due, fees included.' }) overdueAmount!: Money;
  @Field(() => String, { nullable: true, description: '1-30, 31-60, 61-90 or 90+.' }) bucket?:
    string | null;
}

@InputType({ description: 'The input of `recordRepayment`.' })
export class RecordRepaymentInput {
  @CustomerRefField()
  customerId?: string | null;
  @AccountRefField()
  accountId?: string | null;
  @Field(() => String, { description: 'Yuan as a decimal string, at most two decimals.' })
  amount!: string;
  @IdempotencyKeyField()
  idempotencyKey!: string;
  @Field(() => String, {
    description:
      'Your own id for this payment (1–64 characters), unique per partner app: the same payment is never recorded twice.',
  })
  paymentReference!: string;
  @Field(() => PaymentChannel, { description: 'How the customer paid.' })
  paymentChannel!: PaymentChannel;
}

@InputType({ description: 'The input of `repayEarly`.' })
export class RepayEarlyInput {
  @Field(() => ID, { description: 'Global id of the installment plan.' }) planId!: string;
  @IdempotencyKeyField()
  idempotencyKey!: string;
  @Field(() => String, {
    description: 'Your own id for this payment (1–64 characters), unique per partner app.',
  })
  paymentReference!: string;
  @Field(() => PaymentChannel, { description: 'How the customer paid.' })
  paymentChannel!: PaymentChannel;
}

@ObjectType({
  description: 'The repayment recorded, or the userErrors saying why nothing changed.',
})
export class RepaymentPayload extends Payload('Repayment') {
  @Field(() => RepaymentNode, {
    description: 'The repayment created or changed; null when there are userErrors.',
    nullable: true,
  })
  repayment?: RepaymentNode | null;
}
