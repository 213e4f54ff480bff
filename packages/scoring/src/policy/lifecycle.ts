import { decideInitialLimit } from './limits.js';
import type { Grade, IncomeBand, LimitPolicy } from './policy.js';

/** Reason codes of account-lifecycle decisions (applications, closing, risk alerts, promotions, category limits). */
export const LIFECYCLE_REASON_CODES = [
  'APPLICATION_APPROVED',
  'APPLICATION_GRADE',
  'APPLICATION_HIGH_PD',
  'APPLICATION_NOT_VERIFIED',
  'APPLICATION_DELINQUENT',
  'APPLICATION_BUREAU_DEFAULTS',
  'ACCOUNT_CLOSED_ON_REQUEST',
  'RISK_ALERT_FRAUD_SUSPECTED',
  'RISK_ALERT_ACCOUNT_TAKEOVER',
  'RISK_ALERT_IDENTITY_MISMATCH',
  'RISK_ALERT_BUREAU_DEFAULT',
  'RISK_ALERT_CLEARED',
  'OVERDUE_REPAID',
  'RECOVERY_UNFREEZE',
  'MANUAL_FREEZE',
  'MANUAL_UNFREEZE',
  'PROMOTION_GRANTED',
  'PROMOTION_CHANGED',
  'PROMOTION_CANCELLED',
  'CATEGORY_LIMIT_SET',
  'CATEGORY_LIMIT_REMOVED',
] as const;
/** A reason code of an account-lifecycle decision. */
export type LifecycleReasonCode = (typeof LIFECYCLE_REASON_CODES)[number];

/** Reason codes a risk admin (or a rule) may give a risk-alert freeze. */
export const RISK_ALERT_CODES = [
  'RISK_ALERT_FRAUD_SUSPECTED',
  'RISK_ALERT_ACCOUNT_TAKEOVER',
  'RISK_ALERT_IDENTITY_MISMATCH',
  'RISK_ALERT_BUREAU_DEFAULT',
] as const;
/** A risk-alert reason code. */
export type RiskAlertCode = (typeof RISK_ALERT_CODES)[number];

/** What an application for a credit line is decided on: the score of the data we hold, and the hard facts. */
export interface ApplicationInput {
  score: number;
  grade: Grade;
  probabilityOfDefault: number;
  incomeBand: IncomeBand;
  realNameVerified: boolean;
  /** Worst days past due in the last 12 months (our history and the live schedule). */
  maxDaysPastDue: number;
  /** Past defaults at the bureau (0 when there is no report). */
  pastDefaults: number;
}

/** An application's outcome: approved with an initial limit, or declined; the reasons either way. */
export interface ApplicationDecision {
  approved: boolean;
  /** The initial base limit (0 when declined), whole ¥100. */
  limitFen: number;
  reasons: string[];
}

/**
 * Decide an application: declined for every hard rule that fails (all are listed, so the customer
 * learns everything to fix at once), else approved with {@link decideInitialLimit}'s low initial
 * limit (the grade's initial limit, never above its grade × income target nor the cap).
 */
export function decideApplication(
  input: ApplicationInput,
  policy: LimitPolicy,
): ApplicationDecision {
  const a = policy.application;
  const declines: string[] = [];
  if (a.requireRealName && !input.realNameVerified) declines.push('APPLICATION_NOT_VERIFIED');
  if (input.maxDaysPastDue > a.declineAboveDaysPastDue) declines.push('APPLICATION_DELINQUENT');
  if (input.pastDefaults >= a.declinePastDefaults) declines.push('APPLICATION_BUREAU_DEFAULTS');
  if (a.declineGrades.includes(input.grade)) declines.push('APPLICATION_GRADE');
  if (input.probabilityOfDefault > a.declineAbovePd) declines.push('APPLICATION_HIGH_PD');
  if (declines.length > 0) return { approved: false, limitFen: 0, reasons: declines };
  const p = decideInitialLimit(input, policy);
  if (p.limitFen <= 0) return { approved: false, limitFen: 0, reasons: ['APPLICATION_GRADE'] };
  return { approved: true, limitFen: p.limitFen, reasons: ['APPLICATION_APPROVED', ...p.reasons] };
}

/** The smallest and largest initial limit the policy can give (whole ¥100). */
export function initialLimitBounds(policy: LimitPolicy): { minFen: number; maxFen: number } {
  const v = Object.values(policy.initialLimitFen).filter((x) => x > 0);
  return { minFen: Math.min(...v), maxFen: Math.min(policy.capFen, Math.max(...v)) };
}

/**
 * Features that are evidence about the customer, not a reflection of the account itself or of
 * the calendar: utilisation rises when a limit is cut, and account age grows by itself, so
 * neither may count as "new data" that justifies another cut.
 */
const NOT_EVIDENCE = new Set(['utilisation', 'accountAgeMonths']);

/** Whether two feature sets carry the same evidence (every feature but utilisation and account age equal). */
export function sameReviewEvidence(
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    if (NOT_EVIDENCE.has(k)) continue;
    const x = a[k] ?? null;
    const y = b[k] ?? null;
    if (typeof x === 'number' && typeof y === 'number' ? Math.abs(x - y) > 1e-9 : x !== y)
      return false;
  }
  return true;
}

/** The previous review an account had, as the cooldown needs it. */
export interface PreviousReview {
  at: Date;
  /** Whether that review lowered the base limit. */
  decreased: boolean;
  /** Whether its evidence equals the evidence now ({@link sameReviewEvidence}). */
  sameEvidence: boolean;
}

/**
 * The review cooldown for a triggered review: refused while the previous review is less than
 * `triggeredReview.cooldownDays` old and nothing new is known (same evidence); otherwise allowed,
 * but a decrease right after a decrease on the same evidence is not (`noDecrease`): the same
 * customer is never cut twice on the same data.
 */
export function reviewCooldown(
  previous: PreviousReview | null,
  asOf: Date,
  policy: LimitPolicy,
): { allowed: boolean; noDecrease: boolean; nextAt?: Date } {
  if (!previous) return { allowed: true, noDecrease: false };
  const nextAt = new Date(previous.at.getTime() + policy.triggeredReview.cooldownDays * 86_400_000);
  if (previous.sameEvidence && asOf < nextAt) return { allowed: false, noDecrease: true, nextAt };
  return { allowed: true, noDecrease: previous.sameEvidence && previous.decreased };
}
