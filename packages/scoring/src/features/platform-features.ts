import type { FeatureRecord } from '../model/types.js';
import type { IncomeBand } from '../policy/policy.js';

/** One order on the platform. `status` is the order's status as known at the review date. */
export interface BehaviourOrder {
  placedAt: Date;
  amountFen: number;
  category: string;
  status: 'PENDING' | 'DELIVERED' | 'RETURNED' | 'CANCELLED';
}
/** One bill of the credit line: due amount and date, what was paid and when. */
export interface BehaviourRepayment {
  dueDate: Date;
  amountDueFen: number;
  amountPaidFen: number;
  paidAt: Date | null;
  /** Days past due as recorded; features recompute it from the dates as of the review date. */
  daysPastDue: number;
}
/** Credit-bureau summary (征信) at `reportedAt`. */
export interface BureauSummary {
  reportedAt: Date;
  bureauScore: number;
  inquiries3m: number;
  inquiries6m: number;
  otherDebtFen: number;
  pastDefaults: number;
}

/** Everything the platform knows about a customer that a score may be built from. */
export interface CustomerBehaviour {
  registeredAt: Date;
  verification: { realName: boolean; phoneBound: boolean; bankCardBound: boolean };
  incomeBand: IncomeBand;
  orders: BehaviourOrder[];
  reviews: { createdAt: Date; rating: number }[];
  repayments: BehaviourRepayment[];
  bureau: BureauSummary | null;
  /** The credit account as of the review date (a snapshot: it carries no history). */
  account?: { baseLimitFen: number; usedFen: number; openedAt: Date };
}

/** Direction of default risk as a feature's value grows (for monotonic binning). */
export type RiskDirection = 'increasing' | 'decreasing' | 'none';

/** A platform feature: its name, kind, monotonic risk direction and whether a customer can act on it. */
export interface PlatformFeature {
  readonly name: string;
  readonly kind: 'numeric' | 'categorical';
  readonly monotonic: RiskDirection;
  /**
   * True when we may coach the customer to change it (used by `limitImprovements`). Spending and
   * review counts are not: telling customers to shop more or write reviews for a higher limit is
   * irresponsible lending and invites gaming.
   */
  readonly actionable: boolean;
}

/** The platform features computed by {@link platformFeatures}, in model order. */
export const PLATFORM_FEATURES: readonly PlatformFeature[] = [
  { name: 'worstDaysPastDue6m', kind: 'numeric', monotonic: 'increasing', actionable: true },
  { name: 'worstDaysPastDue12m', kind: 'numeric', monotonic: 'increasing', actionable: true },
  { name: 'lateCount12m', kind: 'numeric', monotonic: 'increasing', actionable: true },
  { name: 'onTimeRatio12m', kind: 'numeric', monotonic: 'decreasing', actionable: true },
  { name: 'paymentRatio', kind: 'numeric', monotonic: 'decreasing', actionable: true },
  { name: 'utilisation', kind: 'numeric', monotonic: 'increasing', actionable: true },
  { name: 'accountAgeMonths', kind: 'numeric', monotonic: 'decreasing', actionable: false },
  { name: 'orderCount12m', kind: 'numeric', monotonic: 'none', actionable: false },
  { name: 'orderAmount12m', kind: 'numeric', monotonic: 'none', actionable: false },
  { name: 'categoryCount12m', kind: 'numeric', monotonic: 'none', actionable: false },
  { name: 'returnRate12m', kind: 'numeric', monotonic: 'increasing', actionable: true },
  { name: 'deliveryRate12m', kind: 'numeric', monotonic: 'decreasing', actionable: true },
  { name: 'reviewCount', kind: 'numeric', monotonic: 'none', actionable: false },
  { name: 'reviewAvg', kind: 'numeric', monotonic: 'none', actionable: false },
  { name: 'bureauScore', kind: 'numeric', monotonic: 'decreasing', actionable: true },
  { name: 'inquiries3m', kind: 'numeric', monotonic: 'increasing', actionable: true },
  { name: 'inquiries6m', kind: 'numeric', monotonic: 'increasing', actionable: true },
  { name: 'debtToIncome', kind: 'numeric', monotonic: 'increasing', actionable: true },
  { name: 'pastDefaults', kind: 'numeric', monotonic: 'increasing', actionable: false },
  { name: 'verificationScore', kind: 'numeric', monotonic: 'decreasing', actionable: true },
];

/** Platform feature names, in model order. */
export const PLATFORM_FEATURE_NAMES: readonly string[] = PLATFORM_FEATURES.map((f) => f.name);

/** Annual income midpoint of each band, fen (¥36k, ¥96k, ¥240k, ¥600k a year): the denominator of `debtToIncome`. */
export const INCOME_BAND_MIDPOINT_FEN: Readonly<Record<IncomeBand, number>> = {
  LOW: 3_600_000,
  MID: 9_600_000,
  HIGH: 24_000_000,
  VERY_HIGH: 60_000_000,
};

const DAY = 86_400_000;

function monthsBack(asOf: Date, n: number): number {
  const d = new Date(asOf.getTime());
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.getTime();
}

/** Whole calendar months from `a` to `b` (a ≤ b): 2025-01-01 → 2026-11-01 is 22. */
function wholeMonthsBetween(a: Date, b: Date): number {
  const m = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  return Math.max(0, b.getUTCDate() < a.getUTCDate() ? m - 1 : m);
}

/**
 * Days past due of a bill as of `t`: if fully paid by `t`, the days between due date and payment;
 * otherwise the days from the due date to `t` (a bill paid after `t` is unpaid as of `t`).
 */
export function daysPastDueAsOf(r: BehaviourRepayment, t: number): number {
  const due = r.dueDate.getTime();
  const paidAt = r.paidAt ? r.paidAt.getTime() : Infinity;
  const paidFully = paidAt <= t && r.amountPaidFen >= r.amountDueFen;
  const end = paidFully ? paidAt : t;
  return end > due ? Math.floor((end - due) / DAY) : 0;
}

/**
 * The platform features of a customer as of `asOf`, with no look-ahead: orders, reviews, bills
 * due, payments and bureau reports after `asOf` are ignored, and a bill due before `asOf` but paid
 * after it counts as unpaid. Windows are calendar months back from `asOf` (a bill is in the 6-month
 * window when due in (asOf − 6 months, asOf]). Ratios with nothing to divide by are `null` (missing).
 */
export function platformFeatures(b: CustomerBehaviour, asOf: Date): FeatureRecord {
  const t = asOf.getTime();
  const t6 = monthsBack(asOf, 6);
  const t12 = monthsBack(asOf, 12);

  let worst6: number | null = null;
  let worst12: number | null = null;
  let late12 = 0;
  let count12 = 0;
  let due6 = 0;
  let paid6 = 0;
  for (const r of b.repayments) {
    const due = r.dueDate.getTime();
    if (due > t || due <= t12) continue;
    const dpd = daysPastDueAsOf(r, t);
    count12++;
    if (dpd > 0) late12++;
    worst12 = worst12 === null ? dpd : Math.max(worst12, dpd);
    if (due > t6) {
      worst6 = worst6 === null ? dpd : Math.max(worst6, dpd);
      due6 += r.amountDueFen;
      if (r.paidAt && r.paidAt.getTime() <= t) paid6 += r.amountPaidFen;
    }
  }

  let orderCount = 0;
  let orderAmount = 0;
  let delivered = 0;
  let returned = 0;
  const categories = new Set<string>();
  for (const o of b.orders) {
    const p = o.placedAt.getTime();
    if (p > t || p <= t12 || o.status === 'CANCELLED') continue;
    orderCount++;
    orderAmount += o.amountFen;
    categories.add(o.category);
    if (o.status === 'DELIVERED') delivered++;
    else if (o.status === 'RETURNED') returned++;
  }

  let reviewCount = 0;
  let ratingSum = 0;
  for (const r of b.reviews) {
    if (r.createdAt.getTime() > t) continue;
    reviewCount++;
    ratingSum += r.rating;
  }

  const bureau = b.bureau && b.bureau.reportedAt.getTime() <= t ? b.bureau : null;
  const acct = b.account;
  const opened =
    acct && acct.openedAt.getTime() <= t ? acct.openedAt.getTime() : b.registeredAt.getTime();
  const ageMonths = opened <= t ? wholeMonthsBetween(new Date(opened), asOf) : 0;
  let utilisation: number | null = null;
  if (acct && acct.openedAt.getTime() <= t)
    utilisation =
      acct.baseLimitFen > 0
        ? Math.min(2, Math.max(0, acct.usedFen / acct.baseLimitFen))
        : acct.usedFen > 0
          ? 2
          : null;

  const v = b.verification;
  return {
    worstDaysPastDue6m: worst6,
    worstDaysPastDue12m: worst12,
    lateCount12m: late12,
    onTimeRatio12m: count12 > 0 ? (count12 - late12) / count12 : null,
    paymentRatio: due6 > 0 ? Math.min(1, paid6 / due6) : null,
    utilisation,
    accountAgeMonths: ageMonths,
    orderCount12m: orderCount,
    orderAmount12m: orderAmount,
    categoryCount12m: categories.size,
    returnRate12m: delivered + returned > 0 ? returned / (delivered + returned) : null,
    deliveryRate12m: orderCount > 0 ? delivered / orderCount : null,
    reviewCount,
    reviewAvg: reviewCount > 0 ? ratingSum / reviewCount : null,
    bureauScore: bureau ? bureau.bureauScore : null,
    inquiries3m: bureau ? bureau.inquiries3m : null,
    inquiries6m: bureau ? bureau.inquiries6m : null,
    debtToIncome: bureau ? bureau.otherDebtFen / INCOME_BAND_MIDPOINT_FEN[b.incomeBand] : null,
    pastDefaults: bureau ? bureau.pastDefaults : null,
    verificationScore: (v.realName ? 1 : 0) + (v.phoneBound ? 1 : 0) + (v.bankCardBound ? 1 : 0),
  };
}
