import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPolicy, GRADES, type Grade, type LimitPolicy } from '../policy.js';
import { LIMIT_REASON_CODES, type LimitProposal } from '../limits.js';
import { reasonText } from '../../explain/texts.js';
import {
  applyRiskBudget,
  checkScenario,
  mergeStressResults,
  portfolioFigures,
  RISK_BUDGET_REASON,
  stressTest,
  type BudgetAccount,
  type StressAccount,
} from '../index.js';

const withBudget = (riskBudget: LimitPolicy['riskBudget']): LimitPolicy => ({
  ...defaultPolicy,
  riskBudget,
});

const account = (grade: Grade, pd: number, cur: number, next?: number): BudgetAccount => ({
  grade,
  probabilityOfDefault: pd,
  currentLimitFen: cur,
  proposal:
    next === undefined
      ? undefined
      : {
          limitFen: next,
          action: next > cur ? 'INCREASE' : next < cur ? 'DECREASE' : 'KEEP',
          reasons: ['POLICY_GRADE_TARGET'],
        },
});

describe('risk budget', () => {
  it('batch by batch with the rest of the book, a cap holds for the whole portfolio', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            grade: fc.constantFrom(...GRADES),
            pd: fc.double({ min: 0.001, max: 0.5, noNaN: true }),
            cur: fc.integer({ min: 0, max: 300 }).map((k) => k * 10_000),
            step: fc.integer({ min: -100, max: 200 }).map((k) => k * 10_000),
          }),
          { minLength: 2, maxLength: 60 },
        ),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 100 }),
        (rows, batch, capPct) => {
          const accts = rows.map((r) => account(r.grade, r.pd, r.cur, Math.max(0, r.cur + r.step)));
          const current = accts.reduce((s, a) => s + a.currentLimitFen, 0);
          const policy = withBudget({
            lossGivenDefaultBp: 8_000,
            maxExposureFen: Math.round((current * (100 + capPct)) / 100),
          });
          // The book as the review sees it: limits already reviewed, the rest still current.
          const limits = accts.map((a) => a.currentLimitFen);
          for (let s = 0; s < accts.length; s += batch) {
            const part = accts.slice(s, s + batch);
            const rest = portfolioFigures(
              accts
                .map((a, i) => ({ ...a, limitFen: limits[i] }))
                .filter((_, i) => i < s || i >= s + batch),
              8_000,
            );
            const r = applyRiskBudget(part, policy, rest);
            r.proposals.forEach((p, k) => (limits[s + k] = p?.limitFen ?? limits[s + k]));
            for (const p of r.proposals)
              if (p?.reasons.includes(RISK_BUDGET_REASON)) expect(p.limitFen % 10_000).toBe(0);
          }
          const total = limits.reduce((a, b) => a + b, 0);
          // Never above the cap, unless decreases alone could not bring it there (no increase then).
          const increased = limits.some((l, i) => l > accts[i].currentLimitFen);
          if (increased) expect(total).toBeLessThanOrEqual(policy.riskBudget!.maxExposureFen!);
        },
      ),
    );
  });

  it('POLICY_RISK_BUDGET has zh-CN and en texts', () => {
    expect(reasonText(RISK_BUDGET_REASON, 'en')).toMatch(/risk budget/);
    expect(reasonText(RISK_BUDGET_REASON, 'zh-CN')).toMatch(/风险预算/);
    expect(LIMIT_REASON_CODES).toContain(RISK_BUDGET_REASON);
  });

  it('without caps the proposals are unchanged', () => {
    const accts = [account('A', 0.02, 1_000_000, 1_500_000), account('C', 0.1, 500_000, 400_000)];
    const r = applyRiskBudget(accts, defaultPolicy);
    expect(r.binding).toBe(false);
    expect(r.proposals).toEqual(accts.map((a) => a.proposal));
  });

  it('a binding exposure cap scales increases down to whole ¥100 with a reason code', () => {
    const accts = [
      account('A', 0.02, 1_000_000, 1_500_000),
      account('B', 0.05, 1_000_000, 1_500_000),
      account('C', 0.1, 1_000_000, 900_000),
      account('D', 0.2, 1_000_000),
    ];
    // Baseline after the decrease: 3,900,000; increases want +1,000,000; the cap leaves +500,000.
    const r = applyRiskBudget(
      accts,
      withBudget({ lossGivenDefaultBp: 8_000, maxExposureFen: 4_400_000 }),
    );
    expect(r.binding).toBe(true);
    expect(r.proposals.map((p) => p?.limitFen)).toEqual([1_250_000, 1_250_000, 900_000, undefined]);
    expect(r.proposals[0]!.reasons).toEqual(['POLICY_GRADE_TARGET', RISK_BUDGET_REASON]);
    expect(r.proposals[2]!.reasons).toEqual(['POLICY_GRADE_TARGET']);
    expect(r.after.exposureFen).toBe(4_400_000);
  });

  it('a per-grade expected-loss cap binds only that grade; an exhausted one turns increases into KEEP', () => {
    const accts = [
      account('A', 0.02, 1_000_000, 1_500_000),
      account('D', 0.2, 1_000_000, 1_500_000),
    ];
    const r = applyRiskBudget(
      accts,
      withBudget({ lossGivenDefaultBp: 10_000, byGrade: { D: { maxExpectedLossFen: 150_000 } } }),
    );
    expect(r.proposals[0]!.limitFen).toBe(1_500_000);
    expect(r.proposals[1]).toEqual({
      limitFen: 1_000_000,
      action: 'KEEP',
      reasons: ['POLICY_GRADE_TARGET', RISK_BUDGET_REASON],
    });
    expect(r.increaseShare.D).toBe(0);
  });

  it('property: the caps are never overshot when the baseline fits', () => {
    const acc = fc.record({
      grade: fc.constantFrom(...GRADES),
      pd: fc.double({ min: 0.001, max: 0.6, noNaN: true }),
      cur: fc.integer({ min: 0, max: 500 }).map((h) => h * 10_000),
      step: fc.integer({ min: -200, max: 300 }).map((h) => h * 10_000),
    });
    fc.assert(
      fc.property(
        fc.array(acc, { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (rows, tight) => {
          const accts = rows.map((x) => account(x.grade, x.pd, x.cur, Math.max(0, x.cur + x.step)));
          const lgd = 8_000;
          const base = portfolioFigures(
            accts.map((a) => ({
              ...a,
              limitFen: Math.min(a.currentLimitFen, a.proposal!.limitFen),
            })),
            lgd,
          );
          const full = portfolioFigures(
            accts.map((a) => ({ ...a, limitFen: a.proposal!.limitFen })),
            lgd,
          );
          const capE = Math.max(
            1,
            Math.round(base.exposureFen + tight * (full.exposureFen - base.exposureFen)),
          );
          const r = applyRiskBudget(
            accts,
            withBudget({ lossGivenDefaultBp: lgd, maxExposureFen: capE }),
          );
          expect(r.after.exposureFen).toBeLessThanOrEqual(Math.max(capE, base.exposureFen));
          r.proposals.forEach((p, i) => {
            const orig = accts[i].proposal as LimitProposal;
            expect(p!.limitFen).toBeLessThanOrEqual(orig.limitFen);
            expect(Math.abs(p!.limitFen - accts[i].currentLimitFen) % 10_000).toBe(0);
            if (orig.limitFen <= accts[i].currentLimitFen) expect(p).toEqual(orig);
          });
        },
      ),
    );
  });
});

describe('stress test', () => {
  const portfolio: StressAccount[] = GRADES.flatMap((g, gi) =>
    Array.from({ length: 10 }, (_, i) => ({
      grade: g,
      incomeBand: (['LOW', 'MID', 'HIGH', 'VERY_HIGH'] as const)[i % 4],
      score: 600 - gi * 20,
      probabilityOfDefault: [0.02, 0.05, 0.1, 0.18, 0.28][gi] + i * 0.001,
      currentLimitFen: 1_000_000,
      usedFen: 200_000,
      maxDaysPastDue: 0,
      monthsOnBook: 12,
    })),
  );

  it('PD × 2 doubles the expected loss and cuts the limits that cross the high-PD line, beyond the unshocked review', () => {
    const base = stressTest(portfolio, defaultPolicy, { kind: 'PD_MULTIPLIER', multiplier: 1 });
    const r = stressTest(portfolio, defaultPolicy, { kind: 'PD_MULTIPLIER', multiplier: 2 });
    expect(r.total.exposureFen).toBe(50_000_000);
    expect(r.total.stressedExpectedLossFen).toBeCloseTo(2 * base.total.stressedExpectedLossFen, -1);
    // decreaseAbovePd 0.3: ×2 pushes grade D (0.18…) over it, A and B stay far below; only cuts
    // beyond what the unshocked review would do count.
    expect(r.byGrade.A.limitsCut).toBe(0);
    expect(r.byGrade.B.limitsCut).toBe(0);
    expect(r.byGrade.D.limitsCut).toBeGreaterThan(0);
    expect(base.total.limitsCut).toBe(0);
    expect(r.total.limitsCut).toBe(Object.values(r.byGrade).reduce((s, c) => s + c.limitsCut, 0));
    const segments = Object.values(r.bySegment).reduce((s, c) => s + c.accounts, 0);
    expect(segments).toBe(50);
  });

  it('a migration matrix moves PDs toward the destination grades; a bad matrix is refused', () => {
    const down = Object.fromEntries(
      GRADES.map((g, i) => [g, { [g]: 0.5, [GRADES[Math.min(4, i + 1)]]: 0.5 }]),
    ) as Record<Grade, Partial<Record<Grade, number>>>;
    down.E = { E: 1 };
    const r = stressTest(portfolio, defaultPolicy, { kind: 'GRADE_MIGRATION', matrix: down });
    expect(r.byGrade.A.stressedExpectedLossFen).toBeGreaterThan(r.byGrade.A.expectedLossFen);
    expect(r.byGrade.E.stressedExpectedLossFen).toBeCloseTo(r.byGrade.E.expectedLossFen, -1);
    expect(() =>
      checkScenario({ kind: 'GRADE_MIGRATION', matrix: { ...down, A: { A: 0.5 } } }),
    ).toThrow('the migration matrix row A sums to 0.5, not 1');
    expect(() => checkScenario({ kind: 'PD_MULTIPLIER', multiplier: 0 })).toThrow(
      /must be a number > 0/,
    );
  });

  it('batches merged with the portfolio-wide grade PDs give the whole-portfolio result', () => {
    const matrix = Object.fromEntries(GRADES.map((g) => [g, { E: 0.1, [g]: 0.9 }])) as Record<
      Grade,
      Partial<Record<Grade, number>>
    >;
    matrix.E = { E: 1 };
    for (const scenario of [
      { kind: 'PD_MULTIPLIER' as const, multiplier: 1.5 },
      { kind: 'GRADE_MIGRATION' as const, matrix },
    ]) {
      const whole = stressTest(portfolio, defaultPolicy, scenario);
      const gradePd = Object.fromEntries(
        GRADES.map((g) => {
          const ps = portfolio.filter((a) => a.grade === g).map((a) => a.probabilityOfDefault);
          return [g, ps.reduce((x, y) => x + y, 0) / ps.length];
        }),
      );
      const parts = [0, 17, 34].map((s) =>
        stressTest(portfolio.slice(s, s + 17), defaultPolicy, scenario, { gradePd, partial: true }),
      );
      const merged = mergeStressResults(parts, defaultPolicy);
      expect(merged.total).toEqual(whole.total);
      expect(merged.byGrade).toEqual(whole.byGrade);
    }
  });

  it('reports whether the stressed loss breaches the budget', () => {
    const r = stressTest(
      portfolio,
      withBudget({
        lossGivenDefaultBp: 8_000,
        maxExpectedLossFen: 6_000_000,
        byGrade: { E: { maxExpectedLossFen: 2_500_000 } },
      }),
      { kind: 'PD_MULTIPLIER', multiplier: 1.5 },
    );
    expect(r.budget!.byGrade.E!.breached).toBe(true);
    expect(r.budget!.breached).toBe(true);
  });
});
