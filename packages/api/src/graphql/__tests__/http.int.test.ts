import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useTestApi } from '../../../test/harness.js';
import { insertAgent, insertPartner } from '../../../test/fixtures.js';
import { SCHEMA_FILE, schemaText } from '../emit-schema.js';

const api = useTestApi({ listen: true });

async function post(body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    json: (await res.json()) as any,
  };
}

describe('GraphQL over HTTP', () => {
  it('answers /health', async () => {
    const res = await fetch(`${api.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('speaks application/graphql-response+json and uses status codes', async () => {
    const ok = await post({ query: '{ demoLogins { username } }' });
    expect(ok.status).toBe(200);
    expect(ok.type).toContain('application/graphql-response+json');
    const parse = await post({ query: '{ nope' });
    expect(parse.status).toBe(400);
    expect(parse.json.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    const invalid = await post({ query: '{ noSuchField }' });
    expect(invalid.status).toBe(400);
    const badJson = await post('{not json');
    expect(badJson.status).toBe(400);
  });

  it('refuses mutations over GET', async () => {
    const q = encodeURIComponent(
      'mutation { signIn(input: {username: "a", password: "b"}) { token } }',
    );
    const res = await fetch(`${api.url}/graphql?query=${q}`, {
      headers: { 'apollo-require-preflight': '1' },
    });
    expect(res.status).toBe(405);
  });

  it('signs staff in with a JWT and partners in with an API key', async () => {
    await insertAgent(api, 'http-agent', 'AGENT', 'pa55word-http');
    const wrong = await post({
      query:
        'mutation($i: SignInInput!) { signIn(input: $i) { token userErrors { code message } } }',
      variables: { i: { username: 'http-agent', password: 'nope' } },
    });
    expect(wrong.json.data.signIn).toEqual({
      token: null,
      userErrors: [{ code: 'INVALID_CREDENTIALS', message: 'Wrong username or password.' }],
    });
    const good = await post({
      query: 'mutation($i: SignInInput!) { signIn(input: $i) { token agent { username role } } }',
      variables: { i: { username: 'http-agent', password: 'pa55word-http' } },
    });
    const token = good.json.data.signIn.token as string;
    expect(good.json.data.signIn.agent).toEqual({ username: 'http-agent', role: 'AGENT' });
    const me = await post(
      { query: '{ me { username role } }' },
      { authorization: `Bearer ${token}` },
    );
    expect(me.json.data.me).toEqual({ username: 'http-agent', role: 'AGENT' });
    const forged = await post(
      { query: '{ me { username } }' },
      { authorization: `Bearer ${token.slice(0, -2)}xx` },
    );
    expect(forged.status).toBe(401);
    expect(forged.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const partner = await insertPartner(api, ['limits:read']);
    // `me` is a staff field: a partner's operation selecting it is refused before it runs.
    const asPartner = await post({ query: '{ me { username } }' }, { 'x-api-key': partner.apiKey });
    expect(asPartner.status).toBe(403);
    expect(asPartner.json.errors[0].extensions.code).toBe('FORBIDDEN');
    const badKey = await post(
      { query: '{ me { username } }' },
      { 'x-api-key': `${partner.apiKey.split('.')[0]}.wrongsecretwrongsecret` },
    );
    expect(badKey.status).toBe(401);
  });

  it('reports the cost of a query and refuses one that costs too much', async () => {
    const cheap = await post({ query: '{ demoLogins { username } }' });
    expect(cheap.json.extensions.cost.requested).toBeGreaterThan(0);
    const fields = Array.from(
      { length: 40 },
      (_, i) =>
        `a${i}: customers(search: "x", first: 100) { edges { node { name maskedPhone account { accountNumber } } } }`,
    ).join(' ');
    const costly = await post({ query: `{ ${fields} }` });
    expect(costly.status).toBe(400);
    expect(costly.json.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses queries nested deeper than the depth limit', async () => {
    // Depth is checked by a validation rule before anything runs: nodes nested 20 levels deep.
    let q = 'id';
    for (let i = 0; i < 20; i++) q = `node(id: "x") { ${q} }`;
    const res = await post({ query: `{ ${q} }` });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.json.errors)).toMatch(/depth/i);
  });

  it('never shows a stack trace', async () => {
    const res = await post({ query: '{ customer(id: "Q3VzdG9tZXI6MQ") { id } }' });
    expect(JSON.stringify(res.json)).not.toMatch(/stacktrace|\.ts:\d+/);
  });

  it('keeps the committed schema.graphql up to date (run `pnpm --filter @creditline/api schema:emit`)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await schemaText());
  });
});
