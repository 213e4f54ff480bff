/**
 * Authorizations benchmark (docs/benchmarks.md, "Authorizations"). Runs on its own:
 *
 *   pnpm --filter @creditline/api exec tsx bench/authorize.ts [--seconds 5] [--concurrency 16,64] [--accounts 1000] [--only service]
 *
 * With DATABASE_URL it uses that server (creating and dropping a scratch database); otherwise
 * it starts a throwaway embedded PostgreSQL. Side by side, on the same database:
 *   1. bare:    UPDATE credit_accounts SET held_fen = held_fen + $1 WHERE id = $2 AND base_limit_fen - used_fen >= $1
 *   1b. lock:   BEGIN; SELECT … FOR UPDATE; (check in the client) UPDATE …; COMMIT — the other way to enforce it
 *   2. service: PurchaseService.authorize (the full money path: idempotency record, conditional
 *               hold, purchase, hold, ledger, audit, stored response, in one transaction)
 *   3. graphql: the authorizePurchase mutation over HTTP (API key auth, validation, cost limit)
 * each on one hot account and spread over many accounts. Rules are switched off (they would
 * rightly decline a thousand purchases a second on one account).
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config/config.js';
import { freePort, startEmbeddedPostgres, withDatabase } from '../src/db/embedded-postgres.js';
import { connectOrm, migrate } from '../src/db/orm.js';
import { createApp } from '../src/app.js';
import { createLogger } from '../src/shared/logger.js';
import { hashApiSecret } from '../src/modules/auth/auth.service.js';
import { noFraudRules } from '../src/modules/purchases/purchase-rules.js';
import { toGlobalId } from '../src/graphql/relay.js';
import type { Viewer } from '../src/modules/auth/viewer.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const SECONDS = arg('seconds', 5);
/**
 * Concurrent clients, one run per value: a batching path needs requests in flight together to
 * reach its rate, a bare UPDATE does not, so each is measured at a low and a high load.
 */
const CONCURRENCIES = (
  process.argv.includes('--concurrency')
    ? process.argv[process.argv.indexOf('--concurrency') + 1]!
    : '16,64'
)
  .split(',')
  .map(Number);
const ACCOUNTS = arg('accounts', 1000);
/** `--only service` (a substring of the scenario names) runs just those lines, for quick iterations. */
const ONLY = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1]!
  : undefined;

interface Result {
  name: string;
  ops: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** This Node process's CPU time over the run, as a share of one core (load generator included). */
  nodeCpu: number;
}

async function measure(
  name: string,
  clients: number,
  op: (worker: number, i: number) => Promise<void>,
): Promise<Result> {
  const lat: number[] = [];
  let errors = 0;
  // Warm-up: a short burst so JIT and pools are ready.
  await Promise.all(
    Array.from({ length: clients }, (_, w) => op(w, -1 - w).catch(() => undefined)),
  );
  const end = performance.now() + SECONDS * 1000;
  let counter = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, w) => {
      while (performance.now() < end) {
        const i = counter++;
        const t0 = performance.now();
        try {
          await op(w, i);
        } catch (e) {
          errors++;
          if (errors === 1) console.error(name, (e as Error).message);
        }
        lat.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  lat.sort((a, b) => a - b);
  const q = (p: number) => lat[Math.min(lat.length - 1, Math.floor(lat.length * p))] ?? 0;
  return {
    name,
    ops: lat.length,
    perSecond: lat.length / elapsed,
    p50: q(0.5),
    p99: q(0.99),
    errors,
    nodeCpu: (cpu.user + cpu.system) / 1e6 / elapsed,
  };
}

async function main(): Promise<void> {
  let stopPg: (() => Promise<void>) | undefined;
  let tmp: string | undefined;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'creditline-bench-pg-'));
    const server = await startEmbeddedPostgres({
      dataDir: path.join(tmp, 'data'),
      port: await freePort(),
      ephemeral: true,
    });
    serverUrl = server.url;
    stopPg = server.stop;
  }
  const dbName = `bench_authorize_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const url = withDatabase(serverUrl, dbName);

  const orm = await connectOrm(url);
  await migrate(orm);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const app = await createApp({ config, orm, logger: createLogger('silent') });
  app.services.purchases.rules = noFraudRules;
  const port = await app.listen(0, '127.0.0.1');
  const pool = new pg.Pool({ connectionString: url, max: 20 });

  // Data: ACCOUNTS + 1 customers with accounts whose limit never runs out during the bench.
  await pool.query(`
    insert into customers (name, national_id_enc, national_id_hash, national_id_masked, phone_enc, phone_hash, phone_masked, income_band, registered_at)
    select 'bench ' || g, '\\x00', decode(md5('n' || g), 'hex'), 'x', '\\x00', decode(md5('p' || g), 'hex'), 'x', 'MID', now()
      from generate_series(1, ${ACCOUNTS + 1}) g`);
  await pool.query(`
    insert into credit_accounts (customer_id, account_number, status, base_limit_fen, opened_at)
    select id, 'CL' || lpad(id::text, 10, '0'), 'ACTIVE', 1000000000000, now() from customers`);
  const ids = (
    await pool.query<{ id: string }>(`select id::text from credit_accounts order by id`)
  ).rows.map((r) => r.id);
  const hot = ids[0]!;
  const spread = ids.slice(1);
  const secret = 'sk_bench_0123456789abcdef';
  const partnerRow = (
    await pool.query<{ id: string }>(
      `insert into partner_apps (name, scopes) values ('bench', '{purchases:write}') returning id::text`,
    )
  ).rows[0]!;
  await pool.query(
    `insert into partner_api_keys (partner_app_id, key_id, secret_hash, scopes) values ($1, 'pk_bench', $2, '{purchases:write}')`,
    [partnerRow.id, hashApiSecret(secret)],
  );
  // Every bench customer linked the bench app (the link check is part of what is measured).
  await pool.query(
    `insert into partner_links (partner_app_id, customer_id, scopes, expires_at)
     select $1, id, '{purchases:write}', now() + interval '1 year' from customers`,
    [partnerRow.id],
  );
  const viewer: Viewer = {
    kind: 'partner',
    id: partnerRow.id,
    name: 'bench',
    scopes: ['purchases:write'],
  };

  const bare = (accountId: () => string) => async () => {
    const r = await pool.query(
      `update credit_accounts set held_fen = held_fen + $1 where id = $2 and base_limit_fen - used_fen >= $1`,
      [1, accountId()],
    );
    if (r.rowCount !== 1) throw new Error('bare update refused');
  };
  // The other way to enforce the limit: lock the row, check in the client, then update.
  const lockThenUpdate = (accountId: () => string) => async () => {
    const c = await pool.connect();
    try {
      await c.query('begin');
      const id = accountId();
      const { rows } = await c.query<{ available: string }>({
        name: 'lock_acct',
        text: `select base_limit_fen - used_fen as available from credit_accounts where id = $1 for update`,
        values: [id],
      });
      if (Number(rows[0]!.available) < 1) throw new Error('no room');
      await c.query({
        name: 'hold_acct',
        text: `update credit_accounts set held_fen = held_fen + $1 where id = $2`,
        values: [1, id],
      });
      await c.query('commit');
    } catch (e) {
      await c.query('rollback');
      throw e;
    } finally {
      c.release();
    }
  };
  let k = 0;
  const service = (accountId: () => string) => async () => {
    const r = await app.services.purchases.authorize(orm.em.fork(), viewer, {
      accountId: accountId(),
      amountFen: 1,
      category: 'DIGITAL',
      merchant: 'bench',
      idempotencyKey: `svc-${++k}`,
    });
    if (!r.ok || r.value.status !== 'HELD') throw new Error(`not held: ${JSON.stringify(r)}`);
  };
  const query = `mutation($input: AuthorizePurchaseInput!) { authorizePurchase(input: $input) { decision userErrors { code } } }`;
  const graphql = (accountId: () => string) => async () => {
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': `pk_bench.${secret}` },
      body: JSON.stringify({
        query,
        variables: {
          input: {
            accountId: toGlobalId('CreditAccount', accountId()),
            amount: '0.01',
            category: 'DIGITAL',
            merchant: 'bench',
            idempotencyKey: `gql-${++k}`,
          },
        },
      }),
    });
    const body = (await res.json()) as { data?: { authorizePurchase: { decision: string } } };
    if (body.data?.authorizePurchase.decision !== 'HELD') throw new Error(JSON.stringify(body));
  };
  let rr = 0;
  const hotId = () => hot;
  const spreadId = () => spread[rr++ % spread.length]!;

  const results: Result[] = [];
  // The bare UPDATE always runs: every other line is read against it.
  const line = async (name: string, clients: number, op: () => Promise<void>) => {
    if (!ONLY || name.startsWith('bare') || name.includes(ONLY))
      results.push(await measure(`${name}, ${clients} clients`, clients, op));
  };
  for (const [label, pick] of [
    ['hot account', hotId],
    [`${ACCOUNTS} accounts`, spreadId],
  ] as const) {
    for (const clients of CONCURRENCIES) {
      await line(`bare UPDATE, ${label}`, clients, bare(pick));
      await line(`SELECT … FOR UPDATE then UPDATE, ${label}`, clients, lockThenUpdate(pick));
      await line(`authorize (service), ${label}`, clients, service(pick));
      await line(`authorizePurchase (GraphQL/HTTP), ${label}`, clients, graphql(pick));
    }
  }
  if (!ONLY || 'own process'.includes(ONLY)) {
    // The API in its own process (`tsx src/main.ts`, default fraud rules on) under autocannon from
    // this one: what a partner sees. Spread accounts only (the velocity rule would decline a hot one).
    const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    const apiPort = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: apiRoot,
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(apiPort),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        JWT_SECRET: 'bench-secret-bench-secret-bench-secret!!',
        PII_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
        PII_BLIND_INDEX_KEY: Buffer.alloc(32, 11).toString('base64'),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on(
        'data',
        (d: Buffer) => d.toString().includes('Creditline is running') && resolve(),
      );
      child.once('exit', (code) => reject(new Error(`API exited with ${code}`)));
      setTimeout(() => reject(new Error('API did not start in 60 s')), 60_000);
    });
    let seq = 0;
    for (const clients of CONCURRENCIES) {
      const ac = await autocannon({
        url: `http://127.0.0.1:${apiPort}/graphql`,
        connections: clients,
        duration: SECONDS,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-api-key': `pk_bench.${secret}` },
            setupRequest: (req: Record<string, unknown>) => ({
              ...req,
              body: JSON.stringify({
                query,
                variables: {
                  input: {
                    accountId: toGlobalId('CreditAccount', spread[seq % spread.length]!),
                    amount: '0.01',
                    category: 'DIGITAL',
                    merchant: 'bench',
                    idempotencyKey: `ac-${++seq}`,
                  },
                },
              }),
            }),
          },
        ],
      });
      results.push({
        nodeCpu: Number.NaN,
        name: `authorizePurchase (GraphQL/HTTP, API in its own process, autocannon), ${ACCOUNTS} accounts, ${clients} clients`,
        ops: ac.requests.total,
        perSecond: ac.requests.average,
        p50: ac.latency.p50,
        p99: ac.latency.p99,
        errors: ac.errors + ac.non2xx,
      });
    }
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }

  const pgVersion = (await pool.query<{ server_version: string }>(`show server_version`)).rows[0]!
    .server_version;
  const cpu = os.cpus();
  console.log(
    `\nMachine: ${cpu[0]?.model ?? 'unknown'} × ${cpu.length} logical CPUs, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}, PostgreSQL ${pgVersion}${stopPg ? ' (embedded, fsync off)' : ''}`,
  );
  console.log(
    `Run: ${SECONDS} s per line, ${CONCURRENCIES.join(' and ')} concurrent clients, one process for load and API (except the own-process lines), pool 20.\n`,
  );
  console.log('| scenario | ops | ops/s | p50 ms | p99 ms | errors | Node CPU |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of results)
    console.log(
      `| ${r.name} | ${r.ops} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.errors} | ${Number.isNaN(r.nodeCpu) ? '–' : `${(100 * r.nodeCpu).toFixed(0)} %`} |`,
    );
  // Each line against the bare UPDATE on the same accounts and clients (own-process lines run spread);
  // then each path's best rate against the bare UPDATE's best: rate against rate.
  const where = (r: Result) =>
    r.name.includes(`${ACCOUNTS} accounts`) ? `${ACCOUNTS} accounts` : 'hot account';
  const clientsOf = (r: Result) => r.name.slice(r.name.lastIndexOf(', ') + 2);
  const bareOf = (r: Result) =>
    results.find((b) => b.name === `bare UPDATE, ${where(r)}, ${clientsOf(r)}`)!;
  console.log('');
  for (const r of results)
    if (!r.name.startsWith('bare'))
      console.log(
        `${r.name}: ${((100 * r.perSecond) / bareOf(r).perSecond).toFixed(0)} % of the conditional UPDATE`,
      );
  console.log('');
  const pathOf = (r: Result) => r.name.slice(0, r.name.indexOf(', '));
  for (const w of ['hot account', `${ACCOUNTS} accounts`]) {
    const best = new Map<string, Result>();
    for (const r of results)
      if (where(r) === w && (best.get(pathOf(r))?.perSecond ?? -1) < r.perSecond)
        best.set(pathOf(r), r);
    const floor = best.get('bare UPDATE')!;
    for (const [name, r] of best)
      if (name !== 'bare UPDATE')
        console.log(
          `best rate, ${w}: ${name} ${r.perSecond.toFixed(0)}/s (${clientsOf(r)}) = ${((100 * r.perSecond) / floor.perSecond).toFixed(0)} % of the bare UPDATE's best ${floor.perSecond.toFixed(0)}/s (${clientsOf(floor)})`,
        );
  }

  await pool.end();
  await app.close();
  await orm.close();
  await admin.query(`drop database ${dbName} with (force)`);
  await admin.end();
  if (stopPg) await stopPg();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
