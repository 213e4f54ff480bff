import 'reflect-metadata';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { Logger as WorkerLogger, runMigrations as runWorkerMigrations } from 'graphile-worker';
import { entities } from './entities.js';
import { migrationsList } from './migrations/index.js';

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

/** Connect and return an ORM instance. */
export async function connectOrm(url: string, extra: Partial<Options> = {}): Promise<MikroORM> {
  return MikroORM.init(ormOptions(url, extra));
}

/** Apply pending migrations (never a schema sync). Returns the names applied. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  // The job queue's own schema (graphile_worker), versioned by graphile-worker itself: migrated
  // here too, so that every database the API uses can take jobs before any worker has started.
  const url = orm.config.get('clientUrl');
  if (url) await runWorkerMigrations({ connectionString: url, logger: quietWorkerLogger });
  return applied.map((m) => m.name);
}

const quietWorkerLogger = new WorkerLogger(() => () => undefined);
