import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { useTestApi } from '../../../test/harness.js';
import { insertCustomer, insertPartner } from '../../../test/fixtures.js';
import { freePort, withDatabase } from '../../db/embedded-postgres.js';
import { toGlobalId } from '../../graphql/relay.js';

/**
 * The API as a real process: SIGTERM with a request in flight (readiness turns false at once,
 * the request finishes, the process exits 0), request logs that carry the caller's request id,
 * and OpenTelemetry spans (HTTP, GraphQL, pg) sent to an OTLP endpoint when one is configured.
 */
const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const api = useTestApi();
const children: ChildProcess[] = [];

/** An OTLP/HTTP endpoint that keeps what it receives (JSON or protobuf: span names are plain text in both). */
const received: Buffer[] = [];
const collector = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    received.push(Buffer.concat(chunks));
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});

beforeAll(async () => {
  await new Promise<void>((r) => collector.listen(0, '127.0.0.1', r));
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await new Promise((r) => collector.close(r));
});

function startApi(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: apiRoot,
    env: { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const t = setInterval(() => {
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
  return { child, exited, ready, output: () => out };
}

describe('the API process', () => {
  it(
    'on SIGTERM: not ready at once, the request in flight finishes, then it exits 0; logs and traces on the way',
    { timeout: 120_000 },
    async () => {
      const partner = await insertPartner(api, ['purchases:write']);
      const c = await insertCustomer(api, { baseLimitFen: 100_000 });
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const run = startApi({
        DATABASE_URL: api.dbUrl,
        DATABASE_POOLER: api.config.DATABASE_POOLER,
        PORT: String(port),
        SHUTDOWN_DELAY_MS: '1500',
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`,
      });
      await run.ready;

      // Hold the account's row so that the authorization waits in flight.
      const lock = new pg.Client({
        connectionString: withDatabase(inject('pgUrl'), new URL(api.dbUrl).pathname.slice(1)),
      });
      await lock.connect();
      await lock.query('begin');
      await lock.query('select 1 from credit_accounts where id = $1 for update', [c.accountId]);

      const inFlight = fetch(`${base}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-api-key': partner.apiKey,
          'x-request-id': 'drain-test-1',
        },
        body: JSON.stringify({
          query:
            'mutation Authorize($input: AuthorizePurchaseInput!) { authorizePurchase(input: $input) { decision } }',
          variables: {
            input: {
              accountId: toGlobalId('CreditAccount', c.accountId),
              amount: '10.00',
              category: 'ELECTRONICS',
              merchant: 'drain test',
              idempotencyKey: 'drain-1',
            },
          },
        }),
      });
      await new Promise((r) => setTimeout(r, 500));
      expect((await fetch(`${base}/ready`)).status).toBe(200);

      run.child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 200));
      const draining = await fetch(`${base}/ready`);
      expect(draining.status).toBe(503);
      expect(((await draining.json()) as any).status).toBe('draining');

      // Past the delay the listener is closed, but the request in flight is still served.
      await new Promise((r) => setTimeout(r, 1800));
      expect(run.child.exitCode).toBeNull();
      await lock.query('commit');
      await lock.end();
      const res = await inFlight;
      expect(res.status).toBe(200);
      expect(res.headers.get('x-request-id')).toBe('drain-test-1');
      expect(((await res.json()) as any).data.authorizePurchase.decision).toBe('HELD');
      expect(await run.exited).toBe(0);

      const logLine = run
        .output()
        .split('\n')
        .find((l) => l.includes('"requestId":"drain-test-1"') && l.includes('"msg":"request"'));
      expect(logLine, run.output()).toBeDefined();
      expect(JSON.parse(logLine!)).toMatchObject({ method: 'POST', url: '/graphql', status: 200 });

      const traces = Buffer.concat(received).toString('latin1');
      expect(traces).toMatch(/POST/); // the HTTP server span
      expect(traces).toMatch(/graphql\.(execute|parse|validate)/);
      expect(traces).toMatch(/pg\.query|pg\.connect/);
    },
  );
});

describe('migrations', () => {
  it(
    'three processes migrating one fresh database at once apply each migration once',
    { timeout: 180_000 },
    async () => {
      const admin = new pg.Client({ connectionString: inject('pgUrl') });
      await admin.connect();
      const name = `race_${Date.now().toString(36)}`;
      await admin.query(`create database ${name} template template0`);
      try {
        const url = withDatabase(inject('pgUrl'), name);
        const runs = [0, 1, 2].map(() => {
          const child = spawn(
            process.execPath,
            ['--import', 'tsx', 'src/db/migration-cli.ts', 'up'],
            {
              cwd: apiRoot,
              env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
              stdio: ['ignore', 'pipe', 'pipe'],
            },
          );
          children.push(child);
          let out = '';
          child.stdout!.on('data', (d) => (out += d));
          child.stderr!.on('data', (d) => (out += d));
          return new Promise<{ code: number | null; out: string }>((r) =>
            child.on('exit', (code) => r({ code, out })),
          );
        });
        const results = await Promise.all(runs);
        for (const r of results) expect(r.code, r.out).toBe(0);
        // One process applied them all; the others found nothing to apply.
        expect(results.filter((r) => r.out.includes('applied ')).length).toBe(1);
        expect(results.filter((r) => r.out.includes('nothing to apply')).length).toBe(2);
        const db = new pg.Client({ connectionString: url });
        await db.connect();
        const { rows } = await db.query<{ name: string; n: number }>(
          'select name, count(*)::int as n from mikro_orm_migrations group by name',
        );
        await db.end();
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.every((r) => r.n === 1)).toBe(true);
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
  );
});
