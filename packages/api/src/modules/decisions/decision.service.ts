import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config/config.js';
import { fail, ok, type Outcome } from '../../graphql/errors.js';
import type { Viewer } from '../auth/viewer.js';
import { writeAudit } from '../audit/audit.service.js';
import { raiseNotice } from '../notices/notice-events.js';
import { decryptPii } from '../customers/pii.js';
import { runTriggeredReview } from './triggered-review.js';
import {
  grantPromotion,
  validatePromotion,
  type PromotionInput,
} from '../promotions/promotion.service.js';
import { pgArray } from './pg-array.js';
import { POLICY } from './scoring-adapter.js';
import type { NoticeChannel, NoticeKind } from '../notices/notice.entity.js';

/** Notices only the system sends (their texts are built from their flow's own data). */
const SYSTEM_ONLY_NOTICE_KINDS: ReadonlySet<NoticeKind> = new Set([
  'PARTNER_LINK_CODE',
  'PARTNER_LINK_CHANGED',
  'STATEMENT_READY',
  'STATEMENT_DUE_SOON',
  'STATEMENT_OVERDUE',
]);

const agentIdOf = (v: Viewer) => (v.kind === 'agent' ? v.id : null);

function checkReason(reason: string): Outcome<string, 'REASON_REQUIRED' | 'REASON_TOO_LONG'> {
  const r = reason.trim();
  if (!r) return fail('REASON_REQUIRED', 'Give a reason.', 'reason');
  if (r.length > 500)
    return fail('REASON_TOO_LONG', 'A reason is at most 500 characters.', 'reason');
  return ok(r);
}

/**
 * Limit decisions, freezes, promotions, notices and PII reveals. Every change locks the account
 * row (`select … for update`), writes an append-only decision and an audit row in the same
 * transaction.
 */
export class DecisionService {
  constructor(private readonly config: Config) {}

  /**
   * A triggered review asked for by staff: a reason is required (stored as the decision's note
   * and audited), and the policy's cooldown applies: on unchanged evidence within the cooldown it
   * is refused (REVIEW_COOLDOWN), and a cut on the same evidence as the last cut is not repeated.
   */
  async requestLimitReview(
    em: EntityManager,
    viewer: Viewer,
    accountId: string,
    reasonText: string,
    asOf = new Date(),
  ): Promise<
    Outcome<
      { accountId: string; decisionId: string },
      | 'ACCOUNT_NOT_ACTIVE'
      | 'ACCOUNT_NOT_FOUND'
      | 'REASON_REQUIRED'
      | 'REASON_TOO_LONG'
      | 'REVIEW_COOLDOWN'
    >
  > {
    const reason = checkReason(reasonText);
    if (!reason.ok) return reason;
    return em.transactional(async (tem) => {
      const [a] = await tem.execute<{ id: string; status: string }[]>(
        `select id, status from credit_accounts where id = ? for update`,
        [accountId],
      );
      if (!a) return fail('ACCOUNT_NOT_FOUND', 'There is no such credit account.', 'accountId');
      const r = await runTriggeredReview(tem, { agentId: agentIdOf(viewer) }, accountId, asOf, {
        note: reason.value,
      });
      if (!r.done && r.code === 'ACCOUNT_NOT_ACTIVE')
        return fail('ACCOUNT_NOT_ACTIVE', `A ${r.status} account is not reviewed.`, 'accountId');
      if (!r.done)
        return fail(
          'REVIEW_COOLDOWN',
          `This account was reviewed on ${r.lastReviewAt.toISOString().slice(0, 10)} and nothing new is known since (no new bureau report, repayment, overdue or order). Another review on the same data is possible from ${r.nextAt.toISOString().slice(0, 10)}; record new data (e.g. a bureau report) to review sooner.`,
          'accountId',
        );
      const o = r.outcome;
      await writeAudit(tem, viewer, {
        action: 'requestLimitReview',
        customerId: o.customerId,
        targetType: 'LimitDecision',
        targetId: r.decisionId,
        details: {
          reason: reason.value,
          before: o.baseBefore,
          after: o.baseAfter,
          score: o.score,
          grade: o.grade,
        },
      });
      return ok({ accountId: o.accountId, decisionId: r.decisionId });
    });
  }

  async setFrozen(
    em: EntityManager,
    viewer: Viewer,
    accountId: string,
    frozen: boolean,
    reasonText: string,
  ): Promise<
    Outcome<
      { accountId: string; decisionId: string },
      | 'ACCOUNT_NOT_ACTIVE'
      | 'ACCOUNT_NOT_FOUND'
      | 'ACCOUNT_NOT_FROZEN'
      | 'REASON_REQUIRED'
      | 'REASON_TOO_LONG'
      | 'RISK_ALERT_FREEZE'
    >
  > {
    const reason = checkReason(reasonText);
    if (!reason.ok) return reason;
    return em.transactional(async (tem) => {
      const [a] = await tem.execute<
        {
          id: string;
          customer_id: string;
          status: string;
          base_limit_fen: string;
          frozen_cause: string | null;
        }[]
      >(
        `select id, customer_id, status, base_limit_fen, frozen_cause from credit_accounts where id = ? for update`,
        [accountId],
      );
      if (!a) return fail('ACCOUNT_NOT_FOUND', 'There is no such credit account.', 'accountId');
      if (!frozen && a.frozen_cause === 'RISK_ALERT')
        return fail(
          'RISK_ALERT_FREEZE',
          'This account is frozen by a risk alert; a risk admin lifts it with clearRiskAlert once the check is done.',
          'accountId',
        );
      if (frozen && a.status !== 'ACTIVE')
        return fail(
          'ACCOUNT_NOT_ACTIVE',
          `Only an ACTIVE account can be frozen; this one is ${a.status}.`,
          'accountId',
        );
      if (!frozen && a.status !== 'FROZEN')
        return fail('ACCOUNT_NOT_FROZEN', 'The account is not frozen.', 'accountId');
      const after = frozen ? 'FROZEN' : 'ACTIVE';
      await tem.execute(
        `update credit_accounts set status = ?, frozen_reason = ?, frozen_cause = ?, frozen_reason_code = ?, version = version + 1 where id = ?`,
        [
          after,
          frozen ? reason.value : null,
          frozen ? 'MANUAL' : null,
          frozen ? 'MANUAL_FREEZE' : null,
          accountId,
        ],
      );
      const [d] = await tem.execute<{ id: string }[]>(
        `insert into limit_decisions (account_id, customer_id, kind, base_limit_before_fen, base_limit_after_fen, status_before, status_after, score, grade, probability_of_default, model_version, policy_version, reasons, decided_by, agent_id, note)
         select a.id, a.customer_id, ?, a.base_limit_fen, a.base_limit_fen, ?, ?, a.score, a.grade, a.probability_of_default, a.model_version, ?, ?::jsonb, 'AGENT', ?, ? from credit_accounts a where a.id = ? returning id`,
        [
          frozen ? 'FREEZE' : 'UNFREEZE',
          a.status,
          after,
          POLICY.version,
          JSON.stringify([{ code: frozen ? 'MANUAL_FREEZE' : 'MANUAL_UNFREEZE' }]),
          agentIdOf(viewer),
          reason.value,
          accountId,
        ],
      );
      const decisionId = String(d!.id);
      await raiseNotice(tem, {
        customerId: String(a.customer_id),
        kind: frozen ? 'ACCOUNT_FROZEN' : 'ACCOUNT_UNFROZEN',
        eventKey: `decision:${decisionId}`,
        payload: frozen
          ? { cause: 'MANUAL', reasonCode: 'MANUAL_FREEZE', decisionId }
          : { limitFen: Number(a.base_limit_fen), decisionId },
      });
      await writeAudit(tem, viewer, {
        action: frozen ? 'freezeAccount' : 'unfreezeAccount',
        customerId: String(a.customer_id),
        targetType: 'CreditAccount',
        targetId: String(a.id),
        details: { reason: reason.value, decisionId },
      });
      return ok({ accountId: String(a.id), decisionId });
    });
  }

  /** A campaign and its temporary limits for the eligible ACTIVE accounts, set-based. */
  async createPromotion(
    em: EntityManager,
    viewer: Viewer,
    input: PromotionInput,
  ): Promise<
    Outcome<
      { promotionId: string; granted: number },
      | 'AMOUNT_OR_PERCENT'
      | 'INVALID_AMOUNT'
      | 'INVALID_NAME'
      | 'INVALID_PERCENT'
      | 'INVALID_WINDOW'
      | 'NO_GRADES'
      | 'UNKNOWN_CATEGORY'
      | 'UNKNOWN_GRADE'
    >
  > {
    const v = validatePromotion(input);
    if (!v.ok) return v;
    const p = v.value;
    return em.transactional(async (tem) => {
      const [row] = await tem.execute<{ id: string }[]>(
        `insert into promotions (name, starts_at, ends_at, eligible_grades, amount_fen, percent_bp, category, status, created_by_agent_id)
         values (?, ?, ?, ?::text[], ?, ?, ?, case when ?::timestamptz <= now() then 'ACTIVE' else 'SCHEDULED' end, ?) returning id`,
        [
          p.name,
          p.startsAt,
          p.endsAt,
          pgArray(p.eligibleGrades),
          p.amountFen,
          p.percentBp,
          p.category,
          p.startsAt,
          agentIdOf(viewer),
        ],
      );
      const promotionId = String(row!.id);
      const { granted, scaledByRiskBudget } = await grantPromotion(
        tem,
        viewer,
        promotionId,
        p,
        'PROMOTION_GRANTED',
      );
      await writeAudit(tem, viewer, {
        action: 'createPromotion',
        targetType: 'Promotion',
        targetId: promotionId,
        details: {
          name: p.name,
          grades: p.eligibleGrades,
          amountFen: p.amountFen,
          percentBp: p.percentBp,
          category: p.category,
          granted,
          scaledByRiskBudget,
        },
      });
      return ok({ promotionId, granted });
    });
  }

  async sendNotice(
    em: EntityManager,
    viewer: Viewer,
    input: { customerId: string; kind: NoticeKind; channel: NoticeChannel; message: string },
  ): Promise<
    Outcome<{ noticeId: string }, 'CUSTOMER_NOT_FOUND' | 'INVALID_KIND' | 'INVALID_MESSAGE'>
  > {
    // Link codes, link changes and statement notices come from their own flows, never from staff.
    if (SYSTEM_ONLY_NOTICE_KINDS.has(input.kind))
      return fail('INVALID_KIND', 'Staff cannot send this kind of notice.', 'kind');
    const message = input.message.trim();
    if (!message || message.length > 1000)
      return fail('INVALID_MESSAGE', 'A message is 1 to 1000 characters.', 'message');
    return em.transactional(async (tem) => {
      const [c] = await tem.execute<{ id: string }[]>(`select id from customers where id = ?`, [
        input.customerId,
      ]);
      if (!c) return fail('CUSTOMER_NOT_FOUND', 'There is no such customer.', 'customerId');
      const eventKey = `agent:${agentIdOf(viewer)}:${Date.now()}:${Math.random().toString(36).slice(2, 10)}`;
      await raiseNotice(tem, {
        customerId: input.customerId,
        kind: input.kind,
        channel: input.channel,
        eventKey,
        payload: { message },
        agentId: agentIdOf(viewer),
      });
      const [n] = await tem.execute<{ id: string }[]>(
        `select id from notices where customer_id = ? and event_key = ?`,
        [input.customerId, eventKey],
      );
      const noticeId = String(n!.id);
      await writeAudit(tem, viewer, {
        action: 'sendNotice',
        customerId: input.customerId,
        targetType: 'Notice',
        targetId: noticeId,
        details: { kind: input.kind, channel: input.channel },
      });
      return ok({ noticeId });
    });
  }

  async acknowledgeNotice(
    em: EntityManager,
    viewer: Viewer,
    noticeId: string,
  ): Promise<Outcome<{ noticeId: string }, 'NOTICE_NOT_FOUND'>> {
    return em.transactional(async (tem) => {
      const [n] = await tem.execute<{ id: string; customer_id: string }[]>(
        `update notices set acknowledged_at = coalesce(acknowledged_at, now()), read_at = coalesce(read_at, now()) where id = ? returning id, customer_id`,
        [noticeId],
      );
      if (!n) return fail('NOTICE_NOT_FOUND', 'There is no such notice.', 'noticeId');
      await writeAudit(tem, viewer, {
        action: 'acknowledgeNotice',
        customerId: String(n.customer_id),
        targetType: 'Notice',
        targetId: String(n.id),
      });
      return ok({ noticeId: String(n.id) });
    });
  }

  /** Supervisor only (checked by the resolver too); the reveal and its reason are audited in the same transaction. */
  async revealPii(
    em: EntityManager,
    viewer: Viewer,
    customerId: string,
    reasonText: string,
  ): Promise<
    Outcome<
      { phone: string; nationalId: string },
      'CUSTOMER_NOT_FOUND' | 'FORBIDDEN' | 'REASON_REQUIRED' | 'REASON_TOO_LONG'
    >
  > {
    if (!(viewer.kind === 'agent' && viewer.role === 'SUPERVISOR'))
      return fail('FORBIDDEN', 'Only a supervisor can reveal personal data.');
    const reason = checkReason(reasonText);
    if (!reason.ok) return reason;
    return em.transactional(async (tem) => {
      const [c] = await tem.execute<{ id: string; phone_enc: Buffer; national_id_enc: Buffer }[]>(
        `select id, phone_enc, national_id_enc from customers where id = ?`,
        [customerId],
      );
      if (!c) return fail('CUSTOMER_NOT_FOUND', 'There is no such customer.', 'customerId');
      const key = this.config.secrets.piiKey;
      const value = {
        phone: decryptPii(c.phone_enc, key),
        nationalId: decryptPii(c.national_id_enc, key),
      };
      await writeAudit(tem, viewer, {
        action: 'revealCustomerPii',
        customerId,
        targetType: 'Customer',
        targetId: customerId,
        details: { reason: reason.value, fields: ['phone', 'nationalId'] },
      });
      return ok(value);
    });
  }
}
