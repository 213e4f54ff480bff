import type { EntityManager } from '@mikro-orm/postgresql';
import type { CustomerBehaviour } from './scoring-adapter.js';
import { pgArray } from './pg-array.js';

export interface AccountFacts {
  accountId: string;
  customerId: string;
  status: string;
  baseLimitFen: number;
  usedFen: number;
  incomeBand: string;
  monthsOnBook: number;
  /** Worst days past due: recorded history (24 months) and the live schedule. */
  maxDaysPastDue: number;
  behaviour: CustomerBehaviour;
}

type Raw = { raw(sql: string, params: unknown[]): Promise<{ rows: Record<string, unknown>[] }> };

/**
 * The behaviour of a set of accounts, set-based: five statements whatever the number of accounts
 * (accounts + customers, orders, reviews, repayment history, latest bureau report), each over the
 * id set, assembled per customer in JS for the scoring package. Reads through the driver
 * connection (bound parameters, no client-side query formatting).
 */
export async function loadAccountFacts(
  em: EntityManager,
  sel: { accountIds: string[] },
  asOf: Date,
): Promise<AccountFacts[]> {
  const knex = (em.getTransactionContext<Raw>() ??
    (em.getConnection() as unknown as { getKnex(): Raw }).getKnex()) as Raw;
  const q = async <R>(sql: string, params: unknown[]) => (await knex.raw(sql, params)).rows as R[];
  const accounts = await q<{
    account_id: string;
    customer_id: string;
    status: string;
    base_limit_fen: string;
    used_fen: string;
    opened_at: Date;
    registered_at: Date;
    real_name_verified: boolean;
    phone_bound: boolean;
    bank_card_bound: boolean;
    income_band: string;
    live_dpd: number | null;
  }>(
    `select a.id::text as account_id, a.customer_id::text as customer_id, a.status, a.base_limit_fen::text, a.used_fen::text, a.opened_at,
            c.registered_at, c.real_name_verified, c.phone_bound, c.bank_card_bound, c.income_band,
            (select max(s.days_past_due) from schedule_lines s where s.account_id = a.id and s.status = 'OVERDUE') as live_dpd
       from credit_accounts a join customers c on c.id = a.customer_id
      where a.id = any(?::bigint[]) order by a.id`,
    [pgArray(sel.accountIds)],
  );
  if (accounts.length === 0) return [];
  const b = await loadBehaviourRows(q, accounts, asOf);
  return accounts.map((a) => {
    const base = Number(a.base_limit_fen);
    const used = Number(a.used_fen);
    const behaviour = b.behaviourOf(a.customer_id, a);
    const opened = new Date(a.opened_at);
    const monthsOnBook = Math.max(
      0,
      (asOf.getUTCFullYear() - opened.getUTCFullYear()) * 12 +
        asOf.getUTCMonth() -
        opened.getUTCMonth() -
        (asOf.getUTCDate() < opened.getUTCDate() ? 1 : 0),
    );
    const maxDaysPastDue = Math.max(0, a.live_dpd ?? 0, b.historyMaxDpd(a.customer_id));
    return {
      accountId: a.account_id,
      customerId: a.customer_id,
      status: a.status,
      baseLimitFen: base,
      usedFen: used,
      incomeBand: a.income_band,
      monthsOnBook,
      maxDaysPastDue,
      behaviour: {
        ...behaviour,
        account: { baseLimitFen: base, usedFen: used, openedAt: opened },
      },
    };
  });
}

type Q = <R>(sql: string, params: unknown[]) => Promise<R[]>;
interface PersonRow {
  customer_id: string;
  registered_at: Date;
  real_name_verified: boolean;
  phone_bound: boolean;
  bank_card_bound: boolean;
  income_band: string;
}

/** Orders, reviews, repayment history and the latest bureau report of a set of customers: four statements. */
async function loadBehaviourRows(q: Q, accounts: PersonRow[], asOf: Date) {
  const cids = pgArray(accounts.map((a) => a.customer_id));
  const since = new Date(asOf.getTime() - 731 * 86_400_000);
  // one connection: the statements run one after another
  const [orders, reviews, repayments, bureau] = [
    await q<{
      customer_id: string;
      placed_at: Date;
      amount_fen: string;
      category: string;
      status: 'PENDING' | 'DELIVERED' | 'RETURNED' | 'CANCELLED';
    }>(
      `select customer_id::text, placed_at, amount_fen::text, category, status from orders where customer_id = any(?::bigint[]) and placed_at > ? and placed_at <= ?`,
      [cids, since, asOf],
    ),
    await q<{ customer_id: string; created_at: Date; rating: number }>(
      `select customer_id::text, created_at, rating from reviews where customer_id = any(?::bigint[]) and created_at <= ?`,
      [cids, asOf],
    ),
    await q<{
      customer_id: string;
      due_date: Date;
      amount_due_fen: string;
      amount_paid_fen: string;
      paid_at: Date | null;
      days_past_due: number;
    }>(
      `select customer_id::text, due_date::timestamptz as due_date, amount_due_fen::text, amount_paid_fen::text, paid_at, days_past_due from repayment_history where customer_id = any(?::bigint[]) and due_date > ?::date and due_date <= ?::date`,
      [cids, since, asOf],
    ),
    await q<{
      customer_id: string;
      reported_at: Date;
      bureau_score: number;
      inquiries_3m: number;
      inquiries_6m: number;
      other_debt_fen: string;
      past_defaults: number;
    }>(
      `select distinct on (customer_id) customer_id::text, reported_at, bureau_score, inquiries_3m, inquiries_6m, other_debt_fen::text, past_defaults
         from bureau_reports where customer_id = any(?::bigint[]) and reported_at <= ? order by customer_id, reported_at desc`,
      [cids, asOf],
    ),
  ];
  const group = <R extends { customer_id: string }>(rows: R[]) => {
    const m = new Map<string, R[]>();
    for (const r of rows)
      (m.get(r.customer_id) ?? m.set(r.customer_id, []).get(r.customer_id)!).push(r);
    return m;
  };
  const o = group(orders),
    rv = group(reviews),
    rh = group(repayments),
    br = group(bureau);
  return {
    /** Worst recorded days past due of the last 12 months. */
    historyMaxDpd: (customerId: string) =>
      Math.max(
        0,
        ...(rh.get(customerId) ?? [])
          .filter((r) => new Date(r.due_date).getTime() > asOf.getTime() - 366 * 86_400_000)
          .map((r) => r.days_past_due),
      ),
    pastDefaults: (customerId: string) => br.get(customerId)?.[0]?.past_defaults ?? 0,
    behaviourOf: (customerId: string, a: PersonRow): CustomerBehaviour => {
      const reps = rh.get(customerId) ?? [];
      const b = br.get(customerId)?.[0];
      return {
        registeredAt: new Date(a.registered_at),
        verification: {
          realName: a.real_name_verified,
          phoneBound: a.phone_bound,
          bankCardBound: a.bank_card_bound,
        },
        incomeBand: a.income_band as CustomerBehaviour['incomeBand'],
        orders: (o.get(customerId) ?? []).map((x) => ({
          placedAt: new Date(x.placed_at),
          amountFen: Number(x.amount_fen),
          category: x.category,
          status: x.status,
        })),
        reviews: (rv.get(customerId) ?? []).map((x) => ({
          createdAt: new Date(x.created_at),
          rating: x.rating,
        })),
        repayments: reps.map((x) => ({
          dueDate: new Date(x.due_date),
          amountDueFen: Number(x.amount_due_fen),
          amountPaidFen: Number(x.amount_paid_fen),
          paidAt: x.paid_at ? new Date(x.paid_at) : null,
          daysPastDue: x.days_past_due,
        })),
        bureau: b
          ? {
              reportedAt: new Date(b.reported_at),
              bureauScore: b.bureau_score,
              inquiries3m: b.inquiries_3m,
              inquiries6m: b.inquiries_6m,
              otherDebtFen: Number(b.other_debt_fen),
              pastDefaults: b.past_defaults,
            }
          : null,
      };
    },
  };
}

/** What an application is decided on: a customer's behaviour without an account, and the hard facts. */
export interface ApplicantFacts {
  customerId: string;
  incomeBand: string;
  realNameVerified: boolean;
  maxDaysPastDue: number;
  pastDefaults: number;
  behaviour: CustomerBehaviour;
}

/** The behaviour of one customer who has no (open) account yet: the data we hold, as of a date. */
export async function loadApplicantFacts(
  em: EntityManager,
  customerId: string,
  asOf: Date,
): Promise<ApplicantFacts | undefined> {
  const knex = (em.getTransactionContext<Raw>() ??
    (em.getConnection() as unknown as { getKnex(): Raw }).getKnex()) as Raw;
  const q: Q = async <R>(sql: string, params: unknown[]) =>
    (await knex.raw(sql, params)).rows as R[];
  const [c] = await q<PersonRow>(
    `select id::text as customer_id, registered_at, real_name_verified, phone_bound, bank_card_bound, income_band from customers where id = ?`,
    [customerId],
  );
  if (!c) return undefined;
  const b = await loadBehaviourRows(q, [c], asOf);
  return {
    customerId: c.customer_id,
    incomeBand: c.income_band,
    realNameVerified: c.real_name_verified,
    maxDaysPastDue: b.historyMaxDpd(c.customer_id),
    pastDefaults: b.pastDefaults(c.customer_id),
    behaviour: b.behaviourOf(c.customer_id, c),
  };
}
