import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../../../../test/harness.js';
import { insertCustomer, insertPartner, linkPartner } from '../../../../test/fixtures.js';
import { toGlobalId } from '../../../graphql/relay.js';
import type { Viewer } from '../../auth/viewer.js';

/**
 * A partner app's authorizePurchase by accountId checks the app's link to the account's customer
 * inside the money statement (creditline_authorize_batch, migration
 * Migration20261206100000_authorize_link_check), not with a read (or a cached answer) before it.
 * Whatever the reason there is no usable link, the answer is the one for a missing account and
 * nothing is written: no idempotency record, no purchase, no hold.
 */
const api = useTestApi();
const SCOPES = ['limits:read', 'purchases:write'];
const partner = (id: string): Viewer => ({
  kind: 'partner',
  id,
  name: `app ${id}`,
  scopes: SCOPES,
});
const AUTHORIZE = `mutation($i: AuthorizePurchaseInput!) { authorizePurchase(input: $i) { purchase { id status } decision replayed userErrors { code message field } } }`;

let appA: string;
let appB: string;

beforeAll(async () => {
  appA = (await insertPartner(api, SCOPES, undefined, { name: 'Link app A' })).id;
  appB = (await insertPartner(api, SCOPES, undefined, { name: 'Link app B' })).id;
});

async function customer(scopes?: string[]) {
  const x = await insertCustomer(api, { unlinked: true });
  const link = scopes ? await linkPartner(api, appA, x.customerId, scopes) : undefined;
  return { ...x, link, account: toGlobalId('CreditAccount', x.accountId) };
}

async function authorize(app: string, accountId: string, key: string, amount = '10.00') {
  const r = await api.exec(partner(app), AUTHORIZE, {
    i: { accountId, amount, category: 'DIGITAL', merchant: 'shop', idempotencyKey: key },
  });
  expect(r.errors).toBeUndefined();
  return r.data!.authorizePurchase as {
    purchase: { id: string; status: string } | null;
    decision: string | null;
    replayed: boolean;
    userErrors: { code: string; message: string; field: string[] }[];
  };
}

/** What a partner gets for an account that does not exist. */
const missing = () =>
  authorize(appA, toGlobalId('CreditAccount', '987654321'), `miss-${Math.random()}`);

async function written(accountId: string, app: string, key: string) {
  const [r] = await api.sql<{ purchases: string; records: string; held: string }>(
    `select (select count(*) from purchases where account_id = ?)::text as purchases,
            (select count(*) from idempotency_records where actor = ? and key = ?)::text as records,
            (select held_fen from credit_accounts where id = ?)::text as held`,
    [accountId, `partner:${app}`, key, accountId],
  );
  return r!;
}

describe('the partner link check inside the money statement', () => {
  it('is the only version of the money statement in the database (the one without it was dropped)', async () => {
    const versions = await api.sql<{ args: string }>(
      `select pg_get_function_identity_arguments(oid) as args from pg_proc
        where proname = 'creditline_authorize_batch'`,
    );
    expect(versions).toHaveLength(1);
    expect(versions[0]!.args).toMatch(/p_link_scopes text\[\]$/);
  });

  it('answers a missing account with ACCOUNT_NOT_FOUND on accountId', async () => {
    const m = await missing();
    expect(m.purchase).toBeNull();
    expect(m.userErrors).toEqual([
      {
        code: 'ACCOUNT_NOT_FOUND',
        message: 'No credit account was found for this customer or account.',
        field: ['accountId'],
      },
    ]);
  });

  it('holds for the linked app, with only the scope the selection needs', async () => {
    const x = await customer(['purchases:write']);
    const r = await authorize(appA, x.account, 'ok-1');
    expect(r.userErrors).toEqual([]);
    expect(r.decision).toBe('HELD');
    expect(r.purchase?.status).toBe('HELD');
    const w = await written(x.accountId, appA, 'ok-1');
    expect(w).toEqual({ purchases: '1', records: '1', held: '1000' });
  });

  const refusals: [string, (x: Awaited<ReturnType<typeof customer>>) => Promise<string>][] = [
    ['no link at all', async () => appA],
    ['another app’s link', async () => appB],
    [
      'a revoked link',
      async (x) => {
        await api.sql(
          `update partner_links set status = 'REVOKED', revoked_at = now() where id = ?`,
          [x.link],
        );
        return appA;
      },
    ],
    [
      'an expired link',
      async (x) => {
        await api.sql(
          `update partner_links set expires_at = now() - interval '1 second' where id = ?`,
          [x.link],
        );
        return appA;
      },
    ],
  ];
  for (const [name, setUp] of refusals)
    it(`refuses ${name} exactly as a missing account, writing nothing`, async () => {
      const x = await customer(name === 'no link at all' ? undefined : SCOPES);
      const app = await setUp(x);
      const r = await authorize(app, x.account, `ref-${name}`);
      const m = await missing();
      expect(r).toEqual(m);
      expect(await written(x.accountId, app, `ref-${name}`)).toEqual({
        purchases: '0',
        records: '0',
        held: '0',
      });
    });

  it('refuses a link without the scope the operation needs', async () => {
    const x = await customer(['limits:read']);
    expect(await authorize(appA, x.account, 'scope-1')).toEqual(await missing());
    expect(await written(x.accountId, appA, 'scope-1')).toEqual({
      purchases: '0',
      records: '0',
      held: '0',
    });
    // The selection's scopes count too: a link for purchases only cannot read the customer's verification back.
    const y = await customer(['purchases:write']);
    const r = await api.exec(
      partner(appA),
      `mutation($i: AuthorizePurchaseInput!) { authorizePurchase(input: $i) { purchase { customer { realNameVerified } } userErrors { code } } }`,
      {
        i: {
          accountId: y.account,
          amount: '1.00',
          category: 'DIGITAL',
          merchant: 'shop',
          idempotencyKey: 'scope-2',
        },
      },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.authorizePurchase).toEqual({
      purchase: null,
      userErrors: [{ code: 'ACCOUNT_NOT_FOUND' }],
    });
    expect((await written(y.accountId, appA, 'scope-2')).records).toBe('0');
  });

  it('refuses at once a link revoked after an authorization succeeded (no cached answer)', async () => {
    const x = await customer(SCOPES);
    expect((await authorize(appA, x.account, 'race-1')).decision).toBe('HELD');
    // Revoked behind the API's back (another process): the next statement sees it.
    await api.sql(`update partner_links set status = 'REVOKED', revoked_at = now() where id = ?`, [
      x.link,
    ]);
    expect(await authorize(appA, x.account, 'race-2')).toEqual(await missing());
    expect(await written(x.accountId, appA, 'race-2')).toEqual({
      purchases: '1',
      records: '0',
      held: '1000',
    });
  });

  it('answers the replay of a key after the link ended as a missing account, not with the first result', async () => {
    const x = await customer(SCOPES);
    const first = await authorize(appA, x.account, 'replay-1');
    expect(first.decision).toBe('HELD');
    const again = await authorize(appA, x.account, 'replay-1');
    expect(again).toEqual({ ...first, replayed: true });
    await api.sql(`update partner_links set status = 'REVOKED', revoked_at = now() where id = ?`, [
      x.link,
    ]);
    expect(await authorize(appA, x.account, 'replay-1')).toEqual(await missing());
    // Linked again: the key replays its first result.
    await linkPartner(api, appA, x.customerId, SCOPES);
    expect(await authorize(appA, x.account, 'replay-1')).toEqual({ ...first, replayed: true });
  });

  it('checks the link for an account with a category limit too (the category path)', async () => {
    const x = await customer(SCOPES);
    await api.sql(
      `insert into category_limits (account_id, customer_id, category, limit_fen) values (?, ?, 'DIGITAL', 50000)`,
      [x.accountId, x.customerId],
    );
    expect(await authorize(appB, x.account, 'cat-1')).toEqual(await missing());
    expect(await written(x.accountId, appB, 'cat-1')).toEqual({
      purchases: '0',
      records: '0',
      held: '0',
    });
    const linked = await authorize(appA, x.account, 'cat-2');
    expect(linked.userErrors).toEqual([]);
    expect(linked.decision).toBe('HELD');
    expect(await written(x.accountId, appA, 'cat-2')).toEqual({
      purchases: '1',
      records: '1',
      held: '1000',
    });
  });

  it('decides each request of one batch by its own link', async () => {
    const linked = await Promise.all([1, 2, 3].map(() => customer(SCOPES)));
    const unlinked = await Promise.all([1, 2, 3].map(() => customer()));
    const all = [...linked, ...unlinked].flatMap((x, i) => [
      { x, app: appA, key: `mix-${i}-a`, ok: i < 3 },
      { x, app: appB, key: `mix-${i}-b`, ok: false },
    ]);
    // Sent together, they go in the same batch statement(s).
    const answers = await Promise.all(all.map((c) => authorize(c.app, c.x.account, c.key)));
    const m = await missing();
    for (const [i, c] of all.entries()) {
      if (c.ok) expect(answers[i]!.decision).toBe('HELD');
      else expect(answers[i]).toEqual(m);
    }
    for (const x of linked) expect((await written(x.accountId, appB, 'none')).purchases).toBe('1');
    for (const x of unlinked)
      expect((await written(x.accountId, appB, 'none')).purchases).toBe('0');
  });
});
