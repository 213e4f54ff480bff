import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../../shared/logger.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface WorkerSupervisor {
  /** Pids of the worker processes now running. */
  pids(): number[];
  stop(): Promise<void>;
}

/**
 * `pnpm start` runs the job workers as child processes (as production runs them: separate
 * processes, so a job's CPU or a crash never takes the API with it), each restarted when it dies
 * — the heartbeat sweep then releases the dead one's job to the new one. Workers inherit the
 * environment with DATABASE_URL pointing at the database the API opened.
 */
export function superviseWorkers(opts: {
  count: number;
  dbUrl: string;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
}): WorkerSupervisor {
  const log = opts.logger.child({ module: 'worker-supervisor' });
  const children = new Set<ChildProcess>();
  let stopping = false;

  const spawnOne = (slot: number, restarts: number) => {
    // From the sources through tsx (development), or the compiled build (`pnpm build`, with the
    // API's own `--conditions=creditline-compiled`): whichever this file was loaded from.
    const compiled = import.meta.url.endsWith('.js');
    const child = fork(path.join(here, compiled ? 'worker-main.js' : 'worker-main.ts'), [], {
      execArgv: compiled ? process.execArgv : ['--import', 'tsx'],
      env: {
        ...process.env,
        ...opts.env,
        DATABASE_URL: opts.dbUrl,
        CREDITLINE_WORKER_SLOT: String(slot),
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    children.add(child);
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (stopping) return;
      // Quick crash loops back off (a bad config would otherwise spin), up to 30 s between tries.
      const delay = Math.min(30_000, 500 * 2 ** Math.min(restarts, 6));
      log.warn(
        { pid: child.pid, code, signal, restartInMs: delay },
        'job worker exited; starting another',
      );
      setTimeout(() => {
        if (!stopping) spawnOne(slot, restarts + 1);
      }, delay).unref();
    });
    child.on('message', (m: { type?: string }) => {
      if (m?.type === 'worker-ready') {
        log.info({ pid: child.pid, slot }, 'job worker ready');
        restarts = 0;
      }
    });
  };
  for (let i = 0; i < opts.count; i++) spawnOne(i, 0);

  return {
    pids: () => [...children].map((c) => c.pid!).filter(Boolean),
    stop: async () => {
      stopping = true;
      await Promise.all(
        [...children].map(
          (c) =>
            new Promise<void>((resolve) => {
              if (c.exitCode !== null || c.signalCode !== null) return resolve();
              c.once('exit', () => resolve());
              c.kill('SIGTERM');
              setTimeout(() => c.kill('SIGKILL'), 20_000).unref();
            }),
        ),
      );
    },
  };
}
