import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../src/db/embedded-postgres.js';

const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface ApiProcess {
  /** `http://127.0.0.1:<port>` */
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * The API as a real process (`node --import tsx src/main.ts`, as `pnpm start` runs it) on an
 * existing database: its own pool, its own batcher, its own caches — what "two API processes"
 * means in production. Default settings (fraud rules on). Resolves when it is listening.
 */
export async function startApiProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: apiRoot,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  await new Promise<void>((resolve, reject) => {
    const t = setInterval(() => {
      if (out.includes('Creditline is running')) {
        clearInterval(t);
        clearTimeout(timeout);
        resolve();
      }
    }, 50);
    const timeout = setTimeout(() => {
      clearInterval(t);
      child.kill('SIGKILL');
      reject(new Error(`API process not ready after 150 s:\n${out}`));
    }, 150_000);
    void exited.then(() => {
      clearInterval(t);
      clearTimeout(timeout);
      reject(new Error(`API process exited:\n${out}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
