import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config/config.js';
import { connectOrm } from '../../../db/orm.js';
import { freePort } from '../../../db/embedded-postgres.js';
import { createApp, type App } from '../../../app.js';
import { createLogger } from '../../../shared/logger.js';
import { useTestApi } from '../../../../test/harness.js';
import { insertAgent } from '../../../../test/fixtures.js';
import { runAgentsCommand } from '../../agents/agents-cli.js';
import { STAFF_SESSION_CACHE_MS } from '../auth.service.js';
import { DEMO_LOGINS } from '../demo-logins.js';
import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * Staff sessions end when the agents row says so, on every API process: one in-process app,
 * a second app on the same database, and a real second process (`node src/main.ts`).
 */
const api = useTestApi({ listen: true });
const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const dbUrl = () => api.orm.config.getClientUrl();

let second: { app: App; orm: MikroORM; url: string };
let processUrl = '';
let child: ChildProcess | undefined;

beforeAll(async () => {
  const orm = await connectOrm(dbUrl());
  const app = await createApp({ config: api.config, orm, logger: createLogger('silent') });
  second = { app, orm, url: `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}` };
  const port = await freePort();
  child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: apiRoot,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: dbUrl(),
      HOST: '127.0.0.1',
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const t = setInterval(() => {
      if (!out.includes('Creditline is running')) return;
      clearInterval(t);
      resolve();
    }, 50);
    child!.once('exit', (code) => {
      clearInterval(t);
      reject(new Error(`exited ${code}: ${out}`));
    });
  });
  processUrl = `http://127.0.0.1:${port}`;
}, 120_000);

afterAll(async () => {
  if (child && child.exitCode === null)
    await new Promise((r) => (child!.once('exit', r), child!.kill('SIGINT')));
  await second?.app.close();
  await second?.orm.close();
});

async function post(base: string, query: string, variables?: unknown, token?: string) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, json: (await res.json()) as any, headers: res.headers };
}

const SIGN_IN = 'mutation($i: SignInInput!) { signIn(input: $i) { token userErrors { code } } }';
async function signIn(username: string, password: string): Promise<string> {
  const r = await post(api.url, SIGN_IN, { i: { username, password } });
  expect(r.json.data.signIn.userErrors).toEqual([]);
  return r.json.data.signIn.token as string;
}
const me = (base: string, token: string) =>
  post(base, '{ me { username role } }', undefined, token);
const everywhere = () => [api.url, second.url, processUrl];

/** Poll until every process refuses the token (bounded by the session cache). */
async function refusedEverywhereWithin(token: string, ms: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const answers = await Promise.all(everywhere().map((u) => me(u, token)));
    if (answers.every((a) => a.status === 401)) {
      for (const a of answers) expect(a.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      return Date.now() - started;
    }
    if (Date.now() - started > ms) throw new Error(`still accepted after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const cli = async (...argv: string[]) => {
  const out: string[] = [];
  const code = await runAgentsCommand(
    argv,
    { NODE_ENV: 'test', DATABASE_URL: dbUrl(), LOG_LEVEL: 'silent' },
    (l) => out.push(l),
    (l) => out.push(l),
    async () => 'a-new-password-from-stdin',
  );
  return { code, out: out.join('\n') };
};

describe('staff sessions', () => {
  it('a deactivated agent is refused by every process within seconds (CLI deactivate)', async () => {
    await insertAgent(api, 'deact-me', 'AGENT', 'deact-password-1');
    const token = await signIn('deact-me', 'deact-password-1');
    for (const u of everywhere())
      expect((await me(u, token)).json.data.me.username).toBe('deact-me');
    const r = await cli('deactivate', 'deact-me');
    expect(r.code).toBe(0);
    expect(r.out).toContain('INACTIVE');
    const took = await refusedEverywhereWithin(token, STAFF_SESSION_CACHE_MS + 3000);
    expect(took).toBeLessThanOrEqual(STAFF_SESSION_CACHE_MS + 3000);
    // and cannot sign in again
    const again = await post(api.url, SIGN_IN, {
      i: { username: 'deact-me', password: 'deact-password-1' },
    });
    expect(again.json.data.signIn.userErrors[0].code).toBe('INVALID_CREDENTIALS');
    const [audit] = await api.sql<{ actor_type: string; details: any }>(
      `select actor_type, details from audit_log where action = 'deactivateAgent' order by id desc limit 1`,
    );
    expect(audit!.actor_type).toBe('SYSTEM');
    expect(audit!.details).toMatchObject({ username: 'deact-me', via: 'cli' });
  });

  it('sign-out ends every session of the agent on every process; a new sign-in works', async () => {
    await insertAgent(api, 'signout-me', 'AGENT', 'signout-password');
    const a = await signIn('signout-me', 'signout-password');
    const b = await signIn('signout-me', 'signout-password');
    const out = await post(second.url, 'mutation { signOut { signedOut } }', undefined, a);
    expect(out.json.data.signOut.signedOut).toBe(true);
    await refusedEverywhereWithin(a, STAFF_SESSION_CACHE_MS + 3000);
    await refusedEverywhereWithin(b, STAFF_SESSION_CACHE_MS + 3000);
    const c = await signIn('signout-me', 'signout-password');
    expect((await me(processUrl, c)).json.data.me.username).toBe('signout-me');
  });

  it('a password change and a role change end the sessions; the role comes from the database', async () => {
    await insertAgent(api, 'change-me', 'AGENT', 'change-password-1');
    const t1 = await signIn('change-me', 'change-password-1');
    expect((await cli('password', 'change-me', '--password-stdin')).code).toBe(0);
    await refusedEverywhereWithin(t1, STAFF_SESSION_CACHE_MS + 3000);
    const t2 = await signIn('change-me', 'a-new-password-from-stdin');
    expect((await cli('role', 'change-me', 'SUPERVISOR')).code).toBe(0);
    await refusedEverywhereWithin(t2, STAFF_SESSION_CACHE_MS + 3000);
    const t3 = await signIn('change-me', 'a-new-password-from-stdin');
    expect((await me(processUrl, t3)).json.data.me.role).toBe('SUPERVISOR');
  });

  it('changePassword ends the other sessions and returns a working token', async () => {
    await insertAgent(api, 'own-change', 'AGENT', 'own-change-password');
    const other = await signIn('own-change', 'own-change-password');
    const current = await signIn('own-change', 'own-change-password');
    const change = `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { token userErrors { code field } } }`;
    const wrong = await post(
      processUrl,
      change,
      { i: { currentPassword: 'nope', newPassword: 'another-long-password' } },
      current,
    );
    expect(wrong.json.data.changePassword).toEqual({
      token: null,
      userErrors: [{ code: 'INVALID_CREDENTIALS', field: ['currentPassword'] }],
    });
    const weak = await post(
      processUrl,
      change,
      { i: { currentPassword: 'own-change-password', newPassword: 'short' } },
      current,
    );
    expect(weak.json.data.changePassword.userErrors[0].code).toBe('WEAK_PASSWORD');
    const ok = await post(
      processUrl,
      change,
      { i: { currentPassword: 'own-change-password', newPassword: 'another-long-password' } },
      current,
    );
    const fresh = ok.json.data.changePassword.token as string;
    expect(fresh).toEqual(expect.any(String));
    // the new token works at once, also on the process that remembered the old version
    expect((await me(processUrl, fresh)).json.data.me.username).toBe('own-change');
    await refusedEverywhereWithin(other, STAFF_SESSION_CACHE_MS + 3000);
    await refusedEverywhereWithin(current, STAFF_SESSION_CACHE_MS + 3000);
    for (const u of everywhere())
      expect((await me(u, fresh)).json.data.me.username).toBe('own-change');
  });

  it('a token for an agent that does not exist is refused, even with a valid signature', async () => {
    const token = await api.app.services.auth.issueToken({
      id: '999999',
      username: 'ghost',
      role: 'SUPERVISOR',
    });
    for (const u of everywhere()) {
      const r = await me(u, token);
      expect(r.status).toBe(401);
      expect(r.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('the CLI creates and lists agents, and refuses bad input with one line', async () => {
    const created = await cli('create', 'cli-made', '--role', 'RISK_ADMIN', '--name', '新风控');
    expect(created.code).toBe(0);
    const pw = /password \(shown once\): (\S+)/.exec(created.out)![1]!;
    const token = await signIn('cli-made', pw);
    expect((await me(api.url, token)).json.data.me.role).toBe('RISK_ADMIN');
    expect((await cli('list')).out).toMatch(/cli-made\s+RISK_ADMIN\s+active/);
    expect((await cli('create', 'cli-made', '--role', 'AGENT')).out).toContain('is taken');
    expect((await cli('create', 'x2', '--role', 'BOSS')).code).toBe(1);
    expect((await cli('fly')).code).toBe(2);
  });

  it('risk admins manage agents over GraphQL; others are FORBIDDEN and the attempt is audited', async () => {
    await insertAgent(api, 'gql-admin', 'RISK_ADMIN', 'gql-admin-password');
    await insertAgent(api, 'gql-agent', 'AGENT', 'gql-agent-password');
    const admin = await signIn('gql-admin', 'gql-admin-password');
    const agent = await signIn('gql-agent', 'gql-agent-password');
    const create = `mutation { createAgent(input: { username: "gql-new", displayName: "新人", role: AGENT, password: "long-enough-password" }) { agent { username role active } userErrors { code } } }`;
    const refused = await post(api.url, create, undefined, agent);
    expect(refused.json.errors[0].extensions.code).toBe('FORBIDDEN');
    const [forbidden] = await api.sql<{ actor_type: string; actor_id: string; details: any }>(
      `select actor_type, actor_id::text, details from audit_log where action = 'forbidden' order by id desc limit 1`,
    );
    expect(forbidden).toMatchObject({ actor_type: 'AGENT', details: { reason: 'FORBIDDEN' } });
    expect(forbidden!.details.fields).toEqual(['createAgent']);
    const ok = await post(api.url, create, undefined, admin);
    expect(ok.json.data.createAgent).toEqual({
      agent: { username: 'gql-new', role: 'AGENT', active: true },
      userErrors: [],
    });
    const newToken = await signIn('gql-new', 'long-enough-password');
    const off = await post(
      api.url,
      'mutation { setAgentActive(username: "gql-new", active: false) { agent { active } } }',
      undefined,
      admin,
    );
    expect(off.json.data.setAgentActive.agent.active).toBe(false);
    await refusedEverywhereWithin(newToken, STAFF_SESSION_CACHE_MS + 3000);
    const self = await post(
      api.url,
      'mutation { setAgentActive(username: "gql-admin", active: false) { userErrors { code } } }',
      undefined,
      admin,
    );
    expect(self.json.data.setAgentActive.userErrors[0].code).toBe('NOT_ALLOWED');
  });
});

describe('demo logins in production', () => {
  let prod: { app: App; orm: MikroORM; url: string };
  beforeAll(async () => {
    const key = (n: number) => Buffer.alloc(32, n + 100).toString('base64');
    const config = loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      JWT_SECRET: 'a-production-secret-for-this-test-0123456789',
      PII_ENCRYPTION_KEY: key(1),
      PII_BLIND_INDEX_KEY: key(2),
    });
    const orm = await connectOrm(dbUrl());
    const app = await createApp({ config, orm, logger: createLogger('silent') });
    prod = { app, orm, url: `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}` };
  });
  afterAll(async () => {
    await prod?.app.close();
    await prod?.orm.close();
  });

  it('refuses the seeded demo agents and any agent whose password is a demo password', async () => {
    const demo = DEMO_LOGINS[0]!;
    // As the seed writes them (flagged), and a copy that is not flagged but has the published password.
    await insertAgent(api, demo.username, demo.role, demo.password);
    await api.sql(`update agents set demo = true where username = ?`, [demo.username]);
    await insertAgent(api, 'copied-demo', 'AGENT', DEMO_LOGINS[1]!.password);
    for (const [username, password] of [
      [demo.username, demo.password],
      ['copied-demo', DEMO_LOGINS[1]!.password],
    ]) {
      const inProd = await post(prod.url, SIGN_IN, { i: { username, password } });
      expect(inProd.json.data.signIn).toEqual({
        token: null,
        userErrors: [{ code: 'INVALID_CREDENTIALS' }],
      });
    }
    const [row] = await api.sql<{ details: any; actor_type: string }>(
      `select actor_type, details from audit_log where action = 'signInFailed' and details->>'username' = ? order by id desc limit 1`,
      [demo.username],
    );
    expect(row).toMatchObject({
      actor_type: 'ANONYMOUS',
      details: { reason: 'DEMO_IN_PRODUCTION' },
    });
    // A demo token from a development process is refused by a production one, signature aside.
    const devToken = await signIn(demo.username, demo.password);
    const forged = await prod.app.services.auth.issueToken({
      id: (
        await api.sql<{ id: string }>(`select id::text from agents where username = ?`, [
          demo.username,
        ])
      )[0]!.id,
      username: demo.username,
      role: demo.role,
    });
    expect((await me(api.url, devToken)).status).toBe(200);
    const r = await me(prod.url, forged);
    expect(r.status).toBe(401);
    expect(prod.app.schema).toBeDefined();
  });
});
