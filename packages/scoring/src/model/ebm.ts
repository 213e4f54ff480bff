/**
 * An EBM-style trainer (Explainable Boosting Machine; Lou, Caruana et al.; InterpretML) that
 * emits an ordinary points table (training option `method: 'ebm'`, issue 16 item 5):
 *
 * 1. every candidate feature (raw columns and derived specs) is pre-binned finely — numeric
 *    features at up to `ebm.bins` quantile cuts (actual data values, so `[lower, upper)` bins
 *    reproduce them exactly), ordinal features one bin per code, categorical one per level —
 *    plus a missing bin, as small integer codes;
 * 2. in each of `ebm.bags` outer bags (a seeded, stratified split of the training rows into
 *    `1 − ebm.validation` to fit and `ebm.validation` to stop on) the shape functions are boosted
 *    cyclically: one round visits every feature once and fits a tiny tree (up to
 *    `ebm.maxLeaves` leaves over the ordered bins, the missing bin its own leaf) to the logistic
 *    gradient / hessian histograms of that ONE feature, scaled by `ebm.learningRate`; after each
 *    round the validation log-loss decides early stopping (`ebm.patience` rounds without
 *    improvement, at most `ebm.rounds`) and the best round's shapes are kept;
 * 3. pairs: FAST (Lou et al., KDD 2013) ranks every pair of numeric/ordinal features on the
 *    residuals of the bag-averaged main effects, on coarse bins (≤ `ebm.pairBins` per axis, cut at
 *    the fine bins' quantiles): best single cut on each axis, gain Σ G²/(H + 1) over the four
 *    quadrants; the best `ebm.interactions` pairs are boosted per bag the same way on their 2-D
 *    cells (a shrunk Newton step per cell, `ebm.pairLambda`), with their own early stopping;
 * 4. the bags' shapes are averaged (one additive table), each shape centred on the training
 *    rows (its mean goes to the intercept) and converted to integer points exactly like the
 *    logistic scorecard's: round(−(f(bin) + intercept/n)·factor + offset/n). Neighbouring bins
 *    with equal points are joined; a feature whose points are all equal is left out. Pairs
 *    become `cross` derived features (their cells grouped by points). `ebm.monotone`: `'woe'`
 *    (default) projects each main effect's final bins onto their WOE order (pool adjacent
 *    violators weighted by rows, re-joined until a safer bin never has fewer points); `true`
 *    projects numeric shapes onto a monotone order of the value before the points (the
 *    direction from the feature's `monotonic` option or, for `auto`, the closer one).
 *
 * Deterministic: every random choice comes from `ebm.seed`.
 */
import { binStats } from './binning.js';
import { rng } from './bagging.js';
import { crossSpec, cutIndex } from './derived.js';
import type {
  DerivedFeatureSpec,
  FeatureKind,
  Monotonic,
  ScorecardBin,
  ScorecardFeature,
} from './format.js';

export interface EbmOptions {
  /** Fine pre-bins per numeric feature (default 128, at most 255). */
  bins?: number;
  /** Outer bags averaged into one table (default 8). */
  bags?: number;
  /** Learning rate of each one-feature step (default 0.02). */
  learningRate?: number;
  /** Maximum boosting rounds (one round = every feature once; default 2000). */
  rounds?: number;
  /** Stop after this many rounds without a better validation log-loss (default 50). */
  patience?: number;
  /** Share of each bag's rows held out for early stopping (default 0.15). */
  validation?: number;
  /** Leaves of the tiny tree fitted per step (default 3). */
  maxLeaves?: number;
  /** Minimum rows per leaf (default 20). */
  minLeafRows?: number;
  /** Pairwise interaction terms (default 10). */
  interactions?: number;
  /** Coarse bins per axis of a pair (default 8). */
  pairBins?: number;
  /** Shrinkage (hessian units) of a pair cell's Newton step (default 10). */
  pairLambda?: number;
  /**
   * `'woe'` (default): project every main effect's final bins onto the order of their WOE, so a
   * safer bin never gets fewer points (the logistic scorecard's rule); `true`: project numeric
   * shapes onto a monotone order of the value instead; `false`: no projection.
   */
  monotone?: boolean | 'woe';
  /** Seed of the bags' splits (default 1). */
  seed?: number;
  /**
   * Keep only this many main effects (default 0 = all): one bag on all candidates ranks them by
   * importance (mean |shape| over the training rows), then the bags are boosted on the best ones
   * only (a smaller table scores faster).
   */
  maxFeatures?: number;
}

/** A candidate feature as the trainer holds it. */
export interface EbmCandidate {
  name: string;
  kind: FeatureKind;
  num?: Float64Array;
  cat?: (string | null)[];
}

export interface EbmResult {
  /** Main effects then pairs, points already computed. */
  features: ScorecardFeature[];
  intercept: number;
  /** `cross` specs of the pairs (append to the model's derived list). */
  pairs: DerivedFeatureSpec[];
  /** Integer training scores. */
  scores: Float64Array;
  dropped: { feature: string; reason: string }[];
  candidateIv: Record<string, number>;
  /** Boosting rounds kept per bag (main effects), and for the pairs. */
  rounds: number[];
  pairRounds: number[];
}

/** A feature pre-binned into codes 0…k−1 (k−1 = missing). */
interface Coded {
  name: string;
  kind: FeatureKind;
  /** Bins without the missing bin. */
  k: number;
  /** Numeric/ordinal: lower bounds of bins 1…k−1. */
  cuts: number[];
  /** Categorical: level of each bin. */
  levels: string[];
  code: Uint8Array;
}

function quantileCuts(x: Float64Array, maxBins: number): number[] {
  const v: number[] = [];
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i])) v.push(x[i]);
  v.sort((a, b) => a - b);
  const m = v.length;
  const cuts: number[] = [];
  if (m === 0) return cuts;
  for (let q = 1; q < maxBins; q++) {
    const c = v[Math.floor((q * m) / maxBins)];
    if (c > v[0] && (cuts.length === 0 || c > cuts[cuts.length - 1])) cuts.push(c);
  }
  return cuts;
}

function codeFeature(c: EbmCandidate, maxBins: number): Coded {
  const n = (c.num ?? c.cat!).length;
  const code = new Uint8Array(n);
  if (c.kind === 'categorical') {
    const levels = [...new Set(c.cat!.filter((v): v is string => v !== null))].sort();
    const at = new Map(levels.map((l, i) => [l, i]));
    for (let i = 0; i < n; i++) {
      const v = c.cat![i];
      code[i] = v === null ? levels.length : at.get(v)!;
    }
    return { name: c.name, kind: c.kind, k: levels.length, cuts: [], levels, code };
  }
  const x = c.num!;
  let cuts: number[];
  if (c.kind === 'ordinal') {
    const d = [...new Set(Array.from(x).filter((v) => !Number.isNaN(v)))].sort((a, b) => a - b);
    cuts = d.slice(1, 255);
  } else cuts = quantileCuts(x, maxBins);
  const k = cuts.length + 1;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    code[i] = Number.isNaN(v) ? k : cutIndex(cuts, v);
  }
  return { name: c.name, kind: c.kind, k, cuts, levels: [], code };
}

const sigmoid = (e: number) => 1 / (1 + Math.exp(-e));

/** Stratified split of `rows` (indices into y): [fit, validation]. */
function split(
  rows: Int32Array,
  y: Uint8Array,
  share: number,
  r: () => number,
): [Int32Array, Int32Array] {
  const fit: number[] = [];
  const val: number[] = [];
  for (const cls of [0, 1]) {
    const idx: number[] = [];
    for (const i of rows) if (y[i] === cls) idx.push(i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    const nv = Math.round(share * idx.length);
    val.push(...idx.slice(0, nv));
    fit.push(...idx.slice(nv));
  }
  return [Int32Array.from(fit.sort((a, b) => a - b)), Int32Array.from(val.sort((a, b) => a - b))];
}

/**
 * The leaf values (already × learning rate) of a tree of up to `maxLeaves` leaves over ordered
 * bins 0…k−1 (contiguous ranges), plus the missing bin k on its own. Writes into `delta`.
 */
function fitTree(
  G: Float64Array,
  H: Float64Array,
  C: Float64Array,
  k: number,
  ordered: boolean,
  maxLeaves: number,
  minLeaf: number,
  lr: number,
  delta: Float64Array,
): void {
  const eps = 1e-3;
  // Missing bin: its own Newton step.
  delta[k] = C[k] > 0 ? (-lr * G[k]) / (H[k] + eps) : 0;
  if (!ordered) {
    // Categorical: one leaf per level with enough rows, the rest pooled.
    let gs = 0;
    let hs = 0;
    for (let b = 0; b < k; b++)
      if (C[b] < minLeaf) {
        gs += G[b];
        hs += H[b];
      }
    for (let b = 0; b < k; b++)
      delta[b] = C[b] >= minLeaf ? (-lr * G[b]) / (H[b] + eps) : (-lr * gs) / (hs + eps);
    return;
  }
  // Ranges [lo, hi) of leaves, split greedily by the best gain.
  const leaves: [number, number][] = [[0, k]];
  const sum = (a: Float64Array, lo: number, hi: number) => {
    let s = 0;
    for (let b = lo; b < hi; b++) s += a[b];
    return s;
  };
  while (leaves.length < maxLeaves) {
    let best = 0;
    let bestLeaf = -1;
    let bestCut = -1;
    for (let li = 0; li < leaves.length; li++) {
      const [lo, hi] = leaves[li];
      const gT = sum(G, lo, hi);
      const hT = sum(H, lo, hi);
      const cT = sum(C, lo, hi);
      const parent = (gT * gT) / (hT + eps);
      let gl = 0;
      let hl = 0;
      let cl = 0;
      for (let c = lo + 1; c < hi; c++) {
        gl += G[c - 1];
        hl += H[c - 1];
        cl += C[c - 1];
        if (cl < minLeaf || cT - cl < minLeaf) continue;
        const gr = gT - gl;
        const hr = hT - hl;
        const gain = (gl * gl) / (hl + eps) + (gr * gr) / (hr + eps) - parent;
        if (gain > best) {
          best = gain;
          bestLeaf = li;
          bestCut = c;
        }
      }
    }
    if (bestLeaf < 0) break;
    const [lo, hi] = leaves[bestLeaf];
    leaves.splice(bestLeaf, 1, [lo, bestCut], [bestCut, hi]);
  }
  for (const [lo, hi] of leaves) {
    const v = (-lr * sum(G, lo, hi)) / (sum(H, lo, hi) + eps);
    for (let b = lo; b < hi; b++) delta[b] = v;
  }
}

function logLoss(eta: Float64Array, rows: Int32Array, y: Uint8Array, w?: Float64Array): number {
  let s = 0;
  for (const i of rows) {
    const e = eta[i];
    // log(1 + exp(e)) − y·e, stable
    const l = (e > 0 ? e + Math.log1p(Math.exp(-e)) : Math.log1p(Math.exp(e))) - y[i] * e;
    s += w ? w[i] * l : l;
  }
  return s;
}

interface Term {
  /** Code of each row (0…size−1). */
  code: Uint8Array | Uint16Array;
  size: number;
  /** Categorical / pair: no order. */
  ordered: boolean;
  /** Ordered bins (missing = size − 1). */
  k: number;
}

/**
 * Cyclic boosting of `terms` on the rows of one bag, from the log-odds `eta0` (per row, all rows);
 * returns the shapes of the best round and how many rounds that was.
 */
function boost(
  terms: Term[],
  y: Uint8Array,
  w: Float64Array | undefined,
  eta0: Float64Array,
  fit: Int32Array,
  val: Int32Array,
  o: Required<EbmOptions>,
  pair: boolean,
): { shapes: Float64Array[]; rounds: number } {
  const eta = Float64Array.from(eta0);
  const shapes = terms.map((t) => new Float64Array(t.size));
  let best = shapes.map((s) => Float64Array.from(s));
  let bestLoss = logLoss(eta, val, y, w);
  let bestRound = 0;
  const maxSize = Math.max(...terms.map((t) => t.size));
  const G = new Float64Array(maxSize);
  const H = new Float64Array(maxSize);
  const C = new Float64Array(maxSize);
  const delta = new Float64Array(maxSize);
  for (let round = 1; round <= o.rounds; round++) {
    for (let j = 0; j < terms.length; j++) {
      const t = terms[j];
      const code = t.code;
      G.fill(0, 0, t.size);
      H.fill(0, 0, t.size);
      C.fill(0, 0, t.size);
      for (let q = 0; q < fit.length; q++) {
        const i = fit[q];
        const p = 1 / (1 + Math.exp(-eta[i]));
        const c = code[i];
        if (w) {
          G[c] += (p - y[i]) * w[i];
          H[c] += p * (1 - p) * w[i];
          C[c] += w[i];
        } else {
          G[c] += p - y[i];
          H[c] += p * (1 - p);
          C[c]++;
        }
      }
      if (pair) {
        for (let b = 0; b < t.size; b++)
          delta[b] = C[b] > 0 ? (-o.learningRate * G[b]) / (H[b] + o.pairLambda) : 0;
      } else fitTree(G, H, C, t.k, t.ordered, o.maxLeaves, o.minLeafRows, o.learningRate, delta);
      const s = shapes[j];
      for (let b = 0; b < t.size; b++) s[b] += delta[b];
      for (let q = 0; q < fit.length; q++) {
        const i = fit[q];
        eta[i] += delta[code[i]];
      }
      for (let q = 0; q < val.length; q++) {
        const i = val[q];
        eta[i] += delta[code[i]];
      }
    }
    const loss = logLoss(eta, val, y, w);
    if (loss < bestLoss - 1e-9) {
      bestLoss = loss;
      bestRound = round;
      best = shapes.map((s) => Float64Array.from(s));
    } else if (round - bestRound >= o.patience) break;
  }
  return { shapes: best, rounds: bestRound };
}

/** Pool adjacent violators: the closest (weighted) non-decreasing sequence. */
function pava(v: number[], wt: number[]): number[] {
  const blocks: { n: number; w: number; v: number }[] = [];
  for (let i = 0; i < v.length; i++) {
    let cur = { n: 1, w: wt[i], v: v[i] };
    while (blocks.length && blocks[blocks.length - 1].v > cur.v) {
      const top = blocks.pop()!;
      const w = top.w + cur.w;
      cur = {
        n: top.n + cur.n,
        w,
        v: w > 0 ? (top.v * top.w + cur.v * cur.w) / w : (top.v + cur.v) / 2,
      };
    }
    blocks.push(cur);
  }
  const out: number[] = [];
  for (const b of blocks) for (let i = 0; i < b.n; i++) out.push(b.v);
  return out;
}

/**
 * Projects a shape's ordered bins onto a monotone log-odds order: `increasing` = the bad rate
 * (log-odds) does not fall as the value rises; `auto` = the closer of the two.
 */
function monotoneShape(shape: Float64Array, k: number, wt: number[], dir: Monotonic): void {
  if (dir === 'none' || k < 2) return;
  const v = Array.from(shape.subarray(0, k));
  const w = wt.slice(0, k).map((x) => x + 1e-6);
  const up = pava(v, w);
  const down = pava(
    v.map((x) => -x),
    w,
  ).map((x) => -x);
  const sse = (a: number[]) => a.reduce((s, x, i) => s + w[i] * (x - v[i]) ** 2, 0);
  const use =
    dir === 'increasing' ? up : dir === 'decreasing' ? down : sse(up) <= sse(down) ? up : down;
  for (let b = 0; b < k; b++) shape[b] = use[b];
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** Fine bins grouped by equal points (neighbours for ordered bins, any for levels) and their stats. */
function groupBins(
  c: Coded,
  p: number[],
  goods: Float64Array,
  bads: Float64Array,
): { groups: number[][]; st: ReturnType<typeof binStats> } {
  const groups: number[][] = [];
  if (c.kind === 'categorical') {
    const by = new Map<number, number[]>();
    for (let b = 0; b < c.k; b++) {
      if (goods[b] + bads[b] === 0) continue;
      const list = by.get(p[b]) ?? [];
      list.push(b);
      by.set(p[b], list);
    }
    groups.push(...[...by.values()]);
  } else {
    for (let b = 0; b < c.k; b++) {
      const last = groups[groups.length - 1];
      if (last && p[last[0]] === p[b]) last.push(b);
      else groups.push([b]);
    }
  }
  const gGood = [...groups.map((gr) => gr.reduce((s, b) => s + goods[b], 0)), goods[c.k]];
  const gBad = [...groups.map((gr) => gr.reduce((s, b) => s + bads[b], 0)), bads[c.k]];
  const st = binStats(gGood, gBad);
  return { groups, st };
}

/** Trains the EBM and returns its points table. */
export function trainEbm(
  candidates: EbmCandidate[],
  y: Uint8Array,
  weights: Float64Array | undefined,
  opts: EbmOptions,
  scaling: { factor: number; offset: number },
  monotonic: Record<string, Monotonic> = {},
): EbmResult {
  const o: Required<EbmOptions> = {
    bins: 128,
    bags: 8,
    learningRate: 0.02,
    rounds: 2000,
    patience: 50,
    validation: 0.15,
    maxLeaves: 3,
    minLeafRows: 20,
    interactions: 10,
    pairBins: 8,
    pairLambda: 10,
    monotone: 'woe',
    seed: 1,
    maxFeatures: 0,
    ...Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)),
  };
  if (!(o.bins >= 2 && o.bins <= 255))
    throw new RangeError(`ebmBins must be in 2…255, got ${o.bins}`);
  if (!(Number.isInteger(o.bags) && o.bags >= 1))
    throw new RangeError(`ebmBags must be ≥ 1, got ${o.bags}`);
  const n = y.length;
  let cands = candidates;
  let coded = cands.map((c) => codeFeature(c, o.bins));
  let terms: Term[] = coded.map((c) => ({
    code: c.code,
    size: c.k + 1,
    ordered: c.kind !== 'categorical',
    k: c.k,
  }));
  const dropped: { feature: string; reason: string }[] = [];
  const goodBad = (code: ArrayLike<number>, size: number) => {
    const goods = new Float64Array(size);
    const bads = new Float64Array(size);
    for (let i = 0; i < n; i++) {
      const wi = weights ? weights[i] : 1;
      if (y[i]) bads[code[i]] += wi;
      else goods[code[i]] += wi;
    }
    return { goods, bads };
  };
  const candidateIv: Record<string, number> = {};
  for (const c of coded) {
    const { goods, bads } = goodBad(c.code, c.k + 1);
    candidateIv[c.name] = round6(binStats(goods, bads).iv);
  }
  // Intercept: the log-odds of the (weighted) bad rate.
  let sw = 0;
  let sb = 0;
  for (let i = 0; i < n; i++) {
    const wi = weights ? weights[i] : 1;
    sw += wi;
    sb += wi * y[i];
  }
  const base = Math.log(sb / (sw - sb));
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const r = rng(o.seed);
  const splits = Array.from({ length: o.bags }, () => split(all, y, o.validation, r));
  const eta0 = new Float64Array(n).fill(base);
  if (o.maxFeatures > 0 && o.maxFeatures < coded.length) {
    const first = boost(terms, y, weights, eta0, splits[0][0], splits[0][1], o, false);
    const importance = coded.map((c, j) => {
      const s = first.shapes[j];
      let m = 0;
      for (let i = 0; i < n; i++) m += (weights ? weights[i] : 1) * s[c.code[i]];
      m /= sw;
      let a = 0;
      for (let i = 0; i < n; i++) a += (weights ? weights[i] : 1) * Math.abs(s[c.code[i]] - m);
      return a / sw;
    });
    const rank = coded.map((_, j) => j).sort((a, b) => importance[b] - importance[a] || a - b);
    const keep = new Set(rank.slice(0, o.maxFeatures));
    for (const j of rank.slice(o.maxFeatures))
      dropped.push({
        feature: coded[j].name,
        reason: `EBM importance ${importance[j].toFixed(4)} below the ${o.maxFeatures} strongest`,
      });
    coded = coded.filter((_, j) => keep.has(j));
    terms = terms.filter((_, j) => keep.has(j));
    cands = cands.filter((_, j) => keep.has(j));
  }
  // Main effects, bag by bag.
  const mainShapes = coded.map((c) => new Float64Array(c.k + 1));
  const bagMain: Float64Array[][] = [];
  const rounds: number[] = [];
  for (const [fit, val] of splits) {
    const res = boost(terms, y, weights, eta0, fit, val, o, false);
    bagMain.push(res.shapes);
    rounds.push(res.rounds);
    res.shapes.forEach((s, j) => s.forEach((v, b) => (mainShapes[j][b] += v / o.bags)));
  }
  // Pairs: FAST on the residuals of the averaged main effects.
  const pairSpecs: (DerivedFeatureSpec & { kind: 'cross' })[] = [];
  const pairTerms: Term[] = [];
  const pairShapes: Float64Array[] = [];
  const pairRounds: number[] = [];
  if (o.interactions > 0) {
    const eta = new Float64Array(n).fill(base);
    coded.forEach((c, j) => {
      for (let i = 0; i < n; i++) eta[i] += mainShapes[j][c.code[i]];
    });
    const g = new Float64Array(n);
    const h = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const p = sigmoid(eta[i]);
      const wi = weights ? weights[i] : 1;
      g[i] = (p - y[i]) * wi;
      h[i] = p * (1 - p) * wi;
    }
    // Coarse axes: the fine bins grouped into ≤ pairBins by cumulative rows.
    const axes = coded
      .map((c, j) => ({ c, j }))
      .filter(({ c }) => c.kind !== 'categorical' && c.k >= 2)
      .map(({ c, j }) => {
        const cnt = new Float64Array(c.k);
        let m = 0;
        for (let i = 0; i < n; i++)
          if (c.code[i] < c.k) {
            cnt[c.code[i]]++;
            m++;
          }
        const group = new Uint8Array(c.k + 1);
        const cuts: number[] = [];
        let acc = 0;
        let gi = 0;
        for (let b = 0; b < c.k; b++) {
          if (b > 0 && acc >= ((gi + 1) * m) / o.pairBins && gi < o.pairBins - 1) {
            gi++;
            cuts.push(c.cuts[b - 1]);
          }
          group[b] = gi;
          acc += cnt[b];
        }
        const ka = cuts.length + 1;
        group[c.k] = 255; // missing
        return { j, name: c.name, cuts, ka, group };
      })
      .filter((a) => a.ka >= 2);
    const ranked: { a: number; b: number; gain: number }[] = [];
    for (let a = 0; a < axes.length; a++)
      for (let b = a + 1; b < axes.length; b++) {
        const A = axes[a];
        const B = axes[b];
        const ga = coded[A.j].code;
        const gb = coded[B.j].code;
        const K = A.ka * B.ka;
        const GG = new Float64Array(K);
        const HH = new Float64Array(K);
        for (let i = 0; i < n; i++) {
          const ia = A.group[ga[i]];
          const ib = B.group[gb[i]];
          if (ia === 255 || ib === 255) continue;
          GG[ia * B.ka + ib] += g[i];
          HH[ia * B.ka + ib] += h[i];
        }
        let gainBest = 0;
        for (let ca = 1; ca < A.ka; ca++)
          for (let cb = 1; cb < B.ka; cb++) {
            const q = [0, 0, 0, 0];
            const qh = [0, 0, 0, 0];
            for (let x = 0; x < A.ka; x++)
              for (let z = 0; z < B.ka; z++) {
                const qi = (x < ca ? 0 : 2) + (z < cb ? 0 : 1);
                q[qi] += GG[x * B.ka + z];
                qh[qi] += HH[x * B.ka + z];
              }
            let gain = 0;
            for (let t = 0; t < 4; t++) gain += (q[t] * q[t]) / (qh[t] + 1);
            if (gain > gainBest) gainBest = gain;
          }
        ranked.push({ a, b, gain: gainBest });
      }
    ranked.sort((p, q) => q.gain - p.gain || p.a - q.a || p.b - q.b);
    for (const { a, b } of ranked.slice(0, o.interactions)) {
      const A = axes[a];
      const B = axes[b];
      const size = A.ka * B.ka + 1;
      const code = new Uint8Array(n);
      const ga = coded[A.j].code;
      const gb = coded[B.j].code;
      for (let i = 0; i < n; i++) {
        const ia = A.group[ga[i]];
        const ib = B.group[gb[i]];
        code[i] = ia === 255 || ib === 255 ? size - 1 : ia * B.ka + ib;
      }
      pairTerms.push({ code, size, ordered: false, k: size - 1 });
      pairShapes.push(new Float64Array(size));
      pairSpecs.push(crossSpec(A, B));
    }
    if (pairTerms.length) {
      splits.forEach(([fit, val], bag) => {
        const e0 = new Float64Array(n).fill(base);
        coded.forEach((c, j) => {
          const s = bagMain[bag][j];
          for (let i = 0; i < n; i++) e0[i] += s[c.code[i]];
        });
        const res = boost(pairTerms, y, weights, e0, fit, val, o, true);
        pairRounds.push(res.rounds);
        res.shapes.forEach((s, j) => s.forEach((v, b) => (pairShapes[j][b] += v / o.bags)));
      });
    }
  }
  // Centre every shape on the training rows; monotone projection of numeric shapes.
  let intercept = base;
  const rowsPerBin = (code: ArrayLike<number>, size: number) => {
    const c = new Array<number>(size).fill(0);
    for (let i = 0; i < n; i++) c[code[i]] += weights ? weights[i] : 1;
    return c;
  };
  const centre = (shape: Float64Array, cnt: number[]) => {
    let s = 0;
    for (let b = 0; b < shape.length; b++) s += shape[b] * cnt[b];
    const m = s / sw;
    for (let b = 0; b < shape.length; b++) shape[b] -= m;
    intercept += m;
  };
  const mainCounts = coded.map((c) => rowsPerBin(c.code, c.k + 1));
  coded.forEach((c, j) => {
    const dir = monotonic[c.name] ?? (c.kind === 'numeric' ? 'auto' : 'none');
    if (o.monotone === true && c.kind !== 'categorical')
      monotoneShape(mainShapes[j], c.k, mainCounts[j], dir);
    centre(mainShapes[j], mainCounts[j]);
  });
  const pairCounts = pairTerms.map((t) => rowsPerBin(t.code, t.size));
  pairShapes.forEach((s, j) => centre(s, pairCounts[j]));

  // Points. A feature whose bins would all get the same points is left out (n counts the rest).
  const { factor, offset } = scaling;
  const keepMain = coded.map((c, j) => {
    const s = mainShapes[j];
    let lo = Infinity;
    let hi = -Infinity;
    for (let b = 0; b < s.length; b++)
      if (mainCounts[j][b] > 0) {
        lo = Math.min(lo, s[b]);
        hi = Math.max(hi, s[b]);
      }
    const keep = (hi - lo) * factor >= 1;
    if (!keep)
      dropped.push({
        feature: c.name,
        reason: `EBM shape spans ${((hi - lo) * factor).toFixed(2)} points (< 1)`,
      });
    return keep;
  });
  const nf = keepMain.filter(Boolean).length + pairTerms.length;
  const pts = (f: number) => Math.round(-(f + intercept / nf) * factor + offset / nf);
  const scores = new Float64Array(n);
  const features: ScorecardFeature[] = [];
  coded.forEach((c, j) => {
    if (!keepMain[j]) return;
    const { goods, bads } = goodBad(c.code, c.k + 1);
    const p = Array.from(mainShapes[j], pts);
    let { groups, st } = groupBins(c, p, goods, bads);
    // `monotone: 'woe'`: a safer (higher-WOE) bin never gets fewer points — the points of the
    // final bins (missing included) projected onto their WOE order, re-grouped, until it holds.
    for (let pass = 0; o.monotone === 'woe' && pass < 10; pass++) {
      const items = [
        ...groups.map((gr, gi) => ({ fine: gr, gi })),
        { fine: [c.k], gi: groups.length },
      ]
        .filter((it) => st.bins[it.gi].count > 0)
        .sort((a, b) => st.bins[a.gi].woe - st.bins[b.gi].woe);
      const proj = pava(
        items.map((it) => p[it.fine[0]]),
        items.map((it) => st.bins[it.gi].count),
      ).map(Math.round);
      let changed = false;
      items.forEach((it, q) => {
        if (p[it.fine[0]] !== proj[q]) changed = true;
        for (const b of it.fine) p[b] = proj[q];
      });
      if (!changed) break;
      ({ groups, st } = groupBins(c, p, goods, bads));
    }
    const bins: ScorecardBin[] = groups.map((gr, gi) => {
      const s = st.bins[gi];
      const base = {
        woe: round6(s.woe),
        points: p[gr[0]],
        count: Math.round(s.count),
        badRate: round6(s.eventRate),
      };
      if (c.kind === 'categorical') {
        const values = gr.map((b) => c.levels[b]).sort();
        return { label: values.join('|'), values, ...base };
      }
      const lo = gr[0] === 0 ? -Infinity : c.cuts[gr[0] - 1];
      const hiB = gr[gr.length - 1];
      const hi = hiB === c.k - 1 ? Infinity : c.cuts[hiB];
      const bin: ScorecardBin = {
        label: `[${lo === -Infinity ? '-inf' : fmt(lo)}, ${hi === Infinity ? 'inf' : fmt(hi)})`,
        ...base,
      };
      if (lo !== -Infinity) bin.lower = lo;
      if (hi !== Infinity) bin.upper = hi;
      if (c.kind === 'ordinal') {
        const codes = [...new Set(Array.from(cands[j].num!).filter((v) => v >= lo && v < hi))];
        bin.values = codes.sort((a, b) => a - b).map(String);
      }
      return bin;
    });
    const ms = st.bins[groups.length];
    bins.push({
      label: 'missing',
      isMissing: true,
      woe: round6(ms.woe),
      points: p[c.k],
      count: Math.round(ms.count),
      badRate: round6(ms.eventRate),
    });
    for (let i = 0; i < n; i++) scores[i] += p[c.code[i]];
    features.push({ name: c.name, kind: c.kind, bins, coefficient: -1, iv: round6(st.iv) });
  });
  pairTerms.forEach((t, j) => {
    const spec = pairSpecs[j];
    const p = Array.from(pairShapes[j], pts);
    const { goods, bads } = goodBad(t.code, t.size);
    const by = new Map<number, number[]>();
    for (let b = 0; b < t.size - 1; b++) {
      if (goods[b] + bads[b] === 0) continue;
      const list = by.get(p[b]) ?? [];
      list.push(b);
      by.set(p[b], list);
    }
    const groups = [...by.entries()].sort((a, b) => b[0] - a[0]).map(([, cells]) => cells);
    const st = binStats(
      [...groups.map((gr) => gr.reduce((s, b) => s + goods[b], 0)), goods[t.size - 1]],
      [...groups.map((gr) => gr.reduce((s, b) => s + bads[b], 0)), bads[t.size - 1]],
    );
    const bins: ScorecardBin[] = groups.map((gr, gi) => {
      const values = gr.map(String);
      return {
        label: `cells ${values.join('|')}`,
        values,
        woe: round6(-pairShapes[j][gr[0]]),
        points: p[gr[0]],
        count: Math.round(st.bins[gi].count),
        badRate: round6(st.bins[gi].eventRate),
      };
    });
    // Either input missing (a cell of its own in the boosting); cells never seen in training
    // score here too.
    const ms = st.bins[groups.length];
    bins.push({
      label: 'missing',
      isMissing: true,
      woe: round6(-pairShapes[j][t.size - 1]),
      points: p[t.size - 1],
      count: Math.round(ms.count),
      badRate: round6(ms.eventRate),
    });
    for (let i = 0; i < n; i++) scores[i] += p[t.code[i]];
    candidateIv[spec.name] = round6(st.iv);
    features.push({
      name: spec.name,
      kind: 'categorical',
      bins,
      coefficient: -1,
      iv: round6(st.iv),
    });
  });
  return {
    features,
    intercept: round6(intercept),
    pairs: pairSpecs,
    scores,
    dropped,
    candidateIv,
    rounds,
    pairRounds,
  };
}
