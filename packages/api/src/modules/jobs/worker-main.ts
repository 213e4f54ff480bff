/**
 * A job worker process: `pnpm --filter @creditline/api worker` on any machine with DATABASE_URL
 * (run as many as you like), or a child of `pnpm start` (src/main.ts), which passes the
 * embedded database's URL and restarts it if it dies. Stops cleanly on SIGTERM/SIGINT (the job
 * in hand finishes), and exits when its parent goes away.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, ConfigError } from '../../config/config.js';
import { createLogger } from '../../shared/logger.js';
import { openDatabase } from '../../db/database.js';
import { connectOrm, migrate } from '../../db/orm.js';
import { startWorker } from './worker.js';

const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

async function main(): Promise<void> {
  const base = loadConfig();
  const config = { ...base, DATA_DIR: path.resolve(apiRoot, base.DATA_DIR) };
  const logger = createLogger(config.LOG_LEVEL).child({ process: 'worker', pid: process.pid });
  const db = await openDatabase(config, logger, apiRoot);
  const orm = await connectOrm(db.url, { pool: { min: 0, max: config.WORKER_CONCURRENCY + 2 } });
  if (!process.send) await migrate(orm); // a child of `pnpm start` runs after it migrated
  const worker = await startWorker({ config, orm, logger, dbUrl: db.url });
  process.send?.({ type: 'worker-ready', pid: process.pid, workerIds: worker.workerIds });

  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ why }, 'worker stopping');
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    await worker.stop();
    await orm.close().catch(() => undefined);
    await db.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  // The parent (the API of `pnpm start`) died: nobody would restart or stop us.
  process.on('disconnect', () => void stop('parent gone'));
}

main().catch((err: Error) => {
  process.stderr.write(
    `creditline worker: ${err instanceof ConfigError ? err.message : `failed to start: ${err.message}`}\n`,
  );
  process.exit(1);
});
