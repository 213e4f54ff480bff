import { blankStaffInput } from '../credit/staff-input.js';
import { UNPLANNED_PRINCIPAL_SQL } from '../revolving/unplanned.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { fail, ok, type Outcome } from '../../graphql/errors.js';
import type { Viewer } from '../auth/viewer.js';
import { writeAudit } from '../audit/audit.service.js';
import { lockAccount, withLockedAccount, type LockedAccount } from '../ledger/locked-account.js';
import { idempotencyScope } from '../idempotency/idempotency.service.js';
import { payoffFor, type PayoffLine } from '../plans/pricing.js';
import { applyEarnedRestorationStages } from '../recovery/restoration.js';
import { onRepayment } from '../lifecycle/after-overdue.js';
import { writeLedgerRows } from '../ledger/ledger-rows.js';
import { allocateRepayment, type AllocLine, type Allocation } from './allocation.js';

export interface RepaymentResult {
  repaymentId: string;
  accountId: string;
  principalFen: number;
  feeFen: number;
  lateFeeFen: number;
  unappliedFen: number;
}

interface LineRow {
  id: string;
  plan_id: string;
  due_date: string | Date;
  seq: number;
  principal_fen: string;
  fee_fen: string;
  late_fee_fen: string;
  paid_principal_fen: string;
  paid_fee_fen: string;
  paid_late_fee_fen: string;
}

export { lockAccount };

/** The account of an installment plan (PLAN_NOT_FOUND when there is none). */
export async function planAccount(
  tem: EntityManager,
  planId: string,
): Promise<Outcome<string, 'PLAN_NOT_FOUND'>> {
  const [plan] = await tem.execute<{ account_id: string }[]>(
    `select account_id from installment_plans where id = ?`,
    [planId],
  );
  return plan
    ? ok(String(plan.account_id))
    : fail('PLAN_NOT_FOUND', 'There is no such installment plan.', 'planId');
}

const isoDay = (d: string | Date) =>
  typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);

function toAllocLine(r: LineRow): AllocLine & PayoffLine {
  return {
    id: String(r.id),
    planId: String(r.plan_id),
    dueDate: isoDay(r.due_date),
    seq: Number(r.seq),
    principalFen: Number(r.principal_fen),
    feeFen: Number(r.fee_fen),
    lateFeeFen: Number(r.late_fee_fen),
    paidPrincipalFen: Number(r.paid_principal_fen),
    paidFeeFen: Number(r.paid_fee_fen),
    paidLateFeeFen: Number(r.paid_late_fee_fen),
  };
}

const LINE_COLUMNS = `sl.id, sl.plan_id, to_char(sl.due_date, 'YYYY-MM-DD') as due_date, sl.seq, sl.principal_fen, sl.fee_fen, sl.late_fee_fen, sl.paid_principal_fen, sl.paid_fee_fen, sl.paid_late_fee_fen`;

/**
 * Repayments: allocation (allocation.ts), schedule lines, plans, the account's outstanding
 * principal, category pools, ledger rows, the audit row and the idempotent response, all in one
 * transaction that starts by locking the account row (the same lock every money path takes first).
 */
export interface PaymentRef {
  reference: string;
  channel: string;
}
/** One payment is recorded once: a partner's reference names one repayment. */
export class DuplicatePaymentReference extends Error {
  constructor() {
    super('duplicate payment reference');
  }
}
export const duplicateReference = () =>
  fail(
    'DUPLICATE_PAYMENT_REFERENCE',
    'A repayment with this paymentReference was already recorded (under another idempotencyKey); a payment is recorded once.',
    'paymentReference',
  );

async function referenceUsed(tem: EntityManager, viewer: Viewer, payment?: PaymentRef) {
  if (!payment || viewer.kind !== 'partner') return false;
  const rows = await tem.execute(
    `select 1 from repayments where partner_app_id = ? and payment_reference = ?`,
    [viewer.id, payment.reference],
  );
  return rows.length > 0;
}

export class RepaymentService {
  async record(
    em: EntityManager,
    viewer: Viewer,
    input: {
      accountId: string;
      amountFen: number;
      idempotencyKey: string;
      /** The payer's own id for this payment (unique per partner app) and how it was paid. */
      payment?: PaymentRef;
    },
  ): Promise<
    Outcome<
      RepaymentResult,
      | 'ACCOUNT_NOT_FOUND'
      | 'DUPLICATE_PAYMENT_REFERENCE'
      | 'IDEMPOTENCY_KEY_REUSED'
      | 'INVALID_IDEMPOTENCY_KEY'
    >
  > {
    return withLockedAccount(
      em,
      idempotencyScope(viewer, 'recordRepayment', input, {
        accountId: input.accountId,
        amountFen: input.amountFen,
        payment: input.payment,
      }),
      input.accountId,
      async (tem, acct) => {
        if (await referenceUsed(tem, viewer, input.payment)) return duplicateReference();
        return ok(
          await repayLocked(
            tem,
            viewer,
            acct,
            input.amountFen,
            'recordRepayment',
            undefined,
            input.payment,
          ),
        );
      },
    );
  }

  /**
   * Staff post money received through another channel (bank transfer, counter): the same
   * allocation as a repayment, with the channel and its reference (unique per channel: the same
   * transfer can never be posted twice, whatever the idempotency key).
   */
  async postExternal(
    em: EntityManager,
    viewer: Viewer,
    input: {
      accountId: string;
      amountFen: number;
      channel: string;
      reference: string;
      idempotencyKey: string;
    },
  ): Promise<
    Outcome<
      RepaymentResult,
      | 'ACCOUNT_NOT_FOUND'
      | 'DUPLICATE_REFERENCE'
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
      idempotencyScope(viewer, 'postExternalRepayment', input),
      input.accountId,
      async (tem, acct) => {
        const [dup] = await tem.execute<{ id: string }[]>(
          `select id from repayments where channel = ? and external_reference = ?`,
          [input.channel, input.reference],
        );
        if (dup)
          return fail(
            'DUPLICATE_REFERENCE',
            `A repayment with reference ${input.reference} through ${input.channel} was already posted (repayment ${dup.id}).`,
            'reference',
          );
        return ok(
          await repayLocked(tem, viewer, acct, input.amountFen, 'postExternalRepayment', {
            source: 'OTHER_CHANNEL',
            channel: input.channel,
            reference: input.reference,
          }),
        );
      },
    );
  }

  /** What paying a plan off today costs: remaining principal, begun periods' fees, late fees; later fees waived. */
  async payoffQuote(
    em: EntityManager,
    planId: string,
    asOf = new Date(),
  ): Promise<
    Outcome<ReturnType<typeof payoffFor> & { planId: string }, 'PLAN_NOT_ACTIVE' | 'PLAN_NOT_FOUND'>
  > {
    const lines = (
      await em.execute<LineRow[]>(
        `select ${LINE_COLUMNS} from schedule_lines sl where sl.plan_id = ? and sl.status in ('DUE', 'OVERDUE')`,
        [planId],
      )
    ).map(toAllocLine);
    const [plan] = await em.execute<{ status: string }[]>(
      `select status from installment_plans where id = ?`,
      [planId],
    );
    if (!plan) return fail('PLAN_NOT_FOUND', 'There is no such installment plan.', 'planId');
    if (plan.status !== 'ACTIVE')
      return fail('PLAN_NOT_ACTIVE', `The plan is ${plan.status}.`, 'planId');
    return ok({ planId, ...payoffFor(lines, asOf) });
  }

  /** Pay a plan off now at its payoff quote: waive the fees of periods not begun, then pay everything else. */
  async repayEarly(
    em: EntityManager,
    viewer: Viewer,
    input: { planId: string; idempotencyKey: string; payment?: PaymentRef },
  ): Promise<
    Outcome<
      RepaymentResult,
      | 'ACCOUNT_NOT_FOUND'
      | 'DUPLICATE_PAYMENT_REFERENCE'
      | 'IDEMPOTENCY_KEY_REUSED'
      | 'INVALID_IDEMPOTENCY_KEY'
      | 'PLAN_NOT_ACTIVE'
      | 'PLAN_NOT_FOUND'
    >
  > {
    return withLockedAccount(
      em,
      idempotencyScope(viewer, 'repayEarly', input, {
        planId: input.planId,
        payment: input.payment,
      }),
      (tem) => planAccount(tem, input.planId),
      async (tem, acct) => {
        const [again] = await tem.execute<{ status: string }[]>(
          `select status from installment_plans where id = ? for update`,
          [input.planId],
        );
        if (again!.status !== 'ACTIVE')
          return fail('PLAN_NOT_ACTIVE', `The plan is ${again!.status}.`, 'planId');
        if (await referenceUsed(tem, viewer, input.payment)) return duplicateReference();
        const lines = (
          await tem.execute<LineRow[]>(
            `select ${LINE_COLUMNS} from schedule_lines sl where sl.plan_id = ? and sl.status in ('DUE', 'OVERDUE') for update`,
            [input.planId],
          )
        ).map(toAllocLine);
        // One prepayment rule (allocation.ts): paying the payoff quote through the allocation
        // waives exactly the fees the quote waives — checked, so the two can never drift apart.
        const asOf = new Date();
        const payoff = payoffFor(lines, asOf);
        const alloc = allocateRepayment(payoff.totalFen, lines, 0, asOf);
        if (alloc.unappliedFen !== 0 || alloc.totals.feeWaivedFen !== payoff.waivedFeeFen)
          throw new Error('payoff and repayment disagree on this plan');
        return ok(
          await applyAllocation(
            tem,
            viewer,
            acct,
            payoff.totalFen,
            alloc,
            'repayEarly',
            undefined,
            input.payment,
          ),
        );
      },
    );
  }
}

/** A repayment of `amountFen` on a locked account: oldest due first, the rest kept as credit. */
async function repayLocked(
  tem: EntityManager,
  viewer: Viewer,
  acct: LockedAccount,
  amountFen: number,
  action: string,
  source?: RepaymentSource,
  payment?: PaymentRef,
): Promise<RepaymentResult> {
  const lines = await openLines(tem, acct.id);
  const unscheduled = await unscheduledPrincipal(tem, acct.id, acct.outstanding);
  const alloc = allocateRepayment(amountFen, lines, unscheduled, new Date());
  return applyAllocation(tem, viewer, acct, amountFen, alloc, action, source, payment);
}

async function openLines(tem: EntityManager, accountId: string, dueBy?: string) {
  return (
    await tem.execute<LineRow[]>(
      `select ${LINE_COLUMNS} from schedule_lines sl join installment_plans ip on ip.id = sl.plan_id
        where sl.account_id = ? and ip.status = 'ACTIVE' and sl.status in ('DUE', 'OVERDUE')
          ${dueBy ? 'and sl.due_date <= ?::date' : ''} for update of sl`,
      dueBy ? [accountId, dueBy] : [accountId],
    )
  ).map(toAllocLine);
}

/**
 * Apply the customer's credit balance to amounts already due (due date on or before `asOf`),
 * oldest first — called before the overdue job charges any late fee, and whenever credit
 * arises, so a customer whose credit covers what is due is never charged a late fee or frozen.
 * The account row must be locked by the caller. Returns the amount applied.
 */
export async function applyCreditToDue(
  tem: EntityManager,
  accountId: string,
  asOf = new Date(),
): Promise<number> {
  const [a] = await tem.execute<
    {
      id: string;
      customer_id: string;
      outstanding_principal_fen: string;
      credit_balance_fen: string;
    }[]
  >(
    `select id, customer_id, outstanding_principal_fen, credit_balance_fen from credit_accounts where id = ?`,
    [accountId],
  );
  const credit = Number(a?.credit_balance_fen ?? 0);
  if (!a || credit <= 0) return 0;
  const lines = await openLines(tem, accountId, asOf.toISOString().slice(0, 10));
  const due = lines.reduce(
    (s, l) =>
      s +
      l.lateFeeFen -
      l.paidLateFeeFen +
      l.feeFen -
      l.paidFeeFen +
      l.principalFen -
      l.paidPrincipalFen,
    0,
  );
  const amount = Math.min(credit, due);
  if (amount <= 0) return 0;
  const alloc = allocateRepayment(amount, lines, 0, null);
  await applyAllocation(
    tem,
    { kind: 'anonymous' },
    { id: String(a.id), customerId: String(a.customer_id) },
    amount,
    alloc,
    'applyCredit',
    { source: 'CREDIT' },
  );
  return amount;
}

type RepaymentSource =
  { source: 'OTHER_CHANNEL'; channel: string; reference: string } | { source: 'CREDIT' };

/** Outstanding principal on no schedule: not on an ACTIVE plan's lines and not a capture still without a plan (an opening balance). */
export async function unscheduledPrincipal(
  tem: EntityManager,
  accountId: string,
  outstanding: number,
): Promise<number> {
  const [r] = await tem.execute<{ lines: string; unplanned: string }[]>(
    `select (select coalesce(sum(sl.principal_fen - sl.paid_principal_fen), 0) from schedule_lines sl join installment_plans ip on ip.id = sl.plan_id
              where sl.account_id = ? and ip.status = 'ACTIVE')::text as lines,
            (${UNPLANNED_PRINCIPAL_SQL})::text as unplanned`,
    [accountId, accountId, accountId],
  );
  return Math.max(0, outstanding - Number(r!.lines) - Number(r!.unplanned));
}

/** Active plans with no open line left become PAID_OFF. */
export async function closePaidOffPlans(tem: EntityManager, planIds: string[]): Promise<void> {
  if (planIds.length === 0) return;
  await tem.execute(
    `update installment_plans ip set status = 'PAID_OFF', closed_at = now()
      where ip.id = any(?::bigint[]) and ip.status = 'ACTIVE' and not exists (select 1 from schedule_lines s where s.plan_id = ip.id and s.status not in ('PAID', 'WAIVED'))`,
    [`{${planIds.join(',')}}`],
  );
}

/**
 * Principal that leaves a plan (repaid or written off) gives back the category pool its purchase
 * was charged to (holds.category is set only then). `principalByPlan`: plan id → principal.
 */
export async function releaseCategoryPrincipal(
  tem: EntityManager,
  accountId: string,
  principalByPlan: Map<string, number>,
): Promise<void> {
  const planIds = [...principalByPlan].filter(([, pr]) => pr > 0).map(([id]) => id);
  if (planIds.length === 0) return;
  const cats = await tem.execute<{ plan_id: string; category: string }[]>(
    `select ip.id as plan_id, h.category from installment_plans ip join holds h on h.purchase_id = ip.purchase_id
      where ip.id = any(?::bigint[]) and h.category is not null`,
    [`{${planIds.join(',')}}`],
  );
  const byCategory = new Map<string, number>();
  for (const c of cats)
    byCategory.set(
      c.category,
      (byCategory.get(c.category) ?? 0) + principalByPlan.get(String(c.plan_id))!,
    );
  for (const [category, pr] of byCategory)
    await tem.execute(
      `update category_limits set used_fen = used_fen - ? where account_id = ? and category = ?`,
      [pr, accountId, category],
    );
}

export async function applyAllocation(
  tem: EntityManager,
  viewer: Viewer,
  acct: { id: string; customerId: string },
  amountFen: number,
  alloc: Allocation,
  action: string,
  source?: RepaymentSource,
  payment?: PaymentRef,
): Promise<RepaymentResult> {
  const principal = alloc.totals.principalFen + alloc.unscheduledPrincipalFen;
  // The first write of the step: a reference already used by this partner writes nothing at all.
  const [rep] = await tem.execute<{ id: string }[]>(
    `insert into repayments (account_id, customer_id, partner_app_id, amount_fen, principal_fen, fee_fen, late_fee_fen, unapplied_fen, allocation, source, channel, external_reference, posted_by_agent_id, payment_reference, payment_channel)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)
     on conflict (partner_app_id, payment_reference, customer_id) where payment_reference is not null do nothing
     returning id`,
    [
      acct.id,
      acct.customerId,
      viewer.kind === 'partner' ? viewer.id : null,
      amountFen,
      principal,
      alloc.totals.feeFen,
      alloc.totals.lateFeeFen,
      alloc.unappliedFen,
      JSON.stringify({
        lines: alloc.lines,
        unscheduledPrincipalFen: alloc.unscheduledPrincipalFen,
      }),
      source?.source ?? 'CUSTOMER',
      source?.source === 'OTHER_CHANNEL' ? source.channel : null,
      source?.source === 'OTHER_CHANNEL' ? source.reference : null,
      source?.source === 'OTHER_CHANNEL' && viewer.kind === 'agent' ? viewer.id : null,
      payment?.reference ?? null,
      payment?.channel ?? null,
    ],
  );
  // Checked before the step began; two first uses racing on different accounts end here.
  if (!rep) throw new DuplicatePaymentReference();
  const repaymentId = String(rep.id);
  if (alloc.lines.length > 0) {
    const values = alloc.lines
      .map(() => '(?::bigint, ?::bigint, ?::bigint, ?::bigint, ?::bigint)')
      .join(', ');
    const settled = `s.paid_late_fee_fen + v.late = s.late_fee_fen and s.paid_fee_fen + v.fee = s.fee_fen - v.waived and s.paid_principal_fen + v.pr = s.principal_fen`;
    await tem.execute(
      `update schedule_lines s set
         paid_late_fee_fen = s.paid_late_fee_fen + v.late, paid_fee_fen = s.paid_fee_fen + v.fee, paid_principal_fen = s.paid_principal_fen + v.pr,
         fee_fen = s.fee_fen - v.waived,
         status = case when ${settled} then 'PAID' else s.status end,
         paid_at = case when ${settled} then now() else s.paid_at end
       from (values ${values}) v(id, late, fee, pr, waived) where s.id = v.id`,
      alloc.lines.flatMap((l) => [
        l.lineId,
        l.lateFeeFen,
        l.feeFen,
        l.principalFen,
        l.feeWaivedFen,
      ]),
    );
    const principalByPlan = new Map<string, number>();
    for (const l of alloc.lines)
      principalByPlan.set(l.planId, (principalByPlan.get(l.planId) ?? 0) + l.principalFen);
    await closePaidOffPlans(tem, [...principalByPlan.keys()]);
    await releaseCategoryPrincipal(tem, acct.id, principalByPlan);
  }
  if (principal > 0)
    await tem.execute(
      `update credit_accounts set outstanding_principal_fen = outstanding_principal_fen - ? where id = ?`,
      [principal, acct.id],
    );
  // Credit: an overpayment adds to the customer's balance; a repayment paid from credit takes it.
  const creditDelta = alloc.unappliedFen - (source?.source === 'CREDIT' ? amountFen : 0);
  if (creditDelta !== 0)
    await tem.execute(
      `update credit_accounts set credit_balance_fen = credit_balance_fen + ? where id = ?`,
      [creditDelta, acct.id],
    );
  const ref = { refType: 'repayment', refId: repaymentId };
  await writeLedgerRows(tem, acct, [
    {
      kind: 'CREDIT_APPLIED',
      creditDeltaFen: -amountFen,
      amountFen: source?.source === 'CREDIT' ? amountFen : 0,
      ...ref,
    },
    { kind: 'REPAY_LATE_FEE', amountFen: alloc.totals.lateFeeFen, ...ref },
    { kind: 'REPAY_FEE', amountFen: alloc.totals.feeFen, ...ref },
    { kind: 'FEE_WAIVED', amountFen: alloc.totals.feeWaivedFen, ...ref },
    {
      kind: 'REPAY_PRINCIPAL',
      principalDeltaFen: -alloc.totals.principalFen,
      amountFen: alloc.totals.principalFen,
      ...ref,
    },
    {
      kind: 'REPAY_PRINCIPAL',
      principalDeltaFen: -alloc.unscheduledPrincipalFen,
      amountFen: alloc.unscheduledPrincipalFen,
      refType: 'opening_balance',
      refId: repaymentId,
    },
    {
      kind: 'OVERPAYMENT',
      creditDeltaFen: alloc.unappliedFen,
      amountFen: alloc.unappliedFen,
      ...ref,
    },
  ]);
  await writeAudit(tem, viewer, {
    action,
    customerId: acct.customerId,
    targetType: 'Repayment',
    targetId: repaymentId,
    details: {
      amountFen,
      principalFen: principal,
      feeFen: alloc.totals.feeFen,
      lateFeeFen: alloc.totals.lateFeeFen,
      unappliedFen: alloc.unappliedFen,
      feeWaivedFen: alloc.totals.feeWaivedFen,
      ...(source ? { source: source.source } : {}),
      ...(source?.source === 'OTHER_CHANNEL'
        ? { channel: source.channel, reference: source.reference }
        : {}),
    },
  });
  if (alloc.lines.length > 0) await applyEarnedRestorationStages(tem, acct.id);
  if (alloc.lines.length > 0) await onRepayment(tem, acct);
  return {
    repaymentId,
    accountId: acct.id,
    principalFen: principal,
    feeFen: alloc.totals.feeFen,
    lateFeeFen: alloc.totals.lateFeeFen,
    unappliedFen: alloc.unappliedFen,
  };
}
