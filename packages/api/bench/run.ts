/**
 * The HTTP benchmark (docs/benchmarks.md, "The HTTP path"): `pnpm bench`, or
 *
 *   pnpm --filter @creditline/api bench [--quick] [--seconds 8] [--rounds 3] [--connections 10]
 *        [--customers 5000] [--only <case text>] [--cpu-prof <dir>] [--skip-authorize-service]
 *
 * Every party in its own process, as a user would run them:
 *   - Creditline as production runs it: `node --conditions=creditline-compiled dist/main.js`
 *     (the `pnpm build` output; without it, `node --import tsx src/main.ts`, and the report says
 *     so), NODE_ENV=production, LOG_LEVEL=info (its default) to /dev/null;
 *   - PostGraphile 4 through its own CLI (`postgraphile -c … --disable-query-log`);
 *   - a raw-pg server (bench/proc/raw-pg-server.mjs): node:http + one prepared statement;
 *   - the load generator (bench/proc/load.mjs: autocannon, or pg clients for the bare UPDATE),
 *     a new process per measured round.
 * One throwaway embedded PostgreSQL (fsync off) shared by all. Warm-up, then interleaved rounds
 * (each case on each server in turn, `--rounds` times); medians and every round are printed,
 * with each process's CPU per request (utime + stime from /proc/<pid>/stat around the round)
 * and the 1-minute load average when the round started.
 *
 * Cases: partner availableLimit and the agent customer page (Creditline, PostGraphile, raw pg);
 * authorizePurchase over HTTP (default fraud rules on, every request a different account) beside
 * the bare conditional UPDATE, straight on PostgreSQL from the load process and behind the
 * raw-pg HTTP server, at 16 and 64 clients.
 *
 * `--quick`: 2 s rounds, one round, 1 s warm-up, 1,000 customers — a smoke run, not a measurement.
 *
 * `--scale`: scale-out instead (docs/scaling.md): 4 Creditline processes and 2 job worker
 * processes on the one database; partner availableLimit and authorizePurchase with the load
 * dealt round-robin over the first 1, 2 and 4 processes (no balancer: one load process, one
 * autocannon instance per API process), CPU charged to the serving processes together.
 */
import './production-env.js';
import { spawn, type ChildProcess } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  rmSync,
  chmodSync,
  writeFileSync,
  readFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SignJWT } from 'jose';
import { freePort, startEmbeddedPostgres, withDatabase } from '../src/db/embedded-postgres.js';
import { connectOrm, migrate } from '../src/db/orm.js';
import { loadConfig } from '../src/config/config.js';
import { hashApiSecret } from '../src/modules/auth/auth.service.js';
import { seedDatabase } from '../src/demo/seed/load.js';

const QUICK = process.argv.includes('--quick');
const arg = (name: string, d: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const text = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : undefined;
};
const SECONDS = arg('seconds', QUICK ? 2 : 8);
const WARMUP = arg('warmup', QUICK ? 1 : 3);
const ROUNDS = arg('rounds', QUICK ? 1 : 3);
const CONNECTIONS = arg('connections', 10);
const CUSTOMERS = arg('customers', QUICK ? 1000 : 5000);
/** Accounts the authorizations rotate over: default fraud rules allow 10 per account per 10 min. */
const AUTH_ACCOUNTS = arg('auth-accounts', QUICK ? 5000 : 40_000);
const ONLY = text('only') ?? '';
const CPU_PROF = text('cpu-prof');
const LOG_LEVEL = text('log-level') ?? 'info';
/**
 * `--baseline <dir>`: a second Creditline, `<dir>/dist/main.js` (another build, e.g. main's, copied
 * into packages/api/.bench-baseline so it resolves the same node_modules), measured as its own
 * server in the same rounds: a change is judged against the code before it in one run.
 */
const BASELINE = text('baseline');
/** `--build <dir>`: the Creditline under test is `<dir>/dist/main.js` instead of this package's dist. */
const BUILD = text('build');
const SCALE = process.argv.includes('--scale');
/** `--out <file>`: the report (tables and ratios, as for docs/benchmarks.md) appended to a file too. */
const OUT = text('out');
const out = (line: string) => {
  console.log(line);
  if (OUT) appendFileSync(OUT, line + '\n');
};
const SCALE_SIZES = [1, 2, 4];
/**
 * The framework floors (proc/floor-server.mjs): Apollo on Fastify (Creditline's stack), the same
 * graphql-js execution on Fastify without Apollo, and graphql-js behind node:http — so the report
 * splits what Apollo's request pipeline costs from what Fastify costs.
 */
const FLOORS = [
  { floor: 'apollo', server: 'Apollo + Fastify floor' },
  { floor: 'fastify', server: 'Fastify + graphql-js floor' },
  { floor: 'graphql-js', server: 'graphql-js floor' },
] as const;

const here = path.dirname(fileURLToPath(import.meta.url));
const apiRoot = path.resolve(here, '..');
const CLK_TCK = 100; // Linux USER_HZ: /proc/<pid>/stat times are in 1/100 s

/** utime + stime of a process, in ms. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the ")" of the command name: state is field 3, utime 14, stime 15.
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / CLK_TCK;
}

/**
 * Write system calls of a process so far (`syscw` in /proc/<pid>/io): per request, that is the
 * statements sent to PostgreSQL, the response and the log line — a count the machine's load
 * does not move, so an A/B of a change in round trips reads the same on a busy machine.
 */
function writeCalls(pid: number): number {
  const io = readFileSync(`/proc/${pid}/io`, 'utf8');
  return Number(/syscw:\s*(\d+)/.exec(io)?.[1] ?? NaN);
}

const load1 = () => os.loadavg()[0]!.toFixed(1);

/**
 * CPU time the hypervisor gave to other guests (`steal` in /proc/stat, all CPUs), in ms: on a
 * shared virtual machine a round can lose a third of its CPU to a neighbour, which no load
 * average inside the guest shows. Reported per round so a disturbed round can be told apart.
 */
function stealMs(): number {
  const f = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/);
  return (Number(f[8] ?? 0) * 1000) / CLK_TCK;
}

async function waitFor(url: string, proc: ChildProcess, what: string): Promise<void> {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    if (proc.exitCode !== null) throw new Error(`${what} exited with ${proc.exitCode}`);
    try {
      await fetch(url); // any HTTP answer: it listens
      return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not start in 120 s`);
}

async function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  const t = setTimeout(() => proc.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(t);
}

interface LoadSpec {
  mode: 'http' | 'sql';
  url?: string;
  urls?: string[];
  databaseUrl?: string;
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  seconds: number;
  idsFile: string;
  start?: number;
  keyPrefix?: string;
  check?: boolean;
}
interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  loaderCpuMs: number;
  next: number;
}

function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [path.join(here, 'proc/load.mjs'), JSON.stringify(spec)], {
      cwd: apiRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    p.once('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').pop()!) as LoadResult)
        : reject(new Error(`load generator exited with ${code}`)),
    );
  });
}

interface Case {
  group: string;
  server: string;
  /** The process whose CPU is charged per request (undefined: PostgreSQL only). */
  proc?: ChildProcess;
  /** `--scale`: the API processes serving the case together (their CPU is summed). */
  procs?: ChildProcess[];
  spec: Omit<LoadSpec, 'seconds' | 'start'>;
  /** Checks one response before the rounds, so a wrong query is never measured as fast errors. */
  check?: () => Promise<void>;
}
interface Round {
  round: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  serverCpuMsPerReq?: number;
  serverCore?: number;
  serverWritesPerReq?: number;
  loaderCpuMsPerReq: number;
  load: string;
  /** Share of the machine's CPU time stolen by the hypervisor during the round. */
  steal: number;
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadAtStart = os.loadavg().map((l) => l.toFixed(2));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'creditline-bench-http-'));
  chmodSync(dir, 0o755);
  const pgServer = await startEmbeddedPostgres({
    dataDir: path.join(dir, 'data'),
    port: await freePort(),
    ephemeral: true,
  });
  const children: ChildProcess[] = [];
  // Interrupted (Ctrl-C, SIGTERM): stop the servers and PostgreSQL too, or they outlive the bench.
  const interrupted = (signal: NodeJS.Signals) => {
    process.stderr.write(`\n${signal}: stopping the servers and PostgreSQL …\n`);
    void Promise.allSettled(children.map((c) => stop(c)))
      .then(() => pgServer.stop())
      .catch(() => undefined)
      .finally(() => {
        rmSync(dir, { recursive: true, force: true });
        process.exit(130);
      });
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const admin = new pg.Client({ connectionString: pgServer.url });
    await admin.connect();
    await admin.query('create database bench');
    const ver = (await admin.query<{ server_version: string }>('show server_version')).rows[0]!
      .server_version;
    await admin.end();
    const url = withDatabase(pgServer.url, 'bench');
    const orm = await connectOrm(url);
    await migrate(orm);
    await orm.close();
    // throwaway secrets for the throwaway database
    const key = (seed: number) =>
      Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 37 + seed) & 255)).toString('base64');
    const env = {
      NODE_ENV: 'production',
      JWT_SECRET: 'bench-only-jwt-secret-0123456789abcdef',
      PII_ENCRYPTION_KEY: key(7),
      PII_BLIND_INDEX_KEY: key(11),
    };
    const config = loadConfig(env);
    process.stdout.write(`seeding ${CUSTOMERS} customers …\n`);
    await seedDatabase(url, {
      customers: CUSTOMERS,
      piiKey: config.secrets.piiKey,
      blindIndexKey: config.secrets.blindIndexKey,
    });
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    // every account gets a latest decision, as after a review
    await pool.query(`insert into limit_decisions (account_id, customer_id, kind, base_limit_before_fen, base_limit_after_fen, status_before, status_after, score, grade, reasons, decided_by, policy_version)
      select id, customer_id, 'PERIODIC_REVIEW', base_limit_fen, base_limit_fen, status, status, 700, 'C', '[{"code":"FEW_ORDERS"}]', 'SYSTEM', 'policy-2026.11' from credit_accounts`);
    const readAccounts = (
      await pool.query<{ id: string; customer_id: string }>(
        `select id::text, customer_id::text from credit_accounts order by id`,
      )
    ).rows;
    // Authorization accounts: their own customers, limits that never run out during the bench.
    await pool.query(`
      insert into customers (name, national_id_enc, national_id_hash, national_id_masked, phone_enc, phone_hash, phone_last4_hash, phone_masked, income_band, registered_at)
      select 'bench ' || g, '\\x00', decode(md5('bn' || g), 'hex'), 'x', '\\x00', decode(md5('bp' || g), 'hex'), decode(md5('b4' || g), 'hex'), 'x', 'MID', now()
        from generate_series(1, ${AUTH_ACCOUNTS}) g`);
    const authAccounts = (
      await pool.query<{ id: string }>(`
        insert into credit_accounts (customer_id, account_number, status, base_limit_fen, opened_at)
        select id, 'CL' || (5000000000 + id)::text, 'ACTIVE', 1000000000000, now() from customers where name like 'bench %'
        returning id::text`)
    ).rows.map((r) => r.id);
    // A partner app per use (reads; purchases), each linked by every customer (the link check
    // is part of what is measured).
    const readSecret = 'sk_bench_reads_0123456789';
    const authSecret = 'sk_bench_auth_0123456789';
    for (const [name, keyId, secret, scope] of [
      ['bench reads', 'pk_reads', readSecret, 'limits:read'],
      ['bench purchases', 'pk_auth', authSecret, 'purchases:write'],
    ] as const) {
      const app = (
        await pool.query<{ id: string }>(
          `insert into partner_apps (name, scopes) values ($1, $2) returning id::text`,
          [name, `{${scope}}`],
        )
      ).rows[0]!;
      await pool.query(
        `insert into partner_api_keys (partner_app_id, key_id, secret_hash, scopes) values ($1, $2, $3, $4)`,
        [app.id, keyId, hashApiSecret(secret), `{${scope}}`],
      );
      await pool.query(
        `insert into partner_links (partner_app_id, customer_id, scopes, expires_at)
         select $1, id, $2, now() + interval '1 year' from customers`,
        [app.id, `{${scope}}`],
      );
    }
    const agent = (
      await pool.query<{ id: string }>(
        `insert into agents (username, display_name, role, password_hash) values ('benchagent', 'bench', 'AGENT', 'x') returning id::text`,
      )
    ).rows[0]!;
    // The API's own token format (AuthService.issueToken).
    const token = await new SignJWT({ username: 'benchagent', role: 'AGENT', sv: 1 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(agent.id)
      .setIssuer('creditline')
      .setIssuedAt()
      .setExpirationTime('2h')
      .sign(config.secrets.jwt);
    await pool.query('analyze');
    const ids = {
      accounts: path.join(dir, 'accounts.txt'),
      customers: path.join(dir, 'customers.txt'),
      auth: path.join(dir, 'auth.txt'),
    };
    writeFileSync(ids.accounts, readAccounts.map((a) => a.id).join('\n'));
    writeFileSync(ids.customers, readAccounts.map((a) => a.customer_id).join('\n'));
    writeFileSync(ids.auth, authAccounts.join('\n'));

    // --- the servers, each in its own process
    // `--source`: the TypeScript sources through tsx (A/B runs of a change without a rebuild).
    const compiled =
      !process.argv.includes('--source') && existsSync(path.join(apiRoot, 'dist/main.js'));
    const startCreditline = async (distDir: string | undefined) => {
      const port = await freePort();
      const entry = distDir
        ? ['--conditions=creditline-compiled', path.join(distDir, 'main.js')]
        : compiled
          ? ['--conditions=creditline-compiled', 'dist/main.js']
          : ['--import', 'tsx', 'src/main.ts'];
      const proc = spawn(
        process.execPath,
        [
          ...(CPU_PROF && (!distDir || (BUILD && distDir === path.resolve(BUILD, 'dist')))
            ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(CPU_PROF)}`]
            : []),
          ...entry,
        ],
        {
          cwd: apiRoot,
          env: {
            ...process.env,
            ...env,
            DATABASE_URL: url,
            PORT: String(port),
            HOST: '127.0.0.1',
            LOG_LEVEL,
            // Absolute, so a baseline build elsewhere reads the same files.
            TRUSTED_DOCUMENTS_FILE: path.resolve(
              apiRoot,
              '../dashboard/src/generated/persisted-documents.json',
            ),
            DASHBOARD_DIST: path.resolve(apiRoot, '../dashboard/dist'),
            // The abuse limits run as in production (partner: the default 50,000 per 10 s); the
            // bench's one agent may send 6,000/s (default 2,000/s) so the page is never cut off.
            RATE_LIMIT_STAFF: '60000',
          },
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      );
      children.push(proc);
      await waitFor(`http://127.0.0.1:${port}/health`, proc, 'Creditline');
      return { proc, url: `http://127.0.0.1:${port}/graphql` };
    };
    const { proc: creditline, url: apiUrl } = await startCreditline(
      BUILD ? path.resolve(BUILD, 'dist') : undefined,
    );
    if (SCALE) {
      // Three more API processes and two workers (the workers take jobs; they are here because a
      // deployment past one machine runs them beside the APIs on the same database).
      const more = await Promise.all([1, 2, 3].map(() => startCreditline(undefined)));
      for (let i = 0; i < 2; i++) {
        const w = spawn(
          process.execPath,
          compiled
            ? ['--conditions=creditline-compiled', 'dist/modules/jobs/worker-main.js']
            : ['--import', 'tsx', 'src/modules/jobs/worker-main.ts'],
          {
            cwd: apiRoot,
            env: { ...process.env, ...env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
            stdio: ['ignore', 'ignore', 'inherit'],
          },
        );
        children.push(w);
      }
      const all = [{ proc: creditline, url: apiUrl }, ...more];
      const scaleCases: Case[] = [];
      for (const n of SCALE_SIZES) {
        const serving = all.slice(0, n);
        const procs = serving.map((x) => x.proc);
        const urls = serving.map((x) => x.url);
        scaleCases.push(
          {
            group: 'partner availableLimit, 32 connections',
            server: `${n} API process${n > 1 ? 'es' : ''}`,
            procs,
            spec: {
              mode: 'http',
              urls,
              headers: { 'x-api-key': `pk_reads.${readSecret}` },
              body: 'creditline-partner',
              connections: 32,
              idsFile: ids.accounts,
            },
          },
          {
            group: 'authorizePurchase, 64 clients',
            server: `${n} API process${n > 1 ? 'es' : ''}`,
            procs,
            spec: {
              mode: 'http',
              urls,
              headers: { 'x-api-key': `pk_auth.${authSecret}` },
              body: 'creditline-authorize',
              connections: 64,
              idsFile: ids.auth,
              keyPrefix: `s${n}`,
            },
          },
        );
      }
      await measure(scaleCases, pool, {
        url,
        compiled,
        startedAt,
        loadAtStart,
        ver,
        ratios: (ratio) => {
          for (const g of [
            'partner availableLimit, 32 connections',
            'authorizePurchase, 64 clients',
          ])
            for (const n of [2, 4]) ratio(g, `${n} API processes`, '1 API process');
        },
      });
      return;
    }
    const base = BASELINE ? await startCreditline(path.resolve(BASELINE, 'dist')) : undefined;
    const pglPort = await freePort();
    const pgl = spawn(
      process.execPath,
      [
        'node_modules/postgraphile/cli.js',
        '-c',
        url,
        '-s',
        'public',
        '-n',
        '127.0.0.1',
        '-p',
        String(pglPort),
        '--disable-default-mutations',
        '--dynamic-json',
        '--disable-query-log',
        '--disable-graphiql',
      ],
      { cwd: apiRoot, env: { ...process.env, NODE_ENV: 'production' }, stdio: 'ignore' },
    );
    children.push(pgl);
    const rawPort = await freePort();
    const raw = spawn(process.execPath, [path.join(here, 'proc/raw-pg-server.mjs')], {
      cwd: apiRoot,
      env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: url, PORT: String(rawPort) },
      stdio: 'ignore',
    });
    children.push(raw);
    // The framework floors (proc/floor-server.mjs): the same documents, the same one statement,
    // nothing of Creditline's own — what Apollo + Fastify, or graphql-js alone, cost per request.
    const startFloor = async (floor: (typeof FLOORS)[number]['floor']) => {
      const port = await freePort();
      const proc = spawn(
        process.execPath,
        [
          ...(CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(CPU_PROF, floor)}`] : []),
          path.join(here, 'proc/floor-server.mjs'),
        ],
        {
          cwd: apiRoot,
          env: {
            ...process.env,
            NODE_ENV: 'production',
            DATABASE_URL: url,
            PORT: String(port),
            FLOOR: floor,
          },
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      );
      children.push(proc);
      const at = `http://127.0.0.1:${port}/${floor === 'graphql-js' ? '' : 'graphql'}`;
      await waitFor(at, proc, `${floor} floor`);
      return { proc, url: at };
    };
    const floors = await Promise.all(
      FLOORS.map(async (f) => ({ ...f, ...(await startFloor(f.floor)) })),
    );
    const pglUrl = `http://127.0.0.1:${pglPort}/graphql`;
    const rawUrl = `http://127.0.0.1:${rawPort}/`;
    await waitFor(pglUrl, pgl, 'PostGraphile');
    await waitFor(rawUrl, raw, 'raw-pg server');

    const partnerH = { 'x-api-key': `pk_reads.${readSecret}` };
    const authH = { 'x-api-key': `pk_auth.${authSecret}` };
    const agentH = { authorization: `Bearer ${token}` };
    const cases: Case[] = [
      {
        group: 'partner availableLimit',
        server: 'Creditline',
        proc: creditline,
        spec: {
          mode: 'http',
          url: apiUrl,
          headers: partnerH,
          body: 'creditline-partner',
          connections: CONNECTIONS,
          idsFile: ids.accounts,
        },
      },
      {
        group: 'partner availableLimit',
        server: 'PostGraphile 4',
        proc: pgl,
        spec: {
          mode: 'http',
          url: pglUrl,
          body: 'pgl-partner',
          connections: CONNECTIONS,
          idsFile: ids.accounts,
        },
      },
      {
        group: 'partner availableLimit',
        server: 'raw pg',
        proc: raw,
        spec: {
          mode: 'http',
          url: rawUrl,
          body: 'raw-partner',
          connections: CONNECTIONS,
          idsFile: ids.accounts,
        },
      },
      {
        group: 'agent customer page',
        server: 'Creditline',
        proc: creditline,
        spec: {
          mode: 'http',
          url: apiUrl,
          headers: agentH,
          body: 'creditline-page',
          connections: CONNECTIONS,
          idsFile: ids.customers,
        },
      },
      {
        group: 'agent customer page',
        server: 'PostGraphile 4',
        proc: pgl,
        spec: {
          mode: 'http',
          url: pglUrl,
          body: 'pgl-page',
          connections: CONNECTIONS,
          idsFile: ids.customers,
        },
      },
      {
        group: 'agent customer page',
        server: 'raw pg',
        proc: raw,
        spec: {
          mode: 'http',
          url: rawUrl,
          body: 'raw-page',
          connections: CONNECTIONS,
          idsFile: ids.customers,
        },
      },
    ];
    for (const f of floors)
      for (const [group, body, idsFile] of [
        ['partner availableLimit', 'creditline-partner', ids.accounts],
        ['agent customer page', 'creditline-page', ids.customers],
      ] as const)
        cases.push({
          group,
          server: f.server,
          proc: f.proc,
          spec: { mode: 'http', url: f.url, body, connections: CONNECTIONS, idsFile },
        });
    for (const clients of [16, 64]) {
      const group = `authorize, ${clients} clients`;
      cases.push(
        {
          group,
          server: 'Creditline authorizePurchase',
          proc: creditline,
          spec: {
            mode: 'http',
            url: apiUrl,
            headers: authH,
            body: 'creditline-authorize',
            connections: clients,
            idsFile: ids.auth,
            keyPrefix: `c${clients}`,
          },
        },
        {
          group,
          server: 'bare UPDATE (pg clients)',
          spec: { mode: 'sql', databaseUrl: url, connections: clients, idsFile: ids.auth },
        },
        {
          group,
          server: 'bare UPDATE behind raw-pg HTTP',
          proc: raw,
          spec: {
            mode: 'http',
            url: rawUrl,
            body: 'raw-hold',
            connections: clients,
            idsFile: ids.auth,
          },
        },
        ...floors.map((f) => ({
          group,
          server: f.server,
          proc: f.proc,
          spec: {
            mode: 'http' as const,
            url: f.url,
            body: 'creditline-authorize',
            connections: clients,
            idsFile: ids.auth,
            keyPrefix: `${f.floor.slice(0, 2)}${clients}`,
          },
        })),
      );
    }
    if (base)
      for (const c of [...cases])
        if (c.server.startsWith('Creditline'))
          cases.splice(cases.indexOf(c) + 1, 0, {
            ...c,
            server: `${c.server} (baseline)`,
            proc: base.proc,
            spec: {
              ...c.spec,
              url: base.url,
              keyPrefix: c.spec.keyPrefix && `${c.spec.keyPrefix}b`,
            },
          });
    await measure(cases, pool, {
      url,
      compiled,
      startedAt,
      loadAtStart,
      ver,
      goals: true,
      ratios: (ratio) => {
        for (const g of ['partner availableLimit', 'agent customer page']) {
          ratio(g, 'Creditline', 'PostGraphile 4');
          ratio(g, 'Creditline', 'raw pg');
          for (const f of FLOORS) ratio(g, f.server, 'raw pg');
          ratio(g, 'Creditline', 'Apollo + Fastify floor');
          ratio(g, 'Creditline', 'Creditline (baseline)');
          ratio(g, 'Creditline (baseline)', 'PostGraphile 4');
        }
        for (const n of [16, 64]) {
          ratio(
            `authorize, ${n} clients`,
            'Creditline authorizePurchase',
            'bare UPDATE (pg clients)',
          );
          ratio(
            `authorize, ${n} clients`,
            'Creditline authorizePurchase',
            'bare UPDATE behind raw-pg HTTP',
          );
          ratio(
            `authorize, ${n} clients`,
            'Creditline authorizePurchase',
            'Creditline authorizePurchase (baseline)',
          );
          for (const f of FLOORS)
            ratio(`authorize, ${n} clients`, f.server, 'bare UPDATE (pg clients)');
        }
      },
    });
  } finally {
    for (const c of children) await stop(c).catch(() => undefined);
    await pgServer.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

type Ratio = (group: string, a: string, b: string) => void;

/** Issue 18's goals against this run's medians: one line each, with every round. */
function goalsTable(selected: Case[], rounds: Round[][]): void {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const rs = (group: string, server: string) => {
    const i = selected.findIndex((c) => c.group === group && c.server === server);
    return i < 0 ? undefined : rounds[i]!;
  };
  const pct = (group: string, a: string, b: string) => {
    const ra = rs(group, a);
    const rb = rs(group, b);
    if (!ra || !rb) return undefined;
    const med = (100 * median(ra.map((r) => r.rps))) / median(rb.map((r) => r.rps));
    const per = ra.map((r, k) => ((100 * r.rps) / rb[k]!.rps).toFixed(0)).join(' / ');
    return { value: med, text: `${med.toFixed(0)} % (rounds ${per} %)` };
  };
  const rows: [
    string,
    string,
    { value: number; text: string } | undefined,
    (v: number) => boolean,
  ][] = [
    [
      'partner `availableLimit` vs PostGraphile 4',
      '≥ 100 %',
      pct('partner availableLimit', 'Creditline', 'PostGraphile 4'),
      (v) => v >= 100,
    ],
    [
      'partner `availableLimit` vs raw pg',
      '≥ 60 %',
      pct('partner availableLimit', 'Creditline', 'raw pg'),
      (v) => v >= 60,
    ],
    [
      'agent customer page vs raw pg',
      '≥ 60 %',
      pct('agent customer page', 'Creditline', 'raw pg'),
      (v) => v >= 60,
    ],
    [
      '`authorizePurchase` over HTTP vs bare UPDATE, 16 clients',
      '≥ 35 %',
      pct('authorize, 16 clients', 'Creditline authorizePurchase', 'bare UPDATE (pg clients)'),
      (v) => v >= 35,
    ],
    [
      '`authorizePurchase` over HTTP vs bare UPDATE, 64 clients',
      '≥ 50 %',
      pct('authorize, 64 clients', 'Creditline authorizePurchase', 'bare UPDATE (pg clients)'),
      (v) => v >= 50,
    ],
  ];
  const p99 = rs('authorize, 16 clients', 'Creditline authorizePurchase');
  const cpu = rs('partner availableLimit', 'Creditline');
  out('\n| goal (issue 18) | target | this run (median; rounds) | met? |\n|---|---|---|---|');
  for (const [what, target, got, ok] of rows)
    if (got) out(`| ${what} | ${target} | ${got.text} | ${ok(got.value) ? 'yes' : '**no**'} |`);
  if (p99) {
    const m = median(p99.map((r) => r.p99));
    out(
      `| p99 of \`authorizePurchase\` over HTTP, 16 clients | ≤ 15 ms | ${m} ms (rounds ${p99.map((r) => r.p99).join(' / ')}) | ${m <= 15 ? 'yes' : '**no**'} |`,
    );
  }
  const cpuOf = (rounds: Round[]) => {
    const xs = rounds.map((r) => r.serverCpuMsPerReq ?? NaN);
    return { m: median(xs), text: xs.map((x) => x.toFixed(2)).join(' / ') };
  };
  if (cpu) {
    const { m, text } = cpuOf(cpu);
    out(
      `| server CPU per partner read | ≤ 0.30 ms | ${m.toFixed(2)} ms (rounds ${text}) | ${m <= 0.3 ? 'yes' : '**no**'} |`,
    );
  }
  // What the framework alone costs in the same rounds (proc/floor-server.mjs): a goal below a
  // floor cannot be met by any change inside Creditline on that stack.
  for (const { server: floor } of FLOORS) {
    const f = rs('partner availableLimit', floor);
    if (!f) continue;
    const { m, text } = cpuOf(f);
    const vsRaw = pct('partner availableLimit', floor, 'raw pg');
    out(
      `| (reference) ${floor}: CPU per partner read; rate vs raw pg | – | ${m.toFixed(2)} ms (rounds ${text}); ${vsRaw?.text ?? '–'} | – |`,
    );
  }
  for (const { server: floor } of FLOORS)
    for (const n of [16, 64]) {
      const got = pct(`authorize, ${n} clients`, floor, 'bare UPDATE (pg clients)');
      const f = rs(`authorize, ${n} clients`, floor);
      if (got && f)
        out(
          `| (reference) ${floor}: the bare UPDATE as a mutation vs the bare UPDATE, ${n} clients | – | ${got.text}; p99 ${median(f.map((r) => r.p99))} ms | – |`,
        );
    }
}

/** Warm-up, interleaved rounds, then the report: a table, the ratios, the bench's purchases. */
async function measure(
  cases: Case[],
  pool: pg.Pool,
  run: {
    url: string;
    compiled: boolean;
    startedAt: Date;
    loadAtStart: string[];
    ver: string;
    ratios: (ratio: Ratio) => void;
    /** The issue's goals, judged on this run's medians (the main run; not `--scale`). */
    goals?: boolean;
  },
): Promise<void> {
  const { compiled, startedAt, loadAtStart, ver } = run;
  // `--only a|b`: the cases whose "group server" text contains any of the alternatives.
  const only = ONLY.split('|');
  const selected = cases.filter((c) => only.some((o) => `${c.group} ${c.server}`.includes(o)));
  // Rotation offsets carry over between rounds, so authorizations keep moving to fresh accounts.
  const offsets = new Map<string, number>();
  const once = async (c: Case, seconds: number, round: number): Promise<Round> => {
    const k = c.spec.keyPrefix ?? c.spec.idsFile;
    const start = offsets.get(k) ?? 0;
    const load = load1();
    const charged = c.procs ?? (c.proc ? [c.proc] : []);
    const cpuOf = () => charged.reduce((a, p) => a + cpuMs(p.pid!), 0);
    const writesOf = () => charged.reduce((a, p) => a + writeCalls(p.pid!), 0);
    const before = cpuOf();
    const writesBefore = writesOf();
    const stealBefore = stealMs();
    const r = await runLoad({
      ...c.spec,
      seconds,
      start,
      keyPrefix: c.spec.keyPrefix && `${c.spec.keyPrefix}r${round}`,
      check: round === 0,
    });
    const serverMs = charged.length ? cpuOf() - before : undefined;
    const serverWrites = charged.length ? writesOf() - writesBefore : undefined;
    offsets.set(k, r.next);
    return {
      round,
      rps: r.rps,
      p50: r.p50,
      p99: r.p99,
      errors: r.errors,
      serverCpuMsPerReq: serverMs === undefined ? undefined : serverMs / Math.max(1, r.requests),
      serverCore: serverMs === undefined ? undefined : serverMs / 1000 / seconds,
      serverWritesPerReq:
        serverWrites === undefined ? undefined : serverWrites / Math.max(1, r.requests),
      loaderCpuMsPerReq: r.loaderCpuMs / Math.max(1, r.requests),
      load,
      steal: (stealMs() - stealBefore) / (seconds * 1000 * os.cpus().length),
    };
  };
  process.stdout.write(`warm-up (${WARMUP} s per case) …\n`);
  for (const c of selected) {
    const w = await once(c, WARMUP, 0);
    if (w.errors > 0)
      throw new Error(`${c.group} / ${c.server}: ${w.errors} errors in the warm-up`);
  }
  const rounds: Round[][] = selected.map(() => []);
  // Every other round runs the cases in reverse order (ABBA), so no server always follows the
  // same case (e.g. the database's clean-up after a round of authorizations).
  for (let round = 1; round <= ROUNDS; round++)
    for (const [i, c] of round % 2 ? selected.entries() : [...selected.entries()].reverse()) {
      const r = await once(c, SECONDS, round);
      rounds[i]!.push(r);
      process.stdout.write(
        `round ${round} ${c.group} / ${c.server}: ${Math.round(r.rps)} req/s (load ${r.load}, stolen ${Math.round(100 * r.steal)} %)\n`,
      );
    }
  // Authorizations are checked in the database: every one must have been HELD (a declined
  // purchase is a 200 too, and cheaper).
  const outcomes = (
    await pool.query<{ status: string; n: string }>(
      `select status, count(*)::text as n from purchases where merchant = 'bench' group by status order by status`,
    )
  ).rows;
  await pool.end();

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const f1 = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(2));
  const cpu = os.cpus();
  out(
    `\n**Run ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC**: ${cpu[0]?.model ?? '?'} × ${cpu.length} logical CPUs, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}, PostgreSQL ${ver} (embedded, fsync off); load average at start ${loadAtStart.join(' / ')}, at end ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(
        ' / ',
      )}. Creditline: ${BUILD ? `${BUILD}/dist/main.js` : compiled ? '`dist/main.js` (compiled, `pnpm build`)' : '`tsx src/main.ts` (no `pnpm build` output)'}${BASELINE ? `; baseline: ${BASELINE}/dist/main.js` : ''}, LOG_LEVEL=${LOG_LEVEL}${CPU_PROF ? ', **--cpu-prof on**' : ''}. ${CUSTOMERS} customers, ${AUTH_ACCOUNTS} authorization accounts; ${SECONDS} s per round, ${ROUNDS} interleaved rounds after a ${WARMUP} s warm-up per case; ${SCALE ? 'connections as named per case, dealt round-robin over the serving processes' : `reads at ${CONNECTIONS} connections`}.\n`,
  );
  out(
    '| case | server | req/s (median) | rounds (req/s) | p50 ms | p99 ms (rounds) | server CPU ms/req (rounds) | server core | server writes/req | load CPU ms/req | errors | load avg (rounds) | CPU stolen (rounds) |',
  );
  out('|---|---|---:|---|---:|---|---|---:|---:|---:|---:|---|---|');
  for (const [i, c] of selected.entries()) {
    const rs = rounds[i]!;
    const m = rs.find((r) => r.rps === median(rs.map((x) => x.rps)))!;
    out(
      `| ${c.group} | ${c.server} | ${Math.round(m.rps)} | ${rs.map((r) => Math.round(r.rps)).join(' / ')} | ${m.p50} | ${rs.map((r) => r.p99).join(' / ')} | ${rs.map((r) => f1(r.serverCpuMsPerReq)).join(' / ')} | ${m.serverCore === undefined ? '–' : `${Math.round(100 * m.serverCore)} %`} | ${f1(m.serverWritesPerReq)} | ${f1(m.loaderCpuMsPerReq)} | ${rs.reduce((a, r) => a + r.errors, 0)} | ${rs.map((r) => r.load).join(' / ')} | ${rs.map((r) => `${Math.round(100 * r.steal)} %`).join(' / ')} |`,
    );
  }
  // Ratios, round by round (the servers of one round ran minutes apart at most), and the median.
  const ratio = (group: string, a: string, b: string) => {
    const ia = selected.findIndex((c) => c.group === group && c.server === a);
    const ib = selected.findIndex((c) => c.group === group && c.server === b);
    if (ia < 0 || ib < 0) return;
    const per = rounds[ia]!.map((r, k) => (100 * r.rps) / rounds[ib]![k]!.rps);
    const med =
      (100 * median(rounds[ia]!.map((r) => r.rps))) / median(rounds[ib]!.map((r) => r.rps));
    out(
      `- ${group}: ${a} / ${b} = **${med.toFixed(0)} %** of medians (rounds ${per.map((p) => p.toFixed(0)).join(' / ')} %)`,
    );
  };
  out('');
  run.ratios(ratio);
  if (run.goals) goalsTable(selected, rounds);
  out(
    `- the bench's purchases by status after the run (warm-up included): ${outcomes.map((o) => `${o.status} ${o.n}`).join(', ') || 'none'}`,
  );
}

/**
 * `--all`: every goal's case, then the same measures at 1, 2 and 4 API processes (`--scale`),
 * each run in a process of its own (the same arguments otherwise), the report of both appended
 * to `--out` (default bench-results-<time>.md in the current directory).
 */
async function all(): Promise<void> {
  const args = process.argv.slice(2).filter((a) => a !== '--all');
  const o = args.indexOf('--out');
  const file =
    o >= 0
      ? args[o + 1]!
      : path.resolve(`bench-results-${new Date().toISOString().slice(0, 16).replace(':', '')}.md`);
  if (o < 0) args.push('--out', file);
  // 6 s rounds unless told: every case of both runs in about 10 minutes on a quiet machine.
  if (!args.includes('--seconds') && !args.includes('--quick')) args.push('--seconds', '6');
  const script = fileURLToPath(import.meta.url);
  for (const extra of [[], ['--scale']]) {
    const code = await new Promise<number | null>((resolve) =>
      spawn(process.execPath, [...process.execArgv, script, ...args, ...extra], {
        stdio: 'inherit',
      }).once('exit', resolve),
    );
    if (code !== 0) throw new Error(`bench ${extra.join(' ')} exited with ${code}`);
  }
  process.stdout.write(`\nreport: ${file}\n`);
}

if (process.argv.includes('--all')) await all();
else await main();
process.exit(0);
