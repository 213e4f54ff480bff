import { recordRevolvingRefund, refundOnRevolving } from '../revolving/revolving.service.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { fail, ok, type Outcome } from '../../graphql/errors.js';
import type { Viewer } from '../auth/viewer.js';
import { writeAudit } from '../audit/audit.service.js';
import { idempotencyScope, withIdempotency } from '../idempotency/idempotency.service.js';
import { periodBegun } from '../plans/pricing.js';
import { restoreCoupon } from '../coupons/coupon.service.js';
import { applyCreditToDue } from '../repayments/repayment.service.js';
import { refundOnPlan, type RefundLine } from './refund-rule.js';

export interface RefundResult {
  refundId: string;
  purchaseId: string;
  principalReducedFen: number;
  feeReducedFen: number;
  creditFen: number;
  /** Written-off principal this refund recovered (not the customer's credit). */
  recoveredFen: number;
  /** Credit applied at once to amounts already due. */
  creditAppliedFen: number;
}

/**
 * Refunds and returns after capture (issue 14). One transaction, account row locked first: the
 * purchase's captures are refunded newest first; on a capture with an active plan the refund
 * lowers the plan (refund-rule.ts), on a capture without a plan it lowers the principal directly,
 * and what was already paid comes back as customer credit (applied at once to amounts due).
 * Principal lowered gives the limit (and the category pool) back. A capture refunded in full
 * gives its plan's coupon back.
 */
export class RefundService {
  async refund(
    em: EntityManager,
    viewer: Viewer,
    input: {
      purchaseId: string;
      amountFen: number;
      merchantReference: string;
      idempotencyKey: string;
    },
  ): Promise<
    Outcome<
      RefundResult,
      | 'DUPLICATE_REFUND_REFERENCE'
      | 'IDEMPOTENCY_KEY_REUSED'
      | 'INVALID_IDEMPOTENCY_KEY'
      | 'PURCHASE_NOT_CAPTURED'
      | 'PURCHASE_NOT_FOUND'
      | 'REFUND_EXCEEDS_REFUNDABLE'
    >
  > {
    return withIdempotency(em, idempotencyScope(viewer, 'refundPurchase', input), (tem) =>
      this.refundInTransaction(tem, viewer, input),
    );
  }

  private async refundInTransaction(
    tem: EntityManager,
    viewer: Viewer,
    input: { purchaseId: string; amountFen: number; merchantReference: string },
  ): Promise<
    Outcome<
      RefundResult,
      | 'DUPLICATE_REFUND_REFERENCE'
      | 'PURCHASE_NOT_CAPTURED'
      | 'PURCHASE_NOT_FOUND'
      | 'REFUND_EXCEEDS_REFUNDABLE'
    >
  > {
    const partnerId = viewer.kind === 'partner' ? viewer.id : null;
    const [pre] = await tem.execute<{ account_id: string; partner_app_id: string | null }[]>(
      `select account_id, partner_app_id from purchases where id = ?`,
      [input.purchaseId],
    );
    if (!pre || (partnerId && String(pre.partner_app_id ?? '') !== partnerId))
      return fail('PURCHASE_NOT_FOUND', 'There is no such purchase.', 'purchaseId');
    // Lock order: account, then purchase, captures, lines.
    await tem.execute(`select 1 from credit_accounts where id = ? for update`, [pre.account_id]);
    const [p] = await tem.execute<
      {
        id: string;
        account_id: string;
        customer_id: string;
        status: string;
        captured_fen: string;
        refunded_fen: string;
      }[]
    >(
      `select id, account_id, customer_id, status, captured_fen, refunded_fen from purchases where id = ? for update`,
      [input.purchaseId],
    );
    const captured = Number(p!.captured_fen);
    const refundable = captured - Number(p!.refunded_fen);
    if (captured === 0)
      return fail(
        'PURCHASE_NOT_CAPTURED',
        `The purchase is ${p!.status}; release the hold instead of refunding.`,
        'purchaseId',
      );
    if (input.amountFen > refundable)
      return fail(
        'REFUND_EXCEEDS_REFUNDABLE',
        `At most ${(refundable / 100).toFixed(2)} of this purchase can still be refunded.`,
        'amount',
      );
    // The reference is unique per partner across customers, but the unique index is per customer
    // (Citus-ready keys) and the account lock serializes one account only: two refunds with one
    // reference on two customers' purchases meet here, one at a time, until this one commits.
    await tem.execute(`select pg_advisory_xact_lock(hashtextextended(?, 14))`, [
      `refund-reference:${partnerId ?? 0}:${input.merchantReference}`,
    ]);
    const [dup] = await tem.execute<{ id: string }[]>(
      `select id from refunds where coalesce(partner_app_id, 0) = ? and merchant_reference = ?`,
      [partnerId ?? 0, input.merchantReference],
    );
    if (dup)
      return fail(
        'DUPLICATE_REFUND_REFERENCE',
        `Refund reference ${input.merchantReference} was already used (refund ${dup.id}); use the merchant's own reference for each refund.`,
        'merchantReference',
      );
    const accountId = String(p!.account_id);
    const customerId = String(p!.customer_id);
    const captures = await tem.execute<
      {
        id: string;
        amount_fen: string;
        refunded_fen: string;
        plan_id: string | null;
        plan_status: string | null;
        coupon_id: string | null;
      }[]
    >(
      `select c.id, c.amount_fen, c.refunded_fen, ip.id as plan_id, ip.status as plan_status, ip.coupon_id
         from captures c left join installment_plans ip on ip.capture_id = c.id
        where c.purchase_id = ? order by c.id desc for update of c`,
      [p!.id],
    );
    const now = new Date();
    let left = input.amountFen;
    let principal = 0;
    let fee = 0;
    let credit = 0;
    // Principal lowered on a revolving balance (no category pool: the revolving line is one pool).
    let revolvingPrincipal = 0;
    // All of the refund that was of card captures (whatever it becomes): what reward points count.
    let revolvingRefunded = 0;
    for (const c of captures) {
      if (left === 0) break;
      const r = Math.min(left, Number(c.amount_fen) - Number(c.refunded_fen));
      if (r === 0) continue;
      left -= r;
      if (!c.plan_id) {
        const rv = await refundOnRevolving(tem, accountId, r, revolvingPrincipal);
        if (rv) {
          revolvingRefunded += r;
          revolvingPrincipal += rv.principalFen;
          credit += rv.creditFen;
        } else principal += r;
      } else if (c.plan_status !== 'ACTIVE') credit += r;
      else {
        const lines = (
          await tem.execute<
            {
              id: string;
              seq: number;
              due_date: string;
              principal_fen: string;
              fee_fen: string;
              late_fee_fen: string;
              paid_principal_fen: string;
              paid_fee_fen: string;
              paid_late_fee_fen: string;
            }[]
          >(
            `select id, seq, to_char(due_date, 'YYYY-MM-DD') as due_date, principal_fen, fee_fen, late_fee_fen, paid_principal_fen, paid_fee_fen, paid_late_fee_fen
               from schedule_lines where plan_id = ? and status in ('DUE', 'OVERDUE') for update`,
            [c.plan_id],
          )
        ).map((l): RefundLine => ({
          id: String(l.id),
          seq: Number(l.seq),
          principalFen: Number(l.principal_fen),
          feeFen: Number(l.fee_fen),
          lateFeeFen: Number(l.late_fee_fen),
          paidPrincipalFen: Number(l.paid_principal_fen),
          paidFeeFen: Number(l.paid_fee_fen),
          paidLateFeeFen: Number(l.paid_late_fee_fen),
          begun: periodBegun(l.due_date, now),
        }));
        const onPlan = refundOnPlan(r, lines);
        for (const ch of onPlan.lines)
          await tem.execute(
            `update schedule_lines set principal_fen = principal_fen - ?, fee_fen = fee_fen - ?,
                    status = case when ? then 'WAIVED' else status end where id = ?`,
            [ch.principalReducedFen, ch.feeReducedFen, ch.settled, ch.lineId],
          );
        principal += onPlan.principalReducedFen;
        fee += onPlan.feeReducedFen;
        credit += onPlan.creditFen;
        await tem.execute(
          `update installment_plans ip set status = 'CLOSED', closed_at = now()
            where ip.id = ? and ip.status = 'ACTIVE' and not exists (select 1 from schedule_lines s where s.plan_id = ip.id and s.status in ('DUE', 'OVERDUE'))`,
          [c.plan_id],
        );
      }
      await tem.execute(`update captures set refunded_fen = refunded_fen + ? where id = ?`, [
        r,
        c.id,
      ]);
      if (c.coupon_id && Number(c.refunded_fen) + r === Number(c.amount_fen))
        await restoreCoupon(tem, String(c.coupon_id));
    }
    if (left !== 0) throw new Error('refund not fully allocated over the captures');
    // What no unpaid principal absorbed would be the customer's credit — but not while the
    // account has written-off principal not yet recovered: that part was never the customer's
    // money (a write-off closes the plans and empties the revolving line, so without this a
    // refund of a written-off purchase became credit in full, payable out by staff).
    let recovered = 0;
    if (credit > 0) {
      const offs = await tem.execute<{ id: string; open: string }[]>(
        `select id, principal_fen + revolving_principal_fen - recovered_fen as open from write_offs
          where account_id = ? and principal_fen + revolving_principal_fen > recovered_fen order by id for update`,
        [accountId],
      );
      for (const w of offs) {
        const x = Math.min(credit - recovered, Number(w.open));
        if (x === 0) break;
        recovered += x;
        await tem.execute(`update write_offs set recovered_fen = recovered_fen + ? where id = ?`, [
          x,
          w.id,
        ]);
      }
      credit -= recovered;
    }
    await tem.execute(`update purchases set refunded_fen = refunded_fen + ? where id = ?`, [
      input.amountFen,
      p!.id,
    ]);
    await tem.execute(
      `update credit_accounts set outstanding_principal_fen = outstanding_principal_fen - ?, credit_balance_fen = credit_balance_fen + ? where id = ?`,
      [principal + revolvingPrincipal, credit, accountId],
    );
    if (principal > 0)
      await tem.execute(
        `update category_limits cl set used_fen = cl.used_fen - ? from holds h
          where h.purchase_id = ? and h.category is not null and cl.account_id = ? and cl.category = h.category`,
        [principal, p!.id, accountId],
      );
    const [row] = await tem.execute<{ id: string }[]>(
      `insert into refunds (purchase_id, account_id, customer_id, partner_app_id, merchant_reference, amount_fen, principal_reduced_fen, fee_reduced_fen, credit_fen, recovered_fen, revolving_fen)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
      [
        p!.id,
        accountId,
        customerId,
        partnerId,
        input.merchantReference,
        input.amountFen,
        principal + revolvingPrincipal,
        fee,
        credit,
        recovered,
        revolvingRefunded,
      ],
    );
    const refundId = String(row!.id);
    // [kind, principal Δ, credit Δ, amount]
    const ledger: [string, number, number, number][] = [
      ['REFUND_PRINCIPAL', -(principal + revolvingPrincipal), 0, principal + revolvingPrincipal],
      ['FEE_WAIVED', 0, 0, fee],
      ['REFUND_CREDIT', 0, credit, credit],
      ['WRITE_OFF_RECOVERY', 0, 0, recovered],
    ];
    const rows = ledger.filter(([, , , amount]) => amount > 0);
    await tem.execute(
      `insert into ledger_entries (account_id, customer_id, kind, principal_delta_fen, credit_delta_fen, amount_fen, ref_type, ref_id) values ${rows.map(() => `(?, ?, ?, ?, ?, ?, 'refund', ?)`).join(', ')}`,
      rows.flatMap(([kind, pd, cd, amount]) => [
        accountId,
        customerId,
        kind,
        pd,
        cd,
        amount,
        refundId,
      ]),
    );
    await recordRevolvingRefund(tem, accountId, customerId, revolvingPrincipal, refundId);
    await writeAudit(tem, viewer, {
      action: 'refundPurchase',
      customerId,
      targetType: 'Purchase',
      targetId: String(p!.id),
      details: {
        refundId,
        amountFen: input.amountFen,
        merchantReference: input.merchantReference,
        principalReducedFen: principal + revolvingPrincipal,
        feeReducedFen: fee,
        creditFen: credit,
        recoveredFen: recovered,
      },
    });
    const applied = credit > 0 ? await applyCreditToDue(tem, accountId) : 0;
    return ok({
      refundId,
      purchaseId: String(p!.id),
      principalReducedFen: principal + revolvingPrincipal,
      feeReducedFen: fee,
      creditFen: credit,
      recoveredFen: recovered,
      creditAppliedFen: applied,
    });
  }
}
