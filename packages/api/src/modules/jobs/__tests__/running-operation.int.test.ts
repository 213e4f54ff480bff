import 'reflect-metadata';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../db/embedded-postgres.js';
import { loadConfig } from '../../../config/config.js';
import { encryptPii } from '../../customers/pii.js';
import { toGlobalId } from '../../../graphql/relay.js';
import { DEMO_PARTNER } from '../../auth/demo-logins.js';
import { JOBS } from '../job-definitions.js';
import { defaultPolicy } from '@creditline/scoring';

/**
 * The operation as it runs: README's start command (src/main.ts: API, embedded PostgreSQL, two
 * job worker processes and the mail sink) as a real process, every schedule at every minute.
 * Real processes are killed with real signals.
 */
const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'creditline-operation-'));
chmodSync(dir, 0o755);
let env: Record<string, string>;
let api: ChildProcess;
let out = '';
let db: pg.Client;
let base: string;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(
  what: string,
  f: () => Promise<T | undefined | null | false>,
  ms: number,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f().catch(() => undefined);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n${out.slice(-3000)}`);
    await sleep(200);
  }
}
const q = async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
  (await db.query<R>(sql, params)).rows;
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const postmasterPid = () =>
  Number(readFileSync(path.join(dir, 'data', 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
/** A GraphQL call over HTTP, as a staff member (token) or the demo partner app (its API key). */
async function gql(
  query: string,
  variables: Record<string, unknown> = {},
  auth: { token?: string; apiKey?: string } = {},
): Promise<any> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  if (auth.apiKey) headers['x-api-key'] = auth.apiKey;
  const r = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  return r.json();
}
async function signIn(username: string, password: string): Promise<string> {
  const r = await gql(
    `mutation($u: String!, $p: String!) { signIn(input: { username: $u, password: $p }) { token } }`,
    { u: username, p: password },
  );
  return r.data.signIn.token as string;
}

/** The verification partners are given in docs/partners.md (Node.js), verbatim. */
function verifyCreditlineSignature(
  header: string | undefined,
  rawBody: string,
  secret: string,
  toleranceSeconds = 300,
) {
  if (!header) return false;
  const parts = header.split(',').map((p) => p.trim().split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
  return parts
    .filter(([k]) => k === 'v1')
    .some(([, v]) => {
      const got = Buffer.from(v ?? '', 'hex');
      return got.length === expected.length && timingSafeEqual(got, expected);
    });
}

async function health(): Promise<number> {
  const r = await fetch(`${base}/health`, { signal: AbortSignal.timeout(5000) });
  return r.status;
}

beforeAll(async () => {
  const pgPort = String(await freePort());
  env = {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    DATA_DIR: path.join(dir, 'data'),
    EMBEDDED_PG_PORT: pgPort,
    PORT: String(await freePort()),
    SMTP_SINK_PORT: String(await freePort()),
    DEMO_CUSTOMERS: '1500',
    JOB_SCHEDULES: '*=* * * * *',
    WORKERS: '2',
    DELIVERY_BACKOFF_SECONDS: '1',
    WORKER_CONCURRENCY: '2',
    REVIEW_BATCH_SIZE: '3',
  };
  api = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: apiRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  api.stdout!.on('data', (d) => (out += d));
  api.stderr!.on('data', (d) => (out += d));
  await until('the start banner', async () => out.includes('Creditline is running'), 240_000);
  base = `http://127.0.0.1:${env.PORT}`;
  db = new pg.Client({
    connectionString: `postgres://postgres:creditline@127.0.0.1:${pgPort}/creditline`,
  });
  await db.connect();
}, 300_000);

afterAll(async () => {
  await db?.end().catch(() => undefined);
  if (api && api.exitCode === null) {
    const exited = new Promise((r) => api.once('exit', r));
    api.kill('SIGINT');
    await Promise.race([exited, sleep(40_000)]);
  }
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('a running operation', () => {
  it(
    'runs the periodic review, overdue, expiry and delivery jobs by themselves on their schedules',
    { timeout: 200_000 },
    async () => {
      expect(out).toMatch(/Job workers: +2 process/);
      expect(out).toMatch(/Mail sink: +smtp:\/\/127\.0\.0\.1:\d+/);
      // Work for the jobs: a hold past its expiry, an installment line past due, accounts due for review.
      const [hold] = await q<{ id: string }>(
        `update holds set expires_at = now() - interval '1 day' where id = (select id from holds where status = 'LIVE' order by id limit 1) returning id`,
      );
      const [line] = await q<{ id: string }>(
        `update schedule_lines set due_date = current_date - 5 where id = (select id from schedule_lines where status = 'DUE' order by id limit 1) returning id`,
      );
      await q(
        `update credit_accounts set last_reviewed_at = null where id in (select id from credit_accounts where status = 'ACTIVE' order by id limit 20)`,
      );
      const since = new Date();
      // Every scheduled job, from the one list the worker schedules.
      const jobs = JOBS.map((j) => j.name);
      const runs = await until(
        'every job to run on its schedule',
        async () => {
          const r = await q<{ job: string; processed: string; result: Record<string, unknown> }>(
            `select distinct on (job) job, processed, result from job_runs where trigger = 'schedule' and status = 'DONE' and started_at >= $1 order by job, id`,
            [since],
          );
          return r.length === jobs.length ? r : undefined;
        },
        150_000,
      );
      expect(runs.map((r) => r.job).sort()).toEqual([...jobs].sort());
      expect(
        Number(runs.find((r) => r.job === 'periodic-review')!.processed),
      ).toBeGreaterThanOrEqual(20);
      expect(
        (await q<{ status: string }>(`select status from holds where id = $1`, [hold!.id]))[0]!
          .status,
      ).toBe('EXPIRED');
      expect(
        (
          await q<{ status: string }>(`select status from schedule_lines where id = $1`, [line!.id])
        )[0]!.status,
      ).toBe('OVERDUE');
      // One run per schedule tick, however many workers (two processes × two job slots) saw it.
      const perTick = await q<{ job: string; n: number }>(
        `select job, count(*)::int as n from job_runs where trigger = 'schedule' and started_at >= $1 group by job, date_trunc('minute', started_at)`,
        [since],
      );
      expect(perTick.length).toBeGreaterThanOrEqual(jobs.length);
      expect(perTick.filter((r) => r.n !== 1)).toEqual([]);
      // Both worker processes are alive and took jobs.
      expect(
        (await q<{ n: number }>(`select count(distinct pid)::int as n from job_workers`))[0]!.n,
      ).toBe(2);

      // Risk admins see it through GraphQL: last run, duration, result, next run.
      const signIn = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `mutation { signIn(input: { username: "risk", password: "risk-demo-2026" }) { token } }`,
        }),
      }).then((r) => r.json() as Promise<any>);
      const token = signIn.data.signIn.token as string;
      const schedules = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: `{ jobSchedules { job schedule nextRunAt liveWorkers lastRun { status durationMs result finishedAt } } }`,
        }),
      }).then((r) => r.json() as Promise<any>);
      expect(schedules.errors).toBeUndefined();
      const review = schedules.data.jobSchedules.find(
        (s: { job: string }) => s.job === 'periodic-review',
      );
      expect(review).toMatchObject({
        schedule: '* * * * *',
        liveWorkers: 2,
        lastRun: { status: 'DONE' },
      });
      expect(new Date(review.nextRunAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
      expect(review.lastRun.durationMs).toBeGreaterThanOrEqual(0);
    },
  );

  it(
    'an email notice arrives in the local SMTP sink; a webhook arrives at a local receiver, signed, and is retried after a 500',
    { timeout: 120_000 },
    async () => {
      // A partner's receiver: answers 500 the first time it sees an event, 200 after.
      const seen = new Set<string>();
      const got: { headers: http.IncomingHttpHeaders; body: string; status: number }[] = [];
      const rx = http.createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString('utf8')));
        req.on('end', () => {
          const id = String(req.headers['creditline-event-id']);
          const status = seen.has(id) ? 200 : 500;
          seen.add(id);
          got.push({ headers: req.headers, body, status });
          res.writeHead(status).end();
        });
      });
      await new Promise<void>((r) => rx.listen(0, '127.0.0.1', () => r()));
      try {
        const apiKey = `${DEMO_PARTNER.keyId}.${DEMO_PARTNER.secret}`;
        const created = await gql(
          `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret endpoint { id } userErrors { code message } } }`,
          {
            i: {
              url: `http://127.0.0.1:${(rx.address() as AddressInfo).port}/creditline`,
              eventTypes: ['LIMIT_CHANGED'],
            },
          },
          { apiKey },
        );
        expect(created.errors).toBeUndefined();
        expect(created.data.createWebhookEndpoint.userErrors).toEqual([]);
        const secret = created.data.createWebhookEndpoint.secret as string;

        // Customer 1 linked the demo partner (ids not a multiple of 3); a supervisor's decision
        // changes its limit: the decision's transaction writes the event, a worker sends it.
        const [acct] = await q<{ id: string; customer_id: string; base: string }>(
          `select id::text, customer_id::text, base_limit_fen::text as base from credit_accounts where customer_id = 1`,
        );
        await q(
          `insert into limit_decisions (account_id, customer_id, kind, base_limit_before_fen, base_limit_after_fen, status_before, status_after, decided_by, features, reasons, policy_version)
           select id, customer_id, 'MANUAL', base_limit_fen, base_limit_fen - 10000, status, status, 'SYSTEM', '{}', '[]', $2 from credit_accounts where id = $1`,
          [acct!.id, defaultPolicy.version],
        );
        const customerGid = toGlobalId('Customer', acct!.customer_id);
        const mine = () => got.filter((g) => JSON.parse(g.body).data?.customerId === customerGid);
        await until(
          'the event to arrive twice (500, then 200)',
          async () => mine().length >= 2,
          60_000,
        );
        const [first, second] = mine();
        expect([first!.status, second!.status]).toEqual([500, 200]);
        expect(second!.body).toBe(first!.body);
        expect(second!.headers['creditline-event-id']).toBe(first!.headers['creditline-event-id']);
        for (const g of [first!, second!])
          expect(
            verifyCreditlineSignature(g.headers['creditline-signature'] as string, g.body, secret),
          ).toBe(true);
        expect(
          verifyCreditlineSignature(
            second!.headers['creditline-signature'] as string,
            second!.body,
            'whsec_not_the_secret',
          ),
        ).toBe(false);
        expect(JSON.parse(second!.body)).toMatchObject({
          type: 'LIMIT_CHANGED',
          data: { customerId: customerGid, kind: 'MANUAL' },
        });
        // The partner sees both attempts.
        const deliveries = await gql(
          `{ webhookDeliveries(first: 50) { eventId status attemptCount attempts { statusCode } } }`,
          {},
          { apiKey },
        );
        const d = deliveries.data.webhookDeliveries.find(
          (x: { eventId: string }) => x.eventId === first!.headers['creditline-event-id'],
        );
        await until(
          'the delivery to be recorded DELIVERED',
          async () =>
            (
              await gql(`{ webhookDeliveries(first: 50) { eventId status } }`, {}, { apiKey })
            ).data.webhookDeliveries.some(
              (x: { eventId: string; status: string }) =>
                x.eventId === d.eventId && x.status === 'DELIVERED',
            ),
          10_000,
        );
        expect(d.attempts[0].statusCode).toBe(500);
      } finally {
        rx.close();
      }

      // Email: customer 2 has an address; an agent sends an email notice; it lands in the sink.
      const config = loadConfig({ ...process.env, ...env });
      await q(
        `update customers set email_enc = $1, email_masked = 'h***@example.com' where id = 2`,
        [encryptPii('han.meimei@example.com', config.secrets.piiKey)],
      );
      const agent = await signIn('agent', 'agent-demo-2026');
      const sent = await gql(
        `mutation($i: SendNoticeInput!) { sendNotice(input: $i) { notice { id } userErrors { code message } } }`,
        {
          i: {
            customerId: toGlobalId('Customer', '2'),
            channel: 'EMAIL',
            message: 'Your statement is ready.',
          },
        },
        { token: agent },
      );
      expect(sent.errors).toBeUndefined();
      expect(sent.data.sendNotice.userErrors).toEqual([]);
      // Payment reminders go by email too: find the staff message among the customer's emails.
      const mail = await until(
        'the email in the SMTP sink',
        async () => {
          const r = await gql(
            `{ sinkMessages(channel: EMAIL, to: "han.meimei@example.com", first: 20) { to subject text noticeId } }`,
            {},
            { token: agent },
          );
          return r.data?.sinkMessages?.find((m: { text: string }) =>
            m.text.includes('Your statement is ready.'),
          );
        },
        60_000,
      );
      expect(mail.to).toBe('han.meimei@example.com');
      expect(mail.text).toContain('Your statement is ready.');
      // The sink has the message before the worker records the delivery: wait for the status.
      const n = await until(
        'the notice marked delivered',
        async () =>
          (
            await q<{ delivery_status: string }>(
              `select delivery_status from notices where customer_id = 2 and channel = 'EMAIL' order by id desc limit 1`,
            )
          ).find((r) => r.delivery_status === 'DELIVERED'),
        30_000,
      );
      expect(n.delivery_status).toBe('DELIVERED');
      // On disk under the data folder, as a .eml file a mail client opens.
      const mailDir = path.join(dir, 'data', 'sink', 'mail');
      const emls = readdirSync(mailDir).filter((f) => f.endsWith('.eml'));
      expect(
        emls.some((f) =>
          readFileSync(path.join(mailDir, f), 'utf8').includes('han.meimei@example.com'),
        ),
      ).toBe(true);
    },
  );

  it(
    '`pnpm review` beside the running API uses its database and leaves it answering',
    { timeout: 200_000 },
    async () => {
      const pid = postmasterPid();
      await q(
        `update credit_accounts set last_reviewed_at = null where id in (select id from credit_accounts where status = 'ACTIVE' order by id limit 10)`,
      );
      const cli = await new Promise<{ code: number; stdout: string }>((resolve) =>
        execFile(
          process.execPath,
          ['--import', 'tsx', 'src/jobs/cli.ts', 'review'],
          { cwd: apiRoot, env: { ...process.env, ...env, LOG_LEVEL: 'silent' }, timeout: 180_000 },
          (err, stdout, stderr) =>
            resolve({
              code: err ? Number((err as { code?: number }).code ?? 1) : 0,
              stdout: stdout + stderr,
            }),
        ),
      );
      // Done here, or (exit 3) the worker's scheduled review had the job at that moment.
      expect([0, 3]).toContain(cli.code);
      expect(cli.stdout).toMatch(/periodic-review done|already running in another process/);
      expect(postmasterPid()).toBe(pid);
      expect(alive(pid)).toBe(true);
      expect(await health()).toBe(200);
    },
  );

  it(
    'a worker killed in the middle of a job is replaced, and the job completes exactly once',
    { timeout: 300_000 },
    async () => {
      const [{ max }] = await q<{ max: string }>(
        `select coalesce(max(id), 0)::text as max from limit_decisions`,
      );
      const [{ n: active }] = await q<{ n: number }>(
        `select count(*)::int as n from credit_accounts where status = 'ACTIVE'`,
      );
      // Every account due; a slow review (batches of 3) that we can interrupt.
      await q(`update credit_accounts set last_reviewed_at = null where status = 'ACTIVE'`);
      await q(
        `select graphile_worker.add_job('periodic-review', '{"trigger":"enqueued"}'::json, job_key := 'periodic-review:enqueued', max_attempts := 10)`,
      );
      const run = await until(
        'the review to be half-way',
        async () =>
          (
            await q<{ id: string; processed: string; worker_id: string | null }>(
              `select id, processed, worker_id from job_runs where job = 'periodic-review' and status = 'RUNNING' and processed > 0 order by id desc limit 1`,
            )
          )[0],
        120_000,
      );
      // The worker process that runs it (two are running; the other one stays up).
      const [worker] = await q<{ pid: number }>(
        `select w.pid from graphile_worker.jobs j join job_workers w on w.worker_id = j.locked_by
          where j.task_identifier = 'periodic-review' and j.locked_at is not null`,
      );
      expect(worker).toBeDefined();
      process.kill(worker!.pid, 'SIGKILL');
      await sleep(300);
      const [mid] = await q<{ status: string; processed: string }>(
        `select status, processed from job_runs where id = $1`,
        [run.id],
      );
      expect(mid!.status).toBe('RUNNING');
      expect(Number(mid!.processed)).toBeLessThan(active);

      // The supervisor starts another worker; its heartbeat sweep releases the dead worker's job.
      // The review marks its run DONE before the job runner records the result: wait for both.
      const done = await until(
        'the interrupted review to finish',
        async () =>
          (
            await q<{ status: string; processed: string; result: { resumed?: boolean } }>(
              `select status, processed, result from job_runs where id = $1 and status = 'DONE' and result is not null`,
              [run.id],
            )
          )[0],
        150_000,
      );
      expect(done.result.resumed).toBe(true);
      const [newWorker] = await q<{ pid: number }>(
        `select distinct pid from job_workers where pid <> $1`,
        [worker!.pid],
      );
      expect(newWorker).toBeDefined();
      // Exactly once: every ACTIVE account reviewed one time since, none twice.
      const perAccount = await q<{ n: number; accounts: number }>(
        `select n, count(*)::int as accounts from (select account_id, count(*)::int as n from limit_decisions where kind = 'PERIODIC_REVIEW' and id > $1 group by account_id) x group by n`,
        [max],
      );
      expect(perAccount).toEqual([{ n: 1, accounts: active }]);
      // Whichever queue job finished the run (the released one, or the next minute's scheduled one
      // once the lock was free), the released job leaves the queue, and no later run reviewed anyone.
      await until(
        'the released queue job to leave the queue',
        async () =>
          (
            await q(
              `select 1 from graphile_worker.jobs where task_identifier = 'periodic-review' and key = 'periodic-review:enqueued'`,
            )
          ).length === 0,
        90_000,
      );
      const later = await q(
        `select 1 from job_runs where job = 'periodic-review' and id > $1 and processed > 0`,
        [run.id],
      );
      expect(later).toHaveLength(0);
    },
  );

  it(
    'restarts the embedded PostgreSQL when it dies, and the API answers again',
    { timeout: 120_000 },
    async () => {
      await db.end();
      const pid = postmasterPid();
      process.kill(pid, 'SIGKILL');
      await until(
        'a new postmaster',
        async () => {
          const now = postmasterPid();
          return now !== pid && alive(now);
        },
        60_000,
      );
      // Ready (its database answers), not only alive.
      await until(
        'the API to be ready again',
        async () =>
          (await fetch(`${base}/ready`, { signal: AbortSignal.timeout(5000) })).status === 200,
        60_000,
      );
      // A GraphQL query that reads the database, through the API's own (reconnected) pool.
      await until(
        'a query through the API',
        async () => (await signIn('agent', 'agent-demo-2026')).length > 0,
        30_000,
      );
      db = await until(
        'a connection of our own',
        async () => {
          const c = new pg.Client({
            connectionString: `postgres://postgres:creditline@127.0.0.1:${env.EMBEDDED_PG_PORT}/creditline`,
          });
          await c.connect();
          return c;
        },
        30_000,
      );
      expect((await q<{ one: number }>(`select 1 as one`))[0]!.one).toBe(1);
    },
  );
});
