import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/postgresql';
import { readIdPage, toConnection, type ConnectionShape } from './relay.js';

/**
 * One page of an entity's rows keyed by id, as a connection: the checked `first`/`after`, the
 * rows after the cursor (one more than the page, to know whether another follows), and
 * `totalCount` — all rows matching `where` — counted only when the query selects it.
 * `newestFirst` (the default) pages by id descending; `false` oldest first (queues).
 */
export async function pageById<E extends { id: string }, T>(
  em: EntityManager,
  entity: EntityName<E>,
  where: FilterQuery<E>,
  args: { first: number; after?: string | null },
  toNode: (row: E) => T,
  { newestFirst = true }: { newestFirst?: boolean } = {},
): Promise<ConnectionShape<T>> {
  const { page, after } = readIdPage(args);
  const afterCursor = after ? { id: newestFirst ? { $lt: after } : { $gt: after } } : {};
  const rows = await em.find(entity, { ...(where as object), ...afterCursor } as FilterQuery<E>, {
    orderBy: { id: newestFirst ? 'desc' : 'asc' } as never,
    limit: page.size + 1,
  });
  return toConnection(
    rows as E[],
    page,
    (r) => [r.id],
    toNode,
    () => em.count(entity, where),
  );
}
