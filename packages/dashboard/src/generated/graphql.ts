/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** ACTIVE: usable; FROZEN: no purchases until unfrozen; CLOSED. */
export type AccountStatus =
  /** Usable for purchases. */
  | 'ACTIVE'
  /** Closed; a new application reopens it. */
  | 'CLOSED'
  /** No purchases until unfrozen. */
  | 'FROZEN';

/** Why a mutation answering `AddCustomerNotePayload` refused its input: the codes it can return. */
export type AddCustomerNoteErrorCode =
  /** There is no such customer. */
  | 'CUSTOMER_NOT_FOUND'
  /** The caller may not do this to this record. */
  | 'FORBIDDEN'
  /** The id is not a global id of the expected type. */
  | 'INVALID_ID'
  /** The ticket reference is not a help-desk ticket reference. */
  | 'INVALID_TICKET_REF'
  /** A note needs some text. */
  | 'NOTE_BODY_REQUIRED'
  /** The note is too long. */
  | 'NOTE_TOO_LONG'
  /** A note tag is not one of COMPLAINT, HARDSHIP, VIP. */
  | 'UNKNOWN_NOTE_TAG';

/** A note on a customer, by the signed-in agent. */
export type AddCustomerNoteInput = {
  /** The note, 1 to 4000 characters. */
  body: string;
  /** The customer (Relay id). */
  customerId: string | number;
  /** Tags (none by default). */
  tags?: Array<NoteTag>;
  /** A help-desk ticket reference, e.g. ZD-12345 (letters, digits, # . / : - _). */
  ticketRef?: string | null | undefined;
};

/** The input of `cancelPromotion`. */
export type CancelPromotionInput = {
  /** Global id of the promotion. */
  promotionId: string | number;
  /** Why (required; kept in the audit log). */
  reason: string;
};

/** Why a mutation answering `CategoryLimitPayload` refused its input: the codes it can return. */
export type CategoryLimitErrorCode =
  /** The account is not ACTIVE (frozen or closed). */
  | 'ACCOUNT_NOT_ACTIVE'
  /** There is no such credit account. */
  | 'ACCOUNT_NOT_FOUND'
  /** The amount must be more than zero. */
  | 'AMOUNT_NOT_POSITIVE'
  /** The amount is above what is allowed here. */
  | 'AMOUNT_TOO_LARGE'
  /** The category limit is in use and cannot go below what is used. */
  | 'CATEGORY_LIMIT_IN_USE'
  /** The amount is not yuan with at most two decimals, or is out of range. */
  | 'INVALID_AMOUNT'
  /** The id is not a global id of the expected type. */
  | 'INVALID_ID'
  /** The account has no limit for this category. */
  | 'NO_CATEGORY_LIMIT'
  /** The target matches more than one rule; be more specific. */
  | 'TARGET_AMBIGUOUS'
  /** Name a target (grade, income band or account). */
  | 'TARGET_REQUIRED'
  /** The category is not a purchase category. */
  | 'UNKNOWN_CATEGORY'
  /** The grade is not A to E. */
  | 'UNKNOWN_GRADE'
  /** The income band is not LOW, MID, HIGH or VERY_HIGH. */
  | 'UNKNOWN_INCOME_BAND';

/** One account, or a segment of ACTIVE accounts by grade and/or income band. */
export type CategoryLimitTargetInput = {
  /** Global id of the credit account (or give customerId). */
  accountId?: string | number | null | undefined;
  /** A–E. */
  grade?: Grade | null | undefined;
  /** LOW, MID, HIGH or VERY_HIGH. */
  incomeBand?: IncomeBand | null | undefined;
};

/** Why a mutation answering `CreatePartnerAppPayload` refused its input: the codes it can return. */
export type CreatePartnerAppErrorCode =
  /** The name is empty or too long. */
  | 'INVALID_NAME'
  /** A scope is not one of the known scopes. */
  | 'INVALID_SCOPE';

/** The input of `createPartnerApp`. */
export type CreatePartnerAppInput = {
  /** Name of the partner app (2 to 100 characters). */
  name: string;
  /** limits:read, quotes:read, purchases:write, repayments:write, accounts:apply */
  scopes: Array<string>;
};

/** Why a mutation answering `CreatePromotionPayload` refused its input: the codes it can return. */
export type CreatePromotionErrorCode =
  /** Give exactly one of a fixed amount or a percentage. */
  | 'AMOUNT_OR_PERCENT'
  /** The amount is not yuan with at most two decimals, or is out of range. */
  | 'INVALID_AMOUNT'
  /** The name is empty or too long. */
  | 'INVALID_NAME'
  /** The percentage is out of range. */
  | 'INVALID_PERCENT'
  /** The time window is not valid (start after end, or in the past). */
  | 'INVALID_WINDOW'
  /** At least one grade is required. */
  | 'NO_GRADES'
  /** The category is not a purchase category. */
  | 'UNKNOWN_CATEGORY'
  /** The grade is not A to E. */
  | 'UNKNOWN_GRADE';

/** The input of `createPromotion`. */
export type CreatePromotionInput = {
  /** A fixed amount in yuan, e.g. "500.00". Give this or percent. */
  amount?: string | null | undefined;
  /** A purchase category the temporary limit is for; null for any purchase. */
  category?: string | null | undefined;
  /** Grades A–E. */
  eligibleGrades: Array<Grade>;
  /** When it ends. */
  endsAt: string;
  /** Name of the campaign (1 to 100 characters). */
  name: string;
  /** A share of the base limit in basis points (1000 = 10 %). */
  percentBp?: number | null | undefined;
  /** When it starts. */
  startsAt: string;
};

/** The purchase and the reason, for `approvePurchase` and `rejectPurchase`. */
export type DecidePurchaseInput = {
  /** Global id of the purchase. */
  purchaseId: string | number;
  /** Why (required; kept in the audit log). */
  reason: string;
};

/** The request and the reason, for `approveRecoveryRequest` and `rejectRecoveryRequest`. */
export type DecideRecoveryRequestInput = {
  /** Why (required; kept in the audit log). */
  reason: string;
  /** Global id of the recovery request. */
  requestId: string | number;
};

/** Why a limit decision was made. */
export type DecisionKind =
  /** The account was closed. */
  | 'CLOSE'
  /** The account was frozen. */
  | 'FREEZE'
  /** The opening decision of a new account. */
  | 'INITIAL'
  /** A manual change by staff. */
  | 'MANUAL'
  /** The scheduled review of every account. */
  | 'PERIODIC_REVIEW'
  /** A promotion granted or withdrew a temporary limit. */
  | 'PROMOTION'
  /** A recovery request was granted. */
  | 'RECOVERY'
  /** A review asked for by staff or triggered by an event. */
  | 'TRIGGERED_REVIEW'
  /** The account was unfrozen. */
  | 'UNFREEZE';

/** Why a purchase was declined at authorization, or rejected in review. */
export type DeclineCode =
  /** The account is closed (or otherwise not ACTIVE). */
  | 'ACCOUNT_CLOSED'
  /** The account is frozen. */
  | 'ACCOUNT_FROZEN'
  /** The amount is more than what is left of the category's own limit. */
  | 'CATEGORY_LIMIT_EXHAUSTED'
  /** The amount is more than the available limit. */
  | 'OVER_LIMIT'
  /** A reviewer rejected the purchase after PENDING_REVIEW. */
  | 'REJECTED_IN_REVIEW'
  /** A device never seen for this customer (a fraud rule set to decline). */
  | 'RISK_RULE_NEW_DEVICE'
  /** The phone number changed recently (a fraud rule set to decline). */
  | 'RISK_RULE_PHONE_CHANGED'
  /** A category unusual for this customer (a fraud rule set to decline). */
  | 'RISK_RULE_UNUSUAL_CATEGORY'
  /** Too much spent in a short time (a fraud rule set to decline). */
  | 'RISK_RULE_VELOCITY_AMOUNT'
  /** Too many purchases in a short time (a fraud rule set to decline). */
  | 'RISK_RULE_VELOCITY_COUNT';

/** The input of `fileRecoveryRequest`. */
export type FileRecoveryRequestInput = {
  /** Global id of the customer. */
  customerId: string | number;
  /** Documents to attach now. */
  documents?: Array<RecoveryDocumentInput> | null | undefined;
  /** Why (required; kept in the audit log). */
  reason: string;
  /** For INCREASE: the limit asked for, in yuan. */
  requestedLimit?: string | null | undefined;
  /** What the customer asks for. */
  type: RecoveryType;
};

/** A credit grade (信用等级) from a review, best (A) to worst (E). */
export type Grade =
  /** Best grade: lowest expected default. */
  | 'A'
  /** Good grade. */
  | 'B'
  /** Middle grade. */
  | 'C'
  /** Weak grade. */
  | 'D'
  /** Worst grade: highest expected default. */
  | 'E';

/** One cell of a grade-migration matrix: the probability of moving from one grade to another. */
export type GradeMigrationInput = {
  /** The grade customers move from (A to E). */
  from: string;
  /** The share that moves, 0 to 1. */
  probability: number;
  /** The grade they move to (A to E). */
  to: string;
};

/** A customer's declared income band. */
export type IncomeBand =
  /** High declared income. */
  | 'HIGH'
  /** Low declared income. */
  | 'LOW'
  /** Middle declared income. */
  | 'MID'
  /** Very high declared income. */
  | 'VERY_HIGH';

/** The input of `issuePartnerKey`. */
export type IssuePartnerKeyInput = {
  /** A label to tell keys apart. */
  label?: string | null | undefined;
  /** Global id of the partner app. */
  partnerAppId: string | number;
  /** Fewer than the app's scopes, or all. */
  scopes?: Array<string> | null | undefined;
};

/** The state of one run of a job. */
export type JobRunStatus =
  /** Finished. */
  | 'DONE'
  /** Stopped with an error. */
  | 'FAILED'
  /** Its worker died; a retry is another run. */
  | 'INTERRUPTED'
  /** Running now. */
  | 'RUNNING';

/** Language of explanations: ZH_CN (简体中文) or EN. */
export type Locale =
  /** English. */
  | 'EN'
  /** Simplified Chinese (简体中文). */
  | 'ZH_CN';

/** COMPLAINT, HARDSHIP (the customer is in financial difficulty) or VIP. */
export type NoteTag =
  /** The customer complained. */
  | 'COMPLAINT'
  /** The customer is in financial difficulty. */
  | 'HARDSHIP'
  /** A customer to be looked after with priority. */
  | 'VIP';

/** How a notice reaches the customer. */
export type NoticeChannel =
  /** By email. */
  | 'EMAIL'
  /** In the partner app. */
  | 'IN_APP'
  /** By text message. */
  | 'SMS';

/** Delivery of an SMS or email notice. */
export type NoticeDeliveryStatus =
  /** Handed to the SMS or mail provider. */
  | 'DELIVERED'
  /** Given up after the retries; see deliveryError. */
  | 'FAILED'
  /** Waiting to be sent, or being retried. */
  | 'PENDING';

/** What a notice to a customer is about. */
export type NoticeKind =
  /** The account was closed. */
  | 'ACCOUNT_CLOSED'
  /** The account was frozen. */
  | 'ACCOUNT_FROZEN'
  /** A credit account was opened. */
  | 'ACCOUNT_OPENED'
  /** The account was unfrozen. */
  | 'ACCOUNT_UNFROZEN'
  /** A credit application was declined. */
  | 'APPLICATION_DECLINED'
  /** Advice on using credit (the default for staff notices). */
  | 'BUDGETING_TIP'
  /** A category limit (专项额度) changed. */
  | 'CATEGORY_LIMIT_CHANGED'
  /** A repayment is due soon. */
  | 'DUE_SOON'
  /** Most of the limit is in use. */
  | 'HIGH_UTILISATION'
  /** The limit changed after a decision. */
  | 'LIMIT_CHANGED'
  /** A repayment is overdue. */
  | 'OVERDUE'
  /** A partner link was made or revoked (sent by the system only). */
  | 'PARTNER_LINK_CHANGED'
  /** The code to confirm a partner link (sent by the system only). */
  | 'PARTNER_LINK_CODE'
  /** A promotion was cancelled and its limit withdrawn. */
  | 'PROMOTION_CANCELLED'
  /** A promotion’s temporary limit ends soon. */
  | 'PROMOTION_ENDING'
  /** A promotion granted a temporary limit. */
  | 'PROMOTION_STARTED'
  /** A recovery request moved on. */
  | 'RECOVERY_STATUS'
  /** A revolving statement is due soon and not paid in full (sent by the system only). */
  | 'STATEMENT_DUE_SOON'
  /** A revolving statement’s minimum payment was missed (sent by the system only). */
  | 'STATEMENT_OVERDUE'
  /** A revolving statement is out: balance, minimum payment, due date (sent by the system only). */
  | 'STATEMENT_READY';

/** The state of a partner API key. */
export type PartnerApiKeyStatus =
  /** Past its expiry; refused. */
  | 'EXPIRED'
  /** In use. */
  | 'LIVE'
  /** Revoked; refused. */
  | 'REVOKED'
  /** Replaced by a newer key; still accepted until expiresAt. */
  | 'ROTATING';

/** Why a mutation answering `PartnerKeyPayload` refused its input: the codes it can return. */
export type PartnerKeyErrorCode =
  /** The grace period is out of range. */
  | 'INVALID_GRACE'
  /** The id is not a global id of the expected type. */
  | 'INVALID_ID'
  /** A scope is not one of the known scopes. */
  | 'INVALID_SCOPE'
  /** There is no such API key. */
  | 'KEY_NOT_FOUND'
  /** There is no such partner app. */
  | 'PARTNER_APP_NOT_FOUND';

/** The state of an installment plan. */
export type PlanStatus =
  /** Being repaid. */
  | 'ACTIVE'
  /** Closed before it was paid off (e.g. refunded). */
  | 'CLOSED'
  /** Every line paid. */
  | 'PAID_OFF';

/** An installment term (分期期数): one payment in 30 days, or 3 to 24 monthly periods. */
export type PlanTerm =
  /** One payment 30 days later, without a fee. */
  | 'DEFERRED_30'
  /** Three monthly periods. */
  | 'M3'
  /** Six monthly periods. */
  | 'M6'
  /** Nine monthly periods. */
  | 'M9'
  /** Twelve monthly periods. */
  | 'M12'
  /** Twenty-four monthly periods. */
  | 'M24';

/** Why a mutation answering `PromotionPayload` refused its input: the codes it can return. */
export type PromotionErrorCode =
  /** Give exactly one of a fixed amount or a percentage. */
  | 'AMOUNT_OR_PERCENT'
  /** The amount is not yuan with at most two decimals, or is out of range. */
  | 'INVALID_AMOUNT'
  /** The id is not a global id of the expected type. */
  | 'INVALID_ID'
  /** The name is empty or too long. */
  | 'INVALID_NAME'
  /** The percentage is out of range. */
  | 'INVALID_PERCENT'
  /** The time window is not valid (start after end, or in the past). */
  | 'INVALID_WINDOW'
  /** At least one grade is required. */
  | 'NO_GRADES'
  /** There is no such promotion. */
  | 'PROMOTION_NOT_FOUND'
  /** The promotion has ended or was cancelled. */
  | 'PROMOTION_OVER'
  /** The promotion has started and can no longer be edited. */
  | 'PROMOTION_STARTED'
  /** A reason is required. */
  | 'REASON_REQUIRED'
  /** The category is not a purchase category. */
  | 'UNKNOWN_CATEGORY'
  /** The grade is not A to E. */
  | 'UNKNOWN_GRADE';

/** The state of a promotion campaign. */
export type PromotionStatus =
  /** Running: its temporary limits are granted. */
  | 'ACTIVE'
  /** Cancelled; its temporary limits were withdrawn. */
  | 'CANCELLED'
  /** Past its end. */
  | 'ENDED'
  /** Starts in the future; can still be edited. */
  | 'SCHEDULED';

/** Why a mutation answering `PurchasePayload` refused its input: the codes it can return. */
export type PurchaseErrorCode =
  /** The amount must be more than zero. */
  | 'AMOUNT_NOT_POSITIVE'
  /** The amount is above what is allowed here. */
  | 'AMOUNT_TOO_LARGE'
  /** The amount is too small to split over this term. */
  | 'AMOUNT_TOO_SMALL_FOR_TERM'
  /** The capture is more than what is still held. */
  | 'CAPTURE_EXCEEDS_HOLD'
  /** Capture the purchase first. */
  | 'CAPTURE_REQUIRED'
  /** The coupon has expired. */
  | 'COUPON_EXPIRED'
  /** The coupon does not apply to this term or amount. */
  | 'COUPON_NOT_APPLICABLE'
  /** The coupon was already used. */
  | 'COUPON_USED'
  /** The hold was extended once already. */
  | 'HOLD_ALREADY_EXTENDED'
  /** The hold expired before it was captured. */
  | 'HOLD_EXPIRED'
  /** The idempotency key was used before with a different request. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** The amount is not yuan with at most two decimals, or is out of range. */
  | 'INVALID_AMOUNT'
  /** The id is not a global id of the expected type. */
  | 'INVALID_ID'
  /** The idempotency key is empty or too long. */
  | 'INVALID_IDEMPOTENCY_KEY'
  /** There is nothing left to split into a plan. */
  | 'NOTHING_TO_PLAN'
  /** The purchase already has an installment plan. */
  | 'PLAN_EXISTS'
  /** The purchase is not captured. */
  | 'PURCHASE_NOT_CAPTURED'
  /** There is no such purchase. */
  | 'PURCHASE_NOT_FOUND'
  /** The purchase is not held. */
  | 'PURCHASE_NOT_HELD'
  /** The purchase is not waiting for review. */
  | 'PURCHASE_NOT_PENDING'
  /** The purchase is on the revolving line and has no installment plan. */
  | 'REVOLVING_PURCHASE'
  /** There is no such coupon for this customer. */
  | 'UNKNOWN_COUPON'
  /** The term is not offered. */
  | 'UNKNOWN_TERM';

/** Where a purchase is in its life: held, reviewed, captured, released or refused. */
export type PurchaseStatus =
  /** Captured (wholly or in parts): the amount became outstanding principal. */
  | 'CAPTURED'
  /** Refused at authorization; nothing was held. */
  | 'DECLINED'
  /** The hold expired before a capture. */
  | 'EXPIRED'
  /** Authorized: the amount is held on the limit until captured or released. */
  | 'HELD'
  /** Held for a person to review before it can be captured. */
  | 'PENDING_REVIEW'
  /** Refused by a reviewer after PENDING_REVIEW; the hold was released. */
  | 'REJECTED'
  /** The hold was released without a capture. */
  | 'RELEASED';

/** ALL requests, only MINE (taken by me), or UNASSIGNED (taken by nobody). */
export type QueueAssignment =
  /** Every request waiting for review. */
  | 'ALL'
  /** Only those the signed-in supervisor took. */
  | 'MINE'
  /** Only those nobody has taken. */
  | 'UNASSIGNED';

/** A document supporting a recovery request (its description; the file is kept elsewhere). */
export type RecoveryDocumentInput = {
  /** Its media type, e.g. application/pdf. */
  contentType: string;
  /** The file's name. */
  fileName: string;
  /** What the document is, e.g. INCOME_PROOF (1 to 50 characters). */
  kind: string;
  /** Its size in bytes (1 byte to 20 MB). */
  sizeBytes: number;
};

/** The automatic review's outcome for a recovery request. */
export type RecoveryOutcome =
  /** Grant it. */
  | 'APPROVE'
  /** Ask the customer for documents first. */
  | 'NEED_DOCUMENTS'
  /** Refuse it. */
  | 'REJECT'
  /** A supervisor decides. */
  | 'ROUTE_TO_SUPERVISOR';

/** Why a mutation answering `RecoveryRequestPayload` refused its input: the codes it can return. */
export type RecoveryRequestErrorCode =
  /** The account is closed. */
  | 'ACCOUNT_CLOSED'
  /** There is no such credit account. */
  | 'ACCOUNT_NOT_FOUND'
  /** The account is not FROZEN. */
  | 'ACCOUNT_NOT_FROZEN'
  /** The amount must be more than zero. */
  | 'AMOUNT_NOT_POSITIVE'
  /** The amount is above what is allowed here. */
  | 'AMOUNT_TOO_LARGE'
  /** The caller may not do this to this record. */
  | 'FORBIDDEN'
  /** The record is not in a state that allows this change. */
  | 'ILLEGAL_TRANSITION'
  /** The amount is not yuan with at most two decimals, or is out of range. */
  | 'INVALID_AMOUNT'
  /** A document is not valid (name, type or size). */
  | 'INVALID_DOCUMENT'
  /** The id is not a global id of the expected type. */
  | 'INVALID_ID'
  /** The reason is not valid. */
  | 'INVALID_REASON'
  /** There is no reduction to restore. */
  | 'NOTHING_TO_RESTORE'
  /** Documents are required. */
  | 'NO_DOCUMENTS'
  /** The recovery request has been decided already. */
  | 'RECOVERY_REQUEST_DECIDED'
  /** There is no such recovery request. */
  | 'RECOVERY_REQUEST_NOT_FOUND'
  /** The customer has an open recovery request already. */
  | 'RECOVERY_REQUEST_OPEN'
  /** Another supervisor has taken the recovery request. */
  | 'RECOVERY_REQUEST_TAKEN'
  /** The requested limit is above the policy cap. */
  | 'REQUESTED_LIMIT_ABOVE_CAP'
  /** The requested limit is not above the current one. */
  | 'REQUESTED_LIMIT_NOT_HIGHER'
  /** Give the requested limit. */
  | 'REQUESTED_LIMIT_REQUIRED'
  /** The account is frozen for a risk alert; that unfreeze has its own path. */
  | 'RISK_ALERT_FREEZE'
  /** Too many documents. */
  | 'TOO_MANY_DOCUMENTS';

/** Where a recovery request is. */
export type RecoveryStatus =
  /** Approved; a staged restoration may still be running. */
  | 'APPROVED'
  /** Approved and fully applied. */
  | 'COMPLETED'
  /** Waiting for documents from the customer. */
  | 'NEEDS_DOCUMENTS'
  /** Refused. */
  | 'REJECTED'
  /** Filed, waiting for the automatic review. */
  | 'SUBMITTED'
  /** A person is reviewing it. */
  | 'UNDER_REVIEW';

/** UNFREEZE a frozen account, RESTORE_REDUCTION of a reduced limit, or INCREASE. */
export type RecoveryType =
  /** Raise the limit. */
  | 'INCREASE'
  /** Restore a limit that was reduced. */
  | 'RESTORE_REDUCTION'
  /** Unfreeze a frozen account. */
  | 'UNFREEZE';

/** The input of `removeCategoryLimit`. */
export type RemoveCategoryLimitInput = {
  /** The purchase category whose limit is removed. */
  category: string;
  /** Which accounts: one account, a grade, or an income band. */
  target: CategoryLimitTargetInput;
};

/** The state of one stage of a staged limit restoration. */
export type RestorationStageStatus =
  /** Applied to the limit. */
  | 'APPLIED'
  /** Will not be applied. */
  | 'CANCELLED'
  /** Waiting for its date. */
  | 'PENDING'
  /** Not yet created: the stage an approval would create now (shown before a request is decided). */
  | 'PLANNED';

/** Why a mutation answering `RevealCustomerPiiPayload` refused its input: the codes it can return. */
export type RevealCustomerPiiErrorCode =
  /** There is no such customer. */
  | 'CUSTOMER_NOT_FOUND'
  /** The caller may not do this to this record. */
  | 'FORBIDDEN'
  /** The id is not a global id of the expected type. */
  | 'INVALID_ID'
  /** A reason is required. */
  | 'REASON_REQUIRED'
  /** The reason is too long. */
  | 'REASON_TOO_LONG';

/** The input of `revealCustomerPii`. */
export type RevealCustomerPiiInput = {
  /** Global id of the customer. */
  customerId: string | number;
  /** Why (required; kept in the audit log). */
  reason: string;
};

/** The input of `revokePartnerKey`. */
export type RevokePartnerKeyInput = {
  /** The key's public id. */
  keyId: string;
  /** Why (required; kept in the audit log). */
  reason?: string | null | undefined;
};

/** A staff role: support agent (客服), supervisor (主管), risk admin. */
export type Role =
  /** Support agent (客服): reads customers and handles requests. */
  | 'AGENT'
  /** Risk admin: policy, promotions, models and staff. */
  | 'RISK_ADMIN'
  /** Supervisor (主管): an agent who also freezes, decides and reveals personal data. */
  | 'SUPERVISOR';

/** The input of `rotatePartnerKey`. */
export type RotatePartnerKeyInput = {
  /** Hours the old key keeps working (default 24; 0 ends it now). */
  graceHours?: number | null | undefined;
  /** The key's public id. */
  keyId: string;
};

/** Why a mutation answering `RunJobPayload` refused its input: the codes it can return. */
export type RunJobErrorCode =
  /** There is no such job. */
  | 'UNKNOWN_JOB';

/** Why a mutation answering `RunStressTestPayload` refused its input: the codes it can return. */
export type RunStressTestErrorCode =
  /** The caller may not do this to this record. */
  | 'FORBIDDEN'
  /** The stress-test scenario is not valid. */
  | 'INVALID_SCENARIO';

/** Give exactly one: a PD multiplier (e.g. 1.5, 2) or a grade-migration matrix (each row sums to 1). */
export type RunStressTestInput = {
  /** Move customers between grades (give this or pdMultiplier). */
  migration?: Array<GradeMigrationInput> | null | undefined;
  /** Multiply every probability of default by this (give this or migration). */
  pdMultiplier?: number | null | undefined;
};

/** The state of one line of a repayment schedule. */
export type ScheduleLineStatus =
  /** Not yet paid, and not past its due date. */
  | 'DUE'
  /** Not paid by its due date. */
  | 'OVERDUE'
  /** Paid in full. */
  | 'PAID'
  /** Forgiven by staff. */
  | 'WAIVED';

/** The input of `setCategoryLimit`. */
export type SetCategoryLimitInput = {
  /** A purchase category, e.g. TRAVEL. */
  category: string;
  /** The limit in yuan, e.g. "3000.00". */
  limit: string;
  /** Which accounts: one account, a grade, or an income band. */
  target: CategoryLimitTargetInput;
};

/** Why a mutation answering `SignInPayload` refused its input: the codes it can return. */
export type SignInErrorCode =
  /** The username or password is wrong. */
  | 'INVALID_CREDENTIALS';

/** The input of `signIn`. */
export type SignInInput = {
  /** Staff password. */
  password: string;
  /** Staff sign-in name. */
  username: string;
};

/** The state of a revolving statement. */
export type StatementStatus =
  /** At least the minimum paid; interest accrues on the rest. */
  | 'MINIMUM_PAID'
  /** Before the due date. */
  | 'OPEN'
  /** Paid in full: no interest. */
  | 'PAID'
  /** The minimum was not paid by the due date. */
  | 'PAST_DUE';

/** The shape of a stress-test scenario. */
export type StressScenarioKind =
  /** Customers moved between grades by a migration matrix. */
  | 'GRADE_MIGRATION'
  /** Every probability of default multiplied by a factor. */
  | 'PD_MULTIPLIER';

/** Take a request from the queue: it is assigned to the signed-in supervisor. */
export type TakeRecoveryRequestInput = {
  /** The request to take (Relay id). */
  requestId: string | number;
};

/** DECISION (limit decision), PURCHASE, REPAYMENT, NOTICE (to the customer), RECOVERY (a step of a recovery request) or NOTE (an agent note). */
export type TimelineKind =
  /** A limit decision. */
  | 'DECISION'
  /** An agent's note. */
  | 'NOTE'
  /** A notice to the customer. */
  | 'NOTICE'
  /** A purchase. */
  | 'PURCHASE'
  /** A step of a recovery request. */
  | 'RECOVERY'
  /** A repayment. */
  | 'REPAYMENT';

export type MoneyPartsFragment = { __typename: 'Money', amount: string, currency: string };

type UserErrorParts_AddCustomerNoteUserError_Fragment = { __typename: 'AddCustomerNoteUserError', field: Array<string> | null, message: string };

type UserErrorParts_AgentUserError_Fragment = { __typename: 'AgentUserError', field: Array<string> | null, message: string };

type UserErrorParts_ApplyForCreditUserError_Fragment = { __typename: 'ApplyForCreditUserError', field: Array<string> | null, message: string };

type UserErrorParts_AuthorizePurchaseUserError_Fragment = { __typename: 'AuthorizePurchaseUserError', field: Array<string> | null, message: string };

type UserErrorParts_CategoryLimitUserError_Fragment = { __typename: 'CategoryLimitUserError', field: Array<string> | null, message: string };

type UserErrorParts_ChangePasswordUserError_Fragment = { __typename: 'ChangePasswordUserError', field: Array<string> | null, message: string };

type UserErrorParts_CouponCampaignUserError_Fragment = { __typename: 'CouponCampaignUserError', field: Array<string> | null, message: string };

type UserErrorParts_CreatePartnerAppUserError_Fragment = { __typename: 'CreatePartnerAppUserError', field: Array<string> | null, message: string };

type UserErrorParts_CreatePromotionUserError_Fragment = { __typename: 'CreatePromotionUserError', field: Array<string> | null, message: string };

type UserErrorParts_CreateWebhookEndpointUserError_Fragment = { __typename: 'CreateWebhookEndpointUserError', field: Array<string> | null, message: string };

type UserErrorParts_CreditAccountUserError_Fragment = { __typename: 'CreditAccountUserError', field: Array<string> | null, message: string };

type UserErrorParts_InstallmentPlanUserError_Fragment = { __typename: 'InstallmentPlanUserError', field: Array<string> | null, message: string };

type UserErrorParts_IssueCouponsUserError_Fragment = { __typename: 'IssueCouponsUserError', field: Array<string> | null, message: string };

type UserErrorParts_LimitDecisionUserError_Fragment = { __typename: 'LimitDecisionUserError', field: Array<string> | null, message: string };

type UserErrorParts_NoticeUserError_Fragment = { __typename: 'NoticeUserError', field: Array<string> | null, message: string };

type UserErrorParts_PartnerKeyUserError_Fragment = { __typename: 'PartnerKeyUserError', field: Array<string> | null, message: string };

type UserErrorParts_PartnerLinkUserError_Fragment = { __typename: 'PartnerLinkUserError', field: Array<string> | null, message: string };

type UserErrorParts_PayStatementUserError_Fragment = { __typename: 'PayStatementUserError', field: Array<string> | null, message: string };

type UserErrorParts_PromotionUserError_Fragment = { __typename: 'PromotionUserError', field: Array<string> | null, message: string };

type UserErrorParts_PurchaseUserError_Fragment = { __typename: 'PurchaseUserError', field: Array<string> | null, message: string };

type UserErrorParts_RecordBureauReportUserError_Fragment = { __typename: 'RecordBureauReportUserError', field: Array<string> | null, message: string };

type UserErrorParts_RecoveryRequestUserError_Fragment = { __typename: 'RecoveryRequestUserError', field: Array<string> | null, message: string };

type UserErrorParts_RedeemPointsUserError_Fragment = { __typename: 'RedeemPointsUserError', field: Array<string> | null, message: string };

type UserErrorParts_RefundPurchaseUserError_Fragment = { __typename: 'RefundPurchaseUserError', field: Array<string> | null, message: string };

type UserErrorParts_RepaymentUserError_Fragment = { __typename: 'RepaymentUserError', field: Array<string> | null, message: string };

type UserErrorParts_RevealCustomerPiiUserError_Fragment = { __typename: 'RevealCustomerPiiUserError', field: Array<string> | null, message: string };

type UserErrorParts_RevolvingLineUserError_Fragment = { __typename: 'RevolvingLineUserError', field: Array<string> | null, message: string };

type UserErrorParts_RevolvingOfferUserError_Fragment = { __typename: 'RevolvingOfferUserError', field: Array<string> | null, message: string };

type UserErrorParts_RollbackScoringModelUserError_Fragment = { __typename: 'RollbackScoringModelUserError', field: Array<string> | null, message: string };

type UserErrorParts_RunJobUserError_Fragment = { __typename: 'RunJobUserError', field: Array<string> | null, message: string };

type UserErrorParts_RunStressTestUserError_Fragment = { __typename: 'RunStressTestUserError', field: Array<string> | null, message: string };

type UserErrorParts_ScoringModelUserError_Fragment = { __typename: 'ScoringModelUserError', field: Array<string> | null, message: string };

type UserErrorParts_SignInUserError_Fragment = { __typename: 'SignInUserError', field: Array<string> | null, message: string };

type UserErrorParts_StartPartnerLinkUserError_Fragment = { __typename: 'StartPartnerLinkUserError', field: Array<string> | null, message: string };

type UserErrorParts_WaiveFeeUserError_Fragment = { __typename: 'WaiveFeeUserError', field: Array<string> | null, message: string };

type UserErrorParts_WaiveRevolvingChargeUserError_Fragment = { __typename: 'WaiveRevolvingChargeUserError', field: Array<string> | null, message: string };

type UserErrorParts_WebhookDeliveryUserError_Fragment = { __typename: 'WebhookDeliveryUserError', field: Array<string> | null, message: string };

type UserErrorParts_WebhookEndpointUserError_Fragment = { __typename: 'WebhookEndpointUserError', field: Array<string> | null, message: string };

type UserErrorParts_WriteOffBalanceUserError_Fragment = { __typename: 'WriteOffBalanceUserError', field: Array<string> | null, message: string };

export type UserErrorPartsFragment =
  | UserErrorParts_AddCustomerNoteUserError_Fragment
  | UserErrorParts_AgentUserError_Fragment
  | UserErrorParts_ApplyForCreditUserError_Fragment
  | UserErrorParts_AuthorizePurchaseUserError_Fragment
  | UserErrorParts_CategoryLimitUserError_Fragment
  | UserErrorParts_ChangePasswordUserError_Fragment
  | UserErrorParts_CouponCampaignUserError_Fragment
  | UserErrorParts_CreatePartnerAppUserError_Fragment
  | UserErrorParts_CreatePromotionUserError_Fragment
  | UserErrorParts_CreateWebhookEndpointUserError_Fragment
  | UserErrorParts_CreditAccountUserError_Fragment
  | UserErrorParts_InstallmentPlanUserError_Fragment
  | UserErrorParts_IssueCouponsUserError_Fragment
  | UserErrorParts_LimitDecisionUserError_Fragment
  | UserErrorParts_NoticeUserError_Fragment
  | UserErrorParts_PartnerKeyUserError_Fragment
  | UserErrorParts_PartnerLinkUserError_Fragment
  | UserErrorParts_PayStatementUserError_Fragment
  | UserErrorParts_PromotionUserError_Fragment
  | UserErrorParts_PurchaseUserError_Fragment
  | UserErrorParts_RecordBureauReportUserError_Fragment
  | UserErrorParts_RecoveryRequestUserError_Fragment
  | UserErrorParts_RedeemPointsUserError_Fragment
  | UserErrorParts_RefundPurchaseUserError_Fragment
  | UserErrorParts_RepaymentUserError_Fragment
  | UserErrorParts_RevealCustomerPiiUserError_Fragment
  | UserErrorParts_RevolvingLineUserError_Fragment
  | UserErrorParts_RevolvingOfferUserError_Fragment
  | UserErrorParts_RollbackScoringModelUserError_Fragment
  | UserErrorParts_RunJobUserError_Fragment
  | UserErrorParts_RunStressTestUserError_Fragment
  | UserErrorParts_ScoringModelUserError_Fragment
  | UserErrorParts_SignInUserError_Fragment
  | UserErrorParts_StartPartnerLinkUserError_Fragment
  | UserErrorParts_WaiveFeeUserError_Fragment
  | UserErrorParts_WaiveRevolvingChargeUserError_Fragment
  | UserErrorParts_WebhookDeliveryUserError_Fragment
  | UserErrorParts_WebhookEndpointUserError_Fragment
  | UserErrorParts_WriteOffBalanceUserError_Fragment
;

export type RecoveryRequestSummaryFragment = { __typename: 'RecoveryRequest', id: string, type: RecoveryType, status: RecoveryStatus, reason: string, createdAt: string };

export type RecoveryRequestAmountsFragment = { __typename: 'RecoveryRequest', id: string, type: RecoveryType, status: RecoveryStatus, reason: string, createdAt: string, autoOutcome: RecoveryOutcome | null, accountStatus: AccountStatus, dueAt: string, assignedTo: string | null, assignedToMe: boolean, currentLimit: { __typename: 'Money', amount: string, currency: string }, requestedLimit: { __typename: 'Money', amount: string, currency: string } | null, targetLimit: { __typename: 'Money', amount: string, currency: string } | null, plan: Array<{ __typename: 'RestorationStage', seq: number, onTimeRepaymentsRequired: number, status: RestorationStageStatus, appliedAt: string | null, amount: { __typename: 'Money', amount: string, currency: string } }>, reasons: Array<{ __typename: 'DecisionReason', code: string, text: string }>, customer: { __typename: 'Customer', id: string, name: string, maskedPhone: string } };

export type PartnerKeyPartsFragment = { __typename: 'PartnerApiKey', keyId: string, label: string | null, scopes: Array<string>, status: PartnerApiKeyStatus, createdAt: string, expiresAt: string | null, lastUsedAt: string | null, revokedAt: string | null };

export type PartnerKeyPayloadPartsFragment = { __typename: 'PartnerKeyPayload', apiKey: string | null, key: { __typename: 'PartnerApiKey', keyId: string, label: string | null, scopes: Array<string>, status: PartnerApiKeyStatus, createdAt: string, expiresAt: string | null, lastUsedAt: string | null, revokedAt: string | null } | null, userErrors: Array<{ __typename: 'PartnerKeyUserError', code: PartnerKeyErrorCode, field: Array<string> | null, message: string }> };

export type PartnerAppsQueryVariables = Exact<{ [key: string]: never; }>;


export type PartnerAppsQuery = { __typename: 'Query', partnerApps: Array<{ __typename: 'PartnerApp', id: string, name: string, active: boolean, scopes: Array<string>, createdAt: string, keys: Array<{ __typename: 'PartnerApiKey', keyId: string, label: string | null, scopes: Array<string>, status: PartnerApiKeyStatus, createdAt: string, expiresAt: string | null, lastUsedAt: string | null, revokedAt: string | null }> }> };

export type CreatePartnerAppMutationVariables = Exact<{
  input: CreatePartnerAppInput;
}>;


export type CreatePartnerAppMutation = { __typename: 'Mutation', createPartnerApp: { __typename: 'CreatePartnerAppPayload', apiKey: string | null, partnerApp: { __typename: 'PartnerApp', id: string } | null, userErrors: Array<{ __typename: 'CreatePartnerAppUserError', code: CreatePartnerAppErrorCode, field: Array<string> | null, message: string }> } };

export type IssuePartnerKeyMutationVariables = Exact<{
  input: IssuePartnerKeyInput;
}>;


export type IssuePartnerKeyMutation = { __typename: 'Mutation', issuePartnerKey: { __typename: 'PartnerKeyPayload', apiKey: string | null, key: { __typename: 'PartnerApiKey', keyId: string, label: string | null, scopes: Array<string>, status: PartnerApiKeyStatus, createdAt: string, expiresAt: string | null, lastUsedAt: string | null, revokedAt: string | null } | null, userErrors: Array<{ __typename: 'PartnerKeyUserError', code: PartnerKeyErrorCode, field: Array<string> | null, message: string }> } };

export type RotatePartnerKeyMutationVariables = Exact<{
  input: RotatePartnerKeyInput;
}>;


export type RotatePartnerKeyMutation = { __typename: 'Mutation', rotatePartnerKey: { __typename: 'PartnerKeyPayload', apiKey: string | null, key: { __typename: 'PartnerApiKey', keyId: string, label: string | null, scopes: Array<string>, status: PartnerApiKeyStatus, createdAt: string, expiresAt: string | null, lastUsedAt: string | null, revokedAt: string | null } | null, userErrors: Array<{ __typename: 'PartnerKeyUserError', code: PartnerKeyErrorCode, field: Array<string> | null, message: string }> } };

export type RevokePartnerKeyMutationVariables = Exact<{
  input: RevokePartnerKeyInput;
}>;


export type RevokePartnerKeyMutation = { __typename: 'Mutation', revokePartnerKey: { __typename: 'PartnerKeyPayload', key: { __typename: 'PartnerApiKey', keyId: string, label: string | null, scopes: Array<string>, status: PartnerApiKeyStatus, createdAt: string, expiresAt: string | null, lastUsedAt: string | null, revokedAt: string | null } | null, userErrors: Array<{ __typename: 'PartnerKeyUserError', code: PartnerKeyErrorCode, field: Array<string> | null, message: string }> } };

export type StressCellPartsFragment = { __typename: 'StressCellNode', key: string, accounts: number, limitsCut: number, exposure: { __typename: 'Money', amount: string, currency: string }, expectedLoss: { __typename: 'Money', amount: string, currency: string }, stressedExpectedLoss: { __typename: 'Money', amount: string, currency: string }, cut: { __typename: 'Money', amount: string, currency: string } };

export type StressTestsQueryVariables = Exact<{
  first: number;
}>;


export type StressTestsQuery = { __typename: 'Query', stressTests: Array<{ __typename: 'StressTestRunNode', id: string, createdAt: string, scenarioKind: StressScenarioKind, pdMultiplier: number | null, lossGivenDefaultBp: number, budgetBreached: boolean | null, modelVersion: string, policyVersion: string, total: { __typename: 'StressCellNode', key: string, accounts: number, limitsCut: number, exposure: { __typename: 'Money', amount: string, currency: string }, expectedLoss: { __typename: 'Money', amount: string, currency: string }, stressedExpectedLoss: { __typename: 'Money', amount: string, currency: string }, cut: { __typename: 'Money', amount: string, currency: string } }, byGrade: Array<{ __typename: 'StressCellNode', key: string, accounts: number, limitsCut: number, exposure: { __typename: 'Money', amount: string, currency: string }, expectedLoss: { __typename: 'Money', amount: string, currency: string }, stressedExpectedLoss: { __typename: 'Money', amount: string, currency: string }, cut: { __typename: 'Money', amount: string, currency: string } }>, bySegment: Array<{ __typename: 'StressCellNode', key: string, accounts: number, limitsCut: number, exposure: { __typename: 'Money', amount: string, currency: string }, expectedLoss: { __typename: 'Money', amount: string, currency: string }, stressedExpectedLoss: { __typename: 'Money', amount: string, currency: string }, cut: { __typename: 'Money', amount: string, currency: string } }> }> };

export type RunStressTestMutationVariables = Exact<{
  input: RunStressTestInput;
}>;


export type RunStressTestMutation = { __typename: 'Mutation', runStressTest: { __typename: 'RunStressTestPayload', stressTest: { __typename: 'StressTestRunNode', id: string } | null, userErrors: Array<{ __typename: 'RunStressTestUserError', code: RunStressTestErrorCode, field: Array<string> | null, message: string }> } };

export type CreatePromotionMutationVariables = Exact<{
  input: CreatePromotionInput;
}>;


export type CreatePromotionMutation = { __typename: 'Mutation', createPromotion: { __typename: 'CreatePromotionPayload', promotion: { __typename: 'Promotion', id: string, name: string, startsAt: string, endsAt: string, grantedAccounts: number } | null, userErrors: Array<{ __typename: 'CreatePromotionUserError', code: CreatePromotionErrorCode, field: Array<string> | null, message: string }> } };

export type PromotionPartsFragment = { __typename: 'Promotion', id: string, name: string, status: PromotionStatus, startsAt: string, endsAt: string, eligibleGrades: Array<Grade>, category: string | null, percentBp: number | null, grantedAccounts: number, amount: { __typename: 'Money', amount: string, currency: string } | null };

export type PromotionsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  status?: Array<PromotionStatus> | PromotionStatus | null | undefined;
}>;


export type PromotionsQuery = { __typename: 'Query', promotions: { __typename: 'PromotionConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename: 'PromotionEdge', node: { __typename: 'Promotion', id: string, name: string, status: PromotionStatus, startsAt: string, endsAt: string, eligibleGrades: Array<Grade>, category: string | null, percentBp: number | null, grantedAccounts: number, amount: { __typename: 'Money', amount: string, currency: string } | null } }> } };

export type CancelPromotionMutationVariables = Exact<{
  input: CancelPromotionInput;
}>;


export type CancelPromotionMutation = { __typename: 'Mutation', cancelPromotion: { __typename: 'PromotionPayload', promotion: { __typename: 'Promotion', id: string, name: string, status: PromotionStatus, startsAt: string, endsAt: string, eligibleGrades: Array<Grade>, category: string | null, percentBp: number | null, grantedAccounts: number, amount: { __typename: 'Money', amount: string, currency: string } | null } | null, userErrors: Array<{ __typename: 'PromotionUserError', code: PromotionErrorCode, field: Array<string> | null, message: string }> } };

export type SetCategoryLimitMutationVariables = Exact<{
  input: SetCategoryLimitInput;
}>;


export type SetCategoryLimitMutation = { __typename: 'Mutation', setCategoryLimit: { __typename: 'CategoryLimitPayload', changed: number, skipped: number, userErrors: Array<{ __typename: 'CategoryLimitUserError', code: CategoryLimitErrorCode, field: Array<string> | null, message: string }> } };

export type RemoveCategoryLimitMutationVariables = Exact<{
  input: RemoveCategoryLimitInput;
}>;


export type RemoveCategoryLimitMutation = { __typename: 'Mutation', removeCategoryLimit: { __typename: 'CategoryLimitPayload', changed: number, skipped: number, userErrors: Array<{ __typename: 'CategoryLimitUserError', code: CategoryLimitErrorCode, field: Array<string> | null, message: string }> } };

export type JobRunPartsFragment = { __typename: 'JobRun', id: string, job: string, status: JobRunStatus, trigger: string | null, attempt: number | null, startedAt: string, finishedAt: string | null, durationMs: number | null, processed: number, error: string | null };

export type JobsQueryVariables = Exact<{
  first: number;
  job?: string | null | undefined;
}>;


export type JobsQuery = { __typename: 'Query', jobSchedules: Array<{ __typename: 'JobSchedule', job: string, nextRunAt: string | null, liveWorkers: number, lastRun: { __typename: 'JobRun', id: string, job: string, status: JobRunStatus, trigger: string | null, attempt: number | null, startedAt: string, finishedAt: string | null, durationMs: number | null, processed: number, error: string | null } | null }>, jobRuns: Array<{ __typename: 'JobRun', id: string, job: string, status: JobRunStatus, trigger: string | null, attempt: number | null, startedAt: string, finishedAt: string | null, durationMs: number | null, processed: number, error: string | null }> };

export type RunJobNowMutationVariables = Exact<{
  job: string;
}>;


export type RunJobNowMutation = { __typename: 'Mutation', runJobNow: { __typename: 'RunJobPayload', enqueued: boolean, userErrors: Array<{ __typename: 'RunJobUserError', code: RunJobErrorCode, field: Array<string> | null, message: string }> } };

export type SignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type SignInMutation = { __typename: 'Mutation', signIn: { __typename: 'SignInPayload', token: string | null, agent: { __typename: 'Agent', id: string, username: string, displayName: string, role: Role } | null, userErrors: Array<{ __typename: 'SignInUserError', code: SignInErrorCode, field: Array<string> | null, message: string }> } };

export type DemoLoginsQueryVariables = Exact<{ [key: string]: never; }>;


export type DemoLoginsQuery = { __typename: 'Query', demoLogins: Array<{ __typename: 'DemoLogin', username: string, password: string, role: Role }> };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename: 'Query', me: { __typename: 'Agent', id: string, username: string, displayName: string, role: Role } | null };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { __typename: 'Mutation', signOut: { __typename: 'SignOutPayload', signedOut: boolean } };

export type StatementsQueryVariables = Exact<{
  id: string | number;
}>;


export type StatementsQuery = { __typename: 'Query', customer: { __typename: 'Customer', id: string, account: { __typename: 'CreditAccount', id: string, revolving: { __typename: 'RevolvingLine', statementDay: number, aprPercent: string, points: number, balance: { __typename: 'Money', amount: string, currency: string } } | null, statements: Array<{ __typename: 'Statement', seq: number, closingDate: string, dueDate: string, status: StatementStatus, balance: { __typename: 'Money', amount: string, currency: string }, minimumPayment: { __typename: 'Money', amount: string, currency: string }, paid: { __typename: 'Money', amount: string, currency: string } }> } | null } | null };

export type CustomerHeaderQueryVariables = Exact<{
  id: string | number;
}>;


export type CustomerHeaderQuery = { __typename: 'Query', customer: { __typename: 'Customer', id: string, name: string, maskedPhone: string, maskedNationalId: string, realNameVerified: boolean, incomeBand: IncomeBand, registeredAt: string, account: { __typename: 'CreditAccount', id: string, accountNumber: string, status: AccountStatus, baseLimit: { __typename: 'Money', amount: string, currency: string }, usedAmount: { __typename: 'Money', amount: string, currency: string } } | null } | null };

export type AccountOverviewQueryVariables = Exact<{
  id: string | number;
}>;


export type AccountOverviewQuery = { __typename: 'Query', customer: { __typename: 'Customer', id: string, account: { __typename: 'CreditAccount', id: string, status: AccountStatus, score: number | null, grade: Grade | null, baseLimit: { __typename: 'Money', amount: string, currency: string }, usedAmount: { __typename: 'Money', amount: string, currency: string }, heldAmount: { __typename: 'Money', amount: string, currency: string }, outstandingPrincipal: { __typename: 'Money', amount: string, currency: string }, availableLimit: { __typename: 'Money', amount: string, currency: string }, temporaryLimits: Array<{ __typename: 'TemporaryLimit', category: string | null, startsAt: string, endsAt: string, amount: { __typename: 'Money', amount: string, currency: string } }>, categoryLimits: Array<{ __typename: 'CategoryLimit', category: string, limit: { __typename: 'Money', amount: string, currency: string }, used: { __typename: 'Money', amount: string, currency: string } }> } | null } | null };

export type RevealCustomerPiiMutationVariables = Exact<{
  input: RevealCustomerPiiInput;
}>;


export type RevealCustomerPiiMutation = { __typename: 'Mutation', revealCustomerPii: { __typename: 'RevealCustomerPiiPayload', phone: string | null, nationalId: string | null, userErrors: Array<{ __typename: 'RevealCustomerPiiUserError', code: RevealCustomerPiiErrorCode, field: Array<string> | null, message: string }> } };

export type InstallmentPlansQueryVariables = Exact<{
  id: string | number;
  first: number;
}>;


export type InstallmentPlansQuery = { __typename: 'Query', customer: { __typename: 'Customer', id: string, account: { __typename: 'CreditAccount', id: string, installmentPlans: { __typename: 'InstallmentPlanConnection', totalCount: number, edges: Array<{ __typename: 'InstallmentPlanEdge', node: { __typename: 'InstallmentPlan', id: string, term: PlanTerm, status: PlanStatus, aprPercent: string, createdAt: string, principal: { __typename: 'Money', amount: string, currency: string }, totalFee: { __typename: 'Money', amount: string, currency: string }, schedule: Array<{ __typename: 'ScheduleLine', seq: number, dueDate: string, status: ScheduleLineStatus, daysPastDue: number, principal: { __typename: 'Money', amount: string, currency: string }, fee: { __typename: 'Money', amount: string, currency: string }, lateFee: { __typename: 'Money', amount: string, currency: string }, paid: { __typename: 'Money', amount: string, currency: string } }> } }> } } | null } | null };

export type RepaymentsQueryVariables = Exact<{
  id: string | number;
  first: number;
}>;


export type RepaymentsQuery = { __typename: 'Query', customer: { __typename: 'Customer', id: string, account: { __typename: 'CreditAccount', id: string, overdue: { __typename: 'OverdueState', isOverdue: boolean, daysPastDue: number, bucket: string | null, overdueAmount: { __typename: 'Money', amount: string, currency: string } }, repayments: { __typename: 'RepaymentConnection', totalCount: number, edges: Array<{ __typename: 'RepaymentEdge', node: { __typename: 'Repayment', id: string, receivedAt: string, amount: { __typename: 'Money', amount: string, currency: string } } }> } } | null } | null };

export type NoticesQueryVariables = Exact<{
  id: string | number;
  first: number;
  locale: Locale;
}>;


export type NoticesQuery = { __typename: 'Query', customer: { __typename: 'Customer', id: string, account: { __typename: 'CreditAccount', id: string, notices: { __typename: 'NoticeConnection', totalCount: number, edges: Array<{ __typename: 'NoticeEdge', node: { __typename: 'Notice', id: string, kind: NoticeKind, channel: NoticeChannel, deliveryStatus: NoticeDeliveryStatus | null, deliveryError: string | null, createdAt: string, sentAt: string | null, readAt: string | null, acknowledgedAt: string | null, words: { __typename: 'NoticeWords', title: string, happened: string, meaning: string, action: string } } }> } } | null } | null };

export type AuditTrailQueryVariables = Exact<{
  id: string | number;
  first: number;
  after?: string | null | undefined;
}>;


export type AuditTrailQuery = { __typename: 'Query', customer: { __typename: 'Customer', id: string, auditTrail: { __typename: 'AuditEntryConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename: 'AuditEntryEdge', cursor: string, node: { __typename: 'AuditEntry', action: string, actor: string, createdAt: string, details: string | null } }> } } | null };

export type PurchasesQueryVariables = Exact<{
  id: string | number;
  first: number;
  after?: string | null | undefined;
}>;


export type PurchasesQuery = { __typename: 'Query', customer: { __typename: 'Customer', id: string, account: { __typename: 'CreditAccount', id: string, usedAmount: { __typename: 'Money', amount: string, currency: string }, heldAmount: { __typename: 'Money', amount: string, currency: string }, outstandingPrincipal: { __typename: 'Money', amount: string, currency: string }, purchases: { __typename: 'PurchaseConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename: 'PurchaseEdge', cursor: string, node: { __typename: 'Purchase', id: string, createdAt: string, merchant: string, category: string, status: PurchaseStatus, declineCode: DeclineCode | null, holdExpiresAt: string | null, amount: { __typename: 'Money', amount: string, currency: string } } }> } } | null } | null };

export type CustomerTimelineQueryVariables = Exact<{
  id: string | number;
  first: number;
  after?: string | null | undefined;
  locale: Locale;
  kinds?: Array<TimelineKind> | TimelineKind | null | undefined;
}>;


export type CustomerTimelineQuery = { __typename: 'Query', customer: { __typename: 'Customer', id: string, timeline: { __typename: 'TimelineEntryConnection', pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename: 'TimelineEntryEdge', cursor: string, node: { __typename: 'TimelineEntry', id: string, kind: TimelineKind, at: string, title: string, merchant: string | null, text: string | null, actorName: string | null, tags: Array<NoteTag>, ticketRef: string | null, decisionId: string | null, recoveryRequestId: string | null, amount: { __typename: 'Money', amount: string, currency: string } | null } }> } } | null };

export type AddCustomerNoteMutationVariables = Exact<{
  input: AddCustomerNoteInput;
}>;


export type AddCustomerNoteMutation = { __typename: 'Mutation', addCustomerNote: { __typename: 'AddCustomerNotePayload', note: { __typename: 'CustomerNote', id: string } | null, userErrors: Array<{ __typename: 'AddCustomerNoteUserError', code: AddCustomerNoteErrorCode, field: Array<string> | null, message: string }> } };

export type DecisionExplanationQueryVariables = Exact<{
  id: string | number;
  locale: Locale;
}>;


export type DecisionExplanationQuery = { __typename: 'Query', node:
    | { __typename: 'AuditEntry', id: string }
    | { __typename: 'Coupon', id: string }
    | { __typename: 'CouponCampaign', id: string }
    | { __typename: 'CreditAccount', id: string }
    | { __typename: 'CreditApplication', id: string }
    | { __typename: 'Customer', id: string }
    | { __typename: 'InstallmentPlan', id: string }
    | { __typename: 'LimitDecision', id: string, explanation: { __typename: 'LimitExplanation', headline: string, reasons: Array<{ __typename: 'DecisionReason', code: string, text: string }> } }
    | { __typename: 'Notice', id: string }
    | { __typename: 'PartnerApp', id: string }
    | { __typename: 'PartnerLink', id: string }
    | { __typename: 'Promotion', id: string }
    | { __typename: 'Purchase', id: string }
    | { __typename: 'RecoveryRequest', id: string }
    | { __typename: 'Refund', id: string }
    | { __typename: 'Repayment', id: string }
   | null };

export type LimitExplanationQueryVariables = Exact<{
  id: string | number;
  locale: Locale;
}>;


export type LimitExplanationQuery = { __typename: 'Query', customer: { __typename: 'Customer', id: string, account: { __typename: 'CreditAccount', id: string, explanation: { __typename: 'LimitExplanation', headline: string, repaymentHint: string | null, reasons: Array<{ __typename: 'DecisionReason', code: string, text: string }>, improvements: Array<{ __typename: 'LimitImprovement', feature: string, text: string, limitEffect: { __typename: 'Money', amount: string, currency: string } | null }>, decision: { __typename: 'LimitDecision', id: string, kind: DecisionKind, createdAt: string } | null } | null } | null } | null };

export type LimitHistoryQueryVariables = Exact<{
  id: string | number;
  first: number;
  locale: Locale;
}>;


export type LimitHistoryQuery = { __typename: 'Query', customer: { __typename: 'Customer', id: string, account: { __typename: 'CreditAccount', id: string, decisions: { __typename: 'LimitDecisionConnection', totalCount: number, edges: Array<{ __typename: 'LimitDecisionEdge', node: { __typename: 'LimitDecision', id: string, kind: DecisionKind, createdAt: string, decidedBy: string, decidedByName: string | null, statusBefore: AccountStatus, statusAfter: AccountStatus, score: number | null, grade: Grade | null, baseLimitBefore: { __typename: 'Money', amount: string, currency: string }, baseLimitAfter: { __typename: 'Money', amount: string, currency: string }, reasons: Array<{ __typename: 'DecisionReason', code: string, text: string }> } }> } } | null } | null };

export type CustomerSearchQueryVariables = Exact<{
  search: string;
  first: number;
  after?: string | null | undefined;
}>;


export type CustomerSearchQuery = { __typename: 'Query', customers: { __typename: 'CustomerConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename: 'CustomerEdge', node: { __typename: 'Customer', id: string, name: string, maskedPhone: string, maskedNationalId: string, account: { __typename: 'CreditAccount', id: string, accountNumber: string, status: AccountStatus } | null } }> } };

export type RecoveryQueueQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  type?: RecoveryType | null | undefined;
  assignment: QueueAssignment;
  locale: Locale;
}>;


export type RecoveryQueueQuery = { __typename: 'Query', recoveryQueue: { __typename: 'RecoveryRequestConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename: 'RecoveryRequestEdge', cursor: string, node: { __typename: 'RecoveryRequest', id: string, type: RecoveryType, status: RecoveryStatus, reason: string, createdAt: string, autoOutcome: RecoveryOutcome | null, accountStatus: AccountStatus, dueAt: string, assignedTo: string | null, assignedToMe: boolean, currentLimit: { __typename: 'Money', amount: string, currency: string }, requestedLimit: { __typename: 'Money', amount: string, currency: string } | null, targetLimit: { __typename: 'Money', amount: string, currency: string } | null, plan: Array<{ __typename: 'RestorationStage', seq: number, onTimeRepaymentsRequired: number, status: RestorationStageStatus, appliedAt: string | null, amount: { __typename: 'Money', amount: string, currency: string } }>, reasons: Array<{ __typename: 'DecisionReason', code: string, text: string }>, customer: { __typename: 'Customer', id: string, name: string, maskedPhone: string } } }> } };

export type PurchaseReviewQueueQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type PurchaseReviewQueueQuery = { __typename: 'Query', purchaseReviewQueue: { __typename: 'PurchaseConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename: 'PurchaseEdge', cursor: string, node: { __typename: 'Purchase', id: string, category: string, merchant: string, status: PurchaseStatus, reasons: Array<string>, createdAt: string, amount: { __typename: 'Money', amount: string, currency: string }, customer: { __typename: 'Customer', id: string, name: string } } }> } };

export type RecoveryDecisionPartsFragment = { __typename: 'RecoveryRequestPayload', recoveryRequest: { __typename: 'RecoveryRequest', id: string, status: RecoveryStatus } | null, userErrors: Array<{ __typename: 'RecoveryRequestUserError', code: RecoveryRequestErrorCode, field: Array<string> | null, message: string }> };

export type PurchaseDecisionPartsFragment = { __typename: 'PurchasePayload', purchase: { __typename: 'Purchase', id: string, status: PurchaseStatus, declineCode: DeclineCode | null } | null, userErrors: Array<{ __typename: 'PurchaseUserError', code: PurchaseErrorCode, field: Array<string> | null, message: string }> };

export type ApproveRecoveryRequestMutationVariables = Exact<{
  input: DecideRecoveryRequestInput;
}>;


export type ApproveRecoveryRequestMutation = { __typename: 'Mutation', approveRecoveryRequest: { __typename: 'RecoveryRequestPayload', recoveryRequest: { __typename: 'RecoveryRequest', id: string, status: RecoveryStatus } | null, userErrors: Array<{ __typename: 'RecoveryRequestUserError', code: RecoveryRequestErrorCode, field: Array<string> | null, message: string }> } };

export type RejectRecoveryRequestMutationVariables = Exact<{
  input: DecideRecoveryRequestInput;
}>;


export type RejectRecoveryRequestMutation = { __typename: 'Mutation', rejectRecoveryRequest: { __typename: 'RecoveryRequestPayload', recoveryRequest: { __typename: 'RecoveryRequest', id: string, status: RecoveryStatus } | null, userErrors: Array<{ __typename: 'RecoveryRequestUserError', code: RecoveryRequestErrorCode, field: Array<string> | null, message: string }> } };

export type ApprovePurchaseMutationVariables = Exact<{
  input: DecidePurchaseInput;
}>;


export type ApprovePurchaseMutation = { __typename: 'Mutation', approvePurchase: { __typename: 'PurchasePayload', purchase: { __typename: 'Purchase', id: string, status: PurchaseStatus, declineCode: DeclineCode | null } | null, userErrors: Array<{ __typename: 'PurchaseUserError', code: PurchaseErrorCode, field: Array<string> | null, message: string }> } };

export type RejectPurchaseMutationVariables = Exact<{
  input: DecidePurchaseInput;
}>;


export type RejectPurchaseMutation = { __typename: 'Mutation', rejectPurchase: { __typename: 'PurchasePayload', purchase: { __typename: 'Purchase', id: string, status: PurchaseStatus, declineCode: DeclineCode | null } | null, userErrors: Array<{ __typename: 'PurchaseUserError', code: PurchaseErrorCode, field: Array<string> | null, message: string }> } };

export type TakeRecoveryRequestMutationVariables = Exact<{
  input: TakeRecoveryRequestInput;
}>;


export type TakeRecoveryRequestMutation = { __typename: 'Mutation', takeRecoveryRequest: { __typename: 'RecoveryRequestPayload', recoveryRequest: { __typename: 'RecoveryRequest', id: string, assignedTo: string | null, assignedToMe: boolean } | null, userErrors: Array<{ __typename: 'RecoveryRequestUserError', code: RecoveryRequestErrorCode, field: Array<string> | null, message: string }> } };

export type CustomerRecoveryRequestsQueryVariables = Exact<{
  id: string | number;
  first: number;
}>;


export type CustomerRecoveryRequestsQuery = { __typename: 'Query', customer: { __typename: 'Customer', id: string, recoveryRequests: { __typename: 'RecoveryRequestConnection', totalCount: number, edges: Array<{ __typename: 'RecoveryRequestEdge', node: { __typename: 'RecoveryRequest', id: string, type: RecoveryType, status: RecoveryStatus, reason: string, createdAt: string, requestedLimit: { __typename: 'Money', amount: string, currency: string } | null, targetLimit: { __typename: 'Money', amount: string, currency: string } | null } }> } } | null };

export type RecoveryRequestQueryVariables = Exact<{
  id: string | number;
  locale: Locale;
}>;


export type RecoveryRequestQuery = { __typename: 'Query', node:
    | { __typename: 'AuditEntry', id: string }
    | { __typename: 'Coupon', id: string }
    | { __typename: 'CouponCampaign', id: string }
    | { __typename: 'CreditAccount', id: string }
    | { __typename: 'CreditApplication', id: string }
    | { __typename: 'Customer', id: string }
    | { __typename: 'InstallmentPlan', id: string }
    | { __typename: 'LimitDecision', id: string }
    | { __typename: 'Notice', id: string }
    | { __typename: 'PartnerApp', id: string }
    | { __typename: 'PartnerLink', id: string }
    | { __typename: 'Promotion', id: string }
    | { __typename: 'Purchase', id: string }
    | { __typename: 'RecoveryRequest', id: string, type: RecoveryType, status: RecoveryStatus, reason: string, createdAt: string, autoOutcome: RecoveryOutcome | null, accountStatus: AccountStatus, dueAt: string, assignedTo: string | null, assignedToMe: boolean, transitions: Array<{ __typename: 'RecoveryTransition', fromStatus: RecoveryStatus | null, toStatus: RecoveryStatus, actorType: string, actorName: string | null, reasonText: string, createdAt: string }>, documents: Array<{ __typename: 'RecoveryDocument', kind: string, fileName: string, contentType: string, sizeBytes: number }>, currentLimit: { __typename: 'Money', amount: string, currency: string }, requestedLimit: { __typename: 'Money', amount: string, currency: string } | null, targetLimit: { __typename: 'Money', amount: string, currency: string } | null, plan: Array<{ __typename: 'RestorationStage', seq: number, onTimeRepaymentsRequired: number, status: RestorationStageStatus, appliedAt: string | null, amount: { __typename: 'Money', amount: string, currency: string } }>, reasons: Array<{ __typename: 'DecisionReason', code: string, text: string }>, customer: { __typename: 'Customer', id: string, name: string, maskedPhone: string } }
    | { __typename: 'Refund', id: string }
    | { __typename: 'Repayment', id: string }
   | null };

export type RecoveryOptionsQueryVariables = Exact<{
  id: string | number;
}>;


export type RecoveryOptionsQuery = { __typename: 'Query', customer: { __typename: 'Customer', id: string, account: { __typename: 'CreditAccount', id: string, status: AccountStatus, recoveryTypesOffered: Array<RecoveryType>, baseLimit: { __typename: 'Money', amount: string, currency: string } } | null } | null };

export type FileRecoveryRequestMutationVariables = Exact<{
  input: FileRecoveryRequestInput;
}>;


export type FileRecoveryRequestMutation = { __typename: 'Mutation', fileRecoveryRequest: { __typename: 'RecoveryRequestPayload', recoveryRequest: { __typename: 'RecoveryRequest', id: string, type: RecoveryType, status: RecoveryStatus, reason: string, createdAt: string } | null, userErrors: Array<{ __typename: 'RecoveryRequestUserError', code: RecoveryRequestErrorCode, field: Array<string> | null, message: string }> } };

export const RecoveryRequestSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RecoveryRequestSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecoveryRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<RecoveryRequestSummaryFragment, unknown>;
export const MoneyPartsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]} as unknown as DocumentNode<MoneyPartsFragment, unknown>;
export const RecoveryRequestAmountsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RecoveryRequestAmounts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecoveryRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"autoOutcome"}},{"kind":"Field","name":{"kind":"Name","value":"accountStatus"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"assignedTo"}},{"kind":"Field","name":{"kind":"Name","value":"assignedToMe"}},{"kind":"Field","name":{"kind":"Name","value":"currentLimit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requestedLimit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetLimit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"onTimeRepaymentsRequired"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"appliedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reasons"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"maskedPhone"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]} as unknown as DocumentNode<RecoveryRequestAmountsFragment, unknown>;
export const PartnerKeyPartsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerKeyParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PartnerApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"keyId"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]} as unknown as DocumentNode<PartnerKeyPartsFragment, unknown>;
export const UserErrorPartsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<UserErrorPartsFragment, unknown>;
export const PartnerKeyPayloadPartsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerKeyPayloadParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PartnerKeyPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"}},{"kind":"Field","name":{"kind":"Name","value":"key"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnerKeyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorParts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerKeyParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PartnerApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"keyId"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<PartnerKeyPayloadPartsFragment, unknown>;
export const StressCellPartsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StressCellParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StressCellNode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"accounts"}},{"kind":"Field","name":{"kind":"Name","value":"limitsCut"}},{"kind":"Field","name":{"kind":"Name","value":"exposure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"expectedLoss"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stressedExpectedLoss"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]} as unknown as DocumentNode<StressCellPartsFragment, unknown>;
export const PromotionPartsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PromotionParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Promotion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"eligibleGrades"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"percentBp"}},{"kind":"Field","name":{"kind":"Name","value":"grantedAccounts"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]} as unknown as DocumentNode<PromotionPartsFragment, unknown>;
export const JobRunPartsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobRunParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JobRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"job"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode<JobRunPartsFragment, unknown>;
export const RecoveryDecisionPartsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RecoveryDecisionParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecoveryRequestPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorParts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<RecoveryDecisionPartsFragment, unknown>;
export const PurchaseDecisionPartsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PurchaseDecisionParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PurchasePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"purchase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"declineCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorParts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<PurchaseDecisionPartsFragment, unknown>;
export const PartnerAppsDocument = {"__meta__":{"hash":"sha256:64a614c43a2147394878a5f8ee3aa050053d4d7ea91c1f2784542e511ea31626"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartnerApps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"partnerApps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"keys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnerKeyParts"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerKeyParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PartnerApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"keyId"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]} as unknown as DocumentNode<PartnerAppsQuery, PartnerAppsQueryVariables>;
export const CreatePartnerAppDocument = {"__meta__":{"hash":"sha256:b2214d2566f6f893ffe023069d2c7155ea53d81480d100ff4b22924938092824"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreatePartnerApp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePartnerAppInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"createPartnerApp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"}},{"kind":"Field","name":{"kind":"Name","value":"partnerApp"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorParts"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CreatePartnerAppMutation, CreatePartnerAppMutationVariables>;
export const IssuePartnerKeyDocument = {"__meta__":{"hash":"sha256:76726edebc9ec682e97f88a1a1ee77d848eafc345a9c6963336abcbbee3ac923"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IssuePartnerKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IssuePartnerKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"issuePartnerKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnerKeyPayloadParts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerKeyParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PartnerApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"keyId"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerKeyPayloadParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PartnerKeyPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"}},{"kind":"Field","name":{"kind":"Name","value":"key"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnerKeyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorParts"}}]}}]}}]} as unknown as DocumentNode<IssuePartnerKeyMutation, IssuePartnerKeyMutationVariables>;
export const RotatePartnerKeyDocument = {"__meta__":{"hash":"sha256:2b64a511ef5b159f0374b24155125a5684a4b241f73ac0a1a8abae2a280aede1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RotatePartnerKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RotatePartnerKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"rotatePartnerKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnerKeyPayloadParts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerKeyParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PartnerApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"keyId"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerKeyPayloadParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PartnerKeyPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"}},{"kind":"Field","name":{"kind":"Name","value":"key"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnerKeyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorParts"}}]}}]}}]} as unknown as DocumentNode<RotatePartnerKeyMutation, RotatePartnerKeyMutationVariables>;
export const RevokePartnerKeyDocument = {"__meta__":{"hash":"sha256:eadae2343579e60863da58e174c19b2ee9c5243aae2f1577c1c75957affa6262"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokePartnerKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevokePartnerKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"revokePartnerKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"key"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnerKeyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorParts"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerKeyParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PartnerApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"keyId"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<RevokePartnerKeyMutation, RevokePartnerKeyMutationVariables>;
export const StressTestsDocument = {"__meta__":{"hash":"sha256:38ff98a7a4a183920f3d6320eedd2447f05412050ab299df85dd178ab34d86f5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StressTests"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"stressTests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"scenarioKind"}},{"kind":"Field","name":{"kind":"Name","value":"pdMultiplier"}},{"kind":"Field","name":{"kind":"Name","value":"lossGivenDefaultBp"}},{"kind":"Field","name":{"kind":"Name","value":"budgetBreached"}},{"kind":"Field","name":{"kind":"Name","value":"modelVersion"}},{"kind":"Field","name":{"kind":"Name","value":"policyVersion"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"StressCellParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byGrade"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"StressCellParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bySegment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"StressCellParts"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StressCellParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StressCellNode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"accounts"}},{"kind":"Field","name":{"kind":"Name","value":"limitsCut"}},{"kind":"Field","name":{"kind":"Name","value":"exposure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"expectedLoss"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stressedExpectedLoss"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}}]}}]} as unknown as DocumentNode<StressTestsQuery, StressTestsQueryVariables>;
export const RunStressTestDocument = {"__meta__":{"hash":"sha256:f8909a45fbd144537155e18046e254cee3fa820d7062cd1afc83a2a9f4f7209d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RunStressTest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RunStressTestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"runStressTest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"stressTest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorParts"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<RunStressTestMutation, RunStressTestMutationVariables>;
export const CreatePromotionDocument = {"__meta__":{"hash":"sha256:7b82cc0115c299140a214f9042e4484bbfcb81bdd5d52090049aebc0ad998f9b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreatePromotion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePromotionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"createPromotion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"promotion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"grantedAccounts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorParts"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CreatePromotionMutation, CreatePromotionMutationVariables>;
export const PromotionsDocument = {"__meta__":{"hash":"sha256:a80fd7c12f19915d9557f9f48b0b1061d92c5808890bf96ec3acd59682a94864"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Promotions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PromotionStatus"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"promotions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PromotionParts"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PromotionParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Promotion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"eligibleGrades"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"percentBp"}},{"kind":"Field","name":{"kind":"Name","value":"grantedAccounts"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}}]}}]} as unknown as DocumentNode<PromotionsQuery, PromotionsQueryVariables>;
export const CancelPromotionDocument = {"__meta__":{"hash":"sha256:2a55e1252e71a4a6a9e7e42680f96dcdbcb9e480bfc8f894ea1713aa23dd0fdc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelPromotion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CancelPromotionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cancelPromotion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"promotion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PromotionParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorParts"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PromotionParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Promotion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"eligibleGrades"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"percentBp"}},{"kind":"Field","name":{"kind":"Name","value":"grantedAccounts"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CancelPromotionMutation, CancelPromotionMutationVariables>;
export const SetCategoryLimitDocument = {"__meta__":{"hash":"sha256:28de7f51aef7953b8a65a2c19c32d2f37192a205050d94e1aa26725e1f947237"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetCategoryLimit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetCategoryLimitInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"setCategoryLimit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorParts"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<SetCategoryLimitMutation, SetCategoryLimitMutationVariables>;
export const RemoveCategoryLimitDocument = {"__meta__":{"hash":"sha256:6cfbf7d5ca840941d808bf61dc410b28dd3f817f74ab1ad0523fdc4d91fecf0a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveCategoryLimit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveCategoryLimitInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"removeCategoryLimit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"changed"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorParts"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<RemoveCategoryLimitMutation, RemoveCategoryLimitMutationVariables>;
export const JobsDocument = {"__meta__":{"hash":"sha256:38d7c5bf7a38c9d5cec7d945b80b225f8a218dc47dec38a9865d63737bcbf21e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Jobs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"job"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"jobSchedules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"job"}},{"kind":"Field","name":{"kind":"Name","value":"nextRunAt"}},{"kind":"Field","name":{"kind":"Name","value":"liveWorkers"}},{"kind":"Field","name":{"kind":"Name","value":"lastRun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"JobRunParts"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"jobRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"job"},"value":{"kind":"Variable","name":{"kind":"Name","value":"job"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"JobRunParts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobRunParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JobRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"job"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode<JobsQuery, JobsQueryVariables>;
export const RunJobNowDocument = {"__meta__":{"hash":"sha256:a31652d7103aa1c9e8c188b5a49995b0f2dba94a0b8c337816b62ff6fef22997"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RunJobNow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"job"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"runJobNow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"job"},"value":{"kind":"Variable","name":{"kind":"Name","value":"job"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"enqueued"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorParts"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<RunJobNowMutation, RunJobNowMutationVariables>;
export const SignInDocument = {"__meta__":{"hash":"sha256:b2648211993a327f2864d94e419429296526610fadf3897c38e43ddc5ea9bc10"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignInInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"signIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"agent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorParts"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const DemoLoginsDocument = {"__meta__":{"hash":"sha256:05df0fc79e4d0dabe4db2483631b6062aba536e9e00035be9522e156ad183efc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoLogins"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"demoLogins"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"password"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<DemoLoginsQuery, DemoLoginsQueryVariables>;
export const MeDocument = {"__meta__":{"hash":"sha256:14aff0845c8e28121a6da8e37756d1e66a070a339f126a18196d913580c2691e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const SignOutDocument = {"__meta__":{"hash":"sha256:e2914b81616c087d93616872738a97f71790358d837a39261c8f2079ee230c71"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"signOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"signedOut"}}]}}]}}]} as unknown as DocumentNode<SignOutMutation, SignOutMutationVariables>;
export const StatementsDocument = {"__meta__":{"hash":"sha256:45b327985d0da051502e1868b17b23024a66de0d81aa4f08c5f0d8e5c0d49127"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Statements"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revolving"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"statementDay"}},{"kind":"Field","name":{"kind":"Name","value":"aprPercent"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"statements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"6"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"closingDate"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"balance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"minimumPayment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]} as unknown as DocumentNode<StatementsQuery, StatementsQueryVariables>;
export const CustomerHeaderDocument = {"__meta__":{"hash":"sha256:623cb0b87f8d4ae41375eb7ebdd4b4d2480aa335ba4f15ab02d18ff1117d8586"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerHeader"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"maskedPhone"}},{"kind":"Field","name":{"kind":"Name","value":"maskedNationalId"}},{"kind":"Field","name":{"kind":"Name","value":"realNameVerified"}},{"kind":"Field","name":{"kind":"Name","value":"incomeBand"}},{"kind":"Field","name":{"kind":"Name","value":"registeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"baseLimit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"usedAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]} as unknown as DocumentNode<CustomerHeaderQuery, CustomerHeaderQueryVariables>;
export const AccountOverviewDocument = {"__meta__":{"hash":"sha256:65540f39e956d9c7cc6d2022bb368a18d80ecbb4b1e51f00edd439f238206261"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"baseLimit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"usedAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"heldAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outstandingPrincipal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableLimit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"temporaryLimits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"categoryLimits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"limit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"used"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]} as unknown as DocumentNode<AccountOverviewQuery, AccountOverviewQueryVariables>;
export const RevealCustomerPiiDocument = {"__meta__":{"hash":"sha256:cbebfc1dc032a0e88fc443d126fdb38f159dbf395d597e3752458b22f1e21e6d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevealCustomerPii"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevealCustomerPiiInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"revealCustomerPii"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"nationalId"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorParts"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<RevealCustomerPiiMutation, RevealCustomerPiiMutationVariables>;
export const InstallmentPlansDocument = {"__meta__":{"hash":"sha256:3b6c42fac2845fd955a962ebaee6ca225dbda25ee95b84672541f25fb6bda9fa"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstallmentPlans"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"installmentPlans"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"term"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"aprPercent"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"principal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalFee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schedule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"daysPastDue"}},{"kind":"Field","name":{"kind":"Name","value":"principal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lateFee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}}]}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]} as unknown as DocumentNode<InstallmentPlansQuery, InstallmentPlansQueryVariables>;
export const RepaymentsDocument = {"__meta__":{"hash":"sha256:2bf1f06947cb29c146c90801bdee9d0ac9538e7dc77fff256fcb992fec7afa5c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Repayments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"isOverdue"}},{"kind":"Field","name":{"kind":"Name","value":"daysPastDue"}},{"kind":"Field","name":{"kind":"Name","value":"bucket"}},{"kind":"Field","name":{"kind":"Name","value":"overdueAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"repayments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]} as unknown as DocumentNode<RepaymentsQuery, RepaymentsQueryVariables>;
export const NoticesDocument = {"__meta__":{"hash":"sha256:0436012143f3f062e33c62a0bb0342203b58e3690403e27989685ef222b74e6a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Notices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locale"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Locale"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"notices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"words"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"happened"}},{"kind":"Field","name":{"kind":"Name","value":"meaning"}},{"kind":"Field","name":{"kind":"Name","value":"action"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deliveryStatus"}},{"kind":"Field","name":{"kind":"Name","value":"deliveryError"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}},{"kind":"Field","name":{"kind":"Name","value":"acknowledgedAt"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<NoticesQuery, NoticesQueryVariables>;
export const AuditTrailDocument = {"__meta__":{"hash":"sha256:e45dc4e452592f907c10d6d14bb410acb69f2616e05c871342363680f02090fc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditTrail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"auditTrail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"details"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuditTrailQuery, AuditTrailQueryVariables>;
export const PurchasesDocument = {"__meta__":{"hash":"sha256:5448874001016390bc02a9cb20730a5198864cfc67fad6f8fd3aeb32e0a04fdc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Purchases"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"usedAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"heldAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outstandingPrincipal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"purchases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"merchant"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"declineCode"}},{"kind":"Field","name":{"kind":"Name","value":"holdExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]} as unknown as DocumentNode<PurchasesQuery, PurchasesQueryVariables>;
export const CustomerTimelineDocument = {"__meta__":{"hash":"sha256:3b46bfa7d3aaf154bb45cb455ec901a08e9ac866d269dba5a3cc44e8926ed675"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerTimeline"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locale"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Locale"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kinds"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TimelineKind"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}},{"kind":"Argument","name":{"kind":"Name","value":"kinds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kinds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"merchant"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"ticketRef"}},{"kind":"Field","name":{"kind":"Name","value":"decisionId"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryRequestId"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]} as unknown as DocumentNode<CustomerTimelineQuery, CustomerTimelineQueryVariables>;
export const AddCustomerNoteDocument = {"__meta__":{"hash":"sha256:5167471467c85bf82af2e33992355ef4573dfff94a46262d4b7e9ec72d640aa8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddCustomerNote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddCustomerNoteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"addCustomerNote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"note"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorParts"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<AddCustomerNoteMutation, AddCustomerNoteMutationVariables>;
export const DecisionExplanationDocument = {"__meta__":{"hash":"sha256:90df25e7b77a8b933be9f1c75c5ec1ffcc001ffea6f10051473bd76d5ca69e1d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DecisionExplanation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locale"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Locale"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LimitDecision"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DecisionExplanationQuery, DecisionExplanationQueryVariables>;
export const LimitExplanationDocument = {"__meta__":{"hash":"sha256:12b8f9a2a4ef36ea990cde7245f3980fc1c8c6e4f74bcdcf3cebcde438b8b91a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LimitExplanation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locale"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Locale"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"repaymentHint"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"improvements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"feature"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"limitEffect"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"decision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]} as unknown as DocumentNode<LimitExplanationQuery, LimitExplanationQueryVariables>;
export const LimitHistoryDocument = {"__meta__":{"hash":"sha256:fc5ae32375f92a292d1c42e94fad6e4132bd49dc745e137586bf138124273759"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LimitHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locale"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Locale"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"decisions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decidedByName"}},{"kind":"Field","name":{"kind":"Name","value":"statusBefore"}},{"kind":"Field","name":{"kind":"Name","value":"statusAfter"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"baseLimitBefore"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"baseLimitAfter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reasons"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]} as unknown as DocumentNode<LimitHistoryQuery, LimitHistoryQueryVariables>;
export const CustomerSearchDocument = {"__meta__":{"hash":"sha256:07bd02eea4e8f6d5bb219c82c9a0174c8095044ff5bff5bcd39ea362d09adb49"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"customers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"maskedPhone"}},{"kind":"Field","name":{"kind":"Name","value":"maskedNationalId"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"accountNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CustomerSearchQuery, CustomerSearchQueryVariables>;
export const RecoveryQueueDocument = {"__meta__":{"hash":"sha256:3e56dd6912b6842ac85830e5c88b2943b6f8a4515c442f0a3b8bd8773af87d11"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RecoveryQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"type"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RecoveryType"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"assignment"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"QueueAssignment"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locale"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Locale"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"type"},"value":{"kind":"Variable","name":{"kind":"Name","value":"type"}}},{"kind":"Argument","name":{"kind":"Name","value":"assignment"},"value":{"kind":"Variable","name":{"kind":"Name","value":"assignment"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RecoveryRequestAmounts"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RecoveryRequestAmounts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecoveryRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"autoOutcome"}},{"kind":"Field","name":{"kind":"Name","value":"accountStatus"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"assignedTo"}},{"kind":"Field","name":{"kind":"Name","value":"assignedToMe"}},{"kind":"Field","name":{"kind":"Name","value":"currentLimit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requestedLimit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetLimit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"onTimeRepaymentsRequired"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"appliedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reasons"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"maskedPhone"}}]}}]}}]} as unknown as DocumentNode<RecoveryQueueQuery, RecoveryQueueQueryVariables>;
export const PurchaseReviewQueueDocument = {"__meta__":{"hash":"sha256:cc4cfe71d09d464ab2164c561e2484addba8040d4b9b1e8c71cb5da8d415c3af"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PurchaseReviewQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"purchaseReviewQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"merchant"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]} as unknown as DocumentNode<PurchaseReviewQueueQuery, PurchaseReviewQueueQueryVariables>;
export const ApproveRecoveryRequestDocument = {"__meta__":{"hash":"sha256:0e16c85b77c2da47a74067dc95785602610af090e3c3edaf4b258e4cc3b17ebc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveRecoveryRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DecideRecoveryRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"approveRecoveryRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RecoveryDecisionParts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RecoveryDecisionParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecoveryRequestPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorParts"}}]}}]}}]} as unknown as DocumentNode<ApproveRecoveryRequestMutation, ApproveRecoveryRequestMutationVariables>;
export const RejectRecoveryRequestDocument = {"__meta__":{"hash":"sha256:1965dc47faaa91f6daf5314df270ff71b4ef6ad4a4b9f11e9f2062eed648ab60"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RejectRecoveryRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DecideRecoveryRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"rejectRecoveryRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RecoveryDecisionParts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RecoveryDecisionParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecoveryRequestPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorParts"}}]}}]}}]} as unknown as DocumentNode<RejectRecoveryRequestMutation, RejectRecoveryRequestMutationVariables>;
export const ApprovePurchaseDocument = {"__meta__":{"hash":"sha256:28998fcce7317ea12ad1c4af3ff9f3ab884d7e276724f14fbb711d9e488c44c9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApprovePurchase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DecidePurchaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"approvePurchase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PurchaseDecisionParts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PurchaseDecisionParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PurchasePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"purchase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"declineCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorParts"}}]}}]}}]} as unknown as DocumentNode<ApprovePurchaseMutation, ApprovePurchaseMutationVariables>;
export const RejectPurchaseDocument = {"__meta__":{"hash":"sha256:5053fefa55930805a4ba1d2d4089d62247207d315e7c8b5bb02c6da6b46d2fc8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RejectPurchase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DecidePurchaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"rejectPurchase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PurchaseDecisionParts"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PurchaseDecisionParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PurchasePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"purchase"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"declineCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorParts"}}]}}]}}]} as unknown as DocumentNode<RejectPurchaseMutation, RejectPurchaseMutationVariables>;
export const TakeRecoveryRequestDocument = {"__meta__":{"hash":"sha256:9f9ccbfbc8a28ae9a770626d4fbefaae6e62766e89aa805027069e43b6d05640"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TakeRecoveryRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TakeRecoveryRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"takeRecoveryRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"assignedTo"}},{"kind":"Field","name":{"kind":"Name","value":"assignedToMe"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorParts"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<TakeRecoveryRequestMutation, TakeRecoveryRequestMutationVariables>;
export const CustomerRecoveryRequestsDocument = {"__meta__":{"hash":"sha256:d8a3a3df929a5ff060a07debc76c4b965b1852ce407685adf204f01ee215648b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerRecoveryRequests"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RecoveryRequestSummary"}},{"kind":"Field","name":{"kind":"Name","value":"requestedLimit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetLimit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RecoveryRequestSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecoveryRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]} as unknown as DocumentNode<CustomerRecoveryRequestsQuery, CustomerRecoveryRequestsQueryVariables>;
export const RecoveryRequestDocument = {"__meta__":{"hash":"sha256:393744cf125e36980385fdb76a98112bb7e6d1eb46d4c94eb3ba68b92ff54e32"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RecoveryRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locale"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Locale"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecoveryRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RecoveryRequestAmounts"}},{"kind":"Field","name":{"kind":"Name","value":"transitions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"actorType"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"reasonText"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}]},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RecoveryRequestAmounts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecoveryRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"autoOutcome"}},{"kind":"Field","name":{"kind":"Name","value":"accountStatus"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"assignedTo"}},{"kind":"Field","name":{"kind":"Name","value":"assignedToMe"}},{"kind":"Field","name":{"kind":"Name","value":"currentLimit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requestedLimit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"targetLimit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"amount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"onTimeRepaymentsRequired"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"appliedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reasons"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"maskedPhone"}}]}}]}}]} as unknown as DocumentNode<RecoveryRequestQuery, RecoveryRequestQueryVariables>;
export const RecoveryOptionsDocument = {"__meta__":{"hash":"sha256:22d7bdb54abc1649df4d8695427e96e30510e1bd5d9f024930b7832e43acb00c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RecoveryOptions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"baseLimit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyParts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recoveryTypesOffered"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]} as unknown as DocumentNode<RecoveryOptionsQuery, RecoveryOptionsQueryVariables>;
export const FileRecoveryRequestDocument = {"__meta__":{"hash":"sha256:d2eddaa1d52f6e3c7b8196fa10d486ec07a0e784ccf4b8088b3635c2ef6f322b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FileRecoveryRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FileRecoveryRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"fileRecoveryRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RecoveryRequestSummary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorParts"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RecoveryRequestSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RecoveryRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorParts"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<FileRecoveryRequestMutation, FileRecoveryRequestMutationVariables>;