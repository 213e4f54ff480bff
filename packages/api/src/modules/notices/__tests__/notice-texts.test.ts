import { describe, expect, it } from 'vitest';
import { NOTICE_KINDS } from '../notice.entity.js';
import { noticeWords } from '../notice-texts.js';

/** A payload as each event writes it (see the raiseNotice callers). */
const SAMPLES: Record<string, Record<string, unknown>> = {
  HIGH_UTILISATION: { usedFen: 850_000, limitFen: 1_000_000 },
  DUE_SOON: { lineId: '1', dueDate: '2026-12-05' },
  OVERDUE: {
    lineId: '1',
    dueDate: '2026-11-01',
    daysPastDue: 12,
    bucket: '1-30',
    overdueFen: 12_345,
  },
  LIMIT_CHANGED: { before: 1_000_000, after: 700_000, status: 'ACTIVE' },
  PROMOTION_STARTED: { promotionId: '1', endsAt: '2026-12-20T00:00:00Z', amountFen: 200_000 },
  PROMOTION_ENDING: { promotionId: '1', endsAt: '2026-12-20T00:00:00Z', amountFen: 200_000 },
  PROMOTION_CANCELLED: { promotionId: '1', name: '双12' },
  RECOVERY_STATUS: { requestId: '1', status: 'NEEDS_DOCUMENTS' },
  BUDGETING_TIP: {},
  ACCOUNT_OPENED: { limitFen: 200_000, accountNumber: 'CL2000000001' },
  APPLICATION_DECLINED: { reasons: ['APPLICATION_NOT_VERIFIED', 'APPLICATION_GRADE'] },
  ACCOUNT_CLOSED: {},
  ACCOUNT_FROZEN: { cause: 'RISK_ALERT', reasonCode: 'RISK_ALERT_FRAUD_SUSPECTED' },
  ACCOUNT_UNFROZEN: { reasonCode: 'OVERDUE_REPAID', limitFen: 500_000 },
  CATEGORY_LIMIT_CHANGED: { category: 'TRAVEL', limitFen: 300_000 },
  PARTNER_LINK_CODE: { requestId: '1', code: '123456', partnerName: 'Wallet' },
  PARTNER_LINK_CHANGED: { linkId: '1' },
  STATEMENT_READY: {
    statementSeq: 2,
    closingDate: '2026-12-01',
    dueDate: '2026-12-21',
    balanceFen: 123_456,
    minimumPaymentFen: 12_346,
  },
  STATEMENT_DUE_SOON: {
    statementSeq: 2,
    dueDate: '2026-12-21',
    balanceFen: 123_456,
    minimumPaymentFen: 12_346,
    unpaidFen: 100_000,
    minimumLeftFen: 0,
  },
  STATEMENT_OVERDUE: {
    statementSeq: 2,
    dueDate: '2026-12-21',
    balanceFen: 123_456,
    minimumPaymentFen: 12_346,
    minimumLeftFen: 12_346,
    lateFeeFen: 617,
  },
};

describe('notice texts', () => {
  it('every notice kind has a title, what happened, what it means and what to do, in zh-CN and en — never a bare code', () => {
    for (const kind of NOTICE_KINDS) {
      const payload = SAMPLES[kind];
      expect(payload, `a sample payload for ${kind}`).toBeDefined();
      for (const locale of ['zh-CN', 'en'] as const) {
        const t = noticeWords(kind, payload, locale);
        for (const part of [t.title, t.happened, t.meaning, t.action]) {
          expect(part.length, `${kind} ${locale}`).toBeGreaterThan(3);
          expect(part).not.toMatch(/\b[A-Z]{2,}_[A-Z_]+\b/); // no code leaks into the words
          expect(part).not.toMatch(/undefined|NaN|\[object/);
        }
        if (locale === 'zh-CN') expect(t.title).toMatch(/[\u4e00-\u9fff]/);
        else expect(t.title).toMatch(/^[\x20-\x7e]+$/);
      }
    }
    // the same kinds also render from the older payload shapes (seed, overdue review, recovery stage)
    expect(noticeWords('OVERDUE', { daysPastDue: 50 }, 'en').happened).toBe(
      'An amount is 50 day(s) past due.',
    );
    expect(
      noticeWords('LIMIT_CHANGED', { beforeFen: 100_000, afterFen: 150_000 }, 'zh-CN').happened,
    ).toBe('您的总额度由 ¥1,000 调整为 ¥1,500。');
    expect(noticeWords('LIMIT_CHANGED', { status: 'FROZEN', daysPastDue: 31 }, 'en').title).toBe(
      'Your credit line is frozen',
    );
    expect(noticeWords('HIGH_UTILISATION', { usedPercent: 91 }, 'en').happened).toContain('91 %');
    expect(
      noticeWords('APPLICATION_DECLINED', SAMPLES.APPLICATION_DECLINED, 'zh-CN').meaning,
    ).toContain('尚未完成实名认证');
  });

  it("a staff member's message is what happened", () => {
    expect(noticeWords('BUDGETING_TIP', { message: '请合理消费' }, 'en').happened).toBe(
      '请合理消费',
    );
  });
});
