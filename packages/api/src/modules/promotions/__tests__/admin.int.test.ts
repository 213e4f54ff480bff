import { beforeAll, describe, expect, it } from 'vitest';
import { riskViewer, supervisorViewer, useTestApi } from '../../../../test/harness.js';
import { insertAgent, insertCustomer } from '../../../../test/fixtures.js';
import { toGlobalId } from '../../../graphql/relay.js';
import type { Viewer } from '../../auth/viewer.js';
import { noFraudRules } from '../../purchases/purchase-rules.js';
import { authorize, expectReconciled, partner } from '../../purchases/__tests__/money-helpers.js';

const api = useTestApi();
let risk: Viewer;
let sup: Viewer;
let p: Viewer;
beforeAll(async () => {
  risk = riskViewer(await insertAgent(api, 'risk-admin', 'RISK_ADMIN'));
  sup = supervisorViewer(await insertAgent(api, 'sup-admin', 'SUPERVISOR'));
  p = await partner(api);
  api.app.services.purchases.rules = noFraudRules;
});

const SET = `mutation($i: SetCategoryLimitInput!) { setCategoryLimit(input: $i) { changed skipped account { categoryLimits { category limit { amount } used { amount } } latestDecision { kind reasons { code } } } userErrors { code field message } } }`;
const REMOVE = `mutation($i: RemoveCategoryLimitInput!) { removeCategoryLimit(input: $i) { changed skipped account { categoryLimits { category } } userErrors { code field } } }`;

describe('category limits (专项额度)', () => {
  it('risk admins set, change and remove one for an account; the category is checked; enforcement runs', async () => {
    const c = await insertCustomer(api, { baseLimitFen: 1_000_000 });
    const target = { accountId: toGlobalId('CreditAccount', c.accountId) };
    const i = { target, category: 'TRAVEL', limit: '500' };
    expect((await api.exec(sup, SET, { i })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(
      (await api.exec(risk, SET, { i: { ...i, category: 'YACHTS' } })).data.setCategoryLimit
        .userErrors[0],
    ).toMatchObject({ code: 'UNKNOWN_CATEGORY', field: ['category'] });
    const set = (await api.exec(risk, SET, { i })).data.setCategoryLimit;
    expect(set).toMatchObject({
      changed: 1,
      skipped: 0,
      account: {
        categoryLimits: [
          { category: 'TRAVEL', limit: { amount: '500.00' }, used: { amount: '0.00' } },
        ],
        latestDecision: { kind: 'MANUAL', reasons: [{ code: 'CATEGORY_LIMIT_SET' }] },
      },
      userErrors: [],
    });
    // the limit is enforced on a purchase in the category, not elsewhere
    expect(await authorize(api, p, c.accountId, '600', { category: 'TRAVEL' })).toMatchObject({
      decision: 'DECLINED',
      declineCode: 'CATEGORY_LIMIT_EXHAUSTED',
    });
    expect(await authorize(api, p, c.accountId, '400', { category: 'TRAVEL' })).toMatchObject({
      decision: 'HELD',
    });
    expect(await authorize(api, p, c.accountId, '600', { category: 'DIGITAL' })).toMatchObject({
      decision: 'HELD',
    });
    // changed: same value changes nothing; a new value is a second decision
    expect((await api.exec(risk, SET, { i })).data.setCategoryLimit.changed).toBe(0);
    expect(
      (await api.exec(risk, SET, { i: { ...i, limit: '800' } })).data.setCategoryLimit.changed,
    ).toBe(1);
    // in use (a live hold): not removed
    const inUse = (await api.exec(risk, REMOVE, { i: { target, category: 'TRAVEL' } })).data
      .removeCategoryLimit;
    expect(inUse.userErrors[0].code).toBe('CATEGORY_LIMIT_IN_USE');
    await expectReconciled(api);
    const notices = await api.sql<any>(
      `select kind, payload->>'category' as category from notices where customer_id = ?`,
      [c.customerId],
    );
    expect(notices).toEqual([
      { kind: 'CATEGORY_LIMIT_CHANGED', category: 'TRAVEL' },
      { kind: 'CATEGORY_LIMIT_CHANGED', category: 'TRAVEL' },
    ]);
    const d = await insertCustomer(api, { baseLimitFen: 1_000_000 });
    const t2 = { accountId: toGlobalId('CreditAccount', d.accountId) };
    await api.exec(risk, SET, { i: { ...i, target: t2 } });
    const removed = (await api.exec(risk, REMOVE, { i: { target: t2, category: 'travel' } })).data
      .removeCategoryLimit;
    expect(removed).toMatchObject({ changed: 1, account: { categoryLimits: [] }, userErrors: [] });
    expect(
      (await api.exec(risk, REMOVE, { i: { target: t2, category: 'TRAVEL' } })).data
        .removeCategoryLimit.userErrors[0].code,
    ).toBe('NO_CATEGORY_LIMIT');
  });

  it('for a segment (grade, income band): every ACTIVE account in it, set-based', async () => {
    const cs = [];
    for (let k = 0; k < 4; k++) {
      const c = await insertCustomer(api, {
        baseLimitFen: 600_000,
        incomeBand: k < 3 ? 'LOW' : 'HIGH',
      });
      await api.sql(`update credit_accounts set grade = 'D' where id = ?`, [c.accountId]);
      cs.push(c);
    }
    await api.sql(`update credit_accounts set status = 'FROZEN' where id = ?`, [cs[2]!.accountId]);
    const r = (
      await api.exec(risk, SET, {
        i: { target: { grade: 'D', incomeBand: 'LOW' }, category: 'ELECTRONICS', limit: '1000' },
      })
    ).data.setCategoryLimit;
    expect(r).toMatchObject({ changed: 2, skipped: 0, account: null, userErrors: [] });
    const rows = await api.sql<any>(
      `select account_id::text from category_limits where category = 'ELECTRONICS' order by account_id`,
    );
    expect(rows.map((x: any) => x.account_id)).toEqual([cs[0]!.accountId, cs[1]!.accountId]);
    expect(
      (await api.exec(risk, SET, { i: { target: {}, category: 'ELECTRONICS', limit: '1000' } }))
        .data.setCategoryLimit.userErrors[0].code,
    ).toBe('TARGET_REQUIRED');
    // A grade outside A–E is refused by the schema (Grade is an enum) before the mutation runs.
    expect(
      (
        await api.exec(risk, SET, {
          i: { target: { grade: 'Z' }, category: 'ELECTRONICS', limit: '1000' },
        })
      ).errors?.[0]?.extensions?.code,
    ).toBe('BAD_USER_INPUT');
    const rm = (
      await api.exec(risk, REMOVE, { i: { target: { grade: 'D' }, category: 'ELECTRONICS' } })
    ).data.removeCategoryLimit;
    expect(rm).toMatchObject({ changed: 2, skipped: 0 });
  });
});

describe('promotions administered', () => {
  const CREATE = `mutation($i: CreatePromotionInput!) { createPromotion(input: $i) { promotion { id status grantedAccounts } userErrors { code field } } }`;
  const UPDATE = `mutation($i: UpdatePromotionInput!) { updatePromotion(input: $i) { promotion { id name status amount { amount } grantedAccounts eligibleGrades } userErrors { code field message } } }`;
  const CANCEL = `mutation($i: CancelPromotionInput!) { cancelPromotion(input: $i) { promotion { status grantedAccounts } userErrors { code field } } }`;
  const LIST = `query($s: [PromotionStatus!]) { promotions(first: 10, status: $s) { edges { node { id name status grantedAccounts category } } } }`;
  const day = 86_400_000;

  it('lists, edits before the start, cancels (revoking and telling customers); promotions do not stack (policy)', async () => {
    const a = await insertCustomer(api, { baseLimitFen: 1_000_000 });
    const b = await insertCustomer(api, { baseLimitFen: 1_000_000 });
    await api.sql(`update credit_accounts set grade = 'A' where id in (?, ?)`, [
      a.accountId,
      b.accountId,
    ]);
    await api.sql(`update credit_accounts set grade = 'B' where id = ?`, [b.accountId]);
    const future = {
      name: '双12',
      startsAt: new Date(Date.now() + 5 * day).toISOString(),
      endsAt: new Date(Date.now() + 12 * day).toISOString(),
      eligibleGrades: ['A'],
      amount: '300.00',
    };
    const created = (await api.exec(risk, CREATE, { i: future })).data.createPromotion;
    expect(created.userErrors).toEqual([]);
    expect(created.promotion).toMatchObject({ status: 'SCHEDULED', grantedAccounts: 1 });
    const id = created.promotion.id;
    const up = (
      await api.exec(risk, UPDATE, {
        i: { promotionId: id, amount: '400', eligibleGrades: ['A', 'B'] },
      })
    ).data.updatePromotion;
    expect(up.userErrors).toEqual([]);
    expect(up.promotion).toMatchObject({
      amount: { amount: '400.00' },
      grantedAccounts: 2,
      eligibleGrades: ['A', 'B'],
    });
    expect(
      (await api.exec(risk, UPDATE, { i: { promotionId: id, category: 'YACHTS' } })).data
        .updatePromotion.userErrors[0].code,
    ).toBe('UNKNOWN_CATEGORY');
    // a second campaign overlapping in time is not granted to accounts holding the first
    const overlap = (
      await api.exec(risk, CREATE, {
        i: { ...future, name: 'overlap', startsAt: new Date(Date.now() + 6 * day).toISOString() },
      })
    ).data.createPromotion;
    expect(overlap.promotion.grantedAccounts).toBe(0);
    // a running promotion cannot be edited, only cancelled
    const running = (
      await api.exec(risk, CREATE, {
        i: {
          ...future,
          name: 'now',
          startsAt: new Date(Date.now() - day).toISOString(),
          endsAt: new Date(Date.now() + 2 * day).toISOString(),
        },
      })
    ).data.createPromotion.promotion;
    expect(
      (await api.exec(risk, UPDATE, { i: { promotionId: running.id, name: 'x' } })).data
        .updatePromotion.userErrors[0].code,
    ).toBe('PROMOTION_STARTED');
    const list = (await api.exec(sup, LIST, { s: ['SCHEDULED'] })).data.promotions.edges.map(
      (e: any) => e.node.name,
    );
    expect(list).toEqual(['overlap', '双12']);
    const cancelled = (
      await api.exec(risk, CANCEL, { i: { promotionId: id, reason: 'budget cut' } })
    ).data.cancelPromotion;
    expect(cancelled).toMatchObject({
      promotion: { status: 'CANCELLED', grantedAccounts: 0 },
      userErrors: [],
    });
    expect(
      (await api.exec(risk, CANCEL, { i: { promotionId: id, reason: 'again' } })).data
        .cancelPromotion.userErrors[0].code,
    ).toBe('PROMOTION_OVER');
    const n = await api.sql<any>(
      `select kind from notices where customer_id = ? and kind = 'PROMOTION_CANCELLED'`,
      [a.customerId],
    );
    expect(n).toHaveLength(1);
    const [last] = await api.sql<any>(
      `select kind, temporary_amount_fen::int as t, reasons->0->>'code' as code from limit_decisions where account_id = ? order by id desc limit 1`,
      [a.accountId],
    );
    expect(last).toEqual({ kind: 'PROMOTION', t: 0, code: 'PROMOTION_CANCELLED' });
    const e = await api.exec(
      risk,
      `query($id: ID!) { node(id: $id) { ... on CreditAccount { explanation(locale: EN) { headline } } } }`,
      { id: toGlobalId('CreditAccount', a.accountId) },
    );
    expect(e.data.node.explanation.headline).toMatch(/temporary limit was withdrawn/);
    expect((await api.exec(sup, LIST, { s: ['NOPE'] })).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
  });
});
