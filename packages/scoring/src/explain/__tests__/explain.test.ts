import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PLATFORM_FEATURES } from '../../features/platform-features.js';
import { defaultPolicy } from '../../policy/policy.js';
import type { ScoreResult } from '../../model/types.js';
import {
  LOCALES,
  PLATFORM_REASON_CODES,
  OPERATION_CODES,
  POLICY_CODES,
  REASON_TEXTS,
  codeTexts,
  featureReasonCode,
  reasonText,
} from '../texts.js';
import { MAX_REASONS, explainDecision, limitImprovements, repaymentHint } from '../explain.js';
import { formatYuan } from '../../money/money.js';
import { gradeOf } from '../../policy/policy.js';
import { generateDemoBehaviour, mulberry32 } from '../../demo/demo-population.js';
import { platformFeatures } from '../../features/platform-features.js';
import { platformModel, reasonCodes, scoreFeatures } from '../../index.js';

describe('text tables', () => {
  it('every platform feature and every policy/recovery code has a text in both locales', () => {
    for (const code of [...PLATFORM_REASON_CODES, ...POLICY_CODES, ...OPERATION_CODES])
      for (const l of LOCALES) {
        const t = codeTexts(code, l);
        expect(t, `${code} ${l}`).toBeDefined();
        expect(t!.text.length).toBeGreaterThan(0);
        expect(t!.because.length).toBeGreaterThan(0);
      }
    for (const f of PLATFORM_FEATURES)
      for (const l of LOCALES)
        expect(Boolean(codeTexts(f.name, l)?.improve), `${f.name} ${l}`).toBe(f.actionable);
    for (const [code, entry] of Object.entries(REASON_TEXTS))
      expect(Object.keys(entry).sort(), code).toEqual([...LOCALES].sort());
    expect(PLATFORM_REASON_CODES).toContain('RC_WORSTDAYSPASTDUE6M');
  });
  it('reason codes resolve in any casing; unknown codes fall back to the code', () => {
    expect(reasonText('RC_WORST_DAYS_PAST_DUE_6M', 'en')).toBe(
      reasonText(featureReasonCode('worstDaysPastDue6m'), 'en'),
    );
    // an unknown code never reaches a screen: a general phrase instead
    expect(reasonText('NOPE', 'zh-CN')).toBe('其他综合因素');
    expect(reasonText('NOPE', 'en')).not.toMatch(/NOPE/);
  });
});

describe('formatYuan', () => {
  it('formats fen with grouping and only the cents that exist', () => {
    expect(formatYuan(800_000, 'zh-CN')).toBe('¥8,000');
    expect(formatYuan(123_456_789, 'en')).toBe('¥1,234,567.89');
    expect(formatYuan(5, 'en')).toBe('¥0.05');
    expect(formatYuan(-1_230, 'en')).toBe('-¥12.30');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        (f) => Math.round(Number(formatYuan(f, 'en').replace(/[¥,]/g, '')) * 100) === f,
      ),
    );
  });
});

describe('explainDecision', () => {
  const late = {
    code: 'RC_WORSTDAYSPASTDUE6M',
    feature: 'worstDaysPastDue6m',
    pointsLost: 40,
    value: 20,
    bin: '[15, 30)',
  };
  const d = {
    kind: 'PERIODIC_REVIEW',
    baseLimitBeforeFen: 800_000,
    baseLimitAfterFen: 600_000,
    statusBefore: 'ACTIVE',
    statusAfter: 'ACTIVE',
    score: 590,
    grade: 'D',
    reasons: [late],
    policyReasons: ['POLICY_STEP_CAPPED'],
  };
  it('says the change and its main cause in plain words', () => {
    expect(explainDecision(d, 'zh-CN').headline).toBe(
      '您的额度由 ¥8,000 调整为 ¥6,000，主要因为近期有逾期还款。',
    );
    expect(explainDecision(d, 'en').headline).toBe(
      'Your limit went from ¥8,000 to ¥6,000, mainly because of recent late repayments.',
    );
    // a decrease: the scorecard reason that cost the points before the step cap
    expect(explainDecision(d, 'en').reasons.map((r) => r.code)).toEqual([
      'RC_WORSTDAYSPASTDUE6M',
      'POLICY_STEP_CAPPED',
    ]);
    expect(
      explainDecision(
        {
          ...d,
          statusAfter: 'FROZEN',
          baseLimitAfterFen: 800_000,
          policyReasons: ['POLICY_FREEZE', 'POLICY_OVERDUE'],
        },
        'en',
      ).headline,
    ).toBe('Your credit line was frozen, mainly because a repayment is long overdue.');
    expect(
      explainDecision(
        { ...d, kind: 'PROMOTION', baseLimitAfterFen: 800_000, reasons: [], policyReasons: [] },
        'en',
      ).headline,
    ).toBe('You received a temporary limit; your base limit stays at ¥8,000.');
    expect(
      explainDecision(
        {
          ...d,
          baseLimitAfterFen: 1_200_000,
          reasons: [],
          policyReasons: ['POLICY_GRADE_TARGET', 'POLICY_STEP_CAPPED'],
        },
        'zh-CN',
      ).headline,
    ).toBe('您的额度由 ¥8,000 提升至 ¥12,000，主要因为您的信用等级和收入水平。');
  });
});

describe('limitImprovements', () => {
  const result: ScoreResult = {
    score: 530,
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
    const imp = limitImprovements(
      {
        ...platformModel,
        features: [
          'worstDaysPastDue6m',
          'accountAgeMonths',
          'utilisation',
          'verificationScore',
        ].map((name) => ({ name, kind: 'numeric' as const, bins: [], coefficient: 1, iv: 0 })),
      },
      result,
      defaultPolicy,
      { grade: 'D', incomeBand: 'MID', currentLimitFen: 800_000 },
      'en',
    );
    expect(imp.map((i) => i.feature)).toEqual(['worstDaysPastDue6m', 'utilisation']);
    // 530 + 50 = 580 → grade A: A/MID target ¥25,000 − max(current ¥8,000, D/MID target ¥5,000) = ¥17,000
    expect(imp[0]).toMatchObject({ pointsGain: 50, limitEffectFen: 1_700_000 });
    // 530 + 15 = 545 → grade C: ¥10,000 − ¥8,000
    expect(imp[1]).toMatchObject({ pointsGain: 15, limitEffectFen: 200_000 });
    expect(imp[0]!.text).toContain('grade A');
  });
});

describe('with the shipped platform model', () => {
  it('every model feature has texts; a demo customer is scored, explained and coached end to end', () => {
    for (const f of platformModel.features)
      for (const l of LOCALES)
        expect(codeTexts(featureReasonCode(f.name), l), f.name).toBeDefined();
    const asOf = new Date('2026-11-01T00:00:00Z');
    const row = {
      LIMIT_BAL: 50_000,
      PAY_0: 2,
      PAY_2: 2,
      PAY_3: 0,
      PAY_4: 0,
      PAY_5: 0,
      PAY_6: 0,
      BILL_AMT1: 30_000,
      BILL_AMT2: 29_000,
      BILL_AMT3: 28_000,
      BILL_AMT4: 20_000,
      BILL_AMT5: 15_000,
      BILL_AMT6: 10_000,
      PAY_AMT1: 0,
      PAY_AMT2: 1_000,
      PAY_AMT3: 1_500,
      PAY_AMT4: 1_000,
      PAY_AMT5: 1_000,
      PAY_AMT6: 800,
      default: 1,
    };
    const { behaviour } = generateDemoBehaviour(row, mulberry32(3), asOf);
    const result = scoreFeatures(platformModel, platformFeatures(behaviour, asOf));
    expect(result.modelVersion).toBe('platform-v1');
    const grade = gradeOf(result.score, defaultPolicy);
    const reasons = reasonCodes(result);
    const ex = explainDecision(
      {
        kind: 'PERIODIC_REVIEW',
        baseLimitBeforeFen: 800_000,
        baseLimitAfterFen: 600_000,
        statusBefore: 'ACTIVE',
        statusAfter: 'ACTIVE',
        score: result.score,
        grade,
        reasons,
        policyReasons: [],
      },
      'zh-CN',
    );
    for (const r of ex.reasons) expect(r.text).not.toBe(r.code);
    const imp = limitImprovements(
      platformModel,
      result,
      defaultPolicy,
      { grade, incomeBand: 'MID', currentLimitFen: 600_000 },
      'en',
    );
    for (const i of imp)
      expect(['accountAgeMonths', 'pastDefaults', 'reviewAvg']).not.toContain(i.feature);
  });
});

describe('explainDecision properties', () => {
  it('never throws, names both amounts when the limit changed, and explains every reason in both locales', () => {
    const codeArb = fc.constantFrom(...POLICY_CODES, 'SOMETHING_NEW');
    const rcArb = fc.constantFrom(...PLATFORM_FEATURES.map((f) => f.name)).map((feature) => ({
      code: featureReasonCode(feature),
      feature,
      pointsLost: 5,
      value: 1,
      bin: 'x',
    }));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.array(codeArb, { maxLength: 8 }),
        fc.array(rcArb, { maxLength: 8 }),
        fc.constantFrom(...LOCALES),
        (before, after, policyReasons, reasons, l) => {
          const ex = explainDecision(
            {
              kind: 'PERIODIC_REVIEW',
              baseLimitBeforeFen: before,
              baseLimitAfterFen: after,
              statusBefore: 'ACTIVE',
              statusAfter: 'ACTIVE',
              score: 500,
              grade: 'C',
              reasons,
              policyReasons,
            },
            l,
          );
          if (before !== after) {
            expect(ex.headline).toContain(formatYuan(before, 'en'));
            expect(ex.headline).toContain(formatYuan(after, 'en'));
          }
          for (const r of ex.reasons) expect(r.text).not.toMatch(/[A-Z]{2,}(_[A-Z0-9]+)+/);
          expect(ex.reasons.length).toBeLessThanOrEqual(MAX_REASONS);
          expect(new Set(ex.reasons.map((r) => r.code)).size).toBe(ex.reasons.length);
        },
      ),
    );
  });
});

describe('at most four reasons, ranked by effect', () => {
  const rc = (feature: string, pointsLost: number) => ({
    code: featureReasonCode(feature),
    feature,
    pointsLost,
    value: 1,
    bin: 'x',
  });
  it('keeps the four with the largest effect, dominant policy codes first', () => {
    const ex = explainDecision(
      {
        kind: 'TRIGGERED_REVIEW',
        baseLimitBeforeFen: 1_000_000,
        baseLimitAfterFen: 500_000,
        statusBefore: 'ACTIVE',
        statusAfter: 'ACTIVE',
        score: 480,
        grade: 'E',
        reasons: [
          rc('utilisation', 5),
          rc('worstDaysPastDue6m', 40),
          rc('bureauScore', 12),
          rc('inquiries3m', 20),
          rc('returnRate12m', 2),
        ],
        policyReasons: ['POLICY_STEP_CAPPED', 'POLICY_OVERDUE', 'POLICY_KEEP_ABOVE_USED'],
      },
      'en',
    );
    expect(ex.reasons.map((r) => r.code)).toEqual([
      'POLICY_OVERDUE',
      featureReasonCode('worstDaysPastDue6m'),
      featureReasonCode('inquiries3m'),
      featureReasonCode('bureauScore'),
    ]);
  });
  it('for an increase, what set the new limit comes before what holds it back', () => {
    const ex = explainDecision(
      {
        kind: 'PERIODIC_REVIEW',
        baseLimitBeforeFen: 500_000,
        baseLimitAfterFen: 800_000,
        statusBefore: 'ACTIVE',
        statusAfter: 'ACTIVE',
        score: 560,
        grade: 'B',
        reasons: [rc('utilisation', 5)],
        policyReasons: ['POLICY_GRADE_TARGET', 'POLICY_STEP_CAPPED'],
      },
      'zh-CN',
    );
    expect(ex.reasons.map((r) => r.code)).toEqual([
      'POLICY_GRADE_TARGET',
      'POLICY_STEP_CAPPED',
      featureReasonCode('utilisation'),
    ]);
  });
  it('codes the API writes on its own decisions read as words', () => {
    for (const code of [
      'RECOVERY_STAGE_APPLIED',
      'RECOVERY_UNFREEZE',
      'OVERDUE_FREEZE_THRESHOLD',
      'FROZEN',
    ])
      for (const l of LOCALES) expect(reasonText(code, l)).not.toMatch(/[A-Z]{2,}_/);
  });
});

describe('the income band reaches the hints', () => {
  const model = {
    ...platformModel,
    features: ['worstDaysPastDue6m'].map((name) => ({
      name,
      kind: 'numeric' as const,
      bins: [],
      coefficient: 1,
      iv: 0,
    })),
  };
  const result: ScoreResult = {
    score: 530, // grade D
    probabilityOfDefault: 0.1,
    modelVersion: 'test',
    contributions: [
      { feature: 'worstDaysPastDue6m', value: 20, bin: '[15, 30)', points: 10, maxPoints: 60 },
    ],
  };
  const hint = (incomeBand: 'LOW' | 'VERY_HIGH', currentLimitFen: number) =>
    limitImprovements(
      model,
      result,
      defaultPolicy,
      { grade: 'D', incomeBand, currentLimitFen },
      'en',
    )[0]!;
  it('a LOW and a VERY_HIGH customer get the amounts of their own row of the policy matrix', () => {
    const m = defaultPolicy.limitMatrixFen;
    const newGrade = gradeOf(530 + 50, defaultPolicy);
    expect(newGrade).toBe('A');
    const low = hint('LOW', 100_000);
    const high = hint('VERY_HIGH', 100_000);
    expect(low.limitEffectFen).toBe(m.A.LOW - Math.max(100_000, m.D.LOW)); // ¥15,000 − ¥3,000
    expect(high.limitEffectFen).toBe(
      Math.min(defaultPolicy.capFen, m.A.VERY_HIGH) - Math.max(100_000, m.D.VERY_HIGH),
    );
    expect(low.limitEffectFen).not.toBe(high.limitEffectFen);
    expect(low.text).toContain(formatYuan(low.limitEffectFen, 'en'));
    expect(high.text).toContain(formatYuan(high.limitEffectFen, 'en'));
  });
  it('never promises "¥0": a grade gain with no limit gain names the grade only', () => {
    const atTarget = hint('LOW', defaultPolicy.limitMatrixFen.A.LOW);
    expect(atTarget.limitEffectFen).toBe(0);
    expect(atTarget.text).toContain('grade A');
    expect(atTarget.text).not.toContain('¥0');
  });
});

describe('repaymentHint', () => {
  const base = { freezeAfterDaysPastDue: 30, asOf: '2026-12-02' };
  it('overdue: what to pay and by the day the account would be frozen', () => {
    const s = {
      ...base,
      status: 'ACTIVE',
      overdueFen: 123_456,
      oldestOverdueDueDate: '2026-11-20',
    };
    expect(repaymentHint(s, 'en')).toContain('¥1,234.56 by 20 December 2026');
    expect(repaymentHint(s, 'zh-CN')).toContain('请在2026年12月20日前还清逾期欠款 ¥1,234.56');
  });
  it('frozen: the overdue amount today, then an unfreeze; nothing overdue: an unfreeze', () => {
    const s = { ...base, status: 'FROZEN', overdueFen: 50_000, oldestOverdueDueDate: '2026-10-01' };
    expect(repaymentHint(s, 'en')).toMatch(/Repay the overdue ¥500 today \(2 December 2026\)/);
    expect(repaymentHint(s, 'zh-CN')).toContain('请于今天（2026年12月2日）还清逾期欠款 ¥500');
    expect(repaymentHint({ ...s, overdueFen: 0, oldestOverdueDueDate: null }, 'en')).toContain(
      'unfreeze',
    );
  });
  it('nothing for an account in good standing', () => {
    expect(
      repaymentHint({ ...base, status: 'ACTIVE', overdueFen: 0, oldestOverdueDueDate: null }, 'en'),
    ).toBeNull();
  });
});
