import { beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { useTestApi } from '../../../../test/harness.js';
import { insertCustomer } from '../../../../test/fixtures.js';
import type { Viewer } from '../../auth/viewer.js';
import { noFraudRules } from '../purchase-rules.js';
import { BATCH_SQL } from '../authorize-batch.js';
import { purchaseNeedsReview } from '../../plans/pricing.js';
import { account, expectReconciled, key, partner } from './money-helpers.js';

/**
 * Authorizations that arrive together are decided in one statement (authorize-batch.ts). These
 * tests call the service in one tick, so the requests share a batch, and check that the batch
 * decides exactly as one-by-one requests in arrival order would.
 */
const api = useTestApi();
let p: Viewer;

beforeAll(async () => {
  p = await partner(api);
  api.app.services.purchases.rules = noFraudRules;
});

const authorizeAll = (
  items: { accountId: string; amountFen: number; idempotencyKey?: string; category?: string }[],
) =>
  Promise.all(
    items.map((i) =>
      api.app.services.purchases.authorize(api.orm.em.fork(), p, {
        category: 'DIGITAL',
        merchant: 'batch test',
        idempotencyKey: key('b'),
        ...i,
      }),
    ),
  );

/** How many batched money statements the driver sent while `fn` ran, and the accounts of each. */
async function counted<T>(
  fn: () => Promise<T>,
): Promise<{ statements: number; accounts: string[][]; result: T }> {
  const accounts: string[][] = [];
  const orig = pg.Client.prototype.query;
  (pg.Client.prototype as any).query = function (...args: unknown[]) {
    const q = args[0] as { name?: string; text?: string; values?: unknown[] };
    // By its text: behind a transaction pooler (pnpm test:pgbouncer) the statement has no name.
    if (q?.text === BATCH_SQL) accounts.push((q.values![4] as string[]).map(String));
    return (orig as (...a: unknown[]) => unknown).apply(this, args);
  };
  try {
    const result = await fn();
    return { statements: accounts.length, accounts, result };
  } finally {
    pg.Client.prototype.query = orig;
  }
}

describe('authorizations decided together', () => {
  it("take one account's requests in arrival order: a small one after a refused large one still fits", async () => {
    const c = await insertCustomer(api, { baseLimitFen: 10_000 });
    const { statements, result } = await counted(() =>
      authorizeAll(
        [8_000, 5_000, 1_000, 1_000, 500].map((amountFen) => ({
          accountId: c.accountId,
          amountFen,
        })),
      ),
    );
    expect(statements).toBe(1);
    expect(
      result.map((r) => (r.ok ? [r.value.status, r.value.declineCode] : r.errors[0]!.code)),
    ).toEqual([
      ['HELD', null],
      ['DECLINED', 'OVER_LIMIT'],
      ['HELD', null],
      ['HELD', null],
      ['DECLINED', 'OVER_LIMIT'],
    ]);
    expect(await account(api, c.accountId)).toMatchObject({ held: 10_000, used: 10_000 });
    await expectReconciled(api);
  });

  it('decide many accounts, a frozen one, a missing one, one for review and a repeated key in one go', async () => {
    const a = await insertCustomer(api, { baseLimitFen: 50_000 });
    const b = await insertCustomer(api, { baseLimitFen: 50_000 });
    const frozen = await insertCustomer(api, { baseLimitFen: 50_000 });
    await api.sql(`update credit_accounts set status = 'FROZEN' where id = ?`, [frozen.accountId]);
    const big = await insertCustomer(api, { baseLimitFen: 100_000_000 });
    let reviewAmount = 100;
    while (!purchaseNeedsReview(reviewAmount)) reviewAmount *= 2;
    const repeated = key('same');
    const { statements, result } = await counted(() =>
      authorizeAll([
        { accountId: a.accountId, amountFen: 30_000 },
        { accountId: b.accountId, amountFen: 60_000 },
        { accountId: frozen.accountId, amountFen: 100 },
        { accountId: '999999999', amountFen: 100 },
        { accountId: big.accountId, amountFen: reviewAmount },
        { accountId: a.accountId, amountFen: 20_000, idempotencyKey: repeated },
        { accountId: a.accountId, amountFen: 20_000, idempotencyKey: repeated },
      ]),
    );
    // Two statements share the two slots (account a brings its second request into the first);
    // the repeated key waits until its first is decided and goes in a third, as a replay.
    expect(statements).toBe(3);
    const got = result.map((r) =>
      r.ok ? [r.value.status, r.value.declineCode] : r.errors[0]!.code,
    );
    expect(got).toEqual([
      ['HELD', null],
      ['DECLINED', 'OVER_LIMIT'],
      ['DECLINED', 'ACCOUNT_FROZEN'],
      'ACCOUNT_NOT_FOUND',
      ['PENDING_REVIEW', null],
      ['HELD', null],
      ['HELD', null],
    ]);
    const [first, second] = [result[5]!, result[6]!];
    expect(first.ok && second.ok && first.value.purchaseId === second.value.purchaseId).toBe(true);
    expect(second.replayed).toBe(true);
    expect(await account(api, a.accountId)).toMatchObject({ held: 50_000 });
    expect(await account(api, b.accountId)).toMatchObject({ held: 0 });
    expect(await account(api, big.accountId)).toMatchObject({ held: 0 });
    await expectReconciled(api);
  });

  it('share what waits between the two slots, keeping each account in one statement', async () => {
    const cs = await Promise.all(
      [1, 2, 3, 4].map(() => insertCustomer(api, { baseLimitFen: 10_000 })),
    );
    const [a, b, c, d] = cs.map((x) => x.accountId) as [string, string, string, string];
    const { accounts, result } = await counted(() =>
      authorizeAll([a, a, b, b, c, c, d, d].map((accountId) => ({ accountId, amountFen: 6_000 }))),
    );
    // (the two statements run side by side: either may reach the server first)
    expect(accounts.map((x) => [...new Set(x)].sort().join()).sort()).toEqual(
      [[a, b].sort().join(), [c, d].sort().join()].sort(),
    );
    // each account: the first fits, the second (arrived later, same statement) does not
    expect(result.map((r) => (r.ok ? r.value.status : 'error'))).toEqual(
      Array.from({ length: 4 }, () => ['HELD', 'DECLINED']).flat(),
    );
    await expectReconciled(api);
  });

  it('a burst on one account never overspends it, whatever the batches', async () => {
    const c = await insertCustomer(api, { baseLimitFen: 100_000 });
    const amounts = Array.from({ length: 200 }, (_, i) => 500 + ((i * 37) % 7) * 100);
    const result = await authorizeAll(
      amounts.map((amountFen) => ({ accountId: c.accountId, amountFen })),
    );
    const held = result.reduce(
      (s, r, i) => s + (r.ok && r.value.status === 'HELD' ? amounts[i]! : 0),
      0,
    );
    expect(held).toBeLessThanOrEqual(100_000);
    expect(held).toBeGreaterThan(100_000 - 1_100); // greedy: what is left is smaller than any refused amount
    expect(await account(api, c.accountId)).toMatchObject({ held, used: held });
    await expectReconciled(api);
  });
});
