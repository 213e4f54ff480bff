import { beforeAll, describe, expect, it } from 'vitest';
import { agentViewer, useTestApi } from '../../../../test/harness.js';
import { insertCustomer } from '../../../../test/fixtures.js';
import { fromGlobalId, toGlobalId } from '../../../graphql/relay.js';
import type { Viewer } from '../../auth/viewer.js';
import { noFraudRules } from '../../purchases/purchase-rules.js';
import { runOverdue } from '../../overdue/overdue.service.js';
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
beforeAll(async () => {
  p = await partner(api);
  api.app.services.purchases.rules = noFraudRules;
});

/** Authorize and capture into a plan; returns the plan's local id. */
async function buy(
  accountId: string,
  amount: string,
  term: string,
  couponCode?: string,
): Promise<{ planId: string; purchaseId: string }> {
  const r = await authorize(api, p, accountId, amount);
  expect(r.decision).toBe('HELD');
  const cap = (
    await api.exec<any>(p, CAPTURE, {
      input: { purchaseId: r.purchase.id, term, couponCode, idempotencyKey: key() },
    })
  ).data!.capturePurchase;
  expect(cap.userErrors).toEqual([]);
  const [plan] = await api.sql<any>(
    `select id::text from installment_plans where purchase_id = ?`,
    [fromGlobalId(r.purchase.id)!.id],
  );
  return { planId: plan.id, purchaseId: r.purchase.id };
}

const repay = async (accountId: string, amount: string, idempotencyKey = key()) =>
  (
    await api.exec<any>(p, REPAY, {
      input: {
        accountId: toGlobalId('CreditAccount', accountId),
        amount,
        idempotencyKey,
        paymentReference: `ref-${idempotencyKey}`,
        paymentChannel: 'ALIPAY',
      },
    })
  ).data!.recordRepayment;

describe('installment quotes and plans', () => {
  it('quotes every term with fee, APR and a schedule that adds up; an unknown coupon is refused', async () => {
    const c = await insertCustomer(api);
    const q = await api.exec<any>(
      p,
      `query($id: ID) { quoteInstallments(amount: "1000.03", accountId: $id) { term periods totalFee { amount } aprPercent couponApplied schedule { seq dueDate principal { amount } fee { amount } } } }`,
      {
        id: toGlobalId('CreditAccount', c.accountId),
      },
    );
    expect(q.errors).toBeUndefined();
    const quotes = q.data!.quoteInstallments;
    expect(quotes.map((x: any) => x.term)).toEqual(['DEFERRED_30', 'M3', 'M6', 'M9', 'M12', 'M24']);
    for (const x of quotes) {
      const fen = x.schedule.reduce(
        (s: number, l: any) => s + Math.round(Number(l.principal.amount) * 100),
        0,
      );
      expect(fen, x.term).toBe(100_003);
      expect(x.schedule).toHaveLength(x.periods);
    }
    expect(quotes[0]).toMatchObject({ totalFee: { amount: '0.00' }, aprPercent: '0.00' });
    expect(Number(quotes[1].aprPercent)).toBeGreaterThan(0);
    // Coupons are issued objects now: see coupons/__tests__/coupons.int.test.ts.
    const bad = await api.exec<any>(p, `{ quoteInstallments(amount: "0") { term } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const nope = await api.exec<any>(
      p,
      `{ quoteInstallments(amount: "10", couponCode: "NOPE") { term } }`,
    );
    expect(nope.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('creates a plan from a captured purchase once, idempotently', async () => {
    const c = await insertCustomer(api);
    const r = await authorize(api, p, c.accountId, '900');
    await api.exec<any>(p, CAPTURE, {
      input: { purchaseId: r.purchase.id, idempotencyKey: key() },
    });
    const M = `mutation($i: CreateInstallmentPlanInput!) { createInstallmentPlan(input: $i) { installmentPlan { id term principal { amount } totalFee { amount } schedule { seq principal { amount } fee { amount } status } } userErrors { code } } }`;
    const input = { purchaseId: r.purchase.id, term: 'M6', idempotencyKey: key() };
    const first = (await api.exec<any>(p, M, { i: input })).data!.createInstallmentPlan;
    expect(first.userErrors).toEqual([]);
    expect(first.installmentPlan.schedule).toHaveLength(6);
    const replay = (await api.exec<any>(p, M, { i: input })).data!.createInstallmentPlan;
    expect(replay.installmentPlan.id).toBe(first.installmentPlan.id);
    const again = (await api.exec<any>(p, M, { i: { ...input, idempotencyKey: key() } })).data!
      .createInstallmentPlan;
    expect(again.userErrors[0].code).toBe('PLAN_EXISTS');
    const held = await authorize(api, p, c.accountId, '10');
    const notCaptured = (
      await api.exec<any>(p, M, {
        i: { purchaseId: held.purchase.id, term: 'M3', idempotencyKey: key() },
      })
    ).data!.createInstallmentPlan;
    expect(notCaptured.userErrors[0].code).toBe('PURCHASE_NOT_CAPTURED');
    await expectReconciled(api);
  });
});

describe('recordRepayment', () => {
  it('pays oldest due first (late fee, fee, principal), restores the limit by the principal, keeps overpayment as credit', async () => {
    const c = await insertCustomer(api, { baseLimitFen: 1_000_000 });
    const a = await buy(c.accountId, '300', 'M3'); // 3 × ¥100 + fee
    const b = await buy(c.accountId, '100', 'DEFERRED_30');
    // Make plan a's first line overdue by 10 days and run the overdue job: it gets a late fee.
    await api.sql(
      `update schedule_lines set due_date = current_date - 10 where plan_id = ? and seq = 1`,
      [a.planId],
    );
    await runOverdue(api.orm.em.fork());
    const [l1] = await api.sql<any>(
      `select fee_fen::int as fee, late_fee_fen::int as late, status, days_past_due from schedule_lines where plan_id = ? and seq = 1`,
      [a.planId],
    );
    expect(l1).toMatchObject({ status: 'OVERDUE', days_past_due: 10 });
    expect(l1.late).toBeGreaterThan(0);
    const before = await account(api, c.accountId);
    // Exactly the overdue line + ¥5 more.
    const pay = l1.late + l1.fee + 10_000 + 500;
    const r = await repay(c.accountId, (pay / 100).toFixed(2));
    expect(r.userErrors).toEqual([]);
    const lines = await api.sql<any>(
      `select plan_id::text, seq, status, paid_principal_fen::int as pp, paid_fee_fen::int as pf, paid_late_fee_fen::int as pl from schedule_lines where account_id = ? order by due_date, plan_id, seq`,
      [c.accountId],
    );
    expect(lines[0]).toMatchObject({
      plan_id: a.planId,
      seq: 1,
      status: 'PAID',
      pp: 10_000,
      pf: l1.fee,
      pl: l1.late,
    });
    // Next oldest is plan b's single DEFERRED_30 line (due in 30 days) before plan a's second (in a month) — no fee, so principal.
    const next = lines[1];
    expect(next.pp + next.pf).toBe(500);
    const after = await account(api, c.accountId);
    expect(before.outstanding - after.outstanding).toBe(10_000 + (next.pp as number));
    // Overpayment: pay everything and ¥1 more.
    const owed = await api.sql<any>(
      // Fees of periods not begun are never paid ahead (the prepayment rule): they are waived.
      `select sum(principal_fen - paid_principal_fen + late_fee_fen - paid_late_fee_fen
                 + case when due_date - interval '1 month' <= now() then fee_fen - paid_fee_fen else 0 end)::int as owed from schedule_lines where account_id = ?`,
      [c.accountId],
    );
    const all = await repay(c.accountId, ((owed[0].owed + 100) / 100).toFixed(2));
    expect(all.repayment.unapplied.amount).toBe('1.00');
    expect(await account(api, c.accountId)).toMatchObject({ outstanding: 0, used: 0 });
    const plans = await api.sql<any>(`select status from installment_plans where account_id = ?`, [
      c.accountId,
    ]);
    expect(plans.every((x: any) => x.status === 'PAID_OFF')).toBe(true);
    void b;
    await expectReconciled(api);
  });

  it('is idempotent and refuses bad amounts', async () => {
    const c = await insertCustomer(api, { baseLimitFen: 1_000_000 });
    await buy(c.accountId, '100', 'DEFERRED_30');
    const k = key('repay');
    const [x, y] = await Promise.all([repay(c.accountId, '50', k), repay(c.accountId, '50', k)]);
    expect(x.repayment.id).toBe(y.repayment.id);
    expect((await repay(c.accountId, '51', k)).userErrors[0].code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await account(api, c.accountId)).toMatchObject({ outstanding: 5_000 });
    for (const [amount, code] of [
      ['0', 'AMOUNT_NOT_POSITIVE'],
      ['-1', 'AMOUNT_NOT_POSITIVE'],
      ['1.001', 'INVALID_AMOUNT'],
      ['9999999999999', 'AMOUNT_TOO_LARGE'],
    ]) {
      expect((await repay(c.accountId, amount!)).userErrors[0].code, amount).toBe(code);
    }
    await expectReconciled(api);
  });

  it('pays an opening balance after the schedule', async () => {
    const c = await insertCustomer(api, { baseLimitFen: 1_000_000, outstandingFen: 20_000 });
    await buy(c.accountId, '100', 'DEFERRED_30');
    const r = await repay(c.accountId, '150');
    expect(r.repayment.principal.amount).toBe('150.00');
    expect(await account(api, c.accountId)).toMatchObject({ outstanding: 15_000 });
    await expectReconciled(api);
  });
});

describe('early repayment', () => {
  it('pays a plan off at the payoff quote, waiving fees of periods not begun', async () => {
    const c = await insertCustomer(api, { baseLimitFen: 1_000_000 });
    const { planId } = await buy(c.accountId, '1200', 'M12');
    const gid = toGlobalId('InstallmentPlan', planId);
    const q = await api.exec<any>(
      p,
      `query($id: ID!) { payoffQuote(planId: $id) { total { amount } principal { amount } fee { amount } waivedFee { amount } } }`,
      { id: gid },
    );
    expect(q.errors).toBeUndefined();
    const quote = q.data!.payoffQuote;
    expect(quote.principal.amount).toBe('1200.00');
    expect(Number(quote.waivedFee.amount)).toBeGreaterThan(0);
    const r = await api.exec<any>(
      p,
      `mutation($i: RepayEarlyInput!) { repayEarly(input: $i) { repayment { amount { amount } unapplied { amount } } userErrors { code } } }`,
      {
        i: {
          planId: gid,
          idempotencyKey: key(),
          paymentReference: key(),
          paymentChannel: 'BANK_CARD',
        },
      },
    );
    expect(r.data!.repayEarly.repayment.amount.amount).toBe(quote.total.amount);
    expect(r.data!.repayEarly.repayment.unapplied.amount).toBe('0.00');
    expect(await account(api, c.accountId)).toMatchObject({ outstanding: 0 });
    const again = await api.exec<any>(
      p,
      `mutation($i: RepayEarlyInput!) { repayEarly(input: $i) { userErrors { code } } }`,
      {
        i: {
          planId: gid,
          idempotencyKey: key(),
          paymentReference: key(),
          paymentChannel: 'BANK_CARD',
        },
      },
    );
    expect(again.data!.repayEarly.userErrors[0].code).toBe('PLAN_NOT_ACTIVE');
    await expectReconciled(api);
  });
});

describe('overdue job', () => {
  it('sets days past due, late fees and buckets, notifies once, triggers a review and freezes at the threshold', async () => {
    const c = await insertCustomer(api, { baseLimitFen: 1_000_000 });
    const { planId } = await buy(c.accountId, '300', 'M3');
    await api.sql(
      `update schedule_lines set due_date = current_date - 31 where plan_id = ? and seq = 1`,
      [planId],
    );
    const r1 = await runOverdue(api.orm.em.fork());
    expect(r1.frozen).toBeGreaterThanOrEqual(1);
    const r2 = await runOverdue(api.orm.em.fork());
    expect(r2.lateFeesFen).toBe(0); // rerun the same day: nothing new
    expect(r2.frozen).toBe(0);
    const o = await api.exec<any>(
      agentViewer(),
      `query($id: ID!) { customer(id: $id) { account { status overdue { isOverdue daysPastDue bucket overdueAmount { amount } } } } }`,
      { id: toGlobalId('Customer', c.customerId) },
    );
    expect(o.data!.customer.account).toMatchObject({
      status: 'FROZEN',
      overdue: { isOverdue: true, daysPastDue: 31, bucket: '31-60' },
    });
    const notices = await api.sql<any>(
      `select kind, event_key from notices where customer_id = ? order by id`,
      [c.customerId],
    );
    expect(notices.filter((n: any) => n.kind === 'OVERDUE').length).toBe(2); // the line's bucket, the review
    // The review rescored the customer and, at 31 days past due, the policy froze the account.
    const decisions = await api.sql<any>(
      `select kind, status_after, score, reasons->0->>'code' as first from limit_decisions where account_id = ? order by id`,
      [c.accountId],
    );
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({
      kind: 'TRIGGERED_REVIEW',
      status_after: 'FROZEN',
      first: 'POLICY_FREEZE',
    });
    expect(decisions[0].score).toBeGreaterThan(0);
    // Frozen: purchases declined.
    expect(await authorize(api, p, c.accountId, '1')).toMatchObject({
      decision: 'DECLINED',
      declineCode: 'ACCOUNT_FROZEN',
    });
    await expectReconciled(api);
  });
});
