import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../../../test/harness.js';
import { insertCustomer, insertPartner } from '../../../test/fixtures.js';
import { createApp } from '../../app.js';
import { loadConfig } from '../../config/config.js';
import { createLogger } from '../../shared/logger.js';
import { runTracked } from '../../modules/jobs/job-run.service.js';
import { toGlobalId } from '../../graphql/relay.js';
import { SCHEMA_FILE } from '../../graphql/emit-schema.js';
import { TrustedDocuments } from '../trusted-documents.js';

/** A built dashboard as Vite lays it out: index.html, hashed assets, a favicon. */
const dist = mkdtempSync(path.join(tmpdir(), 'creditline-dist-'));
mkdirSync(path.join(dist, 'assets'));
writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>dashboard</title>');
writeFileSync(path.join(dist, 'assets', 'index-AbC123.js'), 'console.log(1)');
writeFileSync(path.join(dist, 'favicon.svg'), '<svg/>');

const DEMO = 'query Demo { demoLogins { username } }';
const trustedFile = path.join(dist, 'persisted-documents.json');
const demoHash = createHash('sha256').update(DEMO).digest('hex');
writeFileSync(trustedFile, JSON.stringify({ [demoHash]: DEMO }));

const api = useTestApi({
  listen: true,
  env: {
    CORS_ORIGINS: 'https://shop.example.com',
    DASHBOARD_DIST: dist,
    HTTP_BODY_LIMIT: '100000',
    TRUSTED_DOCUMENTS_FILE: trustedFile,
  },
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const gql = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

/** A raw request, for what fetch would refuse or rewrite. */
function raw(
  method: string,
  rawPath: string,
  headers: Record<string, string> = {},
  body?: Buffer,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const u = new URL(api.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: u.hostname, port: u.port, method, path: rawPath, headers },
      (res) => {
        let data = '';
        res.on('data', (d) => (data += d));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: data }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('HTTP layer', () => {
  it('answers CORS for the configured origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${api.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,x-api-key',
        },
      });
    const allowed = await preflight('https://shop.example.com');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/x-api-key/);
    const other = await preflight('https://evil.example.net');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await gql({ query: '{ __typename }' }, { origin: 'https://shop.example.com' });
    expect(simple.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
    expect(simple.headers.get('access-control-expose-headers')).toMatch(/x-request-id/);
  });

  it('answers 404 for unknown paths, and the dashboard only on its own routes', async () => {
    for (const p of [
      '/metrics.php',
      '/nope',
      '/customers/1/unknown',
      '/graphql/nothing',
      '/admin/nothing',
    ]) {
      const res = await fetch(`${api.url}${p}`, { headers: { accept: 'text/html' } });
      expect(res.status, p).toBe(404);
      const body = (await res.json()) as any;
      expect(body.errors[0].extensions.code).toBe('NOT_FOUND');
    }
    for (const p of [
      '/',
      '/sign-in',
      '/queue',
      '/customers/42?tab=plans',
      '/customers/42/recovery-requests/new',
      '/recovery-requests/7',
      '/admin/partners',
      '/admin/jobs',
    ]) {
      const res = await fetch(`${api.url}${p}`);
      expect(res.status, p).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<title>dashboard</title>');
    }
    const asset = await fetch(`${api.url}/assets/index-AbC123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${api.url}/assets/missing-123.js`)).status).toBe(404);
    expect((await raw('GET', '/assets/..%2f..%2fetc%2fpasswd')).status).toBe(404);
    expect((await fetch(`${api.url}/favicon.svg`)).status).toBe(200);
  });

  it('sets security headers, with a CSP fit for the dashboard', async () => {
    const res = await fetch(`${api.url}/`);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    // Outside production /graphql leaves the CSP off (Apollo's landing page), the rest stays.
    const graphql = await gql({ query: '{ __typename }' });
    expect(graphql.headers.get('content-security-policy')).toBeNull();
    expect(graphql.headers.get('x-content-type-options')).toBe('nosniff');
    expect(graphql.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('answers 413 for an over-size body, 400 for malformed JSON and a malformed URL, 415 for other types', async () => {
    const big = await gql({ query: '{ __typename }', padding: 'x'.repeat(200_000) });
    expect(big.status).toBe(413);
    expect(((await big.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const badJson = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(badJson.status).toBe(400);
    const badUrl = await raw('GET', '/graphql%E0%A4%A');
    expect(badUrl.status).toBe(400);
    expect(JSON.parse(badUrl.body).errors[0].extensions.code).toBe('BAD_REQUEST');
    const xml = await raw(
      'POST',
      '/graphql',
      { 'content-type': 'application/xml' },
      Buffer.from('<q/>'),
    );
    expect(xml.status).toBe(415);
  });

  it('keeps CSRF protection: a simple cross-site request is never executed', async () => {
    const get = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF|preflight/i);
    const text = await raw(
      'POST',
      '/graphql',
      { 'content-type': 'text/plain' },
      Buffer.from(JSON.stringify({ query: '{ __typename }' })),
    );
    expect(text.status).toBeGreaterThanOrEqual(400);
    expect(text.body).not.toContain('"__typename"');
  });

  it('compresses large responses', async () => {
    const res = await raw('GET', '/graphql/schema.graphql', { 'accept-encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
  });

  it('serves the SDL, the same as the committed schema.graphql', async () => {
    const res = await fetch(`${api.url}/graphql/schema.graphql`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
  });

  it('returns the request id it was given, or one of its own', async () => {
    const given = await gql({ query: '{ __typename }' }, { 'x-request-id': 'abc-123.def' });
    expect(given.headers.get('x-request-id')).toBe('abc-123.def');
    const made = await gql({ query: '{ __typename }' }, { 'x-request-id': 'bad id with spaces' });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('operations endpoints', () => {
  it('/health is alive; /ready checks database, migrations and the job workers, and takes more checks', async () => {
    expect(await (await fetch(`${api.url}/health`)).json()).toEqual({ status: 'ok' });
    const ready = async () => {
      const res = await fetch(`${api.url}/ready`);
      return { status: res.status, body: (await res.json()) as any };
    };

    // No worker has ever beaten in this database: reported, degraded, still served (optional).
    const none = await ready();
    expect(none.status).toBe(200);
    expect(none.body.status).toBe('degraded');
    expect(none.body.checks.database.ok).toBe(true);
    expect(none.body.checks.migrations.ok).toBe(true);
    expect(none.body.checks.worker).toMatchObject({ ok: false, optional: true });
    expect(none.body.checks.worker.error).toMatch(/no job worker has reported in the last 10 s/);

    // A worker beating now: ready. One whose last beat is a minute old does not count.
    await api.sql(
      `insert into job_workers (worker_id, host, pid, heartbeat_at) values ('w-old', 'h', 1, now() - interval '1 minute')`,
    );
    expect((await ready()).body.status).toBe('degraded');
    await api.sql(`insert into job_workers (worker_id, host, pid) values ('w-now', 'h', 2)`);
    const alive = await ready();
    expect(alive.status).toBe(200);
    expect(alive.body.status).toBe('ready');
    expect(alive.body.checks.worker).toMatchObject({ ok: true, optional: true });

    // A required check that fails: not ready, 503.
    api.app.readiness.add('search-index', async () => {
      throw new Error('no heartbeat for 45 s');
    });
    const notReady = await ready();
    expect(notReady.status).toBe(503);
    expect(notReady.body.status).toBe('not ready');
    expect(notReady.body.checks['search-index']).toMatchObject({
      ok: false,
      error: 'no heartbeat for 45 s',
    });
    api.app.readiness.remove('search-index');
    expect((await ready()).status).toBe(200);
  });

  it('/metrics: requests by operation and outcome, latency, pool, authorizations by decision, job runs', async () => {
    const partner = await insertPartner(api, ['purchases:write']);
    const c = await insertCustomer(api, { baseLimitFen: 100_000 });
    await gql({ query: DEMO, operationName: 'Demo' });
    await gql({ query: 'query Broken { nope }' });
    const auth = await gql(
      {
        query:
          'mutation Authorize($input: AuthorizePurchaseInput!) { authorizePurchase(input: $input) { decision } }',
        variables: {
          input: {
            accountId: toGlobalId('CreditAccount', c.accountId),
            amount: '12.34',
            category: 'ELECTRONICS',
            merchant: 'metrics test',
            idempotencyKey: 'metrics-1',
          },
        },
      },
      { 'x-api-key': partner.apiKey },
    );
    const authBody = (await auth.json()) as any;
    expect(authBody.errors).toBeUndefined();
    // A job run through the tracker counts in this process's counters and, from job_runs, in the
    // gauges every API process reports (the workers are other processes).
    await runTracked(
      api.orm,
      api.dbUrl,
      'expire-holds',
      new Date(),
      { trigger: 'cli' },
      async () => ({
        processed: 3,
        summary: {},
      }),
    );
    await api.sql(`insert into job_workers (worker_id, host, pid) values ('w-metrics', 'h', 3)`);

    const text = await (await fetch(`${api.url}/metrics`)).text();
    expect(text).toMatch(
      /creditline_graphql_requests_total\{operation="Demo",type="query",outcome="success"\} [1-9]/,
    );
    expect(text).toMatch(
      /creditline_graphql_requests_total\{operation="Broken",type="query",outcome="rejected"\} 1/,
    );
    expect(text).toMatch(
      /creditline_graphql_request_duration_seconds_bucket\{le="0.1",operation="Demo",type="query"\} [1-9]/,
    );
    expect(text).toMatch(/creditline_authorizations_total\{decision="HELD"\} 1/);
    expect(text).toMatch(/creditline_job_runs_total\{job="expire-holds",outcome="success"\} 1/);
    expect(text).toMatch(
      /creditline_job_last_finished_timestamp_seconds\{job="expire-holds",status="DONE"\} 1[0-9]{9}/,
    );
    expect(text).toMatch(/creditline_job_workers_alive [1-9]/);
    expect(text).toMatch(/creditline_db_pool_connections\{pool="orm-[0-9a-f]+",state="max"\} 20/);
    expect(text).toMatch(
      /creditline_http_requests_total\{route="\/graphql",method="POST",status="200"\} [1-9]/,
    );
    expect(text).toMatch(/creditline_process_resident_memory_bytes/);
  });
});

describe('trusted documents', () => {
  it("reads the dashboard's codegen manifest: each hash is the SHA-256 of its document", () => {
    const file = path.resolve(
      SCHEMA_FILE,
      '../../dashboard/src/generated/persisted-documents.json',
    );
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    const trusted = TrustedDocuments.fromFile(file);
    expect(trusted.size).toBeGreaterThan(10);
    for (const [key, text] of Object.entries(raw)) {
      const hash = createHash('sha256').update(text).digest('hex');
      expect(key).toBe(`sha256:${hash}`);
      expect(trusted.has(hash)).toBe(true);
    }
  });

  it('runs a listed document sent by its hash alone (automatic persisted queries, pre-registered)', async () => {
    const res = await gql({
      operationName: 'Demo',
      extensions: { persistedQuery: { version: 1, sha256Hash: demoHash } },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).data.demoLogins).toBeInstanceOf(Array);
    const unknown = await gql({
      extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } },
    });
    expect(((await unknown.json()) as any).errors[0].extensions.code).toBe(
      'PERSISTED_QUERY_NOT_FOUND',
    );
  });

  it('GRAPHQL_UNTRUSTED_DOCUMENTS=partners: staff and anonymous callers send listed documents only, partners anything', async () => {
    const config = loadConfig({
      ...api.config,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_POOLER: api.config.DATABASE_POOLER,
      CORS_ORIGINS: '',
      TRUST_PROXY: 'false',
      TRUSTED_DOCUMENTS_FILE: trustedFile,
      GRAPHQL_UNTRUSTED_DOCUMENTS: 'partners',
    } as unknown as NodeJS.ProcessEnv);
    const strict = await createApp({ config, orm: api.orm, logger: createLogger('silent') });
    const base = `http://127.0.0.1:${await strict.listen(0, '127.0.0.1')}`;
    try {
      const post = (body: unknown, headers: Record<string, string> = {}) =>
        fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify(body),
        });
      const adhoc = await post({ query: '{ demoLogins { username role } }' });
      expect(adhoc.status).toBe(403);
      expect(((await adhoc.json()) as any).errors[0].extensions.code).toBe('UNTRUSTED_DOCUMENT');
      const listed = await post({ query: DEMO });
      expect(listed.status).toBe(200);
      const partner = await insertPartner(api, ['limits:read']);
      const fromPartner = await post({ query: '{ __typename }' }, { 'x-api-key': partner.apiKey });
      expect(fromPartner.status).toBe(200);
    } finally {
      await strict.close();
    }
  });
});
