import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { riskViewer, agentViewer, useTestApi } from '../../../../test/harness.js';
import { insertAgent, insertCustomer, insertPartner } from '../../../../test/fixtures.js';
import { loadConfig } from '../../../config/config.js';
import { connectOrm } from '../../../db/orm.js';
import { createLogger } from '../../../shared/logger.js';
import { createApp, type App } from '../../../app.js';
import { fromGlobalId, toGlobalId } from '../../../graphql/relay.js';
import type { Viewer } from '../../auth/viewer.js';
import { API_KEY_CACHE_MS } from '../../auth/auth.service.js';
import { LINK_CODE_MAX_ATTEMPTS } from '../links.service.js';

const api = useTestApi({ listen: true });
const ALL = ['limits:read', 'quotes:read', 'purchases:write', 'repayments:write'];
const app = (id: string, scopes = ALL): Viewer => ({ kind: 'partner', id, name: 'app', scopes });

const START = `mutation($i: StartPartnerLinkInput!) { startPartnerLink(input: $i) { linkRequestId expiresAt userErrors { code field message } } }`;
const CONFIRM = `mutation($i: ConfirmPartnerLinkInput!) { confirmPartnerLink(input: $i) { link { id scopes status expiresAt customer { id } } userErrors { code field message } } }`;

/** The newest code the customer was sent (what the development SMS sink shows). */
async function smsCode(customerId: string): Promise<string> {
  const [n] = await api.sql<{ code: string }>(
    `select payload->>'code' as code from notices where customer_id = ? and kind = 'PARTNER_LINK_CODE' order by id desc limit 1`,
    [customerId],
  );
  return n!.code;
}

describe('linking a customer by one-time code', () => {
  let partnerId: string;
  beforeAll(async () => {
    partnerId = (await insertPartner(api, ALL, undefined, { name: 'Wallet' })).id;
  });

  it('links with the right code, once; the customer is told by SMS in both languages', async () => {
    const c = await insertCustomer(api, { unlinked: true });
    const cid = toGlobalId('Customer', c.customerId);
    const read = `{ customer(id: "${cid}") { account { availableLimit { amount } } } }`;
    expect((await api.exec(app(partnerId), read)).data!.customer).toBeNull();

    const s = (await api.exec(app(partnerId), START, { i: { phone: c.phone } })).data!
      .startPartnerLink;
    expect(s.userErrors).toEqual([]);
    const [sms] = await api.sql<{ channel: string; payload: any; outbox: string }>(
      `select n.channel, n.payload, (select count(*)::text from notice_outbox o where o.notice_id = n.id) as outbox
         from notices n where n.customer_id = ? and n.kind = 'PARTNER_LINK_CODE'`,
      [c.customerId],
    );
    expect(sms!.channel).toBe('SMS');
    expect(sms!.outbox).toBe('1');
    expect(sms!.payload.text['zh-CN']).toContain(sms!.payload.code);
    expect(sms!.payload.text.en).toContain(sms!.payload.code);

    const code = await smsCode(c.customerId);
    const ok = await api.exec(app(partnerId), CONFIRM, {
      i: { linkRequestId: s.linkRequestId, code },
    });
    expect(ok.data!.confirmPartnerLink.userErrors).toEqual([]);
    expect(ok.data!.confirmPartnerLink.link).toMatchObject({
      status: 'ACTIVE',
      scopes: ALL,
      customer: { id: cid },
    });
    expect(
      (await api.exec(app(partnerId), read)).data!.customer.account.availableLimit.amount,
    ).toBe('10000.00');

    // Replay of a used code: refused like a wrong one.
    const replay = await api.exec(app(partnerId), CONFIRM, {
      i: { linkRequestId: s.linkRequestId, code },
    });
    expect(replay.data!.confirmPartnerLink.userErrors[0].code).toBe('INVALID_LINK_CODE');
    const audit = await api.sql<{ action: string }>(
      `select action from audit_log where customer_id = ? order by id`,
      [c.customerId],
    );
    expect(audit.map((a) => a.action)).toEqual(['PARTNER_LINK_STARTED', 'PARTNER_LINK_CONFIRMED']);
  });

  it('refuses a wrong code, ends the request after too many, and refuses an expired one', async () => {
    const c = await insertCustomer(api, { unlinked: true });
    const s = (await api.exec(app(partnerId), START, { i: { phone: c.phone } })).data!
      .startPartnerLink;
    const code = await smsCode(c.customerId);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < LINK_CODE_MAX_ATTEMPTS; i++) {
      const r = await api.exec(app(partnerId), CONFIRM, {
        i: { linkRequestId: s.linkRequestId, code: wrong },
      });
      expect(r.data!.confirmPartnerLink.userErrors[0]).toMatchObject({
        code: 'INVALID_LINK_CODE',
        field: ['code'],
      });
    }
    // After the last wrong attempt even the right code does not work.
    const late = await api.exec(app(partnerId), CONFIRM, {
      i: { linkRequestId: s.linkRequestId, code },
    });
    expect(late.data!.confirmPartnerLink.userErrors[0].code).toBe('INVALID_LINK_CODE');

    const s2 = (await api.exec(app(partnerId), START, { i: { phone: c.phone } })).data!
      .startPartnerLink;
    await api.sql(
      `update partner_link_requests set expires_at = now() - interval '1 second' where id = ?`,
      [fromGlobalId(s2.linkRequestId)!.id],
    );
    const expired = await api.exec(app(partnerId), CONFIRM, {
      i: { linkRequestId: s2.linkRequestId, code: await smsCode(c.customerId) },
    });
    expect(expired.data!.confirmPartnerLink.userErrors[0].code).toBe('INVALID_LINK_CODE');
    // Another app cannot use this app's request.
    const other = (await insertPartner(api, ALL, undefined, { name: 'Other' })).id;
    const s3 = (await api.exec(app(partnerId), START, { i: { phone: c.phone } })).data!
      .startPartnerLink;
    const stolen = await api.exec(app(other), CONFIRM, {
      i: { linkRequestId: s3.linkRequestId, code: await smsCode(c.customerId) },
    });
    expect(stolen.data!.confirmPartnerLink.userErrors[0].code).toBe('INVALID_LINK_CODE');
    // Three codes per phone and app in ten minutes, then a wait.
    const s4 = (await api.exec(app(partnerId), START, { i: { phone: c.phone } })).data!
      .startPartnerLink;
    expect(s4.userErrors[0].code).toBe('TOO_MANY_LINK_CODES');
  });

  it('answers a phone that is nobody the same, and sends nothing', async () => {
    const before = await api.sql<{ n: string }>(`select count(*)::text as n from notices`);
    const r = (await api.exec(app(partnerId), START, { i: { phone: '13700000001' } })).data!
      .startPartnerLink;
    expect(r.userErrors).toEqual([]);
    expect(r.linkRequestId).toBeTruthy();
    const after = await api.sql<{ n: string }>(`select count(*)::text as n from notices`);
    expect(after).toEqual(before);
    const conf = await api.exec(app(partnerId), CONFIRM, {
      i: { linkRequestId: r.linkRequestId, code: '123456' },
    });
    expect(conf.data!.confirmPartnerLink.userErrors[0].code).toBe('INVALID_LINK_CODE');
  });

  it('a link grants only the scopes asked for, and only scopes the app has', async () => {
    const narrowApp = (await insertPartner(api, ['limits:read'], undefined, { name: 'Reader' })).id;
    const c = await insertCustomer(api, { unlinked: true });
    const beyond = await api.exec(app(narrowApp, ['limits:read']), START, {
      i: { phone: c.phone, scopes: ['purchases:write'] },
    });
    expect(beyond.data!.startPartnerLink.userErrors[0].code).toBe('SCOPE_NOT_GRANTED');
    const s = await api.exec(app(partnerId), START, {
      i: { phone: c.phone, scopes: ['quotes:read'] },
    });
    await api.exec(app(partnerId), CONFIRM, {
      i: {
        linkRequestId: s.data!.startPartnerLink.linkRequestId,
        code: await smsCode(c.customerId),
      },
    });
    const cid = toGlobalId('Customer', c.customerId);
    const read = await api.exec(
      app(partnerId),
      `{ customer(id: "${cid}") { account { availableLimit { amount } } } }`,
    );
    expect(read.data!.customer).toBeNull(); // limits:read was not granted by the customer
    const quote = await api.exec(
      app(partnerId),
      `{ quoteInstallments(amount: "300", customerId: "${cid}") { term } }`,
    );
    expect(quote.errors).toBeUndefined();
  });

  it('support revokes a link for the customer, with a reason, and the customer is told', async () => {
    const c = await insertCustomer(api, { unlinked: true });
    const s = await api.exec(app(partnerId), START, { i: { phone: c.phone } });
    const l = await api.exec(app(partnerId), CONFIRM, {
      i: {
        linkRequestId: s.data!.startPartnerLink.linkRequestId,
        code: await smsCode(c.customerId),
      },
    });
    const linkId = l.data!.confirmPartnerLink.link.id;
    const agent = agentViewer(await insertAgent(api, 'linkagent', 'AGENT'));
    const REVOKE = `mutation($i: RevokePartnerLinkInput!) { revokePartnerLink(input: $i) { link { status revokedBy } userErrors { code } } }`;
    const noReason = await api.exec(agent, REVOKE, { i: { linkId } });
    expect(noReason.data!.revokePartnerLink.userErrors[0].code).toBe('REASON_REQUIRED');
    const done = await api.exec(agent, REVOKE, { i: { linkId, reason: '客户来电要求解除授权' } });
    expect(done.data!.revokePartnerLink.link).toEqual({ status: 'REVOKED', revokedBy: 'AGENT' });
    const staffView = await api.exec(
      agent,
      `{ customer(id: "${toGlobalId('Customer', c.customerId)}") { partnerLinks(first: 5) { edges { node { status } } } } }`,
    );
    expect(staffView.data!.customer.partnerLinks.edges).toEqual([{ node: { status: 'REVOKED' } }]);
    const [n] = await api.sql<{ n: string }>(
      `select count(*)::text as n from notices where customer_id = ? and kind = 'PARTNER_LINK_CHANGED'`,
      [c.customerId],
    );
    expect(n!.n).toBe('1');
  });
});

describe('repayments carry the partner payment reference', () => {
  it('records a reference once per partner; the same reference under another key is refused', async () => {
    const c = await insertCustomer(api);
    const partnerId = (await insertPartner(api, ALL)).id;
    const REPAY = `mutation($i: RecordRepaymentInput!) { recordRepayment(input: $i) { repayment { paymentReference paymentChannel } userErrors { code field } } }`;
    const input = {
      customerId: toGlobalId('Customer', c.customerId),
      amount: '10.00',
      paymentReference: 'wx-001',
      paymentChannel: 'WECHAT_PAY',
    };
    const first = await api.exec(app(partnerId), REPAY, { i: { ...input, idempotencyKey: 'r1' } });
    expect(first.data!.recordRepayment.repayment).toEqual({
      paymentReference: 'wx-001',
      paymentChannel: 'WECHAT_PAY',
    });
    const retry = await api.exec(app(partnerId), REPAY, { i: { ...input, idempotencyKey: 'r1' } });
    expect(retry.data!.recordRepayment.userErrors).toEqual([]);
    const again = await api.exec(app(partnerId), REPAY, { i: { ...input, idempotencyKey: 'r2' } });
    expect(again.data!.recordRepayment.userErrors).toEqual([
      { code: 'DUPLICATE_PAYMENT_REFERENCE', field: ['paymentReference'] },
    ]);
    const bad = await api.exec(app(partnerId), REPAY, {
      i: { ...input, paymentReference: 'has space', idempotencyKey: 'r3' },
    });
    expect(bad.data!.recordRepayment.userErrors[0].code).toBe('INVALID_PAYMENT_REFERENCE');
    const [count] = await api.sql<{ n: string }>(
      `select count(*)::text as n from repayments where customer_id = ?`,
      [c.customerId],
    );
    expect(count!.n).toBe('1');
  });
});

describe('partner apps and keys, managed', () => {
  let second: App;
  let secondUrl: string;
  beforeAll(async () => {
    // A second API instance with its own pool and caches on the same database, as another process.
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    const orm = await connectOrm(api.orm.config.get('clientUrl')!);
    second = await createApp({ config, orm, logger: createLogger('silent') });
    secondUrl = `http://127.0.0.1:${await second.listen(0, '127.0.0.1')}/graphql`;
    Object.assign(second, { orm });
  });
  afterAll(async () => {
    await second?.close();
    await (second as unknown as { orm: { close(): Promise<void> } })?.orm.close();
  });

  const http = async (url: string, apiKey: string, query: string) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify({ query }),
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  it('a risk admin creates an app, issues, rotates and revokes keys; every process follows within seconds', async () => {
    const risk = riskViewer(await insertAgent(api, 'riskkeys', 'RISK_ADMIN'));
    const created = await api.exec(
      risk,
      `mutation { createPartnerApp(input: { name: "花呗 wallet", scopes: ["limits:read", "quotes:read"] }) { partnerApp { id name scopes } key { keyId status } apiKey userErrors { code } } }`,
    );
    const p = created.data!.createPartnerApp;
    expect(p.userErrors).toEqual([]);
    expect(p.apiKey).toMatch(/^pk_[A-Za-z0-9_]+\.sk_[A-Za-z0-9_-]+$/);
    const me = `{ quoteInstallments(amount: "100") { term } }`;
    const mainUrl = `${api.url}/graphql`;
    expect((await http(mainUrl, p.apiKey, me)).status).toBe(200);
    expect((await http(secondUrl, p.apiKey, me)).body.errors).toBeUndefined();
    // The secret is not stored: only its hash.
    const [row] = await api.sql<{ secret_hash: string }>(
      `select secret_hash from partner_api_keys where key_id = ?`,
      [p.key.keyId],
    );
    expect(p.apiKey).not.toContain(row!.secret_hash);

    const rotated = (
      await api.exec(
        risk,
        `mutation($k: String!) { rotatePartnerKey(input: { keyId: $k, graceHours: 0 }) { key { keyId status } apiKey userErrors { code } } }`,
        { k: p.key.keyId },
      )
    ).data!.rotatePartnerKey;
    expect(rotated.userErrors).toEqual([]);
    await new Promise((r) => setTimeout(r, API_KEY_CACHE_MS + 200));
    for (const url of [mainUrl, secondUrl]) {
      const old = await http(url, p.apiKey, me);
      expect(old.status).toBe(401);
      expect(old.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect((await http(url, rotated.apiKey, me)).body.errors).toBeUndefined();
    }
    const revoked = await api.exec(
      risk,
      `mutation($k: String!) { revokePartnerKey(input: { keyId: $k, reason: "leaked" }) { key { status } userErrors { code } } }`,
      { k: rotated.key.keyId },
    );
    expect(revoked.data!.revokePartnerKey.key.status).toBe('REVOKED');
    await new Promise((r) => setTimeout(r, API_KEY_CACHE_MS + 200));
    for (const url of [mainUrl, secondUrl])
      expect((await http(url, rotated.apiKey, me)).status).toBe(401);

    const listed = await api.exec(risk, `{ partnerApps { name keys { status lastUsedAt } } }`);
    const wallet = listed.data!.partnerApps.find((a: { name: string }) => a.name === '花呗 wallet');
    expect(wallet.keys.map((k: { status: string }) => k.status)).toEqual(['EXPIRED', 'REVOKED']);
    expect(wallet.keys[0].lastUsedAt).not.toBeNull();
    const audit = await api.sql<{ action: string }>(
      `select action from audit_log where action like 'PARTNER_%' and actor_type = 'AGENT' and actor_id = ? order by id`,
      [risk.kind === 'agent' ? risk.id : 0],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'PARTNER_APP_CREATED',
      'PARTNER_KEY_ROTATED',
      'PARTNER_KEY_REVOKED',
    ]);
  });

  it('a rotated key still sees the app’s own purchases (visibility belongs to the app)', async () => {
    const risk = riskViewer(await insertAgent(api, 'riskkeys2', 'RISK_ADMIN'));
    const p = (
      await api.exec(
        risk,
        `mutation { createPartnerApp(input: { name: "checkout", scopes: ["limits:read", "purchases:write"] }) { partnerApp { id } key { keyId } apiKey } }`,
      )
    ).data!.createPartnerApp;
    const appId = fromGlobalId(p.partnerApp.id)!.id;
    const c = await insertCustomer(api, { unlinked: true });
    await api.sql(
      `insert into partner_links (partner_app_id, customer_id, scopes, expires_at) values (?, ?, '{limits:read,purchases:write}', now() + interval '1 day')`,
      [appId, c.customerId],
    );
    const auth = await http(
      `${api.url}/graphql`,
      p.apiKey,
      `mutation { authorizePurchase(input: { customerId: "${toGlobalId('Customer', c.customerId)}", amount: "50.00", category: "DIGITAL", merchant: "m", idempotencyKey: "rot-1" }) { purchase { id } userErrors { code } } }`,
    );
    const purchaseId = auth.body.data.authorizePurchase.purchase.id;
    const next = (
      await api.exec(
        risk,
        `mutation($k: String!) { rotatePartnerKey(input: { keyId: $k }) { apiKey } }`,
        { k: p.key.keyId },
      )
    ).data!.rotatePartnerKey.apiKey;
    const seen = await http(secondUrl, next, `{ node(id: "${purchaseId}") { id } }`);
    expect(seen.body.data.node).toEqual({ id: purchaseId });
    // A key with fewer scopes than its app cannot do more than it was given.
    const narrow = (
      await api.exec(
        risk,
        `mutation($a: ID!) { issuePartnerKey(input: { partnerAppId: $a, scopes: ["limits:read"] }) { apiKey userErrors { code } } }`,
        { a: p.partnerApp.id },
      )
    ).data!.issuePartnerKey.apiKey;
    const refused = await http(
      secondUrl,
      narrow,
      `mutation { releasePurchase(input: { purchaseId: "${purchaseId}", idempotencyKey: "rot-2" }) { userErrors { code } } }`,
    );
    expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('staff other than risk admins cannot manage keys', async () => {
    const agent = agentViewer(await insertAgent(api, 'nokeys', 'AGENT'));
    const r = await api.exec(agent, `{ partnerApps { name } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('partner-key command line', () => {
  const apiRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
  const cli = (...args: string[]): Promise<{ code: number; stdout: string }> =>
    new Promise((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'src/jobs/cli.ts', 'partner-key', ...args],
        {
          cwd: apiRoot,
          env: {
            ...process.env,
            DATABASE_URL: api.orm.config.get('clientUrl')!,
            LOG_LEVEL: 'silent',
            NODE_ENV: 'test',
          },
          timeout: 60_000,
        },
        (err, stdout) =>
          resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout }),
      );
    });

  it('creates an app with a working key, lists it without secrets, revokes it', async () => {
    const made = await cli('create-app', '--name', 'cli shop', '--scopes', 'quotes:read');
    expect(made.code).toBe(0);
    const apiKey = /X-Api-Key: (\S+)/.exec(made.stdout)![1]!;
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify({ query: '{ quoteInstallments(amount: "100") { term } }' }),
    });
    expect(((await res.json()) as any).errors).toBeUndefined();
    const listed = await cli('list');
    expect(listed.stdout).toContain('cli shop');
    expect(listed.stdout).not.toContain(apiKey.split('.')[1]);
    const keyId = apiKey.split('.')[0]!;
    expect((await cli('revoke', '--key', keyId, '--reason', 'test')).code).toBe(0);
    expect((await cli('revoke', '--key', keyId)).code).toBe(1);
    expect((await cli('bogus')).code).toBe(2);
  }, 180_000); // five CLI processes (tsx start-up each)
});
