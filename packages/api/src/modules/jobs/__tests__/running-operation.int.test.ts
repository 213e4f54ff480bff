import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../db/embedded-postgres.js';

/**
 * The operation as it runs: README's start command (src/main.ts: API, embedded PostgreSQL, a job
 * worker process and the mail sink) as a real process, every schedule at every minute. Real
 * processes are killed with real signals.
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
    WORKERS: '1',
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
      expect(out).toMatch(/Job workers: +1 process/);
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
      const jobs = [
        'periodic-review',
        'overdue',
        'expire-holds',
        'expire-promotions',
        'notices',
        'deliver-outbox',
        'deliver-webhooks',
        'idempotency-cleanup',
      ];
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
      // One run per schedule tick, however many workers (here: two job slots) saw the tick.
      const perTick = await q<{ n: number }>(
        `select count(*)::int as n from job_runs where trigger = 'schedule' and job = 'expire-holds' and started_at >= $1 group by date_trunc('minute', started_at)`,
        [since],
      );
      expect(perTick.every((r) => r.n === 1)).toBe(true);

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
        liveWorkers: 1,
        lastRun: { status: 'DONE' },
      });
      expect(new Date(review.nextRunAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
      expect(review.lastRun.durationMs).toBeGreaterThanOrEqual(0);
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
      const [worker] = await q<{ pid: number }>(`select distinct pid from job_workers`);
      process.kill(worker!.pid, 'SIGKILL');
      await sleep(300);
      const [mid] = await q<{ status: string; processed: string }>(
        `select status, processed from job_runs where id = $1`,
        [run.id],
      );
      expect(mid!.status).toBe('RUNNING');
      expect(Number(mid!.processed)).toBeLessThan(active);

      // The supervisor starts another worker; its heartbeat sweep releases the dead worker's job.
      const done = await until(
        'the interrupted review to finish',
        async () =>
          (
            await q<{ status: string; processed: string; result: { resumed?: boolean } }>(
              `select status, processed, result from job_runs where id = $1 and status = 'DONE'`,
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
      await until('the API to answer', async () => (await health()) === 200, 60_000);
      db = new pg.Client({
        connectionString: `postgres://postgres:creditline@127.0.0.1:${env.EMBEDDED_PG_PORT}/creditline`,
      });
      await db.connect();
      expect((await q<{ one: number }>(`select 1 as one`))[0]!.one).toBe(1);
    },
  );
});
