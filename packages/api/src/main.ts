import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, ConfigError } from './config/config.js';
import { createLogger } from './shared/logger.js';
import { openDatabase, DatabaseUnavailableError } from './db/database.js';
import { EmbeddedPostgresError } from './db/embedded-postgres.js';
import { connectOrm, migrate } from './db/orm.js';
import { createApp } from './app.js';
import { DEMO_LOGINS, DEMO_PARTNER } from './modules/auth/demo-logins.js';
import { ensureDemoData } from './db/demo-data.js';
import { CustomerService } from './modules/customers/customer.service.js';

const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** One line on stderr and exit 1: what went wrong and what to do, never a stack trace. */
function die(message: string): never {
  process.stderr.write(`\ncreditline: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) die(err.message);
    throw err;
  }
  // Paths in config are relative to the api package, so `pnpm start` from anywhere finds the same data.
  config = {
    ...config,
    DATA_DIR: path.resolve(apiRoot, config.DATA_DIR),
    DASHBOARD_DIST: path.resolve(apiRoot, config.DASHBOARD_DIST ?? '../dashboard/dist'),
  };
  const logger = createLogger(config.LOG_LEVEL);

  const db = await openDatabase(config, logger, apiRoot);
  const orm = await connectOrm(db.url);
  const applied = await migrate(orm);
  if (applied.length) logger.info({ applied }, 'migrations applied');
  if (db.embedded) await ensureDemoData(orm, db.url, config, logger);
  if (config.NODE_ENV === 'production') {
    // Refused at sign-in and token check anyway (AuthService); said here so an operator removes them.
    const demo = await orm.em
      .getConnection()
      .execute<{ username: string }[]>('select username from agents where demo and active');
    if (demo.length)
      logger.warn(
        { usernames: demo.map((d) => d.username) },
        'demo logins in this database are refused in production; deactivate them with `pnpm --filter @creditline/api agents deactivate <username>`',
      );
  }
  // Customers from before the last-four index existed get theirs (a no-op once filled).
  const backfilled = await new CustomerService(config).backfillPhoneLast4(orm.em.fork());
  if (backfilled) logger.info({ backfilled }, 'phone last-four index filled');

  const app = await createApp({ config, orm, logger });
  let port: number;
  try {
    port = await app.listen(config.PORT, config.HOST);
  } catch (err) {
    await orm.close();
    await db.stop();
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE')
      die(
        `Port ${config.PORT} on ${config.HOST} is already in use; stop what uses it or set PORT.`,
      );
    if (e.code === 'EACCES')
      die(`Not allowed to listen on port ${config.PORT}; choose a port above 1024 with PORT.`);
    throw err;
  }

  const base = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${port}`;
  const lines = [
    '',
    'Creditline is running.',
    `  GraphQL API:  ${base}/graphql`,
    `  Dashboard:    ${base}/`,
    `  Database:     ${db.embedded ? `embedded PostgreSQL (data in ${config.DATA_DIR})` : 'DATABASE_URL'}`,
  ];
  if (config.NODE_ENV === 'development') {
    lines.push('  Demo logins (dashboard):');
    for (const l of DEMO_LOGINS)
      lines.push(`    ${l.role.padEnd(10)} ${l.username} / ${l.password}`);
    lines.push(`  Demo partner app: X-Api-Key: ${DEMO_PARTNER.keyId}.${DEMO_PARTNER.secret}`);
  }
  lines.push('  Stop with Ctrl-C.', '');
  process.stdout.write(lines.join('\n') + '\n');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app.close().catch(() => undefined);
    logger.debug('http closed');
    await orm.close().catch(() => undefined);
    logger.debug('orm closed');
    await db.stop();
    logger.debug('database stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  if (
    err instanceof DatabaseUnavailableError ||
    err instanceof EmbeddedPostgresError ||
    err instanceof ConfigError
  )
    die(err.message);
  const e = err as Error;
  die(`failed to start: ${e.message}`);
});
