import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { freePort, startEmbeddedPostgres, withDatabase } from '../src/db/embedded-postgres.js';
import { connectOrm, migrate } from '../src/db/orm.js';
import { startPgBouncer, type RunningPgBouncer } from './pgbouncer.js';

/**
 * One throwaway PostgreSQL cluster for the whole run (fsync off), with a migrated template
 * database. Each test file clones the template into a database of its own (test/database.ts),
 * so files never share state and nothing is left behind: the cluster's folder is removed at the end.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'creditline-test-pg-'));
  chmodSync(dir, 0o755); // reachable by the postgres user when we run as root

  const server = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'data'),
    port: await freePort(),
    ephemeral: true,
  });
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query('create database creditline_template');
  await admin.end();
  const orm = await connectOrm(withDatabase(server.url, 'creditline_template'));
  await migrate(orm);
  await orm.close();
  project.provide('pgUrl', server.url);
  // `pnpm test:pgbouncer`: the apps under test reach PostgreSQL through PgBouncer in transaction
  // mode (databases are still created and dropped directly).
  let bouncer: RunningPgBouncer | undefined;
  if (process.env.TEST_DATABASE_POOLER === 'pgbouncer')
    bouncer = await startPgBouncer(server.url, dir);
  project.provide('poolerUrl', bouncer?.url ?? '');
  return async () => {
    await bouncer?.stop();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
    /** PgBouncer (transaction mode) in front of pgUrl's server, or '' for direct connections. */
    poolerUrl: string;
  }
}
