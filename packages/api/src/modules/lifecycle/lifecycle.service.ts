import type { EntityManager } from '@mikro-orm/postgresql';
import { fail, ok, type Outcome } from '../../graphql/errors.js';
import { actorOf, type Viewer } from '../auth/viewer.js';
import { writeAudit } from '../audit/audit.service.js';
import { raiseNotice } from '../notices/notice-events.js';
import { idempotencyScope, withIdempotency } from '../idempotency/idempotency.service.js';
import { loadApplicantFacts } from '../decisions/behaviour.js';
import {
  decideApplication,
  gradeOf,
  platformFeatures,
  POLICY,
  scoreFeatures,
} from '../decisions/scoring-adapter.js';
import { transition } from '../recovery/restoration.js';
import type { RecoveryStatus } from '../recovery/recovery-request.entity.js';
import { RISK_ALERT_CODES } from '@creditline/scoring';

const agentIdOf = (v: Viewer) => (v.kind === 'agent' ? v.id : null);

function checkNote(
  text: string,
  field = 'reason',
): Outcome<string, 'REASON_REQUIRED' | 'REASON_TOO_LONG'> {
  const r = text.trim();
  if (!r) return fail('REASON_REQUIRED', 'Give a reason.', field);
  if (r.length > 500) return fail('REASON_TOO_LONG', 'A reason is at most 500 characters.', field);
  return ok(r);
}

export interface ApplicationResult {
  applicationId: string;
  status: 'APPROVED' | 'DECLINED';
  accountId: string | null;
  decisionId: string | null;
  limitFen: number;
  reasons: string[];
}

/** Reason codes a risk admin may give a risk-alert freeze. */
export const RISK_ALERT_REASON_CODES: readonly string[] = RISK_ALERT_CODES;

/**
 * The life of a credit account: an application opens it (or is declined, with reasons), it can
 * be frozen by a risk alert and cleared, and it is closed when nothing is owed or held. Each step
 * locks the row it changes first, stores an append-only decision (or application), a notice with
 * text for the customer and an audit row, all in one transaction.
 */
export class LifecycleService {
  /**
   * An application for a credit line, decided by the scoring package's policy from the data we
   * hold (behaviour, bureau report, verification): approved → an ACTIVE account (a customer whose
   * account was CLOSED gets it reopened) at the policy's low initial limit with its INITIAL
   * decision; declined → the application is stored with every failing rule. Idempotent by key.
   */
  async applyForCredit(
    em: EntityManager,
    viewer: Viewer,
    input: { customerId: string; idempotencyKey: string },
    asOf = new Date(),
  ): Promise<
    Outcome<
      ApplicationResult,
      'ACCOUNT_EXISTS' | 'CUSTOMER_NOT_FOUND' | 'IDEMPOTENCY_KEY_REUSED' | 'INVALID_IDEMPOTENCY_KEY'
    >
  > {
    return withIdempotency(
      em,
      idempotencyScope(viewer, 'applyForCredit', input, { customerId: input.customerId }),
      async (tem) => {
        const [c] = await tem.execute<{ id: string }[]>(
          `select id from customers where id = ? for update`,
          [input.customerId],
        );
        if (!c) return fail('CUSTOMER_NOT_FOUND', 'There is no such customer.', 'customerId');
        const [existing] = await tem.execute<{ id: string; status: string }[]>(
          `select id, status from credit_accounts where customer_id = ? for update`,
          [input.customerId],
        );
        if (existing && existing.status !== 'CLOSED')
          return fail(
            'ACCOUNT_EXISTS',
            `This customer already has a ${existing.status} credit account; one customer has one account.`,
            'customerId',
          );
        const facts = (await loadApplicantFacts(tem, input.customerId, asOf))!;
        const features = platformFeatures(facts.behaviour, asOf);
        const s = scoreFeatures(features);
        const grade = gradeOf(s.score);
        const d = decideApplication({
          score: s.score,
          grade,
          probabilityOfDefault: s.probabilityOfDefault,
          incomeBand: facts.incomeBand,
          realNameVerified: facts.realNameVerified,
          maxDaysPastDue: facts.maxDaysPastDue,
          pastDefaults: facts.pastDefaults,
        });
        const reasons = [...d.reasons.map((code) => ({ code })), ...s.reasonCodes];
        const { actorType, actorId } = actorOf(viewer);
        let accountId: string | null = null;
        let decisionId: string | null = null;
        let accountNumber: string | null = null;
        if (d.approved) {
          const [a] = existing
            ? await tem.execute<{ id: string; account_number: string }[]>(
                `update credit_accounts set status = 'ACTIVE', base_limit_fen = ?, score = ?, grade = ?, probability_of_default = ?, model_version = ?,
                        opened_at = ?, last_reviewed_at = ?, closed_at = null, frozen_reason = null, frozen_cause = null, frozen_reason_code = null, version = version + 1
                  where id = ? returning id, account_number`,
                [
                  d.limitFen,
                  s.score,
                  grade,
                  s.probabilityOfDefault,
                  s.modelVersion,
                  asOf,
                  asOf,
                  existing.id,
                ],
              )
            : await tem.execute<{ id: string; account_number: string }[]>(
                `insert into credit_accounts (customer_id, account_number, status, base_limit_fen, score, grade, probability_of_default, model_version, opened_at, last_reviewed_at)
                 values (?, 'CL' || nextval('credit_account_number_seq'), 'ACTIVE', ?, ?, ?, ?, ?, ?, ?) returning id, account_number`,
                [
                  input.customerId,
                  d.limitFen,
                  s.score,
                  grade,
                  s.probabilityOfDefault,
                  s.modelVersion,
                  asOf,
                  asOf,
                ],
              );
          accountId = String(a!.id);
          accountNumber = a!.account_number;
          const [dec] = await tem.execute<{ id: string }[]>(
            `insert into limit_decisions (account_id, customer_id, kind, base_limit_before_fen, base_limit_after_fen, status_before, status_after, score, grade, probability_of_default, model_version, policy_version, features, reasons, decided_by, agent_id, note, created_at)
             values (?, ?, 'INITIAL', 0, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, 'SYSTEM', ?, 'Application approved', ?) returning id`,
            [
              accountId,
              input.customerId,
              d.limitFen,
              existing ? 'CLOSED' : 'ACTIVE',
              s.score,
              grade,
              s.probabilityOfDefault,
              s.modelVersion,
              POLICY.version,
              JSON.stringify(features),
              JSON.stringify(reasons),
              agentIdOf(viewer),
              asOf,
            ],
          );
          decisionId = String(dec!.id);
        }
        const [app] = await tem.execute<{ id: string }[]>(
          `insert into credit_applications (customer_id, status, account_id, decision_id, limit_fen, score, grade, probability_of_default, model_version, features, reasons, actor_type, actor_id, created_at)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?) returning id`,
          [
            input.customerId,
            d.approved ? 'APPROVED' : 'DECLINED',
            accountId,
            decisionId,
            d.limitFen,
            s.score,
            grade,
            s.probabilityOfDefault,
            s.modelVersion,
            JSON.stringify(features),
            JSON.stringify(reasons),
            actorType,
            actorId,
            asOf,
          ],
        );
        const applicationId = String(app!.id);
        await raiseNotice(tem, {
          customerId: input.customerId,
          kind: d.approved ? 'ACCOUNT_OPENED' : 'APPLICATION_DECLINED',
          eventKey: `application:${applicationId}`,
          payload: d.approved
            ? { applicationId, limitFen: d.limitFen, accountNumber }
            : { applicationId, reasons: d.reasons },
        });
        await writeAudit(tem, viewer, {
          action: 'applyForCredit',
          customerId: input.customerId,
          targetType: 'CreditApplication',
          targetId: applicationId,
          details: {
            status: d.approved ? 'APPROVED' : 'DECLINED',
            limitFen: d.limitFen,
            reasons: d.reasons,
            score: s.score,
            grade,
          },
        });
        return ok<ApplicationResult>({
          applicationId,
          status: d.approved ? 'APPROVED' : 'DECLINED',
          accountId,
          decisionId,
          limitFen: d.limitFen,
          reasons: d.reasons,
        });
      },
    );
  }

  /**
   * Close an account: only when nothing is owed (principal, fees, late fees) or held and no
   * purchase waits for review. The base limit goes to 0, temporary limits are revoked, open
   * recovery requests are rejected, and a CLOSE decision explains it. A CLOSED account accepts no
   * purchase (declined ACCOUNT_CLOSED) and is not reviewed; a new application reopens it.
   */
  async closeAccount(
    em: EntityManager,
    viewer: Viewer,
    accountId: string,
    reasonText: string,
  ): Promise<
    Outcome<
      { accountId: string; decisionId: string },
      | 'ACCOUNT_ALREADY_CLOSED'
      | 'ACCOUNT_HAS_BALANCE'
      | 'ACCOUNT_NOT_FOUND'
      | 'REASON_REQUIRED'
      | 'REASON_TOO_LONG'
    >
  > {
    const reason = checkNote(reasonText);
    if (!reason.ok) return reason;
    return em.transactional(async (tem) => {
      const [a] = await tem.execute<
        {
          id: string;
          customer_id: string;
          status: string;
          base_limit_fen: string;
          outstanding_principal_fen: string;
          held_fen: string;
          fees: string;
          pending: string;
        }[]
      >(
        `select a.id, a.customer_id, a.status, a.base_limit_fen, a.outstanding_principal_fen, a.held_fen,
                (select coalesce(sum(fee_fen - paid_fee_fen + late_fee_fen - paid_late_fee_fen), 0) from schedule_lines s where s.account_id = a.id and s.status not in ('PAID', 'WAIVED'))::text as fees,
                (select count(*) from purchases p where p.account_id = a.id and p.status = 'PENDING_REVIEW')::text as pending
           from credit_accounts a where a.id = ? for update`,
        [accountId],
      );
      if (!a) return fail('ACCOUNT_NOT_FOUND', 'There is no such credit account.', 'accountId');
      if (a.status === 'CLOSED')
        return fail('ACCOUNT_ALREADY_CLOSED', 'The account is already closed.', 'accountId');
      const owed = Number(a.outstanding_principal_fen) + Number(a.fees);
      if (owed > 0 || Number(a.held_fen) > 0 || Number(a.pending) > 0)
        return fail(
          'ACCOUNT_HAS_BALANCE',
          `The account cannot be closed while something is owed or held: owed ¥${(owed / 100).toFixed(2)}, held ¥${(Number(a.held_fen) / 100).toFixed(2)}, ${a.pending} purchase(s) waiting for review. Repay, release or decide them first.`,
          'accountId',
        );
      const customerId = String(a.customer_id);
      await tem.execute(
        `update credit_accounts set status = 'CLOSED', base_limit_fen = 0, closed_at = now(), frozen_reason = null, frozen_cause = null, frozen_reason_code = null, version = version + 1 where id = ?`,
        [accountId],
      );
      await tem.execute(
        `update temporary_limits set status = 'REVOKED' where account_id = ? and status = 'ACTIVE'`,
        [accountId],
      );
      await tem.execute(
        `update restoration_stages set status = 'CANCELLED' where account_id = ? and status = 'PENDING'`,
        [accountId],
      );
      const open = await tem.execute<{ id: string; status: RecoveryStatus }[]>(
        `select id, status from recovery_requests where account_id = ? and status in ('SUBMITTED', 'UNDER_REVIEW', 'NEEDS_DOCUMENTS') for update`,
        [accountId],
      );
      for (const r of open)
        await transition(
          tem,
          { id: String(r.id), customerId, status: r.status },
          'REJECTED',
          viewer.kind === 'agent' ? { type: 'AGENT', agentId: viewer.id } : { type: 'SYSTEM' },
          'The account was closed.',
        );
      const [d] = await tem.execute<{ id: string }[]>(
        `insert into limit_decisions (account_id, customer_id, kind, base_limit_before_fen, base_limit_after_fen, status_before, status_after, score, grade, probability_of_default, model_version, policy_version, reasons, decided_by, agent_id, note)
         select a.id, a.customer_id, 'CLOSE', ?, 0, ?, 'CLOSED', a.score, a.grade, a.probability_of_default, a.model_version, ?, ?::jsonb, ?, ?, ? from credit_accounts a where a.id = ? returning id`,
        [
          Number(a.base_limit_fen),
          a.status,
          POLICY.version,
          JSON.stringify([{ code: 'ACCOUNT_CLOSED_ON_REQUEST' }]),
          agentIdOf(viewer) ? 'AGENT' : 'SYSTEM',
          agentIdOf(viewer),
          reason.value,
          accountId,
        ],
      );
      const decisionId = String(d!.id);
      await raiseNotice(tem, {
        customerId,
        kind: 'ACCOUNT_CLOSED',
        eventKey: `decision:${decisionId}`,
        payload: { decisionId },
      });
      await writeAudit(tem, viewer, {
        action: 'closeAccount',
        customerId,
        targetType: 'CreditAccount',
        targetId: accountId,
        details: { reason: reason.value, decisionId, statusBefore: a.status },
      });
      return ok({ accountId, decisionId });
    });
  }

  /** A risk-alert freeze by a risk admin (with a reason code and a note), audited. */
  async freezeForRiskAlert(
    em: EntityManager,
    viewer: Viewer,
    accountId: string,
    reasonCode: string,
    noteText: string,
  ): Promise<
    Outcome<
      { accountId: string; decisionId: string },
      | 'ACCOUNT_CLOSED'
      | 'ACCOUNT_NOT_FOUND'
      | 'ALREADY_RISK_FROZEN'
      | 'REASON_REQUIRED'
      | 'REASON_TOO_LONG'
      | 'UNKNOWN_REASON_CODE'
    >
  > {
    if (!RISK_ALERT_REASON_CODES.includes(reasonCode))
      return fail(
        'UNKNOWN_REASON_CODE',
        `Use one of ${RISK_ALERT_REASON_CODES.join(', ')}.`,
        'reasonCode',
      );
    const note = checkNote(noteText, 'note');
    if (!note.ok) return note;
    return em.transactional((tem) =>
      riskAlertFreeze(tem, viewer, accountId, reasonCode, note.value),
    );
  }

  /** Lift a risk-alert freeze once the check is done (risk admin): ACTIVE again, UNFREEZE decision. */
  async clearRiskAlert(
    em: EntityManager,
    viewer: Viewer,
    accountId: string,
    noteText: string,
  ): Promise<
    Outcome<
      { accountId: string; decisionId: string },
      'ACCOUNT_NOT_FOUND' | 'NOT_RISK_FROZEN' | 'REASON_REQUIRED' | 'REASON_TOO_LONG'
    >
  > {
    const note = checkNote(noteText, 'note');
    if (!note.ok) return note;
    return em.transactional(async (tem) => {
      const [a] = await tem.execute<
        {
          id: string;
          customer_id: string;
          status: string;
          frozen_cause: string | null;
          base_limit_fen: string;
        }[]
      >(
        `select id, customer_id, status, frozen_cause, base_limit_fen from credit_accounts where id = ? for update`,
        [accountId],
      );
      if (!a) return fail('ACCOUNT_NOT_FOUND', 'There is no such credit account.', 'accountId');
      if (a.status !== 'FROZEN' || a.frozen_cause !== 'RISK_ALERT')
        return fail(
          'NOT_RISK_FROZEN',
          a.status === 'FROZEN'
            ? 'This account is frozen for another cause (overdue or by a supervisor); it is unfrozen on that path.'
            : `The account is ${a.status}, not frozen by a risk alert.`,
          'accountId',
        );
      const customerId = String(a.customer_id);
      await tem.execute(
        `update credit_accounts set status = 'ACTIVE', frozen_reason = null, frozen_cause = null, frozen_reason_code = null, version = version + 1 where id = ?`,
        [accountId],
      );
      const decisionId = await insertStatusDecision(tem, {
        accountId,
        kind: 'UNFREEZE',
        statusBefore: 'FROZEN',
        statusAfter: 'ACTIVE',
        reasons: ['RISK_ALERT_CLEARED'],
        agentId: agentIdOf(viewer),
        note: note.value,
      });
      await raiseNotice(tem, {
        customerId,
        kind: 'ACCOUNT_UNFROZEN',
        eventKey: `decision:${decisionId}`,
        payload: { reasonCode: 'RISK_ALERT_CLEARED', limitFen: Number(a.base_limit_fen) },
      });
      await writeAudit(tem, viewer, {
        action: 'clearRiskAlert',
        customerId,
        targetType: 'CreditAccount',
        targetId: accountId,
        details: { note: note.value, decisionId },
      });
      return ok({ accountId, decisionId });
    });
  }
}

/** A FREEZE/UNFREEZE decision row with the account's current limit, score and grade. */
export async function insertStatusDecision(
  tem: EntityManager,
  d: {
    accountId: string;
    kind: 'FREEZE' | 'UNFREEZE';
    statusBefore: string;
    statusAfter: string;
    reasons: string[];
    agentId: string | null;
    note: string | null;
  },
): Promise<string> {
  const [row] = await tem.execute<{ id: string }[]>(
    `insert into limit_decisions (account_id, customer_id, kind, base_limit_before_fen, base_limit_after_fen, status_before, status_after, score, grade, probability_of_default, model_version, policy_version, reasons, decided_by, agent_id, note)
     select a.id, a.customer_id, ?, a.base_limit_fen, a.base_limit_fen, ?, ?, a.score, a.grade, a.probability_of_default, a.model_version, ?, ?::jsonb, ?, ?, ? from credit_accounts a where a.id = ? returning id`,
    [
      d.kind,
      d.statusBefore,
      d.statusAfter,
      POLICY.version,
      JSON.stringify(d.reasons.map((code) => ({ code }))),
      d.agentId ? 'AGENT' : 'SYSTEM',
      d.agentId,
      d.note,
      d.accountId,
    ],
  );
  return String(row!.id);
}

/**
 * Freeze an account for a risk alert, inside the caller's transaction (by a risk admin, or by a
 * rule with the system as viewer). An account already frozen for another cause becomes
 * risk-frozen (so only a risk admin lifts it); an account already risk-frozen is left alone.
 */
export async function riskAlertFreeze(
  tem: EntityManager,
  viewer: Viewer,
  accountId: string,
  reasonCode: string,
  note: string,
): Promise<
  Outcome<
    { accountId: string; decisionId: string },
    'ACCOUNT_CLOSED' | 'ACCOUNT_NOT_FOUND' | 'ALREADY_RISK_FROZEN'
  >
> {
  const [a] = await tem.execute<
    { id: string; customer_id: string; status: string; frozen_cause: string | null }[]
  >(`select id, customer_id, status, frozen_cause from credit_accounts where id = ? for update`, [
    accountId,
  ]);
  if (!a) return fail('ACCOUNT_NOT_FOUND', 'There is no such credit account.', 'accountId');
  if (a.status === 'CLOSED')
    return fail('ACCOUNT_CLOSED', 'A closed account cannot be frozen.', 'accountId');
  if (a.status === 'FROZEN' && a.frozen_cause === 'RISK_ALERT')
    return fail(
      'ALREADY_RISK_FROZEN',
      'The account is already frozen by a risk alert.',
      'accountId',
    );
  const customerId = String(a.customer_id);
  await tem.execute(
    `update credit_accounts set status = 'FROZEN', frozen_cause = 'RISK_ALERT', frozen_reason_code = ?, frozen_reason = ?, version = version + 1 where id = ?`,
    [reasonCode, `Risk alert: ${note}`.slice(0, 500), accountId],
  );
  const decisionId = await insertStatusDecision(tem, {
    accountId,
    kind: 'FREEZE',
    statusBefore: a.status,
    statusAfter: 'FROZEN',
    reasons: [reasonCode],
    agentId: agentIdOf(viewer),
    note,
  });
  await raiseNotice(tem, {
    customerId,
    kind: 'ACCOUNT_FROZEN',
    eventKey: `decision:${decisionId}`,
    payload: { cause: 'RISK_ALERT', reasonCode, decisionId },
  });
  await writeAudit(tem, viewer, {
    action: 'freezeForRiskAlert',
    customerId,
    targetType: 'CreditAccount',
    targetId: accountId,
    details: { reasonCode, note, decisionId, statusBefore: a.status },
  });
  return ok({ accountId, decisionId });
}
