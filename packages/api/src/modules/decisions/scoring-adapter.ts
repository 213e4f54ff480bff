/**
 * The one place the API calls the decision engine. @creditline/scoring (branches scoring-model and
 * scoring-policy) had no commits when this was written, so this file carries an interim,
 * deterministic points scorecard and limit policy with the same shapes as the package's planned
 * exports (platformFeatures → scoreFeatures → gradeOf → reviewLimit → explainDecision /
 * limitImprovements). Switching to the package means re-implementing these functions as calls.
 */
import { LIMIT_CAP_FEN } from '../plans/pricing.js';

export const MODEL_VERSION = 'interim-points-v1';

/** Per-customer behaviour rows, already aggregated in SQL (set-based, one row per customer). */
export interface CustomerBehaviour {
  incomeBand: string;
  monthsOnBook: number;
  orders12m: number;
  returnRate: number; // 0..1
  avgRating: number | null;
  repayments: number;
  onTimeRate: number | null; // 0..1
  maxDaysPastDue: number;
  bureauScore: number | null;
  inquiries6m: number;
  pastDefaults: number;
  utilisation: number; // used / base, 0..1+
}

export type Features = Record<string, number | string | null>;

export function platformFeatures(b: CustomerBehaviour): Features {
  return {
    income_band: b.incomeBand,
    months_on_book: b.monthsOnBook,
    orders_12m: b.orders12m,
    return_rate: round(b.returnRate, 3),
    avg_rating: b.avgRating == null ? null : round(b.avgRating, 2),
    on_time_rate: b.onTimeRate == null ? null : round(b.onTimeRate, 3),
    max_dpd: b.maxDaysPastDue,
    bureau_score: b.bureauScore,
    inquiries_6m: b.inquiries6m,
    past_defaults: b.pastDefaults,
    utilisation: round(b.utilisation, 3),
  };
}

interface Attribute {
  feature: string;
  /** Points for a value; the best possible is `max`. */
  points(f: Features): number;
  max: number;
  reason: string;
}

const n = (v: unknown, d = 0) => (typeof v === 'number' && Number.isFinite(v) ? v : d);
const ATTRIBUTES: Attribute[] = [
  { feature: 'on_time_rate', max: 120, reason: 'LATE_REPAYMENTS', points: (f) => (f.on_time_rate == null ? 60 : Math.round(120 * n(f.on_time_rate))) },
  { feature: 'max_dpd', max: 100, reason: 'PAST_DUE_HISTORY', points: (f) => { const d = n(f.max_dpd); return d === 0 ? 100 : d <= 7 ? 70 : d <= 30 ? 35 : 0; } },
  { feature: 'bureau_score', max: 90, reason: 'LOW_BUREAU_SCORE', points: (f) => (f.bureau_score == null ? 40 : Math.round(90 * Math.min(1, Math.max(0, (n(f.bureau_score) - 350) / 500)))) },
  { feature: 'past_defaults', max: 60, reason: 'PAST_DEFAULTS', points: (f) => Math.max(0, 60 - 30 * n(f.past_defaults)) },
  { feature: 'inquiries_6m', max: 40, reason: 'MANY_CREDIT_INQUIRIES', points: (f) => Math.max(0, 40 - 8 * n(f.inquiries_6m)) },
  { feature: 'utilisation', max: 50, reason: 'HIGH_UTILISATION', points: (f) => Math.round(50 * (1 - Math.min(1, n(f.utilisation)))) },
  { feature: 'orders_12m', max: 40, reason: 'FEW_ORDERS', points: (f) => Math.min(40, 4 * n(f.orders_12m)) },
  { feature: 'return_rate', max: 30, reason: 'HIGH_RETURN_RATE', points: (f) => Math.round(30 * (1 - Math.min(1, 2 * n(f.return_rate)))) },
  { feature: 'months_on_book', max: 40, reason: 'SHORT_HISTORY', points: (f) => Math.min(40, 2 * n(f.months_on_book)) },
  { feature: 'income_band', max: 30, reason: 'INCOME_BAND', points: (f) => ({ LOW: 5, MID: 15, HIGH: 25, VERY_HIGH: 30 })[String(f.income_band)] ?? 10 },
];
const BASE_POINTS = 300;

export interface ScoreResult {
  score: number;
  probabilityOfDefault: number;
  /** Reason codes, largest points lost first (at most 4). */
  reasonCodes: { code: string; feature: string; pointsLost: number; value: number | string | null }[];
  modelVersion: string;
}

export function scoreFeatures(f: Features): ScoreResult {
  let score = BASE_POINTS;
  const lost: ScoreResult['reasonCodes'] = [];
  for (const a of ATTRIBUTES) {
    const p = a.points(f);
    score += p;
    if (a.max - p > 0) lost.push({ code: a.reason, feature: a.feature, pointsLost: a.max - p, value: f[a.feature] ?? null });
  }
  lost.sort((x, y) => y.pointsLost - x.pointsLost || x.code.localeCompare(y.code));
  // Logistic mapping: 600 points ≈ 5 % PD, 40 points double the odds.
  const odds = (0.05 / 0.95) * Math.pow(2, (600 - score) / 40);
  return { score, probabilityOfDefault: round(odds / (1 + odds), 4), reasonCodes: lost.slice(0, 4), modelVersion: MODEL_VERSION };
}

export const GRADES = ['A', 'B', 'C', 'D', 'E'] as const;
export function gradeOf(score: number): string {
  return score >= 780 ? 'A' : score >= 720 ? 'B' : score >= 660 ? 'C' : score >= 600 ? 'D' : 'E';
}

const TARGET_BY_GRADE: Record<string, number> = { A: 3_000_000, B: 2_000_000, C: 1_000_000, D: 500_000, E: 0 };
const INCOME_FACTOR: Record<string, number> = { LOW: 0.5, MID: 0.8, HIGH: 1, VERY_HIGH: 1.2 };
/** Bounded steps: a review moves the base limit by at most +30 % / −50 %, in whole yuan × 100. */
export const MAX_STEP_UP = 0.3;
export const MAX_STEP_DOWN = 0.5;

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
  action: 'INCREASE' | 'DECREASE' | 'KEEP';
  reasons: string[];
}

export function reviewLimit(r: ReviewInput): ReviewResult {
  const reasons: string[] = [];
  let target = Math.round((TARGET_BY_GRADE[r.grade] ?? 0) * (INCOME_FACTOR[r.incomeBand] ?? 0.8));
  if (r.maxDaysPastDue > 30) { target = Math.min(target, r.currentLimitFen * MAX_STEP_DOWN); reasons.push('POLICY_SERIOUS_DELINQUENCY'); }
  if (r.monthsOnBook < 3 && target > r.currentLimitFen) { target = r.currentLimitFen; reasons.push('POLICY_TOO_NEW_FOR_INCREASE'); }
  const up = Math.round(r.currentLimitFen * (1 + MAX_STEP_UP)) || 50_000;
  const down = Math.round(r.currentLimitFen * (1 - MAX_STEP_DOWN));
  let limit = Math.min(Math.max(target, down), up, LIMIT_CAP_FEN);
  if (limit > r.currentLimitFen && target > up) reasons.push('POLICY_STEP_CAP');
  if (limit < r.currentLimitFen && target < down) reasons.push('POLICY_STEP_FLOOR');
  // Never cut below what is in use (the customer keeps paying it down; no negative availability).
  if (limit < r.usedFen && limit < r.currentLimitFen) { limit = Math.min(r.currentLimitFen, r.usedFen); reasons.push('POLICY_NOT_BELOW_USED'); }
  limit = Math.floor(limit / 10_000) * 10_000; // whole 100 yuan
  if (Math.abs(limit - r.currentLimitFen) < 10_000) limit = r.currentLimitFen;
  const action = limit > r.currentLimitFen ? 'INCREASE' : limit < r.currentLimitFen ? 'DECREASE' : 'KEEP';
  return { limitFen: limit, action, reasons };
}

export function promotionGrant(p: { grade: string | null; baseLimitFen: number; campaign: { eligibleGrades: string[]; amountFen?: number | null; percentBp?: number | null } }): number {
  if (!p.grade || !p.campaign.eligibleGrades.includes(p.grade)) return 0;
  if (p.campaign.amountFen) return p.campaign.amountFen;
  return Math.floor((p.baseLimitFen * (p.campaign.percentBp ?? 0)) / 10_000 / 100) * 100;
}

export type EngineLocale = 'zh-CN' | 'en';

const REASON_TEXT: Record<string, { 'zh-CN': string; en: string }> = {
  LATE_REPAYMENTS: { 'zh-CN': '有逾期还款记录', en: 'Some repayments were late' },
  PAST_DUE_HISTORY: { 'zh-CN': '近期有逾期天数', en: 'Recent days past due' },
  LOW_BUREAU_SCORE: { 'zh-CN': '征信评分偏低', en: 'Credit bureau score is low' },
  PAST_DEFAULTS: { 'zh-CN': '征信有违约记录', en: 'Past defaults on the credit report' },
  MANY_CREDIT_INQUIRIES: { 'zh-CN': '近6个月征信查询较多', en: 'Many credit inquiries in the last 6 months' },
  HIGH_UTILISATION: { 'zh-CN': '额度使用率较高', en: 'A high share of the limit is in use' },
  FEW_ORDERS: { 'zh-CN': '近12个月购物较少', en: 'Few orders in the last 12 months' },
  HIGH_RETURN_RATE: { 'zh-CN': '退货率较高', en: 'A high share of orders were returned' },
  SHORT_HISTORY: { 'zh-CN': '开户时间较短', en: 'The account is new' },
  INCOME_BAND: { 'zh-CN': '收入水平限制了额度', en: 'The income band limits the amount' },
  POLICY_SERIOUS_DELINQUENCY: { 'zh-CN': '逾期超过30天，额度下调', en: 'More than 30 days past due: limit reduced' },
  POLICY_TOO_NEW_FOR_INCREASE: { 'zh-CN': '开户不满3个月，暂不提额', en: 'Under 3 months on book: no increase yet' },
  POLICY_STEP_CAP: { 'zh-CN': '单次提额幅度有上限', en: 'One review raises the limit by at most 30 %' },
  POLICY_STEP_FLOOR: { 'zh-CN': '单次降额幅度有下限', en: 'One review lowers the limit by at most 50 %' },
  POLICY_NOT_BELOW_USED: { 'zh-CN': '额度不低于已用额度', en: 'The limit is not cut below the amount in use' },
  FROZEN: { 'zh-CN': '账户已冻结', en: 'The account is frozen' },
  UNFROZEN: { 'zh-CN': '账户已解冻', en: 'The account was unfrozen' },
  PROMOTION: { 'zh-CN': '活动临时额度', en: 'Temporary limit from a promotion' },
};

export function reasonText(code: string, locale: EngineLocale): string {
  return REASON_TEXT[code]?.[locale] ?? code;
}

export interface ExplainInput {
  kind: string;
  baseLimitBeforeFen: number;
  baseLimitAfterFen: number;
  statusBefore: string;
  statusAfter: string;
  score: number | null;
  grade: string | null;
  reasons: string[];
}

const yuan = (fen: number) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function explainDecision(d: ExplainInput, locale: EngineLocale): { headline: string; reasons: { code: string; text: string }[] } {
  const zh = locale === 'zh-CN';
  let headline: string;
  if (d.statusBefore !== d.statusAfter) headline = zh ? `账户状态：${d.statusBefore} → ${d.statusAfter}` : `Account status: ${d.statusBefore} → ${d.statusAfter}`;
  else if (d.baseLimitAfterFen > d.baseLimitBeforeFen) headline = zh ? `额度由 ¥${yuan(d.baseLimitBeforeFen)} 提升至 ¥${yuan(d.baseLimitAfterFen)}` : `Limit raised from ¥${yuan(d.baseLimitBeforeFen)} to ¥${yuan(d.baseLimitAfterFen)}`;
  else if (d.baseLimitAfterFen < d.baseLimitBeforeFen) headline = zh ? `额度由 ¥${yuan(d.baseLimitBeforeFen)} 调整为 ¥${yuan(d.baseLimitAfterFen)}` : `Limit lowered from ¥${yuan(d.baseLimitBeforeFen)} to ¥${yuan(d.baseLimitAfterFen)}`;
  else headline = zh ? `额度保持 ¥${yuan(d.baseLimitAfterFen)}` : `Limit kept at ¥${yuan(d.baseLimitAfterFen)}`;
  if (d.score != null && d.grade) headline += zh ? `（评分 ${d.score}，等级 ${d.grade}）` : ` (score ${d.score}, grade ${d.grade})`;
  return { headline, reasons: d.reasons.map((code) => ({ code, text: reasonText(code, locale) })) };
}

const IMPROVE_TEXT: Record<string, { 'zh-CN': string; en: string }> = {
  on_time_rate: { 'zh-CN': '按时还款', en: 'Repay on time' },
  max_dpd: { 'zh-CN': '结清逾期款项', en: 'Clear past-due amounts' },
  utilisation: { 'zh-CN': '降低额度使用率', en: 'Use less of the limit' },
  orders_12m: { 'zh-CN': '多使用平台购物', en: 'Shop on the platform more often' },
  return_rate: { 'zh-CN': '减少退货', en: 'Return fewer orders' },
  inquiries_6m: { 'zh-CN': '减少征信查询', en: 'Apply for less credit elsewhere' },
  months_on_book: { 'zh-CN': '保持账户良好使用', en: 'Keep the account in good standing over time' },
};

/** What would raise the limit: the improvable features that lost points, with the points and limit effect. */
export function limitImprovements(features: Features, current: { grade: string | null; incomeBand: string; currentLimitFen: number }, locale: EngineLocale): { feature: string; text: string; pointsGain: number; limitEffectFen: number | null }[] {
  const s = scoreFeatures(features);
  const out: { feature: string; text: string; pointsGain: number; limitEffectFen: number | null }[] = [];
  for (const a of ATTRIBUTES) {
    const text = IMPROVE_TEXT[a.feature];
    const gain = a.max - a.points(features);
    if (!text || gain <= 0) continue;
    const newGrade = gradeOf(s.score + gain);
    const target = Math.min(LIMIT_CAP_FEN, Math.round((TARGET_BY_GRADE[newGrade] ?? 0) * (INCOME_FACTOR[current.incomeBand] ?? 0.8)));
    out.push({ feature: a.feature, text: text[locale], pointsGain: gain, limitEffectFen: newGrade !== current.grade && target > current.currentLimitFen ? target - current.currentLimitFen : null });
  }
  return out.sort((x, y) => y.pointsGain - x.pointsGain).slice(0, 3);
}

function round(v: number, d: number): number {
  const f = 10 ** d;
  return Math.round(v * f) / f;
}
