import { noticeSubject, noticeText } from '../notices/notice-text.js';

/**
 * The words of an SMS or email for a notice: the notice's own words (notices/notice-text.ts,
 * the same as in the app), both languages, Chinese first.
 */
export function deliveryText(
  kind: string,
  payload: Record<string, unknown>,
): { subject: string; text: string } {
  const t = noticeText(kind, payload);
  return {
    subject: `[Creditline] ${noticeSubject(kind, payload)}`,
    text: (t.zhCN === t.en ? [t.zhCN] : [t.zhCN, t.en]).filter(Boolean).join('\n'),
  };
}
