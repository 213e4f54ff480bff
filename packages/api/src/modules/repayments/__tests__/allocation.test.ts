import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocateRepayment, type AllocLine } from '../allocation.js';
import { payoffFor, periodBegun } from '../../plans/pricing.js';

const line = (
  id: string,
  dueDate: string,
  p: number,
  f: number,
  late = 0,
  planId = '1',
  seq = Number(id),
): AllocLine => ({
  id,
  planId,
  dueDate,
  seq,
  principalFen: p,
  feeFen: f,
  lateFeeFen: late,
  paidPrincipalFen: 0,
  paidFeeFen: 0,
  paidLateFeeFen: 0,
});

describe('allocateRepayment', () => {
  it('pays the oldest due line first; within it late fee, then fee, then principal', () => {
    const lines = [
      line('2', '2026-12-01', 1000, 60),
      line('1', '2026-11-01', 1000, 60, 25),
      line('3', '2027-01-01', 1000, 60),
    ];
    const a = allocateRepayment(1100, lines);
    expect(a.lines).toEqual([
      { lineId: '1', planId: '1', lateFeeFen: 25, feeFen: 60, principalFen: 1000, feeWaivedFen: 0 },
      { lineId: '2', planId: '1', lateFeeFen: 0, feeFen: 15, principalFen: 0, feeWaivedFen: 0 },
    ]);
    expect(a.unappliedFen).toBe(0);
  });

  it('orders equal due dates by plan then period', () => {
    const a = allocateRepayment(10, [
      line('9', '2026-11-01', 100, 0, 0, '2', 1),
      line('8', '2026-11-01', 100, 0, 0, '1', 2),
    ]);
    expect(a.lines[0]!.lineId).toBe('8');
  });

  it('pays unscheduled principal after the schedule and keeps the rest as credit', () => {
    const a = allocateRepayment(5000, [line('1', '2026-11-01', 1000, 0)], 1500);
    expect(a.totals.principalFen).toBe(1000);
    expect(a.unscheduledPrincipalFen).toBe(1500);
    expect(a.unappliedFen).toBe(2500);
  });

  it('rejects zero, negative and fractional amounts', () => {
    for (const bad of [0, -1, 1.5, Number.NaN])
      expect(() => allocateRepayment(bad, [])).toThrow(RangeError);
  });

  it('property: parts add up to the amount and never exceed what is owed', () => {
    const arbLine = fc.record({
      p: fc.integer({ min: 0, max: 100_000 }),
      f: fc.integer({ min: 0, max: 5_000 }),
      l: fc.integer({ min: 0, max: 2_000 }),
      day: fc.integer({ min: 1, max: 28 }),
    });
    fc.assert(
      fc.property(
        fc.array(arbLine, { maxLength: 12 }),
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.integer({ min: 0, max: 50_000 }),
        (ls, amount, unscheduled) => {
          const lines = ls.map((x, i) =>
            line(String(i + 1), `2026-11-${String(x.day).padStart(2, '0')}`, x.p, x.f, x.l),
          );
          const a = allocateRepayment(amount, lines, unscheduled);
          const sum =
            a.totals.principalFen +
            a.totals.feeFen +
            a.totals.lateFeeFen +
            a.unscheduledPrincipalFen +
            a.unappliedFen;
          expect(sum).toBe(amount);
          for (const al of a.lines) {
            const l = lines.find((x) => x.id === al.lineId)!;
            expect(al.lateFeeFen).toBeLessThanOrEqual(l.lateFeeFen);
            expect(al.feeFen).toBeLessThanOrEqual(l.feeFen);
            expect(al.principalFen).toBeLessThanOrEqual(l.principalFen);
            // A later component is touched only when the earlier ones of the line are paid in full.
            if (al.feeFen > 0) expect(al.lateFeeFen).toBe(l.lateFeeFen);
            if (al.principalFen > 0) expect(al.feeFen).toBe(l.feeFen);
          }
          const owed =
            lines.reduce((s, l) => s + l.principalFen + l.feeFen + l.lateFeeFen, 0) + unscheduled;
          expect(a.unappliedFen).toBe(Math.max(0, amount - owed));
        },
      ),
    );
  });

  describe('the prepayment rule (asOf given)', () => {
    const asOf = new Date('2026-12-02T08:00:00Z');
    // Periods: due 12-15 (begun 11-15), due 2027-01-15 (begins 12-15: not begun), due 02-15.
    const plan = () => [
      line('1', '2026-12-15', 10_000, 75),
      line('2', '2027-01-15', 10_000, 75),
      line('3', '2027-02-15', 10_000, 75),
    ];

    it('never pays the fee of a period not begun; its fee is waived once its principal is paid', () => {
      const a = allocateRepayment(10_075 + 10_000 + 5_000, plan(), 0, asOf);
      expect(a.lines).toEqual([
        {
          lineId: '1',
          planId: '1',
          lateFeeFen: 0,
          feeFen: 75,
          principalFen: 10_000,
          feeWaivedFen: 0,
        },
        {
          lineId: '2',
          planId: '1',
          lateFeeFen: 0,
          feeFen: 0,
          principalFen: 10_000,
          feeWaivedFen: 75,
        },
        {
          lineId: '3',
          planId: '1',
          lateFeeFen: 0,
          feeFen: 0,
          principalFen: 5_000,
          feeWaivedFen: 0,
        },
      ]);
    });

    it('repaying the payoff amount pays the plan off exactly as the payoff quote does', () => {
      const lines = plan();
      const q = payoffFor(lines, asOf);
      const a = allocateRepayment(q.totalFen, lines, 0, asOf);
      expect(a.unappliedFen).toBe(0);
      expect(a.totals.feeWaivedFen).toBe(q.waivedFeeFen);
      expect(a.totals.feeFen).toBe(q.feeFen);
    });

    it('property: principal never goes below zero; payoff and repayment agree', () => {
      fc.assert(
        fc.property(
          fc.array(
            fc.record({
              p: fc.integer({ min: 1, max: 100_000 }),
              f: fc.integer({ min: 0, max: 5_000 }),
              paid: fc.integer({ min: 0, max: 100 }),
              month: fc.integer({ min: 0, max: 11 }),
            }),
            { minLength: 1, maxLength: 12 },
          ),
          fc.integer({ min: 1, max: 3_000_000 }),
          (ls, amount) => {
            const lines = ls.map((x, i) => ({
              ...line(
                String(i + 1),
                new Date(Date.UTC(2026, 10 + x.month, 15)).toISOString().slice(0, 10),
                x.p,
                x.f,
              ),
              paidPrincipalFen: Math.floor((x.p * x.paid) / 100),
            }));
            const a = allocateRepayment(amount, lines, 0, asOf);
            for (const al of a.lines) {
              const l = lines.find((x) => x.id === al.lineId)!;
              expect(l.principalFen - l.paidPrincipalFen - al.principalFen).toBeGreaterThanOrEqual(
                0,
              );
              if (!periodBegun(l.dueDate, asOf)) expect(al.feeFen).toBe(0);
            }
            const q = payoffFor(lines, asOf);
            if (q.totalFen > 0) {
              const p = allocateRepayment(q.totalFen, lines, 0, asOf);
              expect(p.unappliedFen).toBe(0);
              expect(p.totals.feeWaivedFen).toBe(q.waivedFeeFen);
            }
          },
        ),
      );
    });
  });
});
