/**
 * Discrimination and stability metrics. Convention for `auc`, `ks` and `gainsTable`: a higher
 * `risk` value means more likely bad (label 1) — pass the probability of default, or the negated
 * score (scorecard scores are higher = safer).
 */

function checkLengths(a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) throw new RangeError(`lengths differ: ${a.length} vs ${b.length}`);
}

/** Indices sorted by risk ascending (stable). */
function order(risk: ArrayLike<number>): Uint32Array {
  const idx = new Uint32Array(risk.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  return idx.sort((a, b) => risk[a] - risk[b] || a - b);
}

/**
 * Area under the ROC curve = P(risk of a random bad > risk of a random good), ties count ½
 * (Mann–Whitney with mid-ranks). NaN when one class is absent.
 */
export function auc(risk: ArrayLike<number>, labels: ArrayLike<number>): number {
  checkLengths(risk, labels);
  const n = risk.length;
  const idx = order(risk);
  let pos = 0;
  let rankSum = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && risk[idx[j + 1]] === risk[idx[i]]) j++;
    const mid = (i + j) / 2 + 1; // 1-based mid-rank
    for (let k = i; k <= j; k++) {
      if (labels[idx[k]]) {
        pos++;
        rankSum += mid;
      }
    }
    i = j + 1;
  }
  const neg = n - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/**
 * Kolmogorov–Smirnov statistic: max over thresholds of |CDF_bad − CDF_good|, evaluated only
 * between distinct risk values (tied rows move together). In [0, 1].
 */
export function ks(risk: ArrayLike<number>, labels: ArrayLike<number>): number {
  checkLengths(risk, labels);
  const n = risk.length;
  let P = 0;
  for (let i = 0; i < n; i++) if (labels[i]) P++;
  const N = n - P;
  if (P === 0 || N === 0) return NaN;
  const idx = order(risk);
  let tp = 0;
  let fp = 0;
  let best = 0;
  for (let i = 0; i < n; i++) {
    if (labels[idx[i]]) tp++;
    else fp++;
    if (i + 1 < n && risk[idx[i + 1]] === risk[idx[i]]) continue;
    best = Math.max(best, Math.abs(tp / P - fp / N));
  }
  return best;
}

/** Gini = 2·AUC − 1. */
export const gini = (a: number) => 2 * a - 1;

export interface GainsRow {
  /** 1 = riskiest band. */
  band: number;
  rows: number;
  bads: number;
  badRate: number;
  /** Share of all bads in this band and riskier ones. */
  cumBadShare: number;
}

/** Gains table: rows sorted riskiest first, cut into `bands` (default 10) bands of near-equal size. */
export function gainsTable(
  risk: ArrayLike<number>,
  labels: ArrayLike<number>,
  bands = 10,
): GainsRow[] {
  checkLengths(risk, labels);
  const n = risk.length;
  const idx = order(risk).reverse();
  let total = 0;
  for (let i = 0; i < n; i++) total += labels[i] ? 1 : 0;
  const out: GainsRow[] = [];
  let cum = 0;
  const k = Math.max(1, Math.min(bands, n));
  for (let b = 0; b < k; b++) {
    const s = Math.floor((b * n) / k);
    const e = Math.floor(((b + 1) * n) / k);
    let bads = 0;
    for (let i = s; i < e; i++) bads += labels[idx[i]] ? 1 : 0;
    cum += bads;
    out.push({
      band: b + 1,
      rows: e - s,
      bads,
      badRate: e > s ? bads / (e - s) : 0,
      cumBadShare: total ? cum / total : 0,
    });
  }
  return out;
}

/** Minimum rows per side below which PSI is flagged as unreliable. */
export const PSI_MIN_SAMPLE = 500;

/**
 * Population stability index between an expected (e.g. training) and an actual distribution of
 * scores: bins are the expected sample's quantiles (default 10); shares are floored at 1e-4.
 * PSI < 0.1 stable, 0.1–0.25 some shift, > 0.25 significant shift. A `warning` is returned when
 * either side has fewer than `PSI_MIN_SAMPLE` rows.
 */
export function psi(
  expected: ArrayLike<number>,
  actual: ArrayLike<number>,
  bins = 10,
): { psi: number; warning?: string } {
  if (expected.length === 0 || actual.length === 0)
    return { psi: NaN, warning: 'PSI needs at least one row on each side' };
  const e = Float64Array.from(expected).sort();
  const cuts: number[] = [];
  for (let b = 1; b < bins; b++) {
    const c = e[Math.min(e.length - 1, Math.floor((b * e.length) / bins))];
    if (cuts.length === 0 || c > cuts[cuts.length - 1]) cuts.push(c);
  }
  const bucket = (v: number) => {
    let lo = 0;
    let hi = cuts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v >= cuts[mid]) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const ce = new Float64Array(cuts.length + 1);
  const ca = new Float64Array(cuts.length + 1);
  for (let i = 0; i < expected.length; i++) ce[bucket(expected[i])]++;
  for (let i = 0; i < actual.length; i++) ca[bucket(actual[i])]++;
  let s = 0;
  for (let b = 0; b < ce.length; b++) {
    const pe = Math.max(ce[b] / expected.length, 1e-4);
    const pa = Math.max(ca[b] / actual.length, 1e-4);
    s += (pa - pe) * Math.log(pa / pe);
  }
  const small = Math.min(expected.length, actual.length);
  return small < PSI_MIN_SAMPLE
    ? {
        psi: s,
        warning: `PSI on fewer than ${PSI_MIN_SAMPLE} rows per side (${expected.length} expected, ${actual.length} actual) is unreliable`,
      }
    : { psi: s };
}

/** Pearson correlation of two columns (0 when either is constant). */
export function correlation(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i];
    mb += b[i];
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i] - ma;
    const db = b[i] - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}
