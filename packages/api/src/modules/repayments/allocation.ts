/**
 * How a repayment is split (docs/money.md, "Allocation order"). Pure and exact (integer fen):
 *
 * 1. Schedule lines oldest due date first (then plan, then period number) — overdue lines are the
 *    oldest, so they are paid first;
 * 2. within a line: late fee, then fee, then principal;
 * 3. **the prepayment rule**: a line whose period has not begun yet (`asOf` is before its due date
 *    minus one calendar month) gets principal only — its fee is never paid ahead, and once its
 *    principal is fully paid that fee is waived (`feeWaivedFen`), exactly as a payoff would
 *    waive it; so paying a plan's payoff quote through a repayment pays it off the same way;
 * 4. then principal not on any schedule (an opening balance);
 * 5. what is left is kept as unapplied credit on the repayment (never silently dropped).
 */
import { periodBegun } from '../plans/pricing.js';

export interface AllocLine {
  id: string;
  planId: string;
  dueDate: string;
  seq: number;
  principalFen: number;
  feeFen: number;
  lateFeeFen: number;
  paidPrincipalFen: number;
  paidFeeFen: number;
  paidLateFeeFen: number;
}

export interface LineAllocation {
  lineId: string;
  planId: string;
  lateFeeFen: number;
  feeFen: number;
  principalFen: number;
  /** Fee of a period not begun whose principal this repayment finished: waived, never paid. */
  feeWaivedFen: number;
}

export interface Allocation {
  lines: LineAllocation[];
  unscheduledPrincipalFen: number;
  unappliedFen: number;
  totals: { lateFeeFen: number; feeFen: number; principalFen: number; feeWaivedFen: number };
}

export function byDueOrder(a: AllocLine, b: AllocLine): number {
  return a.dueDate < b.dueDate
    ? -1
    : a.dueDate > b.dueDate
      ? 1
      : Number(a.planId) - Number(b.planId) || a.seq - b.seq;
}

/**
 * `asOf` decides which periods have begun; `null` treats every period as begun (the allocation
 * of amounts already due, e.g. credit applied to lines due today, where the rule cannot apply).
 */
export function allocateRepayment(
  amountFen: number,
  lines: readonly AllocLine[],
  unscheduledPrincipalFen = 0,
  asOf: Date | null = null,
): Allocation {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0)
    throw new RangeError('amount must be a positive integer of fen');
  let left = amountFen;
  const out: LineAllocation[] = [];
  const totals = { lateFeeFen: 0, feeFen: 0, principalFen: 0, feeWaivedFen: 0 };
  for (const l of [...lines].sort(byDueOrder)) {
    const begun = asOf === null || periodBegun(l.dueDate, asOf);
    // With nothing left, only a period not begun whose principal is already paid still changes:
    // its fee is waived (as the payoff quote waives it), which costs nothing.
    if (
      left === 0 &&
      (begun || l.principalFen > l.paidPrincipalFen || l.lateFeeFen > l.paidLateFeeFen)
    )
      continue;
    const late = Math.min(left, l.lateFeeFen - l.paidLateFeeFen);
    left -= late;
    const fee = begun ? Math.min(left, l.feeFen - l.paidFeeFen) : 0;
    left -= fee;
    const principalDue = l.principalFen - l.paidPrincipalFen;
    const principal = Math.min(left, principalDue);
    left -= principal;
    const waived =
      !begun && principal === principalDue && late === l.lateFeeFen - l.paidLateFeeFen
        ? l.feeFen - l.paidFeeFen
        : 0;
    if (late + fee + principal + waived > 0) {
      out.push({
        lineId: l.id,
        planId: l.planId,
        lateFeeFen: late,
        feeFen: fee,
        principalFen: principal,
        feeWaivedFen: waived,
      });
      totals.lateFeeFen += late;
      totals.feeFen += fee;
      totals.principalFen += principal;
      totals.feeWaivedFen += waived;
    }
  }
  const unscheduled = Math.min(left, Math.max(0, unscheduledPrincipalFen));
  left -= unscheduled;
  return { lines: out, unscheduledPrincipalFen: unscheduled, unappliedFen: left, totals };
}
