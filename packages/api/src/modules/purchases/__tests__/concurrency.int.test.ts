import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../../../../test/harness.js';
import { insertCustomer, insertPartner } from '../../../../test/fixtures.js';
import { connectOrm } from '../../../db/orm.js';
import { createApp, type App } from '../../../app.js';
import { createLogger } from '../../../shared/logger.js';
import { toGlobalId } from '../../../graphql/relay.js';
import { noFraudRules } from '../purchase-rules.js';
import type { MikroORM } from '@mikro-orm/postgresql';
import { authorizeOverHttp, expectReconciled } from './money-helpers.js';

/**
 * Two API processes' worth of state — two apps, two ORMs with their own connection pools, two
 * HTTP ports — against one database, hammering one account. The limit must hold exactly.
 */
const api = useTestApi({ listen: true });
let second: { app: App; orm: MikroORM; url: string };
let apiKey: string;

beforeAll(async () => {
  const orm = await connectOrm(
    api.orm.config.get('clientUrl')!,
    {},
    {
      pooler: api.config.DATABASE_POOLER,
    },
  );
  const app = await createApp({ config: api.config, orm, logger: createLogger('silent') });
  const port = await app.listen(0, '127.0.0.1');
  second = { app, orm, url: `http://127.0.0.1:${port}` };
  for (const a of [api.app, app]) a.services.purchases.rules = noFraudRules;
  apiKey = (await insertPartner(api, ['purchases:write', 'repayments:write'])).apiKey;
});

afterAll(async () => {
  await second?.app.close();
  await second?.orm.close();
});

const post = (base: string, input: Record<string, unknown>) =>
  authorizeOverHttp(base, apiKey, input);

describe('parallel authorizations from two API processes', () => {
  // 400 HTTP requests through two apps: on a shared two-core machine under load (or beside the
  // two-process velocity race of fraud-rules.int.test.ts) this can take longer than the default.
  it('never overspend one account, and the ledger reconciles', { timeout: 180_000 }, async () => {
    const c = await insertCustomer(api, { baseLimitFen: 100_000 }); // ¥1,000.00
    const accountId = toGlobalId('CreditAccount', c.accountId);
    const N = 300;
    const amounts = Array.from({ length: N }, (_, i) => 100 + ((i * 7919) % 900)); // ¥1.00 … ¥9.99, deterministic
    const results = await Promise.all(
      amounts.map((fen, i) =>
        post(i % 2 === 0 ? api.url : second.url, {
          accountId,
          amount: (fen / 100).toFixed(2),
          category: 'DIGITAL',
          merchant: 'race',
          idempotencyKey: `race-${i}`,
        }),
      ),
    );
    const held = results
      .map((r, i) => ({ r, fen: amounts[i]! }))
      .filter(({ r }) => r.decision === 'HELD');
    const declined = results.filter((r) => r.decision === 'DECLINED');
    expect(held.length + declined.length).toBe(N);
    expect(declined.every((r) => r.declineCode === 'OVER_LIMIT')).toBe(true);
    const heldFen = held.reduce((s, h) => s + h.fen, 0);
    const [a] = await api.sql<any>(
      `select held_fen::int as held, used_fen::int as used from credit_accounts where id = ?`,
      [c.accountId],
    );
    expect(a.held).toBe(heldFen);
    expect(a.used).toBeLessThanOrEqual(100_000);
    // The limit was actually used up: no declined amount would still have fitted at the end…
    expect(100_000 - a.used).toBeLessThan(Math.max(...amounts));
    // …and enough requests were declined to prove the race was real.
    expect(declined.length).toBeGreaterThan(50);

    // Retries of every request, crossed over to the other process, replay the first result.
    const replays = await Promise.all(
      amounts.slice(0, 100).map((fen, i) =>
        post(i % 2 === 0 ? second.url : api.url, {
          accountId,
          amount: (fen / 100).toFixed(2),
          category: 'DIGITAL',
          merchant: 'race',
          idempotencyKey: `race-${i}`,
        }),
      ),
    );
    replays.forEach((r, i) => {
      expect(r.replayed).toBe(true);
      expect(r.purchase.id).toBe(results[i]!.purchase.id);
      expect(r.decision).toBe(results[i]!.decision);
    });
    const [again] = await api.sql<any>(
      `select held_fen::int as held, (select count(*)::int from purchases where account_id = ?) as n from credit_accounts where id = ?`,
      [c.accountId, c.accountId],
    );
    expect(again).toEqual({ held: heldFen, n: N });
    await expectReconciled(api);
  });

  it('the same key sent to both processes at once makes one purchase', async () => {
    const c = await insertCustomer(api, { baseLimitFen: 100_000 });
    const input = {
      accountId: toGlobalId('CreditAccount', c.accountId),
      amount: '5.00',
      category: 'DIGITAL',
      merchant: 'twin',
      idempotencyKey: 'twin-key',
    };
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post(i % 2 ? api.url : second.url, input)),
    );
    expect(new Set(results.map((r) => r.purchase.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    const [a] = await api.sql<any>(
      `select held_fen::int as held from credit_accounts where id = ?`,
      [c.accountId],
    );
    expect(a.held).toBe(500);
  });
});

describe('mixed money operations racing on one account', () => {
  it('authorizations, captures (into plans), releases, repayments and hold expiry in parallel keep every invariant', async () => {
    const { partnerViewer } = await import('../../../../test/harness.js');
    const { AUTHORIZE, CAPTURE, RELEASE, REPAY } = await import('./money-helpers.js');
    const p = partnerViewer((await insertPartner(api, ['purchases:write', 'repayments:write'])).id);
    const c = await insertCustomer(api, { baseLimitFen: 200_000 });
    const accountId = toGlobalId('CreditAccount', c.accountId);
    // Some purchases held up front, to capture and release during the race.
    const held: string[] = [];
    for (let i = 0; i < 40; i++) {
      const r = await api.exec<any>(p, AUTHORIZE, {
        input: {
          accountId,
          amount: '20.00',
          category: 'DIGITAL',
          merchant: 'pre',
          idempotencyKey: `pre-${i}`,
        },
      });
      held.push(r.data!.authorizePurchase.purchase.id);
    }
    await api.sql(
      `update holds set expires_at = now() - interval '1 second' where purchase_id in (select id from purchases where merchant = 'pre' and account_id = ? order by id limit 5)`,
      [c.accountId],
    );
    const ops: Promise<unknown>[] = [];
    for (let i = 0; i < 120; i++)
      ops.push(
        api.exec(p, AUTHORIZE, {
          input: {
            accountId,
            amount: `${(1 + (i % 30)).toFixed(2)}`,
            category: 'DIGITAL',
            merchant: 'race',
            idempotencyKey: `mix-${i}`,
          },
        }),
      );
    held.slice(5, 25).forEach((id, i) =>
      ops.push(
        api.exec(p, CAPTURE, {
          input: {
            purchaseId: id,
            term: i % 2 ? 'M3' : 'DEFERRED_30',
            idempotencyKey: `cap-${i}`,
          },
        }),
      ),
    );
    held
      .slice(25)
      .forEach((id, i) =>
        ops.push(api.exec(p, RELEASE, { input: { purchaseId: id, idempotencyKey: `rel-${i}` } })),
      );
    for (let i = 0; i < 30; i++)
      ops.push(
        api.exec(p, REPAY, {
          input: {
            accountId,
            amount: '7.77',
            idempotencyKey: `rep-${i}`,
            paymentReference: `rep-${i}`,
            paymentChannel: 'BANK_CARD',
          },
        }),
      );
    ops.push(api.app.services.purchases.expireHolds(api.orm.em.fork()));
    const results = await Promise.all(ops);
    for (const r of results)
      if (r && typeof r === 'object' && 'errors' in r) expect((r as any).errors).toBeUndefined();
    const [a] = await api.sql<any>(
      `select base_limit_fen::int as base, used_fen::int as used, held_fen::int as held from credit_accounts where id = ?`,
      [c.accountId],
    );
    expect(a.used).toBeLessThanOrEqual(a.base);
    await expectReconciled(api);
  });
});
