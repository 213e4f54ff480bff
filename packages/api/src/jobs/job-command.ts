import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config/config.js';
import type { Logger } from '../shared/logger.js';

/** What a `jobs` subcommand gets: the database, the config, its own arguments and a writer. */
export interface JobContext {
  orm: MikroORM;
  config: Config;
  logger: Logger;
  dbUrl: string;
  args: string[];
  out: (line: string) => void;
}

/** One subcommand of the `jobs` command line (src/jobs/cli.ts collects them). */
export interface JobCommand {
  describe: string;
  /** Returns the process exit code. */
  run(ctx: JobContext): Promise<number>;
}
