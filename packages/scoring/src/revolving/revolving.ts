import type { Grade, LimitPolicy } from '../policy/policy.js';

/** The revolving section of a policy. */
export type RevolvingPolicy = LimitPolicy['revolving'];

/** What the eligibility rule looks at (facts from the platform's own records). */
export interface RevolvingFacts {
  /** The account's current grade (null: never scored — not eligible). */
  grade: Grade | null;
  /** Days since the account was opened. */
  tenureDays: number;
  /** Installments paid by their due date. */
  onTimeInstallments: number;
  /** The worst days past due the account ever had. */
  maxDaysPastDue: number;
  /** Only an ACTIVE account may be upgraded. */
  accountStatus: string;
}

/** Why a customer is not (yet) eligible for the revolving upgrade. */
export type RevolvingIneligibility =
  | 'ACCOUNT_NOT_ACTIVE'
  | 'GRADE_NOT_ELIGIBLE'
  | 'TENURE_TOO_SHORT'
  | 'TOO_FEW_ON_TIME_INSTALLMENTS'
  | 'PAST_DELINQUENCY';

/** Decide whether an account may be offered the revolving upgrade; every failed rule is listed. */
export function revolvingEligibility(
  facts: RevolvingFacts,
  policy: RevolvingPolicy,
): { eligible: boolean; reasons: RevolvingIneligibility[] } {
  const reasons: RevolvingIneligibility[] = [];
  if (facts.accountStatus !== 'ACTIVE') reasons.push('ACCOUNT_NOT_ACTIVE');
  if (!facts.grade || !policy.eligibleGrades.includes(facts.grade))
    reasons.push('GRADE_NOT_ELIGIBLE');
  if (facts.tenureDays < policy.minTenureDays) reasons.push('TENURE_TOO_SHORT');
  if (facts.onTimeInstallments < policy.minOnTimeInstallments)
    reasons.push('TOO_FEW_ON_TIME_INSTALLMENTS');
  if (facts.maxDaysPastDue > policy.maxPastDaysPastDue) reasons.push('PAST_DELINQUENCY');
  return { eligible: reasons.length === 0, reasons };
}

/** `round_half_up(a × b / c)` for non-negative safe integers, without floats. */
function mulDivHalfUp(a: number, b: number, c: number): number {
  const r = (BigInt(a) * BigInt(b) * 2n + BigInt(c)) / (2n * BigInt(c));
  return Number(r);
}

/**
 * The minimum payment of a statement: `share × (balance − cycle interest − cycle fees)`, rounded
 * half up to the fen, plus the cycle's interest and fees; at least the floor; never more than the
 * balance (0 for a balance of 0 or less).
 */
export function minimumPaymentFen(
  balanceFen: number,
  cycleChargesFen: number,
  policy: RevolvingPolicy,
): number {
  if (balanceFen <= 0) return 0;
  const charges = Math.min(Math.max(cycleChargesFen, 0), balanceFen);
  const share = mulDivHalfUp(balanceFen - charges, policy.minimumPaymentShareBp, 10_000);
  return Math.min(balanceFen, Math.max(policy.minimumPaymentFloorFen, share + charges));
}

/**
 * Revolving interest for `days` days on `unpaidFen`: `unpaid × dailyPpm × days / 1,000,000`,
 * rounded half up to the fen once for the span (the caller charges each span once).
 */
export function revolvingInterestFen(
  unpaidFen: number,
  days: number,
  policy: RevolvingPolicy,
): number {
  if (unpaidFen <= 0 || days <= 0) return 0;
  return mulDivHalfUp(unpaidFen * days, policy.dailyInterestPpm, 1_000_000);
}

/** The annualised revolving rate in basis points: daily rate × 365 (simple, as disclosed on installments' APR). */
export function revolvingAprBp(policy: RevolvingPolicy): number {
  return mulDivHalfUp(policy.dailyInterestPpm, 365, 100);
}

/** Late fee for a minimum not paid by the due date: bp of the unpaid minimum, half up. */
export function revolvingLateFeeFen(unpaidMinimumFen: number, policy: RevolvingPolicy): number {
  return unpaidMinimumFen <= 0 ? 0 : mulDivHalfUp(unpaidMinimumFen, policy.lateFeeBp, 10_000);
}

/**
 * Points a cycle earns: `floor(net spend / ¥1) × points per yuan`, net spend = card purchases −
 * every card refund of the cycle (whatever the refund became). Negative when the cycle refunded
 * more than it bought: it takes points back (rounded toward −∞, so Σ over cycles never exceeds the
 * points of the whole net spend — splitting a refund over cycles cannot keep a point; a take-back
 * of part of a yuan costs a whole point, at most one per cycle beyond exact).
 */
export function pointsEarned(netSpentFen: number, policy: RevolvingPolicy): number {
  return Math.floor(netSpentFen / 100) * policy.pointsPerYuan;
}

/** What a cycle changes the points balance by: its points, a take-back only down to 0 points. */
export function pointsApplied(balancePoints: number, cyclePoints: number): number {
  return Math.max(cyclePoints, 0 - Math.max(0, balancePoints));
}

/** What the revolving balance owes, by part. */
export interface RevolvingOwed {
  feesFen: number;
  interestFen: number;
  principalFen: number;
}

/** How a revolving payment is applied: fees, then interest, then principal; the rest is left over. */
export function allocateRevolvingPayment(
  amountFen: number,
  owed: RevolvingOwed,
): RevolvingOwed & { unappliedFen: number } {
  let left = Math.max(0, amountFen);
  const take = (x: number) => {
    const t = Math.min(left, Math.max(0, x));
    left -= t;
    return t;
  };
  const feesFen = take(owed.feesFen);
  const interestFen = take(owed.interestFen);
  const principalFen = take(owed.principalFen);
  return { feesFen, interestFen, principalFen, unappliedFen: left };
}

/** The statement identity: previous − payments + purchases + interest + fees − refunds − points redeemed − waived. */
export function statementBalanceFen(s: {
  previousBalanceFen: number;
  paymentsFen: number;
  purchasesFen: number;
  interestFen: number;
  feesFen: number;
  refundsFen: number;
  pointsRedeemedFen: number;
  /** Interest and fees waived, and what was written off, in the cycle. */
  waivedFen?: number;
}): number {
  return (
    s.previousBalanceFen -
    s.paymentsFen +
    s.purchasesFen +
    s.interestFen +
    s.feesFen -
    s.refundsFen -
    s.pointsRedeemedFen -
    (s.waivedFen ?? 0)
  );
}

/** The next statement date strictly after `afterIso` (YYYY-MM-DD) on `statementDay` (1–28). */
export function nextStatementDate(afterIso: string, statementDay: number): string {
  const [y, m, d] = afterIso.split('-').map(Number) as [number, number, number];
  const month = d < statementDay ? m - 1 : m; // 0-based month of the candidate
  const t = new Date(Date.UTC(y, month, statementDay));
  return t.toISOString().slice(0, 10);
}

/** `iso` plus `days` days (YYYY-MM-DD, UTC calendar). */
export function addDaysIso(iso: string, days: number): string {
  const t = new Date(`${iso}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** Whole days from `fromIso` to `toIso` (negative when `to` is earlier). */
export function daysBetweenIso(fromIso: string, toIso: string): number {
  return Math.round(
    (Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000,
  );
}
