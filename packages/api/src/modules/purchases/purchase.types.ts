import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { MaxLength, MinLength } from 'class-validator';
import { Money, money } from '../../graphql/money.js';
import { Node, toGlobalId } from '../../graphql/relay.js';
import type { Purchase } from './purchase.entity.js';
import type { Viewer } from '../auth/viewer.js';
import {
  AuthorizationDecisionEnum,
  PlanTermEnum,
  PurchaseStatusEnum,
  DeclineCodeEnum,
} from '../../graphql/enums.js';
import { Payload } from '../../graphql/payload.js';
import {
  IdempotencyKeyField,
  CustomerRefField,
  AccountRefField,
} from '../../graphql/input-fields.js';

@ObjectType('Purchase', {
  implements: Node,
  description:
    'An authorization against the available limit: held, then captured into a plan, released, or expired.',
})
export class PurchaseNode extends Node {
  localId!: string;
  customerLocalId!: string;
  accountLocalId!: string;
  @Field(() => Money, { description: 'The amount authorized.' }) amount!: Money;
  @Field(() => String, { description: 'One of the known purchase categories, e.g. DIGITAL.' })
  category!: string;
  @Field(() => String, { description: "The merchant's name." }) merchant!: string;
  @Field(() => PurchaseStatusEnum, {
    description: 'HELD, PENDING_REVIEW, DECLINED, CAPTURED, RELEASED, EXPIRED or REJECTED.',
  })
  status!: string;
  @Field(() => DeclineCodeEnum, {
    nullable: true,
    description: 'Why it was declined or rejected; null otherwise.',
  })
  declineCode?: string | null;
  @Field(() => [String], { description: 'Rule hits and review reasons.' }) reasons!: string[];
  @Field(() => GraphQLDateTime, { description: 'When it was created.' }) createdAt!: Date;
  @Field(() => GraphQLDateTime, {
    description: 'When a reviewer approved or rejected it; null otherwise.',
    nullable: true,
  })
  decidedAt?: Date | null;
  @Field(() => Money, { description: 'Captured so far (a purchase can be captured in parts).' })
  capturedAmount!: Money;
  @Field(() => Money, { description: 'Refunded so far, of what was captured.' })
  refundedAmount!: Money;
  partnerAppLocalId!: string | null;
}

/** Staff see every purchase; a partner app only the purchases it made (others do not exist for it). */
export const purchasesVisibleTo = (viewer: Viewer): { partnerAppId?: string } =>
  viewer.kind === 'partner' ? { partnerAppId: viewer.id } : {};

export function toPurchaseNode(p: Purchase): PurchaseNode {
  return Object.assign(new PurchaseNode(), {
    id: toGlobalId('Purchase', p.id),
    localId: p.id,
    customerLocalId: p.customerId,
    accountLocalId: p.accountId,
    amount: money(p.amountFen),
    category: p.category,
    merchant: p.merchant,
    status: p.status,
    declineCode: p.declineCode ?? null,
    reasons: Array.isArray(p.reasons) ? p.reasons.map(String) : [],
    createdAt: p.createdAt,
    decidedAt: p.decidedAt ?? null,
    capturedAmount: money(p.capturedFen ?? 0),
    refundedAmount: money(p.refundedFen ?? 0),
    partnerAppLocalId: p.partnerAppId ?? null,
  });
}

@InputType({
  description:
    'Authorize a purchase: give the customer or the account, the amount in yuan ("1299.00"), a known category and an idempotency key.',
})
export class AuthorizePurchaseInput {
  @CustomerRefField()
  customerId?: string | null;
  @AccountRefField()
  accountId?: string | null;
  @Field(() => String, { description: 'Yuan as a decimal string, at most two decimals.' })
  amount!: string;
  @Field(() => String, { description: 'The purchase category, e.g. ELECTRONICS.' })
  category!: string;
  @Field(() => String, { description: "The merchant's name (1 to 200 characters)." })
  @MinLength(1)
  @MaxLength(200)
  merchant!: string;
  @Field(() => String, { description: "The customer's device, for fraud rules.", nullable: true })
  @MaxLength(200)
  deviceId?: string | null;
  @Field(() => String, { description: 'A retry with the same key returns the first result.' })
  idempotencyKey!: string;
}

@ObjectType({
  description:
    'The result of `authorizePurchase`: what changed, or the userErrors saying why nothing did.',
})
export class AuthorizePurchasePayload extends Payload('AuthorizePurchase') {
  @Field(() => PurchaseNode, {
    description: 'The purchase created or changed; null when there are userErrors.',
    nullable: true,
  })
  purchase?: PurchaseNode | null;
  @Field(() => AuthorizationDecisionEnum, {
    nullable: true,
    description: 'The decision when the request was first made: HELD, PENDING_REVIEW or DECLINED.',
  })
  decision?: string | null;
  @Field(() => DeclineCodeEnum, {
    description: 'Why it was declined, e.g. ACCOUNT_FROZEN; null unless DECLINED.',
    nullable: true,
  })
  declineCode?: string | null;
  @Field(() => [String], { description: 'Reason codes behind a decline or review.' })
  reasons!: string[];
  @Field(() => Boolean, {
    description:
      'True when this is the stored result of an earlier request with the same idempotency key.',
  })
  replayed!: boolean;
}

@InputType({
  description:
    'Capture a held purchase, whole or in parts (split shipments): amount defaults to all that is left; the last capture (final, or one that takes the rest) releases what is not captured.',
})
export class CapturePurchaseInput {
  @Field(() => ID, { description: 'Global id of the purchase.' }) purchaseId!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Yuan to capture now (at most what is left of the hold); all of it when omitted.',
  })
  amount?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'The last shipment: release what is left of the hold after this capture.',
  })
  final?: boolean | null;
  @Field(() => PlanTermEnum, {
    nullable: true,
    description: 'Create the installment plan at once: DEFERRED_30, M3, M6, M9, M12 or M24.',
  })
  term?: string | null;
  @Field(() => String, {
    description: 'A coupon of the customer to apply, by its code.',
    nullable: true,
  })
  couponCode?: string | null;
  @IdempotencyKeyField()
  idempotencyKey!: string;
}

@InputType({ description: 'The input of `extendHold`.' })
export class ExtendHoldInput {
  @Field(() => ID, { description: 'Global id of the purchase.' }) purchaseId!: string;
  @IdempotencyKeyField()
  idempotencyKey!: string;
}

@InputType({ description: 'The input of `releasePurchase`.' })
export class ReleasePurchaseInput {
  @Field(() => ID, { description: 'Global id of the purchase.' }) purchaseId!: string;
  @IdempotencyKeyField()
  idempotencyKey!: string;
}

@InputType({
  description: 'The purchase and the reason, for `approvePurchase` and `rejectPurchase`.',
})
export class DecidePurchaseInput {
  @Field(() => ID, { description: 'Global id of the purchase.' }) purchaseId!: string;
  @Field(() => String, { description: 'Why (required; kept in the audit log).' })
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}

@ObjectType({
  description: 'The purchase after the change, or the userErrors saying why nothing changed.',
})
export class PurchasePayload extends Payload('Purchase') {
  @Field(() => PurchaseNode, {
    description: 'The purchase created or changed; null when there are userErrors.',
    nullable: true,
  })
  purchase?: PurchaseNode | null;
}
