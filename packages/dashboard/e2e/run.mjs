#!/usr/bin/env node
// Browser tests against the real API:
//   1. build the dashboard,
//   2. start packages/api on free ports with its own embedded PostgreSQL in a temp folder
//      (seeded with demo customers), and wait for GET /health = 200,
//   3. run @playwright/test in Debian's Chromium with baseURL = the API,
//   4. stop the API and delete the temp folder, whatever happened.
// `--bench` runs the lookup → explanation benchmark instead of the specs.
/* global AbortSignal */
// Extra arguments are passed to `playwright test` (e.g. a spec file or `--grep`).
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  chmodSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dashboardRoot = path.resolve(here, '..');
const apiRoot = path.resolve(dashboardRoot, '../api');
const distDir = path.join(dashboardRoot, 'dist');

const args = process.argv.slice(2);
const bench = args.includes('--bench');
const skipBuild = args.includes('--no-build') || process.env.E2E_SKIP_BUILD === '1';
const passThrough = args.filter((a) => !['--bench', '--no-build'].includes(a));
const customers = process.env.E2E_DEMO_CUSTOMERS ?? (bench ? '100000' : '300');
const healthTimeoutMs = Number(
  process.env.E2E_HEALTH_TIMEOUT_MS ?? (bench ? 30 * 60_000 : 180_000),
);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const log = (msg) => process.stdout.write(`[e2e] ${msg}\n`);
function fail(msg) {
  process.stderr.write(`\n[e2e] ${msg}\n`);
  return 1;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Every postmaster.pid under dir (the API's embedded PostgreSQL data folder). */
function postmasterPids(dir) {
  const found = [];
  const walk = (d, depth) => {
    if (depth > 4 || !existsSync(d)) return;
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (name === 'postmaster.pid') {
        const pid = Number(readFileSync(full, 'utf8').split('\n')[0]);
        if (pid > 0) found.push(pid);
      } else {
        try {
          if (statSync(full).isDirectory()) walk(full, depth + 1);
        } catch {
          // vanished while walking
        }
      }
    }
  };
  walk(dir, 0);
  return found;
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function main() {
  if (!existsSync(chromium))
    return fail(`Chromium not found at ${chromium}. Install it with: apt-get install -y chromium`);
  if (!existsSync(path.join(apiRoot, 'src/main.ts')))
    return fail(`The API is not in this checkout (${apiRoot}/src/main.ts is missing).`);

  if (!skipBuild) {
    log('building the dashboard…');
    const build = spawnSync(
      process.execPath,
      [path.join(dashboardRoot, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
      {
        cwd: dashboardRoot,
        stdio: 'inherit',
      },
    );
    if (build.status !== 0) return fail('The dashboard build failed (see above).');
  }
  if (!existsSync(path.join(distDir, 'index.html')))
    return fail(`No built dashboard at ${distDir}; run without --no-build.`);

  const tmp = mkdtempSync(path.join(os.tmpdir(), 'creditline-e2e-'));
  // The embedded PostgreSQL runs as the `postgres` user when we are root: it must enter the folder.
  chmodSync(tmp, 0o755);
  const [port, pgPort] = [await freePort(), await freePort()];
  const baseURL = `http://127.0.0.1:${port}`;
  const apiLog = [];
  let api;
  let exitCode = 1;

  const stopApi = async () => {
    if (api && api.exitCode === null && api.signalCode === null) {
      log('stopping the API…');
      try {
        process.kill(-api.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      for (let i = 0; i < 100 && api.exitCode === null && api.signalCode === null; i++)
        await sleep(100);
      if (api.exitCode === null && api.signalCode === null) {
        try {
          process.kill(-api.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    // A PostgreSQL left behind by a killed API would hold the folder (and the port).
    for (const pid of postmasterPids(tmp)) {
      if (!alive(pid)) continue;
      try {
        process.kill(pid, 'SIGINT');
      } catch {
        // not ours to stop or gone
      }
      for (let i = 0; i < 50 && alive(pid); i++) await sleep(100);
      if (alive(pid)) process.kill(pid, 'SIGKILL');
    }
  };

  const cleanup = async () => {
    await stopApi();
    rmSync(tmp, { recursive: true, force: true });
  };
  const onSignal = (sig) => {
    void cleanup().finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const tsx = path.join(apiRoot, 'node_modules/.bin/tsx');
    const [command, commandArgs, cwd] = existsSync(tsx)
      ? [tsx, ['src/main.ts'], apiRoot]
      : ['npx', ['tsx', 'src/main.ts'], apiRoot];
    log(
      `starting the API on ${baseURL} (embedded PostgreSQL on ${pgPort}, ${customers} demo customers, data in ${tmp})…`,
    );
    api = spawn(command, commandArgs, {
      cwd,
      detached: true, // its own process group, so stopping it stops its children too
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'development',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATA_DIR: tmp,
        EMBEDDED_PG_PORT: String(pgPort),
        DEMO_CUSTOMERS: customers,
        DASHBOARD_DIST: distDir,
        LOG_LEVEL: process.env.E2E_API_LOG_LEVEL ?? 'warn',
      },
    });
    const keep = (chunk) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) apiLog.push(line);
      if (apiLog.length > 200) apiLog.splice(0, apiLog.length - 200);
      if (process.env.E2E_API_LOG === '1') process.stdout.write(chunk);
    };
    api.stdout.on('data', keep);
    api.stderr.on('data', keep);

    const started = Date.now();
    let healthy = false;
    while (Date.now() - started < healthTimeoutMs) {
      if (api.exitCode !== null || api.signalCode !== null) break;
      try {
        const res = await fetch(`${baseURL}/health`, { signal: AbortSignal.timeout(2000) });
        if (res.status === 200) {
          healthy = true;
          break;
        }
      } catch {
        // not listening yet
      }
      await sleep(500);
    }
    if (!healthy) {
      const why =
        api.exitCode !== null || api.signalCode !== null
          ? `the API exited (code ${api.exitCode ?? api.signalCode}) before it was healthy`
          : `GET ${baseURL}/health did not return 200 within ${Math.round(healthTimeoutMs / 1000)} s`;
      exitCode = fail(
        `The API did not come up: ${why}. Its last log lines:\n  ${apiLog.slice(-30).join('\n  ') || '(none)'}`,
      );
      return exitCode;
    }
    log(`API healthy after ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const playwright = path.join(dashboardRoot, 'node_modules/@playwright/test/cli.js');
    const config = path.join(here, bench ? 'playwright.bench.config.ts' : 'playwright.config.ts');
    const run = spawn(process.execPath, [playwright, 'test', '--config', config, ...passThrough], {
      cwd: dashboardRoot,
      stdio: 'inherit',
      env: { ...process.env, E2E_BASE_URL: baseURL, CHROMIUM_PATH: chromium },
    });
    exitCode = await new Promise((resolve) =>
      run.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))),
    );
    if (exitCode !== 0 && process.env.E2E_API_LOG !== '1') {
      log(
        `Playwright failed; the API's last log lines:\n  ${apiLog.slice(-20).join('\n  ') || '(none)'}`,
      );
    }
    return exitCode;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`[e2e] unexpected failure: ${err?.stack ?? err}\n`);
    process.exit(1);
  },
);
