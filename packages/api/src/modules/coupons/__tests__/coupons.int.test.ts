import { beforeAll, describe, expect, it } from 'vitest';
import { agentViewer, riskViewer, useTestApi } from '../../../../test/harness.js';
import { insertAgent, insertCustomer } from '../../../../test/fixtures.js';
import { fromGlobalId, toGlobalId } from '../../../graphql/relay.js';
import type { Viewer } from '../../auth/viewer.js';
import { noFraudRules } from '../../purchases/purchase-rules.js';
import {
  CAPTURE,
  authorize,
  expectReconciled,
  key,
  partner,
} from '../../purchases/__tests__/money-helpers.js';

const api = useTestApi();
let p: Viewer;
let risk: Viewer;
beforeAll(async () => {
  p = await partner(api);
  api.app.services.purchases.rules = noFraudRules;
  risk = riskViewer(await insertAgent(api, `couponrisk${Date.now()}`, 'RISK_ADMIN'));
});

const CREATE = `mutation($i: CreateCouponCampaignInput!) { createCouponCampaign(input: $i) { campaign { id name issuedCount budgetCoupons } userErrors { code field } } }`;
const ISSUE = `mutation($i: IssueCouponsInput!) { issueCoupons(input: $i) { issued skippedCustomerIds campaign { issuedCount usedCount expiredCount } userErrors { code } } }`;
const USABLE = `query($id: ID!) { node(id: $id) { ... on CreditAccount { usableCoupons { id code freePeriods terms expiresAt } } } }`;
const campaignInput = (over: Record<string, unknown> = {}) => ({
  name: '双11 免息',
  freePeriods: 3,
  terms: ['M3', 'M6'],
  startsAt: new Date(Date.now() - 86_400_000).toISOString(),
  endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  couponValidDays: 14,
  budgetCoupons: 3,
  perCustomerLimit: 1,
  ...over,
});

describe('coupons as issued objects', () => {
  it('risk admins create campaigns and issue within budget and per-customer limit; others may not', async () => {
    expect(
      (await api.exec<any>(agentViewer(), CREATE, { i: campaignInput() })).errors?.[0]?.extensions
        ?.code,
    ).toBe('FORBIDDEN');
    const bad = (
      await api.exec<any>(risk, CREATE, { i: campaignInput({ terms: ['DEFERRED_30'] }) })
    ).data!.createCouponCampaign;
    expect(bad.userErrors[0]).toMatchObject({ code: 'UNKNOWN_TERM', field: ['terms'] });
    const made = (await api.exec<any>(risk, CREATE, { i: campaignInput() })).data!
      .createCouponCampaign;
    expect(made.userErrors).toEqual([]);
    const cs = await Promise.all([1, 2, 3, 4].map(() => insertCustomer(api)));
    const ids = cs.map((c) => toGlobalId('Customer', c.customerId));
    const first = (
      await api.exec<any>(risk, ISSUE, {
        i: { campaignId: made.campaign.id, customerIds: ids.slice(0, 2) },
      })
    ).data!.issueCoupons;
    expect(first).toMatchObject({
      issued: 2,
      skippedCustomerIds: [],
      campaign: { issuedCount: 2 },
    });
    const again = (
      await api.exec<any>(risk, ISSUE, {
        i: { campaignId: made.campaign.id, customerIds: [ids[0]] },
      })
    ).data!.issueCoupons;
    expect(again).toMatchObject({ issued: 0, skippedCustomerIds: [ids[0]] });
    const over = (
      await api.exec<any>(risk, ISSUE, {
        i: { campaignId: made.campaign.id, customerIds: ids.slice(2) },
      })
    ).data!.issueCoupons;
    expect(over.userErrors[0].code).toBe('CAMPAIGN_BUDGET_EXHAUSTED');
    const list = await api.exec<any>(risk, `{ couponCampaigns { id name issuedCount usedCount } }`);
    expect(list.data!.couponCampaigns[0]).toMatchObject({
      id: made.campaign.id,
      issuedCount: 2,
      usedCount: 0,
    });
  });

  it('a coupon is used once by its own customer, comes back on a full refund, and expires', async () => {
    const made = (await api.exec<any>(risk, CREATE, { i: campaignInput({ budgetCoupons: 10 }) }))
      .data!.createCouponCampaign;
    const c = await insertCustomer(api);
    const stranger = await insertCustomer(api);
    await api.exec<any>(risk, ISSUE, {
      i: { campaignId: made.campaign.id, customerIds: [toGlobalId('Customer', c.customerId)] },
    });
    const usable = async (accountId: string) =>
      (await api.exec<any>(p, USABLE, { id: toGlobalId('CreditAccount', accountId) })).data!.node
        .usableCoupons;
    const [coupon] = await usable(c.accountId);
    expect(coupon).toMatchObject({ freePeriods: 3, terms: ['M3', 'M6'] });
    // Quote with it: the M3 fees are waived.
    const q = await api.exec<any>(
      p,
      `query($a: ID, $c: String) { quoteInstallments(amount: "600", accountId: $a, couponCode: $c) { term couponApplied totalFee { amount } } }`,
      { a: toGlobalId('CreditAccount', c.accountId), c: coupon.code },
    );
    expect(q.data!.quoteInstallments.find((x: any) => x.term === 'M3')).toMatchObject({
      couponApplied: true,
      totalFee: { amount: '0.00' },
    });
    // Its terms are not told without its own customer's account (nor for another customer's).
    const QUOTE = `query($a: ID, $c: String) { quoteInstallments(amount: "600", accountId: $a, couponCode: $c) { term } }`;
    for (const a of [null, toGlobalId('CreditAccount', stranger.accountId)])
      expect(
        (await api.exec<any>(p, QUOTE, { a, c: coupon.code })).errors?.[0]?.extensions?.code,
      ).toBe('BAD_USER_INPUT');
    // Another customer cannot use it.
    const s = await authorize(api, p, stranger.accountId, '600');
    const theirs = (
      await api.exec<any>(p, CAPTURE, {
        input: {
          purchaseId: s.purchase.id,
          term: 'M3',
          couponCode: coupon.code,
          idempotencyKey: key(),
        },
      })
    ).data!.capturePurchase;
    expect(theirs.userErrors[0].code).toBe('UNKNOWN_COUPON');
    // Used once.
    const a = await authorize(api, p, c.accountId, '600');
    const used = (
      await api.exec<any>(p, CAPTURE, {
        input: {
          purchaseId: a.purchase.id,
          term: 'M3',
          couponCode: coupon.code,
          idempotencyKey: key(),
        },
      })
    ).data!.capturePurchase;
    expect(used.userErrors).toEqual([]);
    const [plan] = await api.sql<any>(
      `select total_fee_fen::int as fee, coupon_id from installment_plans where purchase_id = ?`,
      [fromGlobalId(a.purchase.id)!.id],
    );
    expect(plan.fee).toBe(0);
    expect(await usable(c.accountId)).toEqual([]);
    const b = await authorize(api, p, c.accountId, '100');
    const twice = (
      await api.exec<any>(p, CAPTURE, {
        input: {
          purchaseId: b.purchase.id,
          term: 'M3',
          couponCode: coupon.code,
          idempotencyKey: key(),
        },
      })
    ).data!.capturePurchase;
    expect(twice.userErrors[0].code).toBe('COUPON_USED');
    // A full refund gives it back.
    const REFUND = `mutation($input: RefundPurchaseInput!) { refundPurchase(input: $input) { userErrors { code } } }`;
    const half = (
      await api.exec<any>(p, REFUND, {
        input: {
          purchaseId: a.purchase.id,
          amount: '300',
          merchantReference: key('r'),
          idempotencyKey: key(),
        },
      })
    ).data!.refundPurchase;
    expect(half.userErrors).toEqual([]);
    expect(await usable(c.accountId)).toEqual([]);
    await api.exec<any>(p, REFUND, {
      input: {
        purchaseId: a.purchase.id,
        amount: '300',
        merchantReference: key('r'),
        idempotencyKey: key(),
      },
    });
    expect((await usable(c.accountId)).map((x: any) => x.code)).toEqual([coupon.code]);
    // Expired: no longer usable.
    await api.sql(`update coupons set expires_at = now() - interval '1 minute' where code = ?`, [
      coupon.code,
    ]);
    expect(await usable(c.accountId)).toEqual([]);
    const late = (
      await api.exec<any>(p, CAPTURE, {
        input: {
          purchaseId: b.purchase.id,
          term: 'M3',
          couponCode: coupon.code,
          idempotencyKey: key(),
        },
      })
    ).data!.capturePurchase;
    expect(late.userErrors[0].code).toBe('COUPON_EXPIRED');
    await expectReconciled(api);
  });
});

describe('coupons under attack', () => {
  it('one coupon raced by two captures of its customer is used once', async () => {
    const made = (await api.exec<any>(risk, CREATE, { i: campaignInput({ budgetCoupons: 5 }) }))
      .data!.createCouponCampaign;
    const c = await insertCustomer(api, { baseLimitFen: 1_000_000 });
    await api.exec<any>(risk, ISSUE, {
      i: { campaignId: made.campaign.id, customerIds: [toGlobalId('Customer', c.customerId)] },
    });
    const [coupon] = (
      await api.exec<any>(p, USABLE, { id: toGlobalId('CreditAccount', c.accountId) })
    ).data!.node.usableCoupons;
    const buys = [
      await authorize(api, p, c.accountId, '600'),
      await authorize(api, p, c.accountId, '900'),
    ];
    const results = await Promise.all(
      buys.map(
        async (b) =>
          (
            await api.exec<any>(p, CAPTURE, {
              input: {
                purchaseId: b.purchase.id,
                term: 'M3',
                couponCode: coupon.code,
                idempotencyKey: key(),
              },
            })
          ).data!.capturePurchase,
      ),
    );
    expect(results.map((r) => r.userErrors[0]?.code ?? 'OK').sort()).toEqual(['COUPON_USED', 'OK']);
    const [{ n }] = await api.sql<any>(
      `select count(*)::int as n from installment_plans where account_id = ? and coupon_id is not null`,
      [c.accountId],
    );
    expect(n).toBe(1);
    await expectReconciled(api);
  });
});
