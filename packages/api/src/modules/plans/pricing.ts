/**
 * The one place the money modules call @creditline/scoring for policy and prices, so the rest
 * of the API depends on these few functions and not on the library's exact shapes. Every value
 * comes from the library's policy (`defaultPolicy`): fee rates, coupons, late fees, thresholds,
 * the cap and the recovery rules are data there, not code here.
 */
import {
  GRADES,
  addMonthsClamped,
  TERMS,
  defaultPolicy,
  evaluateRecovery,
  firstDueDateFor as scoringFirstDueDate,
  lateFeeFen,
  needsManualReview,
  payoffQuote,
  quoteInstallments,
  restorationStages,
  addDaysIso,
  allocateRevolvingPayment,
  daysBetweenIso,
  minimumPaymentFen,
  nextStatementDate,
  pointsApplied,
  pointsEarned,
  revolvingAprBp,
  revolvingEligibility,
  revolvingInterestFen,
  revolvingLateFeeFen,
  statementBalanceFen,
  type RevolvingFacts,
  type Grade,
  type IncomeBand,
  type LimitPolicy,
  type PayoffLine as ScoringPayoffLine,
  type PlanQuote as ScoringPlanQuote,
  type Term as ScoringTerm,
} from '@creditline/scoring';

export const policy: LimitPolicy = defaultPolicy;

/** The per-customer limit cap (a policy value); no single purchase can exceed it either. */
export const LIMIT_CAP_FEN = policy.capFen;
export const MAX_PURCHASE_FEN = LIMIT_CAP_FEN;
/** A purchase without a device id above this amount counts as from a new device (fraud rules). */
export const MISSING_DEVICE_ID_ABOVE_FEN = policy.missingDeviceIdAboveFen;
/** Days a hold may be extended by, once (policy). */
export const HOLD_EXTENSION_DAYS = policy.holdExtensionDays;
/** Days from a recovery approval in which on-time repayments count towards later stages. */
export const RESTORATION_WINDOW_DAYS = policy.recovery.onTimeWindowDays;
/** Days past due at which an account is frozen. */
export const FREEZE_AFTER_DAYS = policy.freezeAfterDaysPastDue;
/** Days past due at which a review of the account is triggered. */
export const REVIEW_AFTER_DAYS = policy.triggeredReview.maxDaysPastDue;

export { TERMS };
export type Term = ScoringTerm;
export type PlanQuote = ScoringPlanQuote;
export type PayoffLine = ScoringPayoffLine;

/** What an interest-free coupon gives: the fees of its first periods, on some terms. */
export interface CouponTerms {
  freePeriods: number;
  terms: readonly Term[];
}

/** A stored grade, or the middle grade when the account has not been scored yet. */
const gradeOr = (g: string | null | undefined, dflt: Grade = 'C'): Grade =>
  (GRADES as readonly string[]).includes(g ?? '') ? (g as Grade) : dflt;

/** At or above this amount a purchase waits for a supervisor (policy). */
export const REVIEW_THRESHOLD_FEN = policy.manualReviewThresholdFen;

/** At or above the policy threshold a purchase waits for a supervisor. */
export function purchaseNeedsReview(amountFen: number): boolean {
  return needsManualReview(amountFen, policy);
}

/** Every term for a principal (see `quoteInstallments` in @creditline/scoring). */
export function quotePlans(
  principalFen: number,
  grade: string | null | undefined,
  firstDueDate: Date,
  coupon?: CouponTerms | null,
): PlanQuote[] {
  // Coupons are issued objects now (modules/coupons), not the policy's global codes: the
  // library prices a coupon it finds by code, so it is given this one under a private code.
  return quoteInstallments(
    { principalFen, grade: gradeOr(grade), firstDueDate, coupon: coupon ? ISSUED : null },
    coupon ? { ...policy, coupons: { [ISSUED]: { ...coupon, terms: [...coupon.terms] } } } : policy,
  );
}
const ISSUED = '__issued_coupon__';

/** The first due date for a plan started on `from`: 30 days for DEFERRED_30, else one month. */
export function firstDueDateFor(term: Term, from: Date): Date {
  return scoringFirstDueDate(term, from);
}

/** Late fee for a line (cumulative for its days past due, capped by policy). */
export function lateFeeFor(overdueFen: number, daysPastDue: number): number {
  return lateFeeFen(overdueFen, daysPastDue, policy);
}

/**
 * Whether a period has begun on `asOf`: a period begins one calendar month before its due date
 * (the same test as the payoff quote's, so repayment and payoff agree on which fees are waived).
 */
export function periodBegun(dueDate: string, asOf: Date): boolean {
  return addMonthsClamped(new Date(`${dueDate}T00:00:00Z`), -1).getTime() <= asOf.getTime();
}

/** Early repayment: remaining principal, late fees and begun periods' fees; later fees waived. */
export function payoffFor(lines: PayoffLine[], asOf: Date): ReturnType<typeof payoffQuote> {
  return payoffQuote(lines, asOf, policy);
}

export type RecoveryOutcome = 'APPROVE' | 'NEED_DOCUMENTS' | 'ROUTE_TO_SUPERVISOR' | 'REJECT';
export interface RecoveryFacts {
  type: 'UNFREEZE' | 'RESTORE_REDUCTION' | 'INCREASE';
  score: number | null;
  grade: string | null;
  probabilityOfDefault: number | null;
  currentLimitFen: number;
  previousLimitFen: number;
  requestedLimitFen: number | null;
  maxDaysPastDue: number;
  overdueFen: number;
  documentsCount: number;
  incomeBand: string;
  /** Ever written off on the account (write-offs): such a request always goes to a supervisor. */
  writtenOffFen?: number;
}
export interface RecoveryReview {
  outcome: RecoveryOutcome;
  reasons: string[];
  targetLimitFen: number;
  stages: { seq: number; amountFen: number; onTimeRepaymentsRequired: number }[];
}

/**
 * The automatic review of a recovery request (`evaluateRecovery`). An account not scored yet is
 * treated as the middle grade for the target and as unknown risk (PD 1): never approved
 * automatically, always left to a supervisor (after the overdue and document rules).
 */
export function reviewRecovery(f: RecoveryFacts): RecoveryReview {
  const band = (['LOW', 'MID', 'HIGH', 'VERY_HIGH'] as const).includes(f.incomeBand as IncomeBand)
    ? (f.incomeBand as IncomeBand)
    : 'LOW';
  return evaluateRecovery(
    {
      type: f.type,
      score: f.score ?? 0,
      grade: gradeOr(f.grade),
      probabilityOfDefault: f.probabilityOfDefault ?? 1,
      currentLimitFen: f.currentLimitFen,
      previousLimitFen: f.previousLimitFen,
      requestedLimitFen: f.requestedLimitFen,
      maxDaysPastDue: f.maxDaysPastDue,
      overdueFen: f.overdueFen,
      documentsCount: f.documentsCount,
      incomeBand: band,
      writtenOffFen: f.writtenOffFen ?? 0,
    },
    policy,
  );
}

/** Stages for restoring `gainFen` (part now, the rest after on-time repayments), by policy. */
export function stagesFor(gainFen: number): RecoveryReview['stages'] {
  return restorationStages(gainFen, policy);
}

/** The revolving upgrade's policy (seed 004), from the same policy as everything else. */
export const REVOLVING_POLICY = policy.revolving;
/** Eligibility, minimum payment, interest, late fee, points and dates of the revolving line. */
export const revolving = {
  eligibility: (facts: RevolvingFacts) => revolvingEligibility(facts, REVOLVING_POLICY),
  minimumPaymentFen: (balanceFen: number, cycleChargesFen: number) =>
    minimumPaymentFen(balanceFen, cycleChargesFen, REVOLVING_POLICY),
  interestFen: (unpaidFen: number, days: number) =>
    revolvingInterestFen(unpaidFen, days, REVOLVING_POLICY),
  lateFeeFen: (unpaidMinimumFen: number) => revolvingLateFeeFen(unpaidMinimumFen, REVOLVING_POLICY),
  pointsEarned: (netSpentFen: number) => pointsEarned(netSpentFen, REVOLVING_POLICY),
  pointsApplied,
  aprBp: () => revolvingAprBp(REVOLVING_POLICY),
  allocate: allocateRevolvingPayment,
  statementBalanceFen,
  nextStatementDate,
  addDaysIso,
  daysBetweenIso,
};
