/** Public API of the scorecard model: training, scoring, metrics, model format. */
export type {
  FeatureValue,
  FeatureRecord,
  FeatureContribution,
  ScoreResult,
  ReasonCode,
} from './types.js';
export {
  loadModel,
  ModelFormatError,
  scorecardModelSchema,
  type ScorecardModel,
  type ScorecardFeature,
  type ScorecardBin,
  type DerivedFeatureSpec,
  type FeatureKind,
  type Monotonic,
  type CompareOp,
  type GradeBand,
  type TrainingStats,
} from './format.js';
export {
  readCsv,
  splitCsvLine,
  DataError,
  toRecords,
  selectRows,
  labelColumn,
  type Dataset,
} from './csv.js';
export { readCsvFile } from './csv-file.js';
export { CARD_DERIVED_FEATURES, evalDerived, applicableDerived, derivedInputs } from './derived.js';
export {
  trainScorecard,
  PROTECTED_ATTRIBUTES,
  protectedColumns,
  type TrainOptions,
} from './train.js';
export {
  compileModel,
  compiled,
  scoreFast,
  scoreFeatures,
  probabilityFromScore,
  gradeForScore,
  reasonCodes,
  reasonCodeFor,
  type CompiledModel,
  type CompiledInput,
} from './score.js';
export { auc, ks, gini, psi, gainsTable, PSI_MIN_SAMPLE, type GainsRow } from './metrics.js';
export {
  evaluate,
  crossValidate,
  scoreDataset,
  stratifiedFolds,
  type Evaluation,
} from './evaluate.js';
export { modelJsonSchema } from './json-schema.js';
export { fitLogistic, type LogisticFit } from './logistic.js';
export { CARD_OPTIONS, GERMAN_OPTIONS, TUNED_OPTIONS } from './presets.js';
