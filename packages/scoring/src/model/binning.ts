/**
 * Supervised binning. All routines work on a sequence of adjacent groups (ordered by value for
 * numeric/ordinal features, by bad rate for categorical ones) and merge neighbours:
 *
 * 1. pre-bins: quantile cuts at distinct values (numeric), one group per code (ordinal) or level
 *    (categorical, then sorted by smoothed bad rate);
 * 2. shape: numeric — monotone bad rate (given direction, or `auto` = the direction with the
 *    higher IV); ordinal — at most one peak or valley; categorical — monotone by construction;
 *    violators are merged pairwise, most similar pair (lowest chi-square) first;
 * 3. every bin ≥ `minBinShare` of the non-missing rows: the smallest bin merges into its more
 *    similar neighbour (merging neighbours keeps a monotone sequence monotone);
 * 4. optional: neighbours whose chi-square is below `mergeChi2` merge; at most `maxBins` bins.
 *
 * Missing values always get their own bin (possibly empty: WOE 0).
 */
import type { Monotonic } from './format.js';

export interface Group {
  /** Inclusive lower bound (−∞ for the first). */
  lo: number;
  /** Exclusive upper bound (+∞ for the last). */
  hi: number;
  /** Levels (categorical) or codes seen (ordinal). */
  values: string[];
  good: number;
  bad: number;
}

export interface BinningOptions {
  minBinShare: number;
  maxBins: number;
  monotonic: Monotonic;
  /** Merge neighbours whose 2×2 chi-square is below this (0 = off). */
  mergeChi2: number;
  /** Quantile pre-bins for numeric features. */
  preBins: number;
  /**
   * With `auto`, a numeric feature may keep one peak or valley (e.g. age) when that shape's IV
   * is at least this factor times the best monotone IV (Infinity = monotone only).
   */
  turnGain: number;
  /**
   * Sample weight of each row (default 1 each): goods and bads are sums of weights, and the
   * minimum bin share and quantile pre-bins are shares of the total weight.
   */
  weights?: Float64Array;
  /**
   * User-set cut points (numeric/ordinal): bins are exactly [−∞, c1), [c1, c2), …, [ck, ∞), with
   * no merging (an empty bin is dropped into its neighbour).
   */
  breaks?: readonly number[];
}

export interface BinningResult {
  groups: Group[];
  missing: { good: number; bad: number };
}

const rate = (g: Group) => (g.good + g.bad ? g.bad / (g.good + g.bad) : 0);
const size = (g: Group) => g.good + g.bad;

/** Pearson chi-square of the 2×2 table (goods, bads) × (a, b); 0 when degenerate. */
export function chi2(a: Group, b: Group): number {
  const n = a.good + a.bad + b.good + b.bad;
  const G = a.good + b.good;
  const B = a.bad + b.bad;
  const na = a.good + a.bad;
  const nb = b.good + b.bad;
  if (G === 0 || B === 0 || na === 0 || nb === 0) return 0;
  const d = a.good * b.bad - a.bad * b.good;
  return (n * d * d) / (G * B * na * nb);
}

function merge(groups: Group[], i: number): void {
  const a = groups[i];
  const b = groups[i + 1];
  groups.splice(i, 2, {
    lo: a.lo,
    hi: b.hi,
    values: a.values.concat(b.values),
    good: a.good + b.good,
    bad: a.bad + b.bad,
  });
}

/** Index i of the pair (i, i+1) with the lowest chi-square among those `ok(i)` allows; −1 if none. */
function bestPair(groups: Group[], ok: (i: number) => boolean): number {
  let best = -1;
  let bestChi = Infinity;
  for (let i = 0; i + 1 < groups.length; i++) {
    if (!ok(i)) continue;
    const c = chi2(groups[i], groups[i + 1]);
    if (c < bestChi) {
      bestChi = c;
      best = i;
    }
  }
  return best;
}

function enforceMonotone(groups: Group[], dir: 'increasing' | 'decreasing'): void {
  const bad = (i: number) =>
    dir === 'increasing'
      ? rate(groups[i]) > rate(groups[i + 1])
      : rate(groups[i]) < rate(groups[i + 1]);
  for (;;) {
    const i = bestPair(groups, bad);
    if (i < 0) return;
    merge(groups, i);
  }
}

function turns(groups: Group[]): number {
  let t = 0;
  let last = 0;
  for (let i = 0; i + 1 < groups.length; i++) {
    const d = Math.sign(rate(groups[i + 1]) - rate(groups[i]));
    if (d === 0) continue;
    if (last !== 0 && d !== last) t++;
    last = d;
  }
  return t;
}

/** Merge until at most one change of direction (one peak or valley). */
function enforceOneTurn(groups: Group[]): void {
  while (groups.length > 2 && turns(groups) > 1) {
    // Merge the most similar pair that sits at a turning point (a local extremum and its neighbour).
    const isTurnPair = (i: number) => {
      const r = (k: number) => rate(groups[k]);
      const ext = (k: number) =>
        k > 0 && k + 1 < groups.length && (r(k) - r(k - 1)) * (r(k + 1) - r(k)) < 0;
      return ext(i) || ext(i + 1);
    };
    let i = bestPair(groups, isTurnPair);
    if (i < 0) i = bestPair(groups, () => true);
    merge(groups, i);
  }
}

function enforceMinSize(groups: Group[], minCount: number): void {
  while (groups.length > 1) {
    let k = -1;
    let smallest = Infinity;
    for (let i = 0; i < groups.length; i++) {
      if (size(groups[i]) < smallest) {
        smallest = size(groups[i]);
        k = i;
      }
    }
    if (smallest >= minCount) return;
    if (k === 0) merge(groups, 0);
    else if (k === groups.length - 1) merge(groups, k - 1);
    else
      merge(groups, chi2(groups[k - 1], groups[k]) <= chi2(groups[k], groups[k + 1]) ? k - 1 : k);
  }
}

function finish(groups: Group[], opts: BinningOptions, minCount: number): void {
  enforceMinSize(groups, minCount);
  if (opts.mergeChi2 > 0) {
    for (;;) {
      const i = bestPair(groups, (j) => chi2(groups[j], groups[j + 1]) < opts.mergeChi2);
      if (i < 0) break;
      merge(groups, i);
    }
  }
  while (groups.length > Math.max(1, opts.maxBins))
    merge(
      groups,
      bestPair(groups, () => true),
    );
}

/** One bin's binning statistics: counts, event (bad) rate, WOE and its share of the IV. */
export interface BinStat {
  goods: number;
  bads: number;
  count: number;
  /** bads / count (0 when empty). */
  eventRate: number;
  /** ln(%good / %bad) with `SMOOTH` added to both counts; 0 for an empty bin. */
  woe: number;
  /** (%good − %bad) · WOE; 0 for an empty bin. */
  iv: number;
}

/**
 * The binning statistics of a feature from its bins' goods and bads — the one computation the
 * trainer (WOE and IV of the model's bins) and the report (the same on any labelled data) share.
 * Shares are smoothed over `k` bins (default: the non-empty ones); empty bins get WOE 0 and no IV.
 */
export function binStats(
  goods: ArrayLike<number>,
  bads: ArrayLike<number>,
  k?: number,
): { bins: BinStat[]; iv: number } {
  const m = goods.length;
  let G = 0;
  let B = 0;
  let nonEmpty = 0;
  for (let i = 0; i < m; i++) {
    G += goods[i];
    B += bads[i];
    if (goods[i] + bads[i] > 0) nonEmpty++;
  }
  k ??= Math.max(nonEmpty, 1);
  let iv = 0;
  const bins: BinStat[] = new Array(m);
  for (let i = 0; i < m; i++) {
    const count = goods[i] + bads[i];
    const pg = (goods[i] + SMOOTH) / (G + SMOOTH * k);
    const pb = (bads[i] + SMOOTH) / (B + SMOOTH * k);
    const w = count ? Math.log(pg / pb) : 0;
    const part = count ? (pg - pb) * w : 0;
    iv += part;
    bins[i] = {
      goods: goods[i],
      bads: bads[i],
      count,
      eventRate: count ? bads[i] / count : 0,
      woe: w,
      iv: part,
    };
  }
  return { bins, iv };
}

/**
 * Binning statistics of groups followed by the missing bin, as the trainer counts them: every
 * group is a bin of the model (k counts them all), the missing bin only when it has rows.
 */
export function groupStats(
  groups: Group[],
  missing: { good: number; bad: number },
): { bins: BinStat[]; iv: number } {
  return binStats(
    [...groups.map((g) => g.good), missing.good],
    [...groups.map((g) => g.bad), missing.bad],
    groups.length + (missing.good + missing.bad > 0 ? 1 : 0),
  );
}

/** Information value of groups (+ missing) with the same smoothing as the WOE. */
export function groupsIv(groups: Group[], missing: { good: number; bad: number }): number {
  return groupStats(groups, missing).iv;
}

/** Additive smoothing of the WOE counts (per bin, goods and bads). */
export const SMOOTH = 0.5;

/** WOE = ln(%good / %bad) with additive smoothing; positive = safer than average. */
export function woe(good: number, bad: number, G: number, B: number, k: number): number {
  if (good + bad === 0) return 0;
  return Math.log((good + SMOOTH) / (G + SMOOTH * k) / ((bad + SMOOTH) / (B + SMOOTH * k)));
}

const clone = (gs: Group[]) => gs.map((g) => ({ ...g, values: g.values.slice() }));

/**
 * Bins a numeric or ordinal feature. `x` holds the values (NaN = missing), `y` the labels.
 */
export function binNumeric(
  x: Float64Array,
  y: Uint8Array,
  ordinal: boolean,
  opts: BinningOptions,
): BinningResult {
  const n = x.length;
  const w = opts.weights;
  const missing = { good: 0, bad: 0 };
  const idx: number[] = [];
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(x[i])) {
      if (y[i]) missing.bad += w ? w[i] : 1;
      else missing.good += w ? w[i] : 1;
    } else idx.push(i);
  }
  if (idx.length === 0) return { groups: [], missing };
  const order = Float64Array.from(idx, (i) => x[i]);
  const lab = Uint8Array.from(idx, (i) => y[i]);
  const wt = Float64Array.from(idx, (i) => (w ? w[i] : 1));
  // sort values with labels
  const perm = Array.from({ length: idx.length }, (_, i) => i).sort((a, b) => order[a] - order[b]);
  const xs = Float64Array.from(perm, (i) => order[i]);
  const ys = Uint8Array.from(perm, (i) => lab[i]);
  const ws = Float64Array.from(perm, (i) => wt[i]);
  // m: total weight of the non-missing rows (their number when unweighted).
  let m = 0;
  for (let i = 0; i < ws.length; i++) m += ws[i];

  // Distinct values with counts.
  const dv: number[] = [];
  const dg: number[] = [];
  const db: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    if (i === 0 || xs[i] !== xs[i - 1]) {
      dv.push(xs[i]);
      dg.push(0);
      db.push(0);
    }
    if (ys[i]) db[db.length - 1] += ws[i];
    else dg[dg.length - 1] += ws[i];
  }
  if (opts.breaks) return { groups: fixedGroups(dv, dg, db, opts.breaks, ordinal), missing };
  let groups: Group[] = [];
  const target = ordinal ? 1 : Math.max(1, Math.floor(m / opts.preBins));
  let cur: Group | null = null;
  for (let k = 0; k < dv.length; k++) {
    if (!cur) cur = { lo: dv[k], hi: dv[k], values: [], good: 0, bad: 0 };
    cur.good += dg[k];
    cur.bad += db[k];
    if (ordinal) cur.values.push(String(dv[k]));
    if (size(cur) >= target || k === dv.length - 1) {
      groups.push(cur);
      cur = null;
    }
  }
  // Bounds: each group spans [its first value, next group's first value).
  for (let i = 0; i < groups.length; i++) {
    groups[i].lo = i === 0 ? -Infinity : groups[i].lo;
    groups[i].hi = i + 1 < groups.length ? groups[i + 1].lo : Infinity;
  }
  const minCount = Math.max(1, Math.ceil(opts.minBinShare * m));

  if (ordinal || opts.monotonic === 'none') {
    if (ordinal && opts.monotonic === 'increasing') enforceMonotone(groups, 'increasing');
    else if (ordinal && opts.monotonic === 'decreasing') enforceMonotone(groups, 'decreasing');
    else if (ordinal) {
      enforceMinSize(groups, minCount);
      enforceOneTurn(groups);
    }
    finish(groups, opts, minCount);
    return { groups, missing };
  }
  if (opts.monotonic === 'increasing' || opts.monotonic === 'decreasing') {
    enforceMonotone(groups, opts.monotonic);
    finish(groups, opts, minCount);
    return { groups, missing };
  }
  // auto: both directions, keep the higher IV.
  const pre = clone(groups);
  const inc = clone(groups);
  enforceMonotone(inc, 'increasing');
  finish(inc, opts, minCount);
  enforceMonotone(groups, 'decreasing');
  finish(groups, opts, minCount);
  groups = groupsIv(inc, missing) > groupsIv(groups, missing) ? inc : groups;
  if (Number.isFinite(opts.turnGain)) {
    const turn = clone(pre);
    enforceMinSize(turn, minCount);
    enforceOneTurn(turn);
    finish(turn, opts, minCount);
    if (groupsIv(turn, missing) > opts.turnGain * groupsIv(groups, missing)) groups = turn;
  }
  return { groups, missing };
}

/** Bins a categorical feature: levels ordered by smoothed bad rate, small levels merged. */
export function binCategorical(
  x: (string | null)[],
  y: Uint8Array,
  opts: BinningOptions,
): BinningResult {
  const missing = { good: 0, bad: 0 };
  const levels = new Map<string, Group>();
  const w = opts.weights;
  let m = 0;
  let bads = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const wi = w ? w[i] : 1;
    if (v === null) {
      if (y[i]) missing.bad += wi;
      else missing.good += wi;
      continue;
    }
    let g = levels.get(v);
    if (!g) levels.set(v, (g = { lo: NaN, hi: NaN, values: [v], good: 0, bad: 0 }));
    if (y[i]) g.bad += wi;
    else g.good += wi;
    m += wi;
    bads += y[i] * wi;
  }
  const prior = m ? bads / m : 0;
  // Shrink small levels' bad rates toward the overall rate before ordering them.
  const k = 10;
  const sm = (g: Group) => (g.bad + k * prior) / (size(g) + k);
  const groups = [...levels.values()].sort(
    (a, b) => sm(a) - sm(b) || (a.values[0] < b.values[0] ? -1 : 1),
  );
  const minCount = Math.max(1, Math.ceil(opts.minBinShare * m));
  finish(groups, opts, minCount);
  return { groups, missing };
}

/** Groups at user-set cut points over the distinct values (empty groups merged away). */
function fixedGroups(
  dv: number[],
  dg: number[],
  db: number[],
  breaks: readonly number[],
  ordinal: boolean,
): Group[] {
  const cuts = [...new Set(breaks)].filter(Number.isFinite).sort((a, b) => a - b);
  const groups: Group[] = [];
  for (let c = 0; c <= cuts.length; c++)
    groups.push({
      lo: c === 0 ? -Infinity : cuts[c - 1],
      hi: c === cuts.length ? Infinity : cuts[c],
      values: [],
      good: 0,
      bad: 0,
    });
  let c = 0;
  for (let k = 0; k < dv.length; k++) {
    while (c < cuts.length && dv[k] >= cuts[c]) c++;
    groups[c].good += dg[k];
    groups[c].bad += db[k];
    if (ordinal) groups[c].values.push(String(dv[k]));
  }
  // An empty group gives its range to the next one (the last to the previous).
  for (let i = groups.length - 1; i >= 0 && groups.length > 1; i--) {
    if (size(groups[i]) > 0) continue;
    if (i + 1 < groups.length) groups[i + 1].lo = groups[i].lo;
    else groups[i - 1].hi = groups[i].hi;
    groups.splice(i, 1);
  }
  return groups;
}
