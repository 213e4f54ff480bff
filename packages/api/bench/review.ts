/**
 * Periodic review benchmark: N customers (default 100,000; `--customers N`) seeded by the demo
 * seed into a throwaway embedded PostgreSQL, then `runPeriodicReview` timed (`--batch-size`,
 * default 2,000; `--workers`, batches in flight, default 2). `pnpm --filter @creditline/api exec tsx bench/review.ts --customers 100000`.
 */
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startEmbeddedPostgres, freePort, withDatabase } from '../src/db/embedded-postgres.js';
import { connectOrm, migrate } from '../src/db/orm.js';
import { loadConfig } from '../src/config/config.js';
import { seedDatabase } from '../src/demo/seed/load.js';
import { runPeriodicReview } from '../src/modules/decisions/periodic-review.js';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    customers: { type: 'string', default: '100000' },
    'batch-size': { type: 'string', default: '2000' },
    workers: { type: 'string', default: '2' },
  },
});
const customers = Number(values.customers);
const batchSize = Number(values['batch-size']);
const workers = Number(values.workers);
const dir = mkdtempSync(path.join(os.tmpdir(), 'creditline-bench-review-'));
chmodSync(dir, 0o755);
const server = await startEmbeddedPostgres({
  dataDir: path.join(dir, 'data'),
  port: await freePort(),
  ephemeral: true,
});
try {
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query('create database bench');
  await admin.end();
  const url = withDatabase(server.url, 'bench');
  let orm = await connectOrm(url);
  await migrate(orm);
  await orm.close();
  const config = loadConfig({ NODE_ENV: 'test' });
  const seed = await seedDatabase(url, {
    customers,
    piiKey: config.secrets.piiKey,
    blindIndexKey: config.secrets.blindIndexKey,
  });
  console.log(
    `seeded ${customers} customers in ${(seed.ms / 1000).toFixed(1)} s: ${JSON.stringify(seed.rows)}`,
  );
  orm = await connectOrm(url);
  await orm.em.getConnection().execute('analyze');
  let last = 0;
  const t0 = performance.now();
  const r = await runPeriodicReview(orm, {
    batchSize,
    workers,
    onProgress: (p) => {
      if (Date.now() - last > 10_000) {
        last = Date.now();
        console.log(
          `  ${p.processed}/${p.total} (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
        );
      }
    },
  });
  const s = (performance.now() - t0) / 1000;
  await orm.close();
  console.log(
    `machine: ${os.cpus()[0]?.model} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, batch ${batchSize}, ${workers} batches in flight`,
  );
  console.log(
    `reviewed ${r.processed} ACTIVE accounts (${r.changed} limits changed) in ${s.toFixed(1)} s = ${Math.round(r.processed / s)} accounts/s; 1,000,000 at this rate ≈ ${(1_000_000 / (r.processed / s) / 60).toFixed(1)} min (linear extrapolation)`,
  );
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
