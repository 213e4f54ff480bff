import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type cliProgressType from 'cli-progress';
import { loadConfig } from '../config/config.js';
import { createLogger } from '../shared/logger.js';
import { openDatabase } from '../db/database.js';
import { connectOrm, migrate } from '../db/orm.js';
import { moneyJobs } from './money-jobs.js';
import { partnerJobs } from './partner-jobs.js';
import { lifecycleJobs } from './lifecycle-jobs.js';
import { modelJobs } from './model-jobs.js';
import type { JobCommand } from './job-command.js';
import { JOBS, type JobDefinition } from '../modules/jobs/job-definitions.js';
import { JobAlreadyRunningError, runTracked } from '../modules/jobs/job-run.service.js';

function asOfArg(v: string | undefined): Date | undefined {
  if (v === undefined) return undefined;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw new Error('--as-of needs a date, e.g. 2026-12-01');
  return d;
}

/** Exit code when the job is already running elsewhere (a worker, another CLI). */
export const EXIT_ALREADY_RUNNING = 3;

/**
 * A scheduled job from the command line: run here (the default; the same body and job_runs
 * record as the worker's, under the same per-job lock), or `--enqueue` it for the workers.
 */
function jobCommand(def: JobDefinition): JobCommand {
  return {
    describe: `${def.describe} [--as-of DATE] [--enqueue]${def.name === 'periodic-review' ? ' [--batch-size N] [--workers N batches in flight, 1-8]' : ''}`,
    run: async ({ orm, config: base, logger, dbUrl, args, out }) => {
      const { values } = parseArgs({
        args,
        options: {
          'as-of': { type: 'string' },
          enqueue: { type: 'boolean' },
          'batch-size': { type: 'string' },
          workers: { type: 'string' },
        },
        strict: true,
        allowPositionals: true,
      });
      const asOf = asOfArg(values['as-of']);
      const batch = values['batch-size'];
      if (batch !== undefined && !(Number.isInteger(Number(batch)) && Number(batch) >= 1))
        throw new Error('--batch-size must be a positive integer');
      const config = batch ? { ...base, REVIEW_BATCH_SIZE: Number(batch) } : base;
      const workersArg = values.workers;
      const reviewWorkers = workersArg === undefined ? undefined : Number(workersArg);
      if (
        reviewWorkers !== undefined &&
        !(Number.isInteger(reviewWorkers) && reviewWorkers >= 1 && reviewWorkers <= 8)
      )
        throw new Error('--workers must be an integer from 1 to 8');
      if (values.enqueue) {
        const { makeWorkerUtils, Logger: WorkerLogger } = await import('graphile-worker');
        const utils = await makeWorkerUtils({
          connectionString: dbUrl,
          logger: new WorkerLogger(() => () => undefined),
        });
        try {
          const job = await utils.addJob(
            def.name,
            { asOf: asOf?.toISOString(), trigger: 'enqueued' },
            { jobKey: `${def.name}:enqueued`, maxAttempts: def.maxAttempts },
          );
          out(
            `enqueued ${def.name} (queue job ${job.id}); a worker runs it — see jobRuns in GraphQL`,
          );
        } finally {
          await utils.release();
        }
        return 0;
      }
      const cliProgress: typeof cliProgressType | undefined =
        def.name === 'periodic-review' && process.stdout.isTTY
          ? (await import('cli-progress')).default
          : undefined;
      const bar = cliProgress
        ? new cliProgress.SingleBar(
            {
              format: `${def.name} [{bar}] {percentage}% | {value}/{total} | {changed} changed | ETA {eta}s`,
            },
            cliProgress.Presets.shades_classic,
          )
        : undefined;
      let started = false;
      const t0 = Date.now();
      try {
        const r = await runTracked(
          orm,
          dbUrl,
          def.name,
          asOf ?? new Date(),
          { trigger: 'cli' },
          () =>
            def.run({
              orm,
              config,
              logger,
              asOf: asOf ?? new Date(),
              reviewWorkers,
              onProgress: (p) => {
                if (!bar) return;
                if (!started) bar.start(p.total, p.processed, { changed: p.changed });
                started = true;
                bar.update(p.processed, { changed: p.changed });
              },
            }),
          { ownRun: def.ownRun },
        );
        bar?.stop();
        out(
          `${def.name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${JSON.stringify(r.summary)}${r.runId ? ` (run ${r.runId})` : ''}`,
        );
        return 0;
      } catch (err) {
        bar?.stop();
        if (err instanceof JobAlreadyRunningError) {
          out(`${err.message} Watch it in jobRuns (GraphQL), or try again when it has finished.`);
          return EXIT_ALREADY_RUNNING;
        }
        throw err;
      }
    },
  };
}

/** Subcommands: every scheduled job by name, `review` for the periodic review, and reconcile. */
export const commands: Record<string, JobCommand> = {
  ...Object.fromEntries(JOBS.map((d) => [d.name, jobCommand(d)])),
  review: jobCommand(JOBS.find((d) => d.name === 'periodic-review')!),
  ...moneyJobs,
  ...partnerJobs,
  ...lifecycleJobs,
  ...modelJobs,
};

const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const cmd = name ? commands[name] : undefined;
  if (!cmd) {
    process.stdout.write(
      `usage: tsx src/jobs/cli.ts <command> [--as-of YYYY-MM-DD] [--enqueue]\n\n${Object.entries(
        commands,
      )
        .map(([n, c]) => `  ${n.padEnd(22)}${c.describe}`)
        .join('\n')}\n`,
    );
    return name ? 2 : 0;
  }
  const base = loadConfig();
  const config = { ...base, DATA_DIR: path.resolve(apiRoot, base.DATA_DIR) };
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  // Connects to the embedded PostgreSQL when the API (or a worker) already runs it, and then
  // leaves it running; starts it (and stops it at the end) only when nobody runs it.
  const db = await openDatabase(config, logger, apiRoot);
  const orm = await connectOrm(db.url);
  try {
    await migrate(orm);
    return await cmd.run({
      orm,
      config,
      logger,
      dbUrl: db.url,
      args,
      out: (l) => process.stdout.write(`${l}\n`),
    });
  } finally {
    await orm.close();
    await db.stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: Error) => {
      process.stderr.write(`creditline jobs: ${err.message}\n`);
      process.exit(1);
    },
  );
}
