/**
 * A bagged points table (issue 16 item 5, training option `bags`): B scorecards are trained on
 * seeded, stratified subsamples of the training rows and averaged into ONE additive points table
 * — the outer bags of an EBM. A feature's points for a value are the mean of its points in the B
 * tables (0 in a table that left the feature out), rounded once:
 *
 * - numeric/ordinal features are cut at the union of the tables' cut points;
 * - categorical levels are grouped by the bins they fall in across the tables;
 * - an interaction term of the same pair is cut at the union of both axes' cuts (one `cross`
 *   spec), its cells grouped by their points;
 * - neighbouring numeric bins (and cells, levels) with the same points become one bin.
 *
 * The result is an ordinary model file: every bin's points are readable, the score is their sum.
 * Counts, bad rates, WOE and IV of the merged bins are recomputed on the full training rows.
 */
import { binStats } from './binning.js';
import { cutIndex, derivedInputs } from './derived.js';
import type {
  DerivedFeatureSpec,
  FeatureKind,
  ScorecardBin,
  ScorecardFeature,
  ScorecardModel,
} from './format.js';
import { compileModel } from './score.js';
import type { FeatureRecord } from './types.js';

/** Mulberry32: a small seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Row indices of a stratified subsample: `fraction` of the goods and of the bads, seeded. */
export function stratifiedSubsample(y: Uint8Array, fraction: number, seed: number): number[] {
  const r = rng(seed);
  const out: number[] = [];
  for (const cls of [0, 1]) {
    const idx: number[] = [];
    for (let i = 0; i < y.length; i++) if (y[i] === cls) idx.push(i);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    out.push(...idx.slice(0, Math.max(1, Math.round(fraction * idx.length))));
  }
  return out.sort((a, b) => a - b);
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}

function intervalLabel(lo: number, hi: number): string {
  return `[${lo === -Infinity ? '-inf' : fmt(lo)}, ${hi === Infinity ? 'inf' : fmt(hi)})`;
}

type Draft = Omit<ScorecardBin, 'woe' | 'count' | 'badRate' | 'points'> & { avg: number };

/** The points a (numeric/ordinal) feature's table gives a value; the missing bin for NaN. */
function numericPoints(f: ScorecardFeature, v: number): number {
  const nm = f.bins.filter((b) => !b.isMissing);
  if (Number.isNaN(v) || nm.length === 0) return f.bins.find((b) => b.isMissing)!.points;
  let k = 0;
  while (k + 1 < nm.length && v >= nm[k + 1].lower!) k++;
  return nm[k].points;
}

function missingPoints(f: ScorecardFeature | undefined): number {
  return f ? f.bins.find((b) => b.isMissing)!.points : 0;
}

function mean(xs: number[], B: number): number {
  return xs.reduce((s, x) => s + x, 0) / B;
}

function union(lists: number[][]): number[] {
  return [...new Set(lists.flat())].sort((a, b) => a - b);
}

/** Merges runs of neighbouring drafts whose rounded points are equal (numeric bins). */
function mergeRuns(drafts: (Draft & { lo: number; hi: number })[], ordinal: boolean): Draft[] {
  const out: (Draft & { lo: number; hi: number })[] = [];
  for (const d of drafts) {
    const last = out[out.length - 1];
    if (last && Math.round(last.avg) === Math.round(d.avg)) {
      last.hi = d.hi;
      if (ordinal) last.values = [...(last.values ?? []), ...(d.values ?? [])];
    } else out.push({ ...d, values: d.values?.slice() });
  }
  return out.map(({ lo, hi, avg, values }) => {
    const b: Draft = { label: intervalLabel(lo, hi), avg };
    if (lo !== -Infinity) b.lower = lo;
    if (hi !== Infinity) b.upper = hi;
    if (ordinal) b.values = values ?? [];
    return b;
  });
}

/** Groups keys (levels or cell codes) by rounded average points into categorical bins. */
function groupKeys(keys: { key: string; avg: number }[], numericSort: boolean): Draft[] {
  const byPts = new Map<number, { keys: string[]; sum: number }>();
  for (const k of keys) {
    const p = Math.round(k.avg);
    const g = byPts.get(p) ?? { keys: [], sum: 0 };
    g.keys.push(k.key);
    g.sum += k.avg;
    byPts.set(p, g);
  }
  return [...byPts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, g]) => {
      const values = numericSort ? g.keys.sort((a, b) => Number(a) - Number(b)) : g.keys.sort();
      return { label: values.join('|'), values, avg: g.sum / g.keys.length };
    });
}

function mergeNumeric(fs: (ScorecardFeature | undefined)[], kind: FeatureKind, B: number): Draft[] {
  const present = fs.filter((f): f is ScorecardFeature => !!f);
  const cuts = union(
    present.map((f) =>
      f.bins
        .filter((b) => !b.isMissing)
        .slice(1)
        .map((b) => b.lower!),
    ),
  );
  const ordinal = kind === 'ordinal';
  const codes = ordinal
    ? union(
        present.map((f) =>
          f.bins.flatMap((b) => (b.isMissing ? [] : (b.values ?? [])).map(Number)),
        ),
      )
    : [];
  const drafts: (Draft & { lo: number; hi: number })[] = [];
  for (let i = 0; i <= cuts.length; i++) {
    const lo = i === 0 ? -Infinity : cuts[i - 1];
    const hi = i === cuts.length ? Infinity : cuts[i];
    const avg = mean(
      fs.map((f) => (f ? numericPoints(f, lo) : 0)),
      B,
    );
    const d: Draft & { lo: number; hi: number } = { label: '', lo, hi, avg };
    if (ordinal) d.values = codes.filter((c) => c >= lo && c < hi).map(String);
    drafts.push(d);
  }
  return mergeRuns(drafts, ordinal);
}

function mergeCategorical(fs: (ScorecardFeature | undefined)[], B: number): Draft[] {
  const levels = [
    ...new Set(
      fs.flatMap((f) => f?.bins.flatMap((b) => (b.isMissing ? [] : (b.values ?? []))) ?? []),
    ),
  ];
  return groupKeys(
    levels.map((key) => ({
      key,
      avg: mean(
        fs.map((f) => {
          if (!f) return 0;
          const b = f.bins.find((x) => !x.isMissing && x.values?.includes(key));
          return b ? b.points : missingPoints(f);
        }),
        B,
      ),
    })),
    false,
  );
}

type Cross = DerivedFeatureSpec & { kind: 'cross' };

function mergeCross(
  fs: (ScorecardFeature | undefined)[],
  specs: (Cross | undefined)[],
  B: number,
): { spec: Cross; drafts: Draft[] } {
  const present = specs.filter((s): s is Cross => !!s);
  const aCuts = union(present.map((s) => s.aCuts));
  const bCuts = union(present.map((s) => s.bCuts));
  const keys: { key: string; avg: number }[] = [];
  for (let ia = 0; ia <= aCuts.length; ia++) {
    const ra = ia === 0 ? -Infinity : aCuts[ia - 1];
    for (let ib = 0; ib <= bCuts.length; ib++) {
      const rb = ib === 0 ? -Infinity : bCuts[ib - 1];
      const avg = mean(
        fs.map((f, b) => {
          const s = specs[b];
          if (!f || !s) return 0;
          const code = String(cutIndex(s.aCuts, ra) * (s.bCuts.length + 1) + cutIndex(s.bCuts, rb));
          const bin = f.bins.find((x) => !x.isMissing && x.values?.includes(code));
          return bin ? bin.points : missingPoints(f);
        }),
        B,
      );
      keys.push({ key: String(ia * (bCuts.length + 1) + ib), avg });
    }
  }
  return { spec: { ...present[0], aCuts, bCuts }, drafts: groupKeys(keys, true) };
}

/**
 * Averages bagged scorecards (same data columns and options) into one points table, with bin
 * statistics and training stats recomputed on `rows`/`y` (the full training set; `weights` as in
 * training). `columns` orders the features (raw columns first, then derived ones, as training does).
 */
export function mergeBags(
  bags: ScorecardModel[],
  rows: FeatureRecord[],
  y: Uint8Array,
  columns: readonly string[],
  weights?: Float64Array,
): {
  intercept: number;
  derived: DerivedFeatureSpec[];
  features: ScorecardFeature[];
  /** The merged table's score of every row. */
  scores: Float64Array;
} {
  const B = bags.length;
  // Derived specs: union by name, crosses merged; placed once their inputs are.
  const specsByName = new Map<string, DerivedFeatureSpec[]>();
  for (const m of bags)
    for (const d of m.derived) {
      const l = specsByName.get(d.name) ?? [];
      l.push(d);
      specsByName.set(d.name, l);
    }
  const featureNames: string[] = [];
  for (const m of bags)
    for (const f of m.features) if (!featureNames.includes(f.name)) featureNames.push(f.name);
  const crossDrafts = new Map<string, Draft[]>();
  const mergedSpec = new Map<string, DerivedFeatureSpec>();
  for (const [name, list] of specsByName) {
    if (list[0].kind === 'cross') {
      const fs = bags.map((m) => m.features.find((f) => f.name === name));
      const specs = bags.map((m) => m.derived.find((d) => d.name === name) as Cross | undefined);
      const { spec, drafts } = mergeCross(fs, specs, B);
      mergedSpec.set(name, spec);
      crossDrafts.set(name, drafts);
    } else mergedSpec.set(name, list[0]);
  }
  const derived: DerivedFeatureSpec[] = [];
  const placed = new Set<string>();
  while (derived.length < mergedSpec.size) {
    const before = derived.length;
    for (const [name, d] of mergedSpec) {
      if (placed.has(name)) continue;
      if (derivedInputs(d).every((a) => !mergedSpec.has(a) || placed.has(a))) {
        derived.push(d);
        placed.add(name);
      }
    }
    if (derived.length === before) throw new Error('bagged models: derived features form a cycle');
  }
  const position = (name: string) => {
    const c = columns.indexOf(name);
    return c >= 0 ? c : columns.length + derived.findIndex((d) => d.name === name);
  };
  featureNames.sort((a, b) => position(a) - position(b));

  const drafts = featureNames.map((name) => {
    const fs = bags.map((m) => m.features.find((f) => f.name === name));
    const first = fs.find((f) => !!f)!;
    let kind = first.kind;
    if (kind !== 'categorical' && fs.some((f) => f && f.kind === 'numeric')) kind = 'numeric';
    const bins =
      crossDrafts.get(name) ??
      (kind === 'categorical' ? mergeCategorical(fs, B) : mergeNumeric(fs, kind, B));
    bins.push({ label: 'missing', isMissing: true, avg: mean(fs.map(missingPoints), B) });
    return {
      name,
      kind,
      bins,
      coefficient: mean(
        fs.map((f) => f?.coefficient ?? 0),
        B,
      ),
    };
  });

  // Points (rounded once), then bin statistics and training scores from the merged table.
  const features: ScorecardFeature[] = drafts.map((d) => ({
    name: d.name,
    kind: d.kind,
    bins: d.bins.map(({ avg, ...b }) => ({
      ...b,
      woe: 0,
      count: 0,
      badRate: 0,
      points: Math.round(avg),
    })),
    coefficient: round6(d.coefficient),
    iv: 0,
  }));
  const intercept = round6(
    mean(
      bags.map((m) => m.intercept),
      B,
    ),
  );
  const c = compileModel({ ...bags[0], version: 'bagged', intercept, derived, features });
  const n = rows.length;
  const nf = features.length;
  const goods = features.map((f) => new Float64Array(f.bins.length));
  const badsBy = features.map((f) => new Float64Array(f.bins.length));
  const binIdx = new Int32Array(nf);
  const buf = new Float64Array(c.inputs.length);
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    scores[i] = c.score(c.encode(rows[i], buf), binIdx);
    const w = weights ? weights[i] : 1;
    for (let j = 0; j < nf; j++) (y[i] ? badsBy : goods)[j][binIdx[j]] += w;
  }
  features.forEach((f, j) => {
    const st = binStats(goods[j], badsBy[j]);
    f.iv = round6(st.iv);
    f.bins.forEach((b, bi) => {
      b.woe = round6(st.bins[bi].woe);
      b.count = Math.round(st.bins[bi].count);
      b.badRate = round6(st.bins[bi].eventRate);
    });
  });
  return { intercept, derived, features, scores };
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
