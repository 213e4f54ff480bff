import type { EntityManager } from '@mikro-orm/postgresql';
import { fail, ok, type Outcome } from '../../graphql/errors.js';
import type { Viewer } from '../auth/viewer.js';
import { writeAudit } from '../audit/audit.service.js';
import { raiseNotice } from '../notices/notice-events.js';
import { GRADES, LIMIT_CAP_FEN, POLICY } from '../decisions/scoring-adapter.js';
import { pgArray } from '../decisions/pg-array.js';
import { PURCHASE_CATEGORIES, isPurchaseCategory } from '../purchases/categories.js';

const INCOME_BANDS = ['LOW', 'MID', 'HIGH', 'VERY_HIGH'];

/** One account, or a segment of ACTIVE accounts by grade and/or income band. */
export type CategoryLimitTarget =
  { accountId: string } | { grade?: string | null; incomeBand?: string | null };

export interface CategoryLimitResult {
  /** Accounts whose category limit was set, changed or removed. */
  changed: number;
  /** Accounts left alone (removal: the category limit is in use). */
  skipped: number;
}

function checkTarget(
  t: CategoryLimitTarget,
): Outcome<true, 'TARGET_REQUIRED' | 'UNKNOWN_GRADE' | 'UNKNOWN_INCOME_BAND'> {
  if ('accountId' in t) return ok(true);
  if (!t.grade && !t.incomeBand)
    return fail(
      'TARGET_REQUIRED',
      'Name an account, or a segment by grade and/or income band.',
      'target',
    );
  if (t.grade && !GRADES.includes(t.grade))
    return fail('UNKNOWN_GRADE', `Grades are ${GRADES.join(', ')}.`, 'grade');
  if (t.incomeBand && !INCOME_BANDS.includes(t.incomeBand))
    return fail(
      'UNKNOWN_INCOME_BAND',
      `Income bands are ${INCOME_BANDS.join(', ')}.`,
      'incomeBand',
    );
  return ok(true);
}

function checkCategory(category: string): Outcome<string, 'UNKNOWN_CATEGORY'> {
  const c = category.trim().toUpperCase();
  if (!isPurchaseCategory(c))
    return fail(
      'UNKNOWN_CATEGORY',
      `Unknown category; use one of ${PURCHASE_CATEGORIES.join(', ')}.`,
      'category',
    );
  return ok(c);
}

/** The ACTIVE accounts of a target, locked (an account target must be ACTIVE). */
async function lockTarget(
  tem: EntityManager,
  t: CategoryLimitTarget,
): Promise<
  Outcome<{ id: string; customer_id: string }[], 'ACCOUNT_NOT_ACTIVE' | 'ACCOUNT_NOT_FOUND'>
> {
  if ('accountId' in t) {
    const [a] = await tem.execute<{ id: string; customer_id: string; status: string }[]>(
      `select id, customer_id, status from credit_accounts where id = ? for update`,
      [t.accountId],
    );
    if (!a) return fail('ACCOUNT_NOT_FOUND', 'There is no such credit account.', 'accountId');
    if (a.status !== 'ACTIVE')
      return fail(
        'ACCOUNT_NOT_ACTIVE',
        `Category limits are set on ACTIVE accounts; this one is ${a.status}.`,
        'accountId',
      );
    return ok([a]);
  }
  const rows = await tem.execute<{ id: string; customer_id: string }[]>(
    `select a.id, a.customer_id from credit_accounts a join customers c on c.id = a.customer_id
      where a.status = 'ACTIVE' and (?::text is null or a.grade = ?) and (?::text is null or c.income_band = ?)
      order by a.id for update of a`,
    [t.grade ?? null, t.grade ?? null, t.incomeBand ?? null, t.incomeBand ?? null],
  );
  return ok(rows);
}

/**
 * 专项额度 administered by risk admins: set or change a category limit for one account or a
 * segment (ACTIVE accounts by grade and/or income band, as they are now), or remove it. Each
 * account changed gets a MANUAL decision (CATEGORY_LIMIT_SET / CATEGORY_LIMIT_REMOVED), a notice
 * with text and the change is audited; set-based, one transaction. A category limit in use (a
 * live hold or unpaid principal charged to it) is not removed: its pool accounting would be lost.
 */
export class CategoryLimitService {
  async set(
    em: EntityManager,
    viewer: Viewer,
    input: { target: CategoryLimitTarget; category: string; limitFen: number },
  ): Promise<
    Outcome<
      CategoryLimitResult,
      | 'ACCOUNT_NOT_ACTIVE'
      | 'ACCOUNT_NOT_FOUND'
      | 'INVALID_AMOUNT'
      | 'TARGET_REQUIRED'
      | 'UNKNOWN_CATEGORY'
      | 'UNKNOWN_GRADE'
      | 'UNKNOWN_INCOME_BAND'
    >
  > {
    const t = checkTarget(input.target);
    if (!t.ok) return t;
    const cat = checkCategory(input.category);
    if (!cat.ok) return cat;
    if (
      !Number.isInteger(input.limitFen) ||
      input.limitFen < 10_000 ||
      input.limitFen > LIMIT_CAP_FEN
    )
      return fail(
        'INVALID_AMOUNT',
        `A category limit is ¥100 to ¥${LIMIT_CAP_FEN / 100}.`,
        'limit',
      );
    return em.transactional(async (tem) => {
      const target = await lockTarget(tem, input.target);
      if (!target.ok) return target;
      const ids = target.value.map((a) => String(a.id));
      if (ids.length === 0) return ok({ changed: 0, skipped: 0 });
      const changed = await tem.execute<
        { account_id: string; customer_id: string; before: string | null }[]
      >(
        `with before as (select account_id, limit_fen from category_limits where account_id = any(?::bigint[]) and category = ?),
              up as (
                insert into category_limits (account_id, customer_id, category, limit_fen)
                select a.id, a.customer_id, ?, ? from credit_accounts a where a.id = any(?::bigint[])
                on conflict (account_id, category, customer_id) do update set limit_fen = excluded.limit_fen
                  where category_limits.limit_fen <> excluded.limit_fen
                returning account_id, customer_id)
         select up.account_id, up.customer_id, b.limit_fen::text as before from up left join before b on b.account_id = up.account_id`,
        [pgArray(ids), cat.value, cat.value, input.limitFen, pgArray(ids)],
      );
      await this.record(tem, viewer, changed, cat.value, input.limitFen);
      await writeAudit(tem, viewer, {
        action: 'setCategoryLimit',
        customerId: 'accountId' in input.target ? String(target.value[0]!.customer_id) : null,
        targetType: 'accountId' in input.target ? 'CreditAccount' : 'Segment',
        targetId:
          'accountId' in input.target ? input.target.accountId : JSON.stringify(input.target),
        details: { category: cat.value, limitFen: input.limitFen, changed: changed.length },
      });
      return ok({ changed: changed.length, skipped: ids.length - changed.length });
    });
  }

  async remove(
    em: EntityManager,
    viewer: Viewer,
    input: { target: CategoryLimitTarget; category: string },
  ): Promise<
    Outcome<
      CategoryLimitResult,
      | 'ACCOUNT_NOT_ACTIVE'
      | 'ACCOUNT_NOT_FOUND'
      | 'CATEGORY_LIMIT_IN_USE'
      | 'NO_CATEGORY_LIMIT'
      | 'TARGET_REQUIRED'
      | 'UNKNOWN_CATEGORY'
      | 'UNKNOWN_GRADE'
      | 'UNKNOWN_INCOME_BAND'
    >
  > {
    const t = checkTarget(input.target);
    if (!t.ok) return t;
    const cat = checkCategory(input.category);
    if (!cat.ok) return cat;
    return em.transactional(async (tem) => {
      const target = await lockTarget(tem, input.target);
      if (!target.ok) return target;
      const ids = target.value.map((a) => String(a.id));
      const [inUse] = await tem.execute<{ n: string }[]>(
        `select count(*)::text as n from category_limits where account_id = any(?::bigint[]) and category = ? and used_fen > 0`,
        [pgArray(ids), cat.value],
      );
      if ('accountId' in input.target && Number(inUse!.n) > 0)
        return fail(
          'CATEGORY_LIMIT_IN_USE',
          'This category limit still has a live hold or unpaid principal charged to it; it can be changed, or removed once that is repaid.',
          'category',
        );
      const removed = await tem.execute<
        { account_id: string; customer_id: string; before: string }[]
      >(
        `delete from category_limits where account_id = any(?::bigint[]) and category = ? and used_fen = 0
         returning account_id, customer_id, limit_fen::text as before`,
        [pgArray(ids), cat.value],
      );
      if ('accountId' in input.target && removed.length === 0)
        return fail(
          'NO_CATEGORY_LIMIT',
          'This account has no limit for this category.',
          'category',
        );
      await this.record(tem, viewer, removed, cat.value, null);
      await writeAudit(tem, viewer, {
        action: 'removeCategoryLimit',
        customerId: 'accountId' in input.target ? String(target.value[0]!.customer_id) : null,
        targetType: 'accountId' in input.target ? 'CreditAccount' : 'Segment',
        targetId:
          'accountId' in input.target ? input.target.accountId : JSON.stringify(input.target),
        details: { category: cat.value, removed: removed.length, inUse: Number(inUse!.n) },
      });
      return ok({ changed: removed.length, skipped: Number(inUse!.n) });
    });
  }

  /** MANUAL decisions and notices for the accounts changed, set-based. */
  private async record(
    tem: EntityManager,
    viewer: Viewer,
    rows: { account_id: string; customer_id: string; before: string | null }[],
    category: string,
    limitFen: number | null,
  ): Promise<void> {
    if (rows.length === 0) return;
    const code = limitFen == null ? 'CATEGORY_LIMIT_REMOVED' : 'CATEGORY_LIMIT_SET';
    const note = (before: string | null) =>
      `Category limit ${category}: ${before == null ? 'none' : `¥${Number(before) / 100}`} → ${limitFen == null ? 'none' : `¥${limitFen / 100}`}`;
    const decisions = await tem.execute<{ id: string; customer_id: string }[]>(
      `insert into limit_decisions (account_id, customer_id, kind, base_limit_before_fen, base_limit_after_fen, status_before, status_after, score, grade, probability_of_default, model_version, policy_version, reasons, decided_by, agent_id, note)
       select a.id, a.customer_id, 'MANUAL', a.base_limit_fen, a.base_limit_fen, a.status, a.status, a.score, a.grade, a.probability_of_default, a.model_version, ?, ?::jsonb, ?, ?, t.note
         from unnest(?::bigint[], ?::text[]) as t(id, note) join credit_accounts a on a.id = t.id
       returning id, customer_id`,
      [
        POLICY.version,
        JSON.stringify([{ code }]),
        viewer.kind === 'agent' ? 'AGENT' : 'SYSTEM',
        viewer.kind === 'agent' ? viewer.id : null,
        pgArray(rows.map((r) => String(r.account_id))),
        pgArray(rows.map((r) => note(r.before))),
      ],
    );
    if (decisions.length <= 50) {
      for (const d of decisions)
        await raiseNotice(tem, {
          customerId: String(d.customer_id),
          kind: 'CATEGORY_LIMIT_CHANGED',
          eventKey: `decision:${d.id}`,
          payload: { category, limitFen },
        });
      return;
    }
    await tem.execute(
      `insert into notices (customer_id, kind, channel, event_key, payload, sent_at)
       select t.customer_id, 'CATEGORY_LIMIT_CHANGED', 'IN_APP', 'decision:' || t.id, ?::jsonb, now()
         from unnest(?::bigint[], ?::bigint[]) as t(id, customer_id)
       on conflict (customer_id, event_key) do nothing`,
      [
        JSON.stringify({ category, limitFen }),
        pgArray(decisions.map((d) => String(d.id))),
        pgArray(decisions.map((d) => String(d.customer_id))),
      ],
    );
  }
}
