import { describe, expect, it } from 'vitest';
import { defaultPolicy, parsePolicy } from '../policy.js';
import { triggeredReviewNeeded } from '../limits.js';
import {
  decideApplication,
  initialLimitBounds,
  reviewCooldown,
  sameReviewEvidence,
  type ApplicationInput,
} from '../lifecycle.js';

const good: ApplicationInput = {
  score: 580,
  grade: 'A',
  probabilityOfDefault: 0.02,
  incomeBand: 'MID',
  realNameVerified: true,
  maxDaysPastDue: 0,
  pastDefaults: 0,
};

describe('decideApplication', () => {
  it('approves a clean applicant with the low initial limit of the grade, within the policy bounds', () => {
    const d = decideApplication(good, defaultPolicy);
    expect(d).toEqual({
      approved: true,
      limitFen: defaultPolicy.initialLimitFen.A,
      reasons: ['APPLICATION_APPROVED', 'POLICY_INITIAL_LIMIT'],
    });
    const { minFen, maxFen } = initialLimitBounds(defaultPolicy);
    for (const grade of ['A', 'B', 'C', 'D'] as const) {
      const r = decideApplication({ ...good, grade }, defaultPolicy);
      expect(r.limitFen).toBeGreaterThanOrEqual(minFen);
      expect(r.limitFen).toBeLessThanOrEqual(maxFen);
    }
  });

  it('declines with every failing rule listed', () => {
    const d = decideApplication(
      {
        ...good,
        grade: 'E',
        probabilityOfDefault: 0.6,
        realNameVerified: false,
        maxDaysPastDue: 45,
        pastDefaults: 2,
      },
      defaultPolicy,
    );
    expect(d.approved).toBe(false);
    expect(d.limitFen).toBe(0);
    expect(d.reasons).toEqual([
      'APPLICATION_NOT_VERIFIED',
      'APPLICATION_DELINQUENT',
      'APPLICATION_BUREAU_DEFAULTS',
      'APPLICATION_GRADE',
      'APPLICATION_HIGH_PD',
    ]);
  });
});

describe('triggered reviews and the cooldown', () => {
  it('a new bureau default triggers a review; an unchanged count does not', () => {
    const base = { maxDaysPastDue: 0, inquiries3m: 1, previousInquiries3m: 1 };
    expect(
      triggeredReviewNeeded({ ...base, pastDefaults: 1, previousPastDefaults: 0 }, defaultPolicy),
    ).toEqual({ needed: true, trigger: 'POLICY_NEW_DEFAULT' });
    expect(
      triggeredReviewNeeded({ ...base, pastDefaults: 1, previousPastDefaults: 1 }, defaultPolicy),
    ).toEqual({ needed: false });
    const off = {
      ...defaultPolicy,
      triggeredReview: { ...defaultPolicy.triggeredReview, newDefaultTriggers: false },
    };
    expect(
      triggeredReviewNeeded({ ...base, pastDefaults: 1, previousPastDefaults: 0 }, off),
    ).toEqual({ needed: false });
  });

  it('evidence ignores utilisation and account age, nothing else', () => {
    expect(
      sameReviewEvidence(
        { utilisation: 0.2, accountAgeMonths: 3, bureauScore: 700 },
        { utilisation: 0.9, accountAgeMonths: 4, bureauScore: 700 },
      ),
    ).toBe(true);
    expect(sameReviewEvidence({ bureauScore: 700 }, { bureauScore: 690 })).toBe(false);
    expect(sameReviewEvidence({ inquiries3m: null }, {})).toBe(true);
  });

  it('refuses a second review on the same evidence within the cooldown, never cuts twice on it after', () => {
    const at = new Date('2026-11-01T00:00:00Z');
    const day = (n: number) => new Date(at.getTime() + n * 86_400_000);
    const prev = { at, decreased: true, sameEvidence: true };
    const r = reviewCooldown(prev, day(1), defaultPolicy);
    expect(r.allowed).toBe(false);
    expect(r.nextAt).toEqual(day(defaultPolicy.triggeredReview.cooldownDays));
    expect(reviewCooldown(prev, day(31), defaultPolicy)).toEqual({
      allowed: true,
      noDecrease: true,
    });
    expect(reviewCooldown({ ...prev, sameEvidence: false }, day(1), defaultPolicy)).toEqual({
      allowed: true,
      noDecrease: false,
    });
    expect(reviewCooldown(null, day(1), defaultPolicy).allowed).toBe(true);
  });

  it('older policy files without the new values still parse, with the defaults', () => {
    const { application, riskAlert, ...old } = defaultPolicy;
    void application;
    void riskAlert;
    const p = parsePolicy(
      JSON.parse(
        JSON.stringify({
          ...old,
          triggeredReview: { maxDaysPastDue: 15, inquiries3mSpike: 3 },
          promotion: { eligibleGrades: ['A'], maxPercentBp: 5000 },
        }),
      ),
    );
    expect(p.application).toEqual(defaultPolicy.application);
    expect(p.triggeredReview.cooldownDays).toBe(30);
    expect(p.promotion.stack).toBe(false);
  });
});
