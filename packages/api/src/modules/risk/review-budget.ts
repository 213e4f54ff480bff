/**
 * The portfolio risk budget (issue 16, seed 003) applied where limits go up: the periodic review
 * and promotions. The book is every ACTIVE or FROZEN account with a grade: its base limit plus its
 * live temporary limits, at its stored grade and probability of default. A review batch, or a
 * promotion's grants, is fitted into the caps with the engine's `applyRiskBudget` against the rest
 * of the book; when a cap binds, increases are scaled down (whole ¥100) and carry the reason code
 * `POLICY_RISK_BUDGET`. The review keeps a running figure of the book across its batches (batches
 * are scored one at a time in the JS thread), so the caps hold for the whole run; a resumed run
 * reads the book again from what the committed batches wrote.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  applyRiskBudget,
  GRADES as ENGINE_GRADES,
  type BudgetAccount,
  type Grade,
  type LimitPolicy,
} from '@creditline/scoring';
import { POLICY } from '../decisions/scoring-adapter.js';

export type RiskBudget = NonNullable<LimitPolicy['riskBudget']>;
type Figures = { exposureFen: number; expectedLossFen: number };
type BookFigures = Figures & { byGrade: Record<Grade, Figures> };

let active: RiskBudget | undefined = POLICY.riskBudget;

/** The risk budget the review and promotions apply: the policy's, unless set by a risk admin's deployment or a test. */
export function activeRiskBudget(): RiskBudget | undefined {
  return active;
}

/** Replaces the active risk budget (e.g. from deployment config; tests). `undefined` = the policy's. */
export function setActiveRiskBudget(budget: RiskBudget | undefined): void {
  active = budget ?? POLICY.riskBudget;
}

/** Whether a budget has any cap at all (without one, nothing needs the book's figures). */
export function hasCaps(b: RiskBudget | undefined): b is RiskBudget {
  if (!b) return false;
  if (b.maxExposureFen !== undefined || b.maxExpectedLossFen !== undefined) return true;
  return Object.values(b.byGrade ?? {}).some(
    (g) => g && (g.maxExposureFen !== undefined || g.maxExpectedLossFen !== undefined),
  );
}

const isGrade = (g: string | null | undefined): g is Grade =>
  !!g && (ENGINE_GRADES as readonly string[]).includes(g);

const zero = (): BookFigures => ({
  exposureFen: 0,
  expectedLossFen: 0,
  byGrade: Object.fromEntries(
    ENGINE_GRADES.map((g) => [g, { exposureFen: 0, expectedLossFen: 0 }]),
  ) as Record<Grade, Figures>,
});

function add(f: BookFigures, grade: Grade, limitFen: number, pd: number, lgdBp: number, sign = 1) {
  const el = (limitFen * pd * lgdBp) / 10_000;
  f.exposureFen += sign * limitFen;
  f.expectedLossFen += sign * el;
  f.byGrade[grade].exposureFen += sign * limitFen;
  f.byGrade[grade].expectedLossFen += sign * el;
}

/** Exposure (base + live temporary limits) and expected loss of the book, overall and per grade. */
export async function loadBookFigures(em: EntityManager, lgdBp: number): Promise<BookFigures> {
  const rows = await em.getConnection().execute<{ grade: string; exposure: string; el: number }[]>(
    `select a.grade,
            sum(a.base_limit_fen + coalesce(t.temp, 0))::text as exposure,
            sum((a.base_limit_fen + coalesce(t.temp, 0)) * coalesce(a.probability_of_default, 0))::float8 as el
       from credit_accounts a
       left join (select account_id, sum(amount_fen) as temp from temporary_limits
                   where status = 'ACTIVE' and starts_at <= now() and ends_at > now() group by account_id) t
         on t.account_id = a.id
      where a.status in ('ACTIVE', 'FROZEN') and a.grade is not null
      group by a.grade`,
  );
  const f = zero();
  for (const r of rows) {
    if (!isGrade(r.grade)) continue;
    f.byGrade[r.grade].exposureFen += Number(r.exposure);
    f.byGrade[r.grade].expectedLossFen += (Number(r.el) * lgdBp) / 10_000;
    f.exposureFen += Number(r.exposure);
    f.expectedLossFen += (Number(r.el) * lgdBp) / 10_000;
  }
  return f;
}

/** One reviewed account as the budget sees it: before (stored) and after (this review). */
export interface BudgetedOutcome {
  grade: string;
  pd: number;
  baseBefore: number;
  baseAfter: number;
  /** The stored grade and PD before this review (null: not in the book yet). */
  oldGrade: string | null;
  oldPd: number | null;
  reasons: { code: string }[];
  action: 'INCREASE' | 'DECREASE' | 'KEEP' | 'FREEZE';
}

/**
 * The budget across the batches of one review run. `fit` scales the batch's increases so the book
 * stays within the caps, updates the outcomes in place (limit, action, reason) and moves the
 * running figures to the batch's new limits.
 */
export class ReviewBudget {
  private constructor(
    private readonly budget: RiskBudget,
    private readonly book: BookFigures,
  ) {}

  /** The running budget for a review, or null when the active budget has no caps. */
  static async start(
    em: EntityManager,
    budget: RiskBudget | undefined = activeRiskBudget(),
  ): Promise<ReviewBudget | null> {
    if (!hasCaps(budget)) return null;
    return new ReviewBudget(budget, await loadBookFigures(em, budget.lossGivenDefaultBp ?? 10_000));
  }

  /** Fits the batch's outcomes into the budget; returns how many increases it scaled down. */
  fit<T extends BudgetedOutcome>(outcomes: T[]): number {
    const lgd = this.budget.lossGivenDefaultBp ?? 10_000;
    // The rest of the book: everything but this batch's accounts as they stood before.
    const rest: BookFigures = structuredClone(this.book);
    for (const o of outcomes)
      if (isGrade(o.oldGrade)) add(rest, o.oldGrade, o.baseBefore, o.oldPd ?? 0, lgd, -1);
    const inBook = outcomes.filter((o) => isGrade(o.grade));
    const accounts: BudgetAccount[] = inBook.map((o) => ({
      grade: o.grade as Grade,
      probabilityOfDefault: o.pd,
      currentLimitFen: o.baseBefore,
      proposal: {
        limitFen: o.baseAfter,
        action: o.action,
        reasons: o.reasons.map((r) => r.code),
      },
    }));
    const r = applyRiskBudget(accounts, { ...POLICY, riskBudget: this.budget }, rest);
    let scaled = 0;
    inBook.forEach((o, i) => {
      const p = r.proposals[i]!;
      if (p.limitFen !== o.baseAfter) {
        scaled++;
        o.baseAfter = p.limitFen;
        o.action = p.action;
        // The budget's code goes after the policy codes (before the scorecard's), as the engine orders them.
        const at = o.reasons.findIndex((x) => 'feature' in x && x.feature !== undefined);
        o.reasons.splice(at < 0 ? o.reasons.length : at, 0, { code: 'POLICY_RISK_BUDGET' });
      }
    });
    // The running book: the rest plus the batch at its new limits (temporary limits stay as read).
    for (const o of inBook) add(rest, o.grade as Grade, o.baseAfter, o.pd, lgd);
    Object.assign(this.book, rest);
    return scaled;
  }
}

/**
 * Fits a promotion's grants (temporary limits) into the active budget against the whole book.
 * Returns the grants, scaled where a cap binds (whole ¥100; a grant scaled to 0 is dropped by the
 * caller), and whether each was scaled.
 */
export async function fitGrantsToBudget(
  em: EntityManager,
  grants: { grade: string; pd: number; fen: number }[],
  budget: RiskBudget | undefined = activeRiskBudget(),
): Promise<{ fen: number; scaled: boolean }[]> {
  if (!hasCaps(budget)) return grants.map((g) => ({ fen: g.fen, scaled: false }));
  const book = await loadBookFigures(em, budget.lossGivenDefaultBp ?? 10_000);
  const idx: number[] = [];
  const accounts: BudgetAccount[] = [];
  grants.forEach((g, i) => {
    if (!isGrade(g.grade)) return;
    idx.push(i);
    accounts.push({
      grade: g.grade,
      probabilityOfDefault: g.pd,
      currentLimitFen: 0,
      proposal: { limitFen: g.fen, action: 'INCREASE', reasons: [] },
    });
  });
  const r = applyRiskBudget(accounts, { ...POLICY, riskBudget: budget }, book);
  const out = grants.map((g) => ({ fen: g.fen, scaled: false }));
  idx.forEach((gi, k) => {
    const fen = r.proposals[k]!.limitFen;
    if (fen !== grants[gi]!.fen) out[gi] = { fen, scaled: true };
  });
  return out;
}
