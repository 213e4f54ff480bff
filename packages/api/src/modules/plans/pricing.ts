/**
 * The one place the money modules call @creditline/scoring for policy and prices, so the rest
 * of the API depends on these few functions and not on the library's exact shapes.
 */
/** ¥50,000: the per-customer limit cap (DESIGN.md: a policy value); no purchase can exceed it either. */
export const LIMIT_CAP_FEN = 5_000_000;
export const MAX_PURCHASE_FEN = LIMIT_CAP_FEN;
export const REVIEW_THRESHOLD_FEN = 2_000_000;
/** Days past due at which an account is frozen. */
export const FREEZE_AFTER_DAYS = 30;
/** Days past due at which a review of the account is triggered. */
export const REVIEW_AFTER_DAYS = 15;

export const TERMS = ['DEFERRED_30', 'M3', 'M6', 'M9', 'M12', 'M24'] as const;
export type Term = (typeof TERMS)[number];

export interface QuoteLine {
  seq: number;
  dueDate: string; // YYYY-MM-DD
  principalFen: number;
  feeFen: number;
}
export interface PlanQuote {
  term: Term;
  periods: number;
  feeRateBp: number;
  totalFeeFen: number;
  aprBp: number;
  couponApplied: boolean;
  schedule: QuoteLine[];
}

/** Above the policy threshold a purchase waits for a supervisor. */
export function purchaseNeedsReview(amountFen: number): boolean {
  return amountFen >= REVIEW_THRESHOLD_FEN;
}

const PERIODS: Record<Term, number> = { DEFERRED_30: 1, M3: 3, M6: 6, M9: 9, M12: 12, M24: 24 };
const RATE_BP: Record<string, number> = { A: 50, B: 60, C: 75, D: 90, E: 110 };

/** Known coupons: an interest-free coupon waives the fee of every period. */
export const COUPONS: Record<string, { freePeriods: number; terms: readonly Term[] }> = {
  FREE3: { freePeriods: 3, terms: ['M3'] },
  FREE6: { freePeriods: 6, terms: ['M3', 'M6'] },
  FREE12: { freePeriods: 12, terms: ['M3', 'M6', 'M9', 'M12'] },
};

function addMonths(d: Date, n: number): Date {
  const r = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  const last = new Date(Date.UTC(r.getUTCFullYear(), r.getUTCMonth() + 1, 0)).getUTCDate();
  r.setUTCDate(Math.min(d.getUTCDate(), last));
  return r;
}
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** APR in basis points by IRR of the monthly cash flows (bisection; exact enough for disclosure). */
function aprBpOf(principalFen: number, schedule: QuoteLine[], periodsPerYear: number): number {
  const pay = schedule.map((l) => l.principalFen + l.feeFen);
  const npv = (r: number) => pay.reduce((s, p, i) => s + p / (1 + r) ** (i + 1), 0) - principalFen;
  if (npv(0) <= 0) return 0;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (npv(mid) > 0) lo = mid;
    else hi = mid;
  }
  return Math.round(lo * periodsPerYear * 10_000);
}

/**
 * Every term for a principal: fee per period = principal × rate (rounded half up to the fen),
 * principal split evenly with the remainder fen on the first periods, so parts add up exactly.
 */
export function quotePlans(principalFen: number, grade: string | null | undefined, firstDueDate: Date, couponCode?: string | null): PlanQuote[] {
  const coupon = couponCode ? COUPONS[couponCode] : undefined;
  return TERMS.map((term) => {
    const periods = PERIODS[term];
    const rateBp = term === 'DEFERRED_30' ? 0 : (RATE_BP[grade ?? 'C'] ?? RATE_BP.C!);
    const base = Math.floor(principalFen / periods);
    const rem = principalFen - base * periods;
    const couponApplied = Boolean(coupon && coupon.terms.includes(term));
    const schedule: QuoteLine[] = [];
    for (let i = 0; i < periods; i++) {
      const fee = couponApplied && i < coupon!.freePeriods ? 0 : Math.floor((principalFen * rateBp + 5_000) / 10_000);
      schedule.push({ seq: i + 1, dueDate: isoDate(term === 'DEFERRED_30' ? firstDueDate : addMonths(firstDueDate, i)), principalFen: base + (i < rem ? 1 : 0), feeFen: fee });
    }
    const totalFeeFen = schedule.reduce((s, l) => s + l.feeFen, 0);
    return { term, periods, feeRateBp: rateBp, totalFeeFen, aprBp: aprBpOf(principalFen, schedule, 12), couponApplied, schedule };
  });
}

/** The first due date for a plan started on `from`: 30 days for DEFERRED_30, else one month. */
export function firstDueDateFor(term: Term, from: Date): Date {
  return term === 'DEFERRED_30' ? new Date(from.getTime() + 30 * 86_400_000) : addMonths(from, 1);
}

/** Late fee for a line: 0.05 % of the overdue amount per day past due, rounded half up. */
export function lateFeeFor(overdueFen: number, daysPastDue: number): number {
  if (overdueFen <= 0 || daysPastDue <= 0) return 0;
  return Math.floor((overdueFen * 5 * daysPastDue + 5_000) / 10_000);
}

export interface PayoffLine {
  id: string;
  dueDate: string;
  principalFen: number;
  feeFen: number;
  lateFeeFen: number;
  paidPrincipalFen: number;
  paidFeeFen: number;
  paidLateFeeFen: number;
}

/**
 * Early repayment: all remaining principal, unpaid late fees, and the fee of periods already
 * begun (a period begins a month before its due date); fees of periods not begun are waived.
 */
export function payoffFor(lines: PayoffLine[], asOf: Date): { totalFen: number; principalFen: number; feeFen: number; lateFeeFen: number; waivedFeeFen: number; waivedByLine: Record<string, number> } {
  let principalFen = 0;
  let feeFen = 0;
  let lateFeeFen = 0;
  let waivedFeeFen = 0;
  const waivedByLine: Record<string, number> = {};
  for (const l of lines) {
    principalFen += l.principalFen - l.paidPrincipalFen;
    lateFeeFen += l.lateFeeFen - l.paidLateFeeFen;
    const begun = addMonths(new Date(`${l.dueDate}T00:00:00Z`), -1).getTime() <= asOf.getTime();
    const unpaidFee = l.feeFen - l.paidFeeFen;
    if (begun) feeFen += unpaidFee;
    else if (unpaidFee > 0) {
      waivedFeeFen += unpaidFee;
      waivedByLine[l.id] = unpaidFee;
    }
  }
  return { totalFen: principalFen + feeFen + lateFeeFen, principalFen, feeFen, lateFeeFen, waivedFeeFen, waivedByLine };
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
}
export interface RecoveryReview {
  outcome: RecoveryOutcome;
  reasons: string[];
  targetLimitFen: number;
  stages: { seq: number; amountFen: number; onTimeRepaymentsRequired: number }[];
}

/** Automatic review of a recovery request (interim rules until the scoring package's evaluateRecovery is wired). */
export function reviewRecovery(f: RecoveryFacts): RecoveryReview {
  const reasons: string[] = [];
  const target = f.type === 'INCREASE' ? Math.min(f.requestedLimitFen ?? Math.round(f.currentLimitFen * 1.2), LIMIT_CAP_FEN) : Math.max(f.previousLimitFen, f.currentLimitFen);
  const gain = Math.max(0, target - f.currentLimitFen);
  const stages = gain > 0 ? [{ seq: 1, amountFen: Math.floor(gain / 2), onTimeRepaymentsRequired: 0 }, { seq: 2, amountFen: gain - Math.floor(gain / 2), onTimeRepaymentsRequired: 2 }] : [];
  if (f.overdueFen > 0 || f.maxDaysPastDue > 90) {
    reasons.push(f.overdueFen > 0 ? 'STILL_OVERDUE' : 'SEVERE_DELINQUENCY_HISTORY');
    return { outcome: 'REJECT', reasons, targetLimitFen: f.currentLimitFen, stages: [] };
  }
  if (f.type === 'INCREASE' && f.documentsCount === 0) return { outcome: 'NEED_DOCUMENTS', reasons: ['INCOME_PROOF_REQUIRED'], targetLimitFen: target, stages };
  if ((f.probabilityOfDefault ?? 0.5) > 0.2 || f.grade === 'E') return { outcome: 'ROUTE_TO_SUPERVISOR', reasons: ['HIGH_RISK_GRADE'], targetLimitFen: target, stages };
  return { outcome: 'APPROVE', reasons: ['GOOD_STANDING'], targetLimitFen: target, stages };
}
