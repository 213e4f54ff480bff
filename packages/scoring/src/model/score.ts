/**
 * Scoring. `compileModel` turns a model into flat typed arrays once; scoring a row is then a
 * few array reads per feature and no allocation (`scoreFast`). `scoreFeatures` caches the
 * compiled form per model object (WeakMap) and adds the per-feature contributions.
 */
import type { CompareOp, DerivedFeatureSpec, ScorecardModel } from './format.js';
import type {
  FeatureContribution,
  FeatureRecord,
  FeatureValue,
  ReasonCode,
  ScoreResult,
} from './types.js';
import { cutIndex, derivedInputs, toNumber } from './derived.js';

/** One input of the compiled model: a numeric column, or a categorical feature's bin index. */
export interface CompiledInput {
  name: string;
  /** `number`: the value as a number (NaN = missing); `category`: the bin index of the level (NaN = missing/unseen). */
  encoding: 'number' | 'category';
}

const OPS: Record<CompareOp, number> = { '>': 0, '>=': 1, '<': 2, '<=': 3, '==': 4, '!=': 5 };
const KIND = {
  ratio: 0,
  diff: 1,
  count_where: 2,
  max_of: 3,
  mean_of: 4,
  cross: 5,
  first_where: 6,
} as const;

export interface CompiledModel {
  readonly model: ScorecardModel;
  /** What `values` passed to `scoreFast` must hold, in this order (see `encode`). */
  readonly inputs: readonly CompiledInput[];
  /** Builds the input vector from a record (writes into `out` when given). */
  encode(record: FeatureRecord, out?: Float64Array): Float64Array;
  /** Score of an encoded row; writes each feature's bin index into `binsOut` when given. */
  score(values: Float64Array, binsOut?: Int32Array): number;
  /**
   * Score of an encoded row, as straight-line code generated for this model (the bins and
   * points are constants); falls back to `score` where code generation is not allowed (CSP).
   */
  readonly fast: (values: Float64Array) => number;
  /** Slot values after derived features were computed by the last `score` call (NaN = missing). */
  readonly slots: Float64Array;
  /** Slot of each model feature. */
  readonly featureSlots: Int32Array;
  /** Whether each model feature is a derived one. */
  readonly isDerived: Uint8Array;
  /** Best attainable points of each model feature. */
  readonly maxPoints: Int32Array;
}

/** Builds the compiled scorer of a model (validate it with `loadModel` first when it comes from outside). */
export function compileModel(model: ScorecardModel): CompiledModel {
  const inputs: CompiledInput[] = [];
  const slotOf = new Map<string, number>();
  const derivedNames = new Set(model.derived.map((d) => d.name));
  const numSlot = (name: string): number => {
    let s = slotOf.get(name);
    if (s === undefined) {
      if (derivedNames.has(name))
        throw new Error(`derived feature ${name} used before it is defined`);
      s = inputs.length;
      inputs.push({ name, encoding: 'number' });
      slotOf.set(name, s);
    }
    return s;
  };
  // Raw numeric inputs of derived features and numeric/ordinal features; categorical features
  // get their own slot holding the bin index.
  const catSlots: number[] = [];
  const catMaps: Map<string, number>[] = [];
  for (const f of model.features) {
    if (f.kind === 'categorical' && !derivedNames.has(f.name)) {
      catSlots.push(inputs.length);
      inputs.push({ name: f.name, encoding: 'category' });
      const m = new Map<string, number>();
      f.bins.forEach((b, bi) => {
        if (!b.isMissing) for (const v of b.values ?? []) m.set(v, bi);
      });
      catMaps.push(m);
    }
  }
  for (const d of model.derived) {
    const args = derivedInputs(d);
    for (const a of args) if (!derivedNames.has(a)) numSlot(a);
  }
  for (const f of model.features)
    if (f.kind !== 'categorical' && !derivedNames.has(f.name)) numSlot(f.name);
  const nInputs = inputs.length;
  // Derived slots follow the inputs.
  let next = nInputs;
  const dKind: number[] = [];
  const dOut: number[] = [];
  const dArgStart: number[] = [];
  const dArgs: number[] = [];
  const dOp: number[] = [];
  const dThr: number[] = [];
  const crossSpecs: ({ aCuts: Float64Array; bCuts: Float64Array } | null)[] = [];
  for (const d of model.derived as DerivedFeatureSpec[]) {
    crossSpecs.push(
      d.kind === 'cross'
        ? { aCuts: Float64Array.from(d.aCuts), bCuts: Float64Array.from(d.bCuts) }
        : null,
    );
    const args = derivedInputs(d);
    dKind.push(KIND[d.kind]);
    dArgStart.push(dArgs.length);
    for (const a of args) {
      const s = slotOf.get(a);
      if (s === undefined)
        throw new Error(`derived feature ${d.name} reads ${a}, which is not defined before it`);
      dArgs.push(s);
    }
    const where = d.kind === 'count_where' || d.kind === 'first_where';
    dOp.push(where ? OPS[d.op] : 0);
    dThr.push(where ? d.threshold : 0);
    slotOf.set(d.name, next);
    dOut.push(next++);
  }
  dArgStart.push(dArgs.length);
  const nSlots = next;

  const nf = model.features.length;
  const featureSlots = new Int32Array(nf);
  const isCat = new Uint8Array(nf);
  const missBin = new Int32Array(nf);
  const thrStart = new Int32Array(nf + 1);
  const thr: number[] = [];
  const binBase = new Int32Array(nf + 1); // offset into binPoints of each feature's bins
  const binPoints: number[] = [];
  const numBinIdx: number[] = []; // for numeric: position k among non-missing bins → bin index
  const numBinStart = new Int32Array(nf + 1);
  let ci = 0;
  const catTables: (Int32Array | null)[] = model.features.map(() => null);
  model.features.forEach((f, j) => {
    binBase[j] = binPoints.length;
    for (const b of f.bins) binPoints.push(b.points);
    missBin[j] = f.bins.findIndex((b) => b.isMissing);
    thrStart[j] = thr.length;
    numBinStart[j] = numBinIdx.length;
    if (f.kind === 'categorical' && derivedNames.has(f.name)) {
      // A derived categorical (an interaction cell code): small non-negative integer → bin.
      isCat[j] = 2;
      featureSlots[j] = slotOf.get(f.name)!;
      let maxCode = 0;
      for (const b of f.bins)
        for (const v of b.values ?? []) maxCode = Math.max(maxCode, Number(v));
      const t = new Int32Array(Math.min(maxCode + 1, 1 << 16)).fill(missBin[j]);
      f.bins.forEach((b, bi) => {
        if (!b.isMissing)
          for (const v of b.values ?? [])
            if (Number(v) >= 0 && Number(v) < t.length) t[Number(v)] = bi;
      });
      catTables[j] = t;
    } else if (f.kind === 'categorical') {
      isCat[j] = 1;
      featureSlots[j] = catSlots[ci++];
    } else {
      featureSlots[j] = slotOf.get(f.name)!;
      const nm = f.bins.map((b, bi) => ({ b, bi })).filter((x) => !x.b.isMissing);
      nm.forEach((x, k) => {
        numBinIdx.push(x.bi);
        if (k > 0) thr.push(x.b.lower!);
      });
    }
  });
  thrStart[nf] = thr.length;
  binBase[nf] = binPoints.length;
  numBinStart[nf] = numBinIdx.length;
  const T = Float64Array.from(thr);
  const P = Int32Array.from(binPoints);
  const NB = Int32Array.from(numBinIdx);
  const DK = Int32Array.from(dKind);
  const DO = Int32Array.from(dOut);
  const DAS = Int32Array.from(dArgStart);
  const DA = Int32Array.from(dArgs);
  const DOP = Int32Array.from(dOp);
  const DT = Float64Array.from(dThr);
  const nd = DK.length;
  const slots = new Float64Array(nSlots);

  const score = (values: Float64Array, binsOut?: Int32Array): number => {
    for (let i = 0; i < nInputs; i++) slots[i] = values[i];
    for (let k = 0; k < nd; k++) {
      const a0 = DAS[k];
      const a1 = DAS[k + 1];
      let r: number;
      switch (DK[k]) {
        case 0: {
          const den = slots[DA[a0 + 1]];
          const num = slots[DA[a0]];
          r = den > 0 && num === num ? num / den : NaN;
          break;
        }
        case 1:
          r = slots[DA[a0]] - slots[DA[a0 + 1]];
          break;
        case 2: {
          let c = 0;
          let any = false;
          const op = DOP[k];
          const t = DT[k];
          for (let a = a0; a < a1; a++) {
            const v = slots[DA[a]];
            if (v !== v) continue;
            any = true;
            if (holds(v, op, t)) c++;
          }
          r = any ? c : NaN;
          break;
        }
        case 6: {
          let any = false;
          r = NaN;
          const op = DOP[k];
          const t = DT[k];
          for (let a = a0; a < a1; a++) {
            const v = slots[DA[a]];
            if (v !== v) continue;
            any = true;
            if (holds(v, op, t)) {
              r = a - a0;
              break;
            }
          }
          if (r !== r && any) r = a1 - a0;
          break;
        }
        case 3: {
          r = NaN;
          for (let a = a0; a < a1; a++) {
            const v = slots[DA[a]];
            if (v === v && !(v <= r)) r = v;
          }
          break;
        }
        case 5: {
          const a = slots[DA[a0]];
          const b = slots[DA[a0 + 1]];
          if (a !== a || b !== b) r = NaN;
          else {
            const cs = crossSpecs[k]!;
            r = cutIndex(cs.aCuts, a) * (cs.bCuts.length + 1) + cutIndex(cs.bCuts, b);
          }
          break;
        }
        default: {
          let s = 0;
          let c = 0;
          for (let a = a0; a < a1; a++) {
            const v = slots[DA[a]];
            if (v === v) {
              s += v;
              c++;
            }
          }
          r = c ? s / c : NaN;
        }
      }
      slots[DO[k]] = r;
    }
    let total = 0;
    for (let j = 0; j < nf; j++) {
      const v = slots[featureSlots[j]];
      let bin: number;
      if (v !== v) bin = missBin[j];
      else if (isCat[j] === 1) bin = v;
      else if (isCat[j] === 2) {
        const t = catTables[j]!;
        bin = v >= 0 && v < t.length ? t[v] : missBin[j];
      } else {
        const s = numBinStart[j];
        const e = numBinStart[j + 1];
        if (s === e) bin = missBin[j];
        else {
          let k = 0;
          const t0 = thrStart[j];
          const t1 = thrStart[j + 1];
          // Few bins: a linear scan beats binary search here.
          for (let t = t0; t < t1 && v >= T[t]; t++) k++;
          bin = NB[s + k];
        }
      }
      if (binsOut) binsOut[j] = bin;
      total += P[binBase[j] + bin];
    }
    return total;
  };

  const encode = (record: FeatureRecord, out?: Float64Array): Float64Array => {
    const o = out ?? new Float64Array(nInputs);
    let c = 0;
    for (let i = 0; i < nInputs; i++) {
      const inp = inputs[i];
      const v = record[inp.name];
      if (inp.encoding === 'category') {
        const bi =
          v === null || v === undefined || v === '' ? undefined : catMaps[c].get(String(v));
        o[i] = bi === undefined ? NaN : bi;
        c++;
      } else o[i] = toNumber(v);
    }
    return o;
  };

  const isDerived = Uint8Array.from(model.features, (f) => (derivedNames.has(f.name) ? 1 : 0));
  const maxPts = Int32Array.from(model.features, (f) => maxPoints(f.bins));
  let fast: (values: Float64Array) => number;
  try {
    fast = generate(model, nInputs, slotOf, featureSlots, catTables);
  } catch {
    fast = (v) => score(v);
  }
  return { model, inputs, encode, score, fast, slots, featureSlots, isDerived, maxPoints: maxPts };
}

/** `v op t` for an op code of `OPS`. */
function holds(v: number, op: number, t: number): boolean {
  return op === 0
    ? v > t
    : op === 1
      ? v >= t
      : op === 2
        ? v < t
        : op === 3
          ? v <= t
          : op === 4
            ? v === t
            : v !== t;
}

const cache = new WeakMap<ScorecardModel, CompiledModel>();

/** The compiled form of `model`, built once per model object. */
export function compiled(model: ScorecardModel): CompiledModel {
  let c = cache.get(model);
  if (!c) cache.set(model, (c = compileModel(model)));
  return c;
}

/** Score (integer points) of an encoded row (`compiled.encode`): the batch fast path. */
export function scoreFast(c: CompiledModel, values: Float64Array): number {
  return c.fast(values);
}

/** A numeric literal for generated code (finite numbers print exactly in JS). */
function lit(v: number): string {
  if (!Number.isFinite(v)) throw new Error('non-finite constant');
  return `(${String(v)})`;
}

/**
 * Generates the scorer as one function: inputs read from `v`, derived values in locals, each
 * feature a chain of comparisons against constant thresholds adding constant points. Only numbers
 * from the (validated) model and slot indices reach the source — no names or strings.
 */
function generate(
  model: ScorecardModel,
  nInputs: number,
  slotOf: Map<string, number>,
  featureSlots: Int32Array,
  catTables: (Int32Array | null)[],
): (values: Float64Array) => number {
  const ref = (slot: number) => (slot < nInputs ? `v[${slot | 0}]` : `d${slot | 0}`);
  const lines: string[] = [];
  const PA: Int32Array[] = [];
  const PT: Int32Array[] = [];
  for (const d of model.derived) {
    const out = `d${slotOf.get(d.name)! | 0}`;
    const args = derivedInputs(d).map((a) => ref(slotOf.get(a)!));
    switch (d.kind) {
      case 'ratio':
        lines.push(
          `const ${out}n = ${args[0]}, ${out}q = ${args[1]}; const ${out} = ${out}q > 0 && ${out}n === ${out}n ? ${out}n / ${out}q : NaN;`,
        );
        break;
      case 'diff':
        lines.push(`const ${out} = ${args[0]} - ${args[1]};`);
        break;
      case 'cross': {
        const idx = (x: string, cuts: number[]) =>
          cuts.length ? cuts.map((c) => `(${x} >= ${lit(c)} ? 1 : 0)`).join(' + ') : '0';
        lines.push(
          `const ${out}a = ${args[0]}, ${out}b = ${args[1]}; const ${out} = ${out}a !== ${out}a || ${out}b !== ${out}b ? NaN : (${idx(`${out}a`, d.aCuts)}) * ${d.bCuts.length + 1} + (${idx(`${out}b`, d.bCuts)});`,
        );
        break;
      }
      case 'count_where': {
        const op = { '>': '>', '>=': '>=', '<': '<', '<=': '<=', '==': '===', '!=': '!==' }[d.op];
        lines.push(`let ${out}c = 0, ${out}k = 0, ${out}x;`);
        for (const a of args)
          lines.push(
            `${out}x = ${a}; if (${out}x === ${out}x) { ${out}k++; if (${out}x ${op} ${lit(d.threshold)}) ${out}c++; }`,
          );
        lines.push(`const ${out} = ${out}k ? ${out}c : NaN;`);
        break;
      }
      case 'first_where': {
        const op = { '>': '>', '>=': '>=', '<': '<', '<=': '<=', '==': '===', '!=': '!==' }[d.op];
        // Checked from the last column back, so the earliest match is the one left in place.
        lines.push(`let ${out} = NaN, ${out}x;`);
        for (let k = args.length - 1; k >= 0; k--)
          lines.push(
            `${out}x = ${args[k]}; if (${out}x === ${out}x) { if (${out}x ${op} ${lit(d.threshold)}) ${out} = ${k | 0}; else if (${out} !== ${out}) ${out} = ${args.length | 0}; }`,
          );
        break;
      }
      case 'max_of':
        lines.push(`let ${out} = NaN, ${out}x;`);
        for (const a of args)
          lines.push(
            `${out}x = ${a}; if (${out}x === ${out}x && !(${out}x <= ${out})) ${out} = ${out}x;`,
          );
        break;
      case 'mean_of':
        lines.push(`let ${out}s = 0, ${out}k = 0, ${out}x;`);
        for (const a of args)
          lines.push(`${out}x = ${a}; if (${out}x === ${out}x) { ${out}s += ${out}x; ${out}k++; }`);
        lines.push(`const ${out} = ${out}k ? ${out}s / ${out}k : NaN;`);
        break;
    }
  }
  lines.push('let t = 0, x;');
  model.features.forEach((f, j) => {
    const miss = f.bins.find((b) => b.isMissing)!.points | 0;
    const x = ref(featureSlots[j]);
    lines.push(`x = ${x};`);
    if (f.kind === 'categorical') {
      const table = catTables[j];
      if (table) {
        PT.push(Int32Array.from(table, (bi) => f.bins[bi].points));
        lines.push(
          `t += x !== x || x < 0 || x >= ${table.length} ? ${miss} : PT[${PT.length - 1}][x];`,
        );
      } else {
        PA.push(Int32Array.from(f.bins, (b) => b.points));
        lines.push(`t += x !== x ? ${miss} : PA[${PA.length - 1}][x];`);
      }
      return;
    }
    const nm = f.bins.filter((b) => !b.isMissing);
    if (nm.length === 0) {
      lines.push(`t += ${miss};`);
      return;
    }
    // Bins [lo, hi] as a balanced tree of comparisons (a bagged table has many bins).
    const tree = (lo: number, hi: number): string => {
      if (lo === hi) return String(nm[lo].points | 0);
      const mid = (lo + hi + 1) >> 1;
      return `(x < ${lit(nm[mid].lower!)} ? ${tree(lo, mid - 1)} : ${tree(mid, hi)})`;
    };
    lines.push(`t += x !== x ? ${miss} : ${tree(0, nm.length - 1)};`);
  });
  lines.push('return t;');
  const src = `"use strict"; return function score(v) {\n${lines.join('\n')}\n};`;
  return new Function('PA', 'PT', src)(PA, PT) as (values: Float64Array) => number;
}

function scaling(model: ScorecardModel): { factor: number; offset: number } {
  const factor = model.scaling.pdo / Math.LN2;
  return { factor, offset: model.scaling.baseScore - factor * Math.log(model.scaling.baseOdds) };
}

/** Probability of default implied by a score: 1 / (1 + exp((score − offset) / factor)). */
export function probabilityFromScore(model: ScorecardModel, score: number): number {
  const { factor, offset } = scaling(model);
  return 1 / (1 + Math.exp((score - offset) / factor));
}

/** The grade (A…E) of a score from the model's grade bands (the last band catches all lower scores). */
export function gradeForScore(model: ScorecardModel, score: number): string {
  const bands = model.gradeBands;
  if (bands.length === 0) return '';
  for (const b of bands) if (score >= b.minScore) return b.grade;
  return bands[bands.length - 1].grade;
}

/** Scores one record: total points, implied PD and each feature's contribution (model order). */
export function scoreFeatures(model: ScorecardModel, features: FeatureRecord): ScoreResult {
  const c = compiled(model);
  const bins = new Int32Array(model.features.length);
  const total = c.score(c.encode(features), bins);
  const fs = model.features;
  const contributions: FeatureContribution[] = new Array(fs.length);
  for (let j = 0; j < fs.length; j++) {
    const f = fs[j];
    const b = f.bins[bins[j]];
    let value: FeatureValue;
    if (c.isDerived[j]) {
      const v = c.slots[c.featureSlots[j]];
      value = Number.isNaN(v) ? null : v;
    } else value = features[f.name] ?? null;
    contributions[j] = {
      feature: f.name,
      value,
      bin: b.label,
      points: b.points,
      maxPoints: c.maxPoints[j],
    };
  }
  return {
    score: total,
    probabilityOfDefault: probabilityFromScore(model, total),
    contributions,
    modelVersion: model.version,
  };
}

function maxPoints(bins: readonly { points: number }[]): number {
  let m = -Infinity;
  for (const b of bins) if (b.points > m) m = b.points;
  return m;
}

/** `RC_<FEATURE>`: the feature name upper-cased, other characters as `_`. */
export function reasonCodeFor(feature: string): string {
  return `RC_${feature.toUpperCase().replace(/[^A-Z0-9_]/g, '_')}`;
}

/**
 * Reason codes: features that lost points against their best bin, ranked by points lost
 * (maxPoints − points) descending, ties by model feature order; at most `max`.
 */
export function reasonCodes(result: ScoreResult, max = 4): ReasonCode[] {
  return result.contributions
    .map((c, i) => ({ c, i, lost: c.maxPoints - c.points }))
    .filter((x) => x.lost > 0)
    .sort((a, b) => b.lost - a.lost || a.i - b.i)
    .slice(0, Math.max(0, max))
    .map(({ c, lost }) => ({
      code: reasonCodeFor(c.feature),
      feature: c.feature,
      pointsLost: lost,
      value: c.value,
      bin: c.bin,
    }));
}
