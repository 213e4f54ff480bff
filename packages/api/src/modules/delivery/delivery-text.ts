/**
 * The words of an SMS or email for a notice. A notice that carries its own text
 * (`payload.text = { 'zh-CN': …, en: … }`, as the one-time code of a partner link does) is sent
 * as it is; otherwise a short bilingual text per kind. The notice texts of the dashboard and
 * in-app channel live with the notices; this is only what leaves by SMS and email.
 */
const yuan = (fen: unknown) =>
  typeof fen === 'number' || typeof fen === 'string'
    ? `¥${(Number(fen) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
    : '';

const TEXTS: Record<string, (p: Record<string, unknown>) => { zh: string; en: string }> = {
  LIMIT_CHANGED: (p) => ({
    zh: `您的白条额度已调整${p.after !== undefined ? `为${yuan(p.after)}` : ''}。登录查看原因及提升额度的方法。`,
    en: `Your credit limit has changed${p.after !== undefined ? ` to ${yuan(p.after)}` : ''}. Sign in to see why and how to raise it.`,
  }),
  HIGH_UTILISATION: () => ({
    zh: '您已使用超过80%的白条额度。按时还款可恢复可用额度。',
    en: 'You have used more than 80% of your credit limit. Repaying on time gives the limit back.',
  }),
  DUE_SOON: (p) => ({
    zh: `您有一笔白条账单将于${String(p.dueDate ?? '近日')}到期，请按时还款以免产生逾期费。`,
    en: `A credit-line payment is due on ${String(p.dueDate ?? 'a coming day')}. Pay on time to avoid a late fee.`,
  }),
  OVERDUE: (p) => ({
    zh: `您的白条账单已逾期${p.daysPastDue !== undefined ? `${String(p.daysPastDue)}天` : ''}，会产生逾期费并可能影响额度。请尽快还款。`,
    en: `A credit-line payment is overdue${p.daysPastDue !== undefined ? ` by ${String(p.daysPastDue)} days` : ''}; late fees apply and your limit may be affected. Please repay soon.`,
  }),
  PROMOTION_STARTED: (p) => ({
    zh: `您获得了${yuan(p.amountFen)}临时额度，可在活动期内使用。`,
    en: `You have a temporary limit of ${yuan(p.amountFen)} for the promotion period.`,
  }),
  PROMOTION_ENDING: (p) => ({
    zh: `您的${yuan(p.amountFen)}临时额度即将到期，到期后不再可用。`,
    en: `Your temporary limit of ${yuan(p.amountFen)} ends soon and will then no longer be available.`,
  }),
  RECOVERY_STATUS: () => ({
    zh: '您的额度恢复申请有新进展，请登录查看。',
    en: 'Your limit recovery request has an update; sign in to see it.',
  }),
  BUDGETING_TIP: () => ({
    zh: '小贴士：分期前先算好每月还款额，量入为出。',
    en: 'Tip: before splitting a purchase, check the monthly amount fits your budget.',
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
};

export function deliveryText(
  kind: string,
  payload: Record<string, unknown>,
): { subject: string; text: string } {
  const own = payload.text as { 'zh-CN'?: string; en?: string } | undefined;
  const t =
    own && (own['zh-CN'] || own.en)
      ? { zh: own['zh-CN'] ?? '', en: own.en ?? '' }
      : (TEXTS[kind]?.(payload) ?? {
          zh: '您有一条新的白条通知，请登录查看。',
          en: 'You have a new credit-line notice; sign in to read it.',
        });
  return {
    subject: `[Creditline] ${(payload.subject as string | undefined) ?? SUBJECTS[kind] ?? '通知 / Notice'}`,
    text: [t.zh, t.en].filter(Boolean).join('\n'),
  };
}
