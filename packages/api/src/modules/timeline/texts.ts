import {
  formatYuan,
  reasonText,
  type EngineLocale as Locale,
} from '../decisions/scoring-adapter.js';

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
export const NOTICE_KIND: Texts = {
  HIGH_UTILISATION: t('额度使用率较高', 'High limit use'),
  DUE_SOON: t('即将到期', 'Due soon'),
  OVERDUE: t('逾期提醒', 'Overdue'),
  LIMIT_CHANGED: t('额度变动', 'Limit changed'),
  PROMOTION_STARTED: t('促销额度到账', 'Promotion started'),
  PROMOTION_ENDING: t('促销额度即将结束', 'Promotion ending'),
  RECOVERY_STATUS: t('额度恢复申请进度', 'Recovery request update'),
  BUDGETING_TIP: t('理财小贴士', 'Budgeting tip'),
};
export const CHANNEL: Texts = {
  IN_APP: t('站内信', 'In-app'),
  SMS: t('短信', 'SMS'),
  EMAIL: t('电子邮件', 'Email'),
};

export const label = (table: Texts, code: string | null | undefined, locale: Locale): string =>
  (code && table[code]?.[locale]) ?? (locale === 'zh-CN' ? '其他' : 'Other');

/** The text a notice carried: the staff message, or the sentence its event stands for. */
export function noticeText(kind: string, payload: Record<string, unknown>, locale: Locale): string {
  const zh = locale === 'zh-CN';
  if (typeof payload.message === 'string' && payload.message.trim()) return payload.message;
  const fen = (v: unknown) => (v == null ? null : formatYuan(Number(v), locale));
  switch (kind) {
    case 'HIGH_UTILISATION':
      return zh
        ? '您已使用超过80%的额度，请注意合理消费并按时还款。'
        : 'You have used more than 80% of your limit; plan your spending and repay on time.';
    case 'DUE_SOON':
      return zh
        ? `您有一笔账单将于${String(payload.dueDate ?? '').slice(0, 10)}到期，请按时还款。`
        : `A bill is due on ${String(payload.dueDate ?? '').slice(0, 10)}; please repay on time.`;
    case 'OVERDUE':
      return zh
        ? `您有一笔还款已逾期${Number(payload.daysPastDue ?? 0) || ''}天，请尽快还款，以免产生更多逾期费。`
        : `A repayment is ${Number(payload.daysPastDue ?? 0) || ''} days overdue; repay soon to stop further late fees.`;
    case 'LIMIT_CHANGED': {
      const before = fen(payload.before ?? payload.beforeFen);
      const after = fen(payload.after ?? payload.afterFen);
      if (payload.status === 'FROZEN')
        return zh ? '您的额度已被冻结。' : 'Your credit line has been frozen.';
      return before && after
        ? zh
          ? `您的额度由 ${before} 调整为 ${after}。`
          : `Your limit changed from ${before} to ${after}.`
        : zh
          ? '您的额度有变动。'
          : 'Your limit has changed.';
    }
    case 'PROMOTION_STARTED':
      return zh ? '您获得了一笔促销临时额度。' : 'You received a temporary promotion limit.';
    case 'PROMOTION_ENDING':
      return zh ? '您的促销临时额度即将结束。' : 'Your temporary promotion limit ends soon.';
    case 'RECOVERY_STATUS': {
      const before = fen(payload.beforeFen);
      const after = fen(payload.afterFen);
      if (before && after)
        return zh
          ? `额度恢复申请：额度已由 ${before} 恢复至 ${after}。`
          : `Recovery request: your limit went from ${before} to ${after}.`;
      const status = label(RECOVERY_STATUS, String(payload.status ?? ''), locale);
      return zh ? `您的额度恢复申请状态：${status}。` : `Your recovery request: ${status}.`;
    }
    case 'BUDGETING_TIP':
      return zh
        ? '合理规划消费，按时还款有助于提升额度。'
        : 'Planning your spending and repaying on time helps your limit grow.';
    default:
      return zh ? '一条通知' : 'A notice';
  }
}

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
