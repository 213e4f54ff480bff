import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { loadConfig, ConfigError } from '../../config/config.js';
import { createLogger } from '../../shared/logger.js';
import { openDatabase } from '../../db/database.js';
import { connectOrm, migrate } from '../../db/orm.js';
import { seedDatabase } from './load.js';

/**
 * `pnpm seed --customers N [--seed S] [--reset]`: the demo population into DATABASE_URL, or
 * into the embedded PostgreSQL the app uses. Progress bar on a terminal, plain lines otherwise.
 */
const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function seedArgs(argv: string[]): { customers: number; seed: number; reset: boolean } {
  let values: { customers?: string; seed?: string; reset?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv.filter((a) => a !== '--'),
      options: {
        customers: { type: 'string', default: '2000' },
        seed: { type: 'string', default: '20261111' },
        reset: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (err) {
    throw new ConfigError(`${(err as Error).message} (use --customers N, --seed S, --reset)`);
  }
  const whole = (name: 'customers' | 'seed') => {
    const v = values[name]!;
    if (!/^\d+$/.test(v)) throw new ConfigError(`--${name} needs a whole number`);
    return Number(v);
  };
  const args = { customers: whole('customers'), seed: whole('seed'), reset: values.reset === true };
  if (args.customers < 1 || args.customers > 1_000_000)
    throw new ConfigError('--customers must be between 1 and 1000000');
  return args;
}

async function main(): Promise<void> {
  const args = seedArgs(process.argv.slice(2));
  const base = loadConfig();
  const config = { ...base, DATA_DIR: path.resolve(apiRoot, base.DATA_DIR) };
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const db = await openDatabase(config, logger, apiRoot);
  const orm = await connectOrm(db.url);
  try {
    await migrate(orm);
    const tty = process.stdout.isTTY;
    const bar = tty
      ? new cliProgress.SingleBar(
          {
            format:
              'seeding {bar} {percentage}% | {value}/{total} customers | {eta_formatted} left',
          },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
    bar?.start(args.customers, 0);
    let lastLine = 0;
    const result = await seedDatabase(db.url, {
      customers: args.customers,
      seed: args.seed,
      reset: args.reset,
      piiKey: config.secrets.piiKey,
      blindIndexKey: config.secrets.blindIndexKey,
      onProgress: (done, total) => {
        bar?.update(done);
        if (!tty && (Date.now() - lastLine > 2000 || done === total)) {
          lastLine = Date.now();
          process.stdout.write(`seeded ${done}/${total} customers\n`);
        }
      },
    });
    bar?.stop();
    const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
    process.stdout.write(
      `Seeded ${result.customers} customers (${total} rows) in ${(result.ms / 1000).toFixed(1)} s — ${Math.round(total / (result.ms / 1000))} rows/s\n` +
        Object.entries(result.rows)
          .map(([t, n]) => `  ${t.padEnd(22)} ${n}`)
          .join('\n') +
        '\n',
    );
  } finally {
    await orm.close();
    await db.stop();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`creditline seed: ${err.message}\n`);
  process.exit(1);
});
