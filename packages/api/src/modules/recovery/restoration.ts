import type { EntityManager } from '@mikro-orm/postgresql';
import { raiseNotice } from '../notices/notice-events.js';
import type { RecoveryStatus } from './recovery-request.entity.js';
import { RESTORATION_WINDOW_DAYS } from '../plans/pricing.js';
import { POLICY } from '../decisions/scoring-adapter.js';

/** Who made a state change: the system (automatic review, repayments, jobs) or a staff member. */
export type RecoveryActor = { type: 'SYSTEM' } | { type: 'AGENT'; agentId: string };

/** Legal state changes of a recovery request (DESIGN.md). Anything else is ILLEGAL_TRANSITION. */
export const RECOVERY_TRANSITIONS: Record<RecoveryStatus, readonly RecoveryStatus[]> = {
  SUBMITTED: ['UNDER_REVIEW', 'REJECTED'],
  UNDER_REVIEW: ['NEEDS_DOCUMENTS', 'APPROVED', 'REJECTED'],
  NEEDS_DOCUMENTS: ['UNDER_REVIEW', 'REJECTED'],
  APPROVED: ['COMPLETED'],
  REJECTED: [],
  COMPLETED: [],
};

export const canTransition = (from: RecoveryStatus, to: RecoveryStatus) =>
  RECOVERY_TRANSITIONS[from].includes(to);

/**
 * Move a request (its row must be locked by the caller) and store the transition with actor,
 * time and reason, and notify the customer once per (request, status).
 */
export async function transition(
  tem: EntityManager,
  req: { id: string; customerId: string; status: RecoveryStatus },
  to: RecoveryStatus,
  actor: RecoveryActor,
  reason: string,
): Promise<void> {
  if (!canTransition(req.status, to))
    throw new Error(`illegal recovery transition ${req.status} → ${to}`);
  await tem.execute(`update recovery_requests set status = ?, updated_at = now() where id = ?`, [
    to,
    req.id,
  ]);
  await tem.execute(
    `insert into recovery_transitions (request_id, customer_id, from_status, to_status, actor_type, agent_id, reason) values (?, ?, ?, ?, ?, ?, ?)`,
    [
      req.id,
      req.customerId,
      req.status,
      to,
      actor.type,
      actor.type === 'AGENT' ? actor.agentId : null,
      reason,
    ],
  );
  await raiseNotice(tem, {
    customerId: req.customerId,
    kind: 'RECOVERY_STATUS',
    eventKey: `recovery:${req.id}:${to}`,
    payload: { requestId: req.id, status: to, reason },
  });
  req.status = to;
}

/** A limit decision row (append-only history): what changed, who decided, why. */
export async function recordDecision(
  tem: EntityManager,
  d: {
    accountId: string;
    customerId: string;
    kind: 'RECOVERY' | 'UNFREEZE' | 'FREEZE' | 'TRIGGERED_REVIEW';
    baseBefore: number;
    baseAfter: number;
    statusBefore: string;
    statusAfter: string;
    reasons: string[];
    agentId?: string | null;
    note?: string;
  },
): Promise<void> {
  await tem.execute(
    `insert into limit_decisions (account_id, customer_id, kind, base_limit_before_fen, base_limit_after_fen, status_before, status_after, score, grade, probability_of_default, model_version, policy_version, reasons, decided_by, agent_id, note)
     select a.id, a.customer_id, ?, ?, ?, ?, ?, a.score, a.grade, a.probability_of_default, a.model_version, ?, ?::jsonb, ?, ?, ? from credit_accounts a where a.id = ?`,
    [
      d.kind,
      d.baseBefore,
      d.baseAfter,
      d.statusBefore,
      d.statusAfter,
      POLICY.version,
      JSON.stringify(d.reasons.map((code) => ({ code }))),
      d.agentId ? 'AGENT' : 'SYSTEM',
      d.agentId ?? null,
      d.note ?? null,
      d.accountId,
    ],
  );
  // Staff decisions are audited by the service that took them; a job's are audited here.
  if (!d.agentId)
    await tem.execute(
      `insert into audit_log (actor_type, action, customer_id, target_type, target_id, details)
       values ('SYSTEM', 'LIMIT_CHANGED_BY_JOB', ?, 'CreditAccount', ?, ?::jsonb)`,
      [
        d.customerId,
        d.accountId,
        JSON.stringify({
          kind: d.kind,
          before: d.baseBefore,
          after: d.baseAfter,
          statusBefore: d.statusBefore,
          statusAfter: d.statusAfter,
          reasons: d.reasons,
        }),
      ],
    );
}

/** Raise the base limit by a stage's amount, as a RECOVERY decision. The account row must be locked. */
export async function applyStage(
  tem: EntityManager,
  stage: {
    id: string;
    accountId: string;
    customerId: string;
    requestId: string;
    amountFen: number;
    seq: number;
  },
  agentId: string | null,
): Promise<void> {
  const [a] = await tem.execute<{ base_limit_fen: string; status: string }[]>(
    `select base_limit_fen, status from credit_accounts where id = ?`,
    [stage.accountId],
  );
  const before = Number(a!.base_limit_fen);
  const after = before + stage.amountFen;
  await tem.execute(
    `update credit_accounts set base_limit_fen = ?, version = version + 1 where id = ?`,
    [after, stage.accountId],
  );
  await tem.execute(
    `update restoration_stages set status = 'APPLIED', applied_at = now() where id = ?`,
    [stage.id],
  );
  await recordDecision(tem, {
    accountId: stage.accountId,
    customerId: stage.customerId,
    kind: 'RECOVERY',
    baseBefore: before,
    baseAfter: after,
    statusBefore: a!.status,
    statusAfter: a!.status,
    reasons: ['RECOVERY_STAGE_APPLIED'],
    agentId,
    note: `Recovery request ${stage.requestId}, stage ${stage.seq}`,
  });
  await raiseNotice(tem, {
    customerId: stage.customerId,
    kind: 'LIMIT_CHANGED',
    eventKey: `recovery:${stage.requestId}:stage:${stage.seq}`,
    payload: { requestId: stage.requestId, beforeFen: before, afterFen: after },
  });
}

/**
 * On-time repayments that count towards a stage (issue 14: stages that cannot be gamed): an
 * installment counts only once it has **fallen due** (its due date reached) and only if it was
 * paid **when due** — within its own period (on or after the day the period began, one month
 * before the due date) and by the due date, never overdue, with principal left on it (not
 * settled by a refund or write-off) — and its due date falls in the policy window after the
 * approval. Prepaying future periods counts nothing (paid before their period began), and paying
 * the current period early counts only when its due date comes, so a stage cannot be released
 * faster than installments actually fall due. What counts is **months**, not lines: the calendar
 * months of the due dates of such installments (several plans due in one month are one on-time
 * repayment), so several tiny plans — ¥0.03 in 3 is a plan — cannot earn a stage in one month.
 * Parameters: account, approval time (twice), window days, as-of day.
 */
export const onTimeLinesSql = `select count(distinct date_trunc('month', due_date))::text as n from schedule_lines
  where account_id = ? and status = 'PAID' and days_past_due = 0 and principal_fen > 0
    and due_date >= (?::timestamptz)::date and due_date < (?::timestamptz)::date + ?::int and due_date <= ?::date
    and paid_at < (due_date + 1)::timestamptz and paid_at >= (due_date - interval '1 month')::timestamptz`;

/**
 * The daily pass (run by the overdue job): installments fall due every day, so stages are
 * earned by time passing too, not only by a repayment. One short transaction per account with a
 * pending stage (account row locked first).
 */
export async function applyDueRestorationStages(
  em: EntityManager,
  asOf = new Date(),
): Promise<number> {
  const accounts = await em.execute<{ account_id: string }[]>(
    `select distinct account_id from restoration_stages where status = 'PENDING'`,
  );
  let applied = 0;
  for (const { account_id } of accounts)
    applied += await em.transactional(async (tem) => {
      await tem.execute(`select 1 from credit_accounts where id = ? for update`, [account_id]);
      return applyEarnedRestorationStages(tem, String(account_id), asOf);
    });
  return applied;
}

/**
 * Apply every pending restoration stage whose on-time repayments have been made (see
 * `onTimeLinesSql`); complete requests with no stage left.
 * Called by the repayment path inside its transaction (account row locked), and by the overdue job.
 */
export async function applyEarnedRestorationStages(
  tem: EntityManager,
  accountId: string,
  asOf = new Date(),
): Promise<number> {
  const stages = await tem.execute<
    {
      id: string;
      request_id: string;
      customer_id: string;
      seq: number;
      amount_fen: string;
      required: number;
      approved_at: Date | string;
    }[]
  >(
    `select rs.id, rs.request_id, rs.customer_id, rs.seq, rs.amount_fen, rs.on_time_repayments_required as required,
            (select max(t.created_at) from recovery_transitions t where t.request_id = rs.request_id and t.to_status = 'APPROVED') as approved_at
       from restoration_stages rs join recovery_requests rr on rr.id = rs.request_id
      where rs.account_id = ? and rs.status = 'PENDING' and rr.status = 'APPROVED'
      order by rs.request_id, rs.seq`,
    [accountId],
  );
  let applied = 0;
  const touched = new Set<string>();
  for (const s of stages) {
    const [c] = await tem.execute<{ n: string }[]>(onTimeLinesSql, [
      accountId,
      new Date(s.approved_at),
      new Date(s.approved_at),
      RESTORATION_WINDOW_DAYS,
      asOf.toISOString().slice(0, 10),
    ]);
    if (Number(c!.n) < s.required) continue;
    await applyStage(
      tem,
      {
        id: String(s.id),
        accountId,
        customerId: String(s.customer_id),
        requestId: String(s.request_id),
        amountFen: Number(s.amount_fen),
        seq: s.seq,
      },
      null,
    );
    applied++;
    touched.add(String(s.request_id));
  }
  for (const requestId of touched) await completeIfDone(tem, requestId, { type: 'SYSTEM' });
  return applied;
}

/** APPROVED → COMPLETED once no stage is pending. */
export async function completeIfDone(
  tem: EntityManager,
  requestId: string,
  actor: RecoveryActor,
): Promise<boolean> {
  const [r] = await tem.execute<
    { id: string; customer_id: string; status: RecoveryStatus; pending: string }[]
  >(
    `select id, customer_id, status, (select count(*) from restoration_stages where request_id = r.id and status = 'PENDING')::text as pending from recovery_requests r where id = ? for update`,
    [requestId],
  );
  if (!r || r.status !== 'APPROVED' || Number(r.pending) > 0) return false;
  await transition(
    tem,
    { id: String(r.id), customerId: String(r.customer_id), status: r.status },
    'COMPLETED',
    actor,
    'Restoration complete.',
  );
  return true;
}
