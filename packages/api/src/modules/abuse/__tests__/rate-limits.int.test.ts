import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { connectOrm } from '../../../db/orm.js';
import { createApp, type App } from '../../../app.js';
import { createLogger } from '../../../shared/logger.js';
import { useTestApi } from '../../../../test/harness.js';
import { insertAgent, insertPartner } from '../../../../test/fixtures.js';

/**
 * Abuse limits as a client meets them over HTTP, with two API instances on one database (each
 * its own ORM and pool, as two processes would have): the counters live in PostgreSQL, so
 * requests to either count against the same limit. Small limits here; the defaults are generous.
 */
const LIMITS = {
  RATE_LIMIT_WINDOW_SECONDS: '30',
  RATE_LIMIT_PARTNER: '6',
  RATE_LIMIT_STAFF: '6',
  RATE_LIMIT_ADDRESS: '40',
  SIGNIN_MAX_FAILURES_PER_USERNAME: '3',
  SIGNIN_MAX_FAILURES_PER_ADDRESS: '1000',
  SIGNIN_LOCKOUT_SECONDS: '2',
};
const api = useTestApi({ listen: true, env: LIMITS });
let second: { app: App; orm: MikroORM; url: string };

beforeAll(async () => {
  const orm = await connectOrm(api.orm.config.getClientUrl());
  const app = await createApp({ config: api.config, orm, logger: createLogger('silent') });
  second = { app, orm, url: `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}` };
});
afterAll(async () => {
  await second?.app.close();
  await second?.orm.close();
});

async function post(base: string, query: string, variables?: unknown, headers = {}) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    // A current GraphQL-over-HTTP client, so a refused document is a 4xx (application/json alone gets 200).
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: res.status,
    json: (await res.json()) as any,
    retryAfter: res.headers.get('retry-after'),
  };
}

const SIGN_IN = 'mutation($i: SignInInput!) { signIn(input: $i) { token userErrors { code } } }';

describe('request limits shared by two API instances', () => {
  it('a partner app gets RATE_LIMITED with Retry-After after its limit, on either instance', async () => {
    const partner = await insertPartner(api, ['quotes:read']);
    const q = '{ quoteInstallments(amount: "100.00") { term } }';
    const h = { 'x-api-key': partner.apiKey };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await post(i % 2 ? second.url : api.url, q, undefined, h)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    for (const base of [api.url, second.url]) {
      const r = await post(base, q, undefined, h);
      expect(r.status).toBe(429);
      expect(r.json.errors[0].extensions.code).toBe('RATE_LIMITED');
      expect(Number(r.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(r.retryAfter)).toBeLessThanOrEqual(30);
      expect(r.json.errors[0].extensions.retryAfterSeconds).toBe(Number(r.retryAfter));
    }
    // another partner is not affected
    const other = await insertPartner(api, ['quotes:read']);
    expect((await post(second.url, q, undefined, { 'x-api-key': other.apiKey })).status).toBe(200);
  });

  it('a staff member is limited per person, across instances', async () => {
    await insertAgent(api, 'busy-agent', 'AGENT', 'busy-agent-password');
    const s = await post(api.url, SIGN_IN, {
      i: { username: 'busy-agent', password: 'busy-agent-password' },
    });
    const h = { authorization: `Bearer ${s.json.data.signIn.token}` };
    for (let i = 0; i < 6; i++)
      expect(
        (await post(i % 2 ? api.url : second.url, '{ me { username } }', undefined, h)).status,
      ).toBe(200);
    const r = await post(second.url, '{ me { username } }', undefined, h);
    expect(r.status).toBe(429);
    expect(r.retryAfter).toMatch(/^\d+$/);
  });
});

describe('signIn', () => {
  it('is refused before execution when a request holds more than one (aliases or fields)', async () => {
    await insertAgent(api, 'alias-target', 'AGENT', 'alias-target-password');
    const guesses = Array.from(
      { length: 100 },
      (_, i) =>
        `g${i}: signIn(input: { username: "alias-target", password: "guess-${i}" }) { token }`,
    ).join('\n');
    const before = await api.sql<{ n: number }>(`select count(*)::int as n from audit_log`);
    const r = await post(api.url, `mutation { ${guesses} }`);
    expect(r.status).toBe(400);
    expect(r.json.data).toBeUndefined();
    expect(JSON.stringify(r.json.errors)).toContain('Sign in once per request');
    const two = await post(
      api.url,
      'mutation { signIn(input: { username: "a", password: "b" }) { token } other: signIn(input: { username: "a", password: "c" }) { token } }',
    );
    expect(two.status).toBe(400);
    expect(two.json.errors[0].message).toBe(
      'Sign in once per request: this operation has 2 signIn fields.',
    );
    const viaFragment = await post(
      api.url,
      'mutation { ...A ...B } fragment A on Mutation { x: signIn(input: { username: "a", password: "b" }) { token } } fragment B on Mutation { y: signIn(input: { username: "a", password: "c" }) { token } }',
    );
    expect(viaFragment.status).toBe(400);
    // nothing ran: no failed sign-in was recorded
    const after = await api.sql<{ n: number }>(`select count(*)::int as n from audit_log`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('locks a username out after repeated failures, with Retry-After, on every instance, longer each time', async () => {
    await insertAgent(api, 'lock-me', 'AGENT', 'lock-me-password');
    const attempt = (base: string, password: string) =>
      post(base, SIGN_IN, { i: { username: 'lock-me', password } });
    for (let i = 0; i < 3; i++)
      expect(
        (await attempt(i % 2 ? second.url : api.url, `wrong-${i}`)).json.data.signIn.userErrors,
      ).toEqual([{ code: 'INVALID_CREDENTIALS' }]);
    // The 3rd failure started a 2 s lockout: even the right password is refused, on both instances.
    for (const base of [api.url, second.url]) {
      const r = await attempt(base, 'lock-me-password');
      expect(r.status).toBe(429);
      expect(r.json.errors[0].extensions.code).toBe('RATE_LIMITED');
      expect(Number(r.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(r.retryAfter)).toBeLessThanOrEqual(2);
    }
    await new Promise((r) => setTimeout(r, 2100));
    // Unlocked; three more failures lock it again, for twice as long (4 s).
    for (let i = 0; i < 3; i++) await attempt(api.url, `wrong-again-${i}`);
    const second429 = await attempt(second.url, 'lock-me-password');
    expect(second429.status).toBe(429);
    expect(Number(second429.retryAfter)).toBeGreaterThanOrEqual(3);
    expect(Number(second429.retryAfter)).toBeLessThanOrEqual(4);
    const rows = await api.sql<{ actor_type: string; details: any }>(
      `select actor_type, details from audit_log where action in ('signInFailed', 'signInRefused') and details->>'username' = 'lock-me' order by id`,
    );
    expect(rows.length).toBe(9); // 3 failures, 2 refusals, 3 failures, 1 refusal
    expect(rows[0]).toMatchObject({
      actor_type: 'ANONYMOUS',
      details: { reason: 'WRONG_PASSWORD', address: '127.0.0.1' },
    });
    expect(rows[2]!.details.lockoutSeconds).toBe(2);
    expect(rows[3]!.details.reason).toBe('LOCKED_OUT');
    expect(rows.at(-2)!.details.lockoutSeconds).toBe(4);
  }, 30_000);

  it('a right password after fewer failures than the limit resets the count', async () => {
    await insertAgent(api, 'reset-me', 'AGENT', 'reset-me-password');
    const attempt = (password: string) =>
      post(api.url, SIGN_IN, { i: { username: 'reset-me', password } });
    await attempt('wrong-1');
    await attempt('wrong-2');
    expect((await attempt('reset-me-password')).json.data.signIn.token).toEqual(expect.any(String));
    await attempt('wrong-3');
    await attempt('wrong-4');
    expect((await attempt('reset-me-password')).status).toBe(200);
  });
});

describe('per-address limits', () => {
  it('counts anonymous requests and refused credentials against the address', async () => {
    // The address limit (40 per 30 s here) is shared by every test of this file from 127.0.0.1;
    // use it up with bad tokens and see the next anonymous request refused.
    let last = 0;
    for (let i = 0; i < 60 && last !== 429; i++)
      last = (
        await post(i % 2 ? api.url : second.url, '{ me { username } }', undefined, {
          authorization: 'Bearer not-a-token',
        })
      ).status;
    expect(last).toBe(429);
    const anon = await post(second.url, '{ demoLogins { username } }');
    expect(anon.status).toBe(429);
    expect(anon.json.errors[0].extensions.code).toBe('RATE_LIMITED');
  });
});
