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
  ACCOUNTS_BY_CUSTOMER_WITH_LINK,
  ACCOUNTS_BY_ID,
  ACCOUNTS_BY_ID_WITH_LINK,
  PARTNER_LINK_SCOPES,
  accountFromRow,
  type AccountRead,
  type AccountRow,
  type ActiveTemporaryLimit,
} from '../modules/accounts/account.reads.js';
import { withRawClient } from '../db/pg-client.js';
import { SharedStatements } from './shared-statements.js';

/** One per ORM (the process's pool): the requests of one event-loop turn share its statements. */
const sharedByRoot = new WeakMap<EntityManager, SharedStatements>();

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
  /**
   * `emFor` forks the request's EntityManager when a loader needs the ORM; `root` only lends
   * connections. `partnerAppId`: the request is a partner app's, so account reads also bring
   * that app's link to the account's customer (see `partnerLinkScopes`).
   */
  constructor(
    private readonly emFor: () => EntityManager,
    private readonly root: EntityManager,
    private readonly partnerAppId?: string,
  ) {}

  private get shared(): SharedStatements {
    let s = sharedByRoot.get(this.root);
    if (!s) {
      const root = this.root;
      s = new SharedStatements((name, text, values) => rawRows(root, name, text, values));
      sharedByRoot.set(root, s);
    }
    return s;
  }

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
    return rawRows<R>(this.root, name, text, values);
  }

  private customerLoader = () =>
    this.loader<CustomerRead>('customer', async (ids) => {
      const rows = await this.shared.rows<CustomerRow>(
        'customers_by_id',
        CUSTOMERS_BY_ID,
        'id',
        ids,
      );
      this.primeAccounts(rows.filter((r) => r.a_id !== null).map(accountFromRow));
      return byKey(rows.map(customerFromRow), ids, (c) => c.id);
    });
  private customerWithDecisionLoader = () =>
    this.loader<CustomerRead>('customerWithDecision', async (ids) => {
      const rows = await this.shared.rows<CustomerRow & { d_json: DecisionRow | null }>(
        'customers_with_decision_by_id',
        CUSTOMERS_WITH_DECISION_BY_ID,
        'id',
        ids,
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
    keyColumn: keyof AccountRow,
    keys: readonly string[],
    keyOf: (a: AccountRead) => string,
  ) => {
    const rows = await this.shared.rows<AccountRow>(name, sql, keyColumn, keys);
    const accounts = rows.map(accountFromRow);
    this.primeAccounts(accounts);
    return byKey(accounts, keys, keyOf);
  };

  /**
   * For a partner app's request, an account read brings the app's link to the account's
   * customer in the same statement (`_WITH_LINK`), and the link loader is primed with it: the
   * link check that follows (links.service.ts `linkScopes`) costs no second round trip.
   */
  private accountsFor = (
    keys: readonly string[],
    by: 'id' | 'customer',
  ): Promise<(AccountRead | undefined)[]> => {
    const keyOf = by === 'id' ? (a: AccountRead) => a.id : (a: AccountRead) => a.customerId;
    const app = this.partnerAppId;
    if (app === undefined)
      return by === 'id'
        ? this.accounts('accounts_by_id', ACCOUNTS_BY_ID, 'a_id', keys, keyOf)
        : this.accounts('accounts_by_customer', ACCOUNTS_BY_CUSTOMER, 'a_customer_id', keys, keyOf);
    return (async () => {
      const rows = await this.shared.rows<AccountRow>(
        by === 'id' ? 'accounts_by_id_with_link' : 'accounts_by_customer_with_link',
        by === 'id' ? ACCOUNTS_BY_ID_WITH_LINK : ACCOUNTS_BY_CUSTOMER_WITH_LINK,
        by === 'id' ? 'a_id' : 'a_customer_id',
        keys,
        [app],
      );
      const links = this.partnerLinksLoader(app);
      for (const r of rows) links.prime(r.a_customer_id, r.a_link_scopes ?? undefined);
      const accounts = rows.map(accountFromRow);
      this.primeAccounts(accounts);
      return byKey(accounts, keys, keyOf);
    })();
  };

  private partnerLinksLoader = (app: string) =>
    this.loader<string[]>(`partnerLinks:${app}`, async (ids) => {
      const rows = await this.shared.rows<{ customer_id: string; scopes: string[] }>(
        'partner_link_scopes',
        PARTNER_LINK_SCOPES,
        'customer_id',
        ids,
        [app],
      );
      const by = new Map(rows.map((r) => [r.customer_id, r.scopes]));
      return ids.map((id) => by.get(id));
    });
  /**
   * The scopes of a partner app's active, unexpired link to a customer (undefined: no link).
   * Read with the customer's account when the request read it (primed above), else by itself.
   */
  partnerLinkScopes = (partnerAppId: string, customerId: string) =>
    this.partnerLinksLoader(partnerAppId).load(customerId);

  private primeAccounts(accounts: AccountRead[]): void {
    for (const a of accounts) {
      this.accountLoader().prime(a.id, a);
      this.accountByCustomerLoader().prime(a.customerId, a);
      this.activeTemporaryLimitsLoader().prime(a.id, a.activeTemporaryLimits);
    }
  }

  private accountByCustomerLoader = () =>
    this.loader<AccountRead>('accountByCustomer', (ids) => this.accountsFor(ids, 'customer'));
  accountByCustomer = (customerId: string) => this.accountByCustomerLoader().load(customerId);

  private accountLoader = () =>
    this.loader<AccountRead>('account', (ids) => this.accountsFor(ids, 'id'));
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
        (
          await this.shared.rows<DecisionRow>(
            'latest_decisions',
            LATEST_DECISIONS,
            'account_id',
            ids,
          )
        ).map(decisionFromRow),
        ids,
        (d) => d.accountId,
      ),
    );
  /** The newest decision of an account. */
  latestDecision = (accountId: string) => this.latestDecisionLoader().load(accountId);

  /** Temporary limits active now (usually primed by the account's own statement). */
  activeTemporaryLimits = (accountId: string) => this.activeTemporaryLimitsLoader().load(accountId);
}

async function rawRows<R>(
  root: EntityManager,
  name: string,
  text: string,
  values: unknown[],
): Promise<R[]> {
  return withRawClient(
    root,
    async (c) => (await c.query<R>({ name, text, values, types: pg.types })).rows,
  );
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
