import { registerEnumType } from 'type-graphql';
import { GRADES, INCOME_BANDS, TERMS } from '@creditline/scoring';

/**
 * The states and kinds the schema exposes as GraphQL enums (issue 17 item 5: states are enums,
 * not strings). Each one is built from the domain's own list of values where there is one, so
 * the schema cannot drift from the database's check constraints, and every value is described
 * (the `Record` type makes a missing description a compile error).
 *
 * The runtime values are the plain strings, so resolvers keep passing the strings they read.
 */
export function graphqlEnum<const V extends string>(
  name: string,
  description: string,
  values: Record<V, string>,
  domain?: readonly V[],
): { [K in V]: K } {
  if (domain) {
    const missing = domain.filter((v) => !(v in values));
    if (missing.length) throw new Error(`${name} lacks ${missing.join(', ')}`);
  }
  const e = Object.fromEntries(Object.keys(values).map((v) => [v, v])) as { [K in V]: K };
  registerEnumType(e, {
    name,
    description,
    valuesConfig: Object.fromEntries(
      Object.entries<string>(values).map(([v, d]) => [v, { description: d }]),
    ) as never,
  });
  return e;
}

export const GradeEnum = graphqlEnum(
  'Grade',
  'A credit grade (信用等级) from a review, best (A) to worst (E).',
  {
    A: 'Best grade: lowest expected default.',
    B: 'Good grade.',
    C: 'Middle grade.',
    D: 'Weak grade.',
    E: 'Worst grade: highest expected default.',
  },
  GRADES,
);

export const IncomeBandEnum = graphqlEnum(
  'IncomeBand',
  "A customer's declared income band.",
  {
    LOW: 'Low declared income.',
    MID: 'Middle declared income.',
    HIGH: 'High declared income.',
    VERY_HIGH: 'Very high declared income.',
  },
  INCOME_BANDS,
);

export const PlanTermEnum = graphqlEnum(
  'PlanTerm',
  'An installment term (分期期数): one payment in 30 days, or 3 to 24 monthly periods.',
  {
    DEFERRED_30: 'One payment 30 days later, without a fee.',
    M3: 'Three monthly periods.',
    M6: 'Six monthly periods.',
    M9: 'Nine monthly periods.',
    M12: 'Twelve monthly periods.',
    M24: 'Twenty-four monthly periods.',
  },
  TERMS,
);

export const PurchaseStatusEnum = graphqlEnum(
  'PurchaseStatus',
  'Where a purchase is in its life: held, reviewed, captured, released or refused.',
  {
    HELD: 'Authorized: the amount is held on the limit until captured or released.',
    PENDING_REVIEW: 'Held for a person to review before it can be captured.',
    DECLINED: 'Refused at authorization; nothing was held.',
    CAPTURED: 'Captured (wholly or in parts): the amount became outstanding principal.',
    RELEASED: 'The hold was released without a capture.',
    EXPIRED: 'The hold expired before a capture.',
    REJECTED: 'Refused by a reviewer after PENDING_REVIEW; the hold was released.',
  },
  // Every status the database allows is in the enum: checked where the statuses are
  // (modules/purchases/purchase.entity.ts), so that this layer reads no module.
);

export const AuthorizationDecisionEnum = graphqlEnum(
  'AuthorizationDecision',
  'What an authorization decided when it was first requested.',
  {
    HELD: 'Approved: the amount is held on the limit.',
    PENDING_REVIEW: 'Held, but a person must review it before a capture.',
    DECLINED: 'Refused; see declineCode and reasons.',
  },
);

/** Why an authorization was declined (or a reviewer refused it): `purchases.decline_code`. */
export const DeclineCodeEnum = graphqlEnum(
  'DeclineCode',
  'Why a purchase was declined at authorization, or rejected in review.',
  {
    ACCOUNT_FROZEN: 'The account is frozen.',
    ACCOUNT_CLOSED: 'The account is closed (or otherwise not ACTIVE).',
    OVER_LIMIT: 'The amount is more than the available limit.',
    CATEGORY_LIMIT_EXHAUSTED: "The amount is more than what is left of the category's own limit.",
    RISK_RULE_VELOCITY_COUNT: 'Too many purchases in a short time (a fraud rule set to decline).',
    RISK_RULE_VELOCITY_AMOUNT: 'Too much spent in a short time (a fraud rule set to decline).',
    RISK_RULE_NEW_DEVICE: 'A device never seen for this customer (a fraud rule set to decline).',
    RISK_RULE_PHONE_CHANGED: 'The phone number changed recently (a fraud rule set to decline).',
    RISK_RULE_UNUSUAL_CATEGORY:
      'A category unusual for this customer (a fraud rule set to decline).',
    REJECTED_IN_REVIEW: 'A reviewer rejected the purchase after PENDING_REVIEW.',
  },
);

export const DecisionKindEnum = graphqlEnum('DecisionKind', 'Why a limit decision was made.', {
  INITIAL: 'The opening decision of a new account.',
  PERIODIC_REVIEW: 'The scheduled review of every account.',
  TRIGGERED_REVIEW: 'A review asked for by staff or triggered by an event.',
  PROMOTION: 'A promotion granted or withdrew a temporary limit.',
  FREEZE: 'The account was frozen.',
  UNFREEZE: 'The account was unfrozen.',
  RECOVERY: 'A recovery request was granted.',
  MANUAL: 'A manual change by staff.',
  CLOSE: 'The account was closed.',
});

export const ApplicationStatusEnum = graphqlEnum(
  'ApplicationStatus',
  'The outcome of a credit application.',
  {
    APPROVED: 'Approved: an account was opened.',
    DECLINED: 'Declined: no account was opened.',
  },
);

export const PlanStatusEnum = graphqlEnum('PlanStatus', 'The state of an installment plan.', {
  ACTIVE: 'Being repaid.',
  PAID_OFF: 'Every line paid.',
  CLOSED: 'Closed before it was paid off (e.g. refunded).',
});

export const ScheduleLineStatusEnum = graphqlEnum(
  'ScheduleLineStatus',
  'The state of one line of a repayment schedule.',
  {
    DUE: 'Not yet paid, and not past its due date.',
    PAID: 'Paid in full.',
    OVERDUE: 'Not paid by its due date.',
    WAIVED: 'Forgiven by staff.',
  },
);

export const JobRunStatusEnum = graphqlEnum('JobRunStatus', 'The state of one run of a job.', {
  RUNNING: 'Running now.',
  DONE: 'Finished.',
  FAILED: 'Stopped with an error.',
  INTERRUPTED: 'Its worker died; a retry is another run.',
});

export const NoticeDeliveryStatusEnum = graphqlEnum(
  'NoticeDeliveryStatus',
  'Delivery of an SMS or email notice.',
  {
    PENDING: 'Waiting to be sent, or being retried.',
    DELIVERED: 'Handed to the SMS or mail provider.',
    FAILED: 'Given up after the retries; see deliveryError.',
  },
);

export const PartnerApiKeyStatusEnum = graphqlEnum(
  'PartnerApiKeyStatus',
  'The state of a partner API key.',
  {
    LIVE: 'In use.',
    ROTATING: 'Replaced by a newer key; still accepted until expiresAt.',
    EXPIRED: 'Past its expiry; refused.',
    REVOKED: 'Revoked; refused.',
  },
);

export const PartnerLinkStatusEnum = graphqlEnum(
  'PartnerLinkStatus',
  'The state of a link between a customer and a partner app.',
  {
    ACTIVE: 'The partner app may act for the customer within its scopes.',
    REVOKED: 'Revoked: the partner app no longer sees the customer.',
  },
);

export const PromotionStatusEnum = graphqlEnum(
  'PromotionStatus',
  'The state of a promotion campaign.',
  {
    SCHEDULED: 'Starts in the future; can still be edited.',
    ACTIVE: 'Running: its temporary limits are granted.',
    ENDED: 'Past its end.',
    CANCELLED: 'Cancelled; its temporary limits were withdrawn.',
  },
);

export const RecoveryOutcomeEnum = graphqlEnum(
  'RecoveryOutcome',
  "The automatic review's outcome for a recovery request.",
  {
    APPROVE: 'Grant it.',
    NEED_DOCUMENTS: 'Ask the customer for documents first.',
    ROUTE_TO_SUPERVISOR: 'A supervisor decides.',
    REJECT: 'Refuse it.',
  },
);

export const RepaymentKindEnum = graphqlEnum('RepaymentKind', 'What a repayment paid.', {
  INSTALLMENT: 'Schedule lines of installment plans.',
  REVOLVING: 'The revolving balance: fees, interest, then principal.',
});

export const RepaymentSourceEnum = graphqlEnum('RepaymentSource', 'Where a repayment came from.', {
  CUSTOMER: 'The customer, through a partner app.',
  OTHER_CHANNEL: 'Another channel, posted by staff with its reference.',
  CREDIT: "The customer's credit balance, applied to amounts due.",
});

export const RestorationStageStatusEnum = graphqlEnum(
  'RestorationStageStatus',
  'The state of one stage of a staged limit restoration.',
  {
    PENDING: 'Waiting for its date.',
    APPLIED: 'Applied to the limit.',
    CANCELLED: 'Will not be applied.',
    PLANNED:
      'Not yet created: the stage an approval would create now (shown before a request is decided).',
  },
);

export const RevolvingOfferStatusEnum = graphqlEnum(
  'RevolvingOfferStatus',
  'The state of an offer of a revolving line.',
  {
    OFFERED: 'Open for the customer to accept.',
    ACCEPTED: 'Accepted: the revolving line is open.',
    EXPIRED: 'Not accepted in time.',
  },
);

export const StatementStatusEnum = graphqlEnum(
  'StatementStatus',
  'The state of a revolving statement.',
  {
    OPEN: 'Before the due date.',
    PAID: 'Paid in full: no interest.',
    MINIMUM_PAID: 'At least the minimum paid; interest accrues on the rest.',
    PAST_DUE: 'The minimum was not paid by the due date.',
  },
);

export const ScoringModelStatusEnum = graphqlEnum(
  'ScoringModelStatus',
  'Where a scoring model is in its lifecycle.',
  {
    REGISTERED: 'Registered, not yet used.',
    SHADOWED: 'Scoring in the shadow of the active model, for comparison only.',
    ACTIVE: 'The model that decides.',
    RETIRED: 'Was active, replaced by another.',
    DISCARDED: 'Never promoted; set aside.',
  },
);

export const StressScenarioKindEnum = graphqlEnum(
  'StressScenarioKind',
  'The shape of a stress-test scenario.',
  {
    PD_MULTIPLIER: 'Every probability of default multiplied by a factor.',
    GRADE_MIGRATION: 'Customers moved between grades by a migration matrix.',
  },
);

export const FeeKindEnum = graphqlEnum('FeeKind', 'A kind of fee on a schedule line.', {
  FEE: 'The installment fee.',
  LATE_FEE: 'The fee for paying late.',
});
