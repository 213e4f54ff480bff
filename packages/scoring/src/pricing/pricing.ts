import { TERMS, type Grade, type LimitPolicy, type Term } from '../policy/policy.js';

export { TERMS, type Term };

/** Number of payments of each term. */
export const TERM_PERIODS: Readonly<Record<Term, number>> = {
  DEFERRED_30: 1,
  M3: 3,
  M6: 6,
  M9: 9,
  M12: 12,
  M24: 24,
};

/** One period of a schedule: its due date (`YYYY-MM-DD`, UTC), principal part and fee, in fen. */
export interface QuoteLine {
  seq: number;
  dueDate: string;
  principalFen: number;
  feeFen: number;
}

/** A priced installment plan for one term (shape shared with the API's `plans/pricing.ts`). */
export interface PlanQuote {
  term: Term;
  periods: number;
  feeRateBp: number;
  totalFeeFen: number;
  aprBp: number;
  couponApplied: boolean;
  schedule: QuoteLine[];
}

/** `fen × bp / 10000` rounded half up to the fen (inputs are non-negative integers). */
export const bpHalfUp = (fen: number, bp: number): number =>
  Math.floor((fen * bp + 5_000) / 10_000);

/** Add calendar months in UTC, clamping to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonthsClamped(d: Date, n: number): Date {
  const r = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  const last = new Date(Date.UTC(r.getUTCFullYear(), r.getUTCMonth() + 1, 0)).getUTCDate();
  r.setUTCDate(Math.min(d.getUTCDate(), last));
  return r;
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** The fee rate per period (bp of the original principal) of a grade and term; DEFERRED_30 is always 0. */
export function feeRateBpFor(grade: Grade, term: Term, policy: LimitPolicy): number {
  return term === 'DEFERRED_30' ? 0 : policy.feeRateBp[grade][term];
}

/** The first due date of a plan started on `from`: 30 days later for DEFERRED_30, else one calendar month. */
export function firstDueDateFor(term: Term, from: Date): Date {
  return term === 'DEFERRED_30'
    ? new Date(from.getTime() + 30 * 86_400_000)
    : addMonthsClamped(from, 1);
}

/**
 * A schedule of `periods` monthly lines from `firstDueDate`. Principal rule: every part is
 * ⌊principal / periods⌋ and the remainder fen go one each to the FIRST periods, so the parts add
 * up exactly and differ by at most 1 fen. Fee per period = principal × rate, rounded half up to
 * the fen (flat fee on the original principal); the first `freeFeePeriods` periods carry no fee.
 */
export function buildSchedule(input: {
  principalFen: number;
  periods: number;
  feeRateBp: number;
  firstDueDate: Date;
  freeFeePeriods?: number;
}): QuoteLine[] {
  const { principalFen, periods, feeRateBp, firstDueDate } = input;
  if (!Number.isSafeInteger(principalFen) || principalFen < 0)
    throw new RangeError(`principalFen must be a non-negative integer, got ${principalFen}`);
  if (!Number.isInteger(periods) || periods < 1)
    throw new RangeError(`periods must be a positive integer, got ${periods}`);
  const base = Math.floor(principalFen / periods);
  const rem = principalFen - base * periods;
  const fee = bpHalfUp(principalFen, feeRateBp);
  const free = input.freeFeePeriods ?? 0;
  const lines: QuoteLine[] = [];
  for (let i = 0; i < periods; i++) {
    lines.push({
      seq: i + 1,
      dueDate: isoDate(addMonthsClamped(firstDueDate, i)),
      principalFen: base + (i < rem ? 1 : 0),
      feeFen: i < free ? 0 : fee,
    });
  }
  return lines;
}

/**
 * Annualised rate in bp by IRR (PBOC 2021: the annualised rate is the headline figure): the
 * per-period rate r solving Σ payment_i / (1+r)^i = principal (payment i at the end of period i),
 * times `periodsPerYear` (nominal annual rate, as lenders disclose it), rounded to the bp.
 * 0 when the payments do not exceed the principal.
 */
export function annualizedRateBp(
  principalFen: number,
  payments: readonly number[],
  periodsPerYear: number,
): number {
  const npv = (r: number) => {
    let s = 0;
    let f = 1;
    for (const p of payments) {
      f /= 1 + r;
      s += p * f;
    }
    return s - principalFen;
  };
  if (principalFen <= 0 || npv(0) <= 0) return 0;
  let lo = 0;
  let hi = 1;
  while (npv(hi) > 0 && hi < 1e6) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-15; i++) {
    const mid = (lo + hi) / 2;
    if (npv(mid) > 0) lo = mid;
    else hi = mid;
  }
  return Math.round(((lo + hi) / 2) * periodsPerYear * 10_000);
}

/**
 * Quotes for every term: DEFERRED_30 is one payment at `firstDueDate` with no fee; monthly terms
 * use the policy's fee rate for the grade (see {@link buildSchedule}). A coupon (policy.coupons)
 * waives the fee of its first `freePeriods` periods on the terms it names; unknown codes are ignored.
 */
export function quoteInstallments(
  input: { principalFen: number; grade: Grade; firstDueDate: Date; coupon?: string | null },
  policy: LimitPolicy,
): PlanQuote[] {
  const coupon = input.coupon ? policy.coupons[input.coupon] : undefined;
  return TERMS.map((term) => {
    const periods = TERM_PERIODS[term];
    const feeRateBp = feeRateBpFor(input.grade, term, policy);
    const couponApplied = Boolean(coupon && term !== 'DEFERRED_30' && coupon.terms.includes(term));
    const schedule = buildSchedule({
      principalFen: input.principalFen,
      periods,
      feeRateBp,
      firstDueDate: input.firstDueDate,
      freeFeePeriods: couponApplied ? coupon!.freePeriods : 0,
    });
    const totalFeeFen = schedule.reduce((s, l) => s + l.feeFen, 0);
    const aprBp = annualizedRateBp(
      input.principalFen,
      schedule.map((l) => l.principalFen + l.feeFen),
      12,
    );
    return { term, periods, feeRateBp, totalFeeFen, aprBp, couponApplied, schedule };
  });
}

/**
 * Late fee in fen: overdue × `lateFeeBpPerDay` × days past due, capped at overdue × `lateFeeCapBp`,
 * each rounded half up to the fen; 0 when nothing is overdue.
 */
export function lateFeeFen(overdueFen: number, daysPastDue: number, policy: LimitPolicy): number {
  if (overdueFen <= 0 || daysPastDue <= 0) return 0;
  return Math.min(
    bpHalfUp(overdueFen, policy.lateFeeBpPerDay * Math.floor(daysPastDue)),
    bpHalfUp(overdueFen, policy.lateFeeCapBp),
  );
}

/** A schedule line as stored, with what has been paid of it (for an early-repayment quote). */
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

/** What repaying a plan in full on a date costs. */
export interface PayoffQuote {
  totalFen: number;
  principalFen: number;
  feeFen: number;
  lateFeeFen: number;
  waivedFeeFen: number;
  waivedByLine: Record<string, number>;
}

/**
 * Early repayment rule: the customer pays all remaining principal, every unpaid late fee and the
 * unpaid fee of each period already begun (a period begins one calendar month before its due
 * date); the fees of periods not yet begun are waived. `policy` is taken so the rule can become a
 * policy value without changing callers.
 */
export function payoffQuote(
  lines: readonly PayoffLine[],
  asOf: Date,
  policy: LimitPolicy,
): PayoffQuote {
  void policy;
  let principalFen = 0;
  let feeFen = 0;
  let lateFee = 0;
  let waivedFeeFen = 0;
  const waivedByLine: Record<string, number> = {};
  for (const l of lines) {
    principalFen += Math.max(0, l.principalFen - l.paidPrincipalFen);
    lateFee += Math.max(0, l.lateFeeFen - l.paidLateFeeFen);
    const begun =
      addMonthsClamped(new Date(`${l.dueDate}T00:00:00Z`), -1).getTime() <= asOf.getTime();
    const unpaidFee = Math.max(0, l.feeFen - l.paidFeeFen);
    if (begun) feeFen += unpaidFee;
    else if (unpaidFee > 0) {
      waivedFeeFen += unpaidFee;
      waivedByLine[l.id] = unpaidFee;
    }
  }
  return {
    totalFen: principalFen + feeFen + lateFee,
    principalFen,
    feeFen,
    lateFeeFen: lateFee,
    waivedFeeFen,
    waivedByLine,
  };
}
