import 'reflect-metadata';
import pg from 'pg';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { Logger as WorkerLogger, runMigrations as runWorkerMigrations } from 'graphile-worker';
import { entities } from './entities.js';
import { migrationsList } from './migrations/index.js';
import { setStatementMode } from './pg-client.js';

/** MikroORM options for a database URL. Entities are declared with explicit types, so no metadata emit is needed. */
export function ormOptions(url: string, extra: Partial<Options> = {}): Options {
  return {
    clientUrl: url,
    entities,
    extensions: [Migrator],
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false },
    discovery: { warnWhenNoEntities: true },
    // Identity-map per request: resolvers fork the EntityManager.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    pool: { min: 0, max: 20 },
    debug: false,
    ...extra,
  };
}

/**
 * Connect and return an ORM instance. `pooler: 'transaction'` (PgBouncer in transaction mode in
 * front of PostgreSQL) makes the hot path send unnamed statements: a named statement is
 * prepared on one server connection and the pooler may run the next call on another.
 */
export async function connectOrm(
  url: string,
  extra: Partial<Options> = {},
  opts: { pooler?: 'none' | 'transaction' } = {},
): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(url, extra));
  setStatementMode(orm.em, opts.pooler === 'transaction' ? 'unnamed' : 'named');
  return orm;
}

/** Any constant unique to this application: the key of the migration lock. */
const MIGRATION_LOCK_KEY = 0x43_4c_4d_49; // "CLMI"

/**
 * Apply pending migrations (never a schema sync). Returns the names applied.
 *
 * Several processes that start together (API replicas, a worker) would each see the same
 * pending migrations and run them twice. A transaction-scoped advisory lock, held on a
 * connection of its own while the migrator runs, makes them take turns: the first applies,
 * the others then find nothing pending. Transaction-scoped (not session) so that it also holds
 * and is released correctly through PgBouncer in transaction mode.
 */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const url = orm.config.get('clientUrl');
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query('begin');
    await lock.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await orm.getMigrator().up();
    // The job queue's own schema (graphile_worker), versioned by graphile-worker itself: migrated
    // here too (under the same lock), so every database the API uses can take jobs before any
    // worker has started.
    if (url) await runWorkerMigrations({ connectionString: url, logger: quietWorkerLogger });
    await lock.query('commit');
    return applied.map((m) => m.name);
  } catch (err) {
    await lock.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    await lock.end().catch(() => undefined);
  }
}

const quietWorkerLogger = new WorkerLogger(() => () => undefined);
