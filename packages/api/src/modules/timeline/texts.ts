import { reasonText, type EngineLocale as Locale } from '../decisions/scoring-adapter.js';

/**
 * Plain words for the codes the API stores (decision kinds, statuses, channels, recovery types and
 * outcomes) and for the sentences the system writes itself, in both locales. Screens and
 * customer-facing texts use these; a code never reaches either.
 */
type Texts = Record<string, { 'zh-CN': string; en: string }>;
const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

export const DECISION_KIND: Texts = {
  INITIAL: t('初始额度', 'Starting limit'),
  PERIODIC_REVIEW: t('定期评估', 'Periodic review'),
  TRIGGERED_REVIEW: t('风险复核', 'Risk review'),
  PROMOTION: t('促销临时额度', 'Promotion'),
  FREEZE: t('冻结', 'Freeze'),
  UNFREEZE: t('解冻', 'Unfreeze'),
  RECOVERY: t('额度恢复', 'Limit restored'),
  MANUAL: t('人工调整', 'Manual change'),
};
export const RECOVERY_TYPE: Texts = {
  UNFREEZE: t('解冻', 'Unfreeze'),
  RESTORE_REDUCTION: t('恢复被降低的额度', 'Restore a reduced limit'),
  INCREASE: t('提升额度', 'Increase'),
};
export const RECOVERY_STATUS: Texts = {
  SUBMITTED: t('已提交', 'Submitted'),
  UNDER_REVIEW: t('审核中', 'Under review'),
  NEEDS_DOCUMENTS: t('待补充材料', 'Needs documents'),
  APPROVED: t('已批准', 'Approved'),
  REJECTED: t('已拒绝', 'Rejected'),
  COMPLETED: t('已完成', 'Completed'),
};
export const AUTO_OUTCOME: Texts = {
  APPROVE: t('自动批准', 'approved automatically'),
  NEED_DOCUMENTS: t('需要补充材料', 'documents needed'),
  ROUTE_TO_SUPERVISOR: t('转主管审核', 'sent to a supervisor'),
  REJECT: t('自动拒绝', 'rejected automatically'),
};
export const PURCHASE_STATUS: Texts = {
  HELD: t('已冻结额度（待扣款）', 'Held'),
  PENDING_REVIEW: t('待人工审核', 'Waiting for review'),
  DECLINED: t('已拒绝', 'Declined'),
  CAPTURED: t('已入账', 'Captured'),
  RELEASED: t('已释放', 'Released'),
  EXPIRED: t('已过期', 'Expired'),
  REJECTED: t('审核未通过', 'Rejected in review'),
};
export const CHANNEL: Texts = {
  IN_APP: t('站内信', 'In-app'),
  SMS: t('短信', 'SMS'),
  EMAIL: t('电子邮件', 'Email'),
};

export const label = (table: Texts, code: string | null | undefined, locale: Locale): string =>
  (code && table[code]?.[locale]) ?? (locale === 'zh-CN' ? '其他' : 'Other');

/**
 * A recovery transition's reason for a screen: the sentences the system writes itself (stored in
 * English with codes) in words in the locale; an agent's own words as they were typed.
 */
export function transitionReasonText(reason: string, actorType: string, locale: Locale): string {
  const zh = locale === 'zh-CN';
  if (actorType !== 'SYSTEM') {
    const docs = /^(\d+) document\(s\) added\.$/.exec(reason);
    if (docs) return zh ? `补充了 ${docs[1]} 份材料。` : `${docs[1]} document(s) added.`;
    if (reason === 'Rejected by a supervisor.') return zh ? '主管拒绝了申请。' : reason;
    if (reason === 'Approved by a supervisor.') return zh ? '主管批准了申请。' : reason;
    return reason;
  }
  if (reason === 'Automatic review started.') return zh ? '自动审核已开始。' : reason;
  if (reason === 'Restoration complete.') return zh ? '额度已全部恢复。' : reason;
  const m = /^Automatic review: (\w+) \(([^)]*)\)\.$/.exec(reason);
  if (m) {
    const codes = m[2] === 'no reasons' ? [] : m[2]!.split(',').map((c) => c.trim());
    const why = codes.map((c) => reasonText(c, locale)).join(zh ? '；' : '; ');
    const outcome = label(AUTO_OUTCOME, m[1], locale);
    return zh
      ? `自动审核：${outcome}${why ? `（${why}）` : ''}。`
      : `Automatic review: ${outcome}${why ? ` (${why})` : ''}.`;
  }
  return zh ? '系统处理' : 'Processed by the system';
}
