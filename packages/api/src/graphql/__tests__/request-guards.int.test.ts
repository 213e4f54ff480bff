import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { isObjectType } from 'graphql';
import { loadConfig } from '../../config/config.js';
import { connectOrm } from '../../db/orm.js';
import { createApp, type App } from '../../app.js';
import { createLogger, serializeError } from '../../shared/logger.js';
import { useTestApi } from '../../../test/harness.js';
import { insertAgent, insertPartner } from '../../../test/fixtures.js';
import { FIELD_COSTS } from '../limits.js';

const api = useTestApi({ listen: true });
let partnerKey = '';
let quotesRun = 0;

beforeAll(async () => {
  partnerKey = (await insertPartner(api, ['quotes:read', 'limits:read'])).apiKey;
  // Count the work a quote does, to prove a refused request ran none of it.
  const plans = api.app.services.plans;
  const quote = plans.quote.bind(plans);
  plans.quote = (...args: Parameters<typeof plans.quote>) => {
    quotesRun += 1;
    return quote(...args);
  };
});

async function post(
  query: string,
  variables?: unknown,
  headers: Record<string, string> = {},
  base = api.url,
) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    // A current GraphQL-over-HTTP client: refused documents are 4xx. (A client that accepts only
    // application/json gets 200 with the same errors and no data: the last test here and
    // graphql-http-audit.int.test.ts.)
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      'x-api-key': partnerKey,
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, json: (await res.json()) as any };
}

describe('query cost reflects real work', () => {
  it('refuses 1,000 aliased quoteInstallments before anything runs, quickly', async () => {
    const aliases = Array.from(
      { length: 1000 },
      (_, i) =>
        `q${i}: quoteInstallments(amount: "${100 + i}.00") { term aprPercent schedule { dueDate } }`,
    ).join('\n');
    const before = quotesRun;
    const started = performance.now();
    const r = await post(`{ ${aliases} }`);
    const ms = performance.now() - started;
    expect(r.status).toBe(400);
    expect(r.json.data).toBeUndefined();
    expect(r.json.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(r.json.errors[0].message).toBe(
      'This query is longer than 2000 tokens; send a smaller query.',
    );
    expect(quotesRun).toBe(before);
    expect(ms).toBeLessThan(1000);
  });

  it('is the same refusal with status 200 for a client that accepts only application/json', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `q${i}: __typename`).join(' ');
    const r = await post(`{ ${aliases} }`, undefined, { accept: 'application/json' });
    expect(r.status).toBe(200);
    expect(r.json.data).toBeUndefined();
    expect(r.json.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('charges a quote for its work and reports it', async () => {
    const one = await post('{ quoteInstallments(amount: "100.00") { term } }');
    expect(one.status).toBe(200);
    expect(one.json.extensions.cost.requested).toBeGreaterThanOrEqual(
      FIELD_COSTS['Query.quoteInstallments']!,
    );
  });

  it('refuses many root fields even without aliases beyond the limit', async () => {
    const fields = Array.from({ length: 21 }, (_, i) => `a${i}: me { username }`).join(' ');
    const r = await post(`{ ${fields} }`);
    expect(r.status).toBe(400);
    expect(r.json.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(r.json.errors[0].message).toContain('21 root fields');
    const nested = Array.from({ length: 51 }, (_, i) => `n${i}: term`).join(' ');
    const many = await post(`{ quoteInstallments(amount: "100.00") { ${nested} } }`);
    expect(many.status).toBe(400);
    expect(many.json.errors[0]).toMatchObject({
      message: 'This query has 51 aliased fields, above the limit of 50; send fewer per request.',
      extensions: { code: 'QUERY_TOO_COMPLEX' },
    });
  });

  it('names only fields that exist in the schema', () => {
    for (const name of Object.keys(FIELD_COSTS)) {
      const [type, field] = name.split('.') as [string, string];
      const t = api.app.schema.getType(type);
      expect(t && isObjectType(t) ? Object.keys(t.getFields()) : [], name).toContain(field);
    }
  });
});

describe('text in arguments', () => {
  const staffToken = async () => {
    await insertAgent(api, 'text-agent', 'AGENT', 'text-agent-password');
    const s = await post(
      'mutation { signIn(input: { username: "text-agent", password: "text-agent-password" }) { token } }',
      undefined,
      { 'x-api-key': '' },
    );
    return s.json.data.signIn.token as string;
  };

  it('a NUL byte in a variable, nested or not, is BAD_USER_INPUT naming the variable', async () => {
    const r = await post('query($a: String!) { quoteInstallments(amount: $a) { term } }', {
      a: '100.00\u0000',
    });
    expect(r.status).toBe(400);
    expect(r.json.errors[0]).toMatchObject({
      message: 'The variable $a contains a NUL character (U+0000); remove it.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const nested = await post(
      'mutation($i: SignInInput!) { signIn(input: $i) { token } }',
      { i: { username: 'x\u0000y', password: 'p' } },
      { 'x-api-key': '' },
    );
    expect(nested.json.errors[0].message).toBe(
      'The variable $i.username contains a NUL character (U+0000); remove it.',
    );
  });

  it('a NUL byte in a literal string, and an unpaired surrogate in a variable, are BAD_USER_INPUT', async () => {
    const token = await staffToken();
    const auth = { 'x-api-key': '', authorization: `Bearer ${token}` };
    const literal = await post(
      '{ customers(search: "138\\u0000", first: 5) { edges { node { id } } } }',
      undefined,
      auth,
    );
    expect(literal.status).toBe(400);
    expect(literal.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(literal.json.errors[0].message).toMatch(
      /^A text value in the query \(line 1\) contains a NUL character/,
    );
    const lone = await post(
      'query($s: String!) { customers(search: $s, first: 5) { edges { node { id } } } }',
      { s: 'abc\ud800' },
      auth,
    );
    expect(lone.status).toBe(400);
    expect(lone.json.errors[0]).toMatchObject({
      message: 'The variable $s is not valid Unicode (an unpaired UTF-16 surrogate); remove it.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    // a well-formed pair (an emoji) and Chinese text are fine
    const fine = await post(
      'query($s: String!) { customers(search: $s, first: 5) { edges { node { id } } } }',
      { s: '王😀' },
      auth,
    );
    expect(fine.status).toBe(200);
    expect(fine.json.errors).toBeUndefined();
  });
});

describe('field suggestions', () => {
  let prod: { app: App; orm: MikroORM; url: string };
  beforeAll(async () => {
    const key = (n: number) => Buffer.alloc(32, n + 50).toString('base64');
    const config = loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      JWT_SECRET: 'a-production-secret-for-this-test-abcdefghij',
      PII_ENCRYPTION_KEY: key(1),
      PII_BLIND_INDEX_KEY: key(2),
    });
    const orm = await connectOrm(api.orm.config.getClientUrl());
    const app = await createApp({ config, orm, logger: createLogger('silent') });
    prod = { app, orm, url: `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}` };
  });
  afterAll(async () => {
    await prod?.app.close();
    await prod?.orm.close();
  });

  const typo = 'mutation { revealCustomerPi(customerId: "x") { userErrors { code } } }';
  const badEnum =
    'query($l: Locale!) { node(id: "x") { ... on CreditAccount { explanation(locale: $l) { summary } } } }';

  it('are given in development', async () => {
    const r = await post(typo, undefined, { 'x-api-key': '' });
    expect(r.json.errors[0].message).toContain('Did you mean "revealCustomerPii"?');
  });

  it('are absent in production, in validation and in variable errors', async () => {
    const r = await post(typo, undefined, { 'x-api-key': '' }, prod.url);
    expect(r.status).toBe(400);
    expect(r.json.errors[0].message).toBe(
      'Cannot query field "revealCustomerPi" on type "Mutation".',
    );
    const e = await post(badEnum, { l: 'ZH_C' }, { 'x-api-key': '' }, prod.url);
    expect(e.json.errors.length).toBeGreaterThan(0);
    expect(JSON.stringify(e.json)).not.toMatch(/Did you mean|ZH_CN|revealCustomerPii/);
  });
});

describe('error logs', () => {
  it('carry no statement values of a database error', async () => {
    const lines: string[] = [];
    const logger = createLogger(
      'error',
      new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) }),
    );
    let err: unknown;
    try {
      await api.orm.em
        .fork()
        .execute(
          'insert into agents (username, display_name, role, password_hash) values (?, ?, ?, ?)',
          ['user-13812345678', '张三 110101199001011234', 'NOPE', 'hash-secret'],
        );
    } catch (e) {
      err = e;
    }
    expect(String((err as Error).message)).toContain('13812345678'); // the driver puts them there
    logger.error({ err }, 'resolver fault');
    const line = lines.join('');
    expect(line).toContain('CheckConstraintViolationException');
    expect(line).toContain('agents_role_check');
    for (const secret of ['13812345678', '110101199001011234', '张三', 'hash-secret', 'NOPE'])
      expect(line).not.toContain(secret);
    expect(serializeError(new Error('port 4000 in use'))).toMatchObject({
      message: 'port 4000 in use',
    });
  });
});
