import { GraphQLError } from 'graphql';

/**
 * Two kinds of failure (DESIGN.md, API conventions):
 * - things a user can fix come back in a payload's `userErrors` (code, field, message);
 * - everything else is a GraphQLError with `extensions.code`, never a stack trace.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  RATE_LIMITED: 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

/**
 * Every code a payload's `userErrors` can carry, each described once here. Each payload has an
 * enum of its own listing only the codes its mutations can return (graphql/payload.ts), with
 * these descriptions; typing `userError`/`fail` by this list makes a new code a compile error
 * until it is described here.
 */
const USER_ERROR_CODES = {
  NO_OFFER: 'There is no open offer.',
  NOTE_BODY_REQUIRED: 'A note needs some text.',
  NOTE_TOO_LONG: 'The note is too long.',
  UNKNOWN_NOTE_TAG: 'A note tag is not one of COMPLAINT, HARDSHIP, VIP.',
  INVALID_TICKET_REF: 'The ticket reference is not a help-desk ticket reference.',
  RECOVERY_REQUEST_DECIDED: 'The recovery request has been decided already.',
  RECOVERY_REQUEST_TAKEN: 'Another supervisor has taken the recovery request.',
  STATEMENT_NOT_FOUND: 'There is no such statement on this account.',
  OFFER_EXISTS: 'An open offer exists already.',
  REFERENCE_REQUIRED: 'A payment reference is required.',
  PURCHASE_NOT_HELD: 'The purchase is not held.',
  ACCOUNT_ALREADY_CLOSED: 'The account is already closed.',
  ACCOUNT_CLOSED: 'The account is closed.',
  ACCOUNT_EXISTS: 'The customer already has a credit account.',
  ACCOUNT_HAS_BALANCE: 'The account still owes money; it cannot be closed.',
  ACCOUNT_NOT_ACTIVE: 'The account is not ACTIVE (frozen or closed).',
  ACCOUNT_NOT_FOUND: 'There is no such credit account.',
  ACCOUNT_NOT_FROZEN: 'The account is not FROZEN.',
  ACCOUNT_REQUIRED: 'Name the account (accountId) or the customer.',
  AGENT_NOT_FOUND: 'There is no such staff user.',
  ALREADY_REVOLVING: 'The account already has a revolving line.',
  ALREADY_RISK_FROZEN: 'The account is already frozen for a risk alert.',
  AMOUNT_NOT_POSITIVE: 'The amount must be more than zero.',
  AMOUNT_OR_PERCENT: 'Give exactly one of a fixed amount or a percentage.',
  AMOUNT_TOO_LARGE: 'The amount is above what is allowed here.',
  AMOUNT_TOO_SMALL_FOR_TERM: 'The amount is too small to split over this term.',
  CAMPAIGN_BUDGET_EXHAUSTED: "The coupon campaign's budget is used up.",
  CAMPAIGN_NOT_FOUND: 'There is no such coupon campaign.',
  CAMPAIGN_NOT_OPEN: 'The coupon campaign is not open.',
  CAPTURE_EXCEEDS_HOLD: 'The capture is more than what is still held.',
  CAPTURE_REQUIRED: 'Capture the purchase first.',
  CATEGORY_LIMIT_IN_USE: 'The category limit is in use and cannot go below what is used.',
  COUPON_EXPIRED: 'The coupon has expired.',
  COUPON_NOT_APPLICABLE: 'The coupon does not apply to this term or amount.',
  COUPON_USED: 'The coupon was already used.',
  CREDIT_INSUFFICIENT: "The customer's credit balance is not enough.",
  CUSTOMER_NOT_FOUND: 'There is no such customer.',
  DESCRIPTION_TOO_LONG: 'The description is too long.',
  DUPLICATE_PAYMENT_REFERENCE: 'A repayment with this payment reference exists already.',
  DUPLICATE_REFERENCE: 'A record with this reference exists already.',
  DUPLICATE_REFUND_REFERENCE: 'A refund with this reference exists already.',
  DUPLICATE_VERSION: 'A scoring model with this version exists already.',
  FORBIDDEN: 'The caller may not do this to this record.',
  HOLD_ALREADY_EXTENDED: 'The hold was extended once already.',
  HOLD_EXPIRED: 'The hold expired before it was captured.',
  IDEMPOTENCY_KEY_REUSED: 'The idempotency key was used before with a different request.',
  ILLEGAL_TRANSITION: 'The record is not in a state that allows this change.',
  INCOMPATIBLE_MODEL: 'The scoring model does not fit the current features or policy.',
  INVALID_AMOUNT: 'The amount is not yuan with at most two decimals, or is out of range.',
  INVALID_BUREAU_SCORE: 'The bureau score is out of range.',
  INVALID_CREDENTIALS: 'The username or password is wrong.',
  INVALID_DATE: 'The date is not valid or out of range.',
  INVALID_DEFAULTS: 'The number of defaults is out of range.',
  INVALID_DOCUMENT: 'A document is not valid (name, type or size).',
  INVALID_EVENT_TYPES: 'The webhook event types are not valid.',
  INVALID_GRACE: 'The grace period is out of range.',
  INVALID_ID: 'The id is not a global id of the expected type.',
  INVALID_IDEMPOTENCY_KEY: 'The idempotency key is empty or too long.',
  INVALID_INQUIRIES: 'The number of bureau inquiries is out of range.',
  INVALID_KIND: 'The kind is not one the caller may use.',
  INVALID_LINK_CODE: 'The link code is not valid.',
  INVALID_MESSAGE: 'The message is empty or too long.',
  INVALID_MODEL: 'The scoring model is not valid.',
  INVALID_NAME: 'The name is empty or too long.',
  INVALID_PAYMENT_REFERENCE: 'The payment reference is empty or too long.',
  INVALID_PERCENT: 'The percentage is out of range.',
  INVALID_PHONE: 'The phone number is not valid.',
  INVALID_POINTS: 'The number of points is out of range.',
  INVALID_REASON: 'The reason is not valid.',
  INVALID_ROLE: 'The role is not valid here.',
  INVALID_SCENARIO: 'The stress-test scenario is not valid.',
  INVALID_SCOPE: 'A scope is not one of the known scopes.',
  INVALID_USERNAME: 'The username is not valid.',
  INVALID_WEBHOOK_URL: 'The webhook URL is not an allowed https URL.',
  INVALID_WINDOW: 'The time window is not valid (start after end, or in the past).',
  KEY_NOT_FOUND: 'There is no such API key.',
  LINE_NOT_FOUND: 'There is no such schedule line or revolving line.',
  LINE_NOT_OPEN: 'The line is not open.',
  LINK_NOT_FOUND: 'There is no such partner link, or the code is wrong.',
  MODEL_NOT_FOUND: 'There is no such scoring model.',
  NOTHING_TO_PLAN: 'There is nothing left to split into a plan.',
  NOTHING_TO_RESTORE: 'There is no reduction to restore.',
  NOTHING_TO_ROLL_BACK: 'There is no previous model to roll back to.',
  NOTHING_TO_WAIVE: 'There is no unpaid fee of this kind to waive.',
  NOTICE_NOT_FOUND: 'There is no such notice.',
  NOT_ALLOWED: 'The caller may not do this.',
  NOT_DELINQUENT: 'The account is not delinquent.',
  NOT_ELIGIBLE: 'The account is not eligible.',
  NOT_FOUND: 'The record was not found.',
  NOT_REVOLVING: 'The account has no revolving line.',
  NOT_RISK_FROZEN: 'The account is not frozen for a risk alert.',
  NOT_SHADOWED: 'The scoring model is not in shadow.',
  NO_CATEGORY_LIMIT: 'The account has no limit for this category.',
  NO_DOCUMENTS: 'Documents are required.',
  NO_GRADES: 'At least one grade is required.',
  NO_STATEMENT: 'There is no statement to pay.',
  OFFER_EXPIRED: 'The offer has expired.',
  OUT_OF_RANGE: 'A number is out of its allowed range.',
  PARTNER_APP_NOT_FOUND: 'There is no such partner app.',
  PARTNER_APP_REQUIRED: 'Only a partner app can do this.',
  PLAN_EXISTS: 'The purchase already has an installment plan.',
  PLAN_NOT_ACTIVE: 'The installment plan is not ACTIVE.',
  PLAN_NOT_FOUND: 'There is no such installment plan.',
  POINTS_EXCEED_STATEMENT: 'The points are worth more than the statement balance.',
  POINTS_INSUFFICIENT: 'Not enough points.',
  PROMOTION_NOT_FOUND: 'There is no such promotion.',
  PROMOTION_OVER: 'The promotion has ended or was cancelled.',
  PROMOTION_STARTED: 'The promotion has started and can no longer be edited.',
  PURCHASE_NOT_CAPTURED: 'The purchase is not captured.',
  PURCHASE_NOT_FOUND: 'There is no such purchase.',
  PURCHASE_NOT_PENDING: 'The purchase is not waiting for review.',
  REASON_REQUIRED: 'A reason is required.',
  REASON_TOO_LONG: 'The reason is too long.',
  RECOVERY_REQUEST_NOT_FOUND: 'There is no such recovery request.',
  RECOVERY_REQUEST_OPEN: 'The customer has an open recovery request already.',
  REFUND_EXCEEDS_REFUNDABLE: 'The refund is more than what can still be refunded.',
  REQUESTED_LIMIT_ABOVE_CAP: 'The requested limit is above the policy cap.',
  REQUESTED_LIMIT_NOT_HIGHER: 'The requested limit is not above the current one.',
  REQUESTED_LIMIT_REQUIRED: 'Give the requested limit.',
  REVIEW_COOLDOWN: 'Nothing new is known since the last review; try again after the cooldown.',
  REVOLVING_PURCHASE: 'The purchase is on the revolving line and has no installment plan.',
  RISK_ALERT_FREEZE: 'The account is frozen for a risk alert; that unfreeze has its own path.',
  SCOPE_NOT_GRANTED: 'The partner app was not granted this scope.',
  STALE_SHADOW: 'The shadow results are too old; shadow the model again.',
  TARGET_AMBIGUOUS: 'The target matches more than one rule; be more specific.',
  TARGET_REQUIRED: 'Name a target (grade, income band or account).',
  TOO_MANY_DOCUMENTS: 'Too many documents.',
  TOO_MANY_ENDPOINTS: 'The partner app has the most webhook endpoints allowed.',
  TOO_MANY_LINK_CODES: 'Too many link codes were asked for; wait and try again.',
  UNKNOWN_CATEGORY: 'The category is not a purchase category.',
  UNKNOWN_COUPON: 'There is no such coupon for this customer.',
  UNKNOWN_GRADE: 'The grade is not A to E.',
  UNKNOWN_INCOME_BAND: 'The income band is not LOW, MID, HIGH or VERY_HIGH.',
  UNKNOWN_JOB: 'There is no such job.',
  UNKNOWN_KIND: 'The kind is not one of the allowed values.',
  UNKNOWN_REASON_CODE: 'The reason code is not a known one.',
  UNKNOWN_TERM: 'The term is not offered.',
  USERNAME_TAKEN: 'The username is taken.',
  WAIVER_EXCEEDS_UNPAID: 'The waiver is more than what is unpaid.',
  WEAK_PASSWORD: 'The password is too weak.',
  WRONG_STATUS: 'The record is not in a status that allows this.',
} as const;

/** A stable, machine-readable reason in a payload's `userErrors`. */
export type UserErrorCode = keyof typeof USER_ERROR_CODES;
/** What each code means: the description of its value in every payload's enum. */
export const USER_ERROR_CODE_DESCRIPTIONS: Readonly<Record<UserErrorCode, string>> =
  USER_ERROR_CODES;
export const ALL_USER_ERROR_CODES = Object.keys(USER_ERROR_CODES) as UserErrorCode[];

/**
 * A userError as services and resolvers hold it. `C` is the codes it may carry: a service's
 * result names its codes (`Outcome<T, 'A' | 'B'>`), and a payload's `userErrors` takes only
 * its own enum's codes (graphql/payload.ts), so a code a payload does not list is a compile
 * error where the outcome is mapped into it.
 */
export interface UserError<C extends UserErrorCode = UserErrorCode> {
  code: C;
  field: string[] | null;
  message: string;
}

/** A userError; `field` is a field name, a dotted path (`documents.0.kind`) or a path. */
export function userError<C extends UserErrorCode>(
  code: C,
  message: string,
  field?: string | string[] | null,
): UserError<C> {
  // A dotted name is a path into a list or nested input: 'documents.0.kind' → documents, 0, kind.
  const path = field == null ? null : Array.isArray(field) ? field : field.split('.');
  return { code, message, field: path };
}

/**
 * A payload's result or its userErrors. Services return this; resolvers map it to a payload.
 * `C` lists the codes it can fail with; by default none (`Outcome<T>` cannot fail), so a
 * `fail('X')` in a function that does not name X among its codes does not compile.
 */
export type Success<T> = { ok: true; value: T };
export type Failure<C extends UserErrorCode = UserErrorCode> = {
  ok: false;
  errors: UserError<C>[];
};
export type Outcome<T, C extends UserErrorCode = never> = Success<T> | Failure<C>;
/** The codes an outcome (or a function returning one) can fail with. */
export type CodesOf<O> = O extends Failure<infer C> ? C : never;
export const ok = <T>(value: T): Success<T> => ({ ok: true, value });
export const fail = <C extends UserErrorCode>(
  code: C,
  message: string,
  field?: string | string[],
): Failure<C> => ({
  ok: false,
  errors: [userError(code, message, field)],
});

export const badUserInput = (message: string, field?: string) =>
  new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, ...(field ? { field } : {}) },
  });
export const unauthenticated = (message = 'Sign in first.') =>
  new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
export const forbidden = (message = 'You are not allowed to do this.') =>
  new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });
/** A credential that is present but wrong: HTTP 401 when raised before execution. */
export const invalidCredentials = (message: string) =>
  new GraphQLError(message, {
    extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
  });
export const notFound = (what: string) =>
  new GraphQLError(`${what} was not found.`, { extensions: { code: ErrorCode.NOT_FOUND } });
