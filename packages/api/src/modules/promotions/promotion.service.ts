import type { EntityManager } from '@mikro-orm/postgresql';
import { fail, ok, type Outcome } from '../../graphql/errors.js';
import type { Viewer } from '../auth/viewer.js';
import { writeAudit } from '../audit/audit.service.js';
import { GRADES, LIMIT_CAP_FEN, POLICY, promotionGrant } from '../decisions/scoring-adapter.js';
import { pgArray } from '../decisions/pg-array.js';
import { PURCHASE_CATEGORIES, isPurchaseCategory } from '../purchases/categories.js';
import { fitGrantsToBudget } from '../risk/review-budget.js';

export interface PromotionInput {
  name: string;
  startsAt: Date;
  endsAt: Date;
  eligibleGrades: string[];
  amountFen: number | null;
  percentBp: number | null;
  category: string | null;
}

const agentIdOf = (v: Viewer) => (v.kind === 'agent' ? v.id : null);

/** A campaign's terms, checked (the category against the purchase categories); normalised. */
export function validatePromotion(
  input: PromotionInput,
  now = new Date(),
): Outcome<
  PromotionInput,
  | 'AMOUNT_OR_PERCENT'
  | 'INVALID_AMOUNT'
  | 'INVALID_NAME'
  | 'INVALID_PERCENT'
  | 'INVALID_WINDOW'
  | 'NO_GRADES'
  | 'UNKNOWN_CATEGORY'
  | 'UNKNOWN_GRADE'
> {
  const name = input.name.trim();
  if (!name || name.length > 100)
    return fail('INVALID_NAME', 'A name is 1 to 100 characters.', 'name');
  if (Number.isNaN(input.startsAt.getTime()) || Number.isNaN(input.endsAt.getTime()))
    return fail('INVALID_WINDOW', 'Give valid dates.', 'startsAt');
  if (input.endsAt <= input.startsAt)
    return fail('INVALID_WINDOW', 'The end must be after the start.', 'endsAt');
  if (input.endsAt.getTime() - input.startsAt.getTime() > 366 * 86_400_000)
    return fail('INVALID_WINDOW', 'A promotion lasts at most a year.', 'endsAt');
  if (input.endsAt <= now)
    return fail('INVALID_WINDOW', 'The promotion would already be over.', 'endsAt');
  const grades = [...new Set(input.eligibleGrades)];
  if (grades.length === 0)
    return fail('NO_GRADES', 'Name at least one eligible grade.', 'eligibleGrades');
  const bad = grades.find((g) => !GRADES.includes(g));
  if (bad)
    return fail(
      'UNKNOWN_GRADE',
      `Unknown grade ${bad.slice(0, 10)}; grades are ${GRADES.join(', ')}.`,
      'eligibleGrades',
    );
  if ((input.amountFen == null) === (input.percentBp == null))
    return fail('AMOUNT_OR_PERCENT', 'Give either an amount or a percentage, not both.', 'amount');
  if (
    input.amountFen != null &&
    (!Number.isInteger(input.amountFen) || input.amountFen < 100 || input.amountFen > LIMIT_CAP_FEN)
  )
    return fail('INVALID_AMOUNT', `The amount is 1 to ${LIMIT_CAP_FEN / 100} yuan.`, 'amount');
  if (
    input.percentBp != null &&
    (!Number.isInteger(input.percentBp) || input.percentBp < 1 || input.percentBp > 10_000)
  )
    return fail('INVALID_PERCENT', 'The percentage is 0.01 to 100.', 'percent');
  const category = input.category?.trim().toUpperCase() || null;
  if (category && !isPurchaseCategory(category))
    return fail(
      'UNKNOWN_CATEGORY',
      `Unknown category; use one of ${PURCHASE_CATEGORIES.join(', ')}.`,
      'category',
    );
  return ok({ ...input, name, eligibleGrades: grades, category });
}

/**
 * Temporary limits of a campaign for its eligible ACTIVE accounts (locked), set-based, with a
 * PROMOTION decision each. When promotions do not stack (policy `promotion.stack`), an account
 * holding another promotion's temporary limit whose window overlaps this one is left out.
 */
export async function grantPromotion(
  tem: EntityManager,
  viewer: Viewer,
  promotionId: string,
  p: PromotionInput,
  reasonCode: 'PROMOTION_GRANTED' | 'PROMOTION_CHANGED',
): Promise<{ granted: number; scaledByRiskBudget: number }> {
  const accounts = await tem.execute<
    {
      id: string;
      customer_id: string;
      base_limit_fen: string;
      grade: string | null;
      probability_of_default: number | null;
    }[]
  >(
    `select a.id, a.customer_id, a.base_limit_fen, a.grade, a.probability_of_default from credit_accounts a
      where a.status = 'ACTIVE' and a.grade = any(?::text[])
        and (?::boolean or not exists (
          select 1 from temporary_limits t where t.account_id = a.id and t.status = 'ACTIVE' and t.promotion_id is not null
             and t.promotion_id <> ? and t.starts_at < ?::timestamptz and t.ends_at > ?::timestamptz))
      order by a.id for update of a`,
    [pgArray(p.eligibleGrades), POLICY.promotion.stack, promotionId, p.endsAt, p.startsAt],
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
            eligibleGrades: p.eligibleGrades,
            amountFen: p.amountFen,
            percentBp: p.percentBp,
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
        pgArray(chunk.map(() => p.category)),
        pgArray(chunk.map(() => p.startsAt)),
        pgArray(chunk.map(() => p.endsAt)),
      ],
    );
    await tem.execute(
      `insert into limit_decisions (account_id, customer_id, kind, base_limit_before_fen, base_limit_after_fen, temporary_amount_fen, status_before, status_after, score, grade, probability_of_default, model_version, policy_version, reasons, decided_by, agent_id, note)
       select a.id, a.customer_id, 'PROMOTION', a.base_limit_fen, a.base_limit_fen, t.fen, a.status, a.status, a.score, a.grade, a.probability_of_default, a.model_version, ?, t.reasons::jsonb, 'AGENT', ?, ?
         from unnest(?::bigint[], ?::bigint[], ?::text[]) as t(id, fen, reasons) join credit_accounts a on a.id = t.id`,
      [
        POLICY.version,
        agentIdOf(viewer),
        `Promotion ${promotionId}: ${p.name}`,
        pgArray(chunk.map((g) => g.a.id)),
        pgArray(chunk.map((g) => g.fen)),
        pgArray(
          chunk.map((g) =>
            JSON.stringify(
              g.scaled
                ? [{ code: reasonCode }, { code: 'POLICY_RISK_BUDGET' }]
                : [{ code: reasonCode }],
            ),
          ),
        ),
      ],
    );
  }
  return { granted: grants.length, scaledByRiskBudget: grants.filter((g) => g.scaled).length };
}

/**
 * Withdraw a campaign's temporary limits (REVOKED) with a PROMOTION decision (temporary amount 0,
 * PROMOTION_CANCELLED) and, when `notify`, a PROMOTION_CANCELLED notice for each account.
 */
async function withdrawPromotion(
  tem: EntityManager,
  viewer: Viewer,
  promotionId: string,
  name: string,
  notify: boolean,
): Promise<number> {
  const revoked = await tem.execute<{ account_id: string; customer_id: string }[]>(
    `update temporary_limits t set status = 'REVOKED' from credit_accounts a
      where t.promotion_id = ? and t.status = 'ACTIVE' and a.id = t.account_id
      returning t.account_id, t.customer_id`,
    [promotionId],
  );
  if (revoked.length === 0) return 0;
  const ids = pgArray(revoked.map((r) => String(r.account_id)));
  const d = await tem.execute<{ id: string; customer_id: string }[]>(
    `insert into limit_decisions (account_id, customer_id, kind, base_limit_before_fen, base_limit_after_fen, temporary_amount_fen, status_before, status_after, score, grade, probability_of_default, model_version, policy_version, reasons, decided_by, agent_id, note)
     select a.id, a.customer_id, 'PROMOTION', a.base_limit_fen, a.base_limit_fen, 0, a.status, a.status, a.score, a.grade, a.probability_of_default, a.model_version, ?, ?::jsonb, 'AGENT', ?, ?
       from credit_accounts a where a.id = any(?::bigint[]) returning id, customer_id`,
    [
      POLICY.version,
      JSON.stringify([{ code: 'PROMOTION_CANCELLED' }]),
      agentIdOf(viewer),
      `Promotion ${promotionId}: ${name}`,
      ids,
    ],
  );
  if (notify)
    await tem.execute(
      `insert into notices (customer_id, kind, channel, event_key, payload, sent_at)
       select c, 'PROMOTION_CANCELLED', 'IN_APP', 'promotion:' || ?::text || ':cancelled', ?::jsonb, now() from unnest(?::bigint[]) as c
       on conflict (customer_id, event_key) do nothing`,
      [
        promotionId,
        JSON.stringify({ promotionId, name }),
        pgArray(d.map((x) => String(x.customer_id))),
      ],
    );
  return revoked.length;
}

interface PromotionRow {
  id: string;
  name: string;
  starts_at: Date;
  ends_at: Date;
  eligible_grades: string[];
  amount_fen: string | null;
  percent_bp: number | null;
  category: string | null;
  status: string;
}

async function lockPromotion(tem: EntityManager, id: string): Promise<PromotionRow | undefined> {
  const [p] = await tem.execute<PromotionRow[]>(
    `select id, name, starts_at, ends_at, eligible_grades, amount_fen, percent_bp, category, status from promotions where id = ? for update`,
    [id],
  );
  return p;
}

/** Promotions administered by risk admins: edit before the start, cancel. */
export class PromotionService {
  /**
   * Change a campaign that has not started yet (SCHEDULED, start in the future): its terms are
   * checked like a new one's, and its temporary limits are granted again under the new terms
   * (accounts no longer eligible are withdrawn, without a notice: nothing had started).
   */
  async update(
    em: EntityManager,
    viewer: Viewer,
    promotionId: string,
    patch: Partial<PromotionInput>,
  ): Promise<
    Outcome<
      { promotionId: string; granted: number },
      | 'AMOUNT_OR_PERCENT'
      | 'INVALID_AMOUNT'
      | 'INVALID_NAME'
      | 'INVALID_PERCENT'
      | 'INVALID_WINDOW'
      | 'NO_GRADES'
      | 'PROMOTION_NOT_FOUND'
      | 'PROMOTION_STARTED'
      | 'UNKNOWN_CATEGORY'
      | 'UNKNOWN_GRADE'
    >
  > {
    return em.transactional(async (tem) => {
      const cur = await lockPromotion(tem, promotionId);
      if (!cur) return fail('PROMOTION_NOT_FOUND', 'There is no such promotion.', 'promotionId');
      if (cur.status !== 'SCHEDULED' || new Date(cur.starts_at) <= new Date())
        return fail(
          'PROMOTION_STARTED',
          `Only a promotion that has not started can be edited; this one is ${cur.status === 'SCHEDULED' ? 'starting' : cur.status}. Cancel it instead.`,
          'promotionId',
        );
      const amountGiven = patch.amountFen !== undefined || patch.percentBp !== undefined;
      const merged: PromotionInput = {
        name: patch.name ?? cur.name,
        startsAt: patch.startsAt ?? new Date(cur.starts_at),
        endsAt: patch.endsAt ?? new Date(cur.ends_at),
        eligibleGrades: patch.eligibleGrades ?? cur.eligible_grades,
        amountFen: amountGiven
          ? (patch.amountFen ?? null)
          : cur.amount_fen != null
            ? Number(cur.amount_fen)
            : null,
        percentBp: amountGiven ? (patch.percentBp ?? null) : cur.percent_bp,
        category: patch.category !== undefined ? patch.category : cur.category,
      };
      const v = validatePromotion(merged);
      if (!v.ok) return v;
      const p = v.value;
      if (p.startsAt <= new Date())
        return fail(
          'INVALID_WINDOW',
          'An edited promotion must still start in the future.',
          'startsAt',
        );
      await tem.execute(
        `update promotions set name = ?, starts_at = ?, ends_at = ?, eligible_grades = ?::text[], amount_fen = ?, percent_bp = ?, category = ? where id = ?`,
        [
          p.name,
          p.startsAt,
          p.endsAt,
          pgArray(p.eligibleGrades),
          p.amountFen,
          p.percentBp,
          p.category,
          promotionId,
        ],
      );
      await withdrawPromotion(tem, viewer, promotionId, p.name, false);
      // the old grants never counted (not started): they go, and the campaign is granted afresh
      await tem.execute(
        `delete from temporary_limits where promotion_id = ? and status = 'REVOKED'`,
        [promotionId],
      );
      const { granted, scaledByRiskBudget } = await grantPromotion(
        tem,
        viewer,
        promotionId,
        p,
        'PROMOTION_CHANGED',
      );
      await writeAudit(tem, viewer, {
        action: 'updatePromotion',
        targetType: 'Promotion',
        targetId: promotionId,
        details: { ...p, granted, scaledByRiskBudget },
      });
      return ok({ promotionId, granted });
    });
  }

  /** Cancel a campaign (scheduled or running): its temporary limits are revoked, customers told. */
  async cancel(
    em: EntityManager,
    viewer: Viewer,
    promotionId: string,
    reasonText: string,
  ): Promise<
    Outcome<
      { promotionId: string; revoked: number },
      'PROMOTION_NOT_FOUND' | 'PROMOTION_OVER' | 'REASON_REQUIRED'
    >
  > {
    const reason = reasonText.trim();
    if (!reason || reason.length > 500)
      return fail('REASON_REQUIRED', 'Give a reason of 1 to 500 characters.', 'reason');
    return em.transactional(async (tem) => {
      const cur = await lockPromotion(tem, promotionId);
      if (!cur) return fail('PROMOTION_NOT_FOUND', 'There is no such promotion.', 'promotionId');
      if (cur.status === 'ENDED' || cur.status === 'CANCELLED')
        return fail('PROMOTION_OVER', `The promotion is already ${cur.status}.`, 'promotionId');
      await tem.execute(`update promotions set status = 'CANCELLED' where id = ?`, [promotionId]);
      const revoked = await withdrawPromotion(tem, viewer, promotionId, cur.name, true);
      await writeAudit(tem, viewer, {
        action: 'cancelPromotion',
        targetType: 'Promotion',
        targetId: promotionId,
        details: { reason, revoked, statusBefore: cur.status },
      });
      return ok({ promotionId, revoked });
    });
  }
}
