/**
 * How a repayment is split (docs/money.md, "Allocation order"). Pure and exact (integer fen):
 *
 * 1. Schedule lines oldest due date first (then plan, then period number) — overdue lines are the
 *    oldest, so they are paid first;
 * 2. within a line: late fee, then fee, then principal;
 * 3. then principal not on any schedule (an opening balance);
 * 4. what is left is kept as unapplied credit on the repayment (never silently dropped).
 */
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
}

export interface Allocation {
  lines: LineAllocation[];
  unscheduledPrincipalFen: number;
  unappliedFen: number;
  totals: { lateFeeFen: number; feeFen: number; principalFen: number };
}

export function byDueOrder(a: AllocLine, b: AllocLine): number {
  return a.dueDate < b.dueDate
    ? -1
    : a.dueDate > b.dueDate
      ? 1
      : Number(a.planId) - Number(b.planId) || a.seq - b.seq;
}

export function allocateRepayment(
  amountFen: number,
  lines: readonly AllocLine[],
  unscheduledPrincipalFen = 0,
): Allocation {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0)
    throw new RangeError('amount must be a positive integer of fen');
  let left = amountFen;
  const out: LineAllocation[] = [];
  const totals = { lateFeeFen: 0, feeFen: 0, principalFen: 0 };
  for (const l of [...lines].sort(byDueOrder)) {
    if (left === 0) break;
    const late = Math.min(left, l.lateFeeFen - l.paidLateFeeFen);
    left -= late;
    const fee = Math.min(left, l.feeFen - l.paidFeeFen);
    left -= fee;
    const principal = Math.min(left, l.principalFen - l.paidPrincipalFen);
    left -= principal;
    if (late + fee + principal > 0) {
      out.push({
        lineId: l.id,
        planId: l.planId,
        lateFeeFen: late,
        feeFen: fee,
        principalFen: principal,
      });
      totals.lateFeeFen += late;
      totals.feeFen += fee;
      totals.principalFen += principal;
    }
  }
  const unscheduled = Math.min(left, Math.max(0, unscheduledPrincipalFen));
  left -= unscheduled;
  return { lines: out, unscheduledPrincipalFen: unscheduled, unappliedFen: left, totals };
}
