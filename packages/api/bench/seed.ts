/**
 * Seed benchmark: N customers (default 1,000,000; `--customers N`) into a throwaway embedded
 * PostgreSQL, timed. `pnpm --filter @creditline/api exec tsx bench/seed.ts --customers 100000`.
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

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { customers: { type: 'string', default: '1000000' } },
});
const customers = Number(values.customers);
const dir = mkdtempSync(path.join(os.tmpdir(), 'creditline-bench-seed-'));
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
  const orm = await connectOrm(url);
  await migrate(orm);
  await orm.close();
  const config = loadConfig({ NODE_ENV: 'test' });
  let last = 0;
  const result = await seedDatabase(url, {
    customers,
    piiKey: config.secrets.piiKey,
    blindIndexKey: config.secrets.blindIndexKey,
    onProgress: (done) => {
      if (Date.now() - last > 10_000) {
        last = Date.now();
        process.stdout.write(`  ${done} customers\n`);
      }
    },
  });
  const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
  console.log(
    `machine: ${os.cpus()[0]?.model} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
  );
  console.log(
    `seeded ${customers} customers, ${total} rows in ${(result.ms / 1000).toFixed(1)} s (${Math.round(total / (result.ms / 1000))} rows/s)`,
  );
  console.log(JSON.stringify(result.rows));
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
