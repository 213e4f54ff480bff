import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../../config/config.js';
import type { Logger } from '../../shared/logger.js';
import type { JobResult } from './job-run.service.js';

// Job bodies are imported when a job runs: the `jobs` CLI (partner keys, reconcile, one job)
// and the API (which lists the schedules) do not pay for loading every job's modules.
const periodicReview = () => import('../decisions/periodic-review.js');
const noticeJobs = () => import('../decisions/notice-jobs.js');
const overdue = () => import('../overdue/overdue.service.js');
const purchases = () => import('../purchases/purchase.service.js');
const idempotency = () => import('../idempotency/idempotency.service.js');
const outbox = () => import('../delivery/outbox-delivery.js');
const webhooks = () => import('../webhooks/webhook-delivery.js');
const revolving = () => import('../revolving/revolving.service.js');

export interface JobBodyContext {
  orm: MikroORM;
  config: Config;
  logger: Logger;
  asOf: Date;
  onProgress?: (p: { processed: number; total: number; changed: number }) => void;
  /** The periodic review's batches in flight (the CLI's `--workers`; default 2). */
  reviewWorkers?: number;
  /** Ask a delivery job to run again at this time (the worker schedules it; the CLI ignores it). */
  runAgainAt?: (when: Date) => void;
}

export interface JobDefinition {
  name: string;
  describe: string;
  /** Cron (minute granularity, in the worker's time zone: UTC on our machines). */
  defaultSchedule: string;
  maxAttempts: number;
  /** The body keeps its own job_runs row (the periodic review's resumable run). */
  ownRun?: boolean;
  run(ctx: JobBodyContext): Promise<JobResult>;
}

const counted = (summary: Record<string, number>, key: string): JobResult => ({
  processed: summary[key] ?? 0,
  summary,
});

/**
 * How often a worker process says it is alive (a row in job_workers), and after how long without
 * a word it is dead. Here rather than in worker.ts so the API's readiness check can read them
 * without loading graphile-worker.
 */
export const HEARTBEAT_MS = 2_000;
export const DEAD_AFTER_SECONDS = 10;
/**
 * Every scheduled job. A job body is safe to run again (each writes in its own transactions and
 * skips what is done), so a retry after a crash is harmless; the review resumes from its cursor.
 */
export const JOBS: JobDefinition[] = [
  {
    name: 'periodic-review',
    describe:
      'Periodic limit review of every ACTIVE account that is due (resumable from its cursor).',
    defaultSchedule: '0 2 * * *',
    maxAttempts: 10,
    ownRun: true,
    run: async ({ orm, config, asOf, onProgress, reviewWorkers }) => {
      const { runPeriodicReview } = await periodicReview();
      const r = await runPeriodicReview(orm, {
        asOf,
        batchSize: config.REVIEW_BATCH_SIZE,
        workers: reviewWorkers,
        onProgress,
      });
      return {
        processed: r.processed,
        summary: { processed: r.processed, changed: r.changed, resumed: r.resumed },
        runId: r.runId,
      };
    },
  },
  {
    name: 'overdue',
    describe: 'Days past due, late fees, buckets, notices, triggered reviews and freezes.',
    defaultSchedule: '15 0 * * *',
    maxAttempts: 5,
    run: async ({ orm, asOf }) =>
      counted({ ...(await (await overdue()).runOverdue(orm.em.fork(), asOf)) }, 'linesOverdue'),
  },
  {
    name: 'expire-holds',
    describe: 'Expire holds past HOLD_EXPIRY_DAYS and give their amount back to the limit.',
    defaultSchedule: '*/10 * * * *',
    maxAttempts: 5,
    run: async ({ orm, config, asOf }) =>
      counted(
        {
          expired: await new (await purchases()).PurchaseService(config).expireHolds(
            orm.em.fork(),
            asOf,
          ),
        },
        'expired',
      ),
  },
  {
    name: 'expire-promotions',
    describe: 'Start due promotions, end past ones (their temporary limits stop counting).',
    defaultSchedule: '*/5 * * * *',
    maxAttempts: 5,
    run: async ({ orm, asOf }) =>
      counted(
        { ...(await (await noticeJobs()).expirePromotions(orm.em.fork(), asOf)) },
        'temporaryLimitsExpired',
      ),
  },
  {
    name: 'notices',
    describe: 'Raise event notices (use > 80 %, due soon, overdue, promotions), once per event.',
    defaultSchedule: '0 * * * *',
    maxAttempts: 5,
    run: async ({ orm, asOf }) => {
      const r = await (await noticeJobs()).raiseEventNotices(orm.em.fork(), asOf);
      return { processed: Object.values(r).reduce((a, b) => a + b, 0), summary: r };
    },
  },
  {
    name: 'deliver-outbox',
    describe: 'Send SMS and email notices waiting in the outbox (retries with back-off).',
    defaultSchedule: '* * * * *',
    maxAttempts: 3,
    run: async (ctx) => counted({ ...(await (await outbox()).deliverOutbox(ctx)) }, 'sent'),
  },
  {
    name: 'deliver-webhooks',
    describe: 'POST signed partner webhook events to their endpoints (retries with back-off).',
    defaultSchedule: '* * * * *',
    maxAttempts: 3,
    run: async (ctx) =>
      counted({ ...(await (await webhooks()).deliverWebhooks(ctx)) }, 'delivered'),
  },
  {
    name: 'revolving-statements',
    describe:
      'Revolving lines: accrue interest and late fees to the day, close statements whose date has come.',
    // After the overdue run (00:15), so credit has paid what is due before fees are judged.
    defaultSchedule: '45 0 * * *',
    maxAttempts: 5,
    run: async ({ orm, asOf }) =>
      counted(
        { ...(await (await revolving()).runRevolvingStatements(orm.em.fork(), asOf)) },
        'statements',
      ),
  },
  {
    name: 'idempotency-cleanup',
    describe: 'Delete idempotency records past their expiry (kept at least 48 hours).',
    defaultSchedule: '30 3 * * *',
    maxAttempts: 5,
    run: async ({ orm, asOf }) =>
      counted(
        {
          deleted: await (await idempotency()).deleteExpiredIdempotencyRecords(orm.em.fork(), asOf),
        },
        'deleted',
      ),
  },
];

export const jobNamed = (name: string) => JOBS.find((j) => j.name === name);

/**
 * Schedules after JOB_SCHEDULES overrides: `name=cron;name=cron`, `*=cron` for every job, and
 * `name=off` to not schedule a job (it can still be enqueued). Throws on an unknown name.
 */
export function schedulesFrom(overrides: string | undefined): Map<string, string | null> {
  const out = new Map<string, string | null>(JOBS.map((j) => [j.name, j.defaultSchedule]));
  if (!overrides) return out;
  const entries = overrides
    .split(';')
    .map((e) => e.trim())
    .filter(Boolean)
    .map((e) => {
      const i = e.indexOf('=');
      if (i < 1) throw new Error(`JOB_SCHEDULES entry "${e}" must look like name=cron`);
      return [e.slice(0, i).trim(), e.slice(i + 1).trim()] as const;
    });
  // `*=` first, so that a named entry beside it wins whatever the order.
  for (const [name, cron] of [
    ...entries.filter((e) => e[0] === '*'),
    ...entries.filter((e) => e[0] !== '*'),
  ]) {
    const value = cron === 'off' ? null : cron;
    if (name === '*') for (const j of JOBS) out.set(j.name, value);
    else if (out.has(name)) out.set(name, value);
    else
      throw new Error(
        `JOB_SCHEDULES names an unknown job "${name}" (jobs: ${JOBS.map((j) => j.name).join(', ')})`,
      );
  }
  return out;
}
