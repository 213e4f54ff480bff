/**
 * How a refund lowers a plan (docs/money.md, "Refunds"). Pure and exact (integer fen):
 *
 * - the refund lowers the plan's **unpaid principal from the last installment back**: the last
 *   period first, then the one before, … (the customer keeps the schedule's near dates and the
 *   plan gets shorter, rather than every installment shrinking);
 * - a period whose principal is lowered by `d` has its fee lowered **pro rata**:
 *   `round_half_up(fee × d / principal)` (fee and principal of that period before the refund),
 *   never below what has already been paid of the fee; a period not yet begun whose principal is
 *   then fully paid loses the rest of its fee too (the prepayment rule: payoff would waive it);
 * - what the plan's unpaid principal cannot absorb (principal the customer has already paid)
 *   becomes customer credit.
 */
export interface RefundLine {
  id: string;
  seq: number;
  principalFen: number;
  feeFen: number;
  lateFeeFen: number;
  paidPrincipalFen: number;
  paidFeeFen: number;
  paidLateFeeFen: number;
  begun: boolean;
}

export interface RefundLineChange {
  lineId: string;
  principalReducedFen: number;
  feeReducedFen: number;
  /** Nothing is left to pay on the line (it ends WAIVED). */
  settled: boolean;
}

export interface RefundOnPlan {
  lines: RefundLineChange[];
  principalReducedFen: number;
  feeReducedFen: number;
  creditFen: number;
}

/** `round_half_up(a × b / c)` for non-negative integers, exact. */
export const mulDivHalfUp = (a: number, b: number, c: number): number =>
  Math.floor((2 * a * b + c) / (2 * c));

export function refundOnPlan(amountFen: number, lines: readonly RefundLine[]): RefundOnPlan {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0)
    throw new RangeError('refund must be a positive integer of fen');
  let left = amountFen;
  const out: RefundLineChange[] = [];
  let principal = 0;
  let fee = 0;
  for (const l of [...lines].sort((a, b) => b.seq - a.seq)) {
    if (left === 0) break;
    const unpaid = l.principalFen - l.paidPrincipalFen;
    const d = Math.min(left, unpaid);
    if (d === 0) continue;
    left -= d;
    const unpaidFee = l.feeFen - l.paidFeeFen;
    const principalAfter = l.principalFen - d;
    const finished = principalAfter === l.paidPrincipalFen;
    const f =
      !l.begun && finished
        ? unpaidFee
        : Math.min(unpaidFee, mulDivHalfUp(l.feeFen, d, l.principalFen));
    out.push({
      lineId: l.id,
      principalReducedFen: d,
      feeReducedFen: f,
      settled: finished && l.feeFen - f === l.paidFeeFen && l.lateFeeFen === l.paidLateFeeFen,
    });
    principal += d;
    fee += f;
  }
  return { lines: out, principalReducedFen: principal, feeReducedFen: fee, creditFen: left };
}
