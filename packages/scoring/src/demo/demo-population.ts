import { addMonthsClamped } from '../pricing/pricing.js';
import { readCsv, toRecords } from '../model/csv.js';
import type {
  BehaviourOrder,
  BehaviourRepayment,
  CustomerBehaviour,
} from '../features/platform-features.js';
import { INCOME_BAND_MIDPOINT_FEN } from '../features/platform-features.js';
import type { IncomeBand } from '../policy/policy.js';

/** A small fast seeded PRNG (mulberry32): the same seed gives the same sequence in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Parse the credit-card-default CSV (header row, numeric cells) into rows of numbers. */
export function parseCardCsv(text: string): Record<string, number>[] {
  return toRecords(readCsv(text)).map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)])),
  );
}

/** NT$ → CNY fen (≈ 0.23 CNY per NT$), integer. */
const ntdToFen = (ntd: number) => Math.round(Math.max(0, ntd) * 23);
const DAY = 86_400_000;
const CATEGORIES = [
  'digital',
  'apparel',
  'groceries',
  'home',
  'beauty',
  'travel',
  'books',
  'sports',
];
const STATUS_KEYS = ['PAY_0', 'PAY_2', 'PAY_3', 'PAY_4', 'PAY_5', 'PAY_6'];

function gaussian(rng: () => number): number {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}
function poisson(rng: () => number, lambda: number): number {
  const l = Math.exp(-lambda);
  let k = 0;
  let p = rng();
  while (p > l && k < 50) {
    k++;
    p *= rng();
  }
  return k;
}
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * A synthetic platform customer from one row of the card data set, seeded by `rng`, as of `asOf`.
 * Monthly bills (due on the same day each month before `asOf`) follow the row: statuses PAY_0 (most
 * recent) … PAY_6 give each bill's days past due (status k ≥ 1 → paid about k months late, or still
 * unpaid if that is after `asOf`; ≤ 0 → on time), BILL_AMT/PAY_AMT give amounts (−1: the whole bill
 * is due; 0 and late: the installment actually paid, at least 10 % of the bill) (NT$ → CNY fen); history is extended to
 * 12–24 months by resampling the row's own months. Orders, returns, reviews, bureau data and
 * verification are drawn around a latent risk made of the row's delinquency and its outcome, so
 * they correlate with it without copying it. Label = the row's `default`.
 */
export function generateDemoBehaviour(
  cardRow: Record<string, number>,
  rng: () => number,
  asOf: Date,
): { behaviour: CustomerBehaviour; label: 0 | 1 } {
  const label: 0 | 1 = cardRow.default === 1 || cardRow['default payment next month'] === 1 ? 1 : 0;
  const statuses = STATUS_KEYS.map((k) => cardRow[k] ?? 0);
  const bills = [1, 2, 3, 4, 5, 6].map((j) => cardRow[`BILL_AMT${j}`] ?? 0);
  const pays = [1, 2, 3, 4, 5, 6].map((j) => cardRow[`PAY_AMT${j}`] ?? 0);
  const worstStatus = Math.max(...statuses);
  const risk =
    0.9 * label +
    0.35 * Math.max(0, statuses[0]!) +
    0.15 * Math.max(0, worstStatus) +
    0.7 * gaussian(rng);
  const pos = Math.max(0, risk);

  // history length and registration
  const months = 12 + Math.floor(rng() * 13);
  const registeredAt = new Date(
    addMonthsClamped(asOf, -(months + 1)).getTime() - Math.floor(rng() * 60) * DAY,
  );
  const openedAt = new Date(registeredAt.getTime() + Math.floor(rng() * 20) * DAY);

  const repayments: BehaviourRepayment[] = [];
  for (let i = 0; i < months; i++) {
    // months 0..5 are the row's own; older months resample the row's pattern
    const src = i < 6 ? i : Math.floor(rng() * 6);
    const status = statuses[src]!;
    const billNtd = bills[src]! * (i < 6 ? 1 : 0.8 + 0.4 * rng());
    if (status === -2 && billNtd <= 0) continue; // no consumption, no bill
    const billFen = ntdToFen(billNtd);
    if (billFen <= 0) continue;
    const dueDate = addMonthsClamped(asOf, -(i + 1));
    const payFen = ntdToFen(src > 0 ? pays[src - 1]! : pays[0]!);
    // paid duly (≤ −1): the whole bill is due; revolving (0) or late (≥ 1): the customer's chosen
    // installment (what they actually paid, at least 10 % of the bill) is due
    const amountDueFen = status <= -1 ? billFen : clamp(payFen, Math.ceil(billFen / 10), billFen);
    const dpd = status >= 1 ? 30 * status - Math.floor(rng() * 25) : 0;
    const paidAtMs = dueDate.getTime() + dpd * DAY - (dpd === 0 ? Math.floor(rng() * 5) * DAY : 0);
    const paidAt = paidAtMs <= asOf.getTime() ? new Date(paidAtMs) : null;
    const amountPaidFen = paidAt ? amountDueFen : 0;
    repayments.push({ dueDate, amountDueFen, amountPaidFen, paidAt, daysPastDue: dpd });
  }

  // income band from the card limit, shifted by one band now and then
  const limitNtd = cardRow.LIMIT_BAL ?? 50_000;
  let band = limitNtd < 50_000 ? 0 : limitNtd < 150_000 ? 1 : limitNtd < 350_000 ? 2 : 3;
  const u = rng();
  if (u < 0.1) band = Math.max(0, band - 1);
  else if (u > 0.9) band = Math.min(3, band + 1);
  const incomeBand = (['LOW', 'MID', 'HIGH', 'VERY_HIGH'] as const)[band] as IncomeBand;

  const orders: BehaviourOrder[] = [];
  const orderCount = poisson(rng, 4 + 18 * rng());
  const returnP = clamp(0.04 + 0.06 * pos, 0, 0.6);
  const cancelP = clamp(0.03 + 0.04 * pos, 0, 0.5);
  const nCat = 1 + Math.floor(rng() * 6);
  for (let k = 0; k < orderCount; k++) {
    const placedAt = new Date(
      asOf.getTime() - Math.floor(rng() * 420) * DAY - Math.floor(rng() * DAY),
    );
    const v = rng();
    const status: BehaviourOrder['status'] =
      placedAt.getTime() > asOf.getTime() - 7 * DAY
        ? 'PENDING'
        : v < returnP
          ? 'RETURNED'
          : v < returnP + cancelP
            ? 'CANCELLED'
            : 'DELIVERED';
    orders.push({
      placedAt,
      amountFen: 1_000 + Math.floor(rng() * rng() * 300_000),
      category: CATEGORIES[Math.floor(rng() * nCat)]!,
      status,
    });
  }
  const reviews = orders
    .filter((o) => o.status === 'DELIVERED' && rng() < 0.35)
    .map((o) => ({
      createdAt: new Date(o.placedAt.getTime() + (3 + Math.floor(rng() * 10)) * DAY),
      rating: clamp(Math.round(4.4 - 0.3 * pos + gaussian(rng) * 0.8), 1, 5),
    }))
    .filter((r) => r.createdAt.getTime() <= asOf.getTime());

  const bureau =
    rng() < 0.08
      ? null
      : {
          reportedAt: new Date(asOf.getTime() - Math.floor(rng() * 30) * DAY),
          bureauScore: Math.round(clamp(700 - 45 * risk + 45 * gaussian(rng), 350, 950)),
          inquiries3m: poisson(rng, 0.5 + 0.7 * pos),
          inquiries6m: 0,
          otherDebtFen: Math.round(
            INCOME_BAND_MIDPOINT_FEN[incomeBand] * rng() * (0.1 + 0.35 * pos),
          ),
          pastDefaults: rng() < 0.02 + 0.06 * pos ? 1 + (rng() < 0.3 ? 1 : 0) : 0,
        };
  if (bureau) bureau.inquiries6m = bureau.inquiries3m + poisson(rng, 0.5 + 0.5 * pos);

  const baseLimitFen = Math.min(5_000_000, Math.floor(ntdToFen(limitNtd) / 10_000) * 10_000);
  const behaviour: CustomerBehaviour = {
    registeredAt,
    verification: {
      realName: rng() < 0.97,
      phoneBound: rng() < 0.95,
      bankCardBound: rng() < 0.92 - 0.1 * Math.min(1, pos),
    },
    incomeBand,
    orders,
    reviews,
    repayments,
    bureau,
    account: { baseLimitFen, usedFen: Math.min(ntdToFen(bills[0]!), baseLimitFen * 2), openedAt },
  };
  return { behaviour, label };
}
