/**
 * The one place the API calls the decision engine (@creditline/scoring): features, score, grade,
 * limit review, promotions, explanations and improvements. Resolvers, services and jobs call
 * these functions only, so a change in the package's exports is a change here.
 */
import {
  decideApplication as engineDecideApplication,
  reviewCooldown as engineReviewCooldown,
  triggeredReviewNeeded as engineTriggeredReviewNeeded,
  sameReviewEvidence as engineSameEvidence,
  type PreviousReview,
  defaultPolicy,
  explainDecision as engineExplain,
  gradeOf as engineGradeOf,
  GRADES as ENGINE_GRADES,
  limitImprovements as engineImprovements,
  platformFeatures as enginePlatformFeatures,
  platformModel,
  promotionGrant as enginePromotionGrant,
  reasonCodes,
  reasonText as engineReasonText,
  formatYuan as engineFormatYuan,
  repaymentHint as engineRepaymentHint,
  reviewLimit as engineReviewLimit,
  scoreFeatures as engineScoreFeatures,
  type CustomerBehaviour as EngineBehaviour,
  type Grade,
  type IncomeBand,
  type ReasonCode,
  type ScorecardModel,
} from '@creditline/scoring';

export type CustomerBehaviour = EngineBehaviour;
export type Features = Record<string, number | string | null>;
/** The shipped model's version (what scores when no registered model is ACTIVE). */
export const MODEL_VERSION = platformModel.version;
/** The shipped model (`models/platform-v1.json`). */
export const SHIPPED_MODEL: ScorecardModel = platformModel;

// The model that scores (issue 16 item 7): the shipped one unless a risk admin promoted a
// registered model; modules/models sets it at boot, on promotion and on rollback.
let scoringModel: ScorecardModel = platformModel;
/** The model every score in this process uses now. */
export const activeModel = (): ScorecardModel => scoringModel;
/** Switches the scoring model of this process (modules/models only). */
export function setActiveModel(m: ScorecardModel | null): void {
  scoringModel = m ?? platformModel;
}
export const POLICY = defaultPolicy;
export const GRADES: readonly string[] = ENGINE_GRADES;
export const LIMIT_CAP_FEN = defaultPolicy.capFen;

export function platformFeatures(b: CustomerBehaviour, asOf: Date): Features {
  return enginePlatformFeatures(b, asOf) as Features;
}

export interface StoredReasonCode {
  code: string;
  feature: string;
  pointsLost: number;
  value: number | string | null;
  bin?: string;
}
export interface ScoreResult {
  score: number;
  probabilityOfDefault: number;
  /** Scorecard reason codes, worst first (at most 4). */
  reasonCodes: StoredReasonCode[];
  modelVersion: string;
}

export function scoreFeatures(f: Features, model: ScorecardModel = scoringModel): ScoreResult {
  const r = engineScoreFeatures(model, f as never);
  return {
    score: r.score,
    probabilityOfDefault: r.probabilityOfDefault,
    reasonCodes: reasonCodes(r, 4).map((c) => ({
      code: c.code,
      feature: c.feature,
      pointsLost: c.pointsLost,
      value: (c.value ?? null) as number | string | null,
      bin: c.bin,
    })),
    modelVersion: r.modelVersion,
  };
}

export const gradeOf = (score: number): string => engineGradeOf(score, defaultPolicy);

export interface ReviewInput {
  currentLimitFen: number;
  usedFen: number;
  score: number;
  grade: string;
  probabilityOfDefault: number;
  incomeBand: string;
  maxDaysPastDue: number;
  monthsOnBook: number;
  kind: 'PERIODIC' | 'TRIGGERED';
}
export interface ReviewResult {
  limitFen: number;
  action: 'INCREASE' | 'DECREASE' | 'KEEP' | 'FREEZE';
  reasons: string[];
}

export function reviewLimit(r: ReviewInput): ReviewResult {
  return engineReviewLimit(
    { ...r, grade: r.grade as Grade, incomeBand: r.incomeBand as IncomeBand },
    defaultPolicy,
  );
}

/** Whether an event calls for a triggered review (the policy's thresholds). */
export const triggeredReviewNeeded = (
  input: Parameters<typeof engineTriggeredReviewNeeded>[0],
): { needed: boolean; trigger?: string } => engineTriggeredReviewNeeded(input, defaultPolicy);

/** Whether two stored feature sets carry the same evidence (utilisation and account age aside). */
export const sameReviewEvidence = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  engineSameEvidence(a, b);

/** The policy's review cooldown against the previous review. */
export const reviewCooldownFor = (previous: PreviousReview | null, asOf: Date) =>
  engineReviewCooldown(previous, asOf, defaultPolicy);

/** An application: scored from the data we hold → an initial limit within the policy's bounds, or declined with reasons. */
export function decideApplication(input: {
  score: number;
  grade: string;
  probabilityOfDefault: number;
  incomeBand: string;
  realNameVerified: boolean;
  maxDaysPastDue: number;
  pastDefaults: number;
}): { approved: boolean; limitFen: number; reasons: string[] } {
  return engineDecideApplication(
    { ...input, grade: input.grade as Grade, incomeBand: input.incomeBand as IncomeBand },
    defaultPolicy,
  );
}

export function promotionGrant(p: {
  grade: string | null;
  baseLimitFen: number;
  campaign: { eligibleGrades: string[]; amountFen?: number | null; percentBp?: number | null };
}): number {
  if (!p.grade || !(ENGINE_GRADES as readonly string[]).includes(p.grade)) return 0;
  return enginePromotionGrant(
    {
      grade: p.grade as Grade,
      baseLimitFen: p.baseLimitFen,
      campaign: {
        eligibleGrades: p.campaign.eligibleGrades,
        amountFen: p.campaign.amountFen ?? undefined,
        percentBp: p.campaign.percentBp ?? undefined,
      },
    },
    defaultPolicy,
  );
}

export type EngineLocale = 'zh-CN' | 'en';

export const reasonText = (code: string, locale: EngineLocale): string =>
  engineReasonText(code, locale);

export interface ExplainInput {
  kind: string;
  baseLimitBeforeFen: number;
  baseLimitAfterFen: number;
  statusBefore: string;
  statusAfter: string;
  score: number | null;
  grade: string | null;
  /** The decision's stored reasons: scorecard codes carry a feature, policy codes do not. */
  reasons: {
    code: string;
    feature?: string;
    pointsLost?: number;
    value?: number | string | null;
    bin?: string;
  }[];
}

export function explainDecision(
  d: ExplainInput,
  locale: EngineLocale,
): { headline: string; reasons: { code: string; text: string }[] } {
  const scorecard: ReasonCode[] = d.reasons
    .filter((r) => r.feature)
    .map((r) => ({
      code: r.code,
      feature: r.feature!,
      pointsLost: r.pointsLost ?? 0,
      value: (r.value ?? null) as never,
      bin: r.bin ?? '',
    }));
  const policyReasons = d.reasons.filter((r) => !r.feature).map((r) => r.code);
  return engineExplain({ ...d, reasons: scorecard, policyReasons }, locale);
}

/** What would raise the limit, from the features stored with a decision (rescored with the shipped model). */
export function limitImprovements(
  features: Features,
  current: { grade: string | null; incomeBand: string; currentLimitFen: number },
  locale: EngineLocale,
): { feature: string; text: string; pointsGain: number; limitEffectFen: number | null }[] {
  if (!current.grade || !(ENGINE_GRADES as readonly string[]).includes(current.grade)) return [];
  const result = engineScoreFeatures(scoringModel, features as never);
  return engineImprovements(
    scoringModel,
    result,
    defaultPolicy,
    {
      grade: current.grade as Grade,
      incomeBand: current.incomeBand as IncomeBand,
      currentLimitFen: current.currentLimitFen,
    },
    locale,
  )
    .slice(0, 3)
    .map((i) => ({
      feature: i.feature,
      text: i.text,
      pointsGain: i.pointsGain,
      limitEffectFen: i.limitEffectFen > 0 ? i.limitEffectFen : null,
    }));
}

// Portfolio stress tests (issue 16): the risk module calls the engine through here too.
export {
  stressTest,
  mergeStressResults,
  checkScenario as checkStressScenario,
  type StressAccount,
  type StressCell,
  type StressResult,
  type StressScenario,
} from '@creditline/scoring';
/** Fen as yuan for customers (`¥8,000`), the same in both locales. */
export const formatYuan = (fen: number, locale: EngineLocale): string =>
  engineFormatYuan(fen, locale);

/** For a frozen or overdue account: what to pay and by when (null in good standing). */
export function repaymentHint(
  s: { status: string; overdueFen: number; oldestOverdueDueDate: string | null; asOf: Date },
  locale: EngineLocale,
): string | null {
  return engineRepaymentHint(
    {
      status: s.status,
      overdueFen: s.overdueFen,
      oldestOverdueDueDate: s.oldestOverdueDueDate,
      freezeAfterDaysPastDue: defaultPolicy.freezeAfterDaysPastDue,
      asOf: s.asOf.toISOString().slice(0, 10),
    },
    locale,
  );
}
