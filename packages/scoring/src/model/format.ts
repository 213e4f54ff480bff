/**
 * The scorecard's saved form: a versioned JSON document, validated with zod on load.
 *
 * Conventions (see README "Model format"):
 * - WOE = ln(%good / %bad) of the bin (smoothed), so a positive WOE means a safer-than-average bin.
 * - The logistic regression models ln(odds of bad) = intercept + Σ coefficient·WOE, so the
 *   coefficients of useful features are negative.
 * - points(bin) = round(−(coefficient·WOE + adjustment + intercept/n)·factor + offset/n), with
 *   factor = pdo / ln 2, offset = baseScore − factor·ln(baseOdds), n the number of features and
 *   adjustment the bin's log-odds correction from the bin-level refit (training option
 *   `binRefit`; 0 when off); the score is the sum of these integer points (each bin is rounded
 *   once, at training time). Scorers read only the points.
 */
import { z } from 'zod';

export type FeatureKind = 'numeric' | 'categorical' | 'ordinal';
export type Monotonic = 'increasing' | 'decreasing' | 'auto' | 'none';

/** Comparison used by `count_where` and `first_where`. */
export type CompareOp = '>' | '>=' | '<' | '<=' | '==' | '!=';

/**
 * An engineered feature computed from other columns (raw or earlier derived ones), in order.
 * Missing inputs give a missing result, except in `count_where`/`first_where`/`max_of`/`mean_of`,
 * which skip them (and are missing only when every input is).
 */
export type DerivedFeatureSpec =
  /** numerator / denominator; missing when the denominator is ≤ 0 (a special value, own bin). */
  | { kind: 'ratio'; name: string; numerator: string; denominator: string }
  /** How many of `columns` satisfy `value op threshold`. */
  | { kind: 'count_where'; name: string; columns: string[]; op: CompareOp; threshold: number }
  /**
   * Position (0-based) of the first of `columns`, in the order listed, whose value satisfies
   * `value op threshold`; `columns.length` when none does. With the columns most recent first
   * (`PAY_0, PAY_2, …, PAY_6`) and `> 0` this is "months since the last delay" (6 = none in 6).
   */
  | { kind: 'first_where'; name: string; columns: string[]; op: CompareOp; threshold: number }
  | { kind: 'max_of'; name: string; columns: string[] }
  | { kind: 'mean_of'; name: string; columns: string[] }
  /** a − b */
  | { kind: 'diff'; name: string; a: string; b: string }
  /**
   * 2-way interaction cell: ia·(bCuts.length + 1) + ib, where ia = how many of `aCuts` are ≤ a
   * (likewise ib); missing when a or b is. Binned as a categorical feature (cells grouped by bad rate).
   */
  | { kind: 'cross'; name: string; a: string; b: string; aCuts: number[]; bCuts: number[] };

export interface ScorecardBin {
  /** `[lower, upper)` for numeric/ordinal bins, `A11|A12` for categorical groups, `missing`. */
  label: string;
  /** Inclusive lower bound (numeric/ordinal); absent = −∞. */
  lower?: number;
  /** Exclusive upper bound (numeric/ordinal); absent = +∞. */
  upper?: number;
  /** Categorical levels (as strings) of this bin; for ordinal bins the codes seen in training. */
  values?: string[];
  /** The bin for missing values (and unseen categorical levels). */
  isMissing?: boolean;
  woe: number;
  points: number;
  /** Training rows in the bin. */
  count: number;
  /** Training bad rate in the bin (0 when empty). */
  badRate: number;
}

export interface ScorecardFeature {
  name: string;
  kind: FeatureKind;
  bins: ScorecardBin[];
  coefficient: number;
  /** Information value on the training data. */
  iv: number;
}

export interface GradeBand {
  grade: string;
  /** Lowest score (inclusive) of this grade; grades are ordered best first, the last has −∞. */
  minScore: number;
}

export interface TrainingStats {
  rows: number;
  bads: number;
  badRate: number;
  auc: number;
  ks: number;
  gini: number;
  /** Candidate features considered, and why the others were dropped. */
  candidates: number;
  dropped: { feature: string; reason: string }[];
  /** Sorted training scores at the 1st…99th percentiles would be large; we keep deciles. */
  scoreDeciles: number[];
  l2: number;
  minBinShare: number;
  iterations: number;
  /** Information value of every candidate feature (kept or dropped), on the training data. */
  candidateIv?: Record<string, number>;
  /** Things the trainer wants a risk analyst to know (e.g. protected attributes left out). */
  warnings?: string[];
  /** The sample-weight column, when training was weighted. */
  weight?: string;
  /** How many bagged tables were averaged into this one (training option `bags`). */
  bags?: number;
}

export interface ScorecardModel {
  format: 'creditline-scorecard';
  formatVersion: 1;
  version: string;
  createdAt: string;
  /** Name of the label column it was trained on (1 = bad). */
  label: string;
  scaling: { baseScore: number; baseOdds: number; pdo: number };
  intercept: number;
  derived: DerivedFeatureSpec[];
  features: ScorecardFeature[];
  /** Score bands for grades A–E (best first), from the training score distribution. */
  gradeBands: GradeBand[];
  stats: TrainingStats;
}

const num = z.number().refine(Number.isFinite, 'must be a finite number');
const cmp = z.enum(['>', '>=', '<', '<=', '==', '!=']);

const derivedSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ratio'),
    name: z.string().min(1),
    numerator: z.string().min(1),
    denominator: z.string().min(1),
  }),
  z.object({
    kind: z.literal('count_where'),
    name: z.string().min(1),
    columns: z.array(z.string().min(1)).min(1),
    op: cmp,
    threshold: num,
  }),
  z.object({
    kind: z.literal('first_where'),
    name: z.string().min(1),
    columns: z.array(z.string().min(1)).min(1),
    op: cmp,
    threshold: num,
  }),
  z.object({
    kind: z.literal('max_of'),
    name: z.string().min(1),
    columns: z.array(z.string().min(1)).min(1),
  }),
  z.object({
    kind: z.literal('mean_of'),
    name: z.string().min(1),
    columns: z.array(z.string().min(1)).min(1),
  }),
  z.object({
    kind: z.literal('diff'),
    name: z.string().min(1),
    a: z.string().min(1),
    b: z.string().min(1),
  }),
  z.object({
    kind: z.literal('cross'),
    name: z.string().min(1),
    a: z.string().min(1),
    b: z.string().min(1),
    aCuts: z.array(num),
    bCuts: z.array(num),
  }),
]);

const binSchema = z.object({
  label: z.string(),
  lower: num.optional(),
  upper: num.optional(),
  values: z.array(z.string()).optional(),
  isMissing: z.boolean().optional(),
  woe: num,
  points: z.number().int(),
  count: z.number().int().nonnegative(),
  badRate: z.number().min(0).max(1),
});

const featureSchema = z.object({
  name: z.string().min(1),
  kind: z.enum(['numeric', 'categorical', 'ordinal']),
  bins: z.array(binSchema).min(1),
  coefficient: num,
  iv: num,
});

export const scorecardModelSchema = z.object({
  format: z.literal('creditline-scorecard'),
  formatVersion: z.literal(1),
  version: z.string().min(1),
  createdAt: z.string(),
  label: z.string().min(1),
  scaling: z.object({
    baseScore: num,
    baseOdds: num.refine((v) => v > 0, 'must be > 0'),
    pdo: num.refine((v) => v > 0, 'must be > 0'),
  }),
  intercept: num,
  derived: z.array(derivedSchema),
  features: z.array(featureSchema),
  gradeBands: z.array(z.object({ grade: z.string().min(1), minScore: z.number() })),
  stats: z.object({
    rows: z.number().int().nonnegative(),
    bads: z.number().int().nonnegative(),
    badRate: z.number(),
    auc: z.number(),
    ks: z.number(),
    gini: z.number(),
    candidates: z.number().int(),
    dropped: z.array(z.object({ feature: z.string(), reason: z.string() })),
    scoreDeciles: z.array(z.number()),
    l2: z.number(),
    minBinShare: z.number(),
    iterations: z.number().int(),
    candidateIv: z.record(z.string(), z.number()).optional(),
    warnings: z.array(z.string()).optional(),
    weight: z.string().optional(),
    bags: z.number().int().optional(),
  }),
});

/** Raised when a model document does not validate. */
export class ModelFormatError extends Error {
  override name = 'ModelFormatError';
}

/**
 * Validates a parsed JSON document (or a JSON string) as a scorecard model.
 * Throws `ModelFormatError` with the first problems and their paths.
 */
export function loadModel(json: unknown): ScorecardModel {
  let doc = json;
  if (typeof json === 'string') {
    try {
      doc = JSON.parse(json);
    } catch (e) {
      throw new ModelFormatError(`model is not valid JSON: ${(e as Error).message}`);
    }
  }
  const parsed = scorecardModelSchema.safeParse(doc);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
      .join('; ');
    throw new ModelFormatError(`invalid scorecard model: ${issues}`);
  }
  const model = parsed.data as ScorecardModel;
  // Cross-field checks zod cannot express simply.
  const names = new Set<string>();
  for (const d of model.derived) names.add(d.name);
  for (const f of model.features) {
    if (!f.bins.some((b) => b.isMissing))
      throw new ModelFormatError(`invalid scorecard model: feature ${f.name} has no missing bin`);
    if (f.kind !== 'categorical') {
      const bins = f.bins.filter((b) => !b.isMissing);
      for (let i = 1; i < bins.length; i++) {
        const lo = bins[i].lower;
        if (lo === undefined || bins[i - 1].upper !== lo) {
          throw new ModelFormatError(
            `invalid scorecard model: feature ${f.name} bins are not contiguous at bin ${i}`,
          );
        }
      }
    }
  }
  return model;
}
