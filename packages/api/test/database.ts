import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { withDatabase } from '../src/db/embedded-postgres.js';

/** A fresh, migrated database for one test file, cloned from the run's template. */
export async function createTestDatabase(): Promise<{
  url: string;
  /** Where the app connects: `url`, or through PgBouncer under `pnpm test:pgbouncer`. */
  appUrl: string;
  pooler: 'none' | 'transaction';
  drop(): Promise<void>;
}> {
  const serverUrl = inject('pgUrl');
  const name = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name} template creditline_template`);
  await admin.end();
  return {
    url: withDatabase(serverUrl, name),
    appUrl: inject('poolerUrl')
      ? withDatabase(inject('poolerUrl'), name)
      : withDatabase(serverUrl, name),
    pooler: inject('poolerUrl') ? 'transaction' : 'none',
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
