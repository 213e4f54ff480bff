import type { Config } from '../../config/config.js';
import type { Logger } from '../../shared/logger.js';
import { schedulesFrom } from './job-definitions.js';
import { superviseWorkers } from './worker-supervisor.js';
import { sinkDir, startSmtpSink, type RunningSmtpSink } from '../delivery/sinks.js';

/**
 * What `pnpm start` runs beside the API: the job workers (WORKERS child processes) and, in
 * development without SMTP_URL, the local SMTP sink. Returns the lines for the start banner
 * and a stop for the shutdown (workers first, so their jobs finish while the database is up).
 */
export async function startBackground(opts: {
  config: Config;
  dbUrl: string;
  logger: Logger;
}): Promise<{ lines: string[]; stop(): Promise<void> }> {
  const { config, dbUrl, logger } = opts;
  schedulesFrom(config.JOB_SCHEDULES); // a bad JOB_SCHEDULES stops the start, not each worker
  const lines: string[] = [];
  let sink: RunningSmtpSink | undefined;
  if (config.NODE_ENV !== 'production' && !config.SMTP_URL) {
    try {
      sink = await startSmtpSink({ dataDir: config.DATA_DIR, port: config.SMTP_SINK_PORT });
      lines.push(
        `  Mail sink:    smtp://127.0.0.1:${sink.port} → ${sinkDir(config.DATA_DIR, 'EMAIL')}`,
      );
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
      // Another start on this machine runs it (the same data folder, or set SMTP_SINK_PORT).
      logger.warn(
        { port: config.SMTP_SINK_PORT },
        'SMTP sink port in use; not starting another sink',
      );
    }
  }
  if (config.NODE_ENV !== 'production' && (config.SMS_PROVIDER ?? 'sink') === 'sink')
    lines.push(`  SMS sink:     ${sinkDir(config.DATA_DIR, 'SMS')}`);
  const workers =
    config.WORKERS > 0
      ? superviseWorkers({
          count: config.WORKERS,
          dbUrl,
          logger,
          env: { DATA_DIR: config.DATA_DIR },
        })
      : undefined;
  lines.push(
    `  Job workers:  ${config.WORKERS} process(es) × ${config.WORKER_CONCURRENCY} job(s) (schedules: docs/operations.md)`,
  );
  return {
    lines,
    stop: async () => {
      await workers?.stop();
      await sink?.stop();
    },
  };
}
