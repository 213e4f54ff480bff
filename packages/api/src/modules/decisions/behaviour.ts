import type { EntityManager } from '@mikro-orm/postgresql';
import type { CustomerBehaviour } from './scoring-adapter.js';
import { pgArray } from './pg-array.js';

export interface AccountFacts {
  accountId: string;
  customerId: string;
  status: string;
  baseLimitFen: number;
  usedFen: number;
  behaviour: CustomerBehaviour;
}

interface Row {
  account_id: string;
  customer_id: string;
  status: string;
  base_limit_fen: string;
  used_fen: string;
  income_band: string;
  months_on_book: number;
  orders_12m: number;
  returned_12m: number;
  avg_rating: number | null;
  repayments: number;
  on_time: number;
  max_dpd: number | null;
  bureau_score: number | null;
  inquiries_6m: number | null;
  past_defaults: number | null;
}

/**
 * The behaviour of a set of accounts, set-based: one statement whatever the number of accounts
 * (each aggregate is grouped over the id set, not a correlated subquery per row).
 * `where` selects accounts: either explicit ids or an id range (for the periodic review's batches).
 */
export async function loadAccountFacts(em: EntityManager, sel: { accountIds: string[] } | { afterId: string; limit: number; status: string }, asOf: Date): Promise<AccountFacts[]> {
  const byIds = 'accountIds' in sel;
  const rows = await em.execute<Row[]>(
    `with acc as (
       select a.id, a.customer_id, a.status, a.base_limit_fen, a.used_fen, a.opened_at
         from credit_accounts a
        where ${byIds ? 'a.id = any(?::bigint[])' : 'a.id > ? and a.status = ? order by a.id limit ?'}
     ),
     o as (
       select customer_id, count(*)::int as n, count(*) filter (where status = 'RETURNED')::int as returned
         from orders where customer_id in (select customer_id from acc) and placed_at > ?::timestamptz - interval '12 months' and placed_at <= ?::timestamptz
        group by customer_id),
     rv as (select customer_id, avg(rating)::float8 as avg_rating from reviews where customer_id in (select customer_id from acc) group by customer_id),
     rh as (
       select customer_id, count(*)::int as n, count(*) filter (where days_past_due = 0)::int as on_time, max(days_past_due)::int as max_dpd
         from repayment_history where customer_id in (select customer_id from acc) and due_date > (?::timestamptz - interval '24 months')::date and due_date <= ?::date
        group by customer_id),
     br as (
       select distinct on (customer_id) customer_id, bureau_score, inquiries_6m, past_defaults
         from bureau_reports where customer_id in (select customer_id from acc) and reported_at <= ?::timestamptz
        order by customer_id, reported_at desc)
     select acc.id::text as account_id, acc.customer_id::text as customer_id, acc.status, acc.base_limit_fen::text, acc.used_fen::text,
            c.income_band,
            greatest(0, (extract(year from age(?::timestamptz, acc.opened_at)) * 12 + extract(month from age(?::timestamptz, acc.opened_at))))::int as months_on_book,
            coalesce(o.n, 0) as orders_12m, coalesce(o.returned, 0) as returned_12m, rv.avg_rating,
            coalesce(rh.n, 0) as repayments, coalesce(rh.on_time, 0) as on_time,
            greatest(rh.max_dpd, (select max(days_past_due) from schedule_lines s where s.account_id = acc.id and s.status = 'OVERDUE')) as max_dpd,
            br.bureau_score, br.inquiries_6m, br.past_defaults
       from acc join customers c on c.id = acc.customer_id
       left join o on o.customer_id = acc.customer_id
       left join rv on rv.customer_id = acc.customer_id
       left join rh on rh.customer_id = acc.customer_id
       left join br on br.customer_id = acc.customer_id
      order by acc.id`,
    [...(byIds ? [pgArray(sel.accountIds)] : [sel.afterId, sel.status, sel.limit]), asOf, asOf, asOf, asOf, asOf, asOf, asOf],
  );
  return rows.map((r) => {
    const base = Number(r.base_limit_fen);
    const used = Number(r.used_fen);
    return {
      accountId: r.account_id,
      customerId: r.customer_id,
      status: r.status,
      baseLimitFen: base,
      usedFen: used,
      behaviour: {
        incomeBand: r.income_band,
        monthsOnBook: r.months_on_book,
        orders12m: r.orders_12m,
        returnRate: r.orders_12m ? r.returned_12m / r.orders_12m : 0,
        avgRating: r.avg_rating,
        repayments: r.repayments,
        onTimeRate: r.repayments ? r.on_time / r.repayments : null,
        maxDaysPastDue: r.max_dpd ?? 0,
        bureauScore: r.bureau_score,
        inquiries6m: r.inquiries_6m ?? 0,
        pastDefaults: r.past_defaults ?? 0,
        utilisation: base > 0 ? used / base : used > 0 ? 1 : 0,
      },
    };
  });
}
