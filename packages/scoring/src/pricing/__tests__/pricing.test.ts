import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GRADES, defaultPolicy, type LimitPolicy } from '../../policy/policy.js';
import {
  TERMS,
  annualizedRateBp,
  buildSchedule,
  feeRateBpFor,
  firstDueDateFor,
  lateFeeFen,
  payoffQuote,
  quoteInstallments,
} from '../pricing.js';

const first = new Date('2026-11-23T00:00:00Z');

describe('pricing', () => {
  it('property: principal parts add up exactly for any principal, term and grade; remainder on the first periods', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.constantFrom(...GRADES),
        fc.constantFrom(undefined, 'FREE3', 'FREE6', 'FREE12', 'NOPE'),
        (principalFen, grade, coupon) => {
          const quotes = quoteInstallments(
            { principalFen, grade, firstDueDate: first, coupon },
            defaultPolicy,
          );
          expect(quotes.map((q) => q.term)).toEqual([...TERMS]);
          for (const q of quotes) {
            const parts = q.schedule.map((l) => l.principalFen);
            expect(parts.length).toBe(q.periods);
            expect(parts.reduce((s, x) => s + x, 0)).toBe(principalFen);
            expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
            expect(parts).toEqual([...parts].sort((a, b) => b - a));
            expect(q.totalFeeFen).toBe(q.schedule.reduce((s, l) => s + l.feeFen, 0));
            for (const l of q.schedule)
              expect(Number.isInteger(l.feeFen) && l.feeFen >= 0).toBe(true);
          }
        },
      ),
    );
  });

  it('DEFERRED_30 is one free payment: APR 0; a fully couponed plan has APR 0', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.constantFrom(...GRADES),
        (principalFen, grade) => {
          const q = quoteInstallments(
            { principalFen, grade, firstDueDate: first, coupon: 'FREE12' },
            defaultPolicy,
          );
          const d = q.find((x) => x.term === 'DEFERRED_30')!;
          expect(d).toMatchObject({ periods: 1, feeRateBp: 0, totalFeeFen: 0, aprBp: 0 });
          expect(q.find((x) => x.term === 'M12')!.aprBp).toBe(0);
        },
      ),
    );
  });

  it('matches the API interim pricing: fees half up, APR by IRR, dates from the first due date', () => {
    const m3 = quoteInstallments(
      { principalFen: 100_000, grade: 'C', firstDueDate: first },
      defaultPolicy,
    ).find((q) => q.term === 'M3')!;
    expect(m3.schedule.map((l) => l.feeFen)).toEqual([750, 750, 750]);
    expect(m3.aprBp).toBeGreaterThan(1_300);
    expect(m3.aprBp).toBeLessThan(1_400);
    expect(m3.schedule.map((l) => l.dueDate)).toEqual(['2026-11-23', '2026-12-23', '2027-01-23']);
    expect(
      buildSchedule({ principalFen: 1, periods: 3, feeRateBp: 75, firstDueDate: first }).map(
        (l) => l.principalFen,
      ),
    ).toEqual([1, 0, 0]);
    expect(
      buildSchedule({
        principalFen: 10_000,
        periods: 2,
        feeRateBp: 75,
        firstDueDate: new Date('2027-01-31T00:00:00Z'),
      }).map((l) => l.dueDate),
    ).toEqual(['2027-01-31', '2027-02-28']);
    expect(
      firstDueDateFor('DEFERRED_30', new Date('2027-01-31T00:00:00Z')).toISOString().slice(0, 10),
    ).toBe('2027-03-02');
  });

  it('property: APR grows with the fee rate (never falls; strictly when the fee grows)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10_000, max: 5_000_000 }),
        fc.constantFrom(3, 6, 9, 12, 24),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 100 }),
        (p, n, r, dr) => {
          const pay = (bp: number) =>
            buildSchedule({ principalFen: p, periods: n, feeRateBp: bp, firstDueDate: first }).map(
              (l) => l.principalFen + l.feeFen,
            );
          const a = annualizedRateBp(p, pay(r), 12);
          const b = annualizedRateBp(p, pay(r + dr), 12);
          expect(b).toBeGreaterThan(a);
        },
      ),
    );
    expect(annualizedRateBp(100_000, [100_000], 12)).toBe(0);
    expect(annualizedRateBp(100_000, [101_000], 12)).toBe(1_200); // 1 % a month → 12.00 % a year
  });

  it('fee rates come from the policy', () => {
    const p: LimitPolicy = structuredClone(defaultPolicy);
    p.feeRateBp.A.M12 = 40;
    expect(feeRateBpFor('A', 'M12', p)).toBe(40);
    expect(feeRateBpFor('E', 'DEFERRED_30', p)).toBe(0);
  });

  it('late fee: per-day bp half up, capped', () => {
    expect(lateFeeFen(100_000, 1, defaultPolicy)).toBe(50);
    expect(lateFeeFen(999, 1, defaultPolicy)).toBe(0);
    expect(lateFeeFen(1_000, 1, defaultPolicy)).toBe(1);
    expect(lateFeeFen(100_000, 0, defaultPolicy)).toBe(0);
    expect(lateFeeFen(100_000, 10_000, defaultPolicy)).toBe(24_000);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.integer({ min: 0, max: 2_000 }),
        (o, d) => {
          const f = lateFeeFen(o, d, defaultPolicy);
          return (
            Number.isInteger(f) &&
            f >= 0 &&
            f <= Math.floor((o * defaultPolicy.lateFeeCapBp + 5_000) / 10_000) &&
            f <= lateFeeFen(o, d + 1, defaultPolicy)
          );
        },
      ),
    );
  });

  it('payoff waives only the fees of periods not begun', () => {
    const lines = ['2026-12-23', '2027-01-23', '2027-02-23'].map((d, i) => ({
      id: String(i + 1),
      dueDate: d,
      principalFen: 10_000,
      feeFen: 75,
      lateFeeFen: 0,
      paidPrincipalFen: 0,
      paidFeeFen: 0,
      paidLateFeeFen: 0,
    }));
    expect(payoffQuote(lines, new Date('2026-12-01T00:00:00Z'), defaultPolicy)).toMatchObject({
      principalFen: 30_000,
      feeFen: 75,
      waivedFeeFen: 150,
      totalFen: 30_075,
      waivedByLine: { '2': 75, '3': 75 },
    });
  });
});
