import type { EntityManager } from '@mikro-orm/postgresql';
import { raiseNotice } from '../notices/notice-events.js';
import { applyDueRestorationStages, recordDecision } from '../recovery/restoration.js';
import { applyCreditToDue } from '../repayments/repayment.service.js';
import { emitPartnerEvent } from '../webhooks/webhook-events.js';
import { runTriggeredReview } from '../decisions/triggered-review.js';
import { FREEZE_AFTER_DAYS, REVIEW_AFTER_DAYS, lateFeeFor } from '../plans/pricing.js';

/** Delinquency buckets by days past due. */
export function bucketOf(daysPastDue: number): string | null {
  if (daysPastDue <= 0) return null;
  if (daysPastDue <= 30) return '1-30';
  if (daysPastDue <= 60) return '31-60';
  if (daysPastDue <= 90) return '61-90';
  return '90+';
}

const DAY = 86_400_000;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

export interface OverdueRunResult {
  accounts: number;
  linesOverdue: number;
  lateFeesFen: number;
  frozen: number;
  reviews: number;
  dueSoonNotices: number;
}

/**
 * The overdue job, as of a day: for every unpaid schedule line due before that day, days past
 * due and the late fee (cumulative, never lowered); per account the bucket, notices (once per
 * line and bucket), a triggered review that rescores the customer at REVIEW_AFTER_DAYS (once per
 * overdue episode) and a freeze at FREEZE_AFTER_DAYS.
 * One transaction per account (account row locked first, like every money path); rerunnable.
 */
export async function runOverdue(
  em: EntityManager,
  asOf = new Date(),
  batch = 500,
): Promise<OverdueRunResult> {
  const res: OverdueRunResult = {
    accounts: 0,
    linesOverdue: 0,
    lateFeesFen: 0,
    frozen: 0,
    reviews: 0,
    dueSoonNotices: 0,
  };
  const today = dayOf(asOf);
  let after = '0';
  for (;;) {
    // Walks customer id ranges (docs/scaling.md); each account is then its own transaction.
    const accounts = await em.execute<{ account_id: string; customer_id: string }[]>(
      // Lines due today too: a customer's credit is applied to them on their due date.
      `select customer_id, account_id from schedule_lines where status in ('DUE', 'OVERDUE') and due_date <= ?::date and customer_id > ?
        group by customer_id, account_id order by customer_id limit ?`,
      [today, after, batch],
    );
    if (accounts.length === 0) break;
    for (const { account_id } of accounts) {
      await em.transactional((tem) => overdueForAccount(tem, String(account_id), asOf, res));
      res.accounts++;
    }
    after = String(accounts.at(-1)!.customer_id);
  }
  // Restoration stages are earned as installments paid on time fall due (restoration.ts).
  await applyDueRestorationStages(em, asOf);
  // Due soon (within 3 days): one notice per line.
  const soon = await em.execute<{ id: string; customer_id: string; due_date: string }[]>(
    `select id, customer_id, to_char(due_date, 'YYYY-MM-DD') as due_date from schedule_lines where status = 'DUE' and due_date >= ?::date and due_date <= ?::date`,
    [today, dayOf(new Date(asOf.getTime() + 3 * DAY))],
  );
  for (const l of soon) {
    if (
      await raiseNotice(em, {
        customerId: String(l.customer_id),
        kind: 'DUE_SOON',
        eventKey: `due-soon:${l.id}`,
        payload: { lineId: String(l.id), dueDate: l.due_date },
        deliverBy: ['SMS', 'EMAIL'],
      })
    )
      res.dueSoonNotices++;
  }
  return res;
}

async function overdueForAccount(
  tem: EntityManager,
  accountId: string,
  asOf: Date,
  res: OverdueRunResult,
): Promise<void> {
  const [a] = await tem.execute<
    { id: string; customer_id: string; status: string; base_limit_fen: string }[]
  >(`select id, customer_id, status, base_limit_fen from credit_accounts where id = ? for update`, [
    accountId,
  ]);
  if (!a) return;
  const customerId = String(a.customer_id);
  // Credit first: the customer's own money pays what is due before any late fee accrues, so a
  // customer whose credit covers what is due is never charged a late fee nor frozen.
  await applyCreditToDue(tem, accountId, asOf);
  const lines = await tem.execute<
    {
      id: string;
      plan_id: string;
      due_date: string;
      principal_fen: string;
      paid_principal_fen: string;
      fee_fen: string;
      paid_fee_fen: string;
      late_fee_fen: string;
      late_fee_waived_fen: string;
    }[]
  >(
    `select id, plan_id::text, to_char(due_date, 'YYYY-MM-DD') as due_date, principal_fen, paid_principal_fen, fee_fen, paid_fee_fen, late_fee_fen, late_fee_waived_fen
       from schedule_lines where account_id = ? and status in ('DUE', 'OVERDUE') and due_date < ?::date order by due_date, id for update`,
    [accountId, dayOf(asOf)],
  );
  let maxDpd = 0;
  let lateTotal = 0;
  let overdueTotal = 0;
  for (const l of lines) {
    const dpd = Math.floor(
      (Date.parse(`${dayOf(asOf)}T00:00:00Z`) - Date.parse(`${l.due_date}T00:00:00Z`)) / DAY,
    );
    const overdueFen =
      Number(l.principal_fen) -
      Number(l.paid_principal_fen) +
      Number(l.fee_fen) -
      Number(l.paid_fee_fen);
    const target = lateFeeFor(overdueFen, dpd);
    // A waived late fee counts as charged: the job never charges it again.
    const delta = Math.max(0, target - Number(l.late_fee_fen) - Number(l.late_fee_waived_fen));
    await tem.execute(
      `update schedule_lines set status = 'OVERDUE', days_past_due = greatest(days_past_due, ?), late_fee_fen = late_fee_fen + ? where id = ?`,
      [dpd, delta, l.id],
    );
    lateTotal += delta;
    overdueTotal += overdueFen;
    maxDpd = Math.max(maxDpd, dpd);
    res.linesOverdue++;
    const payload = {
      lineId: String(l.id),
      dueDate: l.due_date,
      daysPastDue: dpd,
      bucket: bucketOf(dpd),
      overdueFen,
    };
    // Once per line and bucket (the notice's event key), partners of the customer hear it too.
    if (
      await raiseNotice(tem, {
        customerId,
        kind: 'OVERDUE',
        eventKey: `overdue:${l.id}:${bucketOf(dpd)}`,
        payload,
        deliverBy: ['SMS', 'EMAIL'],
      })
    )
      await emitPartnerEvent(tem, {
        type: 'PLAN_OVERDUE',
        customerId,
        data: { accountId, planId: l.plan_id, ...payload },
      });
  }
  if (lateTotal > 0) {
    await tem.execute(
      `insert into ledger_entries (account_id, customer_id, kind, amount_fen, ref_type) values (?, ?, 'LATE_FEE_CHARGED', ?, 'overdue_job')`,
      [accountId, customerId, lateTotal],
    );
    res.lateFeesFen += lateTotal;
  }
  const oldest = lines[0];
  if (!oldest) return;
  const base = Number(a.base_limit_fen);
  // Once per overdue episode (keyed by its oldest line): a triggered review that rescores the
  // customer (the policy may cut the limit, or freeze at its days past due), then a freeze.
  let status = a.status;
  if (
    maxDpd >= REVIEW_AFTER_DAYS &&
    a.status === 'ACTIVE' &&
    (await raiseNotice(tem, {
      customerId,
      kind: 'OVERDUE',
      eventKey: `overdue-review:${oldest.id}`,
      payload: { daysPastDue: maxDpd, bucket: bucketOf(maxDpd), overdueFen: overdueTotal },
    }))
  ) {
    const r = await runTriggeredReview(tem, { agentId: null }, accountId, asOf, {
      trigger: 'POLICY_OVERDUE',
      note: `Overdue ${maxDpd} days: review triggered.`,
      event: true,
    });
    if (r.done) {
      res.reviews++;
      status = r.outcome.statusAfter;
      if (status === 'FROZEN') res.frozen++;
    }
  }
  if (maxDpd >= FREEZE_AFTER_DAYS && status === 'ACTIVE') {
    await tem.execute(
      `update credit_accounts set status = 'FROZEN', frozen_reason = ?, frozen_cause = 'OVERDUE', frozen_reason_code = 'POLICY_FREEZE', version = version + 1 where id = ?`,
      [`Overdue ${maxDpd} days`, accountId],
    );
    await recordDecision(tem, {
      accountId,
      customerId,
      kind: 'FREEZE',
      baseBefore: base,
      baseAfter: base,
      statusBefore: 'ACTIVE',
      statusAfter: 'FROZEN',
      reasons: ['POLICY_FREEZE', 'POLICY_OVERDUE'],
      note: `Frozen: ${maxDpd} days past due (threshold ${FREEZE_AFTER_DAYS}).`,
    });
    await raiseNotice(tem, {
      customerId,
      kind: 'ACCOUNT_FROZEN',
      eventKey: `freeze:${oldest.id}`,
      payload: { cause: 'OVERDUE', reasonCode: 'POLICY_FREEZE', daysPastDue: maxDpd },
    });
    res.frozen++;
  }
}
