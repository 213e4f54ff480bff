import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { useTestApi } from '../../../../test/harness.js';
import { insertCustomer, insertStaff } from '../../../../test/fixtures.js';
import { fromGlobalId, toGlobalId } from '../../../graphql/relay.js';
import type { Viewer } from '../../auth/viewer.js';
import { noFraudRules } from '../../purchases/purchase-rules.js';
import { runOverdue } from '../../overdue/overdue.service.js';
import { applyEarnedRestorationStages } from '../../recovery/restoration.js';
import {
  CAPTURE,
  REPAY,
  account,
  authorize,
  expectReconciled,
  key,
  partner,
} from '../../purchases/__tests__/money-helpers.js';

const api = useTestApi();
let p: Viewer;
let sup: Viewer;
let risk: Viewer;
let agent: Viewer;
beforeAll(async () => {
  p = await partner(api);
  api.app.services.purchases.rules = noFraudRules;
  ({ sup, risk, agent } = await insertStaff(api));
});

const REFUND = `mutation($input: RefundPurchaseInput!) { refundPurchase(input: $input) {
  refund { id amount { amount } principalReduced { amount } feeReduced { amount } credit { amount } merchantReference }
  purchase { id capturedAmount { amount } refundedAmount { amount } } creditApplied { amount } userErrors { code field message } } }`;
const ACCOUNT = `query($id: ID!) { node(id: $id) { ... on CreditAccount { creditBalance { amount } usedAmount { amount }
  installmentPlans(first: 10) { edges { node { id status couponCode fees { charged { amount } paid { amount } waived { amount } outstanding { amount } lateFeesCharged { amount } lateFeesWaived { amount } } } } } } } }`;

const gid = (id: string) => toGlobalId('CreditAccount', id);
const capture = async (purchaseId: string, extra: Record<string, unknown> = {}) =>
  (await api.exec<any>(p, CAPTURE, { input: { purchaseId, idempotencyKey: key(), ...extra } }))
    .data!.capturePurchase;
const refund = async (purchaseId: string, amount: string, ref = key('ref'), k = key()) => {
  const r = await api.exec<any>(p, REFUND, {
    input: { purchaseId, amount, merchantReference: ref, idempotencyKey: k },
  });
  expect(r.errors).toBeUndefined();
  return r.data!.refundPurchase;
};
const repay = async (accountId: string, amount: string) => {
  const k = key();
  const r = await api.exec<any>(p, REPAY, {
    input: {
      accountId: gid(accountId),
      amount,
      idempotencyKey: k,
      paymentReference: `ref-${k}`,
      paymentChannel: 'ALIPAY',
    },
  });
  expect(r.errors).toBeUndefined();
  return r.data!.recordRepayment;
};
const lines = (planId: string) =>
  api.sql<any>(
    `select seq, status, principal_fen::int as p, fee_fen::int as f, paid_principal_fen::int as pp, paid_fee_fen::int as pf, late_fee_fen::int as l from schedule_lines where plan_id = ? order by seq`,
    [planId],
  );
const planOf = async (purchaseGid: string) =>
  (
    await api.sql<any>(`select id::text from installment_plans where purchase_id = ? order by id`, [
      fromGlobalId(purchaseGid)!.id,
    ])
  ).map((r: any) => r.id as string);
const credit = async (accountId: string) =>
  Number(
    (
      await api.sql<any>(`select credit_balance_fen::int as c from credit_accounts where id = ?`, [
        accountId,
      ])
    )[0].c,
  );

describe('partial and multiple captures (split shipments)', () => {
  it('captures in parts, each with its own plan; the final capture releases the rest', async () => {
    const c = await insertCustomer(api, { baseLimitFen: 1_000_000 });
    const a = await authorize(api, p, c.accountId, '1000');
    const first = await capture(a.purchase.id, { amount: '300', term: 'M3' });
    expect(first.userErrors).toEqual([]);
    expect(first.purchase.status).toBe('HELD');
    expect(await account(api, c.accountId)).toMatchObject({ held: 70_000, outstanding: 30_000 });
    const tooMuch = await capture(a.purchase.id, { amount: '800' });
    expect(tooMuch.userErrors[0]).toMatchObject({
      code: 'CAPTURE_EXCEEDS_HOLD',
      field: ['amount'],
    });
    const last = await capture(a.purchase.id, { amount: '500', final: true, term: 'M6' });
    expect(last.userErrors).toEqual([]);
    expect(last.purchase.status).toBe('CAPTURED');
    // ¥200 never shipped: released with the final capture.
    expect(await account(api, c.accountId)).toMatchObject({
      held: 0,
      outstanding: 80_000,
      used: 80_000,
    });
    const plans = await api.sql<any>(
      `select term, principal_fen::int as p from installment_plans where purchase_id = ? order by id`,
      [fromGlobalId(a.purchase.id)!.id],
    );
    expect(plans).toEqual([
      { term: 'M3', p: 30_000 },
      { term: 'M6', p: 50_000 },
    ]);
    const again = await capture(a.purchase.id, { amount: '1' });
    expect(again.userErrors[0].code).toBe('PURCHASE_NOT_HELD');
    await expectReconciled(api);
  });

  it('a partly captured hold gives the rest back at expiry; a hold can be extended once', async () => {
    const c = await insertCustomer(api, { baseLimitFen: 1_000_000 });
    const a = await authorize(api, p, c.accountId, '500');
    const EXTEND = `mutation($i: ExtendHoldInput!) { extendHold(input: $i) { purchase { holdExpiresAt } userErrors { code } } }`;
    const before = (
      await api.sql<any>(`select expires_at from holds where purchase_id = ?`, [
        fromGlobalId(a.purchase.id)!.id,
      ])
    )[0].expires_at;
    const ext = (
      await api.exec<any>(p, EXTEND, { i: { purchaseId: a.purchase.id, idempotencyKey: key() } })
    ).data!.extendHold;
    expect(ext.userErrors).toEqual([]);
    expect(new Date(ext.purchase.holdExpiresAt).getTime() - new Date(before).getTime()).toBe(
      7 * 86_400_000,
    );
    const twice = (
      await api.exec<any>(p, EXTEND, { i: { purchaseId: a.purchase.id, idempotencyKey: key() } })
    ).data!.extendHold;
    expect(twice.userErrors[0].code).toBe('HOLD_ALREADY_EXTENDED');
    await capture(a.purchase.id, { amount: '200' });
    await api.sql(
      `update holds set expires_at = now() - interval '1 minute' where purchase_id = ?`,
      [fromGlobalId(a.purchase.id)!.id],
    );
    await api.app.services.purchases.expireHolds(api.orm.em.fork());
    expect(await account(api, c.accountId)).toMatchObject({ held: 0, outstanding: 20_000 });
    const [pu] = await api.sql<any>(`select status from purchases where id = ?`, [
      fromGlobalId(a.purchase.id)!.id,
    ]);
    expect(pu.status).toBe('CAPTURED');
    await expectReconciled(api);
  });
});

describe('refundPurchase', () => {
  it('lowers the plan from the last installments back with fees pro rata, restores the limit, refuses more than is left', async () => {
    const c = await insertCustomer(api, { baseLimitFen: 1_000_000 });
    const a = await authorize(api, p, c.accountId, '1200');
    await capture(a.purchase.id, { term: 'M3' });
    const [planId] = await planOf(a.purchase.id);
    const before = await lines(planId!);
    const fee = before[0].f; // the same fee every period
    const r1 = await refund(a.purchase.id, '500');
    expect(r1.userErrors).toEqual([]);
    const expectedFee = Math.floor((2 * fee * 10_000 + 40_000) / (2 * 40_000));
    expect(r1.refund).toMatchObject({
      amount: { amount: '500.00' },
      principalReduced: { amount: '500.00' },
      credit: { amount: '0.00' },
    });
    const after = await lines(planId!);
    expect(after.map((l: any) => [l.seq, l.status, l.p, l.f])).toEqual([
      [1, 'DUE', 40_000, fee],
      [2, 'DUE', 30_000, fee - expectedFee],
      [3, 'WAIVED', 0, 0],
    ]);
    expect(Number(r1.refund.feeReduced.amount) * 100).toBeCloseTo(fee + expectedFee, 6);
    expect(await account(api, c.accountId)).toMatchObject({ outstanding: 70_000 });
    const over = await refund(a.purchase.id, '700.01');
    expect(over.userErrors[0]).toMatchObject({
      code: 'REFUND_EXCEEDS_REFUNDABLE',
      field: ['amount'],
    });
    // Idempotent, and the merchant's reference is unique per partner.
    const ref = key('ref');
    const k = key();
    const r2 = await refund(a.purchase.id, '100', ref, k);
    const r2again = await refund(a.purchase.id, '100', ref, k);
    expect(r2again.refund.id).toBe(r2.refund.id);
    const dup = await refund(a.purchase.id, '100', ref);
    expect(dup.userErrors[0].code).toBe('DUPLICATE_REFUND_REFERENCE');
    // The rest, in full: the plan closes, the limit is whole again.
    const r3 = await refund(a.purchase.id, '600');
    expect(r3.userErrors).toEqual([]);
    expect(r3.purchase.refundedAmount.amount).toBe('1200.00');
    expect(await account(api, c.accountId)).toMatchObject({ outstanding: 0, used: 0 });
    const [plan] = await api.sql<any>(`select status from installment_plans where id = ?`, [
      planId,
    ]);
    expect(plan.status).toBe('CLOSED');
    await expectReconciled(api);
  });

  it('after payoff a refund becomes customer credit, shown on the account; a held purchase is not refundable', async () => {
    const c = await insertCustomer(api, { baseLimitFen: 1_000_000 });
    const a = await authorize(api, p, c.accountId, '300');
    await capture(a.purchase.id, { term: 'DEFERRED_30' });
    expect((await repay(c.accountId, '300')).userErrors).toEqual([]);
    const r = await refund(a.purchase.id, '120');
    expect(r.refund).toMatchObject({
      principalReduced: { amount: '0.00' },
      credit: { amount: '120.00' },
    });
    const acct = (await api.exec<any>(p, ACCOUNT, { id: gid(c.accountId) })).data!.node;
    expect(acct.creditBalance.amount).toBe('120.00');
    const held = await authorize(api, p, c.accountId, '10');
    expect((await refund(held.purchase.id, '5')).userErrors[0].code).toBe('PURCHASE_NOT_CAPTURED');
    await expectReconciled(api);
  });

  it('property: refunds and repayments never make principal negative', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({
              op: fc.constant('refund' as const),
              fen: fc.integer({ min: 1, max: 60_000 }),
            }),
            fc.record({
              op: fc.constant('repay' as const),
              fen: fc.integer({ min: 1, max: 60_000 }),
            }),
          ),
          { minLength: 1, maxLength: 6 },
        ),
        async (ops) => {
          const c = await insertCustomer(api, { baseLimitFen: 1_000_000 });
          const a = await authorize(api, p, c.accountId, '900');
          await capture(a.purchase.id, { term: 'M3' });
          let refundable = 90_000;
          for (const o of ops) {
            if (o.op === 'refund') {
              const r = await refund(a.purchase.id, (o.fen / 100).toFixed(2));
              if (o.fen > refundable)
                expect(r.userErrors[0].code).toBe('REFUND_EXCEEDS_REFUNDABLE');
              else refundable -= o.fen;
            } else
              expect((await repay(c.accountId, (o.fen / 100).toFixed(2))).userErrors).toEqual([]);
            const bad = await api.sql<any>(
              `select count(*)::int as n from schedule_lines where account_id = ? and (principal_fen < paid_principal_fen or fee_fen < paid_fee_fen)`,
              [c.accountId],
            );
            expect(bad[0].n).toBe(0);
            const acct = await account(api, c.accountId);
            expect(acct.outstanding).toBeGreaterThanOrEqual(0);
            expect(acct.outstanding).toBeLessThanOrEqual(refundable);
          }
        },
      ),
      { numRuns: 8 },
    );
    await expectReconciled(api);
  });
});

describe('customer credit', () => {
  it('is applied to amounts due before any late fee: no late fee and no freeze while it covers them; staff pay it out (audited)', async () => {
    const c = await insertCustomer(api, { baseLimitFen: 1_000_000 });
    const a = await authorize(api, p, c.accountId, '300');
    await capture(a.purchase.id, { term: 'M3' });
    const [planId] = await planOf(a.purchase.id);
    const [l1] = await lines(planId!);
    // Pay everything + ¥100: the not-begun fees are waived, the rest becomes credit.
    const r = await repay(c.accountId, '400');
    expect(r.userErrors).toEqual([]);
    expect(Number(r.repayment.unapplied.amount)).toBeGreaterThan(90);
    const c2 = await insertCustomer(api, { baseLimitFen: 1_000_000 });
    const b = await authorize(api, p, c2.accountId, '300');
    await capture(b.purchase.id, { term: 'M3' });
    const [plan2] = await planOf(b.purchase.id);
    // Customer 2 holds ¥150 of credit (a refund after another purchase was paid off).
    const other = await authorize(api, p, c2.accountId, '150');
    await capture(other.purchase.id, { term: 'DEFERRED_30' });
    const [otherPlan] = await planOf(other.purchase.id);
    await api.sql(`update schedule_lines set due_date = current_date + 1 where plan_id = ?`, [
      otherPlan,
    ]);
    await repay(c2.accountId, '150');
    await refund(other.purchase.id, '150');
    expect(await credit(c2.accountId)).toBe(15_000);
    // Period 1 of plan 2 is 40 days past due: the job applies the credit first.
    await api.sql(
      `update schedule_lines set due_date = current_date - 40 where plan_id = ? and seq = 1`,
      [plan2],
    );
    await runOverdue(api.orm.em.fork());
    const [line] = await lines(plan2!);
    expect(line).toMatchObject({ status: 'PAID', l: 0 });
    expect(await credit(c2.accountId)).toBe(15_000 - (line.p + line.f));
    expect((await account(api, c2.accountId)).status).toBe('ACTIVE');
    const charged = await api.sql<any>(
      `select count(*)::int as n from ledger_entries where account_id = ? and kind = 'LATE_FEE_CHARGED'`,
      [c2.accountId],
    );
    expect(charged[0].n).toBe(0);
    // Payout: supervisors only, not above the balance, audited.
    const PAYOUT = `mutation($i: PayOutCreditInput!) { payOutCredit(input: $i) { account { creditBalance { amount } } userErrors { code } } }`;
    const i = {
      accountId: gid(c.accountId),
      amount: '50',
      reference: 'BANK-1',
      reason: 'customer asked',
      idempotencyKey: key(),
    };
    expect((await api.exec<any>(agent, PAYOUT, { i })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const big = (
      await api.exec<any>(sup, PAYOUT, { i: { ...i, amount: '10000', idempotencyKey: key() } })
    ).data!.payOutCredit;
    expect(big.userErrors[0].code).toBe('CREDIT_INSUFFICIENT');
    const before = await credit(c.accountId);
    const done = (await api.exec<any>(sup, PAYOUT, { i })).data!.payOutCredit;
    expect(done.userErrors).toEqual([]);
    expect(await credit(c.accountId)).toBe(before - 5_000);
    const audit = await api.sql<any>(
      `select details from audit_log where customer_id = ? and action = 'payOutCredit'`,
      [c.customerId],
    );
    expect(audit[0].details).toMatchObject({ reference: 'BANK-1', reason: 'customer asked' });
    void l1;
    await expectReconciled(api);
  });

  it('property: credit is applied before any late fee (late fee only on what credit could not cover)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 1, max: 40 }),
        async (creditFen, dpd) => {
          const c = await insertCustomer(api, { baseLimitFen: 1_000_000 });
          if (creditFen > 0) {
            // Credit from an overpayment of an earlier ¥1 purchase.
            const first = await authorize(api, p, c.accountId, '1');
            await capture(first.purchase.id, { term: 'DEFERRED_30' });
            const over = await repay(c.accountId, ((100 + creditFen) / 100).toFixed(2));
            expect(over.repayment.unapplied.amount).toBe((creditFen / 100).toFixed(2));
          }
          const a = await authorize(api, p, c.accountId, '100');
          await capture(a.purchase.id, { term: 'DEFERRED_30' });
          const [planId] = await planOf(a.purchase.id);
          await api.sql(
            `update schedule_lines set due_date = current_date - ?::int where plan_id = ?`,
            [dpd, planId],
          );
          await runOverdue(api.orm.em.fork());
          const [l] = await lines(planId!);
          if (creditFen >= 10_000) expect(l).toMatchObject({ status: 'PAID', l: 0 });
          else {
            expect(l.pp).toBe(creditFen);
            // The late fee is on what was left unpaid after the credit, never on the whole.
            const fullFee = Math.min(
              Math.floor(((10_000 - creditFen) * 5 * dpd + 5_000) / 10_000),
              Math.floor(((10_000 - creditFen) * 2_400 + 5_000) / 10_000),
            );
            expect(l.l).toBe(fullFee);
          }
        },
      ),
      { numRuns: 10 },
    );
  });
});

describe('one prepayment rule', () => {
  it('a repayment never pays the fee of a period not begun; payoff and repayment agree; plans show fees charged, paid, waived', async () => {
    const c1 = await insertCustomer(api, { baseLimitFen: 1_000_000 });
    const c2 = await insertCustomer(api, { baseLimitFen: 1_000_000 });
    const ids: string[] = [];
    for (const c of [c1, c2]) {
      const a = await authorize(api, p, c.accountId, '600');
      await capture(a.purchase.id, { term: 'M6' });
      ids.push((await planOf(a.purchase.id))[0]!);
    }
    const q = (
      await api.exec<any>(
        p,
        `query($id: ID!) { payoffQuote(planId: $id) { total { amount } waivedFee { amount } } }`,
        { id: toGlobalId('InstallmentPlan', ids[0]!) },
      )
    ).data!.payoffQuote;
    const early = (
      await api.exec<any>(
        p,
        `mutation($i: RepayEarlyInput!) { repayEarly(input: $i) { repayment { amount { amount } fee { amount } } userErrors { code } } }`,
        {
          i: {
            planId: toGlobalId('InstallmentPlan', ids[0]!),
            idempotencyKey: key(),
            paymentReference: key('early'),
            paymentChannel: 'ALIPAY',
          },
        },
      )
    ).data!.repayEarly;
    const rep = await repay(c2.accountId, q.total.amount);
    expect(rep.repayment.unapplied.amount).toBe('0.00');
    expect(rep.repayment.fee.amount).toBe(early.repayment.fee.amount);
    for (const c of [c1, c2]) {
      const acct = (await api.exec<any>(p, ACCOUNT, { id: gid(c.accountId) })).data!.node;
      const plan = acct.installmentPlans.edges[0].node;
      expect(plan.status).toBe('PAID_OFF');
      expect(plan.fees.waived.amount).toBe(q.waivedFee.amount);
      expect(Number(plan.fees.charged.amount)).toBeCloseTo(
        Number(plan.fees.paid.amount) + Number(q.waivedFee.amount),
        6,
      );
      expect(plan.fees.outstanding.amount).toBe('0.00');
    }
    await expectReconciled(api);
  });
});

describe('restoration stages cannot be gamed', () => {
  it('prepaying future periods counts nothing; many tiny plans due in one month count once; installments paid within their periods count', async () => {
    const c = await insertCustomer(api, { baseLimitFen: 100_000 });
    const [rr] = await api.sql<any>(
      `insert into recovery_requests (account_id, customer_id, type, status, reason) values (?, ?, 'INCREASE', 'APPROVED', 'test') returning id`,
      [c.accountId, c.customerId],
    );
    await api.sql(
      `insert into recovery_transitions (request_id, customer_id, from_status, to_status, actor_type, reason) values (?, ?, 'UNDER_REVIEW', 'APPROVED', 'SYSTEM', 'test')`,
      [rr.id, c.customerId],
    );
    await api.sql(
      `insert into restoration_stages (request_id, account_id, customer_id, seq, amount_fen, on_time_repayments_required) values (?, ?, ?, 2, 330000, 2)`,
      [rr.id, c.accountId, c.customerId],
    );
    // A ¥3 plan prepaid in full at once: three lines PAID, none of them when due.
    const a = await authorize(api, p, c.accountId, '3');
    await capture(a.purchase.id, { term: 'M3' });
    await repay(c.accountId, '10');
    const stage = async () =>
      (await api.sql<any>(`select status from restoration_stages where request_id = ?`, [rr.id]))[0]
        .status;
    expect(await stage()).toBe('PENDING');
    expect((await account(api, c.accountId)).base).toBe(100_000);
    // Many tiny plans, each with a period falling due today and paid on time: one month, one
    // on-time repayment however many lines (¥0.03 in 3 is a plan).
    for (let i = 0; i < 3; i++) {
      const t = await authorize(api, p, c.accountId, '0.03');
      await capture(t.purchase.id, { term: 'M3' });
      const [planT] = await planOf(t.purchase.id);
      await api.sql(
        `update schedule_lines set due_date = current_date where plan_id = ? and seq = 1`,
        [planT],
      );
      const [t1] = await lines(planT!);
      await repay(c.accountId, ((t1.p + t1.f) / 100).toFixed(2));
    }
    const onTime = await api.sql<any>(
      `select count(*)::int as n from schedule_lines where account_id = ? and status = 'PAID' and due_date = current_date`,
      [c.accountId],
    );
    expect(onTime[0].n).toBe(3);
    expect(await stage()).toBe('PENDING');
    // Installments paid within their periods in two months do count: this month's falls due
    // today; next month's, paid now within its period, counts when it falls due (the daily job).
    const b = await authorize(api, p, c.accountId, '200');
    await capture(b.purchase.id, { term: 'M3' });
    const [planB] = await planOf(b.purchase.id);
    await api.sql(
      `update schedule_lines set due_date = case seq when 1 then current_date else (current_date + interval '1 month')::date end where plan_id = ? and seq < 3`,
      [planB],
    );
    const [l1, l2] = await lines(planB!);
    await repay(c.accountId, ((l1.p + l1.f) / 100).toFixed(2));
    await repay(c.accountId, ((l2.p + l2.f) / 100).toFixed(2));
    expect((await lines(planB!)).slice(0, 2).map((l: any) => l.status)).toEqual(['PAID', 'PAID']);
    expect(await stage()).toBe('PENDING');
    const inAMonth = new Date(Date.now() + 32 * 86_400_000);
    await api.orm.em
      .fork()
      .transactional((tem) => applyEarnedRestorationStages(tem, c.accountId, inAMonth));
    expect(await stage()).toBe('APPLIED');
  });
});

describe('staff money operations', () => {
  it('posts a repayment from another channel once per reference; waives fees (supervisor); writes off a delinquent balance (risk admin)', async () => {
    const c = await insertCustomer(api, { baseLimitFen: 1_000_000, outstandingFen: 5_000 });
    const a = await authorize(api, p, c.accountId, '600');
    await capture(a.purchase.id, { term: 'M3' });
    const [planId] = await planOf(a.purchase.id);
    const POST = `mutation($i: PostExternalRepaymentInput!) { postExternalRepayment(input: $i) { repayment { amount { amount } source channel reference } userErrors { code } } }`;
    const i = {
      accountId: gid(c.accountId),
      amount: '20',
      channel: 'bank_transfer',
      reference: 'TX-1',
      idempotencyKey: key(),
    };
    expect((await api.exec<any>(p, POST, { i })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const posted = (await api.exec<any>(agent, POST, { i })).data!.postExternalRepayment;
    expect(posted.repayment).toMatchObject({
      source: 'OTHER_CHANNEL',
      channel: 'BANK_TRANSFER',
      reference: 'TX-1',
    });
    const twice = (await api.exec<any>(agent, POST, { i: { ...i, idempotencyKey: key() } })).data!
      .postExternalRepayment;
    expect(twice.userErrors[0].code).toBe('DUPLICATE_REFERENCE');
    // Period 1 overdue with a late fee; a supervisor waives the late fee and it is never charged again.
    await api.sql(
      `update schedule_lines set due_date = current_date - 20 where plan_id = ? and seq = 1`,
      [planId],
    );
    await runOverdue(api.orm.em.fork());
    const [withLate] = await lines(planId!);
    expect(withLate.l).toBeGreaterThan(0);
    const WAIVE = `mutation($i: WaiveFeeInput!) { waiveFee(input: $i) { waived { amount } userErrors { code } } }`;
    const w = {
      planId: toGlobalId('InstallmentPlan', planId!),
      seq: 1,
      kind: 'LATE_FEE',
      reason: 'hospital stay',
      idempotencyKey: key(),
    };
    expect((await api.exec<any>(agent, WAIVE, { i: w })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const waived = (await api.exec<any>(sup, WAIVE, { i: w })).data!.waiveFee;
    expect(Number(waived.waived.amount) * 100).toBeCloseTo(withLate.l, 6);
    await runOverdue(api.orm.em.fork());
    expect((await lines(planId!))[0].l).toBe(0);
    const acct = (await api.exec<any>(p, ACCOUNT, { id: gid(c.accountId) })).data!.node;
    const plan = acct.installmentPlans.edges[0].node;
    expect(plan.fees.lateFeesWaived.amount).toBe(waived.waived.amount);
    // Write-off: risk admins only; the balance goes, the account is frozen.
    const WO = `mutation($i: WriteOffBalanceInput!) { writeOffBalance(input: $i) { account { status usedAmount { amount } } principal { amount } userErrors { code } } }`;
    const wi = { accountId: gid(c.accountId), reason: 'uncollectable', idempotencyKey: key() };
    expect((await api.exec<any>(sup, WO, { i: wi })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const before = await account(api, c.accountId);
    const wo = (await api.exec<any>(risk, WO, { i: wi })).data!.writeOffBalance;
    expect(wo.userErrors).toEqual([]);
    expect(Number(wo.principal.amount) * 100).toBeCloseTo(before.outstanding, 6);
    expect(wo.account).toMatchObject({ status: 'FROZEN', usedAmount: { amount: '0.00' } });
    const audit = await api.sql<any>(
      `select action from audit_log where customer_id = ? and action in ('postExternalRepayment', 'waiveFee', 'writeOffBalance') order by id`,
      [c.customerId],
    );
    expect(audit.map((x: any) => x.action)).toEqual([
      'postExternalRepayment',
      'waiveFee',
      'writeOffBalance',
    ]);
    const healthy = await insertCustomer(api, { baseLimitFen: 1_000_000 });
    const nd = (
      await api.exec<any>(risk, WO, {
        i: { ...wi, accountId: gid(healthy.accountId), idempotencyKey: key() },
      })
    ).data!.writeOffBalance;
    expect(nd.userErrors[0].code).toBe('NOT_DELINQUENT');
    await expectReconciled(api);
  });
});

describe('plans: every period carries principal', () => {
  it('a capture too small for its term is refused and moves nothing (AMOUNT_TOO_SMALL_FOR_TERM)', async () => {
    const c = await insertCustomer(api);
    const a = await authorize(api, p, c.accountId, '0.05');
    const before = await account(api, c.accountId);
    const r = await capture(a.purchase.id, { term: 'M6' });
    expect(r.userErrors.map((e: { code: string }) => e.code)).toEqual([
      'AMOUNT_TOO_SMALL_FOR_TERM',
    ]);
    expect(await account(api, c.accountId)).toEqual(before);
    const ok = await capture(a.purchase.id, { term: 'M3' });
    expect(ok.userErrors).toEqual([]);
    await expectReconciled(api);
  });
});
