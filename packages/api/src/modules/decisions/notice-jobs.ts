import type { EntityManager } from '@mikro-orm/postgresql';
import { queueDelivery } from '../notices/notice-events.js';

/**
 * Event notices, set-based. Each event has a stable key and `(customer_id, event_key)` is
 * unique, so `on conflict do nothing` makes every statement safe to rerun: never twice per event.
 * Key formats are shared with the overdue job (`due-soon:<line>`, `overdue:<line>:<bucket>`) so the
 * two jobs never notify the same event twice either.
 */
export async function raiseEventNotices(
  em: EntityManager,
  asOf: Date,
): Promise<Record<string, number>> {
  const inserted = async (sql: string, params: unknown[]) =>
    (
      await em.execute<{ id: string }[]>(
        `${sql} on conflict (customer_id, event_key) do nothing returning id`,
        params,
      )
    ).map((r) => String(r.id));
  const count = async (sql: string, params: unknown[]) => (await inserted(sql, params)).length;
  // Payment reminders also go out by SMS and email (as the overdue job's do).
  const delivered = async (sql: string, params: unknown[]) => {
    const ids = await inserted(sql, params);
    await queueDelivery(em, ids, ['SMS', 'EMAIL']);
    return ids.length;
  };
  const month = asOf.toISOString().slice(0, 7);
  const highUtilisation = await count(
    `insert into notices (customer_id, kind, channel, event_key, payload, sent_at)
     select a.customer_id, 'HIGH_UTILISATION', 'IN_APP', 'util80:' || a.id || ':' || ?::text, jsonb_build_object('usedFen', a.used_fen, 'limitFen', a.base_limit_fen), now()
       from credit_accounts a where a.status = 'ACTIVE' and a.base_limit_fen > 0 and a.used_fen * 100 > a.base_limit_fen * 80`,
    [month],
  );
  const dueSoon = await delivered(
    `insert into notices (customer_id, kind, channel, event_key, payload, sent_at)
     select s.customer_id, 'DUE_SOON', 'IN_APP', 'due-soon:' || s.id, jsonb_build_object('lineId', s.id::text, 'dueDate', s.due_date), now()
       from schedule_lines s where s.status = 'DUE' and s.due_date between ?::date and (?::date + 3)`,
    [asOf, asOf],
  );
  const overdue = await delivered(
    `insert into notices (customer_id, kind, channel, event_key, payload, sent_at)
     select s.customer_id, 'OVERDUE', 'IN_APP', 'overdue:' || s.id || ':' || case when s.days_past_due <= 30 then 'M1' when s.days_past_due <= 60 then 'M2' when s.days_past_due <= 90 then 'M3' else 'M3+' end,
            jsonb_build_object('lineId', s.id::text, 'dueDate', s.due_date, 'daysPastDue', s.days_past_due), now()
       from schedule_lines s where s.status = 'OVERDUE' and s.days_past_due > 0`,
    [],
  );
  const promotionEnding = await count(
    `insert into notices (customer_id, kind, channel, event_key, payload, sent_at)
     select t.customer_id, 'PROMOTION_ENDING', 'IN_APP', 'promotion:' || t.promotion_id || ':ending', jsonb_build_object('promotionId', t.promotion_id::text, 'endsAt', t.ends_at, 'amountFen', t.amount_fen), now()
       from temporary_limits t where t.status = 'ACTIVE' and t.promotion_id is not null and t.ends_at > ?::timestamptz and t.ends_at <= ?::timestamptz + interval '3 days'`,
    [asOf, asOf],
  );
  const promotionStarted = await count(
    `insert into notices (customer_id, kind, channel, event_key, payload, sent_at)
     select t.customer_id, 'PROMOTION_STARTED', 'IN_APP', 'promotion:' || t.promotion_id || ':start', jsonb_build_object('promotionId', t.promotion_id::text, 'endsAt', t.ends_at, 'amountFen', t.amount_fen), now()
       from temporary_limits t where t.status = 'ACTIVE' and t.promotion_id is not null and t.starts_at <= ?::timestamptz and t.ends_at > ?::timestamptz`,
    [asOf, asOf],
  );
  return { highUtilisation, dueSoon, overdue, promotionStarted, promotionEnding };
}

/** Start due promotions and end past ones: their temporary limits stop counting (EXPIRED). */
export async function expirePromotions(
  em: EntityManager,
  asOf: Date,
): Promise<{ started: number; ended: number; temporaryLimitsExpired: number }> {
  return em.transactional(async (tem) => {
    const started = await tem.execute<{ id: string }[]>(
      `update promotions set status = 'ACTIVE' where status = 'SCHEDULED' and starts_at <= ?::timestamptz and ends_at > ?::timestamptz returning id`,
      [asOf, asOf],
    );
    const expired = await tem.execute<{ id: string }[]>(
      `update temporary_limits set status = 'EXPIRED' where status = 'ACTIVE' and ends_at <= ?::timestamptz returning id`,
      [asOf],
    );
    const ended = await tem.execute<{ id: string }[]>(
      `update promotions set status = 'ENDED' where status in ('SCHEDULED', 'ACTIVE') and ends_at <= ?::timestamptz returning id`,
      [asOf],
    );
    await tem.execute(
      `insert into audit_log (actor_type, action, target_type, details) values ('SYSTEM', 'expirePromotions', 'Promotion', ?::jsonb)`,
      [
        JSON.stringify({
          asOf,
          started: started.length,
          ended: ended.length,
          temporaryLimitsExpired: expired.length,
        }),
      ],
    );
    return { started: started.length, ended: ended.length, temporaryLimitsExpired: expired.length };
  });
}
