import type { CompareOp, DerivedFeatureSpec } from './format.js';

/** Inputs a derived spec reads. */
export function derivedInputs(d: DerivedFeatureSpec): string[] {
  switch (d.kind) {
    case 'ratio':
      return [d.numerator, d.denominator];
    case 'diff':
    case 'cross':
      return [d.a, d.b];
    default:
      return d.columns;
  }
}

function compare(v: number, op: CompareOp, t: number): boolean {
  switch (op) {
    case '>':
      return v > t;
    case '>=':
      return v >= t;
    case '<':
      return v < t;
    case '<=':
      return v <= t;
    case '==':
      return v === t;
    case '!=':
      return v !== t;
  }
}

/**
 * Evaluates one derived feature over numeric inputs (NaN = missing); returns NaN for missing.
 * `get(name)` reads a raw or earlier derived value.
 */
export function evalDerived(d: DerivedFeatureSpec, get: (name: string) => number): number {
  switch (d.kind) {
    case 'ratio': {
      const n = get(d.numerator);
      const den = get(d.denominator);
      if (!(den > 0) || Number.isNaN(n)) return NaN;
      return n / den;
    }
    case 'diff':
      return get(d.a) - get(d.b);
    case 'cross': {
      const a = get(d.a);
      const b = get(d.b);
      if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
      return cutIndex(d.aCuts, a) * (d.bCuts.length + 1) + cutIndex(d.bCuts, b);
    }
    case 'count_where': {
      let c = 0;
      let any = false;
      for (const col of d.columns) {
        const v = get(col);
        if (Number.isNaN(v)) continue;
        any = true;
        if (compare(v, d.op, d.threshold)) c++;
      }
      return any ? c : NaN;
    }
    case 'first_where': {
      let any = false;
      for (let k = 0; k < d.columns.length; k++) {
        const v = get(d.columns[k]);
        if (Number.isNaN(v)) continue;
        any = true;
        if (compare(v, d.op, d.threshold)) return k;
      }
      return any ? d.columns.length : NaN;
    }
    case 'max_of': {
      let m = NaN;
      for (const col of d.columns) {
        const v = get(col);
        if (!Number.isNaN(v) && !(v <= m)) m = v;
      }
      return m;
    }
    case 'mean_of': {
      let s = 0;
      let k = 0;
      for (const col of d.columns) {
        const v = get(col);
        if (Number.isNaN(v)) continue;
        s += v;
        k++;
      }
      return k ? s / k : NaN;
    }
  }
}

/**
 * The `cross` spec of a pairwise interaction term over two features' cuts (the cell index over
 * both features' bins; see `evalDerived`), named `A_x_B` — as the logistic trainer's interaction
 * terms (`interactions.ts`) and the EBM's pairs (`ebm.ts`) save it.
 */
export function crossSpec(
  A: { name: string; cuts: number[] },
  B: { name: string; cuts: number[] },
): DerivedFeatureSpec & { kind: 'cross' } {
  return {
    kind: 'cross',
    name: `${A.name}_x_${B.name}`,
    a: A.name,
    b: B.name,
    aCuts: A.cuts,
    bCuts: B.cuts,
  };
}

/** How many cuts are ≤ v. */
export function cutIndex(cuts: ArrayLike<number>, v: number): number {
  let k = 0;
  while (k < cuts.length && v >= cuts[k]) k++;
  return k;
}

/** Converts a raw cell to a number for derived features (NaN when missing or not numeric). */
export function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : NaN;
  }
  return NaN;
}

/** Keeps the specs whose inputs exist (as columns or as earlier kept derived features). */
export function applicableDerived(
  specs: readonly DerivedFeatureSpec[],
  columns: readonly string[],
): DerivedFeatureSpec[] {
  const have = new Set(columns);
  const out: DerivedFeatureSpec[] = [];
  for (const d of specs) {
    if (have.has(d.name)) continue; // never shadow a real column
    if (derivedInputs(d).every((c) => have.has(c))) {
      out.push(d);
      have.add(d.name);
    }
  }
  return out;
}

const PAY = ['PAY_0', 'PAY_2', 'PAY_3', 'PAY_4', 'PAY_5', 'PAY_6'];
const BILL = [1, 2, 3, 4, 5, 6].map((i) => `BILL_AMT${i}`);
const PAYAMT = [1, 2, 3, 4, 5, 6].map((i) => `PAY_AMT${i}`);

/**
 * Engineered features for card-style behaviour data (the Taiwan card columns). Applied only
 * where their columns exist, so they are harmless on other data. Data, not code: they are
 * saved in the model's `derived` and re-applied at score time.
 */
export const CARD_DERIVED_FEATURES: readonly DerivedFeatureSpec[] = [
  { kind: 'count_where', name: 'months_late_6m', columns: PAY, op: '>', threshold: 0 },
  { kind: 'count_where', name: 'months_paid_duly_6m', columns: PAY, op: '<', threshold: 0 },
  { kind: 'count_where', name: 'months_revolving_6m', columns: PAY, op: '==', threshold: 0 },
  { kind: 'count_where', name: 'months_inactive_6m', columns: PAY, op: '==', threshold: -2 },
  { kind: 'max_of', name: 'worst_status_6m', columns: PAY },
  { kind: 'max_of', name: 'worst_status_3m', columns: PAY.slice(0, 3) },
  { kind: 'mean_of', name: 'mean_status_recent', columns: PAY.slice(0, 2) },
  { kind: 'mean_of', name: 'mean_status_older', columns: PAY.slice(3) },
  { kind: 'diff', name: 'status_trend', a: 'mean_status_recent', b: 'mean_status_older' },
  { kind: 'ratio', name: 'utilisation', numerator: 'BILL_AMT1', denominator: 'LIMIT_BAL' },
  { kind: 'mean_of', name: 'mean_bill_6m', columns: BILL },
  { kind: 'ratio', name: 'utilisation_6m', numerator: 'mean_bill_6m', denominator: 'LIMIT_BAL' },
  ...[1, 2, 3, 4, 5].map((n): DerivedFeatureSpec => ({
    kind: 'ratio',
    name: `pay_ratio_${n}`,
    numerator: PAYAMT[n - 1],
    denominator: BILL[n],
  })),
  {
    kind: 'count_where',
    name: 'months_paid_full_5m',
    columns: [1, 2, 3, 4, 5].map((n) => `pay_ratio_${n}`),
    op: '>=',
    threshold: 1,
  },
  {
    kind: 'mean_of',
    name: 'mean_pay_ratio',
    columns: [1, 2, 3, 4, 5].map((n) => `pay_ratio_${n}`),
  },
  { kind: 'count_where', name: 'months_no_payment_6m', columns: PAYAMT, op: '<=', threshold: 0 },
  { kind: 'mean_of', name: 'mean_payment_6m', columns: PAYAMT },
  {
    kind: 'ratio',
    name: 'payment_to_limit',
    numerator: 'mean_payment_6m',
    denominator: 'LIMIT_BAL',
  },
  { kind: 'diff', name: 'bill_change_3m', a: 'BILL_AMT1', b: 'BILL_AMT3' },
  { kind: 'ratio', name: 'bill_trend', numerator: 'bill_change_3m', denominator: 'LIMIT_BAL' },
  { kind: 'diff', name: 'headroom', a: 'LIMIT_BAL', b: 'BILL_AMT1' },
];
