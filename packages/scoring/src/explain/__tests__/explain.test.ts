import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PLATFORM_FEATURES } from '../../features/platform-features.js';
import { defaultPolicy } from '../../policy/policy.js';
import type { ScoreResult } from '../../model/types.js';
import { LOCALES, PLATFORM_REASON_CODES, POLICY_CODES, REASON_TEXTS, codeTexts, featureReasonCode, reasonText } from '../texts.js';
import { explainDecision, formatYuan, limitImprovements } from '../explain.js';

describe('text tables', () => {
  it('every platform feature and every policy/recovery code has a text in both locales', () => {
    for (const code of [...PLATFORM_REASON_CODES, ...POLICY_CODES])
      for (const l of LOCALES) {
        const t = codeTexts(code, l);
        expect(t, `${code} ${l}`).toBeDefined();
        expect(t!.text.length).toBeGreaterThan(0);
        expect(t!.because.length).toBeGreaterThan(0);
      }
    for (const f of PLATFORM_FEATURES) for (const l of LOCALES) expect(Boolean(codeTexts(f.name, l)?.improve), `${f.name} ${l}`).toBe(f.actionable);
    for (const [code, entry] of Object.entries(REASON_TEXTS)) expect(Object.keys(entry).sort(), code).toEqual([...LOCALES].sort());
    expect(PLATFORM_REASON_CODES).toContain('RC_WORST_DAYS_PAST_DUE_6M');
  });
  it('reason codes resolve in any casing; unknown codes fall back to the code', () => {
    expect(reasonText('RC_worstDaysPastDue6m', 'en')).toBe(reasonText(featureReasonCode('worstDaysPastDue6m'), 'en'));
    expect(reasonText('NOPE', 'zh-CN')).toBe('NOPE');
  });
});

describe('formatYuan', () => {
  it('formats fen with grouping and only the cents that exist', () => {
    expect(formatYuan(800_000, 'zh-CN')).toBe('¥8,000');
    expect(formatYuan(123_456_789, 'en')).toBe('¥1,234,567.89');
    expect(formatYuan(5, 'en')).toBe('¥0.05');
    expect(formatYuan(-1_230, 'en')).toBe('-¥12.30');
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), (f) => Math.round(Number(formatYuan(f, 'en').replace(/[¥,]/g, '')) * 100) === f));
  });
});

describe('explainDecision', () => {
  const late = { code: 'RC_WORST_DAYS_PAST_DUE_6M', feature: 'worstDaysPastDue6m', pointsLost: 40, value: 20, bin: '[15, 30)' };
  const d = { kind: 'PERIODIC_REVIEW', baseLimitBeforeFen: 800_000, baseLimitAfterFen: 600_000, statusBefore: 'ACTIVE', statusAfter: 'ACTIVE', score: 590, grade: 'D', reasons: [late], policyReasons: ['POLICY_STEP_CAPPED'] };
  it('says the change and its main cause in plain words', () => {
    expect(explainDecision(d, 'zh-CN').headline).toBe('您的额度由 ¥8,000 调整为 ¥6,000，主要因为近期有逾期还款。');
    expect(explainDecision(d, 'en').headline).toBe('Your limit went from ¥8,000 to ¥6,000, mainly because of recent late repayments.');
    expect(explainDecision(d, 'en').reasons.map((r) => r.code)).toEqual(['POLICY_STEP_CAPPED', 'RC_WORST_DAYS_PAST_DUE_6M']);
    expect(explainDecision({ ...d, statusAfter: 'FROZEN', baseLimitAfterFen: 800_000, policyReasons: ['POLICY_FREEZE', 'POLICY_OVERDUE'] }, 'en').headline).toBe('Your credit line was frozen, mainly because a repayment is long overdue.');
    expect(explainDecision({ ...d, baseLimitAfterFen: 1_200_000, reasons: [], policyReasons: ['POLICY_GRADE_TARGET', 'POLICY_STEP_CAPPED'] }, 'zh-CN').headline).toBe('您的额度由 ¥8,000 提升至 ¥12,000，主要因为您的信用等级和收入水平。');
  });
});

describe('limitImprovements', () => {
  const result: ScoreResult = {
    score: 620,
    probabilityOfDefault: 0.1,
    modelVersion: 'test',
    contributions: [
      { feature: 'worstDaysPastDue6m', value: 20, bin: '[15, 30)', points: 10, maxPoints: 60 },
      { feature: 'accountAgeMonths', value: 2, bin: '[0, 6)', points: 0, maxPoints: 80 },
      { feature: 'utilisation', value: 0.9, bin: '[0.8, inf)', points: 20, maxPoints: 35 },
      { feature: 'verificationScore', value: 3, bin: '3', points: 30, maxPoints: 30 },
    ],
  };
  it('ranks actionable features by attainable points with their grade and limit effect', () => {
    const imp = limitImprovements({}, result, defaultPolicy, { grade: 'C', incomeBand: 'MID', currentLimitFen: 800_000 }, 'en');
    expect(imp.map((i) => i.feature)).toEqual(['worstDaysPastDue6m', 'utilisation']);
    // 620 + 50 = 670 → grade B: B/MID target ¥18,000 − max(current ¥8,000, C/MID target ¥10,000) = ¥8,000
    expect(imp[0]).toMatchObject({ pointsGain: 50, limitEffectFen: 800_000 });
    expect(imp[1]).toMatchObject({ pointsGain: 15, limitEffectFen: 0 });
    expect(imp[0]!.text).toContain('grade B');
  });
});
