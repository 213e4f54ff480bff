import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mulDivHalfUp, refundOnPlan, type RefundLine } from '../refund-rule.js';

const line = (
  seq: number,
  p: number,
  f: number,
  paidP = 0,
  paidF = 0,
  begun = false,
): RefundLine => ({
  id: String(seq),
  seq,
  principalFen: p,
  feeFen: f,
  lateFeeFen: 0,
  paidPrincipalFen: paidP,
  paidFeeFen: paidF,
  paidLateFeeFen: 0,
  begun,
});

describe('refundOnPlan (docs/money.md worked example)', () => {
  it('¥1,200 in 3 × ¥400 at ¥9.00 a period, ¥500 refunded: period 3 goes, period 2 loses ¥100 and ¥2.25 of fee', () => {
    const r = refundOnPlan(50_000, [
      line(1, 40_000, 900, 0, 0, true),
      line(2, 40_000, 900),
      line(3, 40_000, 900),
    ]);
    expect(r.lines).toEqual([
      { lineId: '3', principalReducedFen: 40_000, feeReducedFen: 900, settled: true },
      { lineId: '2', principalReducedFen: 10_000, feeReducedFen: 225, settled: false },
    ]);
    expect(r).toMatchObject({ principalReducedFen: 50_000, feeReducedFen: 1_125, creditFen: 0 });
  });

  it('what was already paid comes back as credit', () => {
    const r = refundOnPlan(40_000, [
      line(1, 40_000, 900, 40_000, 900, true),
      line(2, 40_000, 900, 10_000),
    ]);
    expect(r.principalReducedFen).toBe(30_000);
    expect(r.creditFen).toBe(10_000);
    // Period 2 not begun, its principal now fully paid: its fee goes (payoff would waive it).
    expect(r.lines[0]).toMatchObject({ lineId: '2', feeReducedFen: 900, settled: true });
  });

  it('rounds the pro-rata fee half up', () => {
    expect(mulDivHalfUp(75, 1, 2)).toBe(38);
    expect(mulDivHalfUp(75, 1, 3)).toBe(25);
    expect(mulDivHalfUp(1, 1, 2)).toBe(1);
  });

  it('property: principal and fee never go below what was paid; amounts add up', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            p: fc.integer({ min: 1, max: 100_000 }),
            f: fc.integer({ min: 0, max: 5_000 }),
            paidP: fc.integer({ min: 0, max: 100 }),
            paidF: fc.integer({ min: 0, max: 100 }),
            begun: fc.boolean(),
          }),
          { minLength: 1, maxLength: 24 },
        ),
        fc.integer({ min: 1, max: 3_000_000 }),
        (ls, amount) => {
          const lines = ls.map((x, i) =>
            line(
              i + 1,
              x.p,
              x.f,
              Math.floor((x.p * x.paidP) / 100),
              Math.floor((x.f * x.paidF) / 100),
              x.begun,
            ),
          );
          const r = refundOnPlan(amount, lines);
          expect(r.principalReducedFen + r.creditFen).toBe(amount);
          for (const ch of r.lines) {
            const l = lines.find((x) => x.id === ch.lineId)!;
            expect(l.principalFen - ch.principalReducedFen).toBeGreaterThanOrEqual(
              l.paidPrincipalFen,
            );
            expect(l.feeFen - ch.feeReducedFen).toBeGreaterThanOrEqual(l.paidFeeFen);
          }
          const unpaid = lines.reduce((s, l) => s + l.principalFen - l.paidPrincipalFen, 0);
          expect(r.principalReducedFen).toBe(Math.min(amount, unpaid));
          // From the last installment back: a line is touched only when every later one is exhausted.
          const touched = r.lines.map((c) => Number(c.lineId));
          for (const seq of touched)
            for (const l of lines)
              if (l.seq > seq && l.principalFen > l.paidPrincipalFen)
                expect(r.lines.find((c) => c.lineId === l.id)?.principalReducedFen).toBe(
                  l.principalFen - l.paidPrincipalFen,
                );
        },
      ),
    );
  });
});
