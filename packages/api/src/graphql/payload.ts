import { Field, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import {
  USER_ERROR_CODE_DESCRIPTIONS,
  type Outcome,
  type UserError,
  type UserErrorCode,
} from './errors.js';

/**
 * The codes each payload's `userErrors` can carry — the one table the payloads' GraphQL enums
 * and their TypeScript code unions are built from. A payload answers one or more mutations; its
 * list is what their code paths can return (services name their codes in `Outcome<T, C>`, and a
 * resolver cannot put a code outside this list into the payload: it does not compile). A
 * schema test checks every payload's error type and enum against this table.
 */
export const PAYLOAD_ERROR_CODES = {
  AddCustomerNote: [
    'CUSTOMER_NOT_FOUND',
    'FORBIDDEN',
    'INVALID_ID',
    'INVALID_TICKET_REF',
    'NOTE_BODY_REQUIRED',
    'NOTE_TOO_LONG',
    'UNKNOWN_NOTE_TAG',
  ],
  Agent: [
    'AGENT_NOT_FOUND',
    'INVALID_ROLE',
    'INVALID_USERNAME',
    'NOT_ALLOWED',
    'USERNAME_TAKEN',
    'WEAK_PASSWORD',
  ],
  ApplyForCredit: [
    'ACCOUNT_EXISTS',
    'CUSTOMER_NOT_FOUND',
    'IDEMPOTENCY_KEY_REUSED',
    'INVALID_ID',
    'INVALID_IDEMPOTENCY_KEY',
  ],
  AuthorizePurchase: [
    'ACCOUNT_NOT_FOUND',
    'ACCOUNT_REQUIRED',
    'AMOUNT_NOT_POSITIVE',
    'AMOUNT_TOO_LARGE',
    'IDEMPOTENCY_KEY_REUSED',
    'INVALID_AMOUNT',
    'INVALID_ID',
    'INVALID_IDEMPOTENCY_KEY',
    'UNKNOWN_CATEGORY',
  ],
  CategoryLimit: [
    'ACCOUNT_NOT_ACTIVE',
    'ACCOUNT_NOT_FOUND',
    'AMOUNT_NOT_POSITIVE',
    'AMOUNT_TOO_LARGE',
    'CATEGORY_LIMIT_IN_USE',
    'INVALID_AMOUNT',
    'INVALID_ID',
    'NO_CATEGORY_LIMIT',
    'TARGET_AMBIGUOUS',
    'TARGET_REQUIRED',
    'UNKNOWN_CATEGORY',
    'UNKNOWN_GRADE',
    'UNKNOWN_INCOME_BAND',
  ],
  ChangePassword: ['AGENT_NOT_FOUND', 'INVALID_CREDENTIALS', 'NOT_ALLOWED', 'WEAK_PASSWORD'],
  CouponCampaign: ['INVALID_WINDOW', 'OUT_OF_RANGE', 'UNKNOWN_TERM'],
  CreatePartnerApp: ['INVALID_NAME', 'INVALID_SCOPE'],
  CreatePromotion: [
    'AMOUNT_OR_PERCENT',
    'INVALID_AMOUNT',
    'INVALID_NAME',
    'INVALID_PERCENT',
    'INVALID_WINDOW',
    'NO_GRADES',
    'UNKNOWN_CATEGORY',
    'UNKNOWN_GRADE',
  ],
  CreateWebhookEndpoint: [
    'DESCRIPTION_TOO_LONG',
    'INVALID_EVENT_TYPES',
    'INVALID_WEBHOOK_URL',
    'PARTNER_APP_NOT_FOUND',
    'PARTNER_APP_REQUIRED',
    'TOO_MANY_ENDPOINTS',
  ],
  CreditAccount: [
    'ACCOUNT_NOT_FOUND',
    'AMOUNT_NOT_POSITIVE',
    'AMOUNT_TOO_LARGE',
    'CREDIT_INSUFFICIENT',
    'IDEMPOTENCY_KEY_REUSED',
    'INVALID_AMOUNT',
    'INVALID_ID',
    'INVALID_IDEMPOTENCY_KEY',
    'REASON_REQUIRED',
    'REFERENCE_REQUIRED',
  ],
  InstallmentPlan: [
    'AMOUNT_TOO_SMALL_FOR_TERM',
    'CAPTURE_REQUIRED',
    'COUPON_EXPIRED',
    'COUPON_NOT_APPLICABLE',
    'COUPON_USED',
    'IDEMPOTENCY_KEY_REUSED',
    'INVALID_ID',
    'INVALID_IDEMPOTENCY_KEY',
    'NOTHING_TO_PLAN',
    'PLAN_EXISTS',
    'PURCHASE_NOT_CAPTURED',
    'PURCHASE_NOT_FOUND',
    'REVOLVING_PURCHASE',
    'UNKNOWN_COUPON',
    'UNKNOWN_TERM',
  ],
  IssueCoupons: [
    'CAMPAIGN_BUDGET_EXHAUSTED',
    'CAMPAIGN_NOT_FOUND',
    'CAMPAIGN_NOT_OPEN',
    'INVALID_ID',
    'OUT_OF_RANGE',
  ],
  LimitDecision: [
    'ACCOUNT_ALREADY_CLOSED',
    'ACCOUNT_CLOSED',
    'ACCOUNT_HAS_BALANCE',
    'ACCOUNT_NOT_ACTIVE',
    'ACCOUNT_NOT_FOUND',
    'ACCOUNT_NOT_FROZEN',
    'ALREADY_RISK_FROZEN',
    'INVALID_ID',
    'NOT_RISK_FROZEN',
    'REASON_REQUIRED',
    'REASON_TOO_LONG',
    'REVIEW_COOLDOWN',
    'RISK_ALERT_FREEZE',
    'UNKNOWN_REASON_CODE',
  ],
  Notice: [
    'CUSTOMER_NOT_FOUND',
    'INVALID_ID',
    'INVALID_KIND',
    'INVALID_MESSAGE',
    'NOTICE_NOT_FOUND',
  ],
  PartnerKey: [
    'INVALID_GRACE',
    'INVALID_ID',
    'INVALID_SCOPE',
    'KEY_NOT_FOUND',
    'PARTNER_APP_NOT_FOUND',
  ],
  PartnerLink: ['INVALID_ID', 'INVALID_LINK_CODE', 'LINK_NOT_FOUND', 'REASON_REQUIRED'],
  PayStatement: [
    'ACCOUNT_NOT_FOUND',
    'ACCOUNT_REQUIRED',
    'AMOUNT_NOT_POSITIVE',
    'AMOUNT_TOO_LARGE',
    'DUPLICATE_PAYMENT_REFERENCE',
    'IDEMPOTENCY_KEY_REUSED',
    'INVALID_AMOUNT',
    'INVALID_ID',
    'INVALID_IDEMPOTENCY_KEY',
    'INVALID_PAYMENT_REFERENCE',
    'NOT_REVOLVING',
    'REFERENCE_REQUIRED',
  ],
  Promotion: [
    'AMOUNT_OR_PERCENT',
    'INVALID_AMOUNT',
    'INVALID_ID',
    'INVALID_NAME',
    'INVALID_PERCENT',
    'INVALID_WINDOW',
    'NO_GRADES',
    'PROMOTION_NOT_FOUND',
    'PROMOTION_OVER',
    'PROMOTION_STARTED',
    'REASON_REQUIRED',
    'UNKNOWN_CATEGORY',
    'UNKNOWN_GRADE',
  ],
  Purchase: [
    'AMOUNT_NOT_POSITIVE',
    'AMOUNT_TOO_LARGE',
    'AMOUNT_TOO_SMALL_FOR_TERM',
    'CAPTURE_EXCEEDS_HOLD',
    'CAPTURE_REQUIRED',
    'COUPON_EXPIRED',
    'COUPON_NOT_APPLICABLE',
    'COUPON_USED',
    'HOLD_ALREADY_EXTENDED',
    'HOLD_EXPIRED',
    'IDEMPOTENCY_KEY_REUSED',
    'INVALID_AMOUNT',
    'INVALID_ID',
    'INVALID_IDEMPOTENCY_KEY',
    'NOTHING_TO_PLAN',
    'PLAN_EXISTS',
    'PURCHASE_NOT_CAPTURED',
    'PURCHASE_NOT_FOUND',
    'PURCHASE_NOT_HELD',
    'PURCHASE_NOT_PENDING',
    'REVOLVING_PURCHASE',
    'UNKNOWN_COUPON',
    'UNKNOWN_TERM',
  ],
  RecordBureauReport: [
    'CUSTOMER_NOT_FOUND',
    'INVALID_AMOUNT',
    'INVALID_BUREAU_SCORE',
    'INVALID_DATE',
    'INVALID_DEFAULTS',
    'INVALID_ID',
    'INVALID_INQUIRIES',
  ],
  RecoveryRequest: [
    'ACCOUNT_CLOSED',
    'ACCOUNT_NOT_FOUND',
    'ACCOUNT_NOT_FROZEN',
    'AMOUNT_NOT_POSITIVE',
    'AMOUNT_TOO_LARGE',
    'FORBIDDEN',
    'ILLEGAL_TRANSITION',
    'INVALID_AMOUNT',
    'INVALID_DOCUMENT',
    'INVALID_ID',
    'INVALID_REASON',
    'NOTHING_TO_RESTORE',
    'NO_DOCUMENTS',
    'RECOVERY_REQUEST_DECIDED',
    'RECOVERY_REQUEST_NOT_FOUND',
    'RECOVERY_REQUEST_OPEN',
    'RECOVERY_REQUEST_TAKEN',
    'REQUESTED_LIMIT_ABOVE_CAP',
    'REQUESTED_LIMIT_NOT_HIGHER',
    'REQUESTED_LIMIT_REQUIRED',
    'RISK_ALERT_FREEZE',
    'TOO_MANY_DOCUMENTS',
  ],
  RedeemPoints: [
    'ACCOUNT_NOT_FOUND',
    'ACCOUNT_REQUIRED',
    'IDEMPOTENCY_KEY_REUSED',
    'INVALID_ID',
    'INVALID_IDEMPOTENCY_KEY',
    'INVALID_POINTS',
    'NOT_REVOLVING',
    'NO_STATEMENT',
    'POINTS_EXCEED_STATEMENT',
    'POINTS_INSUFFICIENT',
  ],
  RefundPurchase: [
    'AMOUNT_NOT_POSITIVE',
    'AMOUNT_TOO_LARGE',
    'DUPLICATE_REFUND_REFERENCE',
    'IDEMPOTENCY_KEY_REUSED',
    'INVALID_AMOUNT',
    'INVALID_ID',
    'INVALID_IDEMPOTENCY_KEY',
    'PURCHASE_NOT_CAPTURED',
    'PURCHASE_NOT_FOUND',
    'REFERENCE_REQUIRED',
    'REFUND_EXCEEDS_REFUNDABLE',
  ],
  Repayment: [
    'ACCOUNT_NOT_FOUND',
    'ACCOUNT_REQUIRED',
    'AMOUNT_NOT_POSITIVE',
    'AMOUNT_TOO_LARGE',
    'DUPLICATE_PAYMENT_REFERENCE',
    'DUPLICATE_REFERENCE',
    'IDEMPOTENCY_KEY_REUSED',
    'INVALID_AMOUNT',
    'INVALID_ID',
    'INVALID_IDEMPOTENCY_KEY',
    'INVALID_PAYMENT_REFERENCE',
    'PLAN_NOT_ACTIVE',
    'PLAN_NOT_FOUND',
    'REASON_REQUIRED',
    'REFERENCE_REQUIRED',
  ],
  RevealCustomerPii: [
    'CUSTOMER_NOT_FOUND',
    'FORBIDDEN',
    'INVALID_ID',
    'REASON_REQUIRED',
    'REASON_TOO_LONG',
  ],
  RevolvingLine: [
    'ACCOUNT_NOT_ACTIVE',
    'ACCOUNT_NOT_FOUND',
    'ACCOUNT_REQUIRED',
    'ALREADY_REVOLVING',
    'IDEMPOTENCY_KEY_REUSED',
    'INVALID_ID',
    'INVALID_IDEMPOTENCY_KEY',
    'NO_OFFER',
    'OFFER_EXPIRED',
  ],
  RevolvingOffer: [
    'ACCOUNT_NOT_FOUND',
    'ACCOUNT_REQUIRED',
    'ALREADY_REVOLVING',
    'IDEMPOTENCY_KEY_REUSED',
    'INVALID_ID',
    'INVALID_IDEMPOTENCY_KEY',
    'NOT_ELIGIBLE',
    'OFFER_EXISTS',
  ],
  RollbackScoringModel: ['NOTHING_TO_ROLL_BACK'],
  RunJob: ['UNKNOWN_JOB'],
  RunStressTest: ['FORBIDDEN', 'INVALID_SCENARIO'],
  ScoringModel: [
    'DUPLICATE_VERSION',
    'INCOMPATIBLE_MODEL',
    'INVALID_MODEL',
    'MODEL_NOT_FOUND',
    'NOT_SHADOWED',
    'STALE_SHADOW',
    'WRONG_STATUS',
  ],
  SignIn: ['INVALID_CREDENTIALS'],
  StartPartnerLink: ['INVALID_PHONE', 'INVALID_SCOPE', 'SCOPE_NOT_GRANTED', 'TOO_MANY_LINK_CODES'],
  WaiveFee: [
    'ACCOUNT_NOT_FOUND',
    'AMOUNT_NOT_POSITIVE',
    'AMOUNT_TOO_LARGE',
    'IDEMPOTENCY_KEY_REUSED',
    'INVALID_AMOUNT',
    'INVALID_ID',
    'INVALID_IDEMPOTENCY_KEY',
    'LINE_NOT_FOUND',
    'LINE_NOT_OPEN',
    'NOTHING_TO_WAIVE',
    'PLAN_NOT_FOUND',
    'REASON_REQUIRED',
    'REFERENCE_REQUIRED',
    'UNKNOWN_KIND',
    'WAIVER_EXCEEDS_UNPAID',
  ],
  WaiveRevolvingCharge: [
    'ACCOUNT_NOT_FOUND',
    'AMOUNT_NOT_POSITIVE',
    'AMOUNT_TOO_LARGE',
    'IDEMPOTENCY_KEY_REUSED',
    'INVALID_AMOUNT',
    'INVALID_ID',
    'INVALID_IDEMPOTENCY_KEY',
    'NOTHING_TO_WAIVE',
    'NOT_REVOLVING',
    'REASON_REQUIRED',
    'REFERENCE_REQUIRED',
    'STATEMENT_NOT_FOUND',
    'WAIVER_EXCEEDS_UNPAID',
  ],
  WebhookDelivery: ['NOT_FOUND'],
  WebhookEndpoint: ['NOT_FOUND'],
  WriteOffBalance: [
    'ACCOUNT_NOT_FOUND',
    'IDEMPOTENCY_KEY_REUSED',
    'INVALID_ID',
    'INVALID_IDEMPOTENCY_KEY',
    'NOT_DELINQUENT',
    'REASON_REQUIRED',
    'REFERENCE_REQUIRED',
  ],
} as const satisfies Record<string, readonly UserErrorCode[]>;

export type PayloadName = keyof typeof PAYLOAD_ERROR_CODES;
/** The codes the payload `${P}Payload` can carry. */
export type PayloadCode<P extends PayloadName> = (typeof PAYLOAD_ERROR_CODES)[P][number];

@InterfaceType('UserError', {
  description:
    "A problem with the input that the caller can fix. Each payload has its own type implementing this (`<Payload>UserError`) whose `code` is an enum of exactly that payload's codes.",
})
export abstract class UserErrorInterface {
  @Field(() => [String], {
    nullable: true,
    description:
      'Path to the input field the problem is about, from inside the mutation\'s input (e.g. `["amount"]`); null when it is about the input as a whole.',
  })
  field!: string[] | null;
  @Field(() => String, { description: 'A message a person can act on.' }) message!: string;
}

/** The GraphQL enum and error type built for each payload, by payload name (for the schema test). */
export const PAYLOAD_ERROR_TYPES = new Map<PayloadName, { enumName: string; typeName: string }>();

/**
 * The base class of a mutation payload `${name}Payload`: its `userErrors` field, a list of
 * `${name}UserError` whose `code` is the enum `${name}ErrorCode` of the table's codes, each
 * value described. One place builds every payload's error type, enum and `userErrors` field.
 */
export function Payload<P extends PayloadName>(name: P) {
  const codes: readonly UserErrorCode[] = PAYLOAD_ERROR_CODES[name];
  const enumName = `${name}ErrorCode`;
  const typeName = `${name}UserError`;
  const codeEnum = Object.fromEntries(codes.map((c) => [c, c])) as Record<string, string>;
  registerEnumType(codeEnum, {
    name: enumName,
    description: `Why a mutation answering \`${name}Payload\` refused its input: the codes it can return.`,
    valuesConfig: Object.fromEntries(
      codes.map((c) => [c, { description: USER_ERROR_CODE_DESCRIPTIONS[c] }]),
    ),
  });

  @ObjectType(typeName, {
    implements: UserErrorInterface,
    description: `A problem with the input of a mutation answering \`${name}Payload\`.`,
  })
  class PayloadUserError extends UserErrorInterface {
    @Field(() => codeEnum, { description: `Stable machine-readable code (\`${enumName}\`).` })
    code!: PayloadCode<P>;
  }

  // Registered so that type-graphql passes the field on to `XPayload extends Payload('X')`;
  // nothing returns it, so it is not in the schema.
  @ObjectType(`${name}PayloadBase`, { description: `The fields every \`${name}Payload\` has.` })
  abstract class PayloadBase {
    @Field(() => [PayloadUserError], {
      description: 'Problems with the input; empty when the mutation succeeded.',
    })
    userErrors!: UserError<PayloadCode<P>>[];
  }
  PAYLOAD_ERROR_TYPES.set(name, { enumName, typeName });
  return PayloadBase;
}

/**
 * A mutation's payload from its outcome: a refusal's userErrors with the payload's fields null
 * (`refused`), or the fields `present` makes of the success, with no userErrors.
 */
export async function payloadOf<
  T,
  C extends UserErrorCode,
  R extends Record<string, null>,
  F extends { [K in keyof R]: unknown },
>(
  outcome: Outcome<T, C>,
  refused: R,
  present: (value: T) => F | Promise<F>,
): Promise<(R | F) & { userErrors: UserError<C>[] }> {
  if (!outcome.ok) return { ...refused, userErrors: outcome.errors };
  return { ...(await present(outcome.value)), userErrors: [] };
}

/** A payload object with its fields checked against the payload's types (codes included). */
export function makePayload<P extends object>(cls: new () => P, fields: Partial<P>): P {
  return Object.assign(new cls(), fields);
}
