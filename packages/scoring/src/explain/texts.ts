import { PLATFORM_FEATURES } from '../features/platform-features.js';
import { reasonCodeFor } from '../model/score.js';
import { LIMIT_REASON_CODES } from '../policy/limits.js';
import { LIFECYCLE_REASON_CODES } from '../policy/lifecycle.js';
import { RECOVERY_REASON_CODES } from '../recovery/recovery.js';

/** Locales every customer-facing text exists in. */
export type Locale = 'zh-CN' | 'en';
/** Locales every customer-facing text exists in. */
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** Texts of one code in one locale: a full sentence, the phrase after "mainly because", and (features) what to do. */
export interface CodeText {
  text: string;
  because: string;
  improve?: string;
}

/** The reason code of a feature, exactly as the scorecard's `reasonCodes` emits it (`worstDaysPastDue6m` → `RC_WORSTDAYSPASTDUE6M`). */
export function featureReasonCode(feature: string): string {
  return reasonCodeFor(feature);
}

type Entry = Record<Locale, CodeText>;
const e = (
  zhText: string,
  zhBecause: string,
  enText: string,
  enBecause: string,
  zhImprove?: string,
  enImprove?: string,
): Entry => ({
  'zh-CN': { text: zhText, because: zhBecause, ...(zhImprove ? { improve: zhImprove } : {}) },
  en: { text: enText, because: enBecause, ...(enImprove ? { improve: enImprove } : {}) },
});

const FEATURE_TEXTS: Record<string, Entry> = {
  worstDaysPastDue6m: e(
    '近6个月有逾期还款',
    '近期有逾期还款',
    'You had late repayments in the last 6 months',
    'of recent late repayments',
    '按时足额还款，保持6个月无逾期',
    'Repay on time and in full for 6 months',
  ),
  worstDaysPastDue12m: e(
    '近12个月有较长时间的逾期',
    '过去一年有逾期还款',
    'You had a long overdue repayment in the last 12 months',
    'of late repayments in the past year',
    '保持12个月无逾期',
    'Keep every repayment on time for 12 months',
  ),
  lateCount12m: e(
    '近12个月逾期次数较多',
    '近一年逾期次数较多',
    'You paid late several times in the last 12 months',
    'of several late repayments this year',
    '每期按时还款，减少逾期次数',
    'Pay every bill by its due date',
  ),
  onTimeRatio12m: e(
    '近12个月按时还款的比例偏低',
    '按时还款比例偏低',
    'A low share of your bills in the last 12 months were paid on time',
    'too few bills were paid on time',
    '设置自动还款，提高按时还款比例',
    'Turn on automatic repayment so every bill is paid on time',
  ),
  paymentRatio: e(
    '近6个月还款金额低于应还金额',
    '近期还款不足额',
    'In the last 6 months you repaid less than was due',
    'repayments fell short of the amounts due',
    '每期足额还款，而不只是最低还款',
    'Repay the full amount due, not only the minimum',
  ),
  utilisation: e(
    '额度使用率较高',
    '额度使用率较高',
    'You are using a large share of your limit',
    'you are using most of your limit',
    '将额度使用率控制在50%以下',
    'Keep your balance below half of your limit',
  ),
  accountAgeMonths: e(
    '账户开通时间较短',
    '账户开通时间较短',
    'Your account is still new',
    'your account is still new',
  ),
  orderCount12m: e(
    '近12个月购物记录较少',
    '平台购物记录较少',
    'You have few orders on the platform in the last 12 months',
    'of a short shopping history',
  ),
  orderAmount12m: e(
    '近12个月消费金额与常见情况不符',
    '消费金额不太典型',
    'Your spending in the last 12 months is unusual for your profile',
    'your spending pattern is unusual',
  ),
  categoryCount12m: e(
    '购物品类较为单一',
    '购物品类单一',
    'Your orders are in few categories',
    'your orders are in few categories',
  ),
  returnRate12m: e(
    '近12个月退货比例较高',
    '退货比例较高',
    'A high share of your orders in the last 12 months were returned',
    'of a high return rate',
    '减少不必要的退货',
    'Avoid unnecessary returns',
  ),
  deliveryRate12m: e(
    '近12个月成功签收的订单比例偏低',
    '签收订单比例偏低',
    'A low share of your orders in the last 12 months were delivered',
    'few orders were delivered',
    '减少取消订单，确认收货',
    'Avoid cancelling orders and confirm receipt',
  ),
  reviewCount: e('评价记录较少', '评价记录较少', 'You have written few reviews', 'of few reviews'),
  reviewAvg: e(
    '评价分数与常见情况不符',
    '评价记录不太典型',
    'Your review ratings are unusual',
    'your review ratings are unusual',
  ),
  bureauScore: e(
    '征信评分偏低',
    '征信评分偏低',
    'Your credit bureau score is low',
    'your credit bureau score is low',
    '按时偿还其他贷款和信用卡，改善征信',
    'Repay your other loans and cards on time to improve your bureau record',
  ),
  inquiries3m: e(
    '近3个月征信查询次数较多',
    '近期频繁申请贷款',
    'There were many credit inquiries in the last 3 months',
    'of many recent credit applications',
    '近期减少申请其他贷款或信用卡',
    'Avoid applying for other loans or cards for a while',
  ),
  inquiries6m: e(
    '近6个月征信查询次数较多',
    '近半年频繁申请贷款',
    'There were many credit inquiries in the last 6 months',
    'of many credit applications this half-year',
    '减少申请其他贷款或信用卡',
    'Apply for fewer loans and cards',
  ),
  debtToIncome: e(
    '其他负债相对收入较高',
    '其他负债较高',
    'Your other debts are high compared with your income',
    'your other debts are high for your income',
    '逐步偿还其他负债',
    'Pay down your other debts',
  ),
  pastDefaults: e(
    '征信记录中有历史违约',
    '征信中有历史违约',
    'Your credit report shows past defaults',
    'your credit report shows past defaults',
  ),
  verificationScore: e(
    '身份信息尚未完善（实名、手机、银行卡）',
    '身份信息尚未完善',
    'Your identity details are incomplete (real name, phone, bank card)',
    'your identity details are incomplete',
    '完成实名认证并绑定手机号和银行卡',
    'Complete real-name verification and bind your phone and bank card',
  ),
};

const POLICY_TEXTS: Record<string, Entry> = {
  POLICY_INITIAL_LIMIT: e(
    '新用户的初始额度',
    '您是新用户，初始额度较低',
    'The starting limit for new customers',
    'new customers start with a low limit',
  ),
  POLICY_GRADE_TARGET: e(
    '额度按您的信用等级和收入水平确定',
    '您的信用等级和收入水平',
    'Your limit follows your credit grade and income band',
    'of your credit grade and income band',
  ),
  POLICY_STEP_CAPPED: e(
    '单次调整幅度有上限',
    '单次调整幅度有上限',
    'Each review can change the limit only by a bounded step',
    'each review changes the limit by a bounded step',
  ),
  POLICY_CAP: e(
    '额度已达到每位用户的上限',
    '额度已达上限',
    'Your limit is at the per-customer maximum',
    'your limit is at the maximum',
  ),
  POLICY_OVERDUE: e(
    '账户有逾期未还款项',
    '近期有逾期还款',
    'Your account has an overdue repayment',
    'of recent late repayments',
  ),
  POLICY_FREEZE: e(
    '逾期时间较长，额度已冻结',
    '逾期时间较长',
    'The account was frozen after a long overdue period',
    'a repayment is long overdue',
  ),
  POLICY_RECENT_LATE: e(
    '近期有逾期记录，暂不提额',
    '近期有逾期记录',
    'A recent late repayment holds back increases',
    'of a recent late repayment',
  ),
  POLICY_HIGH_PD: e(
    '综合评估风险偏高',
    '综合评估风险偏高',
    'Our overall risk assessment is high',
    'our overall risk assessment is high',
  ),
  POLICY_MONTHS_ON_BOOK: e(
    '账户使用时间不足，暂不提额',
    '账户使用时间较短',
    'The account is too new for an increase',
    'the account is too new for an increase',
  ),
  POLICY_GRADE_NO_INCREASE: e(
    '当前信用等级暂不提额',
    '当前信用等级较低',
    'Your current grade is not eligible for increases',
    'your current grade is not eligible for increases',
  ),
  POLICY_TRIGGERED_NO_INCREASE: e(
    '风险复核只会维持或降低额度',
    '这是一次风险复核',
    'A risk review only keeps or lowers a limit',
    'this was a risk review',
  ),
  POLICY_NO_CHANGE: e(
    '本次评估额度不变',
    '您的情况没有明显变化',
    'No change at this review',
    'nothing material changed',
  ),
  POLICY_INQUIRY_SPIKE: e(
    '近期征信查询次数明显增加',
    '近期频繁申请贷款',
    'Credit inquiries rose sharply',
    'of a sharp rise in credit applications',
  ),
  POLICY_KEEP_ABOVE_USED: e(
    '额度不会调低到已用额度以下',
    '额度不低于已用额度',
    'The limit is not lowered below what you have already used',
    'the limit is kept above your balance',
  ),
  POLICY_NEW_DEFAULT: e(
    '征信报告新增了违约记录',
    '征信报告新增了违约记录',
    'Your credit report shows a new default',
    'your credit report shows a new default',
  ),
  POLICY_SAME_EVIDENCE: e(
    '自上次评估以来没有新的信息，额度不会再次调低',
    '自上次评估以来没有新的信息',
    'Nothing new is known since the last review, so the limit is not lowered again',
    'nothing new is known since the last review',
  ),
  APPLICATION_APPROVED: e(
    '您的白条申请已通过',
    '您的申请已通过',
    'Your application for a credit line was approved',
    'your application was approved',
  ),
  APPLICATION_GRADE: e(
    '综合信用评分未达到开通标准',
    '综合信用评分未达到开通标准',
    'Your overall credit score is below what we need to open a credit line',
    'your credit score is below what we need',
  ),
  APPLICATION_HIGH_PD: e(
    '综合评估风险偏高，暂不能开通',
    '综合评估风险偏高',
    'Our overall risk assessment is too high to open a credit line now',
    'our overall risk assessment is too high',
  ),
  APPLICATION_NOT_VERIFIED: e(
    '尚未完成实名认证',
    '尚未完成实名认证',
    'Real-name verification is not complete',
    'real-name verification is not complete',
  ),
  APPLICATION_DELINQUENT: e(
    '近12个月有较长时间的逾期',
    '近期有较长时间的逾期',
    'There was a long overdue repayment in the last 12 months',
    'of a long overdue repayment in the last 12 months',
  ),
  APPLICATION_BUREAU_DEFAULTS: e(
    '征信报告有多次违约记录',
    '征信报告有违约记录',
    'Your credit report shows several defaults',
    'your credit report shows defaults',
  ),
  ACCOUNT_CLOSED_ON_REQUEST: e(
    '应您的要求，白条账户已关闭',
    '您申请关闭账户',
    'Your credit line was closed at your request',
    'you asked to close it',
  ),
  RISK_ALERT_FRAUD_SUSPECTED: e(
    '账户出现疑似欺诈交易，为保护您的资金已暂时冻结',
    '账户出现疑似欺诈交易',
    'Suspicious transactions were seen; the account is frozen to protect you',
    'suspicious transactions were seen on the account',
  ),
  RISK_ALERT_ACCOUNT_TAKEOVER: e(
    '账户疑似被他人登录使用，为保护您的资金已暂时冻结',
    '账户疑似被他人使用',
    'Someone else may be using your account; it is frozen to protect you',
    'someone else may be using the account',
  ),
  RISK_ALERT_IDENTITY_MISMATCH: e(
    '身份信息核验不一致，需重新核验',
    '身份信息核验不一致',
    'Your identity details did not match and need to be verified again',
    'identity details did not match',
  ),
  RISK_ALERT_BUREAU_DEFAULT: e(
    '征信报告新增违约记录，账户已暂时冻结',
    '征信报告新增了违约记录',
    'Your credit report shows a new default; the account is frozen for now',
    'your credit report shows a new default',
  ),
  RISK_ALERT_CLEARED: e(
    '风险核查已完成，账户恢复使用',
    '风险核查已完成',
    'The risk check is complete and the account can be used again',
    'the risk check is complete',
  ),
  OVERDUE_REPAID: e(
    '逾期款项已全部还清',
    '逾期款项已全部还清',
    'Every overdue amount has been repaid',
    'every overdue amount has been repaid',
  ),
  RECOVERY_UNFREEZE: e(
    '额度恢复申请已批准，账户解冻',
    '额度恢复申请已批准',
    'Your recovery request was approved and the account unfrozen',
    'your recovery request was approved',
  ),
  MANUAL_FREEZE: e(
    '主管根据核查结果冻结了账户',
    '主管核查后冻结了账户',
    'A supervisor froze the account after a check',
    'a supervisor froze it after a check',
  ),
  MANUAL_UNFREEZE: e(
    '主管核查后解冻了账户',
    '主管核查后解冻了账户',
    'A supervisor unfroze the account after a check',
    'a supervisor unfroze it after a check',
  ),
  PROMOTION_GRANTED: e(
    '您获得了活动临时额度',
    '您参与了额度活动',
    'You were granted a temporary limit from a promotion',
    'of a promotion',
  ),
  PROMOTION_CHANGED: e(
    '活动开始前调整了临时额度',
    '活动内容有调整',
    'The promotion was changed before it started, and your temporary limit with it',
    'the promotion was changed before it started',
  ),
  PROMOTION_CANCELLED: e(
    '活动已取消，临时额度收回',
    '活动已取消',
    'The promotion was cancelled and its temporary limit withdrawn',
    'the promotion was cancelled',
  ),
  CATEGORY_LIMIT_SET: e(
    '设置了专项额度：该类商品的消费不超过专项额度',
    '设置了专项额度',
    'A category limit was set: purchases in that category stay within it',
    'a category limit was set',
  ),
  CATEGORY_LIMIT_REMOVED: e(
    '专项额度已取消，该类商品按总额度使用',
    '专项额度已取消',
    'A category limit was removed; that category uses the general limit again',
    'a category limit was removed',
  ),
  POLICY_RISK_BUDGET: e(
    '平台本期的风险预算已接近上限，本次提额按比例下调',
    '本期提额受平台风险预算限制',
    "The platform's risk budget for this period is nearly used up, so this increase was scaled down",
    "the platform's risk budget limited increases this period",
  ),
  RECOVERY_STILL_OVERDUE: e(
    '仍有逾期未还款项，请先还清',
    '仍有逾期未还款项',
    'There is still an overdue amount; please repay it first',
    'an amount is still overdue',
  ),
  RECOVERY_SEVERE_DELINQUENCY: e(
    '曾有严重逾期',
    '曾有严重逾期',
    'There was a severe delinquency',
    'of a severe past delinquency',
  ),
  RECOVERY_DOCUMENTS_REQUIRED: e(
    '需要补充材料（如收入证明）',
    '需要补充材料',
    'Supporting documents (such as proof of income) are needed',
    'supporting documents are needed',
  ),
  RECOVERY_WRITTEN_OFF: e(
    '该账户曾有欠款被核销，需由主管人工审核',
    '曾有欠款核销，需人工审核',
    'A balance on this account was written off, so a supervisor needs to review the request',
    'a balance was written off, so a supervisor needs to review it',
  ),
  RECOVERY_HIGH_RISK: e(
    '需由主管人工审核',
    '需人工审核',
    'A supervisor needs to review the request',
    'a supervisor needs to review it',
  ),
  RECOVERY_NOTHING_TO_RESTORE: e(
    '没有可恢复的额度',
    '没有可恢复的额度',
    'There is no reduced limit to restore',
    'there is nothing to restore',
  ),
  RECOVERY_TARGET_CAPPED: e(
    '申请额度超过可批准上限，已按上限处理',
    '申请额度超过上限',
    'The requested limit is above what can be approved, so the maximum is used',
    'the request was above the maximum',
  ),
  RECOVERY_GOOD_STANDING: e(
    '账户状况良好',
    '您的账户状况良好',
    'Your account is in good standing',
    'your account is in good standing',
  ),
  RECOVERY_STAGED: e(
    '额度将分阶段恢复：部分立即恢复，其余在按时还款后恢复',
    '额度分阶段恢复',
    'The limit is restored in stages: part now, the rest after on-time repayments',
    'the limit is restored in stages',
  ),
};

// Codes the API writes on decisions and requests itself (freezes, recoveries, promotions, the overdue job).
const OPERATION_TEXTS: Record<string, Entry> = {
  FROZEN: e(
    '客服冻结了额度',
    '客服冻结了额度',
    'An agent froze the credit line',
    'an agent froze the credit line',
  ),
  UNFROZEN: e(
    '客服解冻了额度',
    '客服解冻了额度',
    'An agent unfroze the credit line',
    'an agent unfroze the credit line',
  ),
  PROMOTION: e(
    '参加促销活动获得临时额度',
    '促销活动',
    'A promotion gave a temporary limit',
    'of a promotion',
  ),
  RECOVERY_UNFREEZE: e(
    '额度恢复申请获批，额度已解冻',
    '您的解冻申请已获批准',
    'A recovery request was approved and the credit line unfrozen',
    'your unfreeze request was approved',
  ),
  RECOVERY_STAGE_APPLIED: e(
    '额度恢复申请获批，恢复了一部分额度',
    '您的额度恢复申请已获批准',
    'A recovery request was approved and part of the limit restored',
    'your recovery request was approved',
  ),
  OVERDUE_FREEZE_THRESHOLD: e(
    '逾期天数达到冻结标准，额度已冻结',
    '有一笔还款逾期时间较长',
    'A repayment was overdue long enough to freeze the credit line',
    'a repayment is long overdue',
  ),
  OVERDUE_1_30: e(
    '有一笔还款逾期1至30天',
    '有一笔还款逾期',
    'A repayment is 1 to 30 days overdue',
    'a repayment is overdue',
  ),
  OVERDUE_31_60: e(
    '有一笔还款逾期31至60天',
    '有一笔还款逾期一个月以上',
    'A repayment is 31 to 60 days overdue',
    'a repayment is over a month overdue',
  ),
  OVERDUE_61_90: e(
    '有一笔还款逾期61至90天',
    '有一笔还款逾期两个月以上',
    'A repayment is 61 to 90 days overdue',
    'a repayment is over two months overdue',
  ),
  OVERDUE_90_: e(
    '有一笔还款逾期超过90天',
    '有一笔还款逾期超过90天',
    'A repayment is more than 90 days overdue',
    'a repayment is over 90 days overdue',
  ),
  RISK_RULE_NEW_DEVICE: e(
    '在新设备上购物',
    '在新设备上购物',
    'A purchase from a device not seen before',
    'of a purchase from a new device',
  ),
  RISK_RULE_PHONE_CHANGED: e(
    '近期更换了手机号',
    '近期更换了手机号',
    'The phone number was changed recently',
    'the phone number was changed recently',
  ),
  RISK_RULE_VELOCITY_COUNT: e(
    '短时间内购物次数过多',
    '短时间内购物次数过多',
    'Many purchases in a short time',
    'of many purchases in a short time',
  ),
  RISK_RULE_VELOCITY_AMOUNT: e(
    '短时间内购物金额过大',
    '短时间内购物金额过大',
    'A large amount spent in a short time',
    'of a large amount spent in a short time',
  ),
  RISK_RULE_UNUSUAL_CATEGORY: e(
    '购物品类与以往不同',
    '购物品类与以往不同',
    'A purchase in an unusual category',
    'of a purchase in an unusual category',
  ),
  AMOUNT_ABOVE_REVIEW_THRESHOLD: e(
    '金额超过人工审核标准',
    '金额较大',
    'The amount is above the manual-review threshold',
    'the amount is large',
  ),
};

/** Codes the API writes itself, for completeness tests. */
export const OPERATION_CODES: readonly string[] = Object.keys(OPERATION_TEXTS);

/** Every code with a text: the platform feature codes (`RC_…`), the policy codes and the recovery codes. */
export const REASON_TEXTS: Readonly<Record<string, Entry>> = Object.fromEntries([
  ...Object.entries(FEATURE_TEXTS).map(([f, t]) => [featureReasonCode(f), t] as const),
  ...Object.entries(POLICY_TEXTS),
  ...Object.entries(OPERATION_TEXTS),
]);

/** Feature name → its texts (for reason codes that carry a feature name). */
export const FEATURE_REASON_TEXTS: Readonly<Record<string, Entry>> = FEATURE_TEXTS;

/** All policy and recovery codes that must have texts (for completeness tests). */
export const POLICY_CODES: readonly string[] = [
  ...LIMIT_REASON_CODES,
  ...RECOVERY_REASON_CODES,
  ...LIFECYCLE_REASON_CODES,
];
/** All platform feature reason codes. */
export const PLATFORM_REASON_CODES: readonly string[] = PLATFORM_FEATURES.map((f) =>
  featureReasonCode(f.name),
);

const normalize = (s: string) =>
  s
    .replace(/^RC_/i, '')
    .replace(/[^a-z0-9]/gi, '')
    .toUpperCase();
const BY_NORMALIZED = new Map<string, Entry>([
  ...Object.entries(FEATURE_TEXTS).map(([f, t]) => [normalize(f), t] as const),
  ...Object.entries(POLICY_TEXTS).map(([c, t]) => [c, t] as const),
  ...Object.entries(OPERATION_TEXTS).map(([c, t]) => [c, t] as const),
]);

/** The texts of a code (policy code, `RC_<FEATURE>` in any casing, or a bare feature name); undefined when unknown. */
export function codeTexts(code: string, locale: Locale): CodeText | undefined {
  const entry = REASON_TEXTS[code] ?? BY_NORMALIZED.get(code) ?? BY_NORMALIZED.get(normalize(code));
  return entry?.[locale];
}

const UNKNOWN: Record<Locale, CodeText> = {
  'zh-CN': { text: '其他综合因素', because: '其他综合因素' },
  en: { text: 'Other factors in our assessment', because: 'of other factors in our assessment' },
};

/**
 * A plain-words sentence for a reason code in a locale. An unknown code (one written by a newer
 * version) gets a general phrase rather than the code: codes never reach a customer or a screen.
 */
export function reasonText(code: string, locale: Locale): string {
  return codeTexts(code, locale)?.text ?? UNKNOWN[locale].text;
}

/** Whether a code has its own texts (not the general phrase). */
export const hasReasonText = (code: string): boolean => codeTexts(code, 'en') !== undefined;
