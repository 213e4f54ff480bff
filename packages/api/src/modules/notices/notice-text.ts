/**
 * The words of every notice, in zh-CN and en: what happened, what it means, what the customer
 * can do. One place for the in-app notice (`Notice.text`), the SMS and the email, so that no
 * notice reaches anyone as a bare code. A notice that carries its own text
 * (`payload.text = { 'zh-CN': …, en: … }`, as a partner link's one-time code does) keeps it; a
 * staff message (`payload.message`) is sent as the agent wrote it.
 */
import { NOTICE_PART_KINDS, noticeWords } from './notice-texts.js';

export interface NoticeWords {
  zhCN: string;
  en: string;
}

const yuan = (fen: unknown) =>
  typeof fen === 'number' || (typeof fen === 'string' && fen !== '')
    ? `¥${(Number(fen) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
    : '';
const str = (v: unknown, fallback: string) =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : fallback;

const TEXTS: Record<string, (p: Record<string, unknown>) => NoticeWords> = {
  LIMIT_CHANGED: (p) => {
    const after = p.after ?? p.baseLimitAfterFen;
    return {
      zhCN: `您的白条额度已调整${after !== undefined ? `为${yuan(after)}` : ''}。这会改变您可用于消费和分期的金额。登录查看调整原因，以及提升额度的方法。`,
      en: `Your credit limit has changed${after !== undefined ? ` to ${yuan(after)}` : ''}. This changes how much you can spend and split into installments. Sign in to see why, and how to raise it.`,
    };
  },
  HIGH_UTILISATION: () => ({
    zhCN: '您已使用超过80%的白条额度。剩余额度可能不足以支付下一笔消费。按时或提前还款可恢复可用额度。',
    en: 'You have used more than 80% of your credit limit. What is left may not cover your next purchase. Repaying, on time or early, gives the limit back.',
  }),
  DUE_SOON: (p) => ({
    zhCN: `您有一笔白条账单将于${str(p.dueDate, '近日')}到期。逾期会产生逾期费并可能影响额度。请在到期日前还款；余额不足时可先还部分。`,
    en: `A credit-line payment is due on ${str(p.dueDate, 'a coming day')}. A late payment costs a late fee and may lower your limit. Pay by the due date; a part payment helps if you cannot pay all.`,
  }),
  OVERDUE: (p) => ({
    zhCN: `您的白条账单已逾期${p.daysPastDue !== undefined ? `${str(p.daysPastDue, '')}天` : ''}。逾期会产生逾期费，逾期较久额度会被冻结。请尽快还款；如有困难，请联系客服商量还款安排。`,
    en: `A credit-line payment is overdue${p.daysPastDue !== undefined ? ` by ${str(p.daysPastDue, '')} days` : ''}. Late fees apply, and a long overdue freezes your limit. Please repay soon; if you cannot, contact support to agree a plan.`,
  }),
  PROMOTION_STARTED: (p) => ({
    zhCN: `您获得了${yuan(p.amountFen)}临时额度。活动期内可与常规额度一起使用，到期后自动失效。无需任何操作即可使用。`,
    en: `You have a temporary limit of ${yuan(p.amountFen)}. You can use it with your usual limit during the promotion; it ends by itself. Nothing to do to use it.`,
  }),
  PROMOTION_ENDING: (p) => ({
    zhCN: `您的${yuan(p.amountFen)}临时额度即将到期。到期后可用额度会相应减少，已发生的消费不受影响。如需使用请在到期前完成。`,
    en: `Your temporary limit of ${yuan(p.amountFen)} ends soon. Your available limit then drops by that amount; purchases already made are not affected. Use it before it ends if you need it.`,
  }),
  RECOVERY_STATUS: () => ({
    zhCN: '您的额度恢复申请有新进展。结果可能影响您的额度状态。请登录查看详情及下一步。',
    en: 'Your limit recovery request has an update. It may change your limit or its status. Sign in to see the details and the next step.',
  }),
  BUDGETING_TIP: () => ({
    zhCN: '小贴士：分期前先算好每月还款额。量入为出可避免逾期。登录可查看每期还款计划。',
    en: 'Tip: before splitting a purchase, check that the monthly amount fits your budget. It keeps you clear of late fees. Sign in to see each installment.',
  }),
};

const SUBJECTS: Record<string, string> = {
  LIMIT_CHANGED: '额度变更 / Your limit changed',
  HIGH_UTILISATION: '额度使用提醒 / Limit use',
  DUE_SOON: '还款提醒 / Payment due soon',
  OVERDUE: '逾期提醒 / Payment overdue',
  PROMOTION_STARTED: '临时额度 / Temporary limit',
  PROMOTION_ENDING: '临时额度即将到期 / Temporary limit ending',
  RECOVERY_STATUS: '额度恢复申请 / Recovery request',
  BUDGETING_TIP: '用卡小贴士 / A budgeting tip',
  STATEMENT_READY: '账单已出 / Your statement is ready',
  STATEMENT_DUE_SOON: '账单还款提醒 / Statement due soon',
  STATEMENT_OVERDUE: '最低还款额逾期 / Minimum payment overdue',
};

const GENERIC: NoticeWords = {
  zhCN: '您的白条账户有一条新通知。它可能涉及您的额度或还款。请登录查看详情。',
  en: 'There is news about your credit line. It may concern your limit or your payments. Sign in to read it.',
};

/** The notice's words: its own text, a staff message, or the text of its kind. */
export function noticeText(kind: string, payload: Record<string, unknown> = {}): NoticeWords {
  const own = payload.text as { 'zh-CN'?: string; en?: string } | undefined;
  if (own && (own['zh-CN'] || own.en))
    return { zhCN: own['zh-CN'] ?? own.en ?? '', en: own.en ?? own['zh-CN'] ?? '' };
  if (typeof payload.message === 'string' && payload.message.trim())
    return { zhCN: payload.message, en: payload.message };
  const words = TEXTS[kind]?.(payload);
  if (words) return words;
  // Kinds written as parts (the account lifecycle's): the parts in one paragraph per language.
  if (kind in NOTICE_PART_KINDS) {
    const para = (l: 'zh-CN' | 'en') => {
      const w = noticeWords(kind, payload, l);
      return l === 'zh-CN'
        ? `${w.title}：${w.happened}${w.meaning}${w.action}`
        : `${w.title}: ${w.happened} ${w.meaning} ${w.action}`;
    };
    return { zhCN: para('zh-CN'), en: para('en') };
  }
  return GENERIC;
}

export function noticeSubject(kind: string, payload: Record<string, unknown> = {}): string {
  if (typeof payload.subject === 'string') return payload.subject;
  // A staff member's own words: say who wrote, not the kind it was filed under.
  if (typeof payload.message === 'string') return '客服消息 / A message from Creditline';
  return SUBJECTS[kind] ?? '通知 / Notice';
}
