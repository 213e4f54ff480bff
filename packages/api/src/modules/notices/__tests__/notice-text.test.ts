import { describe, expect, it } from 'vitest';
import { NOTICE_KINDS } from '../notice.entity.js';
import { noticeSubject, noticeText } from '../notice-text.js';

describe('notice words', () => {
  it('every kind says, in zh-CN and en, what happened, what it means and what to do — never a bare code', () => {
    for (const kind of NOTICE_KINDS) {
      const t = noticeText(kind, {
        after: 800000,
        dueDate: '2026-12-10',
        daysPastDue: 12,
        amountFen: 200000,
      });
      expect(t.zhCN, kind).toMatch(/[\u4e00-\u9fff]/);
      expect(t.en, kind).toMatch(/^[A-Z][^\u4e00-\u9fff]+\.$/);
      expect(t.en, kind).not.toContain(kind);
      // Three parts: at least three sentences in each language.
      expect(t.en.split(/(?<=\.)\s/).length, kind).toBeGreaterThanOrEqual(3);
      expect(t.zhCN.split('。').filter(Boolean).length, kind).toBeGreaterThanOrEqual(3);
      expect(noticeSubject(kind), kind).toMatch(/[\u4e00-\u9fff].* \/ [A-Z]/);
    }
  });

  it('an unknown kind still gets words, a notice with its own text keeps it, a staff message is sent as written', () => {
    expect(noticeText('SOMETHING_NEW').en).toMatch(/Sign in/);
    expect(noticeText('OVERDUE', { text: { 'zh-CN': '验证码 1', en: 'Code 1' } })).toEqual({
      zhCN: '验证码 1',
      en: 'Code 1',
    });
    expect(noticeText('BUDGETING_TIP', { message: 'Hello' })).toEqual({
      zhCN: 'Hello',
      en: 'Hello',
    });
    expect(noticeSubject('BUDGETING_TIP', { message: 'Hello' })).toContain(
      'A message from Creditline',
    );
    expect(noticeText('LIMIT_CHANGED', { after: 800000 }).en).toContain('¥8,000.00');
  });
});
