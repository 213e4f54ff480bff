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

const prepared = new WeakSet<object>();

/**
 * Borrow one pg connection from the ORM's own pool (no second pool) for statements that must be
 * fast: named statements are planned once per connection instead of once per call.
 */
export async function withRawClient<T>(
  em: EntityManager,
  fn: (c: RawClient) => Promise<T>,
): Promise<T> {
  const client = (em.getConnection().getKnex() as unknown as { client: KnexClientLike }).client;
  const c = await client.acquireConnection();
  try {
    if (!prepared.has(c)) {
      // Our named statements have one good plan; without this PostgreSQL re-plans them
      // (custom plans) on every call, which costs more than running them.
      await c.query({ text: 'set plan_cache_mode = force_generic_plan' });
      prepared.add(c);
    }
    return await fn(c);
  } finally {
    await client.releaseConnection(c);
  }
}
