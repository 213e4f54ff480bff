import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, ConfigError, type Config } from './config/config.js';

const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** One line on stderr and exit 1: what went wrong and what to do, never a stack trace. */
function die(message: string): never {
  process.stderr.write(`\ncreditline: ${message}\n`);
  process.exit(1);
}

/** Errors whose message is already the one line a person needs. */
const oneLineErrors = new Set(['DatabaseUnavailableError', 'EmbeddedPostgresError', 'ConfigError']);

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) die(err.message);
    throw err;
  }
  // Tracing must hook pg, graphql and http before they are first imported: everything else is
  // imported below, after it. Off (the default), the OpenTelemetry SDK is never loaded.
  const tracing = config.OTEL_EXPORTER_OTLP_ENDPOINT
    ? (await import('./telemetry/tracing.js')).startTracing({
        endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
        serviceName: config.OTEL_SERVICE_NAME,
      })
    : undefined;

  const [{ createLogger }, { openDatabase }, { connectOrm, migrate }, { createApp }] =
    await Promise.all([
      import('./shared/logger.js'),
      import('./db/database.js'),
      import('./db/orm.js'),
      import('./app.js'),
    ]);

  // Paths in config are relative to the api package, so `pnpm start` from anywhere finds the same data.
  config = {
    ...config,
    DATA_DIR: path.resolve(apiRoot, config.DATA_DIR),
    DASHBOARD_DIST: path.resolve(apiRoot, config.DASHBOARD_DIST ?? '../dashboard/dist'),
    TRUSTED_DOCUMENTS_FILE: path.resolve(
      apiRoot,
      config.TRUSTED_DOCUMENTS_FILE ?? '../dashboard/src/generated/persisted-documents.json',
    ),
  };
  const logger = createLogger(config.LOG_LEVEL);

  const db = await openDatabase(config, logger, apiRoot);
  const orm = await connectOrm(db.url, {}, { pooler: config.DATABASE_POOLER });
  const applied = await migrate(orm);
  if (applied.length) logger.info({ applied }, 'migrations applied');
  if (db.embedded) {
    const { ensureDemoData } = await import('./demo/demo-data.js');
    await ensureDemoData(orm, db.url, config, logger);
  }
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
  const { CustomerService } = await import('./modules/customers/customer.service.js');
  const backfilled = await new CustomerService(config).backfillPhoneLast4(orm.em.fork());
  if (backfilled.filled) logger.info(backfilled, 'phone last-four index filled');
  if (backfilled.unreadable)
    logger.warn(
      backfilled,
      'phones that do not decrypt with PII_ENCRYPTION_KEY were left out of the last-four index',
    );

  // Job workers and the development mail sink (src/modules/jobs/background.ts).
  const { startBackground } = await import('./modules/jobs/background.js');
  const background = await startBackground({ config, dbUrl: db.url, logger });
  const app = await createApp({ config, orm, logger });
  let port: number;
  try {
    port = await app.listen(config.PORT, config.HOST);
  } catch (err) {
    await background.stop();
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
    ...background.lines,
  ];
  if (config.NODE_ENV === 'development') {
    const { DEMO_LOGINS, DEMO_PARTNER } = await import('./modules/auth/demo-logins.js');
    lines.push('  Demo logins (dashboard):');
    for (const l of DEMO_LOGINS)
      lines.push(`    ${l.role.padEnd(10)} ${l.username} / ${l.password}`);
    lines.push(`  Demo partner app: X-Api-Key: ${DEMO_PARTNER.keyId}.${DEMO_PARTNER.secret}`);
  }
  lines.push('  Stop with Ctrl-C.', '');
  process.stdout.write(lines.join('\n') + '\n');

  // Graceful stop: /ready answers 503 at once; after SHUTDOWN_DELAY_MS (time for a load
  // balancer to take us out) the listener closes, requests in flight finish, then the pool,
  // the embedded PostgreSQL and the tracer stop.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    app.readiness.drain();
    if (config.SHUTDOWN_DELAY_MS > 0)
      await new Promise((r) => setTimeout(r, config.SHUTDOWN_DELAY_MS));
    await app.close().catch((err: unknown) => logger.warn({ err }, 'http close'));
    logger.debug('http closed');
    await background.stop().catch(() => undefined);
    await orm.close().catch(() => undefined);
    logger.debug('orm closed');
    await db.stop();
    logger.debug('database stopped');
    await tracing?.shutdown().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  const e = err as Error;
  if (oneLineErrors.has(e?.constructor?.name)) die(e.message);
  die(`failed to start: ${e.message}`);
});
