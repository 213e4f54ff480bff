// `pnpm test:pgbouncer`: the money tests (concurrency, batching, idempotency) again, with the
// apps reaching PostgreSQL through Debian's PgBouncer 1.18 in transaction mode and
// DATABASE_POOLER=transaction (test/global-setup.ts starts it). Skipped, saying so, only when
// the pgbouncer binary is absent; .ci/run installs it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const found =
  ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer'].some((p) => existsSync(p)) ||
  spawnSync('sh', ['-c', 'command -v pgbouncer']).status === 0;
if (!found) {
  console.log(
    'SKIPPED the PgBouncer run: pgbouncer is not installed (apt-get install -y pgbouncer; .ci/run does this).',
  );
  process.exit(0);
}
const files = [
  'src/db/__tests__/pgbouncer.int.test.ts',
  'src/modules/purchases/__tests__/concurrency.int.test.ts',
  'src/modules/purchases/__tests__/authorize-batch.int.test.ts',
  'src/modules/purchases/__tests__/purchases.int.test.ts',
  'src/modules/repayments/__tests__/repayments.int.test.ts',
];
const r = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...files], {
  stdio: 'inherit',
  env: { ...process.env, TEST_DATABASE_POOLER: 'pgbouncer' },
});
process.exit(r.status ?? 1);
