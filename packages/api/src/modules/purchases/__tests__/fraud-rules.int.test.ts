import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supervisorViewer, useTestApi } from '../../../../test/harness.js';
import { insertCustomer, insertPartner } from '../../../../test/fixtures.js';
import { startApiProcess, type ApiProcess } from '../../../../test/api-process.js';
import { toGlobalId } from '../../../graphql/relay.js';
import type { Viewer } from '../../auth/viewer.js';
import { MISSING_DEVICE_ID_ABOVE_FEN } from '../../plans/pricing.js';
import { defaultFraudRules, noFraudRules, type FraudRules } from '../purchase-rules.js';
import {
  account,
  authorize,
  CAPTURE,
  expectReconciled,
  key,
  partner,
  RELEASE,
} from './money-helpers.js';

/**
 * The velocity and new-device rules are decided under the account lock (issue 12, part 7): the
 * rule's count holds however many requests race, from however many API processes; a device is
 * known only through a captured purchase; a missing device id is no way around the device rule.
 */
const api = useTestApi();
let p: Viewer;

beforeAll(async () => {
  p = await partner(api);
});

/** Run `fn` with these rules in the in-process app, then switch them off again. */
async function withRules<T>(rules: FraudRules, fn: () => Promise<T>): Promise<T> {
  api.app.services.purchases.rules = rules;
  try {
    return await fn();
  } finally {
    api.app.services.purchases.rules = noFraudRules;
  }
}

const DECIDE = `mutation($i: DecidePurchaseInput!) { approvePurchase(input: $i) { purchase { status } userErrors { code } } }`;
const REJECT = `mutation($i: DecidePurchaseInput!) { rejectPurchase(input: $i) { purchase { status } userErrors { code } } }`;

describe('500 authorizations on one account from two API processes', () => {
  const procs: ApiProcess[] = [];
  afterAll(async () => {
    await Promise.all(procs.map((x) => x.stop()));
  });

  it(
    'let through exactly the velocity rule’s count, never more, and never overspend',
    { timeout: 400_000 },
    async () => {
      // Two real API processes (own pools, own batchers) with the default rules: at most 10
      // authorizations per account in 10 minutes.
      const url = api.orm.config.get('clientUrl')!;
      procs.push(...(await Promise.all([startApiProcess(url), startApiProcess(url)])));
      const { apiKey } = await insertPartner(api, ['purchases:write']);
      const limitFen = 4_000; // ¥40: ten purchases of ¥1–¥9.99 do not all fit
      const c = await insertCustomer(api, { baseLimitFen: limitFen });
      const N = 500;
      const amounts = Array.from({ length: N }, (_, i) => 100 + ((i * 7919) % 900));
      const results = await Promise.all(
        amounts.map(async (fen, i) => {
          const res = await fetch(`${procs[i % 2]!.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
            body: JSON.stringify({
              query: `mutation($input: AuthorizePurchaseInput!) { authorizePurchase(input: $input) { decision declineCode userErrors { code } } }`,
              variables: {
                input: {
                  accountId: toGlobalId('CreditAccount', c.accountId),
                  amount: (fen / 100).toFixed(2),
                  category: 'DIGITAL',
                  merchant: 'race',
                  idempotencyKey: `velocity-race-${i}`,
                },
              },
            }),
          });
          const body = (await res.json()) as any;
          if (body.errors) throw new Error(JSON.stringify(body.errors));
          return {
            fen,
            ...(body.data.authorizePurchase as { decision: string; declineCode: string | null }),
          };
        }),
      );
      const byVelocity = results.filter((r) => r.declineCode === 'RISK_RULE_VELOCITY_COUNT');
      const decidedByLimit = results.filter((r) => r.declineCode !== 'RISK_RULE_VELOCITY_COUNT');
      // Every attempt counts, whatever its decision: exactly the first ten (in lock order) got
      // past the rule, and the limit decided those.
      expect(decidedByLimit).toHaveLength(defaultFraudRules.velocity.maxCount);
      expect(byVelocity).toHaveLength(N - defaultFraudRules.velocity.maxCount);
      expect(
        decidedByLimit.every(
          (r) =>
            r.decision === 'HELD' || (r.decision === 'DECLINED' && r.declineCode === 'OVER_LIMIT'),
        ),
      ).toBe(true);
      const held = decidedByLimit.filter((r) => r.decision === 'HELD');
      expect(held.length).toBeGreaterThan(0);
      const heldFen = held.reduce((s, r) => s + r.fen, 0);
      expect(heldFen).toBeLessThanOrEqual(limitFen);
      expect(await account(api, c.accountId)).toMatchObject({ held: heldFen, used: heldFen });
      const [n] = await api.sql<{ n: number }>(
        `select count(*)::int as n from purchases where account_id = ?`,
        [c.accountId],
      );
      expect(n!.n).toBe(N);
      await expectReconciled(api);
    },
  );
});

describe('velocity inside one statement', () => {
  it('counts the requests before it in the same batch, by number and by amount', async () => {
    await withRules(
      {
        ...noFraudRules,
        velocity: { ...defaultFraudRules.velocity, maxCount: 3, maxAmountFen: 1_000_000 },
      },
      async () => {
        const c = await insertCustomer(api, { baseLimitFen: 1_000_000 });
        // Same tick: one batch, one statement.
        const got = await Promise.all(
          Array.from({ length: 6 }, () =>
            api.app.services.purchases.authorize(api.orm.em.fork(), p, {
              accountId: c.accountId,
              amountFen: 100,
              category: 'DIGITAL',
              merchant: 'batch',
              idempotencyKey: key('vb'),
            }),
          ),
        );
        expect(got.map((r) => (r.ok ? (r.value.declineCode ?? r.value.status) : 'error'))).toEqual([
          'HELD',
          'HELD',
          'HELD',
          ...Array(3).fill('RISK_RULE_VELOCITY_COUNT'),
        ]);
        api.app.services.purchases.rules = {
          ...noFraudRules,
          velocity: { ...defaultFraudRules.velocity, maxCount: 100, maxAmountFen: 1_000_000 },
        };
        const d = await insertCustomer(api, { baseLimitFen: 1_000_000 });
        const amounts = [400_000, 500_000, 200_000, 100_000];
        const byAmount = await Promise.all(
          amounts.map((amountFen) =>
            api.app.services.purchases.authorize(api.orm.em.fork(), p, {
              accountId: d.accountId,
              amountFen,
              category: 'DIGITAL',
              merchant: 'batch',
              idempotencyKey: key('va'),
            }),
          ),
        );
        // ¥4,000 + ¥5,000 held; ¥2,000 more would pass ¥10,000; ¥1,000 still fits the rule.
        expect(
          byAmount.map((r) => (r.ok ? (r.value.declineCode ?? r.value.status) : 'error')),
        ).toEqual(['HELD', 'HELD', 'RISK_RULE_VELOCITY_AMOUNT', 'HELD']);
        await expectReconciled(api);
      },
    );
  });
});

describe('a device becomes known only through a captured purchase', () => {
  it('a rejected, a declined or a released purchase teaches nothing; a captured one does', async () => {
    const sup = supervisorViewer();
    await withRules(
      { ...noFraudRules, newDevice: { ...defaultFraudRules.newDevice, minAmountFen: 0 } },
      async () => {
        const c = await insertCustomer(api, { baseLimitFen: 100_000 });
        const reviewNewDevice = { decision: 'PENDING_REVIEW', reasons: ['RISK_RULE_NEW_DEVICE'] };

        // Rejected in review: the device is still new.
        const first = await authorize(api, p, c.accountId, '10', { deviceId: 'dev-a' });
        expect(first).toMatchObject(reviewNewDevice);
        const rejected = await api.exec<any>(sup, REJECT, {
          i: { purchaseId: first.purchase.id, reason: 'not the customer' },
        });
        expect(rejected.data!.rejectPurchase.purchase.status).toBe('REJECTED');
        expect(await authorize(api, p, c.accountId, '10', { deviceId: 'dev-a' })).toMatchObject(
          reviewNewDevice,
        );

        // Declined (over the limit): still new.
        expect(await authorize(api, p, c.accountId, '5000', { deviceId: 'dev-b' })).toMatchObject({
          decision: 'DECLINED',
          declineCode: 'OVER_LIMIT',
          reasons: ['RISK_RULE_NEW_DEVICE'],
        });
        const b = await authorize(api, p, c.accountId, '10', { deviceId: 'dev-b' });
        expect(b).toMatchObject(reviewNewDevice);

        // Approved, held and then released: still new.
        const approved = await api.exec<any>(sup, DECIDE, {
          i: { purchaseId: b.purchase.id, reason: 'called the customer' },
        });
        expect(approved.data!.approvePurchase.purchase.status).toBe('HELD');
        const released = await api.exec<any>(p, RELEASE, {
          input: { purchaseId: b.purchase.id, idempotencyKey: key('rel') },
        });
        expect(released.data!.releasePurchase.purchase.status).toBe('RELEASED');
        expect(await authorize(api, p, c.accountId, '10', { deviceId: 'dev-b' })).toMatchObject(
          reviewNewDevice,
        );

        // Approved, held and captured: now known.
        const a = await authorize(api, p, c.accountId, '10', { deviceId: 'dev-a' });
        await api.exec<any>(sup, DECIDE, { i: { purchaseId: a.purchase.id, reason: 'ok' } });
        const captured = await api.exec<any>(p, CAPTURE, {
          input: { purchaseId: a.purchase.id, idempotencyKey: key('cap') },
        });
        expect(captured.data!.capturePurchase.purchase.status).toBe('CAPTURED');
        expect(await authorize(api, p, c.accountId, '10', { deviceId: 'dev-a' })).toMatchObject({
          decision: 'HELD',
          reasons: [],
        });
        // …for this customer only.
        const other = await insertCustomer(api, { baseLimitFen: 100_000 });
        expect(await authorize(api, p, other.accountId, '10', { deviceId: 'dev-a' })).toMatchObject(
          reviewNewDevice,
        );
        await expectReconciled(api);
      },
    );
  });
});

describe('an authorization without a device id', () => {
  it('above the policy amount is treated as from a new device (the device rule fires), at or below it is not', async () => {
    expect(MISSING_DEVICE_ID_ABOVE_FEN).toBe(50_000); // the scoring policy's default, ¥500
    const c = await insertCustomer(api, { baseLimitFen: 1_000_000 });
    // Default rules: the new-device rule applies from ¥2,000, and to a missing id above ¥500.
    await withRules({ ...defaultFraudRules, velocity: noFraudRules.velocity }, async () => {
      expect(await authorize(api, p, c.accountId, '2500')).toMatchObject({
        decision: 'PENDING_REVIEW',
        reasons: ['RISK_RULE_NEW_DEVICE'],
      });
      expect((await authorize(api, p, c.accountId, '1999.99')).decision).toBe('HELD');
    });
    await withRules(
      {
        ...noFraudRules,
        newDevice: { ...defaultFraudRules.newDevice, minAmountFen: 0, action: 'DECLINE' },
      },
      async () => {
        expect((await authorize(api, p, c.accountId, '500.00')).decision).toBe('HELD');
        expect(await authorize(api, p, c.accountId, '500.01')).toMatchObject({
          decision: 'DECLINED',
          declineCode: 'RISK_RULE_NEW_DEVICE',
        });
        // With a known device the same amount passes.
        await api.sql(`update customers set device_id = 'bound' where id = ?`, [c.customerId]);
        expect(
          (await authorize(api, p, c.accountId, '500.01', { deviceId: 'bound' })).decision,
        ).toBe('HELD');
        // The category path (an account with a category limit) decides the same, under its lock.
        await api.sql(
          `insert into category_limits (account_id, customer_id, category, limit_fen) values (?, ?, 'TRAVEL', 500000)`,
          [c.accountId, c.customerId],
        );
        expect(await authorize(api, p, c.accountId, '600', { category: 'TRAVEL' })).toMatchObject({
          decision: 'DECLINED',
          declineCode: 'RISK_RULE_NEW_DEVICE',
        });
        expect(
          (await authorize(api, p, c.accountId, '600', { category: 'TRAVEL', deviceId: 'bound' }))
            .decision,
        ).toBe('HELD');
      },
    );
    await expectReconciled(api);
  });
});
