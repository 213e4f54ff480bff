import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig, type Config } from '../config/config.js';
import { createLogger, type Logger } from '../shared/logger.js';
import { openDatabase } from '../db/database.js';
import { connectOrm, migrate } from '../db/orm.js';
import { moneyJobs } from './money-jobs.js';
import { limitJobs } from './limit-jobs.js';
import { partnerJobs } from './partner-jobs.js';
import { lifecycleJobs } from './lifecycle-jobs.js';
import { modelJobs } from './model-jobs.js';

export interface JobContext {
  orm: MikroORM;
  config: Config;
  logger: Logger;
  args: string[];
  out: (line: string) => void;
}

export interface JobCommand {
  describe: string;
  /** Returns the process exit code. */
  run(ctx: JobContext): Promise<number>;
}

/** Subcommands: each feature adds its own (keep this table additive). */
export const commands: Record<string, JobCommand> = {
  ...moneyJobs,
  ...limitJobs,
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
      `usage: tsx src/jobs/cli.ts <command> [--as-of YYYY-MM-DD]\n\n${Object.entries(commands)
        .map(([n, c]) => `  ${n.padEnd(22)}${c.describe}`)
        .join('\n')}\n`,
    );
    return name ? 2 : 0;
  }
  const base = loadConfig();
  const config = { ...base, DATA_DIR: path.resolve(apiRoot, base.DATA_DIR) };
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const db = await openDatabase(config, logger, apiRoot);
  const orm = await connectOrm(db.url);
  try {
    await migrate(orm);
    return await cmd.run({ orm, config, logger, args, out: (l) => process.stdout.write(`${l}\n`) });
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
