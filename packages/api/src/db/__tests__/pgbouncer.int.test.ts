import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createTestDatabase } from '../../../test/database.js';
import { pgbouncerBinary, startPgBouncer, type RunningPgBouncer } from '../../../test/pgbouncer.js';
import { withDatabase } from '../embedded-postgres.js';
import { connectOrm, migrate } from '../orm.js';
import { withRawClient } from '../pg-client.js';
import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * Debian's PgBouncer 1.18 in transaction mode: a named (prepared) statement is prepared on one
 * server connection and may be run on another, so DATABASE_POOLER=transaction sends the hot
 * path's statements unnamed. `pnpm test:pgbouncer` also runs the money tests through it.
 */
const bin = pgbouncerBinary();
if (!bin)
  console.warn(
    'SKIPPED pgbouncer.int.test.ts: pgbouncer is not installed (apt-get install -y pgbouncer; .ci/run does this).',
  );

describe.skipIf(!bin)('through PgBouncer in transaction mode', () => {
  let bouncer: RunningPgBouncer | undefined;
  let poolerUrl: string;
  let dir: string;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const clients: pg.Client[] = [];
  const orms: MikroORM[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    poolerUrl = inject('poolerUrl');
    if (!poolerUrl) {
      dir = mkdtempSync(path.join(tmpdir(), 'creditline-pgbouncer-'));
      chmodSync(dir, 0o755);
      bouncer = await startPgBouncer(inject('pgUrl'), dir);
      poolerUrl = bouncer.url;
    }
  });
  afterAll(async () => {
    for (const c of clients) await c.end().catch(() => undefined);
    for (const o of orms) await o.close().catch(() => undefined);
    await bouncer?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    await db?.drop();
  });

  const client = async () => {
    const c = new pg.Client({
      connectionString: withDatabase(poolerUrl, path.basename(new URL(db.url).pathname)),
    });
    await c.connect();
    clients.push(c);
    return c;
  };

  /** A holds the server connection B's statement was prepared on, so B's next call lands elsewhere. */
  async function interleave(run: () => Promise<unknown>) {
    await run();
    const holder = await client();
    await holder.query('begin');
    await holder.query('select 1');
    try {
      return await run().then(
        () => 'ok',
        (e: Error) => e.message,
      );
    } finally {
      await holder.query('commit');
    }
  }

  it('is really transaction pooling: a named statement breaks when the pooler switches connections', async () => {
    const c = await client();
    const result = await interleave(() =>
      c.query({ name: 'probe_v1', text: 'select $1::int as n', values: [1] }),
    );
    expect(result).toMatch(/prepared statement "probe_v1" does not exist/);
  });

  it('DATABASE_POOLER=transaction: the hot path sends unnamed statements and keeps working', async () => {
    const orm = await connectOrm(
      withDatabase(poolerUrl, path.basename(new URL(db.url).pathname)),
      { pool: { min: 0, max: 2 } },
      { pooler: 'transaction' },
    );
    orms.push(orm);
    const run = () =>
      withRawClient(orm.em, (c) =>
        c.query({ name: 'probe_v2', text: 'select $1::int as n', values: [2] }),
      );
    expect(await interleave(run)).toBe('ok');
  });

  it('three ORMs migrating one fresh database at once through the pooler apply each migration once', async () => {
    const admin = new pg.Client({ connectionString: inject('pgUrl') });
    await admin.connect();
    const name = `fresh_${Date.now().toString(36)}`;
    await admin.query(`create database ${name} template template0`);
    try {
      const racers = await Promise.all(
        [0, 1, 2].map(() =>
          connectOrm(withDatabase(poolerUrl, name), {}, { pooler: 'transaction' }),
        ),
      );
      orms.push(...racers);
      const applied = await Promise.all(racers.map((o) => migrate(o)));
      const all = applied.flat();
      expect(new Set(all).size).toBe(all.length);
      const direct = new pg.Client({ connectionString: withDatabase(inject('pgUrl'), name) });
      await direct.connect();
      const { rows } = await direct.query<{ name: string; n: number }>(
        'select name, count(*)::int as n from mikro_orm_migrations group by name',
      );
      await direct.end();
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.n === 1)).toBe(true);
      expect(all.sort()).toEqual(rows.map((r) => r.name).sort());
    } finally {
      for (const o of orms.splice(0)) await o.close().catch(() => undefined);
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
