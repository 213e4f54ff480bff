/**
 * Training: derived features → kinds → supervised binning → WOE → feature selection (IV,
 * correlation) → L2 logistic regression on WOE → integer points → grade bands and stats.
 */
import {
  binCategorical,
  binNumeric,
  groupStats,
  type BinningOptions,
  type Group,
} from './binning.js';
import { mergeBags, stratifiedSubsample } from './bagging.js';
import { DataError, columnIndex, labelColumn, selectRows, toRecords, type Dataset } from './csv.js';
import { applicableDerived, CARD_DERIVED_FEATURES, derivedInputs, evalDerived } from './derived.js';
import type {
  DerivedFeatureSpec,
  FeatureKind,
  GradeBand,
  Monotonic,
  ScorecardBin,
  ScorecardFeature,
  ScorecardModel,
} from './format.js';
import { trainEbm, type EbmOptions } from './ebm.js';
import { pairwiseInteractions } from './interactions.js';
import { fitLogistic } from './logistic.js';
import { auc as aucOf, correlation as corr, gini as giniOf, ks as ksOf } from './metrics.js';

export interface TrainOptions {
  /** Label column: 1 = bad, 0 = good. */
  label: string;
  /**
   * `woe-logistic` (default): supervised binning, WOE, L2 logistic regression (the steps below).
   * `ebm`: an Explainable-Boosting-Machine-style trainer (cyclic boosting of one-feature shape
   * functions on fine bins, outer bags, FAST-selected pairs) that emits the same points-table
   * format; see `ebm.ts` and the `ebm` options. Binning, selection, interaction and refit
   * options do not apply to it; `derive`, `derived`, `exclude`, `featureKinds`, `monotonic`,
   * `weight`, the protected attributes and the scaling do.
   */
  method?: 'woe-logistic' | 'ebm';
  /** Settings of `method: 'ebm'`. */
  ebm?: EbmOptions;
  /** Columns that are not features (ids…). A column named `id` (any case) is always excluded. */
  exclude?: string[];
  /** Force a feature's kind; otherwise: text → categorical, ≤ 12 distinct integers → ordinal, else numeric. */
  featureKinds?: Record<string, FeatureKind>;
  /** Shape of the bad rate against the value (numeric default `auto`; ordinal default: one peak/valley). */
  monotonic?: Record<string, Monotonic>;
  /** Minimum share of non-missing rows per bin (default 0.05). */
  minBinShare?: number;
  /** Maximum bins per feature, missing bin excluded (default 8). */
  maxBins?: number;
  /** Neighbouring bins whose chi-square is below this merge (default 0 = off). */
  mergeChi2?: number;
  /** Quantile pre-bins for numeric features (default 40). */
  preBins?: number;
  /** `auto` numeric features may keep one peak/valley when its IV ≥ this × the monotone IV (default Infinity = off). */
  turnGain?: number;
  /** Drop features whose coefficient has the wrong sign and refit (default true). */
  signCheck?: boolean;
  /**
   * Add a 2-way interaction of the strongest numeric/ordinal feature with its best partner
   * (highest IV among those with |corr| < 0.6): a `cross` derived feature over their bins,
   * binned as a categorical (default false; needs at least 2000 rows; on in `TUNED_OPTIONS`).
   */
  interaction?: boolean;
  /**
   * EBM-style pairwise interaction terms: after the main effects are fitted, pairs of the
   * strongest kept numeric/ordinal features are ranked by FAST gain on the residuals and up to
   * this many become `cross` features whose cell groups carry residual log-odds as WOE (default
   * 0 = off; needs at least 2000 rows). See `interactions.ts`.
   */
  interactions?: number;
  /** How many of the strongest kept features are paired for `interactions` (default 10). */
  interactionCandidates?: number;
  /** Minimum share of rows per cell group of an interaction term (default `minBinShare`). */
  interactionMinShare?: number;
  /** Maximum cell groups per interaction term (default 6). */
  interactionMaxBins?: number;
  /** Shrinkage of an interaction cell group's residual log-odds, in Hessian units (default 10). */
  interactionLambda?: number;
  /**
   * Bin-level refit (EBM-style backfitting of the points table): after the logistic fit, this many
   * cyclic passes of a penalised Newton step per bin adjust each bin's log-odds jointly with all
   * other features, so a bin's points are no longer tied to its univariate WOE (default 0 = off).
   */
  binRefit?: number;
  /** L2 penalty (in Hessian units) of a bin's adjustment in `binRefit` (default 20; the presets use 100). */
  binRefitLambda?: number;
  /**
   * Bagging (EBM's outer bags): train this many scorecards on seeded, stratified subsamples of
   * the rows (`bagFraction` of each class) and average them into one points table — union of
   * the cut points, each bin's points the mean of the tables' points, rounded once (see
   * `bagging.ts`). Default 0 = off (one table on all rows).
   */
  bags?: number;
  /** Share of the goods and of the bads in each bag (default 0.8). */
  bagFraction?: number;
  /** L2 penalty of the logistic regression (default 2). */
  l2?: number;
  /** Drop features with information value below this (default 0.02). */
  minIv?: number;
  /** Of two features with |correlation of WOE| above this, drop the lower-IV one (default 0.8). */
  maxCorr?: number;
  baseScore?: number;
  baseOdds?: number;
  pdo?: number;
  /** Model version; default: a hash of the model's content. */
  version?: string;
  /** ISO timestamp to record (default: now). */
  createdAt?: string;
  /** Engineered features on/off (default on; only those whose columns exist are used). */
  derive?: boolean;
  /** Derived feature specs to use instead of the built-in card set. */
  derived?: DerivedFeatureSpec[];
  /**
   * User-set cut points per numeric/ordinal feature: its bins are exactly these
   * (`[−∞, c1), [c1, c2), …`), not found by the supervised binning.
   */
  breaks?: Record<string, number[]>;
  /** Column of sample weights (numbers ≥ 0; not a feature): counts and the regression are weighted. */
  weight?: string;
  /**
   * Use protected attributes (`PROTECTED_ATTRIBUTES`, or `protectedAttributes`) as features.
   * Default false: they are left out and `stats.warnings` says so (fair lending).
   */
  allowProtected?: boolean;
  /** The column names treated as protected (default `PROTECTED_ATTRIBUTES`; matched case-insensitively). */
  protectedAttributes?: readonly string[];
}

/**
 * Columns treated as protected attributes by default (fair-lending laws such as ECOA/Reg B in the
 * US, the EU's anti-discrimination directives and PBOC's consumer-protection rules forbid or
 * restrict using them): sex/gender, age, marital status, race/ethnicity, religion, national
 * origin/nationality, disability, pregnancy — as generic names and as they appear in the two
 * development sets (`SEX`, `AGE`, `MARRIAGE`; `personal_status_sex`, `age_years`,
 * `foreign_worker`). Matched case-insensitively.
 */
export const PROTECTED_ATTRIBUTES: readonly string[] = [
  'sex',
  'gender',
  'age',
  'age_years',
  'marriage',
  'marital_status',
  'personal_status_sex',
  'race',
  'ethnicity',
  'religion',
  'national_origin',
  'nationality',
  'foreign_worker',
  'disability',
  'pregnancy',
];

/** The columns of `columns` that are protected attributes under `list`. */
export function protectedColumns(
  columns: readonly string[],
  list: readonly string[] = PROTECTED_ATTRIBUTES,
): string[] {
  const set = new Set(list.map((c) => c.toLowerCase()));
  return columns.filter((c) => set.has(c.toLowerCase()));
}

interface Candidate {
  name: string;
  kind: FeatureKind;
  num?: Float64Array;
  cat?: (string | null)[];
}

const DEFAULTS = {
  minBinShare: 0.05,
  maxBins: 8,
  mergeChi2: 0,
  preBins: 40,
  turnGain: Infinity,
  l2: 2,
  minIv: 0.02,
  maxCorr: 0.8,
  baseScore: 600,
  baseOdds: 50,
  pdo: 20,
};

function inferKind(col: (string | number | null)[], name: string): FeatureKind {
  let nums = 0;
  let strs = 0;
  let firstStr = -1;
  const distinct = new Set<number>();
  let allInt = true;
  for (let i = 0; i < col.length; i++) {
    const v = col[i];
    if (v === null) continue;
    if (typeof v === 'number') {
      nums++;
      if (distinct.size <= 12) distinct.add(v);
      if (!Number.isInteger(v)) allInt = false;
    } else {
      strs++;
      if (firstStr < 0) firstStr = i;
    }
  }
  if (strs > 0 && nums > 0 && nums >= 0.95 * (nums + strs)) {
    throw new DataError(
      `column "${name}" row ${firstStr + 1}: non-numeric value ${JSON.stringify(col[firstStr])} in a numeric column`,
    );
  }
  if (strs > 0) return 'categorical';
  return allInt && distinct.size <= 12 ? 'ordinal' : 'numeric';
}

function numericColumn(col: (string | number | null)[], name: string): Float64Array {
  const out = new Float64Array(col.length);
  for (let i = 0; i < col.length; i++) {
    const v = col[i];
    if (v === null) out[i] = NaN;
    else if (typeof v === 'number') out[i] = v;
    else
      throw new DataError(
        `column "${name}" row ${i + 1}: non-numeric value ${JSON.stringify(v)} where a number is needed`,
      );
  }
  return out;
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}

function numericLabel(g: Group): string {
  const lo = g.lo === -Infinity ? '-inf' : fmt(g.lo);
  const hi = g.hi === Infinity ? 'inf' : fmt(g.hi);
  return `[${lo}, ${hi})`;
}

/** FNV-1a of a string, hex. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

interface BinnedFeature {
  name: string;
  kind: FeatureKind;
  bins: Omit<ScorecardBin, 'points'>[];
  iv: number;
  /** WOE of each training row. */
  x: Float64Array;
}

function binFeature(c: Candidate, y: Uint8Array, bopts: BinningOptions): BinnedFeature {
  const n = y.length;
  const res =
    c.kind === 'categorical'
      ? binCategorical(c.cat!, y, bopts)
      : binNumeric(c.num!, y, c.kind === 'ordinal', bopts);
  const { groups, missing } = res;
  const stats = groupStats(groups, missing);
  const bins: Omit<ScorecardBin, 'points'>[] = groups.map((g, gi) => {
    const st = stats.bins[gi];
    // Weighted counts are rounded to whole rows in the model (the bad rate is the weighted one).
    const base = { woe: st.woe, count: Math.round(st.count), badRate: st.eventRate };
    if (c.kind === 'categorical')
      return { label: g.values.slice().sort().join('|'), values: g.values.slice().sort(), ...base };
    const b: Omit<ScorecardBin, 'points'> = { label: numericLabel(g), ...base };
    if (g.lo !== -Infinity) b.lower = g.lo;
    if (g.hi !== Infinity) b.upper = g.hi;
    if (c.kind === 'ordinal') b.values = g.values;
    return b;
  });
  const ms = stats.bins[groups.length];
  bins.push({
    label: 'missing',
    isMissing: true,
    woe: ms.woe,
    count: Math.round(ms.count),
    badRate: ms.eventRate,
  });
  // WOE per row.
  const x = new Float64Array(n);
  if (c.kind === 'categorical') {
    const map = new Map<string, number>();
    bins.forEach((b) => b.values?.forEach((v) => map.set(v, b.woe)));
    for (let i = 0; i < n; i++) {
      const v = c.cat![i];
      x[i] = v === null ? bins[bins.length - 1].woe : map.get(v)!;
    }
  } else {
    const nm = bins.length - 1;
    for (let i = 0; i < n; i++) {
      const v = c.num![i];
      if (Number.isNaN(v) || nm === 0) x[i] = bins[nm].woe;
      else {
        let j = 0;
        while (j + 1 < nm && v >= bins[j + 1].lower!) j++;
        x[i] = bins[j].woe;
      }
    }
  }
  return { name: c.name, kind: c.kind, bins, iv: stats.iv, x };
}

/** The sample weights of `opts.weight` (checked ≥ 0), or undefined. */
function weightColumn(data: Dataset, opts: TrainOptions): Float64Array | undefined {
  if (!opts.weight) return undefined;
  if (!data.columns.includes(opts.weight))
    throw new DataError(`weight column "${opts.weight}" not found`);
  const weights = numericColumn(
    data.rows.map((r) => r[columnIndex(data, opts.weight!)]),
    opts.weight,
  );
  for (let i = 0; i < weights.length; i++)
    if (!(weights[i] >= 0))
      throw new DataError(
        `column "${opts.weight}" row ${i + 1}: weight ${weights[i]} is not a number ≥ 0`,
      );
  return weights;
}

/** Builds the candidate feature columns (raw minus label/excluded, plus applicable derived). */
function candidates(
  data: Dataset,
  opts: TrainOptions,
  derived: DerivedFeatureSpec[],
  protectedCols: readonly string[],
): Candidate[] {
  const exclude = new Set([
    opts.label,
    ...(opts.exclude ?? []),
    ...(opts.weight ? [opts.weight] : []),
    ...protectedCols,
  ]);
  for (const c of data.columns) if (c.toLowerCase() === 'id') exclude.add(c);
  for (const e of opts.exclude ?? []) {
    if (!data.columns.includes(e)) throw new DataError(`excluded column "${e}" not found`);
  }
  const n = data.rows.length;
  const out: Candidate[] = [];
  const numericCache = new Map<string, Float64Array>();
  const rawCol = (j: number) => data.rows.map((r) => r[j]);
  data.columns.forEach((name, j) => {
    if (exclude.has(name)) return;
    const col = rawCol(j);
    const forced = opts.featureKinds?.[name];
    const kind = forced ?? inferKind(col, name);
    if (kind === 'categorical')
      out.push({ name, kind, cat: col.map((v) => (v === null ? null : String(v))) });
    else {
      const num = numericColumn(col, name);
      numericCache.set(name, num);
      out.push({ name, kind, num });
    }
  });
  // Derived features read raw numeric columns (even excluded ones are allowed as inputs, except the label).
  const get = (name: string): Float64Array => {
    let c = numericCache.get(name);
    if (!c) {
      if (name === opts.label)
        throw new DataError(`derived features may not read the label "${name}"`);
      if (protectedCols.includes(name))
        throw new DataError(`derived features may not read the protected attribute "${name}"`);
      c = numericColumn(rawCol(columnIndex(data, name)), name);
      numericCache.set(name, c);
    }
    return c;
  };
  for (const d of derived) {
    const inputs = derivedInputs(d);
    const cols = inputs.map(get);
    const names = inputs;
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = evalDerived(d, (nm) => cols[names.indexOf(nm)][i]);
    numericCache.set(d.name, v);
    const forced = opts.featureKinds?.[d.name];
    let kind: FeatureKind = forced ?? 'numeric';
    if (!forced) {
      const distinct = new Set<number>();
      let allInt = true;
      for (let i = 0; i < n && distinct.size <= 12; i++) {
        if (Number.isNaN(v[i])) continue;
        distinct.add(v[i]);
        if (!Number.isInteger(v[i])) allInt = false;
      }
      kind = allInt && distinct.size <= 12 ? 'ordinal' : 'numeric';
    }
    out.push({ name: d.name, kind, num: v });
  }
  return out;
}

/** Trains a WOE logistic-regression scorecard. Deterministic: same data and options, same model. */
export function trainScorecard(data: Dataset, opts: TrainOptions): ScorecardModel {
  const o = {
    ...DEFAULTS,
    ...Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)),
  } as typeof DEFAULTS & TrainOptions;
  if (data.rows.length === 0) throw new DataError('no data rows');
  const y = labelColumn(data, opts.label);
  const n = y.length;
  let bads = 0;
  for (let i = 0; i < n; i++) bads += y[i];
  if (bads === 0 || bads === n)
    throw new DataError(
      `label "${opts.label}" has only ${bads === 0 ? 'goods (0)' : 'bads (1)'}; need both`,
    );
  if (opts.bags !== undefined && !(Number.isInteger(opts.bags) && opts.bags >= 0))
    throw new DataError(`bags must be a whole number ≥ 0, got ${opts.bags}`);
  if ((opts.bags ?? 0) > 1 && opts.method !== 'ebm') return trainBagged(data, opts, y);
  const dropped: { feature: string; reason: string }[] = [];
  const warnings: string[] = [];
  const protectedCols = opts.allowProtected
    ? []
    : protectedColumns(data.columns, opts.protectedAttributes).filter(
        (c) => c !== opts.label && !(opts.exclude ?? []).includes(c),
      );
  if (protectedCols.length) {
    warnings.push(
      `protected attributes left out (fair lending): ${protectedCols.join(', ')}; pass allowProtected (CLI --allow-protected) to use them`,
    );
    for (const c of protectedCols)
      dropped.push({ feature: c, reason: 'protected attribute (fair lending)' });
  }
  const usable = data.columns.filter((c) => !protectedCols.includes(c));
  const derived =
    opts.derive === false ? [] : applicableDerived(opts.derived ?? CARD_DERIVED_FEATURES, usable);
  const cands = candidates(data, opts, derived, protectedCols);
  const weights = weightColumn(data, opts);
  for (const name of Object.keys(opts.breaks ?? {}))
    if (!cands.some((c) => c.name === name && c.kind !== 'categorical'))
      throw new DataError(`--breaks names "${name}", which is not a numeric or ordinal feature`);
  if (opts.method === 'ebm')
    return ebmModel(opts, o, y, cands, derived, weights, dropped, warnings);
  const candidateIv: Record<string, number> = {};

  // 1. Bin every candidate.
  const binned: BinnedFeature[] = [];
  for (const c of cands) {
    const mono = opts.monotonic?.[c.name] ?? (c.kind === 'numeric' ? 'auto' : 'none');
    const bf = binFeature(c, y, {
      minBinShare: o.minBinShare,
      maxBins: o.maxBins,
      mergeChi2: o.mergeChi2,
      preBins: o.preBins,
      turnGain: o.turnGain,
      monotonic: mono,
      weights,
      breaks: opts.breaks?.[c.name],
    });
    candidateIv[c.name] = round6(bf.iv);
    if (bf.bins.length <= 1 || !(bf.iv >= o.minIv))
      dropped.push({ feature: c.name, reason: `IV ${bf.iv.toFixed(4)} < ${o.minIv}` });
    else binned.push(bf);
  }
  binned.sort((a, b) => b.iv - a.iv || (a.name < b.name ? -1 : 1));
  // 1b. Interaction of the strongest pair.
  if (opts.interaction === true && n >= 2000) {
    const numericBinned = binned.filter((f) => f.kind !== 'categorical');
    const A = numericBinned[0];
    const B = A && numericBinned.slice(1).find((f) => Math.abs(corr(A.x, f.x)) < 0.6);
    if (A && B) {
      const cuts = (f: BinnedFeature) =>
        f.bins.filter((b) => !b.isMissing && b.lower !== undefined).map((b) => b.lower!);
      const spec: DerivedFeatureSpec = {
        kind: 'cross',
        name: `${A.name}_x_${B.name}`,
        a: A.name,
        b: B.name,
        aCuts: cuts(A),
        bCuts: cuts(B),
      };
      const ca = cands.find((c) => c.name === A.name)!.num!;
      const cb = cands.find((c) => c.name === B.name)!.num!;
      const code = new Float64Array(n);
      for (let i = 0; i < n; i++)
        code[i] = evalDerived(spec, (nm) => (nm === A.name ? ca[i] : cb[i]));
      const cat = Array.from(code, (v) => (Number.isNaN(v) ? null : String(v)));
      const cand: Candidate = { name: spec.name, kind: 'categorical', cat };
      const bf = binFeature(cand, y, {
        minBinShare: o.minBinShare / 2,
        maxBins: o.maxBins * 2,
        mergeChi2: o.mergeChi2,
        preBins: o.preBins,
        turnGain: o.turnGain,
        monotonic: 'none',
        weights,
      });
      candidateIv[spec.name] = round6(bf.iv);
      if (bf.iv >= o.minIv && bf.bins.length > 1) {
        derived.push(spec);
        cands.push(cand);
        binned.push(bf);
        binned.sort((a, b) => b.iv - a.iv || (a.name < b.name ? -1 : 1));
      }
    }
  }
  // 2. Correlation filter, highest IV first.
  let kept: BinnedFeature[] = [];
  for (const f of binned) {
    const clash = kept.find((k) => Math.abs(corr(k.x, f.x)) > o.maxCorr);
    if (clash)
      dropped.push({ feature: f.name, reason: `|corr| > ${o.maxCorr} with ${clash.name}` });
    else kept.push(f);
  }
  // 3. Logistic regression; drop features whose coefficient has the wrong sign (≥ 0: a higher,
  //    safer WOE must not raise the odds of bad), refit.
  const fitSigned = () => {
    let f = fitLogistic(
      kept.map((k) => k.x),
      y,
      o.l2,
      50,
      1e-9,
      weights,
    );
    for (;;) {
      const wrong = f.coefficients.map((b, j) => ({ b, j })).filter((x) => x.b >= 0);
      if (wrong.length === 0 || kept.length === 0 || o.signCheck === false) break;
      const worst = wrong.reduce((a, b) => (b.b > a.b ? b : a));
      dropped.push({
        feature: kept[worst.j].name,
        reason: `coefficient ${worst.b.toFixed(4)} has the wrong sign`,
      });
      kept = kept.filter((_, j) => j !== worst.j);
      f = fitLogistic(
        kept.map((k) => k.x),
        y,
        o.l2,
        50,
        1e-9,
        weights,
      );
    }
    return f;
  };
  let fit = fitSigned();
  // 3b. EBM-style pairwise interactions on the residuals of the main effects, then one refit.
  if ((opts.interactions ?? 0) > 0 && n >= 2000 && kept.length >= 2) {
    const pool = kept
      .filter((f) => f.kind !== 'categorical' && f.bins.filter((b) => !b.isMissing).length >= 2)
      .sort((a, b) => b.iv - a.iv || (a.name < b.name ? -1 : 1))
      .slice(0, opts.interactionCandidates ?? 10);
    const p = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let eta = fit.intercept;
      for (let j = 0; j < kept.length; j++) eta += fit.coefficients[j] * kept[j].x[i];
      p[i] = 1 / (1 + Math.exp(-eta));
    }
    const terms = pairwiseInteractions(
      pool.map((f) => {
        const real = f.bins.filter((b) => !b.isMissing);
        return {
          name: f.name,
          cuts: real.slice(1).map((b) => b.lower!),
          labels: real.map((b) => b.label),
          values: cands.find((c) => c.name === f.name)!.num!,
          iv: f.iv,
        };
      }),
      y,
      p,
      {
        count: opts.interactions!,
        minShare: opts.interactionMinShare ?? o.minBinShare,
        maxBins: opts.interactionMaxBins ?? 6,
        lambda: opts.interactionLambda ?? 10,
        minGainPerRow: 1e-4,
      },
      weights,
    );
    for (const t of terms) {
      candidateIv[t.spec.name] = round6(t.iv);
      derived.push(t.spec);
      cands.push({ name: t.spec.name, kind: 'categorical', cat: [] });
      kept.push({ name: t.spec.name, kind: 'categorical', bins: t.bins, iv: t.iv, x: t.x });
    }
    if (terms.length) fit = fitSigned();
  }
  // 3c. Bin-level refit: per-bin log-odds adjustments on top of β·WOE (zero when off).
  const adjust = kept.map((f) => new Float64Array(f.bins.length));
  if ((opts.binRefit ?? 0) > 0)
    binRefit(kept, fit, adjust, y, opts.binRefit!, opts.binRefitLambda ?? 20, weights);
  // Features in the order of the input columns (derived after raw), for stable reason-code ties.
  const position = new Map(cands.map((c, i) => [c.name, i]));
  const orderIdx = kept
    .map((_, j) => j)
    .sort((a, b) => position.get(kept[a].name)! - position.get(kept[b].name)!);

  // 4. Points.
  const factor = o.pdo / Math.LN2;
  const offset = o.baseScore - factor * Math.log(o.baseOdds);
  const nf = kept.length;
  const features: ScorecardFeature[] = orderIdx.map((j) => {
    const f = kept[j];
    const beta = fit.coefficients[j];
    const bins: ScorecardBin[] = f.bins.map((b, bi) => ({
      ...b,
      woe: round6(b.woe),
      badRate: round6(b.badRate),
      points: Math.round(
        -(beta * b.woe + adjust[j][bi] + fit.intercept / nf) * factor + offset / nf,
      ),
    }));
    return { name: f.name, kind: f.kind, bins, coefficient: round6(beta), iv: round6(f.iv) };
  });

  // 5. Training scores → stats and grade bands.
  const scores = new Float64Array(n);
  for (let jj = 0; jj < nf; jj++) {
    const f = kept[orderIdx[jj]];
    const feat = features[jj];
    const byWoe = new Map<number, number>();
    f.bins.forEach((b, bi) => byWoe.set(b.woe, feat.bins[bi].points));
    for (let i = 0; i < n; i++) scores[i] += byWoe.get(f.x[i])!;
  }
  return modelDocument(opts, o, y, cands.length, dropped, warnings, {
    intercept: round6(fit.intercept),
    derived,
    features,
    scores,
    fitStats: {
      l2: o.l2,
      minBinShare: o.minBinShare,
      iterations: fit.iterations,
      candidateIv,
    },
  });
}

/** `method: 'ebm'`: the EBM's points table as a model document. */
function ebmModel(
  opts: TrainOptions,
  o: typeof DEFAULTS & TrainOptions,
  y: Uint8Array,
  cands: Candidate[],
  derived: DerivedFeatureSpec[],
  weights: Float64Array | undefined,
  dropped: { feature: string; reason: string }[],
  warnings: string[],
): ScorecardModel {
  const factor = o.pdo / Math.LN2;
  const offset = o.baseScore - factor * Math.log(o.baseOdds);
  const r = trainEbm(cands, y, weights, opts.ebm ?? {}, { factor, offset }, opts.monotonic);
  dropped.push(...r.dropped);
  // Main effects in the order of the input columns (derived after raw), then the pairs.
  return modelDocument(opts, o, y, cands.length, dropped, warnings, {
    intercept: r.intercept,
    derived: [...derived, ...r.pairs],
    features: r.features,
    scores: r.scores,
    fitStats: {
      l2: 0,
      minBinShare: 0,
      iterations: Math.max(0, ...r.rounds),
      candidateIv: r.candidateIv,
    },
    bags: opts.ebm?.bags ?? 8,
  });
}

/**
 * The model document of a fitted points table, for both trainers: the derived specs its
 * features need (directly or through another derived one; the rest of `derived` is left out),
 * the training-score stats and grade bands, and the content-hash version.
 */
function modelDocument(
  opts: TrainOptions,
  o: typeof DEFAULTS & TrainOptions,
  y: Uint8Array,
  candidates: number,
  dropped: { feature: string; reason: string }[],
  warnings: string[],
  fitted: {
    intercept: number;
    derived: DerivedFeatureSpec[];
    features: ScorecardFeature[];
    /** Each training row's score (the sum of its bins' points). */
    scores: Float64Array;
    fitStats: Pick<ScorecardModel['stats'], 'l2' | 'minBinShare' | 'iterations' | 'candidateIv'>;
    /** The EBM's outer bags (`stats.bags`). */
    bags?: number;
  },
): ScorecardModel {
  const need = new Set(fitted.features.map((f) => f.name));
  const usedDerived: DerivedFeatureSpec[] = [];
  for (let i = fitted.derived.length - 1; i >= 0; i--) {
    const d = fitted.derived[i];
    if (!need.has(d.name)) continue;
    usedDerived.unshift(d);
    for (const a of derivedInputs(d)) need.add(a);
  }
  const { head, gradeBands, scoreDeciles } = scoreSummary(fitted.scores, y);
  const model: ScorecardModel = {
    format: 'creditline-scorecard',
    formatVersion: 1,
    version: '',
    createdAt: opts.createdAt ?? new Date().toISOString(),
    label: opts.label,
    scaling: { baseScore: o.baseScore, baseOdds: o.baseOdds, pdo: o.pdo },
    intercept: fitted.intercept,
    derived: usedDerived,
    features: fitted.features,
    gradeBands,
    stats: {
      ...head,
      candidates,
      dropped,
      scoreDeciles,
      ...fitted.fitStats,
      ...(warnings.length ? { warnings } : {}),
      ...(opts.weight ? { weight: opts.weight } : {}),
      ...(fitted.bags !== undefined ? { bags: fitted.bags } : {}),
    },
  };
  model.version = opts.version ?? `sc-${hash(JSON.stringify({ ...model, createdAt: '' }))}`;
  return model;
}

/**
 * What the training scores say: the head of `stats` (rows, bads, bad rate, AUC, KS, Gini), the
 * grade bands (quintiles of the training scores) and the score deciles.
 */
function scoreSummary(
  scores: Float64Array,
  y: Uint8Array,
): {
  head: Pick<ScorecardModel['stats'], 'rows' | 'bads' | 'badRate' | 'auc' | 'ks' | 'gini'>;
  gradeBands: GradeBand[];
  scoreDeciles: number[];
} {
  const n = scores.length;
  let bads = 0;
  for (let i = 0; i < n; i++) bads += y[i];
  const risk = scores.map((s) => -s);
  const a = aucOf(risk, y);
  const sorted = Float64Array.from(scores).sort();
  const q = (p: number) => sorted[Math.min(n - 1, Math.floor(p * n))];
  return {
    head: {
      rows: n,
      bads,
      badRate: round6(bads / n),
      auc: round6(a),
      ks: round6(ksOf(risk, y)),
      gini: round6(giniOf(a)),
    },
    gradeBands: ['A', 'B', 'C', 'D', 'E'].map((grade, i) => ({
      grade,
      minScore: i < 4 ? q(0.8 - 0.2 * i) : sorted[0],
    })),
    scoreDeciles: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9].map(q),
  };
}

/** `bags` > 1: one table per stratified subsample, averaged into one points table. */
function trainBagged(data: Dataset, opts: TrainOptions, y: Uint8Array): ScorecardModel {
  const createdAt = opts.createdAt ?? new Date().toISOString();
  const B = opts.bags!;
  const fraction = opts.bagFraction ?? 0.8;
  if (!(fraction > 0 && fraction <= 1))
    throw new DataError(`bagFraction ${fraction} must be in (0, 1]`);
  const models: ScorecardModel[] = [];
  for (let b = 0; b < B; b++)
    models.push(
      trainScorecard(selectRows(data, stratifiedSubsample(y, fraction, b + 1)), {
        ...opts,
        bags: 0,
        version: undefined,
        createdAt,
      }),
    );
  const weights = weightColumn(data, opts);
  const m = mergeBags(models, toRecords(data), y, data.columns, weights);
  const { head, gradeBands, scoreDeciles } = scoreSummary(m.scores, y);
  const kept = new Set(m.features.map((f) => f.name));
  // Left out of every table; the reason given is the first table's.
  const dropped = models[0].stats.dropped
    .filter((d) => !kept.has(d.feature))
    .map((d) =>
      d.reason.startsWith('protected attribute')
        ? d
        : { feature: d.feature, reason: `${d.reason} (in all ${B} bags; bag 1's reason)` },
    );
  const candidateIv: Record<string, number> = {};
  for (const mm of models)
    for (const [k, v] of Object.entries(mm.stats.candidateIv ?? {}))
      candidateIv[k] = round6((candidateIv[k] ?? 0) + v / B);
  const base = models[0];
  const model: ScorecardModel = {
    ...base,
    version: '',
    createdAt,
    intercept: m.intercept,
    derived: m.derived,
    features: m.features,
    gradeBands,
    stats: {
      ...base.stats,
      ...head,
      dropped,
      scoreDeciles,
      candidateIv,
      bags: B,
    },
  };
  model.version = opts.version ?? `sc-${hash(JSON.stringify({ ...model, createdAt: '' }))}`;
  return model;
}

/**
 * Cyclic per-bin Newton steps (penalised by `lambda`) on the logistic loss, starting from the
 * fitted β·WOE: `adjust[j][b]` is added to feature j's bin b log-odds; the intercept is refitted
 * each pass. Bins are identified by their WOE value (as in the training scores).
 */
function binRefit(
  kept: BinnedFeature[],
  fit: { intercept: number; coefficients: number[] },
  adjust: Float64Array[],
  y: Uint8Array,
  passes: number,
  lambda: number,
  weights?: Float64Array,
): void {
  const n = y.length;
  const idx = kept.map((f) => {
    const byWoe = new Map<number, number>();
    f.bins.forEach((b, bi) => byWoe.set(b.woe, bi));
    return Uint8Array.from(f.x, (v) => byWoe.get(v)!);
  });
  const eta = new Float64Array(n).fill(fit.intercept);
  kept.forEach((f, j) => {
    const beta = fit.coefficients[j];
    for (let i = 0; i < n; i++) eta[i] += beta * f.x[i];
  });
  for (let pass = 0; pass < passes; pass++) {
    for (let j = 0; j < kept.length; j++) {
      const k = adjust[j].length;
      const g = new Float64Array(k);
      const h = new Float64Array(k);
      const bj = idx[j];
      for (let i = 0; i < n; i++) {
        const p = 1 / (1 + Math.exp(-eta[i]));
        const w = weights ? weights[i] : 1;
        g[bj[i]] += (p - y[i]) * w;
        h[bj[i]] += p * (1 - p) * w;
      }
      const step = new Float64Array(k);
      const prev = Float64Array.from(adjust[j]);
      for (let b = 0; b < k; b++) {
        if (h[b] <= 0) continue;
        adjust[j][b] -= (g[b] + lambda * adjust[j][b]) / (h[b] + lambda);
      }
      // Main effects keep the order of their WOE: a safer bin never gets fewer points.
      if (!isInteraction(kept[j].name))
        monotoneProject(kept[j].bins, fit.coefficients[j], adjust[j], h, lambda);
      for (let b = 0; b < k; b++) step[b] = adjust[j][b] - prev[b];
      for (let i = 0; i < n; i++) eta[i] += step[bj[i]];
    }
    // Intercept.
    let g0 = 0;
    let h0 = 0;
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-eta[i]));
      const w = weights ? weights[i] : 1;
      g0 += (p - y[i]) * w;
      h0 += p * (1 - p) * w;
    }
    const d0 = -g0 / Math.max(h0, 1e-12);
    fit.intercept += d0;
    for (let i = 0; i < n; i++) eta[i] += d0;
  }
}

/** Interaction terms (`cross` features) are named `A_x_B`; their cells have no order. */
function isInteraction(name: string): boolean {
  return name.includes('_x_');
}

/**
 * Projects the bins' log-odds β·WOE + adj onto "non-increasing in WOE" (pool adjacent violators,
 * weighted by Hessian + λ) and writes the projected adjustments back. Bins without rows are left.
 */
function monotoneProject(
  bins: readonly { woe: number; count: number }[],
  beta: number,
  adj: Float64Array,
  h: Float64Array,
  lambda: number,
): void {
  const order = bins
    .map((b, i) => i)
    .filter((i) => bins[i].count > 0)
    .sort((a, b) => bins[a].woe - bins[b].woe);
  // Blocks of pooled bins; log-odds must not increase along `order` (ascending WOE → falling).
  const blocks: { idx: number[]; w: number; v: number }[] = [];
  for (const i of order) {
    let cur = { idx: [i], w: h[i] + lambda, v: beta * bins[i].woe + adj[i] };
    while (blocks.length && blocks[blocks.length - 1].v < cur.v) {
      const top = blocks.pop()!;
      const w = top.w + cur.w;
      cur = { idx: [...top.idx, ...cur.idx], w, v: (top.v * top.w + cur.v * cur.w) / w };
    }
    blocks.push(cur);
  }
  for (const bl of blocks) for (const i of bl.idx) adj[i] = bl.v - beta * bins[i].woe;
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
