import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  GRADES,
  INCOME_BANDS,
  defaultPolicy,
  gradeOf,
  parsePolicy,
  policyDigest,
  type LimitPolicy,
} from '../policy.js';
import {
  decideInitialLimit,
  missingDeviceIdIsNewDevice,
  needsManualReview,
  promotionGrant,
  reviewLimit,
  triggeredReviewNeeded,
} from '../limits.js';

const clone = (): LimitPolicy => structuredClone(defaultPolicy);

describe('policy validation', () => {
  it('accepts the default policy and its JSON round trip', () => {
    expect(parsePolicy(defaultPolicy)).toEqual(defaultPolicy);
    expect(parsePolicy(JSON.stringify(defaultPolicy))).toEqual(defaultPolicy);
  });
  it('rejects a cap below an initial limit, naming the field', () => {
    const p = clone();
    p.capFen = 100_000;
    expect(() => parsePolicy(p)).toThrow(
      /initialLimitFen\.A: initial limit of grade A .* above the cap/,
    );
  });
  it('rejects overlapping grade bands', () => {
    const p = clone();
    p.gradeBands.B = p.gradeBands.A;
    expect(() => parsePolicy(p)).toThrow(/gradeBands: .*overlapping/);
  });
  it('rejects cheaper fees for worse grades, negative and fractional amounts, missing fields', () => {
    const p = clone();
    p.feeRateBp.E.M3 = 10;
    expect(() => parsePolicy(p)).toThrow(/feeRateBp\.E\.M3/);
    expect(() => parsePolicy({ ...clone(), capFen: -1 })).toThrow(/capFen/);
    expect(() => parsePolicy({ ...clone(), manualReviewThresholdFen: 1.5 })).toThrow(
      /manualReviewThresholdFen/,
    );
    const { coupons: _c, ...noCoupons } = clone();
    expect(() => parsePolicy(noCoupons)).toThrow(/coupons/);
    expect(() => parsePolicy('{not json')).toThrow();
  });
});

describe('gradeOf', () => {
  it('cut-offs belong to the better grade; grades are monotone in the score', () => {
    expect(gradeOf(570, defaultPolicy)).toBe('A');
    expect(gradeOf(569, defaultPolicy)).toBe('B');
    expect(gradeOf(0, defaultPolicy)).toBe('E');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 200 }),
        (s, d) =>
          GRADES.indexOf(gradeOf(s + d, defaultPolicy)) <=
          GRADES.indexOf(gradeOf(s, defaultPolicy)),
      ),
    );
  });
});

const reviewArb = fc.record({
  currentLimitFen: fc.integer({ min: 0, max: 8_000_000 }),
  usedFen: fc.integer({ min: 0, max: 8_000_000 }),
  score: fc.integer({ min: 300, max: 900 }),
  grade: fc.constantFrom(...GRADES),
  probabilityOfDefault: fc.double({ min: 0, max: 1, noNaN: true }),
  incomeBand: fc.constantFrom(...INCOME_BANDS),
  maxDaysPastDue: fc.integer({ min: 0, max: 120 }),
  monthsOnBook: fc.integer({ min: 0, max: 60 }),
  kind: fc.constantFrom('PERIODIC' as const, 'TRIGGERED' as const),
});

describe('limits', () => {
  it('initial limits are low, whole ¥100 and within the cap', () => {
    for (const g of GRADES)
      for (const i of INCOME_BANDS) {
        const p = decideInitialLimit({ score: 600, grade: g, incomeBand: i }, defaultPolicy);
        expect(p.limitFen).toBeGreaterThanOrEqual(50_000);
        expect(p.limitFen).toBeLessThanOrEqual(300_000);
        expect(p.limitFen % 10_000).toBe(0);
      }
  });

  it('property: a reviewed limit is never above the cap nor negative, whole ¥100 when changed, deterministic', () => {
    fc.assert(
      fc.property(reviewArb, (input) => {
        const r = reviewLimit(input, defaultPolicy);
        expect(r.limitFen).toBeGreaterThanOrEqual(0);
        expect(r.limitFen).toBeLessThanOrEqual(defaultPolicy.capFen);
        if (r.limitFen !== input.currentLimitFen) expect(r.limitFen % 10_000).toBe(0);
        expect(reviewLimit(input, defaultPolicy)).toEqual(r);
        expect(r.reasons.length).toBeGreaterThan(0);
      }),
    );
  });

  it('property: steps are bounded (unless bringing a limit over the cap down to it)', () => {
    fc.assert(
      fc.property(reviewArb, (input) => {
        const r = reviewLimit(input, defaultPolicy);
        const cur = input.currentLimitFen;
        const up = Math.max(
          cur + (cur * defaultPolicy.maxStepUpBp) / 10_000,
          defaultPolicy.initialLimitFen[input.grade],
        );
        expect(r.limitFen).toBeLessThanOrEqual(Math.max(cur, up));
        if (cur <= defaultPolicy.capFen)
          expect(r.limitFen).toBeGreaterThanOrEqual(
            cur - (cur * defaultPolicy.maxStepDownBp) / 10_000,
          );
        if (r.action === 'INCREASE') expect(r.limitFen).toBeGreaterThan(cur);
        if (r.action === 'DECREASE') expect(r.limitFen).toBeLessThan(cur);
        if (input.kind === 'TRIGGERED') expect(r.action).not.toBe('INCREASE');
      }),
    );
  });

  it('freezes at the policy days past due, decreases on overdue, caps steps', () => {
    const base = {
      currentLimitFen: 800_000,
      usedFen: 0,
      score: 700,
      grade: 'A' as const,
      probabilityOfDefault: 0.02,
      incomeBand: 'HIGH' as const,
      maxDaysPastDue: 0,
      monthsOnBook: 12,
      kind: 'PERIODIC' as const,
    };
    expect(reviewLimit({ ...base, maxDaysPastDue: 30 }, defaultPolicy)).toMatchObject({
      action: 'FREEZE',
      limitFen: 800_000,
    });
    expect(reviewLimit({ ...base, maxDaysPastDue: 20 }, defaultPolicy)).toMatchObject({
      action: 'DECREASE',
      limitFen: 560_000,
      reasons: ['POLICY_OVERDUE', 'POLICY_STEP_CAPPED'],
    });
    expect(reviewLimit(base, defaultPolicy)).toMatchObject({
      action: 'INCREASE',
      limitFen: 1_200_000,
      reasons: ['POLICY_GRADE_TARGET', 'POLICY_STEP_CAPPED'],
    });
    expect(reviewLimit({ ...base, monthsOnBook: 1 }, defaultPolicy)).toMatchObject({
      action: 'KEEP',
      reasons: ['POLICY_MONTHS_ON_BOOK'],
    });
    expect(reviewLimit({ ...base, currentLimitFen: 6_000_000 }, defaultPolicy)).toMatchObject({
      action: 'DECREASE',
      limitFen: 4_200_000,
    });
    expect(
      reviewLimit({ ...base, incomeBand: 'VERY_HIGH', currentLimitFen: 6_000_000 }, defaultPolicy),
    ).toMatchObject({ action: 'DECREASE', limitFen: 5_000_000, reasons: ['POLICY_CAP'] });
  });

  it('a grade-driven decrease stops at the used amount; an overdue one does not', () => {
    const b = {
      currentLimitFen: 1_000_000,
      usedFen: 950_050,
      score: 520,
      grade: 'D' as const,
      probabilityOfDefault: 0.1,
      incomeBand: 'MID' as const,
      maxDaysPastDue: 0,
      monthsOnBook: 12,
      kind: 'PERIODIC' as const,
    };
    expect(reviewLimit(b, defaultPolicy)).toMatchObject({
      action: 'DECREASE',
      limitFen: 960_000,
      reasons: ['POLICY_GRADE_TARGET', 'POLICY_STEP_CAPPED', 'POLICY_KEEP_ABOVE_USED'],
    });
    expect(reviewLimit({ ...b, usedFen: 1_200_000 }, defaultPolicy)).toMatchObject({
      action: 'KEEP',
      limitFen: 1_000_000,
    });
    expect(reviewLimit({ ...b, maxDaysPastDue: 20 }, defaultPolicy)).toMatchObject({
      action: 'DECREASE',
      limitFen: 700_000,
    });
  });

  it('triggers, promotions and manual review', () => {
    expect(
      triggeredReviewNeeded(
        { maxDaysPastDue: 15, inquiries3m: 0, previousInquiries3m: 0 },
        defaultPolicy,
      ),
    ).toEqual({ needed: true, trigger: 'POLICY_OVERDUE' });
    expect(
      triggeredReviewNeeded(
        { maxDaysPastDue: 0, inquiries3m: 5, previousInquiries3m: 1 },
        defaultPolicy,
      ),
    ).toEqual({ needed: true, trigger: 'POLICY_INQUIRY_SPIKE' });
    expect(
      triggeredReviewNeeded(
        { maxDaysPastDue: 3, inquiries3m: 2, previousInquiries3m: 1 },
        defaultPolicy,
      ),
    ).toEqual({ needed: false });
    const campaign = { eligibleGrades: ['A', 'B'], percentBp: 3_000 };
    expect(promotionGrant({ grade: 'A', baseLimitFen: 1_000_000, campaign }, defaultPolicy)).toBe(
      300_000,
    );
    expect(promotionGrant({ grade: 'C', baseLimitFen: 1_000_000, campaign }, defaultPolicy)).toBe(
      0,
    );
    expect(
      promotionGrant(
        {
          grade: 'A',
          baseLimitFen: 1_000_000,
          campaign: { eligibleGrades: ['A'], amountFen: 9_000_000 },
        },
        defaultPolicy,
      ),
    ).toBe(500_000);
    expect(
      promotionGrant(
        {
          grade: 'A',
          baseLimitFen: 4_900_000,
          campaign: { eligibleGrades: ['A'], amountFen: 9_000_000 },
        },
        defaultPolicy,
      ),
    ).toBe(100_000);
    fc.assert(
      fc.property(
        fc.constantFrom(...GRADES),
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (grade, base, amt) => {
          const g = promotionGrant(
            {
              grade,
              baseLimitFen: base,
              campaign: { eligibleGrades: [...GRADES], amountFen: amt },
            },
            defaultPolicy,
          );
          return g >= 0 && g + base <= Math.max(base, defaultPolicy.capFen) && g % 10_000 === 0;
        },
      ),
    );
    expect(needsManualReview(2_000_000, defaultPolicy)).toBe(true);
    expect(needsManualReview(1_999_999, defaultPolicy)).toBe(false);
  });
});

describe('a purchase without a device id', () => {
  it('counts as from a new device strictly above the policy amount (default ¥500)', () => {
    expect(defaultPolicy.missingDeviceIdAboveFen).toBe(50_000);
    expect(missingDeviceIdIsNewDevice(50_000, defaultPolicy)).toBe(false);
    expect(missingDeviceIdIsNewDevice(50_001, defaultPolicy)).toBe(true);
    const strict = { ...clone(), missingDeviceIdAboveFen: 0 };
    expect(missingDeviceIdIsNewDevice(1, strict)).toBe(true);
  });
  it('is optional in a policy file (older files get the default) and must be whole fen, not negative', () => {
    const { missingDeviceIdAboveFen: _m, ...older } = clone();
    expect(parsePolicy(older).missingDeviceIdAboveFen).toBe(50_000);
    expect(
      parsePolicy({ ...clone(), missingDeviceIdAboveFen: 120_000 }).missingDeviceIdAboveFen,
    ).toBe(120_000);
    expect(() => parsePolicy({ ...clone(), missingDeviceIdAboveFen: -1 })).toThrow(
      /missingDeviceIdAboveFen/,
    );
    expect(() => parsePolicy({ ...clone(), missingDeviceIdAboveFen: 10.5 })).toThrow(
      /missingDeviceIdAboveFen/,
    );
  });
});

describe('policy version (recorded on every decision)', () => {
  it('the shipped policy’s content is pinned to its version: change the content, bump the version and this digest', () => {
    expect({ version: defaultPolicy.version, digest: policyDigest(defaultPolicy) }).toEqual({
      version: 'policy-2026.11',
      digest: '3d140c65',
    });
  });

  it('the digest follows the content, not the key order or the version', () => {
    const p = clone();
    expect(policyDigest({ ...p, version: 'another' })).toBe(policyDigest(defaultPolicy));
    const reordered = Object.fromEntries(Object.entries(p).reverse()) as LimitPolicy;
    expect(policyDigest(reordered)).toBe(policyDigest(defaultPolicy));
    p.gradeBands.A += 1;
    expect(policyDigest(p)).not.toBe(policyDigest(defaultPolicy));
  });
});
