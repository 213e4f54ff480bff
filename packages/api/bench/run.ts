/**
 * Read benchmark (docs/benchmarks.md, "API reads"), then the authorizations benchmark
 * (bench/authorize.ts) unless `--skip-authorize`.
 *
 *   pnpm bench [--seconds 10] [--rounds 3] [--connections 10] [--customers 5000] [--skip-authorize] [--only <server>]
 *
 * One throwaway embedded PostgreSQL seeded with the demo seed. Side by side over HTTP with
 * autocannon, each case for `--seconds`, rotating over the seeded accounts:
 *   - Creditline GraphQL (this API: auth, cost limit, DataLoaders, field authorization)
 *   - PostGraphile 4 as a library on a node http server, same database, the same data asked for
 *   - raw pg: a tiny node http handler running the equivalent SQL
 * for a partner's availableLimit query and an agent's customer-page query.
 */
import './production-env.js';
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import autocannon from 'autocannon';
import { postgraphile } from 'postgraphile';
import { loadConfig } from '../src/config/config.js';
import { freePort, startEmbeddedPostgres, withDatabase } from '../src/db/embedded-postgres.js';
import { connectOrm, migrate } from '../src/db/orm.js';
import { createApp } from '../src/app.js';
import { createLogger } from '../src/shared/logger.js';
import { hashApiSecret } from '../src/modules/auth/auth.service.js';
import { toGlobalId } from '../src/graphql/relay.js';
import { seedDatabase } from '../src/db/seed/load.js';

const arg = (name: string, d: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const SECONDS = arg('seconds', 10);
/** Rounds over all servers, interleaved; each line reports the round with the median rate. */
const ROUNDS = arg('rounds', 3);
const CONNECTIONS = arg('connections', 10);
const CUSTOMERS = arg('customers', 5000);
/** `--only Creditline` runs just the servers whose name contains the text (for profiling one). */
const ONLY = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1]!
  : '';

interface Row {
  case: string;
  server: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function run(
  name: string,
  server: string,
  url: string,
  headers: Record<string, string>,
  body: (i: number) => string,
  check: (text: string) => boolean,
  seconds = SECONDS,
): Promise<Row | undefined> {
  if (!server.includes(ONLY)) return undefined;
  // Check one response first, so a wrong query cannot be benchmarked as fast errors.
  const first = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: body(0),
  });
  const text = await first.text();
  if (!first.ok || !check(text))
    throw new Error(`${server} ${name}: unexpected response ${first.status} ${text.slice(0, 400)}`);
  let i = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        setupRequest: (req: Record<string, unknown>) => ({ ...req, body: body(++i) }),
      },
    ],
  });
  return {
    case: name,
    server,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'creditline-bench-reads-'));
  chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'data'),
    port: await freePort(),
    ephemeral: true,
  });
  const servers: http.Server[] = [];
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('create database bench');
    const {
      rows: [ver],
    } = await admin.query<{ server_version: string }>('show server_version');
    await admin.end();
    const url = withDatabase(server.url, 'bench');
    const orm = await connectOrm(url);
    await migrate(orm);
    const key = () =>
      Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 255)).toString('base64');
    // production mode (no introspection, no dev extras), with throwaway secrets for the throwaway database
    const config = loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      JWT_SECRET: 'bench-only-jwt-secret-0123456789abcdef',
      PII_ENCRYPTION_KEY: key(),
      PII_BLIND_INDEX_KEY: key(),
    });
    await seedDatabase(url, {
      customers: CUSTOMERS,
      piiKey: config.secrets.piiKey,
      blindIndexKey: config.secrets.blindIndexKey,
    });
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // every account gets a latest decision, as after a review
    await pool.query(`insert into limit_decisions (account_id, customer_id, kind, base_limit_before_fen, base_limit_after_fen, status_before, status_after, score, grade, reasons, decided_by)
      select id, customer_id, 'PERIODIC_REVIEW', base_limit_fen, base_limit_fen, status, status, 700, 'C', '[{"code":"FEW_ORDERS"}]', 'SYSTEM' from credit_accounts`);
    await pool.query('analyze');
    const accounts = (
      await pool.query<{ id: string; customer_id: string }>(
        `select id::text, customer_id::text from credit_accounts order by id`,
      )
    ).rows;
    const pick = (i: number) => accounts[i % accounts.length]!;

    // --- Creditline
    const app = await createApp({ config, orm, logger: createLogger('silent') });
    const apiPort = await app.listen(0, '127.0.0.1');
    const apiUrl = `http://127.0.0.1:${apiPort}/graphql`;
    const secret = 'sk_bench_reads_0123456789';
    const [benchApp] = (
      await pool.query<{ id: string }>(
        `insert into partner_apps (name, scopes) values ('bench reads', '{limits:read}') returning id::text`,
      )
    ).rows;
    await pool.query(
      `insert into partner_api_keys (partner_app_id, key_id, secret_hash, scopes) values ($1, 'pk_reads', $2, '{limits:read}')`,
      [benchApp!.id, hashApiSecret(secret)],
    );
    // The read goes through the partner's link check, as in production.
    await pool.query(
      `insert into partner_links (partner_app_id, customer_id, scopes, expires_at)
       select $1, id, '{limits:read}', now() + interval '1 year' from customers`,
      [benchApp!.id],
    );
    const [agent] = (
      await pool.query<{ id: string; username: string; role: 'AGENT' }>(
        `insert into agents (username, display_name, role, password_hash) values ('benchagent', 'bench', 'AGENT', 'x') returning id::text, username, role`,
      )
    ).rows;
    const token = await app.services.auth.issueToken(agent!);

    // --- PostGraphile 4 on the same database
    const pgl = postgraphile(url, 'public', {
      disableDefaultMutations: true,
      dynamicJson: true,
      retryOnInitFail: false,
      disableQueryLog: true,
      graphiql: false,
      enableQueryBatching: false,
    });
    const pglServer = http.createServer(pgl);
    servers.push(pglServer);
    const pglPort = await freePort();
    await new Promise<void>((r) => pglServer.listen(pglPort, '127.0.0.1', r));
    const pglUrl = `http://127.0.0.1:${pglPort}/graphql`;

    // --- raw pg
    const rawSql = {
      available: `select greatest(0, case when a.status = 'ACTIVE' then a.base_limit_fen + coalesce((select sum(t.amount_fen) from temporary_limits t where t.account_id = a.id and t.status = 'ACTIVE' and t.category is null and t.starts_at <= now() and t.ends_at > now()), 0) - a.used_fen else 0 end) as available from credit_accounts a where a.id = $1`,
      page: `select c.id, c.name, c.phone_masked, c.national_id_masked, c.real_name_verified, a.id as account_id, a.status, a.base_limit_fen, a.used_fen, a.score, a.grade,
                    greatest(0, case when a.status = 'ACTIVE' then a.base_limit_fen + coalesce((select sum(t.amount_fen) from temporary_limits t where t.account_id = a.id and t.status = 'ACTIVE' and t.category is null and t.starts_at <= now() and t.ends_at > now()), 0) - a.used_fen else 0 end) as available,
                    d.kind, d.created_at, d.reasons
               from customers c join credit_accounts a on a.customer_id = c.id
               left join lateral (select kind, created_at, reasons from limit_decisions where account_id = a.id order by created_at desc, id desc limit 1) d on true
              where c.id = $1`,
    };
    const rawServer = http.createServer((req, res) => {
      let b = '';
      req.on('data', (c) => (b += c));
      req.on('end', async () => {
        try {
          const q = JSON.parse(b) as { kind: 'available' | 'page'; id: string };
          const { rows } = await pool.query({ name: q.kind, text: rawSql[q.kind], values: [q.id] });
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ data: rows[0] ?? null }));
        } catch (e) {
          res.writeHead(500).end(String(e));
        }
      });
    });
    servers.push(rawServer);
    const rawPort = await freePort();
    await new Promise<void>((r) => rawServer.listen(rawPort, '127.0.0.1', r));
    const rawUrl = `http://127.0.0.1:${rawPort}/`;

    const partnerQ = `query($id: ID!) { node(id: $id) { ... on CreditAccount { availableLimit { amount currency } } } }`;
    const pagesQ = `query($id: ID!) { customer(id: $id) { id name maskedPhone maskedNationalId realNameVerified account { id status baseLimit { amount } usedAmount { amount } availableLimit { amount } score grade latestDecision { kind createdAt reasons { code text } } } } }`;
    const pglPartnerQ = `query($id: BigInt!) { creditAccountById(id: $id) { status baseLimitFen usedFen temporaryLimitsByAccountId(condition: { status: "ACTIVE", category: null }) { nodes { amountFen startsAt endsAt } } } }`;
    const pglPageQ = `query($id: BigInt!) { customerById(id: $id) { id name phoneMasked nationalIdMasked realNameVerified creditAccountByCustomerId { id status baseLimitFen usedFen score grade
      temporaryLimitsByAccountId(condition: { status: "ACTIVE", category: null }) { nodes { amountFen startsAt endsAt } }
      limitDecisionsByAccountId(first: 1, orderBy: [CREATED_AT_DESC, ID_DESC]) { nodes { kind createdAt reasons } } } } }`;
    const gql = (query: string, variables: unknown) => JSON.stringify({ query, variables });
    const ok = (t: string) => t.includes('"data"') && !t.includes('"errors"');
    const partnerH = { 'x-api-key': `pk_reads.${secret}` };
    const agentH = { authorization: `Bearer ${token}` };
    type Case = Parameters<typeof run>;
    const cases: Case[] = [
      [
        'partner availableLimit',
        'Creditline GraphQL',
        apiUrl,
        partnerH,
        (i) => gql(partnerQ, { id: toGlobalId('CreditAccount', pick(i).id) }),
        ok,
      ],
      [
        'partner availableLimit',
        'PostGraphile 4',
        pglUrl,
        {},
        (i) => gql(pglPartnerQ, { id: pick(i).id }),
        ok,
      ],
      [
        'partner availableLimit',
        'raw pg',
        rawUrl,
        {},
        (i) => JSON.stringify({ kind: 'available', id: pick(i).id }),
        ok,
      ],
      [
        'agent customer page',
        'Creditline GraphQL',
        apiUrl,
        agentH,
        (i) => gql(pagesQ, { id: toGlobalId('Customer', pick(i).customer_id) }),
        ok,
      ],
      [
        'agent customer page',
        'PostGraphile 4',
        pglUrl,
        {},
        (i) => gql(pglPageQ, { id: pick(i).customer_id }),
        ok,
      ],
      [
        'agent customer page',
        'raw pg',
        rawUrl,
        {},
        (i) => JSON.stringify({ kind: 'page', id: pick(i).customer_id }),
        ok,
      ],
    ];
    // Warm-up (JIT, pools, prepared statements), discarded; then interleaved rounds, so a slow
    // moment of the machine does not land on one server only.
    for (const c of cases) await run(c[0], c[1], c[2], c[3], c[4], c[5], 2);
    const runs: Row[][] = cases.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, c] of cases.entries()) {
        const r = await run(...c);
        if (r) runs[i]!.push(r);
      }
    }
    const rows = runs.map((rs) => [...rs].sort((a, b) => a.rps - b.rps)[Math.floor(rs.length / 2)]);
    console.log(
      `\nmachine: ${os.cpus()[0]?.model} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, PostgreSQL ${ver!.server_version}; ${CUSTOMERS} customers; autocannon ${CONNECTIONS} connections × ${SECONDS} s per case, median of ${ROUNDS} interleaved rounds (all: ${runs.map((rs) => rs.map((r) => Math.round(r.rps)).join('/')).join(', ')} req/s); NODE_ENV=production\n`,
    );
    console.log('| case | server | req/s | p50 ms | p99 ms | errors |');
    console.log('|---|---|---:|---:|---:|---:|');
    for (const r of rows)
      if (r)
        console.log(
          `| ${r.case} | ${r.server} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.errors} |`,
        );
    await app.close();
    await pool.end();
    await orm.close();
  } finally {
    for (const s of servers) s.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
if (!process.argv.includes('--skip-authorize')) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'authorize.ts')], {
    stdio: 'inherit',
  });
  process.exitCode = r.status ?? 1;
}
process.exit(process.exitCode ?? 0);
