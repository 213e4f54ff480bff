import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config/config.js';
import { fail, ok, type Outcome } from '../../graphql/errors.js';
import type { Viewer } from '../auth/viewer.js';
import { writeAudit } from '../audit/audit.service.js';
import { raiseNotice } from '../notices/notice-events.js';
import { decryptPii } from '../customers/pii.js';
import { loadAccountFacts } from './behaviour.js';
import { reviewAccount } from './review.js';
import { GRADES, LIMIT_CAP_FEN, promotionGrant } from './scoring-adapter.js';
import { fitGrantsToBudget } from '../risk/review-budget.js';
import { pgArray } from './pg-array.js';
import type { NoticeChannel, NoticeKind } from '../notices/notice.entity.js';

const agentIdOf = (v: Viewer) => (v.kind === 'agent' ? v.id : null);

function checkReason(reason: string): Outcome<string> {
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

  /** A triggered review now: behaviour → features → score → bounded step → TRIGGERED_REVIEW decision. */
  async requestLimitReview(
    em: EntityManager,
    viewer: Viewer,
    accountId: string,
    asOf = new Date(),
  ): Promise<Outcome<{ accountId: string; decisionId: string }>> {
    return em.transactional(async (tem) => {
      const [a] = await tem.execute<{ id: string; status: string }[]>(
        `select id, status from credit_accounts where id = ? for update`,
        [accountId],
      );
      if (!a) return fail('ACCOUNT_NOT_FOUND', 'There is no such credit account.', 'accountId');
      if (a.status !== 'ACTIVE')
        return fail('ACCOUNT_NOT_ACTIVE', `A ${a.status} account is not reviewed.`, 'accountId');
      const [facts] = await loadAccountFacts(tem, { accountIds: [accountId] }, asOf);
      const r = reviewAccount(facts!, 'TRIGGERED', asOf);
      const [d] = await tem.execute<{ id: string }[]>(
        `insert into limit_decisions (account_id, customer_id, kind, base_limit_before_fen, base_limit_after_fen, status_before, status_after, score, grade, probability_of_default, model_version, features, reasons, decided_by, agent_id)
         values (?, ?, 'TRIGGERED_REVIEW', ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?) returning id`,
        [
          r.accountId,
          r.customerId,
          r.baseBefore,
          r.baseAfter,
          r.status,
          r.statusAfter,
          r.score,
          r.grade,
          r.pd,
          r.modelVersion,
          JSON.stringify(r.features),
          JSON.stringify(r.reasons),
          agentIdOf(viewer) ? 'AGENT' : 'SYSTEM',
          agentIdOf(viewer),
        ],
      );
      await tem.execute(
        `update credit_accounts set base_limit_fen = ?, status = ?, frozen_reason = case when ? = 'FROZEN' and status <> 'FROZEN' then 'Limit review: overdue' else frozen_reason end,
                score = ?, grade = ?, probability_of_default = ?, model_version = ?, last_reviewed_at = ?, version = version + 1 where id = ?`,
        [
          r.baseAfter,
          r.statusAfter,
          r.statusAfter,
          r.score,
          r.grade,
          r.pd,
          r.modelVersion,
          asOf,
          r.accountId,
        ],
      );
      const decisionId = String(d!.id);
      if (r.baseAfter !== r.baseBefore || r.statusAfter !== r.status) {
        await raiseNotice(tem, {
          customerId: r.customerId,
          kind: 'LIMIT_CHANGED',
          eventKey: `decision:${decisionId}`,
          payload: { before: r.baseBefore, after: r.baseAfter, status: r.statusAfter },
        });
      }
      await writeAudit(tem, viewer, {
        action: 'requestLimitReview',
        customerId: r.customerId,
        targetType: 'LimitDecision',
        targetId: decisionId,
        details: { before: r.baseBefore, after: r.baseAfter, score: r.score, grade: r.grade },
      });
      return ok({ accountId: r.accountId, decisionId });
    });
  }

  async setFrozen(
    em: EntityManager,
    viewer: Viewer,
    accountId: string,
    frozen: boolean,
    reasonText: string,
  ): Promise<Outcome<{ accountId: string; decisionId: string }>> {
    const reason = checkReason(reasonText);
    if (!reason.ok) return reason;
    return em.transactional(async (tem) => {
      const [a] = await tem.execute<
        { id: string; customer_id: string; status: string; base_limit_fen: string }[]
      >(
        `select id, customer_id, status, base_limit_fen from credit_accounts where id = ? for update`,
        [accountId],
      );
      if (!a) return fail('ACCOUNT_NOT_FOUND', 'There is no such credit account.', 'accountId');
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
        `update credit_accounts set status = ?, frozen_reason = ?, version = version + 1 where id = ?`,
        [after, frozen ? reason.value : null, accountId],
      );
      const [d] = await tem.execute<{ id: string }[]>(
        `insert into limit_decisions (account_id, customer_id, kind, base_limit_before_fen, base_limit_after_fen, status_before, status_after, score, grade, probability_of_default, model_version, reasons, decided_by, agent_id, note)
         select a.id, a.customer_id, ?, a.base_limit_fen, a.base_limit_fen, ?, ?, a.score, a.grade, a.probability_of_default, a.model_version, ?::jsonb, 'AGENT', ?, ? from credit_accounts a where a.id = ? returning id`,
        [
          frozen ? 'FREEZE' : 'UNFREEZE',
          a.status,
          after,
          JSON.stringify([{ code: frozen ? 'FROZEN' : 'UNFROZEN' }]),
          agentIdOf(viewer),
          reason.value,
          accountId,
        ],
      );
      const decisionId = String(d!.id);
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
    input: {
      name: string;
      startsAt: Date;
      endsAt: Date;
      eligibleGrades: string[];
      amountFen: number | null;
      percentBp: number | null;
      category: string | null;
    },
  ): Promise<Outcome<{ promotionId: string; granted: number }>> {
    const name = input.name.trim();
    if (!name || name.length > 100)
      return fail('INVALID_NAME', 'A name is 1 to 100 characters.', 'name');
    if (Number.isNaN(input.startsAt.getTime()) || Number.isNaN(input.endsAt.getTime()))
      return fail('INVALID_WINDOW', 'Give valid dates.', 'startsAt');
    if (input.endsAt <= input.startsAt)
      return fail('INVALID_WINDOW', 'The end must be after the start.', 'endsAt');
    if (input.endsAt.getTime() - input.startsAt.getTime() > 366 * 86_400_000)
      return fail('INVALID_WINDOW', 'A promotion lasts at most a year.', 'endsAt');
    if (input.endsAt <= new Date())
      return fail('INVALID_WINDOW', 'The promotion would already be over.', 'endsAt');
    const grades = [...new Set(input.eligibleGrades)];
    if (grades.length === 0)
      return fail('NO_GRADES', 'Name at least one eligible grade.', 'eligibleGrades');
    const bad = grades.find((g) => !(GRADES as readonly string[]).includes(g));
    if (bad)
      return fail(
        'UNKNOWN_GRADE',
        `Unknown grade ${bad.slice(0, 10)}; grades are ${GRADES.join(', ')}.`,
        'eligibleGrades',
      );
    if ((input.amountFen == null) === (input.percentBp == null))
      return fail(
        'AMOUNT_OR_PERCENT',
        'Give either an amount or a percentage, not both.',
        'amount',
      );
    if (
      input.amountFen != null &&
      (!Number.isInteger(input.amountFen) ||
        input.amountFen < 100 ||
        input.amountFen > LIMIT_CAP_FEN)
    )
      return fail('INVALID_AMOUNT', `The amount is 1 to ${LIMIT_CAP_FEN / 100} yuan.`, 'amount');
    if (
      input.percentBp != null &&
      (!Number.isInteger(input.percentBp) || input.percentBp < 1 || input.percentBp > 10_000)
    )
      return fail('INVALID_PERCENT', 'The percentage is 0.01 to 100.', 'percent');
    const category = input.category?.trim() || null;
    if (category && (category.length > 50 || !/^[\w-]+$/.test(category)))
      return fail('INVALID_CATEGORY', 'A category is 1 to 50 letters, digits, - or _.', 'category');
    return em.transactional(async (tem) => {
      const [p] = await tem.execute<{ id: string }[]>(
        `insert into promotions (name, starts_at, ends_at, eligible_grades, amount_fen, percent_bp, category, status, created_by_agent_id)
         values (?, ?, ?, ?::text[], ?, ?, ?, case when ?::timestamptz <= now() then 'ACTIVE' else 'SCHEDULED' end, ?) returning id`,
        [
          name,
          input.startsAt,
          input.endsAt,
          pgArray(grades),
          input.amountFen,
          input.percentBp,
          category,
          input.startsAt,
          agentIdOf(viewer),
        ],
      );
      const promotionId = String(p!.id);
      const accounts = await tem.execute<
        {
          id: string;
          customer_id: string;
          base_limit_fen: string;
          grade: string | null;
          probability_of_default: number | null;
        }[]
      >(
        `select id, customer_id, base_limit_fen, grade, probability_of_default from credit_accounts where status = 'ACTIVE' and grade = any(?::text[]) order by id for update`,
        [pgArray(grades)],
      );
      const wanted = accounts
        .map((a) => ({
          a,
          fen: Math.min(
            LIMIT_CAP_FEN,
            promotionGrant({
              grade: a.grade,
              baseLimitFen: Number(a.base_limit_fen),
              campaign: {
                eligibleGrades: grades,
                amountFen: input.amountFen,
                percentBp: input.percentBp,
              },
            }),
          ),
        }))
        .filter((g) => g.fen > 0);
      // The portfolio risk budget: where a cap binds, grants are scaled down (POLICY_RISK_BUDGET).
      const fitted = await fitGrantsToBudget(
        tem,
        wanted.map((g) => ({
          grade: g.a.grade ?? '',
          pd: Number(g.a.probability_of_default ?? 0),
          fen: g.fen,
        })),
      );
      const grants = wanted
        .map((g, i) => ({ ...g, fen: fitted[i]!.fen, scaled: fitted[i]!.scaled }))
        .filter((g) => g.fen > 0);
      for (let i = 0; i < grants.length; i += 2000) {
        const chunk = grants.slice(i, i + 2000);
        await tem.execute(
          `insert into temporary_limits (account_id, customer_id, promotion_id, amount_fen, category, starts_at, ends_at)
           select * from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::timestamptz[], ?::timestamptz[])`,
          [
            pgArray(chunk.map((g) => g.a.id)),
            pgArray(chunk.map((g) => g.a.customer_id)),
            pgArray(chunk.map(() => promotionId)),
            pgArray(chunk.map((g) => g.fen)),
            pgArray(chunk.map(() => category)),
            pgArray(chunk.map(() => input.startsAt)),
            pgArray(chunk.map(() => input.endsAt)),
          ],
        );
        await tem.execute(
          `insert into limit_decisions (account_id, customer_id, kind, base_limit_before_fen, base_limit_after_fen, temporary_amount_fen, status_before, status_after, score, grade, probability_of_default, model_version, reasons, decided_by, agent_id, note)
           select a.id, a.customer_id, 'PROMOTION', a.base_limit_fen, a.base_limit_fen, t.fen, a.status, a.status, a.score, a.grade, a.probability_of_default, a.model_version, t.reasons::jsonb, 'AGENT', ?, ?
             from unnest(?::bigint[], ?::bigint[], ?::text[]) as t(id, fen, reasons) join credit_accounts a on a.id = t.id`,
          [
            agentIdOf(viewer),
            `Promotion ${promotionId}: ${name}`,
            pgArray(chunk.map((g) => g.a.id)),
            pgArray(chunk.map((g) => g.fen)),
            pgArray(
              chunk.map((g) =>
                JSON.stringify(
                  g.scaled
                    ? [{ code: 'PROMOTION' }, { code: 'POLICY_RISK_BUDGET' }]
                    : [{ code: 'PROMOTION' }],
                ),
              ),
            ),
          ],
        );
      }
      await writeAudit(tem, viewer, {
        action: 'createPromotion',
        targetType: 'Promotion',
        targetId: promotionId,
        details: {
          name,
          grades,
          amountFen: input.amountFen,
          percentBp: input.percentBp,
          category,
          granted: grants.length,
          scaledByRiskBudget: grants.filter((g) => g.scaled).length,
        },
      });
      return ok({ promotionId, granted: grants.length });
    });
  }

  async sendNotice(
    em: EntityManager,
    viewer: Viewer,
    input: { customerId: string; kind: NoticeKind; channel: NoticeChannel; message: string },
  ): Promise<Outcome<{ noticeId: string }>> {
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
  ): Promise<Outcome<{ noticeId: string }>> {
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
  ): Promise<Outcome<{ phone: string; nationalId: string }>> {
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
