import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Money, money } from '../../graphql/money.js';
import { Node, toGlobalId } from '../../graphql/relay.js';
import { UserError } from '../../graphql/errors.js';
import type { Repayment } from './repayment.entity.js';

@ObjectType('Repayment', {
  implements: Node,
  description: 'Money received for an account, and how it was allocated.',
})
export class RepaymentNode extends Node {
  @Field(() => Money) amount!: Money;
  @Field(() => GraphQLDateTime) receivedAt!: Date;
  @Field(() => Money, { description: 'Paid to principal (restores the available limit).' })
  principal!: Money;
  @Field(() => Money) fee!: Money;
  @Field(() => Money) lateFee!: Money;
  @Field(() => Money, { description: 'Overpayment kept as customer credit.' }) unapplied!: Money;
  @Field(() => String, {
    description:
      'CUSTOMER (through a partner app), OTHER_CHANNEL (posted by staff, with its reference) or CREDIT (the customer credit applied to amounts due).',
  })
  source!: string;
  @Field(() => String, { nullable: true }) channel?: string | null;
  @Field(() => String, { nullable: true, description: 'The other channel’s reference.' })
  reference?: string | null;
}

export function toRepaymentNode(r: Repayment): RepaymentNode {
  return Object.assign(new RepaymentNode(), {
    id: toGlobalId('Repayment', r.id),
    amount: money(r.amountFen),
    receivedAt: r.receivedAt,
    principal: money(r.principalFen),
    fee: money(r.feeFen),
    lateFee: money(r.lateFeeFen),
    unapplied: money(r.unappliedFen),
    source: r.source,
    channel: r.channel ?? null,
    reference: r.externalReference ?? null,
  });
}

@ObjectType('OverdueState', {
  description: 'Whether the account is past due, by how much and how long.',
})
export class OverdueStateNode {
  @Field(() => Boolean) isOverdue!: boolean;
  @Field(() => Int) daysPastDue!: number;
  @Field(() => Money) overdueAmount!: Money;
  @Field(() => String, { nullable: true, description: '1-30, 31-60, 61-90 or 90+.' }) bucket?:
    string | null;
}

@InputType()
export class RecordRepaymentInput {
  @Field(() => ID, { nullable: true }) customerId?: string | null;
  @Field(() => ID, { nullable: true }) accountId?: string | null;
  @Field(() => String, { description: 'Yuan as a decimal string, at most two decimals.' })
  amount!: string;
  @Field(() => String) idempotencyKey!: string;
}

@InputType()
export class RepayEarlyInput {
  @Field(() => ID) planId!: string;
  @Field(() => String) idempotencyKey!: string;
}

@ObjectType()
export class RepaymentPayload {
  @Field(() => RepaymentNode, { nullable: true }) repayment?: RepaymentNode | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}
