import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { firstDueDateFor, lateFeeFor, payoffFor, quotePlans } from '../pricing.js';

describe('pricing (the API side of the policy)', () => {
  it("property: every term's principal parts add up exactly, remainders on the first periods", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.constantFrom('A', 'B', 'C', 'D', 'E', null),
        (principal, grade) => {
          for (const q of quotePlans(principal, grade, new Date('2026-11-23T00:00:00Z'))) {
            const parts = q.schedule.map((l) => l.principalFen);
            expect(parts.reduce((s, x) => s + x, 0)).toBe(principal);
            expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
            expect(parts).toEqual([...parts].sort((a, b) => b - a));
            expect(q.totalFeeFen).toBe(q.schedule.reduce((s, l) => s + l.feeFen, 0));
          }
        },
      ),
    );
  });

  it('rounds fees half up to the fen and discloses an APR by IRR', () => {
    // 1,000.00 at 0.75 %/month (grade C) = 7.50 a month; 3 months.
    const m3 = quotePlans(100_000, 'C', new Date('2026-11-23T00:00:00Z')).find(
      (q) => q.term === 'M3',
    )!;
    expect(m3.schedule.map((l) => l.feeFen)).toEqual([750, 750, 750]);
    // A flat 0.75 %/month on the original principal over 3 months is an IRR of ≈ 1.12 %/month: ≈ 13.4 % a year.
    expect(m3.aprBp).toBeGreaterThan(1_300);
    expect(m3.aprBp).toBeLessThan(1_400);
    expect(m3.schedule.map((l) => l.dueDate)).toEqual(['2026-11-23', '2026-12-23', '2027-01-23']); // from the first due date given
    const one = quotePlans(1, 'C', new Date('2026-11-23T00:00:00Z')).find((q) => q.term === 'M3')!;
    expect(one.schedule.map((l) => l.principalFen)).toEqual([1, 0, 0]);
  });

  it('month ends clamp (Jan 31 + 1 month = Feb 28) and DEFERRED_30 is due in 30 days', () => {
    expect(firstDueDateFor('M3', new Date('2027-01-31T00:00:00Z')).toISOString().slice(0, 10)).toBe(
      '2027-02-28',
    );
    expect(
      firstDueDateFor('DEFERRED_30', new Date('2027-01-31T00:00:00Z')).toISOString().slice(0, 10),
    ).toBe('2027-03-02');
  });

  it('late fee: 0.05 % a day of the overdue amount, half up; nothing when not overdue', () => {
    expect(lateFeeFor(100_000, 1)).toBe(50);
    expect(lateFeeFor(999, 1)).toBe(0); // 0.4995 fen → 0
    expect(lateFeeFor(1_000, 1)).toBe(1); // 0.5 fen → 1
    expect(lateFeeFor(100_000, 0)).toBe(0);
    expect(lateFeeFor(0, 10)).toBe(0);
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
    const p = payoffFor(lines, new Date('2026-12-01T00:00:00Z'));
    expect(p).toMatchObject({
      principalFen: 30_000,
      feeFen: 75,
      waivedFeeFen: 150,
      totalFen: 30_075,
    });
  });
});
