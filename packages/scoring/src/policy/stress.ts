/**
 * Stress tests of a portfolio (seed 003): shock the probabilities of default — multiply them
 * (×1.5, ×2) or move accounts between grades by a migration matrix — and report exposure,
 * expected loss and the limits a review under the shock would cut, by grade and by segment
 * (income band), against the policy's risk budget.
 */
import { reviewLimit } from './limits.js';
import { GRADES, type Grade, type IncomeBand, type LimitPolicy } from './policy.js';
import { expectedLossFen } from './risk-budget.js';

/** A shock: PDs × `multiplier` (capped at 1), or a grade-migration matrix (rows sum to 1). */
export type StressScenario =
  | { kind: 'PD_MULTIPLIER'; multiplier: number }
  | { kind: 'GRADE_MIGRATION'; matrix: Record<Grade, Partial<Record<Grade, number>>> };

/** One account of the portfolio under test. */
export interface StressAccount {
  grade: Grade;
  incomeBand: IncomeBand;
  score: number;
  probabilityOfDefault: number;
  currentLimitFen: number;
  usedFen: number;
  maxDaysPastDue: number;
  monthsOnBook: number;
}

export interface StressCell {
  accounts: number;
  exposureFen: number;
  expectedLossFen: number;
  stressedExpectedLossFen: number;
  /** Accounts whose limit a periodic review under the shock would set lower than the same review without it. */
  limitsCut: number;
  /** Sum of those cuts (unshocked proposal − shocked proposal), fen. */
  cutFen: number;
}

export interface StressResult {
  scenario: StressScenario;
  lossGivenDefaultBp: number;
  total: StressCell;
  byGrade: Record<Grade, StressCell>;
  bySegment: Record<string, StressCell>;
  /** The risk budget's expected-loss caps against the stressed expected loss (absent without a budget). */
  budget?: {
    maxExpectedLossFen?: number;
    breached: boolean;
    byGrade: Partial<Record<Grade, { maxExpectedLossFen: number; breached: boolean }>>;
  };
}

const emptyCell = (): StressCell => ({
  accounts: 0,
  exposureFen: 0,
  expectedLossFen: 0,
  stressedExpectedLossFen: 0,
  limitsCut: 0,
  cutFen: 0,
});

/** Checks a scenario; throws an Error naming the problem. */
export function checkScenario(s: StressScenario): StressScenario {
  if (s.kind === 'PD_MULTIPLIER') {
    if (!(Number.isFinite(s.multiplier) && s.multiplier > 0))
      throw new Error(`the PD multiplier must be a number > 0, got ${s.multiplier}`);
    return s;
  }
  for (const g of GRADES) {
    const row = s.matrix[g];
    if (!row) throw new Error(`the migration matrix has no row for grade ${g}`);
    let sum = 0;
    for (const [to, p] of Object.entries(row)) {
      if (!(GRADES as readonly string[]).includes(to))
        throw new Error(`the migration matrix row ${g} names an unknown grade "${to}"`);
      if (!(typeof p === 'number' && p >= 0 && p <= 1))
        throw new Error(`the migration matrix ${g}→${to} must be a probability, got ${p}`);
      sum += p;
    }
    if (Math.abs(sum - 1) > 1e-6)
      throw new Error(`the migration matrix row ${g} sums to ${sum}, not 1`);
  }
  return s;
}

/**
 * Runs a stress scenario over a portfolio. Under a migration matrix an account's stressed PD is
 * the expectation over the grades it may move to, each grade's PD being the portfolio's mean PD in
 * that grade; the review under the shock uses the stressed PD (and, for migrations, the most
 * likely destination grade).
 */
export function stressTest(
  accounts: readonly StressAccount[],
  policy: LimitPolicy,
  scenario: StressScenario,
  options: StressOptions = {},
): StressResult {
  checkScenario(scenario);
  const lgd = policy.riskBudget?.lossGivenDefaultBp ?? 10_000;
  const meanPd = {} as Record<Grade, number>;
  for (const g of options.gradePd ? [] : GRADES) {
    let s = 0;
    let n = 0;
    for (const a of accounts)
      if (a.grade === g) {
        s += a.probabilityOfDefault;
        n++;
      }
    meanPd[g] = n ? s / n : NaN;
  }
  if (options.gradePd) for (const g of GRADES) meanPd[g] = options.gradePd[g] ?? NaN;
  // A grade with no accounts borrows the PD of the nearest worse (else better) grade with some.
  for (let i = 0; i < GRADES.length; i++) {
    if (!Number.isNaN(meanPd[GRADES[i]])) continue;
    const worse = GRADES.slice(i + 1).find((g) => !Number.isNaN(meanPd[g]));
    const better = [...GRADES.slice(0, i)].reverse().find((g) => !Number.isNaN(meanPd[g]));
    meanPd[GRADES[i]] = worse ? meanPd[worse] : better ? meanPd[better] : 0;
  }
  const total = emptyCell();
  const byGrade = Object.fromEntries(GRADES.map((g) => [g, emptyCell()])) as Record<
    Grade,
    StressCell
  >;
  const bySegment: Record<string, StressCell> = {};
  for (const a of accounts) {
    let pd: number;
    let grade = a.grade;
    if (scenario.kind === 'PD_MULTIPLIER')
      pd = Math.min(1, a.probabilityOfDefault * scenario.multiplier);
    else {
      const row = scenario.matrix[a.grade];
      pd = 0;
      let best = -1;
      for (const g of GRADES) {
        const p = row[g] ?? 0;
        pd += p * meanPd[g];
        if (p > best) {
          best = p;
          grade = g;
        }
      }
    }
    const review = (g: Grade, p: number) =>
      reviewLimit(
        {
          currentLimitFen: a.currentLimitFen,
          usedFen: a.usedFen,
          score: a.score,
          grade: g,
          probabilityOfDefault: p,
          incomeBand: a.incomeBand,
          maxDaysPastDue: a.maxDaysPastDue,
          monthsOnBook: a.monthsOnBook,
          kind: 'PERIODIC',
        },
        policy,
      ).limitFen;
    // What the shock cuts beyond what the same review would do without it.
    const cut = Math.max(0, review(a.grade, a.probabilityOfDefault) - review(grade, pd));
    const cells = [total, byGrade[a.grade], (bySegment[a.incomeBand] ??= emptyCell())];
    for (const c of cells) {
      c.accounts++;
      c.exposureFen += a.currentLimitFen;
      c.expectedLossFen += expectedLossFen(a.currentLimitFen, a.probabilityOfDefault, lgd);
      c.stressedExpectedLossFen += expectedLossFen(a.currentLimitFen, pd, lgd);
      if (cut > 0) {
        c.limitsCut++;
        c.cutFen += cut;
      }
    }
  }
  const result: StressResult = { scenario, lossGivenDefaultBp: lgd, total, byGrade, bySegment };
  return options.partial ? result : finishStress(result, policy);
}

/** Options of `stressTest` for a portfolio scored in batches. */
export interface StressOptions {
  /** Mean PD per grade over the whole portfolio (migration scenarios); default: from `accounts`. */
  gradePd?: Partial<Record<Grade, number>>;
  /** Leave expected losses unrounded and skip the budget check: a part for `mergeStressResults`. */
  partial?: boolean;
}

/** Sums the partial results of batches (`stressTest(…, { gradePd, partial: true })`) into one. */
export function mergeStressResults(
  parts: readonly StressResult[],
  policy: LimitPolicy,
): StressResult {
  if (parts.length === 0) throw new Error('no stress results to merge');
  const add = (into: StressCell, c: StressCell) => {
    into.accounts += c.accounts;
    into.exposureFen += c.exposureFen;
    into.expectedLossFen += c.expectedLossFen;
    into.stressedExpectedLossFen += c.stressedExpectedLossFen;
    into.limitsCut += c.limitsCut;
    into.cutFen += c.cutFen;
  };
  const total = emptyCell();
  const byGrade = Object.fromEntries(GRADES.map((g) => [g, emptyCell()])) as Record<
    Grade,
    StressCell
  >;
  const bySegment: Record<string, StressCell> = {};
  for (const p of parts) {
    add(total, p.total);
    for (const g of GRADES) add(byGrade[g], p.byGrade[g]);
    for (const [k, c] of Object.entries(p.bySegment)) add((bySegment[k] ??= emptyCell()), c);
  }
  return finishStress(
    {
      scenario: parts[0].scenario,
      lossGivenDefaultBp: parts[0].lossGivenDefaultBp,
      total,
      byGrade,
      bySegment,
    },
    policy,
  );
}

/** Rounds expected losses to the fen and checks the risk budget. */
function finishStress(result: StressResult, policy: LimitPolicy): StressResult {
  const { total, byGrade, bySegment } = result;
  const roundCell = (c: StressCell) => {
    c.expectedLossFen = Math.round(c.expectedLossFen);
    c.stressedExpectedLossFen = Math.round(c.stressedExpectedLossFen);
  };
  roundCell(total);
  GRADES.forEach((g) => roundCell(byGrade[g]));
  Object.values(bySegment).forEach(roundCell);
  const b = policy.riskBudget;
  if (b) {
    const per: NonNullable<StressResult['budget']>['byGrade'] = {};
    for (const g of GRADES) {
      const cap = b.byGrade?.[g]?.maxExpectedLossFen;
      if (cap !== undefined)
        per[g] = { maxExpectedLossFen: cap, breached: byGrade[g].stressedExpectedLossFen > cap };
    }
    result.budget = {
      maxExpectedLossFen: b.maxExpectedLossFen,
      breached:
        (b.maxExpectedLossFen !== undefined &&
          total.stressedExpectedLossFen > b.maxExpectedLossFen) ||
        Object.values(per).some((x) => x?.breached),
      byGrade: per,
    };
  }
  return result;
}
