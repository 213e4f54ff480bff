import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_REVOLVING_POLICY,
  allocateRevolvingPayment,
  defaultPolicy,
  minimumPaymentFen,
  nextStatementDate,
  pointsApplied,
  pointsEarned,
  revolvingAprBp,
  revolvingEligibility,
  revolvingInterestFen,
  revolvingLateFeeFen,
} from '../../index.js';

const policy = defaultPolicy.revolving;
const good = {
  grade: 'A' as const,
  tenureDays: 400,
  onTimeInstallments: 12,
  maxDaysPastDue: 0,
  accountStatus: 'ACTIVE',
};

describe('revolving eligibility', () => {
  it('accepts a good customer and lists every failed rule otherwise', () => {
    expect(revolvingEligibility(good, policy)).toEqual({ eligible: true, reasons: [] });
    expect(
      revolvingEligibility(
        {
          grade: 'D',
          tenureDays: 10,
          onTimeInstallments: 1,
          maxDaysPastDue: 3,
          accountStatus: 'FROZEN',
        },
        policy,
      ).reasons,
    ).toEqual([
      'ACCOUNT_NOT_ACTIVE',
      'GRADE_NOT_ELIGIBLE',
      'TENURE_TOO_SHORT',
      'TOO_FEW_ON_TIME_INSTALLMENTS',
      'PAST_DELINQUENCY',
    ]);
    expect(revolvingEligibility({ ...good, grade: null }, policy).reasons).toEqual([
      'GRADE_NOT_ELIGIBLE',
    ]);
    expect(revolvingEligibility({ ...good, tenureDays: 179 }, policy).eligible).toBe(false);
    expect(revolvingEligibility({ ...good, tenureDays: 180 }, policy).eligible).toBe(true);
  });
});

describe('revolving money rules (integer fen, half up)', () => {
  it('minimum payment: 10 % of the balance before charges, plus charges, floor ¥100, at most the balance', () => {
    expect(minimumPaymentFen(0, 0, policy)).toBe(0);
    expect(minimumPaymentFen(5_000, 0, policy)).toBe(5_000); // below the floor: the whole balance
    expect(minimumPaymentFen(200_000, 0, policy)).toBe(20_000);
    expect(minimumPaymentFen(200_005, 0, policy)).toBe(20_001); // 20,000.5 → 20,001
    expect(minimumPaymentFen(200_004, 0, policy)).toBe(20_000); // 20,000.4 → 20,000
    expect(minimumPaymentFen(203_000, 3_000, policy)).toBe(23_000);
  });
  it('interest: 0.05 % a day (APR 18.25 %), half up once per span', () => {
    expect(revolvingAprBp(policy)).toBe(1_825);
    expect(revolvingInterestFen(100_000, 1, policy)).toBe(50);
    expect(revolvingInterestFen(1_001, 1, policy)).toBe(1); // 0.5005 → 1
    expect(revolvingInterestFen(999, 1, policy)).toBe(0); // 0.4995 → 0
    expect(revolvingInterestFen(100_000, 0, policy)).toBe(0);
    expect(revolvingLateFeeFen(20_000, policy)).toBe(1_000);
  });
  it('points: whole yuan of net spending', () => {
    expect(pointsEarned(12_399, policy)).toBe(123);
    expect(pointsEarned(-500, policy)).toBe(-5);
    expect(pointsEarned(-1, policy)).toBe(-1); // a take-back rounds toward −∞
    // Never more than the whole net spend: ¥1.99 bought, ¥0.99 and ¥1.00 returned in two cycles.
    expect(pointsEarned(199, policy) + pointsEarned(-99, policy) + pointsEarned(-100, policy)).toBe(
      -1,
    );
    expect(pointsApplied(300, -800)).toBe(-300);
    expect(pointsApplied(0, -5)).toBe(0);
    expect(pointsApplied(10, 7)).toBe(7);
    expect(pointsEarned(99, { ...DEFAULT_REVOLVING_POLICY, pointsPerYuan: 2 })).toBe(0);
  });
  it('points over any cycles never exceed whole yuan of the net spend (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 })), (nets) => {
        const total = nets.reduce((t, n) => t + n, 0);
        const points = nets.reduce((t, n) => t + pointsEarned(n, policy), 0);
        expect(points).toBeLessThanOrEqual(Math.floor(total / 100));
        // and a take-back costs at most one point per cycle more than the exact amount
        expect(points).toBeGreaterThanOrEqual(Math.floor(total / 100) - nets.length);
      }),
    );
  });
  it('statement dates', () => {
    expect(nextStatementDate('2026-12-02', 5)).toBe('2026-12-05');
    expect(nextStatementDate('2026-12-05', 5)).toBe('2027-01-05');
    expect(nextStatementDate('2026-12-31', 1)).toBe('2027-01-01');
  });
  it('a payment is applied fees → interest → principal and never over-applies (property)', () => {
    fc.assert(
      fc.property(
        fc.nat(1_000_000),
        fc.nat(100_000),
        fc.nat(100_000),
        fc.nat(1_000_000),
        (amount, fees, interest, principal) => {
          const a = allocateRevolvingPayment(amount, {
            feesFen: fees,
            interestFen: interest,
            principalFen: principal,
          });
          expect(a.feesFen + a.interestFen + a.principalFen + a.unappliedFen).toBe(amount);
          expect(a.principalFen).toBeLessThanOrEqual(principal);
          if (a.interestFen > 0) expect(a.feesFen).toBe(fees);
          if (a.principalFen > 0) expect(a.interestFen).toBe(interest);
          if (a.unappliedFen > 0) expect(a.principalFen).toBe(principal);
        },
      ),
    );
  });
  it('the minimum is within [min(floor, balance), balance] (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 10_000_000 }), fc.nat(50_000), (b, c) => {
        const m = minimumPaymentFen(b, c, policy);
        if (b <= 0) expect(m).toBe(0);
        else {
          expect(m).toBeLessThanOrEqual(b);
          expect(m).toBeGreaterThanOrEqual(Math.min(b, policy.minimumPaymentFloorFen));
        }
      }),
    );
  });
});
