export {
  scorecardReport,
  binAssignments,
  gains,
  type ScorecardReport,
  type FeatureReport,
  type BinningRow,
  type CandidateRow,
  type GainsBand,
} from './report.js';
export {
  monitorReport,
  stabilityIndex,
  stabilityStatus,
  STABILITY_THRESHOLDS,
  type MonitorReport,
  type StabilityIndex,
  type StabilityBin,
  type StabilityStatus,
} from './monitor.js';
export {
  disparateImpact,
  adverseActions,
  adverseActionFor,
  ADVERSE_ACTION_REASONS,
  DISPARATE_IMPACT_THRESHOLD,
  type AdverseActionCode,
  type DisparateImpactReport,
  type GroupOutcome,
  type GroupSpec,
} from './fairness.js';
export {
  renderMarkdown,
  renderHtml,
  renderMonitorMarkdown,
  renderFairnessMarkdown,
} from './render.js';
