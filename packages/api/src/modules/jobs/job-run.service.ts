import pg from 'pg';
import { recordJobRun } from '../../shared/metrics.js';
import type { MikroORM } from '@mikro-orm/postgresql';

/** Where a run came from: a schedule, the `jobs` CLI, a risk admin's "run now", a wake-up. */
export type JobTrigger = 'schedule' | 'cli' | 'enqueued' | 'wake';

export interface RunInfo {
  /** graphile-worker's job id and attempt (absent when the CLI runs a job in its own process). */
  queueJobId?: string;
  attempt?: number;
  workerId?: string;
  trigger: JobTrigger;
}

export interface JobResult {
  processed: number;
  summary: Record<string, unknown>;
  /** The job_runs row the job kept itself (the periodic review resumes its own). */
  runId?: string;
}

export class JobAlreadyRunningError extends Error {}

/**
 * Run a job body once, recorded in job_runs (RUNNING → DONE | FAILED, result, error, duration),
 * under a session advisory lock on the job's name: the same job never runs twice at once,
 * whether a worker, another machine's worker or the CLI started it. A process that dies drops
 * its connection and with it the lock; the next run marks the dead one's row INTERRUPTED, so
 * the runs screen never shows a run that will not finish.
 */
export async function runTracked(
  orm: MikroORM,
  dbUrl: string,
  job: string,
  asOf: Date,
  info: RunInfo,
  body: () => Promise<JobResult>,
  opts: { ownRun?: boolean } = {},
): Promise<JobResult> {
  const lock = new pg.Client({
    connectionString: dbUrl,
    application_name: `creditline-job:${job}`,
  });
  await lock.connect();
  try {
    const { rows } = await lock.query<{ ok: boolean }>(
      `select pg_try_advisory_lock(hashtext('creditline-job'), hashtext($1)) as ok`,
      [job],
    );
    if (!rows[0]?.ok)
      throw new JobAlreadyRunningError(
        `The ${job} job is already running in another process; it was not started again.`,
      );
    const em = orm.em.fork();
    // We hold the job's lock, so no other run of it is alive: a RUNNING row left behind is from
    // a process that died (the review's own row excepted: it is resumed, not abandoned).
    if (!opts.ownRun)
      await em.execute(
        `update job_runs set status = 'INTERRUPTED', finished_at = now(), error = 'the process running it stopped'
          where job = ? and status = 'RUNNING'`,
        [job],
      );
    let runId: string | undefined;
    if (!opts.ownRun) {
      const [row] = await em.execute<{ id: string }[]>(
        `insert into job_runs (job, status, as_of, queue_job_id, attempt, worker_id, trigger) values (?, 'RUNNING', ?, ?, ?, ?, ?) returning id`,
        [
          job,
          asOf,
          info.queueJobId ?? null,
          info.attempt ?? null,
          info.workerId ?? null,
          info.trigger,
        ],
      );
      runId = String(row!.id);
    }
    const started = performance.now();
    try {
      const r = await body();
      recordJobRun(job, 'success', (performance.now() - started) / 1000);
      runId ??= r.runId;
      if (runId)
        await em.execute(
          `update job_runs set status = 'DONE', processed = ?, result = ?::jsonb, finished_at = now(),
                  queue_job_id = coalesce(?, queue_job_id), attempt = coalesce(?, attempt), worker_id = coalesce(?, worker_id), trigger = coalesce(trigger, ?)
            where id = ?`,
          [
            r.processed,
            JSON.stringify(r.summary),
            info.queueJobId ?? null,
            info.attempt ?? null,
            info.workerId ?? null,
            info.trigger,
            runId,
          ],
        );
      return { ...r, runId };
    } catch (err) {
      recordJobRun(job, 'failure', (performance.now() - started) / 1000);
      const message = (err as Error).message?.slice(0, 2000) ?? String(err);
      if (runId)
        await em.execute(
          `update job_runs set status = 'FAILED', error = ?, finished_at = now() where id = ?`,
          [message, runId],
        );
      else if (opts.ownRun)
        // The review leaves its run RUNNING on purpose (the retry resumes from its cursor); say why it stopped.
        await em.execute(`update job_runs set error = ? where job = ? and status = 'RUNNING'`, [
          message,
          job,
        ]);
      throw err;
    }
  } finally {
    await lock.end().catch(() => undefined);
  }
}
