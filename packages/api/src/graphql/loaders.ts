import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Customer } from '../modules/customers/customer.entity.js';
import { CreditAccount } from '../modules/accounts/credit-account.entity.js';

/**
 * Per-request DataLoaders: one SQL statement per kind of lookup per tick, however many objects
 * a page asks for. Feature modules add a loader here when a field would otherwise query per row.
 * Loaders are created lazily so a request pays only for what it uses.
 */
export class Loaders {
  private cache = new Map<string, DataLoader<string, unknown>>();
  constructor(private readonly em: EntityManager) {}

  /** A loader by name, created on first use. `batch` gets the keys and returns values in key order. */
  get<V>(name: string, batch: (keys: readonly string[], em: EntityManager) => Promise<(V | undefined)[]>): DataLoader<string, V | undefined> {
    let loader = this.cache.get(name) as DataLoader<string, V | undefined> | undefined;
    if (!loader) {
      loader = new DataLoader<string, V | undefined>((keys) => batch(keys, this.em), { maxBatchSize: 500 });
      this.cache.set(name, loader as DataLoader<string, unknown>);
    }
    return loader;
  }

  private customerLoader = () => this.get<Customer>('customer', (ids, em) => byKey(em.find(Customer, { id: { $in: [...ids] } }), ids, (c) => c.id));
  customer = (id: string) => this.customerLoader().load(id);
  /** Put customers already fetched (a search page) into the loader, so fields do not fetch them again. */
  primeCustomers = (rows: Customer[]) => rows.forEach((c) => this.customerLoader().prime(c.id, c));

  accountByCustomer = (customerId: string) =>
    this.get<CreditAccount>('accountByCustomer', (ids, em) => byKey(em.find(CreditAccount, { customerId: { $in: [...ids] } }), ids, (a) => a.customerId)).load(customerId);

  account = (id: string) => this.get<CreditAccount>('account', (ids, em) => byKey(em.find(CreditAccount, { id: { $in: [...ids] } }), ids, (a) => a.id)).load(id);
}

/** Order rows by the requested keys (a DataLoader contract), undefined where missing. */
export async function byKey<R>(rows: Promise<R[]> | R[], keys: readonly string[], keyOf: (r: R) => string): Promise<(R | undefined)[]> {
  const map = new Map((await rows).map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k));
}

/** Group rows by key, for one-to-many loaders. */
export async function groupByKey<R>(rows: Promise<R[]> | R[], keys: readonly string[], keyOf: (r: R) => string): Promise<R[][]> {
  const map = new Map<string, R[]>();
  for (const r of await rows) {
    const k = keyOf(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return keys.map((k) => map.get(k) ?? []);
}
