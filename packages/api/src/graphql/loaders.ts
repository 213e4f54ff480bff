import DataLoader from 'dataloader';
import pg from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  CUSTOMERS_BY_ID,
  CUSTOMERS_WITH_DECISION_BY_ID,
  customerFromRow,
  type CustomerRead,
  type CustomerRow,
} from '../modules/customers/customer.reads.js';
import {
  LATEST_DECISIONS,
  decisionFromRow,
  type DecisionRow,
} from '../modules/decisions/decision.reads.js';
import type { LimitDecision } from '../modules/decisions/limit-decision.entity.js';
import {
  ACCOUNTS_BY_CUSTOMER,
  ACCOUNTS_BY_ID,
  accountFromRow,
  type AccountRead,
  type AccountRow,
  type ActiveTemporaryLimit,
} from '../modules/accounts/account.reads.js';
import { withRawClient } from '../db/pg-client.js';

/**
 * Per-request DataLoaders: one SQL statement per kind of lookup per tick, however many objects
 * a page asks for. Feature modules add a loader here when a field would otherwise query per row.
 * Loaders are created lazily so a request pays only for what it uses.
 *
 * The loaders on the hot read paths (customer, account and its active temporary limits, latest
 * decision) run hand-written named statements instead of `em.find`: building the query and
 * hydrating entities in the ORM was ~45 % of the API's CPU on a partner read (docs/benchmarks.md).
 * They return plain objects of the entities' shapes; writes still go through the ORM.
 */
export class Loaders {
  private cache = new Map<string, DataLoader<string, unknown>>();
  /** `emFor` forks the request's EntityManager when a loader needs the ORM; `root` only lends connections. */
  constructor(
    private readonly emFor: () => EntityManager,
    private readonly root: EntityManager,
  ) {}

  /** A loader by name, created on first use. `batch` gets the keys and returns values in key order. */
  get<V>(
    name: string,
    batch: (keys: readonly string[], em: EntityManager) => Promise<(V | undefined)[]>,
  ): DataLoader<string, V | undefined> {
    return this.loader(name, (keys) => batch(keys, this.emFor()));
  }

  /** A loader whose batch runs plain SQL (`rows`), so the request's EntityManager is not forked for it. */
  sql<V>(
    name: string,
    batch: (keys: readonly string[]) => Promise<(V | undefined)[]>,
  ): DataLoader<string, V | undefined> {
    return this.loader(name, batch);
  }

  private loader<V>(
    name: string,
    batch: (keys: readonly string[]) => Promise<(V | undefined)[]>,
  ): DataLoader<string, V | undefined> {
    let loader = this.cache.get(name) as DataLoader<string, V | undefined> | undefined;
    if (!loader) {
      loader = new DataLoader<string, V | undefined>(batch, { maxBatchSize: 500 });
      this.cache.set(name, loader as DataLoader<string, unknown>);
    }
    return loader;
  }

  /**
   * Rows of a named (server-side prepared) statement on a connection of the ORM's pool, with
   * node-postgres' standard parsing (timestamps as Dates, bigints as strings) rather than the
   * ORM's raw strings.
   */
  async rows<R>(name: string, text: string, values: unknown[]): Promise<R[]> {
    return withRawClient(
      this.root,
      async (c) => (await c.query<R>({ name, text, values, types: pg.types })).rows,
    );
  }

  private customerLoader = () =>
    this.loader<CustomerRead>('customer', async (ids) => {
      const rows = await this.rows<CustomerRow>('customers_by_id', CUSTOMERS_BY_ID, [ids]);
      this.primeAccounts(rows.filter((r) => r.a_id !== null).map(accountFromRow));
      return byKey(rows.map(customerFromRow), ids, (c) => c.id);
    });
  private customerWithDecisionLoader = () =>
    this.loader<CustomerRead>('customerWithDecision', async (ids) => {
      const rows = await this.rows<CustomerRow & { d_json: DecisionRow | null }>(
        'customers_with_decision_by_id',
        CUSTOMERS_WITH_DECISION_BY_ID,
        [ids],
      );
      this.primeAccounts(rows.filter((r) => r.a_id !== null).map(accountFromRow));
      for (const r of rows)
        if (r.a_id !== null)
          this.latestDecisionLoader().prime(
            r.a_id,
            r.d_json ? decisionFromRow(r.d_json) : undefined,
          );
      const customers = rows.map(customerFromRow);
      for (const c of customers) this.customerLoader().prime(c.id, c);
      return byKey(customers, ids, (c) => c.id);
    });
  /**
   * A customer by id. `withLatestDecision` (the query asks for the account's latest decision or
   * explanation, as a customer page does) brings that decision in the same statement.
   */
  customer = (id: string, opts: { withLatestDecision?: boolean } = {}) =>
    (opts.withLatestDecision ? this.customerWithDecisionLoader() : this.customerLoader()).load(id);
  /** Put customers already fetched (a search page) into the loader, so fields do not fetch them again. */
  primeCustomers = (rows: CustomerRead[]) =>
    rows.forEach((c) => this.customerLoader().prime(c.id, c));

  /** Accounts come with their active temporary limits (one statement), which prime that loader. */
  private accounts = async (
    name: string,
    sql: string,
    keys: readonly string[],
    keyOf: (a: AccountRead) => string,
  ) => {
    const accounts = (await this.rows<AccountRow>(name, sql, [keys])).map(accountFromRow);
    this.primeAccounts(accounts);
    return byKey(accounts, keys, keyOf);
  };

  private primeAccounts(accounts: AccountRead[]): void {
    for (const a of accounts) {
      this.accountLoader().prime(a.id, a);
      this.accountByCustomerLoader().prime(a.customerId, a);
      this.activeTemporaryLimitsLoader().prime(a.id, a.activeTemporaryLimits);
    }
  }

  private accountByCustomerLoader = () =>
    this.loader<AccountRead>('accountByCustomer', (ids) =>
      this.accounts('accounts_by_customer', ACCOUNTS_BY_CUSTOMER, ids, (a) => a.customerId),
    );
  accountByCustomer = (customerId: string) => this.accountByCustomerLoader().load(customerId);

  private accountLoader = () =>
    this.loader<AccountRead>('account', (ids) =>
      this.accounts('accounts_by_id', ACCOUNTS_BY_ID, ids, (a) => a.id),
    );
  account = (id: string) => this.accountLoader().load(id);

  private activeTemporaryLimitsLoader = () =>
    this.loader<ActiveTemporaryLimit[]>('activeTemporaryLimits', async (ids) =>
      (await Promise.all(ids.map((id) => this.account(id)))).map(
        (a) => a?.activeTemporaryLimits ?? [],
      ),
    );
  private latestDecisionLoader = () =>
    this.loader<LimitDecision>('latestDecision', async (ids) =>
      byKey(
        (await this.rows<DecisionRow>('latest_decisions', LATEST_DECISIONS, [ids])).map(
          decisionFromRow,
        ),
        ids,
        (d) => d.accountId,
      ),
    );
  /** The newest decision of an account. */
  latestDecision = (accountId: string) => this.latestDecisionLoader().load(accountId);

  /** Temporary limits active now (usually primed by the account's own statement). */
  activeTemporaryLimits = (accountId: string) => this.activeTemporaryLimitsLoader().load(accountId);
}

/** Order rows by the requested keys (a DataLoader contract), undefined where missing. */
export async function byKey<R>(
  rows: Promise<R[]> | R[],
  keys: readonly string[],
  keyOf: (r: R) => string,
): Promise<(R | undefined)[]> {
  const map = new Map((await rows).map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k));
}

/** Group rows by key, for one-to-many loaders. */
export async function groupByKey<R>(
  rows: Promise<R[]> | R[],
  keys: readonly string[],
  keyOf: (r: R) => string,
): Promise<R[][]> {
  const map = new Map<string, R[]>();
  for (const r of await rows) {
    const k = keyOf(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return keys.map((k) => map.get(k) ?? []);
}
