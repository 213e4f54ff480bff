import type { EntityManager } from '@mikro-orm/postgresql';
import { fail, ok, type Outcome } from '../../graphql/errors.js';
import type { Viewer } from '../auth/viewer.js';
import { writeAudit } from '../audit/audit.service.js';
import { withLockedAccount } from '../ledger/locked-account.js';
import { idempotencyScope } from '../idempotency/idempotency.service.js';
import { blankStaffInput } from './staff-input.js';
import { writeLedgerRows } from '../ledger/ledger-rows.js';
import { recordDecision } from '../recovery/restoration.js';
import {
  closePaidOffPlans,
  planAccount,
  releaseCategoryPrincipal,
  unscheduledPrincipal,
} from '../repayments/repayment.service.js';
import {
  revolvingDelinquentLocked,
  waiveRevolvingLocked,
  writeOffRevolvingLocked,
  type RevolvingWaiverResult,
} from '../revolving/revolving.service.js';

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
  /** What the revolving line owed, written off with the rest. */
  revolvingPrincipalFen: number;
  revolvingInterestFen: number;
  revolvingFeesFen: number;
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
  ): Promise<
    Outcome<
      WaiverResult,
      | 'ACCOUNT_NOT_FOUND'
      | 'IDEMPOTENCY_KEY_REUSED'
      | 'INVALID_IDEMPOTENCY_KEY'
      | 'LINE_NOT_FOUND'
      | 'LINE_NOT_OPEN'
      | 'NOTHING_TO_WAIVE'
      | 'PLAN_NOT_FOUND'
      | 'WAIVER_EXCEEDS_UNPAID'
      | 'REASON_REQUIRED'
      | 'REFERENCE_REQUIRED'
    >
  > {
    const blank = blankStaffInput(input);
    if (blank) return blank;
    return withLockedAccount(
      em,
      idempotencyScope(viewer, 'waiveFee', input),
      (tem) => planAccount(tem, input.planId),
      async (tem, acct) => {
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
        await tem.execute(
          `update schedule_lines set status = 'PAID', paid_at = now()
            where id = ? and paid_principal_fen = principal_fen and paid_fee_fen = fee_fen and paid_late_fee_fen = late_fee_fen`,
          [l.id],
        );
        await closePaidOffPlans(tem, [input.planId]);
        await writeLedgerRows(tem, acct, [
          {
            kind: fee ? 'FEE_WAIVED' : 'LATE_FEE_WAIVED',
            amountFen: x,
            refType: 'waiver',
            refId: String(l.id),
          },
        ]);
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
   * Supervisor: waive (part of) the revolving interest or late fee charged for a statement of a
   * revolving line, with a reason (rules: waiveRevolvingLocked, docs/money.md).
   */
  async waiveRevolving(
    em: EntityManager,
    viewer: Viewer,
    input: {
      accountId: string;
      statementSeq: number;
      kind: 'INTEREST' | 'FEE';
      amountFen: number | null;
      reason: string;
      idempotencyKey: string;
    },
    at = new Date(),
  ): Promise<
    Outcome<
      RevolvingWaiverResult,
      | 'ACCOUNT_NOT_FOUND'
      | 'IDEMPOTENCY_KEY_REUSED'
      | 'INVALID_IDEMPOTENCY_KEY'
      | 'NOTHING_TO_WAIVE'
      | 'NOT_REVOLVING'
      | 'STATEMENT_NOT_FOUND'
      | 'WAIVER_EXCEEDS_UNPAID'
      | 'REASON_REQUIRED'
      | 'REFERENCE_REQUIRED'
    >
  > {
    const blank = blankStaffInput(input);
    if (blank) return blank;
    return withLockedAccount(
      em,
      idempotencyScope(viewer, 'waiveRevolvingCharge', input),
      input.accountId,
      (tem, acct) => waiveRevolvingLocked(tem, viewer, acct, input, at.toISOString().slice(0, 10)),
    );
  }

  /**
   * Write off a delinquent account's balance: every unpaid principal, fee and late fee on its
   * active plans, what is left of an opening balance, and all its revolving line owes (principal,
   * interest, fees). Delinquent: an installment past due, or a revolving statement whose minimum
   * payment was not paid by its due date (interest and late fees are accrued to `at` first). The plans close, the lines end WAIVED,
   * the account is frozen (a FREEZE decision) so the principal given back to the limit cannot be
   * spent. Captures without a plan have no due date, so they are never delinquent: not written off.
   */
  async writeOff(
    em: EntityManager,
    viewer: Viewer,
    input: { accountId: string; reason: string; idempotencyKey: string },
    at = new Date(),
  ): Promise<
    Outcome<
      WriteOffResult,
      | 'ACCOUNT_NOT_FOUND'
      | 'IDEMPOTENCY_KEY_REUSED'
      | 'INVALID_IDEMPOTENCY_KEY'
      | 'NOT_DELINQUENT'
      | 'REASON_REQUIRED'
      | 'REFERENCE_REQUIRED'
    >
  > {
    const blank = blankStaffInput(input);
    if (blank) return blank;
    return withLockedAccount(
      em,
      idempotencyScope(viewer, 'writeOffBalance', input),
      input.accountId,
      async (tem, acct) => {
        const revolvingDelinquent = await revolvingDelinquentLocked(
          tem,
          acct.id,
          at.toISOString().slice(0, 10),
        );
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
        if (!revolvingDelinquent && !lines.some((l) => l.status === 'OVERDUE'))
          return fail(
            'NOT_DELINQUENT',
            'Only a delinquent balance (an installment past due, or a revolving statement whose minimum payment is past due) can be written off.',
            'accountId',
          );
        // Read again: bringing the revolving line to the day may have applied credit to it.
        const [now] = await tem.execute<{ outstanding: string }[]>(
          `select outstanding_principal_fen as outstanding from credit_accounts where id = ?`,
          [acct.id],
        );
        const opening = await unscheduledPrincipal(tem, acct.id, Number(now!.outstanding));
        const sum = (k: 'pr' | 'fee' | 'late') => lines.reduce((s, l) => s + Number(l[k]), 0);
        const principal = sum('pr');
        const fee = sum('fee');
        const late = sum('late');
        const lineIds = `{${lines.map((l) => l.id).join(',')}}`;
        await tem.execute(
          `update schedule_lines set late_fee_waived_fen = late_fee_waived_fen + (late_fee_fen - paid_late_fee_fen),
                  principal_fen = paid_principal_fen, fee_fen = paid_fee_fen, late_fee_fen = paid_late_fee_fen, status = 'WAIVED'
            where id = any(?::bigint[])`,
          [lineIds],
        );
        const principalByPlan = new Map<string, number>();
        for (const l of lines)
          principalByPlan.set(
            String(l.plan_id),
            (principalByPlan.get(String(l.plan_id)) ?? 0) + Number(l.pr),
          );
        await tem.execute(
          `update installment_plans set status = 'CLOSED', closed_at = now() where id = any(?::bigint[])`,
          [`{${[...principalByPlan.keys()].join(',')}}`],
        );
        await releaseCategoryPrincipal(tem, acct.id, principalByPlan);
        await tem.execute(
          `update credit_accounts set outstanding_principal_fen = outstanding_principal_fen - ? where id = ?`,
          [principal + opening, acct.id],
        );
        const [w] = await tem.execute<{ id: string }[]>(
          `insert into write_offs (account_id, customer_id, principal_fen, fee_fen, late_fee_fen, reason, agent_id) values (?, ?, ?, ?, ?, ?, ?) returning id`,
          [acct.id, acct.customerId, principal + opening, fee, late, input.reason, agentId(viewer)],
        );
        const id = String(w!.id);
        const ref = { refType: 'write_off', refId: id };
        await writeLedgerRows(tem, acct, [
          {
            kind: 'WRITE_OFF_PRINCIPAL',
            principalDeltaFen: -principal,
            amountFen: principal,
            ...ref,
          },
          {
            kind: 'WRITE_OFF_PRINCIPAL',
            principalDeltaFen: -opening,
            amountFen: opening,
            refType: 'opening_balance',
            refId: id,
          },
          { kind: 'FEE_WAIVED', amountFen: fee, ...ref },
          { kind: 'LATE_FEE_WAIVED', amountFen: late, ...ref },
        ]);
        const rv = await writeOffRevolvingLocked(tem, acct, id);
        if (rv.principalFen + rv.interestFen + rv.feesFen > 0)
          await tem.execute(
            `update write_offs set revolving_principal_fen = ?, revolving_interest_fen = ?, revolving_fees_fen = ? where id = ?`,
            [rv.principalFen, rv.interestFen, rv.feesFen, id],
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
            revolvingPrincipalFen: rv.principalFen,
            revolvingInterestFen: rv.interestFen,
            revolvingFeesFen: rv.feesFen,
            reason: input.reason,
          },
        });
        return ok({
          writeOffId: id,
          accountId: acct.id,
          principalFen: principal + opening,
          feeFen: fee,
          lateFeeFen: late,
          revolvingPrincipalFen: rv.principalFen,
          revolvingInterestFen: rv.interestFen,
          revolvingFeesFen: rv.feesFen,
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
  ): Promise<
    Outcome<
      CreditPayoutResult,
      | 'ACCOUNT_NOT_FOUND'
      | 'CREDIT_INSUFFICIENT'
      | 'IDEMPOTENCY_KEY_REUSED'
      | 'INVALID_IDEMPOTENCY_KEY'
      | 'REASON_REQUIRED'
      | 'REFERENCE_REQUIRED'
    >
  > {
    const blank = blankStaffInput(input);
    if (blank) return blank;
    return withLockedAccount(
      em,
      idempotencyScope(viewer, 'payOutCredit', input),
      input.accountId,
      async (tem, acct) => {
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
        await writeLedgerRows(tem, acct, [
          {
            kind: 'CREDIT_PAYOUT',
            creditDeltaFen: -input.amountFen,
            amountFen: input.amountFen,
            refType: 'credit_payout',
            refId: String(r!.id),
          },
        ]);
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
