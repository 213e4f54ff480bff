import { EventEmitter } from 'node:events';
import { hostname } from 'node:os';
import pg from 'pg';
import {
  Logger as GraphileLogger,
  parseCronItems,
  run,
  type Runner,
  type Task,
  type WorkerEvents,
} from 'graphile-worker';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../../config/config.js';
import type { Logger } from '../../shared/logger.js';
import { JOBS, schedulesFrom } from './job-definitions.js';
import { JobAlreadyRunningError, runTracked, type JobTrigger } from './job-run.service.js';

import { DEAD_AFTER_SECONDS, HEARTBEAT_MS } from './job-definitions.js';
export { DEAD_AFTER_SECONDS, HEARTBEAT_MS };

export interface JobPayload {
  /** ISO date the job runs "as of" (default: when it starts). */
  asOf?: string;
  trigger?: JobTrigger;
}

export interface RunningWorker {
  runner: Runner;
  workerIds: string[];
  stop(): Promise<void>;
}

function graphileLogger(logger: Logger): GraphileLogger {
  return new GraphileLogger((scope) => (level, message, meta) => {
    const l = logger.child({ module: 'graphile-worker', ...scope, ...meta });
    if (level === 'error') l.error(message);
    else if (level === 'warning') l.warn(message);
    else if (level === 'info') l.info(message);
    else l.debug(message);
  });
}

/**
 * The job worker: graphile-worker's runner with our task list and crontab, plus three things
 * graphile-worker (open source) leaves to us:
 *
 * - liveness: each worker process writes a heartbeat for its worker ids into job_workers; every
 *   worker process releases the jobs of workers silent for DEAD_AFTER_SECONDS
 *   (`graphile_worker.force_unlock_workers`), so a crashed worker's job is retried in seconds,
 *   not after graphile-worker's 4-hour lock expiry;
 * - wake-ups: an outbox row or a webhook delivery NOTIFYs `creditline_delivery` on commit, and the
 *   worker enqueues the delivery job at once (one pending job per key), instead of waiting for
 *   the next minute's schedule;
 * - run records: every run goes through runTracked (job_runs, advisory lock per job name).
 */
export async function startWorker(opts: {
  config: Config;
  orm: MikroORM;
  logger: Logger;
  dbUrl: string;
}): Promise<RunningWorker> {
  const { config, orm, logger, dbUrl } = opts;
  const log = logger.child({ module: 'worker' });
  const schedules = schedulesFrom(config.JOB_SCHEDULES);

  const taskList: Record<string, Task> = {};
  for (const def of JOBS) {
    taskList[def.name] = async (rawPayload, helpers) => {
      const payload = (rawPayload ?? {}) as JobPayload;
      const asOf = payload.asOf ? new Date(payload.asOf) : new Date();
      let again: Date | undefined;
      try {
        const r = await runTracked(
          orm,
          dbUrl,
          def.name,
          asOf,
          {
            queueJobId: String(helpers.job.id),
            attempt: helpers.job.attempts,
            workerId: helpers.job.locked_by ?? undefined,
            trigger: payload.trigger ?? 'schedule',
          },
          () =>
            def.run({
              orm,
              config,
              logger: log.child({ job: def.name }),
              asOf,
              runAgainAt: (when) => {
                if (!again || when < again) again = when;
              },
            }),
          { ownRun: def.ownRun },
        );
        log.info({ job: def.name, processed: r.processed, summary: r.summary }, 'job done');
      } catch (err) {
        // Another process runs it now: that run does the work, so this one is not a failure.
        if (err instanceof JobAlreadyRunningError) {
          log.info({ job: def.name }, err.message);
          // A wake-up (a new outbox row or webhook delivery) may have come after that run's
          // last look at its queue: look again shortly rather than wait for the next minute.
          if (payload.trigger === 'wake')
            await helpers.addJob(
              def.name,
              { trigger: 'wake' },
              {
                jobKey: `${def.name}:wake`,
                runAt: new Date(Date.now() + 1000),
                maxAttempts: def.maxAttempts,
              },
            );
          return;
        }
        throw err;
      }
      if (again)
        await helpers.addJob(
          def.name,
          { trigger: 'wake' },
          { jobKey: `${def.name}:retry`, runAt: again, maxAttempts: def.maxAttempts },
        );
    };
  }

  const cronItems = JOBS.flatMap((def) => {
    const match = schedules.get(def.name);
    return match
      ? [
          {
            task: def.name,
            match,
            identifier: def.name,
            // A missed tick (every worker down) is not run late: the next tick does the work.
            options: { backfillPeriod: 0, maxAttempts: def.maxAttempts, jobKey: def.name },
            payload: { trigger: 'schedule' },
          },
        ]
      : [];
  });
  const parsedCronItems = parseCronItems(cronItems);

  const workerIds: string[] = [];
  const events: WorkerEvents = new EventEmitter() as WorkerEvents;
  // Jobs are locked in the pool's name (graphile-worker 0.17 fetches jobs per pool), so the pool
  // id is what the sweep must release; the workers' ids are kept beside it for the logs.
  events.on('pool:create', ({ workerPool }) => {
    workerIds.push(workerPool.id);
    void beat();
  });
  events.on('worker:create', ({ worker }) => {
    workerIds.push(worker.workerId);
  });

  const pool = new pg.Pool({
    connectionString: dbUrl,
    max: 2,
    application_name: 'creditline-worker',
  });
  pool.on('error', (err) => log.warn({ err }, 'worker pool connection lost'));
  const host = hostname();
  let beating: Promise<void> | undefined;
  const beat = () =>
    (beating ??= (async () => {
      try {
        if (workerIds.length)
          await pool.query(
            `insert into job_workers (worker_id, host, pid) select unnest($1::text[]), $2, $3
             on conflict (worker_id) do update set heartbeat_at = now()`,
            [workerIds, host, process.pid],
          );
        const dead = await pool.query<{ worker_id: string }>(
          `delete from job_workers where heartbeat_at < now() - make_interval(secs => $1) returning worker_id`,
          [DEAD_AFTER_SECONDS],
        );
        if (dead.rows.length) {
          const ids = dead.rows.map((r) => r.worker_id);
          await pool.query(`select graphile_worker.force_unlock_workers($1::text[])`, [ids]);
          log.warn({ workerIds: ids }, 'released the jobs of workers that stopped answering');
        }
      } catch (err) {
        log.warn({ err }, 'heartbeat failed');
      } finally {
        beating = undefined;
      }
    })());
  const heartbeat = setInterval(() => void beat(), HEARTBEAT_MS);

  const runner = await run({
    connectionString: dbUrl,
    concurrency: config.WORKER_CONCURRENCY,
    noHandleSignals: true,
    pollInterval: 1000,
    maxPoolSize: config.WORKER_CONCURRENCY + 2,
    taskList,
    parsedCronItems,
    events,
    logger: graphileLogger(log),
  });

  // Wake-ups: LISTEN on a dedicated connection, re-established if it drops.
  let listener: pg.Client | undefined;
  let stopped = false;
  const listen = async () => {
    if (stopped) return;
    const client = new pg.Client({
      connectionString: dbUrl,
      application_name: 'creditline-listen',
    });
    client.on('error', () => undefined);
    client.on('end', () => {
      if (!stopped) setTimeout(() => void listen().catch(() => undefined), 1000).unref();
    });
    client.on('notification', (n) => {
      const task = n.payload === 'webhooks' ? 'deliver-webhooks' : 'deliver-outbox';
      void runner
        .addJob(task, { trigger: 'wake' }, { jobKey: `${task}:wake`, maxAttempts: 3 })
        .catch((err: Error) => log.warn({ err }, 'could not enqueue a delivery'));
    });
    await client.connect();
    await client.query('listen creditline_delivery');
    listener = client;
  };
  await listen();

  log.info(
    {
      concurrency: config.WORKER_CONCURRENCY,
      schedules: Object.fromEntries(schedules),
      workerIds,
    },
    'job worker started',
  );

  return {
    runner,
    workerIds,
    stop: async () => {
      stopped = true;
      clearInterval(heartbeat);
      await listener?.end().catch(() => undefined);
      await runner.stop().catch(() => undefined);
      await pool
        .query(`delete from job_workers where worker_id = any($1::text[])`, [workerIds])
        .catch(() => undefined);
      await pool.end().catch(() => undefined);
    },
  };
}
