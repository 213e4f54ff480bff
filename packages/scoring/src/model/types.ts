/**
 * The contract between the scorecard (training, scoring) and everything that reads a score:
 * decisions, explanations, the CLI and the API. Change it only together with its readers.
 */

/** A raw value of one feature for one row: numbers, category codes, or missing. */
export type FeatureValue = number | string | null;

/** One row to score: feature name → value. Unknown features are ignored. */
export type FeatureRecord = Readonly<Record<string, FeatureValue>>;

/** What one feature contributed to one score. */
export interface FeatureContribution {
  /** Feature name as in the model (e.g. `PAY_0`, `repaymentStatusWorst6m`). */
  readonly feature: string;
  /** The value that was scored. */
  readonly value: FeatureValue;
  /** Human-readable label of the bin the value fell in (e.g. `[2, 5)`, `A11|A12`, `missing`). */
  readonly bin: string;
  /** Points this feature gave (integer). */
  readonly points: number;
  /** The highest points any bin of this feature can give (integer); `maxPoints - points` ≥ 0 is what was lost. */
  readonly maxPoints: number;
}

/** A scored row. */
export interface ScoreResult {
  /** Total points (integer), higher = lower risk. */
  readonly score: number;
  /** Probability of default implied by the score, in [0, 1]. */
  readonly probabilityOfDefault: number;
  /** One entry per model feature, in model order. */
  readonly contributions: readonly FeatureContribution[];
  /** `ScorecardModel.version` of the model that scored. */
  readonly modelVersion: string;
}

/** A reason code: a feature that cost points, ranked by points lost against the best attainable. */
export interface ReasonCode {
  readonly code: string;
  readonly feature: string;
  readonly pointsLost: number;
  readonly value: FeatureValue;
  readonly bin: string;
}
