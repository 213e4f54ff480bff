import type { EntityManager } from '@mikro-orm/postgresql';
import { fail, ok, type Outcome } from '../../graphql/errors.js';
import type { Viewer } from '../auth/viewer.js';
import { writeAudit } from '../audit/audit.service.js';
import { LIMIT_CAP_FEN, reviewRecovery, stagesFor, type RecoveryReview } from '../plans/pricing.js';
import type { RecoveryStatus, RecoveryType } from './recovery-request.entity.js';
import { raiseNotice } from '../notices/notice-events.js';
import {
  applyStage,
  canTransition,
  completeIfDone,
  recordDecision,
  transition,
  type RecoveryActor,
} from './restoration.js';

export interface DocumentInput {
  kind: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

/** Statuses of a request still in progress (a second one of its type is refused). */
export const OPEN: RecoveryStatus[] = ['SUBMITTED', 'UNDER_REVIEW', 'NEEDS_DOCUMENTS', 'APPROVED'];

interface RequestRow {
  id: string;
  account_id: string;
  customer_id: string;
  type: RecoveryType;
  status: RecoveryStatus;
  target_limit_fen: string | null;
  requested_limit_fen: string | null;
}

function validateDocuments(
  docs: DocumentInput[],
): Outcome<true, 'INVALID_DOCUMENT' | 'TOO_MANY_DOCUMENTS'> {
  if (docs.length > 20)
    return fail('TOO_MANY_DOCUMENTS', 'Attach at most 20 documents.', 'documents');
  for (const [i, d] of docs.entries()) {
    if (!d.fileName.trim() || d.fileName.length > 255)
      return fail(
        'INVALID_DOCUMENT',
        'A file name is 1 to 255 characters.',
        `documents.${i}.fileName`,
      );
    if (!Number.isInteger(d.sizeBytes) || d.sizeBytes <= 0 || d.sizeBytes > 20_000_000)
      return fail('INVALID_DOCUMENT', 'A document is 1 byte to 20 MB.', `documents.${i}.sizeBytes`);
    if (!/^[\w.+-]+\/[\w.+-]+$/.test(d.contentType))
      return fail(
        'INVALID_DOCUMENT',
        'contentType must be a media type such as application/pdf.',
        `documents.${i}.contentType`,
      );
    if (!d.kind.trim() || d.kind.length > 50)
      return fail(
        'INVALID_DOCUMENT',
        'kind is 1 to 50 characters, e.g. INCOME_PROOF.',
        `documents.${i}.kind`,
      );
  }
  return ok(true);
}

/**
 * 额度恢复申请: filed by an agent, reviewed automatically (the scoring package's rules), decided
 * by a supervisor when routed, restored in stages. Every change locks the account row, then the
 * request row, and stores a transition with actor, time and reason.
 */
export class RecoveryService {
  async file(
    em: EntityManager,
    viewer: Viewer,
    input: {
      customerId: string;
      type: RecoveryType;
      reason: string;
      requestedLimitFen: number | null;
      documents: DocumentInput[];
    },
  ): Promise<
    Outcome<
      { requestId: string },
      | 'ACCOUNT_CLOSED'
      | 'ACCOUNT_NOT_FOUND'
      | 'ACCOUNT_NOT_FROZEN'
      | 'FORBIDDEN'
      | 'INVALID_DOCUMENT'
      | 'INVALID_REASON'
      | 'NOTHING_TO_RESTORE'
      | 'RECOVERY_REQUEST_OPEN'
      | 'REQUESTED_LIMIT_ABOVE_CAP'
      | 'REQUESTED_LIMIT_NOT_HIGHER'
      | 'REQUESTED_LIMIT_REQUIRED'
      | 'RISK_ALERT_FREEZE'
      | 'TOO_MANY_DOCUMENTS'
    >
  > {
    if (viewer.kind !== 'agent')
      return fail('FORBIDDEN', 'Only staff can file a recovery request.');
    const reason = input.reason.trim();
    if (!reason || reason.length > 2000)
      return fail('INVALID_REASON', 'Give a reason of 1 to 2000 characters.', 'reason');
    const docs = validateDocuments(input.documents);
    if (!docs.ok) return docs;
    if (input.type === 'INCREASE' && input.requestedLimitFen == null)
      return fail(
        'REQUESTED_LIMIT_REQUIRED',
        'An increase needs the requested limit.',
        'requestedLimit',
      );
    if (input.requestedLimitFen != null && input.requestedLimitFen > LIMIT_CAP_FEN)
      return fail(
        'REQUESTED_LIMIT_ABOVE_CAP',
        `The limit cap is ${LIMIT_CAP_FEN / 100} yuan.`,
        'requestedLimit',
      );
    return em.transactional(async (tem) => {
      const [a] = await tem.execute<
        {
          id: string;
          status: string;
          base_limit_fen: string;
          previous: string | null;
          frozen_cause: string | null;
        }[]
      >(
        `select a.id, a.status, a.base_limit_fen, a.frozen_cause,
                (select max(d.base_limit_before_fen) from limit_decisions d where d.account_id = a.id and d.base_limit_after_fen < d.base_limit_before_fen)::text as previous
           from credit_accounts a where a.customer_id = ? for update`,
        [input.customerId],
      );
      if (!a)
        return fail('ACCOUNT_NOT_FOUND', 'This customer has no credit account.', 'customerId');
      if (input.type === 'UNFREEZE' && a.status !== 'FROZEN')
        return fail('ACCOUNT_NOT_FROZEN', 'The account is not frozen.', 'type');
      if (a.status === 'CLOSED')
        return fail(
          'ACCOUNT_CLOSED',
          'The account is closed; a new application reopens it.',
          'customerId',
        );
      if (input.type === 'UNFREEZE' && a.frozen_cause === 'RISK_ALERT')
        return fail(
          'RISK_ALERT_FREEZE',
          'The account is frozen by a risk alert: a risk admin lifts it (clearRiskAlert) once the check is done, not a recovery request.',
          'type',
        );
      if (
        input.type === 'RESTORE_REDUCTION' &&
        !(a.previous && Number(a.previous) > Number(a.base_limit_fen))
      )
        return fail(
          'NOTHING_TO_RESTORE',
          'The limit was never reduced below what it is now.',
          'type',
        );
      if (input.type === 'INCREASE' && input.requestedLimitFen! <= Number(a.base_limit_fen))
        return fail(
          'REQUESTED_LIMIT_NOT_HIGHER',
          'The requested limit must be above the current limit.',
          'requestedLimit',
        );
      const [open] = await tem.execute<{ id: string }[]>(
        `select id from recovery_requests where account_id = ? and type = ? and status in (${OPEN.map(() => '?').join(',')})`,
        [a.id, input.type, ...OPEN],
      );
      if (open)
        return fail(
          'RECOVERY_REQUEST_OPEN',
          'This customer already has an open request of this type.',
          'type',
        );
      const [r] = await tem.execute<{ id: string }[]>(
        `insert into recovery_requests (account_id, customer_id, type, status, reason, requested_limit_fen, filed_by_agent_id) values (?, ?, ?, 'SUBMITTED', ?, ?, ?) returning id`,
        [a.id, input.customerId, input.type, reason, input.requestedLimitFen, viewer.id],
      );
      const id = String(r!.id);
      await tem.execute(
        `insert into recovery_transitions (request_id, customer_id, from_status, to_status, actor_type, agent_id, reason) values (?, ?, null, 'SUBMITTED', 'AGENT', ?, ?)`,
        [id, input.customerId, viewer.id, reason],
      );
      await raiseNotice(tem, {
        customerId: input.customerId,
        kind: 'RECOVERY_STATUS',
        eventKey: `recovery:${id}:SUBMITTED`,
        payload: { requestId: id, status: 'SUBMITTED', type: input.type },
      });
      await insertDocuments(tem, id, input.customerId, input.documents);
      await writeAudit(tem, viewer, {
        action: 'fileRecoveryRequest',
        customerId: input.customerId,
        targetType: 'RecoveryRequest',
        targetId: id,
        details: { type: input.type, documents: input.documents.length },
      });
      const req = { id, customerId: input.customerId, status: 'SUBMITTED' as RecoveryStatus };
      await transition(tem, req, 'UNDER_REVIEW', { type: 'SYSTEM' }, 'Automatic review started.');
      await this.autoReview(tem, id);
      return ok({ requestId: id });
    });
  }

  /**
   * The recovery path the policy opens when a customer frozen for an overdue has repaid every
   * overdue amount: an UNFREEZE request filed by the system and reviewed at once like any other
   * (fresh rules; approved, or left to a supervisor). Inside the caller's transaction (account row
   * locked); does nothing when an UNFREEZE request is already open.
   */
  async fileForOverdueRepaid(
    tem: EntityManager,
    account: { id: string; customerId: string },
  ): Promise<string | null> {
    const [open] = await tem.execute<{ id: string }[]>(
      `select id from recovery_requests where account_id = ? and type = 'UNFREEZE' and status in (${OPEN.map(() => '?').join(',')})`,
      [account.id, ...OPEN],
    );
    if (open) return null;
    const reason = 'Every overdue amount was repaid: the account may be unfrozen (policy).';
    const [r] = await tem.execute<{ id: string }[]>(
      `insert into recovery_requests (account_id, customer_id, type, status, reason) values (?, ?, 'UNFREEZE', 'SUBMITTED', ?) returning id`,
      [account.id, account.customerId, reason],
    );
    const id = String(r!.id);
    await tem.execute(
      `insert into recovery_transitions (request_id, customer_id, from_status, to_status, actor_type, reason) values (?, ?, null, 'SUBMITTED', 'SYSTEM', ?)`,
      [id, account.customerId, reason],
    );
    await raiseNotice(tem, {
      customerId: account.customerId,
      kind: 'RECOVERY_STATUS',
      eventKey: `recovery:${id}:SUBMITTED`,
      payload: { requestId: id, status: 'SUBMITTED', type: 'UNFREEZE' },
    });
    const req = { id, customerId: account.customerId, status: 'SUBMITTED' as RecoveryStatus };
    await transition(tem, req, 'UNDER_REVIEW', { type: 'SYSTEM' }, 'Automatic review started.');
    await this.autoReview(tem, id);
    return id;
  }

  /** Add documents; a request waiting for documents goes back to review (and is reviewed again). */
  async addDocuments(
    em: EntityManager,
    viewer: Viewer,
    requestId: string,
    documents: DocumentInput[],
  ): Promise<
    Outcome<
      { requestId: string },
      | 'ILLEGAL_TRANSITION'
      | 'INVALID_DOCUMENT'
      | 'NO_DOCUMENTS'
      | 'RECOVERY_REQUEST_NOT_FOUND'
      | 'TOO_MANY_DOCUMENTS'
    >
  > {
    const docs = validateDocuments(documents);
    if (!docs.ok) return docs;
    if (documents.length === 0)
      return fail('NO_DOCUMENTS', 'Attach at least one document.', 'documents');
    return em.transactional(async (tem) => {
      const r = await lockRequest(tem, requestId);
      if (!r) return notFound();
      if (!['SUBMITTED', 'UNDER_REVIEW', 'NEEDS_DOCUMENTS'].includes(r.status))
        return illegal(r.status, 'add documents to');
      await insertDocuments(tem, r.id, r.customer_id, documents);
      await writeAudit(tem, viewer, {
        action: 'addRecoveryDocuments',
        customerId: r.customer_id,
        targetType: 'RecoveryRequest',
        targetId: r.id,
        details: { documents: documents.length },
      });
      if (r.status === 'NEEDS_DOCUMENTS') {
        await transition(
          tem,
          { id: r.id, customerId: r.customer_id, status: r.status },
          'UNDER_REVIEW',
          agentActor(viewer),
          `${documents.length} document(s) added.`,
        );
        await this.autoReview(tem, r.id);
      }
      return ok({ requestId: r.id });
    });
  }

  async approve(
    em: EntityManager,
    viewer: Viewer,
    requestId: string,
    reason: string,
  ): Promise<Outcome<{ requestId: string }, 'ILLEGAL_TRANSITION' | 'RECOVERY_REQUEST_NOT_FOUND'>> {
    return decide(em, viewer, requestId, reason, 'approve', (tem, r) =>
      this.approveLocked(tem, r, agentActor(viewer), reason.trim() || 'Approved by a supervisor.'),
    );
  }

  async reject(
    em: EntityManager,
    viewer: Viewer,
    requestId: string,
    reason: string,
  ): Promise<Outcome<{ requestId: string }, 'ILLEGAL_TRANSITION' | 'RECOVERY_REQUEST_NOT_FOUND'>> {
    return decide(em, viewer, requestId, reason, 'reject', (tem, r) =>
      transition(
        tem,
        { id: r.id, customerId: r.customer_id, status: r.status },
        'REJECTED',
        agentActor(viewer),
        reason.trim() || 'Rejected by a supervisor.',
      ),
    );
  }

  /**
   * A supervisor takes a request waiting in the queue: it is theirs until decided, and the
   * others see who has it. Taking one already taken by someone else is refused (they may be
   * deciding it right now); taking your own again is a no-op.
   */
  async take(
    em: EntityManager,
    viewer: Viewer,
    requestId: string,
  ): Promise<
    Outcome<
      { requestId: string },
      | 'FORBIDDEN'
      | 'RECOVERY_REQUEST_DECIDED'
      | 'RECOVERY_REQUEST_NOT_FOUND'
      | 'RECOVERY_REQUEST_TAKEN'
    >
  > {
    if (viewer.kind !== 'agent') return fail('FORBIDDEN', 'Only staff can take a request.');
    return em.transactional(async (tem) => {
      const [r] = await tem.execute<
        {
          id: string;
          customer_id: string;
          status: string;
          assigned_agent_id: string | null;
          assignee: string | null;
        }[]
      >(
        `select q.id, q.customer_id, q.status, q.assigned_agent_id::text as assigned_agent_id, g.display_name as assignee
           from recovery_requests q left join agents g on g.id = q.assigned_agent_id where q.id = ? for update of q`,
        [requestId],
      );
      if (!r) return notFound();
      if (r.status !== 'UNDER_REVIEW')
        return fail(
          'RECOVERY_REQUEST_DECIDED',
          'This request is no longer waiting for a supervisor.',
          'requestId',
        );
      if (r.assigned_agent_id === String(viewer.id)) return ok({ requestId: String(r.id) });
      if (r.assigned_agent_id)
        return fail(
          'RECOVERY_REQUEST_TAKEN',
          `${r.assignee ?? 'Another supervisor'} has already taken this request.`,
          'requestId',
        );
      await tem.execute(
        `update recovery_requests set assigned_agent_id = ?, assigned_at = now() where id = ?`,
        [viewer.id, r.id],
      );
      await writeAudit(tem, viewer, {
        action: 'takeRecoveryRequest',
        customerId: String(r.customer_id),
        targetType: 'RecoveryRequest',
        targetId: String(r.id),
      });
      return ok({ requestId: String(r.id) });
    });
  }

  /** The automatic review of a request UNDER_REVIEW (locked): approve, ask for documents, leave for a supervisor, or reject. */
  private async autoReview(tem: EntityManager, requestId: string): Promise<RecoveryReview> {
    const r = (await lockRequest(tem, requestId))!;
    const [f] = await tem.execute<
      {
        score: number | null;
        grade: string | null;
        pd: number | null;
        base: string;
        previous: string | null;
        max_dpd: number | null;
        overdue: string;
        docs: string;
        income_band: string;
        written_off: string;
      }[]
    >(
      `select a.score, a.grade, a.probability_of_default as pd, a.base_limit_fen::text as base,
              (select max(d.base_limit_before_fen) from limit_decisions d where d.account_id = a.id and d.base_limit_after_fen < d.base_limit_before_fen)::text as previous,
              greatest((select max(days_past_due) from schedule_lines where account_id = a.id),
                       (select max(days_past_due) from repayment_history where customer_id = a.customer_id and due_date > now() - interval '12 months')) as max_dpd,
              (select coalesce(sum(principal_fen - paid_principal_fen + fee_fen - paid_fee_fen + late_fee_fen - paid_late_fee_fen), 0) from schedule_lines where account_id = a.id and status = 'OVERDUE')::text as overdue,
              (select count(*) from recovery_documents where request_id = ?)::text as docs,
              (select coalesce(sum(principal_fen + fee_fen + late_fee_fen + revolving_principal_fen + revolving_interest_fen + revolving_fees_fen), 0)
                 from write_offs where account_id = a.id)::text as written_off,
              c.income_band
         from credit_accounts a join customers c on c.id = a.customer_id where a.id = ?`,
      [r.id, r.account_id],
    );
    const base = Number(f!.base);
    const review = reviewRecovery({
      type: r.type,
      score: f!.score,
      grade: f!.grade,
      probabilityOfDefault: f!.pd,
      currentLimitFen: base,
      previousLimitFen: f!.previous ? Math.max(base, Number(f!.previous)) : base,
      requestedLimitFen: r.requested_limit_fen != null ? Number(r.requested_limit_fen) : null,
      maxDaysPastDue: f!.max_dpd ?? 0,
      overdueFen: Number(f!.overdue),
      documentsCount: Number(f!.docs),
      incomeBand: f!.income_band,
      writtenOffFen: Number(f!.written_off),
    });
    await tem.execute(
      `update recovery_requests set auto_outcome = ?, reasons = ?::jsonb, target_limit_fen = ? where id = ?`,
      [review.outcome, JSON.stringify(review.reasons), review.targetLimitFen, r.id],
    );
    r.target_limit_fen = String(review.targetLimitFen);
    const why = `Automatic review: ${review.outcome} (${review.reasons.join(', ') || 'no reasons'}).`;
    const req = { id: r.id, customerId: r.customer_id, status: r.status };
    switch (review.outcome) {
      case 'APPROVE':
        await this.approveLocked(tem, r, { type: 'SYSTEM' }, why, review.stages);
        break;
      case 'NEED_DOCUMENTS':
        await transition(tem, req, 'NEEDS_DOCUMENTS', { type: 'SYSTEM' }, why);
        break;
      case 'REJECT':
        await transition(tem, req, 'REJECTED', { type: 'SYSTEM' }, why);
        break;
      case 'ROUTE_TO_SUPERVISOR':
        // Stays UNDER_REVIEW, now in the supervisors' recoveryQueue.
        break;
    }
    return review;
  }

  /**
   * APPROVED: unfreeze when asked; restore in stages (stage 1 now as a RECOVERY decision, later
   * stages after on-time repayments, applied by the repayment path); COMPLETED when nothing is left.
   */
  private async approveLocked(
    tem: EntityManager,
    r: RequestRow,
    actor: RecoveryActor,
    reason: string,
    stages?: RecoveryReview['stages'],
  ): Promise<void> {
    await transition(
      tem,
      { id: r.id, customerId: r.customer_id, status: r.status },
      'APPROVED',
      actor,
      reason,
    );
    r.status = 'APPROVED';
    const agentId = actor.type === 'AGENT' ? actor.agentId : null;
    const [a] = await tem.execute<{ status: string; base_limit_fen: string }[]>(
      `select status, base_limit_fen from credit_accounts where id = ? for update`,
      [r.account_id],
    );
    const base = Number(a!.base_limit_fen);
    if (r.type === 'UNFREEZE' && a!.status === 'FROZEN') {
      await tem.execute(
        `update credit_accounts set status = 'ACTIVE', frozen_reason = null, frozen_cause = null, frozen_reason_code = null, version = version + 1 where id = ?`,
        [r.account_id],
      );
      await recordDecision(tem, {
        accountId: r.account_id,
        customerId: r.customer_id,
        kind: 'UNFREEZE',
        baseBefore: base,
        baseAfter: base,
        statusBefore: 'FROZEN',
        statusAfter: 'ACTIVE',
        reasons: ['RECOVERY_UNFREEZE'],
        agentId,
        note: `Recovery request ${r.id}`,
      });
      await raiseNotice(tem, {
        customerId: r.customer_id,
        kind: 'ACCOUNT_UNFROZEN',
        eventKey: `recovery:${r.id}:unfrozen`,
        payload: { reasonCode: 'RECOVERY_UNFREEZE', limitFen: base, requestId: r.id },
      });
    }
    const target = r.target_limit_fen != null ? Number(r.target_limit_fen) : base;
    const gain = Math.max(0, target - base);
    // The automatic review's stages when they still fit the gain; else the policy's stages for it.
    const plan =
      stages && stages.reduce((s, x) => s + x.amountFen, 0) === gain ? stages : stagesFor(gain);
    for (const s of plan.filter((x) => x.amountFen > 0)) {
      const [row] = await tem.execute<{ id: string }[]>(
        `insert into restoration_stages (request_id, account_id, customer_id, seq, amount_fen, on_time_repayments_required) values (?, ?, ?, ?, ?, ?) returning id`,
        [r.id, r.account_id, r.customer_id, s.seq, s.amountFen, s.onTimeRepaymentsRequired],
      );
      if (s.onTimeRepaymentsRequired === 0)
        await applyStage(
          tem,
          {
            id: String(row!.id),
            accountId: r.account_id,
            customerId: r.customer_id,
            requestId: r.id,
            amountFen: s.amountFen,
            seq: s.seq,
          },
          agentId,
        );
    }
    await completeIfDone(tem, r.id, actor);
  }
}

async function lockRequest(tem: EntityManager, requestId: string): Promise<RequestRow | undefined> {
  const [pre] = await tem.execute<{ account_id: string }[]>(
    `select account_id from recovery_requests where id = ?`,
    [requestId],
  );
  if (!pre) return undefined;
  await tem.execute(`select 1 from credit_accounts where id = ? for update`, [pre.account_id]);
  const [r] = await tem.execute<RequestRow[]>(
    `select id, account_id, customer_id, type, status, target_limit_fen, requested_limit_fen from recovery_requests where id = ? for update`,
    [requestId],
  );
  return r
    ? {
        ...r,
        id: String(r.id),
        account_id: String(r.account_id),
        customer_id: String(r.customer_id),
      }
    : undefined;
}

async function insertDocuments(
  tem: EntityManager,
  requestId: string,
  customerId: string,
  docs: DocumentInput[],
): Promise<void> {
  if (docs.length === 0) return;
  await tem.execute(
    `insert into recovery_documents (request_id, customer_id, kind, file_name, content_type, size_bytes) values ${docs.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
    docs.flatMap((d) => [
      requestId,
      customerId,
      d.kind.trim(),
      d.fileName.trim(),
      d.contentType,
      d.sizeBytes,
    ]),
  );
}

const agentActor = (viewer: Viewer): RecoveryActor =>
  viewer.kind === 'agent' ? { type: 'AGENT', agentId: viewer.id } : { type: 'SYSTEM' };

/**
 * A supervisor's decision in one transaction: the request locked and marked (lockForDecision),
 * `act` on it, then the decision audited with its reason.
 */
async function decide(
  em: EntityManager,
  viewer: Viewer,
  requestId: string,
  reason: string,
  verb: 'approve' | 'reject',
  act: (tem: EntityManager, r: RequestRow) => Promise<unknown>,
): Promise<Outcome<{ requestId: string }, 'ILLEGAL_TRANSITION' | 'RECOVERY_REQUEST_NOT_FOUND'>> {
  return em.transactional(async (tem) => {
    const to = verb === 'approve' ? 'APPROVED' : 'REJECTED';
    const locked = await lockForDecision(tem, viewer, requestId, to, verb);
    if (!locked.ok) return locked;
    const r = locked.value;
    await act(tem, r);
    await writeAudit(tem, viewer, {
      action: `${verb}RecoveryRequest`,
      customerId: r.customer_id,
      targetType: 'RecoveryRequest',
      targetId: r.id,
      details: { reason },
    });
    return ok({ requestId: r.id });
  });
}

/** The request locked for a supervisor's decision, marked as decided by the viewer; refused when missing or not decidable. */
async function lockForDecision(
  tem: EntityManager,
  viewer: Viewer,
  requestId: string,
  to: 'APPROVED' | 'REJECTED',
  what: string,
): Promise<Outcome<RequestRow, 'RECOVERY_REQUEST_NOT_FOUND' | 'ILLEGAL_TRANSITION'>> {
  const r = await lockRequest(tem, requestId);
  if (!r) return notFound();
  if (!canTransition(r.status, to)) return illegal(r.status, what);
  await tem.execute(`update recovery_requests set decided_by_agent_id = ? where id = ?`, [
    viewer.kind === 'agent' ? viewer.id : null,
    r.id,
  ]);
  return ok(r);
}

function notFound(): Outcome<never, 'RECOVERY_REQUEST_NOT_FOUND'> {
  return fail('RECOVERY_REQUEST_NOT_FOUND', 'There is no such recovery request.', 'requestId');
}

function illegal(from: RecoveryStatus, what: string): Outcome<never, 'ILLEGAL_TRANSITION'> {
  return fail('ILLEGAL_TRANSITION', `Cannot ${what} a request that is ${from}.`, 'requestId');
}
