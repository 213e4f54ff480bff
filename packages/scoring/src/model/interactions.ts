/**
 * EBM-style pairwise interaction terms for a points table (issue 16 item 5). After the main
 * effects are fitted, every pair of the strongest binned features is ranked the way FAST
 * (Lou et al., KDD 2013) ranks pairs: by how much a 2-D table of cells over their bins would
 * reduce the logistic loss of the current model's residuals (a Newton step per cell group,
 * Σ G²/(H + λ)). The best few pairs become `cross` derived features: their cells are grouped by
 * residual log-odds into a handful of bins, each bin's "WOE" is the (negated, shrunk) residual
 * log-odds, and the joint refit turns them into integer points like any other feature. The model
 * stays additive — one lookup per term — and every pair is chosen on the training rows only.
 */
import { crossSpec, evalDerived } from './derived.js';
import type { DerivedFeatureSpec, ScorecardBin } from './format.js';

/** A binned numeric/ordinal feature as the trainer holds it. */
export interface InteractionInput {
  name: string;
  /** Cut points between its non-missing bins (the bins' `lower` bounds after the first). */
  cuts: number[];
  /** Bin labels, non-missing bins in order. */
  labels: string[];
  /** The raw values of the training rows (NaN = missing). */
  values: Float64Array;
  iv: number;
}

export interface InteractionOptions {
  /** How many pairs to add at most. */
  count: number;
  /** Minimum share of rows per cell group. */
  minShare: number;
  /** Maximum cell groups per pair (missing excluded). */
  maxBins: number;
  /** Shrinkage of a group's residual log-odds (in Hessian units). */
  lambda: number;
  /** A pair is added only when its gain per row is at least this. */
  minGainPerRow: number;
}

export interface InteractionTerm {
  spec: DerivedFeatureSpec & { kind: 'cross' };
  bins: Omit<ScorecardBin, 'points'>[];
  /** The bin "WOE" of every training row. */
  x: Float64Array;
  /** Loss reduction of the pair (FAST gain) on the training rows. */
  gain: number;
  iv: number;
}

interface CellGroup {
  cells: number[];
  g: number;
  h: number;
  cnt: number;
  good: number;
  bad: number;
}

const mergeLoss = (a: CellGroup, b: CellGroup, lambda: number) =>
  (a.g * a.g) / (a.h + lambda) +
  (b.g * b.g) / (b.h + lambda) -
  ((a.g + b.g) * (a.g + b.g)) / (a.h + b.h + lambda);

function merge(a: CellGroup, b: CellGroup): CellGroup {
  return {
    cells: [...a.cells, ...b.cells],
    g: a.g + b.g,
    h: a.h + b.h,
    cnt: a.cnt + b.cnt,
    good: a.good + b.good,
    bad: a.bad + b.bad,
  };
}

/**
 * Groups the cells of a 2-D table (cells with rows only) by residual log-odds: cells sorted by
 * G/(H + λ), then neighbours merged — cheapest loss first — until every group holds `minCount`
 * rows and there are at most `maxBins` groups.
 */
function groupCells(cells: CellGroup[], minCount: number, maxBins: number, lambda: number) {
  const gs = cells
    .filter((c) => c.cnt > 0)
    .sort((a, b) => a.g / (a.h + lambda) - b.g / (b.h + lambda) || a.cells[0] - b.cells[0]);
  const cheapest = (pred: (i: number) => boolean) => {
    let best = -1;
    let bestLoss = Infinity;
    for (let i = 0; i + 1 < gs.length; i++) {
      if (!pred(i)) continue;
      const l = mergeLoss(gs[i], gs[i + 1], lambda);
      if (l < bestLoss) {
        bestLoss = l;
        best = i;
      }
    }
    return best;
  };
  while (gs.length > 1) {
    const i = cheapest((k) => gs[k].cnt < minCount || gs[k + 1].cnt < minCount);
    if (i < 0) break;
    gs.splice(i, 2, merge(gs[i], gs[i + 1]));
  }
  while (gs.length > maxBins) {
    const i = cheapest(() => true);
    gs.splice(i, 2, merge(gs[i], gs[i + 1]));
  }
  return gs;
}

/**
 * Chooses up to `opts.count` pairs of `features` by FAST gain against the current model's
 * predicted probabilities `p` and builds their interaction terms (cell groups with residual WOE).
 */
export function pairwiseInteractions(
  features: InteractionInput[],
  y: Uint8Array,
  p: Float64Array,
  opts: InteractionOptions,
  weights?: Float64Array,
): InteractionTerm[] {
  const n = y.length;
  const { lambda } = opts;
  let total = 0;
  for (let i = 0; i < n; i++) total += weights ? weights[i] : 1;
  const minCount = Math.max(1, opts.minShare * total);
  // Per-row bin index of each feature (−1 = missing).
  const idx = features.map((f) => {
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const v = f.values[i];
      if (Number.isNaN(v)) out[i] = -1;
      else {
        let k = 0;
        while (k < f.cuts.length && v >= f.cuts[k]) k++;
        out[i] = k;
      }
    }
    return out;
  });
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i] : 1;
    grad[i] = (y[i] - p[i]) * w;
    hess[i] = Math.max(p[i] * (1 - p[i]), 1e-12) * w;
  }
  const ranked: { a: number; b: number; gain: number; groups: CellGroup[]; miss: CellGroup }[] = [];
  for (let a = 0; a < features.length; a++)
    for (let b = a + 1; b < features.length; b++) {
      const nb = features[b].cuts.length + 1;
      const ncell = (features[a].cuts.length + 1) * nb;
      const cells: CellGroup[] = Array.from({ length: ncell }, (_, c) => ({
        cells: [c],
        g: 0,
        h: 0,
        cnt: 0,
        good: 0,
        bad: 0,
      }));
      const miss: CellGroup = { cells: [], g: 0, h: 0, cnt: 0, good: 0, bad: 0 };
      const ia = idx[a];
      const ib = idx[b];
      for (let i = 0; i < n; i++) {
        const c = ia[i] < 0 || ib[i] < 0 ? miss : cells[ia[i] * nb + ib[i]];
        const w = weights ? weights[i] : 1;
        c.g += grad[i];
        c.h += hess[i];
        c.cnt += w;
        if (y[i]) c.bad += w;
        else c.good += w;
      }
      const groups = groupCells(cells, minCount, opts.maxBins, lambda);
      if (groups.length < 2) continue;
      let gain = miss.cnt ? (miss.g * miss.g) / (miss.h + lambda) : 0;
      for (const g of groups) gain += (g.g * g.g) / (g.h + lambda);
      ranked.push({ a, b, gain, groups, miss });
    }
  ranked.sort((x, z) => z.gain - x.gain || x.a - z.a || x.b - z.b);
  const out: InteractionTerm[] = [];
  for (const r of ranked.slice(0, opts.count)) {
    if (r.gain / total < opts.minGainPerRow) break;
    const A = features[r.a];
    const B = features[r.b];
    const spec = crossSpec(A, B);
    const nb = B.cuts.length + 1;
    const cellLabel = (c: number) =>
      `${A.name} ${A.labels[Math.floor(c / nb)]} & ${B.name} ${B.labels[c % nb]}`;
    // Positive = safer, as for WOE: a group with more bads than the main effects predict gets a
    // negative value.
    const value = (g: CellGroup) => (g.cnt ? -g.g / (g.h + lambda) : 0);
    const bins: Omit<ScorecardBin, 'points'>[] = r.groups.map((g) => {
      const codes = g.cells.slice().sort((u, v) => u - v);
      return {
        label: codes.map(cellLabel).join('; '),
        values: codes.map(String).sort(),
        woe: value(g),
        count: Math.round(g.cnt),
        badRate: g.cnt ? g.bad / g.cnt : 0,
      };
    });
    bins.push({
      label: 'missing',
      isMissing: true,
      woe: value(r.miss),
      count: Math.round(r.miss.cnt),
      badRate: r.miss.cnt ? r.miss.bad / r.miss.cnt : 0,
    });
    const byCell = new Map<number, number>();
    r.groups.forEach((g, gi) => g.cells.forEach((c) => byCell.set(c, bins[gi].woe)));
    const x = new Float64Array(n);
    const missWoe = bins[bins.length - 1].woe;
    for (let i = 0; i < n; i++) {
      const code = evalDerived(spec, (nm) => (nm === A.name ? A.values[i] : B.values[i]));
      x[i] = Number.isNaN(code) ? missWoe : (byCell.get(code) ?? missWoe);
    }
    // IV of the grouping on the goods and bads (for the report), smoothed like the WOE.
    let G = r.miss.good;
    let Bd = r.miss.bad;
    for (const g of r.groups) {
      G += g.good;
      Bd += g.bad;
    }
    let iv = 0;
    for (const g of [...r.groups, r.miss]) {
      if (!g.cnt) continue;
      const pg = (g.good + 0.5) / (G + 0.5);
      const pb = (g.bad + 0.5) / (Bd + 0.5);
      iv += (pg - pb) * Math.log(pg / pb);
    }
    out.push({ spec, bins, x, gain: r.gain, iv });
  }
  return out;
}
