import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../embedded-postgres.js';

/**
 * The start command as a person runs it: a real process, a real embedded PostgreSQL. These are
 * the foundation's promises: data reused between starts, a start after SIGKILL works, a start
 * from a folder only root can enter works, and bad settings give one clear line.
 */
const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dirs: string[] = [];
const children: ChildProcess[] = [];

function start(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  ready: Promise<void>;
  exited: Promise<number | null>;
} {
  // node --import tsx (not the tsx CLI): one process, so SIGKILL kills exactly the API.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: apiRoot,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DEMO_CUSTOMERS: '0',
      HOST: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const t = setInterval(() => {
      if (Date.now() - started > 150_000) {
        clearInterval(t);
        reject(new Error(`not ready after 150 s: ${out}`));
      }
      if (out.includes('Creditline is running')) {
        clearInterval(t);
        resolve();
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(t);
      reject(new Error(`exited with ${code}: ${out}`));
    });
  });
  ready.catch(() => undefined);
  return { child, output: () => out, ready, exited };
}

/** A temp folder the postgres user can enter (mkdtemp makes it 0700). */
function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  dirs.push(dir);
  return dir;
}

afterAll(async () => {
  await Promise.all(
    children
      .filter((c) => c.exitCode === null && c.signalCode === null)
      .map((c) => new Promise((r) => (c.once('exit', r), c.kill('SIGINT')))),
  );
  for (const d of dirs) {
    // Where a data folder had to move (checkout not reachable by postgres), the pointer says where.
    for (const pointer of [path.join(d, 'root-only', 'WHERE-IS-POSTGRES.txt')]) {
      if (existsSync(pointer))
        rmSync(readFileSync(pointer, 'utf8').split('\n')[0]!, { recursive: true, force: true });
    }
    rmSync(d, { recursive: true, force: true });
  }
}, 60_000);

describe('pnpm start', () => {
  it(
    'reuses its data between starts and starts again after SIGKILL',
    { timeout: 400_000 },
    async () => {
      const dir = tempDir('creditline-start-');
      const pgPort = String(await freePort());
      const env = {
        DATA_DIR: path.join(dir, 'data'),
        EMBEDDED_PG_PORT: pgPort,
        PORT: String(await freePort()),
      };

      const first = start(env);
      await first.ready;
      expect(first.output()).toMatch(/GraphQL API: +http:\/\/127\.0\.0\.1:\d+\/graphql/);
      const db = new pg.Client({
        connectionString: `postgres://postgres:creditline@127.0.0.1:${pgPort}/creditline`,
      });
      await db.connect();
      await db.query(
        `insert into agents (username, display_name, role, password_hash) values ('marker', 'marker', 'AGENT', 'x')`,
      );
      await db.end();
      first.child.kill('SIGKILL'); // leaves the postmaster behind, as a crash would
      await first.exited;

      const second = start({ ...env, PORT: String(await freePort()) });
      await second.ready;
      const again = new pg.Client({
        connectionString: `postgres://postgres:creditline@127.0.0.1:${pgPort}/creditline`,
      });
      await again.connect();
      const { rows } = await again.query(
        `select count(*)::int as n from agents where username = 'marker'`,
      );
      await again.end();
      expect(rows[0].n).toBe(1);
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
    },
  );

  it(
    'works when the data folder sits under a directory only root can enter',
    { timeout: 300_000 },
    async () => {
      const dir = tempDir('creditline-private-');
      const privateDir = path.join(dir, 'root-only');
      mkdirSync(privateDir, { mode: 0o700 });
      chmodSync(privateDir, 0o700);
      const run = start({
        DATA_DIR: path.join(privateDir, 'data'),
        EMBEDDED_PG_PORT: String(await freePort()),
        PORT: String(await freePort()),
      });
      await run.ready;
      run.child.kill('SIGINT');
      expect(await run.exited).toBe(0);
    },
  );

  it(
    'says in one line when DATABASE_URL is wrong, a port is taken or a setting is invalid',
    { timeout: 300_000 },
    async () => {
      const refused = start({ DATABASE_URL: `postgres://u:p@127.0.0.1:${await freePort()}/db` });
      expect(await refused.exited).toBe(1);
      expect(refused.output().trim()).toMatch(
        /^creditline: Cannot connect to PostgreSQL at 127\.0\.0\.1:\d+\/db: connection refused/,
      );
      expect(refused.output()).not.toMatch(/\n\s+at /);

      const busy = net.createServer();
      const port = await new Promise<number>((r) =>
        busy.listen(0, '127.0.0.1', () => r((busy.address() as net.AddressInfo).port)),
      );
      const dir = tempDir('creditline-port-');
      const apiPortTaken = start({
        DATA_DIR: dir,
        EMBEDDED_PG_PORT: String(await freePort()),
        PORT: String(port),
      });
      expect(await apiPortTaken.exited).toBe(1);
      expect(apiPortTaken.output()).toContain(
        `creditline: Port ${port} on 127.0.0.1 is already in use`,
      );
      const pgPortTaken = start({
        DATA_DIR: dir,
        EMBEDDED_PG_PORT: String(port),
        PORT: String(await freePort()),
      });
      expect(await pgPortTaken.exited).toBe(1);
      expect(pgPortTaken.output()).toContain(
        `creditline: Port ${port} for the embedded PostgreSQL is already in use`,
      );
      busy.close();

      const invalid = start({ PORT: 'eighty' });
      expect(await invalid.exited).toBe(1);
      expect(invalid.output().trim()).toBe(
        'creditline: Invalid configuration: PORT must be a port number (0 to 65535)',
      );
    },
  );
});
