import { UNPLANNED_PRINCIPAL_SQL } from '../revolving/unplanned.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { fail, ok, type Outcome } from '../../graphql/errors.js';
import type { Viewer } from '../auth/viewer.js';
import { writeAudit } from '../audit/audit.service.js';
import { idempotencyActor, withIdempotency } from '../idempotency/idempotency.service.js';
import { recordDecision } from '../recovery/restoration.js';
import { lockAccount } from '../repayments/repayment.service.js';

export interface WaiverResult {
  planId: string;
  seq: number;
  kind: 'FEE' | 'LATE_FEE';
  waivedFen: number;
}

export interface WriteOffResult {
  writeOffId: string;
  accountId: string;
  principalFen: number;
  feeFen: number;
  lateFeeFen: number;
}

export interface CreditPayoutResult {
  payoutId: string;
  accountId: string;
  amountFen: number;
  creditBalanceFen: number;
}

const agentId = (v: Viewer) => (v.kind === 'agent' ? v.id : null);

/**
 * Staff money operations (issue 14): a fee or late-fee waiver (supervisor), a write-off of a
 * delinquent balance (risk admin) and paying a customer's credit back out (supervisor). Each is
 * idempotent, runs in one transaction with the account row locked first, writes ledger rows that
 * `reconcile` checks, and an audit row with the reason.
 */
export class StaffMoneyService {
  async waive(
    em: EntityManager,
    viewer: Viewer,
    input: {
      planId: string;
      seq: number;
      kind: 'FEE' | 'LATE_FEE';
      amountFen: number | null;
      reason: string;
      idempotencyKey: string;
    },
  ): Promise<Outcome<WaiverResult>> {
    return withIdempotency(
      em,
      {
        actor: idempotencyActor(viewer),
        operation: 'waiveFee',
        key: input.idempotencyKey,
        input: { ...input, idempotencyKey: undefined },
      },
      async (tem) => {
        const [plan] = await tem.execute<{ account_id: string; status: string }[]>(
          `select account_id, status from installment_plans where id = ?`,
          [input.planId],
        );
        if (!plan) return fail('PLAN_NOT_FOUND', 'There is no such installment plan.', 'planId');
        const acct = (await lockAccount(tem, String(plan.account_id)))!;
        const [l] = await tem.execute<
          {
            id: string;
            fee_fen: string;
            paid_fee_fen: string;
            late_fee_fen: string;
            paid_late_fee_fen: string;
            principal_fen: string;
            paid_principal_fen: string;
            status: string;
          }[]
        >(
          `select id, fee_fen, paid_fee_fen, late_fee_fen, paid_late_fee_fen, principal_fen, paid_principal_fen, status
             from schedule_lines where plan_id = ? and seq = ? for update`,
          [input.planId, input.seq],
        );
        if (!l) return fail('LINE_NOT_FOUND', `The plan has no period ${input.seq}.`, 'seq');
        if (l.status !== 'DUE' && l.status !== 'OVERDUE')
          return fail('LINE_NOT_OPEN', `Period ${input.seq} is ${l.status}.`, 'seq');
        const fee = input.kind === 'FEE';
        const unpaid = fee
          ? Number(l.fee_fen) - Number(l.paid_fee_fen)
          : Number(l.late_fee_fen) - Number(l.paid_late_fee_fen);
        if (unpaid === 0)
          return fail(
            'NOTHING_TO_WAIVE',
            `Period ${input.seq} has no unpaid ${fee ? 'fee' : 'late fee'}.`,
            'kind',
          );
        const x = input.amountFen ?? unpaid;
        if (x > unpaid)
          return fail(
            'WAIVER_EXCEEDS_UNPAID',
            `At most ${(unpaid / 100).toFixed(2)} of this ${fee ? 'fee' : 'late fee'} is unpaid.`,
            'amount',
          );
        await tem.execute(
          fee
            ? `update schedule_lines set fee_fen = fee_fen - ? where id = ?`
            : `update schedule_lines set late_fee_fen = late_fee_fen - ?, late_fee_waived_fen = late_fee_waived_fen + ? where id = ?`,
          fee ? [x, l.id] : [x, x, l.id],
        );
        await settleLinesAndPlans(tem, [String(l.id)], [input.planId]);
        await tem.execute(
          `insert into ledger_entries (account_id, customer_id, kind, amount_fen, ref_type, ref_id) values (?, ?, ?, ?, 'waiver', ?)`,
          [acct.id, acct.customerId, fee ? 'FEE_WAIVED' : 'LATE_FEE_WAIVED', x, l.id],
        );
        await writeAudit(tem, viewer, {
          action: 'waiveFee',
          customerId: acct.customerId,
          targetType: 'InstallmentPlan',
          targetId: input.planId,
          details: { seq: input.seq, kind: input.kind, amountFen: x, reason: input.reason },
        });
        return ok({ planId: input.planId, seq: input.seq, kind: input.kind, waivedFen: x });
      },
    );
  }

  /**
   * Write off a delinquent account's balance: every unpaid principal, fee and late fee on its
   * active plans and what is left of an opening balance. The plans close, the lines end WAIVED,
   * the account is frozen (a FREEZE decision) so the principal given back to the limit cannot be
   * spent. Captures without a plan have no due date, so they are never delinquent: not written off.
   */
  async writeOff(
    em: EntityManager,
    viewer: Viewer,
    input: { accountId: string; reason: string; idempotencyKey: string },
  ): Promise<Outcome<WriteOffResult>> {
    return withIdempotency(
      em,
      {
        actor: idempotencyActor(viewer),
        operation: 'writeOffBalance',
        key: input.idempotencyKey,
        input: { ...input, idempotencyKey: undefined },
      },
      async (tem) => {
        const acct = await lockAccount(tem, input.accountId);
        if (!acct)
          return fail('ACCOUNT_NOT_FOUND', 'There is no such credit account.', 'accountId');
        const lines = await tem.execute<
          {
            id: string;
            plan_id: string;
            status: string;
            pr: string;
            fee: string;
            late: string;
            category: string | null;
          }[]
        >(
          `select sl.id, sl.plan_id, sl.status, sl.principal_fen - sl.paid_principal_fen as pr, sl.fee_fen - sl.paid_fee_fen as fee,
                  sl.late_fee_fen - sl.paid_late_fee_fen as late, h.category
             from schedule_lines sl join installment_plans ip on ip.id = sl.plan_id left join holds h on h.purchase_id = ip.purchase_id
            where sl.account_id = ? and ip.status = 'ACTIVE' and sl.status in ('DUE', 'OVERDUE') for update of sl`,
          [acct.id],
        );
        if (!lines.some((l) => l.status === 'OVERDUE'))
          return fail(
            'NOT_DELINQUENT',
            'Only a delinquent balance (an installment past due) can be written off.',
            'accountId',
          );
        const [u] = await tem.execute<{ lines: string; unplanned: string }[]>(
          `select (select coalesce(sum(sl.principal_fen - sl.paid_principal_fen), 0) from schedule_lines sl join installment_plans ip on ip.id = sl.plan_id
                    where sl.account_id = ? and ip.status = 'ACTIVE')::text as lines,
                  (${UNPLANNED_PRINCIPAL_SQL})::text as unplanned`,
          [acct.id, acct.id, acct.id],
        );
        const opening = Math.max(0, acct.outstanding - Number(u!.lines) - Number(u!.unplanned));
        const sum = (k: 'pr' | 'fee' | 'late') => lines.reduce((s, l) => s + Number(l[k]), 0);
        const principal = sum('pr');
        const fee = sum('fee');
        const late = sum('late');
        await tem.execute(
          `update schedule_lines set late_fee_waived_fen = late_fee_waived_fen + (late_fee_fen - paid_late_fee_fen),
                  principal_fen = paid_principal_fen, fee_fen = paid_fee_fen, late_fee_fen = paid_late_fee_fen, status = 'WAIVED'
            where id = any(?::bigint[])`,
          [`{${lines.map((l) => l.id).join(',')}}`],
        );
        const planIds = [...new Set(lines.map((l) => String(l.plan_id)))];
        await tem.execute(
          `update installment_plans set status = 'CLOSED', closed_at = now() where id = any(?::bigint[])`,
          [`{${planIds.join(',')}}`],
        );
        const byCategory = new Map<string, number>();
        for (const l of lines)
          if (l.category)
            byCategory.set(l.category, (byCategory.get(l.category) ?? 0) + Number(l.pr));
        for (const [category, pr] of byCategory)
          if (pr > 0)
            await tem.execute(
              `update category_limits set used_fen = used_fen - ? where account_id = ? and category = ?`,
              [pr, acct.id, category],
            );
        await tem.execute(
          `update credit_accounts set outstanding_principal_fen = outstanding_principal_fen - ? where id = ?`,
          [principal + opening, acct.id],
        );
        const [w] = await tem.execute<{ id: string }[]>(
          `insert into write_offs (account_id, customer_id, principal_fen, fee_fen, late_fee_fen, reason, agent_id) values (?, ?, ?, ?, ?, ?, ?) returning id`,
          [acct.id, acct.customerId, principal + opening, fee, late, input.reason, agentId(viewer)],
        );
        const id = String(w!.id);
        // [kind, principal Δ, amount, ref_type]
        const ledger: [string, number, number, string][] = [
          ['WRITE_OFF_PRINCIPAL', -principal, principal, 'write_off'],
          ['WRITE_OFF_PRINCIPAL', -opening, opening, 'opening_balance'],
          ['FEE_WAIVED', 0, fee, 'write_off'],
          ['LATE_FEE_WAIVED', 0, late, 'write_off'],
        ];
        const rows = ledger.filter(([, , amount]) => amount > 0);
        if (rows.length > 0)
          await tem.execute(
            `insert into ledger_entries (account_id, customer_id, kind, principal_delta_fen, amount_fen, ref_type, ref_id) values ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
            rows.flatMap(([kind, pd, amount, refType]) => [
              acct.id,
              acct.customerId,
              kind,
              pd,
              amount,
              refType,
              id,
            ]),
          );
        const [a] = await tem.execute<{ status: string; base_limit_fen: string }[]>(
          `select status, base_limit_fen from credit_accounts where id = ?`,
          [acct.id],
        );
        if (a!.status === 'ACTIVE') {
          await tem.execute(
            `update credit_accounts set status = 'FROZEN', frozen_reason = ?, version = version + 1 where id = ?`,
            [`Balance written off: ${input.reason}`.slice(0, 500), acct.id],
          );
          await recordDecision(tem, {
            accountId: acct.id,
            customerId: acct.customerId,
            kind: 'FREEZE',
            baseBefore: Number(a!.base_limit_fen),
            baseAfter: Number(a!.base_limit_fen),
            statusBefore: 'ACTIVE',
            statusAfter: 'FROZEN',
            reasons: ['WRITTEN_OFF'],
            agentId: agentId(viewer),
            note: input.reason,
          });
        }
        await writeAudit(tem, viewer, {
          action: 'writeOffBalance',
          customerId: acct.customerId,
          targetType: 'CreditAccount',
          targetId: acct.id,
          details: {
            writeOffId: id,
            principalFen: principal + opening,
            feeFen: fee,
            lateFeeFen: late,
            reason: input.reason,
          },
        });
        return ok({
          writeOffId: id,
          accountId: acct.id,
          principalFen: principal + opening,
          feeFen: fee,
          lateFeeFen: late,
        });
      },
    );
  }

  /** Pay (part of) a customer's credit balance back to the customer, with the payment reference. */
  async payOutCredit(
    em: EntityManager,
    viewer: Viewer,
    input: {
      accountId: string;
      amountFen: number;
      reference: string;
      reason: string;
      idempotencyKey: string;
    },
  ): Promise<Outcome<CreditPayoutResult>> {
    return withIdempotency(
      em,
      {
        actor: idempotencyActor(viewer),
        operation: 'payOutCredit',
        key: input.idempotencyKey,
        input: { ...input, idempotencyKey: undefined },
      },
      async (tem) => {
        const acct = await lockAccount(tem, input.accountId);
        if (!acct)
          return fail('ACCOUNT_NOT_FOUND', 'There is no such credit account.', 'accountId');
        const [a] = await tem.execute<{ credit: string }[]>(
          `select credit_balance_fen as credit from credit_accounts where id = ?`,
          [acct.id],
        );
        const credit = Number(a!.credit);
        if (input.amountFen > credit)
          return fail(
            'CREDIT_INSUFFICIENT',
            `The customer's credit is ${(credit / 100).toFixed(2)}; pay out at most that.`,
            'amount',
          );
        await tem.execute(
          `update credit_accounts set credit_balance_fen = credit_balance_fen - ? where id = ?`,
          [input.amountFen, acct.id],
        );
        const [r] = await tem.execute<{ id: string }[]>(
          `insert into credit_payouts (account_id, customer_id, amount_fen, reference, reason, agent_id) values (?, ?, ?, ?, ?, ?) returning id`,
          [
            acct.id,
            acct.customerId,
            input.amountFen,
            input.reference,
            input.reason,
            agentId(viewer),
          ],
        );
        await tem.execute(
          `insert into ledger_entries (account_id, customer_id, kind, credit_delta_fen, amount_fen, ref_type, ref_id) values (?, ?, 'CREDIT_PAYOUT', ?, ?, 'credit_payout', ?)`,
          [acct.id, acct.customerId, -input.amountFen, input.amountFen, r!.id],
        );
        await writeAudit(tem, viewer, {
          action: 'payOutCredit',
          customerId: acct.customerId,
          targetType: 'CreditAccount',
          targetId: acct.id,
          details: {
            payoutId: String(r!.id),
            amountFen: input.amountFen,
            reference: input.reference,
            reason: input.reason,
          },
        });
        return ok({
          payoutId: String(r!.id),
          accountId: acct.id,
          amountFen: input.amountFen,
          creditBalanceFen: credit - input.amountFen,
        });
      },
    );
  }
}

/** Lines with nothing left to pay become PAID; plans with no open line PAID_OFF. */
async function settleLinesAndPlans(
  tem: EntityManager,
  lineIds: string[],
  planIds: string[],
): Promise<void> {
  await tem.execute(
    `update schedule_lines set status = 'PAID', paid_at = now()
      where id = any(?::bigint[]) and status in ('DUE', 'OVERDUE')
        and paid_principal_fen = principal_fen and paid_fee_fen = fee_fen and paid_late_fee_fen = late_fee_fen`,
    [`{${lineIds.join(',')}}`],
  );
  await tem.execute(
    `update installment_plans ip set status = 'PAID_OFF', closed_at = now()
      where ip.id = any(?::bigint[]) and ip.status = 'ACTIVE' and not exists (select 1 from schedule_lines s where s.plan_id = ip.id and s.status not in ('PAID', 'WAIVED'))`,
    [`{${planIds.join(',')}}`],
  );
}
