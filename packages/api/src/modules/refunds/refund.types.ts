import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { MaxLength, MinLength } from 'class-validator';
import { Money } from '../../graphql/money.js';
import { Node } from '../../graphql/relay.js';
import { PurchaseNode } from '../purchases/purchase.types.js';
import { Payload } from '../../graphql/payload.js';
import { IdempotencyKeyField } from '../../graphql/input-fields.js';

@ObjectType('Refund', {
  implements: Node,
  description:
    'Money given back on a captured purchase (a return): it lowers the plan from the last installments back, and what the customer had already paid becomes credit.',
})
export class RefundNode extends Node {
  @Field(() => Money, { description: 'The amount refunded.' }) amount!: Money;
  @Field(() => String, { description: "The merchant's refund reference (unique per partner)." })
  merchantReference!: string;
  @Field(() => Money, { description: 'Outstanding principal lowered (given back to the limit).' })
  principalReduced!: Money;
  @Field(() => Money, { description: 'Fees of the affected periods lowered, pro rata.' })
  feeReduced!: Money;
  @Field(() => Money, { description: 'Already paid, so kept as customer credit.' })
  credit!: Money;
  @Field(() => Money, {
    description:
      "Recovered written-off principal: the part of a refund of a written-off balance that is not the customer's money (never credit).",
  })
  recovered!: Money;
  @Field(() => GraphQLDateTime, { description: 'When it was created.' }) createdAt!: Date;
}

@InputType({
  description:
    'Refund (part of) a captured purchase. Several refunds per purchase are fine, up to what was captured.',
})
export class RefundPurchaseInput {
  @Field(() => ID, { description: 'Global id of the purchase.' }) purchaseId!: string;
  @Field(() => String, { description: 'Yuan as a decimal string, at most two decimals.' })
  amount!: string;
  @Field(() => String, {
    description: "The merchant's own refund reference: a second refund with it is refused.",
  })
  @MinLength(1)
  @MaxLength(128)
  merchantReference!: string;
  @IdempotencyKeyField()
  idempotencyKey!: string;
}

@ObjectType({
  description:
    'The result of `refundPurchase`: what changed, or the userErrors saying why nothing did.',
})
export class RefundPurchasePayload extends Payload('RefundPurchase') {
  @Field(() => RefundNode, {
    description: 'The refund created or changed; null when there are userErrors.',
    nullable: true,
  })
  refund?: RefundNode | null;
  @Field(() => PurchaseNode, {
    description: 'The purchase created or changed; null when there are userErrors.',
    nullable: true,
  })
  purchase?: PurchaseNode | null;
  @Field(() => Money, {
    nullable: true,
    description: 'Of the credit this refund created, the part applied at once to amounts due.',
  })
  creditApplied?: Money | null;
}
