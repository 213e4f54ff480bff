import type { EntityManager } from '@mikro-orm/postgresql';

/** The node-postgres client API used on the hot path (named = server-side prepared statements). */
export interface RawClient {
  query<R = Record<string, unknown>>(config: {
    name?: string;
    text: string;
    values?: unknown[];
    types?: unknown;
  }): Promise<{ rows: R[]; rowCount: number | null }>;
}

interface KnexClientLike {
  acquireConnection(): Promise<RawClient>;
  releaseConnection(c: RawClient): Promise<void> | void;
}

/** What lends connections: any EntityManager of the ORM (every fork shares its connection). */
export type ConnectionLender = Pick<EntityManager, 'getConnection'>;

const knexClientOf = (em: ConnectionLender) =>
  (em.getConnection().getKnex() as unknown as { client: KnexClientLike }).client;

/**
 * Per ORM (its knex client): `named` uses server-side prepared statements; `unnamed` (behind a
 * transaction-mode pooler such as PgBouncer 1.18, which cannot follow a prepared statement from
 * one server connection to the next) sends the same statements without a name.
 */
const modes = new WeakMap<object, 'named' | 'unnamed'>();

export function setStatementMode(em: EntityManager, mode: 'named' | 'unnamed'): void {
  modes.set(knexClientOf(em), mode);
}

const prepared = new WeakSet<object>();

/** The same client with the statement name dropped: each call is parsed and planned afresh. */
const unnamed = (c: RawClient): RawClient => ({
  query: (config) => c.query({ ...config, name: undefined }),
});

/**
 * Borrow one pg connection from the ORM's own pool (no second pool) for statements that must be
 * fast: named statements are planned once per connection instead of once per call.
 */
export async function withRawClient<T>(
  em: ConnectionLender,
  fn: (c: RawClient) => Promise<T>,
): Promise<T> {
  const client = knexClientOf(em);
  const c = await client.acquireConnection();
  try {
    if (modes.get(client) === 'unnamed') return await fn(unnamed(c));
    if (!prepared.has(c)) {
      // Our named statements have one good plan; without this PostgreSQL re-plans them
      // (custom plans) on every call, which costs more than running them. (Not behind a
      // transaction pooler: a session setting would land on whichever server connection.)
      await c.query({ text: 'set plan_cache_mode = force_generic_plan' });
      prepared.add(c);
    }
    return await fn(c);
  } finally {
    await client.releaseConnection(c);
  }
}
