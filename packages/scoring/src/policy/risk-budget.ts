/**
 * The portfolio risk budget (seed 003): exposure = Σ base limits, expected loss = Σ limit × PD ×
 * LGD, capped overall and per grade by `policy.riskBudget`. A batch of review proposals is fitted
 * into the budget by scaling its increases down — per grade first, then overall — to whole ¥100,
 * rounding down, so a cap is never overshot. Decreases, freezes and kept limits are not touched.
 */
import { floorToHundredYuan, type LimitProposal, type LimitReasonCode } from './limits.js';
import { GRADES, type Grade, type LimitPolicy } from './policy.js';

/** Reason code added to a proposal whose increase the risk budget cut (zh/en texts in `REASON_TEXTS`). */
export const RISK_BUDGET_REASON = 'POLICY_RISK_BUDGET' satisfies LimitReasonCode;

/** One account of the portfolio as the budget sees it. */
export interface BudgetAccount {
  grade: Grade;
  probabilityOfDefault: number;
  currentLimitFen: number;
  /** The review's proposal for this account (absent: the account keeps its limit). */
  proposal?: LimitProposal;
}

export interface BudgetFigures {
  exposureFen: number;
  expectedLossFen: number;
}

export interface RiskBudgetResult {
  /** Proposals after the budget, in input order (accounts without a proposal get none). */
  proposals: (LimitProposal | undefined)[];
  /** Share of the increases kept, per grade (1 = untouched). */
  increaseShare: Record<Grade, number>;
  /** Whether any cap bound (an increase was cut). */
  binding: boolean;
  before: BudgetFigures & { byGrade: Record<Grade, BudgetFigures> };
  after: BudgetFigures & { byGrade: Record<Grade, BudgetFigures> };
}

const zeroByGrade = () =>
  Object.fromEntries(GRADES.map((g) => [g, { exposureFen: 0, expectedLossFen: 0 }])) as Record<
    Grade,
    BudgetFigures
  >;

/** Expected loss of an exposure: limit × PD × LGD, in (fractional) fen. */
export function expectedLossFen(limitFen: number, pd: number, lgdBp: number): number {
  return (limitFen * pd * lgdBp) / 10_000;
}

/** Exposure and expected loss of limits, overall and per grade (expected loss rounded to the fen). */
export function portfolioFigures(
  accounts: readonly { grade: Grade; probabilityOfDefault: number; limitFen: number }[],
  lgdBp: number,
): BudgetFigures & { byGrade: Record<Grade, BudgetFigures> } {
  const byGrade = zeroByGrade();
  let e = 0;
  let l = 0;
  for (const a of accounts) {
    const el = expectedLossFen(a.limitFen, a.probabilityOfDefault, lgdBp);
    byGrade[a.grade].exposureFen += a.limitFen;
    byGrade[a.grade].expectedLossFen += el;
    e += a.limitFen;
    l += el;
  }
  for (const g of GRADES) byGrade[g].expectedLossFen = Math.round(byGrade[g].expectedLossFen);
  return { exposureFen: e, expectedLossFen: Math.round(l), byGrade };
}

/** Largest share s ∈ [0, 1] of `add` that keeps `base + s·add` within `cap` (no cap: 1). */
function share(cap: number | undefined, base: number, add: number): number {
  if (cap === undefined || add <= 0) return 1;
  return Math.min(1, Math.max(0, (cap - base) / add));
}

/**
 * Fits a batch of review proposals into the policy's risk budget. `accounts` is the whole
 * portfolio the budget covers (accounts without a proposal count with their current limit), or —
 * for a review that runs in batches — one batch, with `rest` the exposure and expected loss of
 * every account outside it (see `portfolioFigures`). Without a `riskBudget` in the policy the
 * proposals come back unchanged. `before`/`after` cover `accounts` only.
 */
export function applyRiskBudget(
  accounts: readonly BudgetAccount[],
  policy: LimitPolicy,
  rest?: BudgetFigures & { byGrade: Record<Grade, BudgetFigures> },
): RiskBudgetResult {
  const budget = policy.riskBudget;
  const lgd = budget?.lossGivenDefaultBp ?? 10_000;
  const proposedLimit = (a: BudgetAccount) => a.proposal?.limitFen ?? a.currentLimitFen;
  const before = portfolioFigures(
    accounts.map((a) => ({ ...a, limitFen: a.currentLimitFen })),
    lgd,
  );
  // Baseline: every account at min(current, proposed) — decreases apply in full; what the
  // budget rations is the increases.
  const base = zeroByGrade();
  const inc = zeroByGrade();
  if (rest)
    for (const g of GRADES) {
      base[g].exposureFen += rest.byGrade[g].exposureFen;
      base[g].expectedLossFen += rest.byGrade[g].expectedLossFen;
    }
  for (const a of accounts) {
    const p = proposedLimit(a);
    const floor = Math.min(a.currentLimitFen, p);
    base[a.grade].exposureFen += floor;
    base[a.grade].expectedLossFen += expectedLossFen(floor, a.probabilityOfDefault, lgd);
    if (p > a.currentLimitFen) {
      inc[a.grade].exposureFen += p - a.currentLimitFen;
      inc[a.grade].expectedLossFen += expectedLossFen(
        p - a.currentLimitFen,
        a.probabilityOfDefault,
        lgd,
      );
    }
  }
  const increaseShare = Object.fromEntries(GRADES.map((g) => [g, 1])) as Record<Grade, number>;
  if (budget) {
    for (const g of GRADES) {
      const cap = budget.byGrade?.[g];
      increaseShare[g] = Math.min(
        share(cap?.maxExposureFen, base[g].exposureFen, inc[g].exposureFen),
        share(cap?.maxExpectedLossFen, base[g].expectedLossFen, inc[g].expectedLossFen),
      );
    }
    let be = 0;
    let bl = 0;
    let ie = 0;
    let il = 0;
    for (const g of GRADES) {
      be += base[g].exposureFen;
      bl += base[g].expectedLossFen;
      ie += increaseShare[g] * inc[g].exposureFen;
      il += increaseShare[g] * inc[g].expectedLossFen;
    }
    const overall = Math.min(
      share(budget.maxExposureFen, be, ie),
      share(budget.maxExpectedLossFen, bl, il),
    );
    for (const g of GRADES) increaseShare[g] *= overall;
  }
  let binding = false;
  const proposals = accounts.map((a) => {
    const p = a.proposal;
    if (!p || p.limitFen <= a.currentLimitFen || increaseShare[a.grade] >= 1) return p;
    const kept = floorToHundredYuan((p.limitFen - a.currentLimitFen) * increaseShare[a.grade]);
    binding = true;
    const limitFen = a.currentLimitFen + kept;
    return {
      limitFen,
      action: limitFen > a.currentLimitFen ? p.action : ('KEEP' as const),
      reasons: [...p.reasons, RISK_BUDGET_REASON],
    };
  });
  const after = portfolioFigures(
    accounts.map((a, i) => ({ ...a, limitFen: proposals[i]?.limitFen ?? a.currentLimitFen })),
    lgd,
  );
  return { proposals, increaseShare, binding, before, after };
}
