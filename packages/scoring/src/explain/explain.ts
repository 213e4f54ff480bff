import type { ReasonCode, ScoreResult } from '../model/types.js';
import type { ScorecardModel } from '../model/format.js';
import { PLATFORM_FEATURES } from '../features/platform-features.js';
import { gradeRank } from '../policy/limits.js';
import { gradeOf, type Grade, type IncomeBand, type LimitPolicy } from '../policy/policy.js';
import { codeTexts, featureReasonCode, reasonText, type Locale } from './texts.js';
import { formatYuan } from '../money/money.js';

/** What `explainDecision` needs: the decision row as stored. */
export interface DecisionToExplain {
  kind: string;
  baseLimitBeforeFen: number;
  baseLimitAfterFen: number;
  statusBefore: string;
  statusAfter: string;
  score: number | null;
  grade: string | null;
  /** Scorecard reason codes (from `reasonCodes`), worst first. */
  reasons: readonly ReasonCode[];
  /** Policy reason codes of the decision (e.g. `POLICY_OVERDUE`). */
  policyReasons: readonly string[];
}

/** A decision in plain words. */
export interface DecisionExplanation {
  headline: string;
  reasons: { code: string; text: string }[];
}

// policy codes that are the real cause when present, in priority order
const DOMINANT = [
  'RISK_ALERT_FRAUD_SUSPECTED',
  'RISK_ALERT_ACCOUNT_TAKEOVER',
  'RISK_ALERT_IDENTITY_MISMATCH',
  'RISK_ALERT_BUREAU_DEFAULT',
  'ACCOUNT_CLOSED_ON_REQUEST',
  'POLICY_FREEZE',
  'POLICY_OVERDUE',
  'RECOVERY_STILL_OVERDUE',
  'POLICY_HIGH_PD',
  'POLICY_NEW_DEFAULT',
  'POLICY_INQUIRY_SPIKE',
  'POLICY_RECENT_LATE',
  'OVERDUE_REPAID',
  'RISK_ALERT_CLEARED',
  'PROMOTION_CANCELLED',
];

/**
 * Explain a limit decision: a headline naming the change and its main cause, then every reason
 * (policy codes first, then scorecard reasons, worst first) as a sentence. The main cause is a
 * dominant policy code (freeze, overdue, high risk…) if any; for a decrease or no change the
 * worst scorecard reason; otherwise the first policy reason.
 */
export function explainDecision(d: DecisionToExplain, locale: Locale): DecisionExplanation {
  const zh = locale === 'zh-CN';
  const before = formatYuan(d.baseLimitBeforeFen, locale);
  const after = formatYuan(d.baseLimitAfterFen, locale);
  const reasons: { code: string; text: string }[] = [];
  const seen = new Set<string>();
  for (const code of d.policyReasons) {
    if (seen.has(code)) continue;
    seen.add(code);
    reasons.push({ code, text: reasonText(code, locale) });
  }
  for (const r of d.reasons) {
    const code = codeTexts(r.code, locale) ? r.code : featureReasonCode(r.feature);
    if (seen.has(code)) continue;
    seen.add(code);
    reasons.push({ code, text: codeTexts(code, locale)?.text ?? reasonText(r.feature, locale) });
  }

  const up = d.baseLimitAfterFen > d.baseLimitBeforeFen;
  const dominant = DOMINANT.find((c) => d.policyReasons.includes(c));
  const worstFeature = d.reasons[0];
  let mainCode: string | undefined = dominant;
  if (!mainCode && !up && worstFeature)
    mainCode = codeTexts(worstFeature.code, locale) ? worstFeature.code : worstFeature.feature;
  if (!mainCode) mainCode = d.policyReasons[0];
  const because = mainCode ? codeTexts(mainCode, locale)?.because : undefined;
  const tail = because ? (zh ? `，主要因为${because}` : `, mainly because ${because}`) : '';

  let change: string;
  const frozeNow = d.statusAfter === 'FROZEN' && d.statusBefore !== 'FROZEN';
  const unfrozeNow = d.statusBefore === 'FROZEN' && d.statusAfter !== 'FROZEN';
  if (d.statusAfter === 'CLOSED' && d.statusBefore !== 'CLOSED')
    change = zh ? '您的白条账户已关闭' : 'Your credit line was closed';
  else if (frozeNow) change = zh ? '您的额度已被冻结' : 'Your credit line was frozen';
  else if (unfrozeNow)
    change = zh
      ? `您的额度已解冻，总额度为 ${after}`
      : `Your credit line was unfrozen with a limit of ${after}`;
  else if (d.kind === 'PROMOTION' && d.policyReasons.includes('PROMOTION_CANCELLED'))
    change = zh
      ? `活动临时额度已收回，总额度仍为 ${after}`
      : `A promotion's temporary limit was withdrawn; your base limit stays at ${after}`;
  else if (d.kind === 'PROMOTION' && d.baseLimitAfterFen === d.baseLimitBeforeFen)
    change = zh
      ? `您获得了一笔临时额度，总额度仍为 ${after}`
      : `You received a temporary limit; your base limit stays at ${after}`;
  else if (d.kind === 'INITIAL')
    change = zh ? `您的初始额度为 ${after}` : `Your starting limit is ${after}`;
  else if (d.baseLimitAfterFen === d.baseLimitBeforeFen)
    change = zh ? `您的额度保持 ${after} 不变` : `Your limit stays at ${after}`;
  else if (up)
    change = zh
      ? `您的额度由 ${before} 提升至 ${after}`
      : `Your limit went up from ${before} to ${after}`;
  else
    change = zh
      ? `您的额度由 ${before} 调整为 ${after}`
      : `Your limit went from ${before} to ${after}`;
  return { headline: `${change}${tail}${zh ? '。' : '.'}`, reasons };
}

/** One thing a customer could do to raise the limit. */
export interface LimitImprovement {
  feature: string;
  text: string;
  /** Points the feature could still gain (maxPoints − points). */
  pointsGain: number;
  /** How much the grade × income target limit would rise if the gain was made (0 when the grade would not change). */
  limitEffectFen: number;
}

const NOT_ACTIONABLE = new Set([
  ...PLATFORM_FEATURES.filter((f) => !f.actionable).map((f) => f.name),
  'AGE',
  'SEX',
  'EDUCATION',
  'MARRIAGE',
  'LIMIT_BAL',
  'ID',
]);

/**
 * What the customer could do to raise the limit, largest attainable gain first: for every
 * actionable feature that lost points (not age, account age, past defaults, demographics…), the
 * points it could gain, and the rise of the grade × income target limit the new grade would give
 * (capped). `model` is the scorecard that produced `result` (only its features are considered; the contributions carry the points).
 */
export function limitImprovements(
  model: ScorecardModel,
  result: ScoreResult,
  policy: LimitPolicy,
  input: { grade: Grade; incomeBand: IncomeBand; currentLimitFen: number },
  locale: Locale,
): LimitImprovement[] {
  const inModel = new Set(model.features.map((f) => f.name));
  const zh = locale === 'zh-CN';
  const target = (g: Grade) => Math.min(policy.capFen, policy.limitMatrixFen[g][input.incomeBand]);
  const out: LimitImprovement[] = [];
  for (const c of result.contributions) {
    const gain = c.maxPoints - c.points;
    if (gain <= 0 || NOT_ACTIONABLE.has(c.feature) || !inModel.has(c.feature)) continue;
    const t = codeTexts(c.feature, locale);
    if (t && !t.improve) continue; // known but not actionable
    const newGrade = gradeOf(result.score + gain, policy);
    const better = gradeRank(newGrade) < gradeRank(input.grade);
    const limitEffectFen = better
      ? Math.max(0, target(newGrade) - Math.max(input.currentLimitFen, target(input.grade)))
      : 0;
    const action = t?.improve ?? (zh ? `改善「${c.feature}」` : `Improve ${c.feature}`);
    const effect = better
      ? zh
        ? `（约可提升 ${gain} 分，信用等级可升至 ${newGrade}，额度上限可提高约 ${formatYuan(limitEffectFen, locale)}）`
        : ` (about +${gain} points, grade ${newGrade}, up to ${formatYuan(limitEffectFen, locale)} more limit)`
      : zh
        ? `（约可提升 ${gain} 分）`
        : ` (about +${gain} points)`;
    out.push({ feature: c.feature, text: `${action}${effect}`, pointsGain: gain, limitEffectFen });
  }
  return out.sort(
    (a, b) =>
      b.pointsGain - a.pointsGain ||
      b.limitEffectFen - a.limitEffectFen ||
      a.feature.localeCompare(b.feature),
  );
}
