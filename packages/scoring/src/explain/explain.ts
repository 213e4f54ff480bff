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

/** At most this many reasons are given for one decision: more reads as noise to a customer. */
export const MAX_REASONS = 4;

/**
 * Explain a limit decision: a headline naming the change and its main cause, then at most
 * `MAX_REASONS` reasons ranked by their effect, each as a sentence: the dominant policy codes
 * (freeze, overdue, high risk…) first; then, for a decrease or no change, the scorecard reasons
 * by points lost before the other policy codes, and for an increase the policy codes (what
 * set the new limit) before the scorecard reasons (what still holds it back). The main cause is a
 * dominant policy code if any; for a decrease or no change the worst scorecard reason; otherwise
 * the first policy reason.
 */
export function explainDecision(d: DecisionToExplain, locale: Locale): DecisionExplanation {
  const zh = locale === 'zh-CN';
  const before = formatYuan(d.baseLimitBeforeFen, locale);
  const after = formatYuan(d.baseLimitAfterFen, locale);
  const up = d.baseLimitAfterFen > d.baseLimitBeforeFen;
  const dominantCodes = DOMINANT.filter((c) => d.policyReasons.includes(c));
  const otherPolicy = d.policyReasons.filter((c) => !DOMINANT.includes(c));
  const byEffect = [...d.reasons].sort((a, b) => b.pointsLost - a.pointsLost);
  const scorecard = byEffect.map((r) =>
    codeTexts(r.code, locale) ? r.code : featureReasonCode(r.feature),
  );
  const ranked = up
    ? [...dominantCodes, ...otherPolicy, ...scorecard]
    : [...dominantCodes, ...scorecard, ...otherPolicy];
  const reasons = [...new Set(ranked)]
    .slice(0, MAX_REASONS)
    .map((code) => ({ code, text: reasonText(code, locale) }));

  const dominant = DOMINANT.find((c) => d.policyReasons.includes(c));
  const worstFeature = byEffect[0];
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
    // An amount only when there is one: "about ¥0 more" promises nothing and reads as a fault.
    const effect =
      better && limitEffectFen > 0
        ? zh
          ? `（约可提升 ${gain} 分，信用等级可升至 ${newGrade}，额度上限可提高约 ${formatYuan(limitEffectFen, locale)}）`
          : ` (about +${gain} points, grade ${newGrade}, up to ${formatYuan(limitEffectFen, locale)} more limit)`
        : better
          ? zh
            ? `（约可提升 ${gain} 分，信用等级可升至 ${newGrade}）`
            : ` (about +${gain} points, grade ${newGrade})`
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

/** What a frozen or overdue account owes, for `repaymentHint`. */
export interface RepaymentSituation {
  /** Account status: `ACTIVE`, `FROZEN` or `CLOSED`. */
  status: string;
  /** Everything overdue now (principal, fees and late fees), fen. */
  overdueFen: number;
  /** Due date (YYYY-MM-DD) of the oldest overdue instalment; null when nothing is overdue. */
  oldestOverdueDueDate: string | null;
  /** Days past due at which an account is frozen (the policy's `freezeAfterDaysPastDue`). */
  freezeAfterDaysPastDue: number;
  /** Today (YYYY-MM-DD). */
  asOf: string;
}

/** A date (YYYY-MM-DD) the way a customer reads it: `2026年12月5日`, `5 December 2026`. */
export function formatCustomerDate(isoDate: string, locale: Locale): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  if (locale === 'zh-CN') return `${y}年${m}月${d}日`;
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  return `${d} ${months[m - 1]} ${y}`;
}

function addDays(isoDate: string, days: number): string {
  const t = Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * For a frozen or overdue account, the one thing that helps before any other hint: what to pay
 * and by when. Overdue but not frozen: the overdue amount by the day the account would be frozen.
 * Frozen with an overdue amount: that amount today (late fees grow daily), then an unfreeze
 * request. Frozen with nothing overdue: an unfreeze request. Null for an account in good standing.
 */
export function repaymentHint(s: RepaymentSituation, locale: Locale): string | null {
  const zh = locale === 'zh-CN';
  const owed = formatYuan(s.overdueFen, locale);
  const frozen = s.status === 'FROZEN';
  if (s.overdueFen > 0 && !frozen) {
    const freezeDay = s.oldestOverdueDueDate
      ? addDays(s.oldestOverdueDueDate, s.freezeAfterDaysPastDue)
      : s.asOf;
    const by = formatCustomerDate(freezeDay > s.asOf ? freezeDay : s.asOf, locale);
    return zh
      ? `请在${by}前还清逾期欠款 ${owed}，以免额度被冻结；还清之前额度不会提升。`
      : `Repay the overdue ${owed} by ${by} to keep your credit line from being frozen; the limit cannot go up until it is repaid.`;
  }
  if (s.overdueFen > 0 && frozen) {
    const today = formatCustomerDate(s.asOf, locale);
    const since = s.oldestOverdueDueDate
      ? formatCustomerDate(s.oldestOverdueDueDate, locale)
      : null;
    return zh
      ? `请于今天（${today}）还清逾期欠款 ${owed}${since ? `（最早一期于${since}到期）` : ''}，逾期费按天累计；还清后客服可为您申请解冻。`
      : `Repay the overdue ${owed} today (${today})${since ? `; the oldest instalment was due on ${since}` : ''}. Late fees grow every day. Once it is repaid, an agent can request an unfreeze for you.`;
  }
  if (frozen)
    return zh
      ? '您的额度已冻结，目前没有逾期欠款；客服可为您提交解冻申请。'
      : 'Your credit line is frozen and nothing is overdue; an agent can request an unfreeze for you.';
  return null;
}
