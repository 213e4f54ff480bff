import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { agentViewer, useTestApi } from '../../../../test/harness.js';
import { insertAgent, insertCustomer } from '../../../../test/fixtures.js';
import type { Viewer } from '../../auth/viewer.js';
import { noFraudRules } from '../../purchases/purchase-rules.js';
import { expectReconciled, key, partner } from '../../purchases/__tests__/money-helpers.js';
import { runRevolvingStatements } from '../revolving.service.js';
import { toGlobalId } from '../../../graphql/relay.js';
import {
  buyOnRevolving,
  giveGoodHistory,
  isoPlus,
  revolvingCustomer as newRevolvingCustomer,
} from './revolving-fixtures.js';

const api = useTestApi();
let p: Viewer;
let staff: Viewer;
beforeAll(async () => {
  p = await partner(api);
  staff = agentViewer(await insertAgent(api, `rvagent${Date.now()}`, 'AGENT'));
  api.app.services.purchases.rules = noFraudRules;
});

const svc = () => api.app.services;
const em = () => api.orm.em.fork();
const day = (d: Date) => d.toISOString().slice(0, 10);

const revolvingCustomer = (baseLimitFen?: number) =>
  newRevolvingCustomer(api, staff, p, baseLimitFen);
const buy = (accountId: string, amountFen: number) => buyOnRevolving(api, p, accountId, amountFen);

async function owed(accountId: string) {
  const [r] = await api.sql<any>(
    `select principal_fen::int as principal, interest_fen::int as interest, fees_fen::int as fees, points::int as points
       from revolving_accounts where account_id = ?`,
    [accountId],
  );
  return r as { principal: number; interest: number; fees: number; points: number };
}

async function statements(accountId: string) {
  return api.sql<any>(
    `select seq, to_char(due_date, 'YYYY-MM-DD') as due, previous_balance_fen::int as previous, payments_fen::int as payments, purchases_fen::int as purchases,
            interest_fen::int as interest, fees_fen::int as fees, refunds_fen::int as refunds, points_redeemed_fen::int as points_redeemed,
            balance_fen::int as balance, minimum_payment_fen::int as minimum, paid_fen::int as paid, points_earned::int as points_earned,
            card_refunds_fen::int as card_refunds
       from statements where account_id = ? order by seq`,
    [accountId],
  );
}

describe('revolving upgrade: eligibility, offer, accept', () => {
  it('offers only to eligible accounts, with every failed rule named', async () => {
    const c = await insertCustomer(api);
    const r = await svc().revolving.offer(em(), staff, {
      accountId: c.accountId,
      idempotencyKey: key(),
    });
    expect(!r.ok && r.errors[0]!.code).toBe('NOT_ELIGIBLE');
    expect(!r.ok && r.errors[0]!.message).toContain('GRADE_NOT_ELIGIBLE');
    expect(!r.ok && r.errors[0]!.message).toContain('TOO_FEW_ON_TIME_INSTALLMENTS');
    const accept = await svc().revolving.accept(em(), p, {
      accountId: c.accountId,
      idempotencyKey: key(),
    });
    expect(!accept.ok && accept.errors[0]!.code).toBe('NO_OFFER');
  });

  it('an eligible account is offered once, accepts once; unplanned captures move onto the line', async () => {
    const c = await insertCustomer(api);
    await giveGoodHistory(api, c.accountId);
    const e = await svc().revolving.eligibility(em(), c.accountId);
    expect(e).toMatchObject({ eligible: true, facts: { grade: 'A', onTimeInstallments: 6 } });
    const pre = await buy(c.accountId, 12_345); // captured before the upgrade, no plan
    expect(pre).toBeTruthy();
    const k = key();
    const o = await svc().revolving.offer(em(), staff, {
      accountId: c.accountId,
      idempotencyKey: k,
    });
    expect(o.ok).toBe(true);
    const again = await svc().revolving.offer(em(), staff, {
      accountId: c.accountId,
      idempotencyKey: key(),
    });
    expect(!again.ok && again.errors[0]!.code).toBe('OFFER_EXISTS');
    const ak = key();
    const a = await svc().revolving.accept(em(), p, { accountId: c.accountId, idempotencyKey: ak });
    expect(a.ok).toBe(true);
    const replay = await svc().revolving.accept(em(), p, {
      accountId: c.accountId,
      idempotencyKey: ak,
    });
    expect(replay).toMatchObject({ ok: true, replayed: true });
    const twice = await svc().revolving.accept(em(), staff, {
      accountId: c.accountId,
      idempotencyKey: key(),
    });
    expect(!twice.ok && twice.errors[0]!.code).toBe('ALREADY_REVOLVING');
    expect(await owed(c.accountId)).toMatchObject({ principal: 12_345, interest: 0, fees: 0 });
    await expectReconciled(api);
  });
});

describe('statement cycle', () => {
  it('statement, minimum, points; paid in full by the due day: no interest (grace)', async () => {
    const c = await revolvingCustomer();
    await buy(c.accountId, 100_000);
    await buy(c.accountId, 23_456);
    const close = isoPlus(1);
    const s = await svc().revolving.closeStatement(em(), c.accountId, close);
    // 10 % of 1,234.56 = 123.456 → 123.46 (half up); above the ¥100 floor.
    expect(s).toMatchObject({ seq: 1, balanceFen: 123_456, minimumPaymentFen: 12_346 });
    const [st] = await statements(c.accountId);
    expect(st).toMatchObject({ purchases: 123_456, points_earned: 1_234, previous: 0 });
    expect(st.due).toBe(day(isoPlus(21)));
    const pay = await svc().revolving.pay(
      em(),
      p,
      {
        accountId: c.accountId,
        amountFen: 123_456,
        idempotencyKey: key(),
        payment: { reference: key('pay'), channel: 'WALLET' },
      },
      isoPlus(10),
    );
    expect(pay).toMatchObject({ ok: true, value: { principalFen: 123_456, unappliedFen: 0 } });
    const accrued = await svc().revolving.accrue(em(), c.accountId, isoPlus(60));
    expect(accrued).toEqual({ interestFen: 0, feeFen: 0, creditAppliedFen: 0 });
    expect(await owed(c.accountId)).toMatchObject({ principal: 0, interest: 0, fees: 0 });
    await expectReconciled(api);
  });

  it('minimum paid: no late fee, daily interest on what is unpaid after the due day; next statement adds up', async () => {
    const c = await revolvingCustomer();
    await buy(c.accountId, 200_000);
    await svc().revolving.closeStatement(em(), c.accountId, isoPlus(1));
    const min = (await statements(c.accountId))[0].minimum;
    expect(min).toBe(20_000);
    const pay = await svc().revolving.pay(
      em(),
      p,
      {
        accountId: c.accountId,
        amountFen: min,
        idempotencyKey: key(),
        payment: { reference: key('pay'), channel: 'WALLET' },
      },
      isoPlus(5),
    );
    expect(pay.ok).toBe(true);
    // Due day = +21; ten days later: 180,000 × 0.05 % × 10 = 900.00 fen.
    const a = await svc().revolving.accrue(em(), c.accountId, isoPlus(31));
    expect(a).toEqual({ interestFen: 900, feeFen: 0, creditAppliedFen: 0 });
    // Running it again the same day charges nothing more.
    expect((await svc().revolving.accrue(em(), c.accountId, isoPlus(31))).interestFen).toBe(0);
    await buy(c.accountId, 5_000);
    await svc().revolving.closeStatement(em(), c.accountId, isoPlus(32));
    const [, s2] = await statements(c.accountId);
    // One more day of interest at the close: 180,000 × 0.05 % = 90.
    expect(s2).toMatchObject({
      previous: 200_000,
      payments: 20_000,
      purchases: 5_000,
      interest: 990,
      fees: 0,
      balance: 200_000 - 20_000 + 5_000 + 990,
    });
    // The minimum: 10 % of the balance before the cycle's interest, plus the interest.
    expect(s2.minimum).toBe(18_500 + 990);
    await expectReconciled(api);
  });

  it('minimum not paid: a late fee once; credit is applied before it', async () => {
    const c = await revolvingCustomer();
    await buy(c.accountId, 300_000);
    await svc().revolving.closeStatement(em(), c.accountId, isoPlus(1));
    const a = await svc().revolving.accrue(em(), c.accountId, isoPlus(22));
    // 5 % of the unpaid minimum 30,000 = 1,500; one day of interest on 300,000 = 150.
    expect(a).toEqual({ interestFen: 150, feeFen: 1_500, creditAppliedFen: 0 });
    expect((await svc().revolving.accrue(em(), c.accountId, isoPlus(23))).feeFen).toBe(0);

    const d = await revolvingCustomer();
    await buy(d.accountId, 300_000);
    await svc().revolving.closeStatement(em(), d.accountId, isoPlus(1));
    // ¥400 of the customer's own money (an overpayment on the installment side).
    const r = await svc().repayments.record(em(), p, {
      accountId: d.accountId,
      amountFen: 40_000,
      idempotencyKey: key(),
      payment: { reference: key('pay'), channel: 'WALLET' },
    });
    expect(r.ok && r.value.unappliedFen).toBe(40_000);
    const b = await svc().revolving.accrue(em(), d.accountId, isoPlus(22));
    expect(b).toEqual({ creditAppliedFen: 40_000, feeFen: 0, interestFen: 130 });
    await expectReconciled(api);
  });

  it('points are redeemed against the statement, within what is unpaid on it', async () => {
    const c = await revolvingCustomer();
    await buy(c.accountId, 150_000);
    await svc().revolving.closeStatement(em(), c.accountId, isoPlus(1));
    expect((await owed(c.accountId)).points).toBe(1_500);
    const tooMany = await svc().revolving.redeemPoints(em(), p, {
      accountId: c.accountId,
      points: 1_501,
      idempotencyKey: key(),
    });
    expect(!tooMany.ok && tooMany.errors[0]!.code).toBe('POINTS_INSUFFICIENT');
    const r = await svc().revolving.redeemPoints(em(), p, {
      accountId: c.accountId,
      points: 1_000,
      idempotencyKey: key(),
    });
    expect(r).toMatchObject({ ok: true, value: { points: 1_000, amountFen: 1_000 } });
    expect(await owed(c.accountId)).toMatchObject({ principal: 149_000, points: 500 });
    await svc().revolving.pay(em(), p, {
      accountId: c.accountId,
      amountFen: 149_000,
      idempotencyKey: key(),
      payment: { reference: key('pay'), channel: 'WALLET' },
    });
    const more = await svc().revolving.redeemPoints(em(), p, {
      accountId: c.accountId,
      points: 1,
      idempotencyKey: key(),
    });
    expect(!more.ok && more.errors[0]!.code).toBe('POINTS_EXCEED_STATEMENT');
    await svc().revolving.closeStatement(em(), c.accountId, isoPlus(32));
    const [, s2] = await statements(c.accountId);
    expect(s2).toMatchObject({ payments: 149_000, points_redeemed: 1_000, balance: 0, minimum: 0 });
    await expectReconciled(api);
  });

  it('refunds lower the revolving balance; a refund of what was already paid becomes credit', async () => {
    const c = await revolvingCustomer();
    const pu = await buy(c.accountId, 80_000);
    const r1 = await svc().refunds.refund(em(), p, {
      purchaseId: pu,
      amountFen: 30_000,
      merchantReference: key('rf'),
      idempotencyKey: key(),
    });
    expect(r1).toMatchObject({ ok: true, value: { principalReducedFen: 30_000, creditFen: 0 } });
    await svc().revolving.pay(em(), p, {
      accountId: c.accountId,
      amountFen: 50_000,
      idempotencyKey: key(),
      payment: { reference: key('pay'), channel: 'WALLET' },
    });
    const r2 = await svc().refunds.refund(em(), p, {
      purchaseId: pu,
      amountFen: 50_000,
      merchantReference: key('rf'),
      idempotencyKey: key(),
    });
    expect(r2).toMatchObject({ ok: true, value: { principalReducedFen: 0, creditFen: 50_000 } });
    await svc().revolving.closeStatement(em(), c.accountId, isoPlus(1));
    const [s] = await statements(c.accountId);
    expect(s).toMatchObject({ purchases: 80_000, refunds: 30_000, payments: 50_000, balance: 0 });
    // ¥800 bought, ¥800 refunded (¥300 off the principal, ¥500 as credit): no points.
    expect(s).toMatchObject({ points_earned: 0, card_refunds: 80_000 });
    await expectReconciled(api);
  });

  async function refund(purchaseId: string, amountFen: number) {
    const r = await svc().refunds.refund(em(), p, {
      purchaseId,
      amountFen,
      merchantReference: key('rf'),
      idempotencyKey: key(),
    });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    return r;
  }
  async function payAll(accountId: string, amountFen: number) {
    const r = await svc().revolving.pay(em(), p, {
      accountId,
      amountFen,
      idempotencyKey: key(),
      payment: { reference: key('pay'), channel: 'WALLET' },
    });
    expect(r.ok, JSON.stringify(r)).toBe(true);
  }

  it('points: a refund in the same cycle after payoff (credit) earns nothing', async () => {
    const c = await revolvingCustomer();
    const pu = await buy(c.accountId, 1_000_000);
    await payAll(c.accountId, 1_000_000);
    const r = await refund(pu, 1_000_000);
    expect(r).toMatchObject({ value: { principalReducedFen: 0, creditFen: 1_000_000 } });
    await svc().revolving.closeStatement(em(), c.accountId, isoPlus(1));
    const [s] = await statements(c.accountId);
    expect(s).toMatchObject({ purchases: 1_000_000, refunds: 0, card_refunds: 1_000_000 });
    expect(s.points_earned).toBe(0);
    expect((await owed(c.accountId)).points).toBe(0);
    await expectReconciled(api);
  });

  it('points: a return in the next cycle takes back what the closed statement gave', async () => {
    const c = await revolvingCustomer();
    const pu = await buy(c.accountId, 1_000_000);
    await buy(c.accountId, 12_399);
    await svc().revolving.closeStatement(em(), c.accountId, isoPlus(1));
    expect((await owed(c.accountId)).points).toBe(10_123);
    await payAll(c.accountId, 1_012_399); // paid: the return becomes credit
    await refund(pu, 600_000);
    await svc().revolving.closeStatement(em(), c.accountId, isoPlus(32));
    await refund(pu, 400_000);
    await buy(c.accountId, 5_000);
    await svc().revolving.closeStatement(em(), c.accountId, isoPlus(63));
    const ss = await statements(c.accountId);
    expect(ss.map((s: any) => s.points_earned)).toEqual([10_123, -6_000, -3_950]);
    expect((await owed(c.accountId)).points).toBe(173); // ¥173.99 of net spend kept
    await expectReconciled(api);
  });

  it('points: a refund split over cycles cannot keep a point (take-backs round toward −∞)', async () => {
    const c = await revolvingCustomer();
    const pu = await buy(c.accountId, 199);
    await svc().revolving.closeStatement(em(), c.accountId, isoPlus(1));
    expect((await owed(c.accountId)).points).toBe(1);
    await refund(pu, 99);
    await svc().revolving.closeStatement(em(), c.accountId, isoPlus(32));
    await refund(pu, 100);
    await svc().revolving.closeStatement(em(), c.accountId, isoPlus(63));
    expect((await statements(c.accountId)).map((s: any) => s.points_earned)).toEqual([1, -1, 0]);
    expect((await owed(c.accountId)).points).toBe(0);
    await expectReconciled(api);
  });

  it('points: redeemed points then a refund — the take-back stops at the balance, never below 0', async () => {
    const c = await revolvingCustomer();
    const pu = await buy(c.accountId, 80_000);
    await svc().revolving.closeStatement(em(), c.accountId, isoPlus(1));
    expect((await owed(c.accountId)).points).toBe(800);
    const r = await svc().revolving.redeemPoints(em(), p, {
      accountId: c.accountId,
      points: 500,
      idempotencyKey: key(),
    });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    await refund(pu, 70_000);
    await svc().revolving.closeStatement(em(), c.accountId, isoPlus(32));
    await refund(pu, 10_000);
    await svc().revolving.closeStatement(em(), c.accountId, isoPlus(63));
    const ss = await statements(c.accountId);
    expect(ss.map((s: any) => s.points_earned)).toEqual([800, -300, 0]);
    expect((await owed(c.accountId)).points).toBe(0);
    await expectReconciled(api); // points = Σ earned − redeemed: 800 − 300 + 0 − 500
  });

  it('overpaying the revolving balance is credit; a non-revolving account is refused', async () => {
    const c = await revolvingCustomer();
    await buy(c.accountId, 1_000);
    const r = await svc().revolving.pay(em(), p, {
      accountId: c.accountId,
      amountFen: 1_500,
      idempotencyKey: key(),
      payment: { reference: key('pay'), channel: 'WALLET' },
    });
    expect(r).toMatchObject({ ok: true, value: { principalFen: 1_000, unappliedFen: 500 } });
    const [a] = await api.sql<any>(
      `select credit_balance_fen::int as credit from credit_accounts where id = ?`,
      [c.accountId],
    );
    expect(a.credit).toBe(500);
    const other = await insertCustomer(api);
    const no = await svc().revolving.pay(em(), p, {
      accountId: other.accountId,
      amountFen: 100,
      idempotencyKey: key(),
    });
    expect(!no.ok && no.errors[0]!.code).toBe('NOT_REVOLVING');
    await expectReconciled(api);
  });

  it('the statement job closes due statements once per statement date', async () => {
    const c = await revolvingCustomer();
    await buy(c.accountId, 10_000);
    const [ra] = await api.sql<any>(
      `select to_char(next_statement_date, 'YYYY-MM-DD') as d from revolving_accounts where account_id = ?`,
      [c.accountId],
    );
    const at = new Date(`${ra.d}T01:00:00Z`);
    const first = await runRevolvingStatements(em(), at);
    expect(first.statements).toBeGreaterThanOrEqual(1);
    await runRevolvingStatements(em(), at);
    expect(await statements(c.accountId)).toHaveLength(1);
    await expectReconciled(api);
  });
});

describe('statement identity (property)', () => {
  it('balance = previous − payments + purchases + interest + fees − refunds − points redeemed, for any sequence', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({ op: fc.constant('buy' as const), n: fc.integer({ min: 1, max: 90_000 }) }),
            fc.record({ op: fc.constant('pay' as const), n: fc.integer({ min: 1, max: 120_000 }) }),
            fc.record({ op: fc.constant('refund' as const), n: fc.integer({ min: 1, max: 100 }) }),
            fc.record({ op: fc.constant('points' as const), n: fc.integer({ min: 1, max: 300 }) }),
            fc.record({ op: fc.constant('days' as const), n: fc.integer({ min: 1, max: 45 }) }),
            fc.record({ op: fc.constant('close' as const), n: fc.constant(0) }),
          ),
          { minLength: 3, maxLength: 14 },
        ),
        async (ops) => {
          const c = await revolvingCustomer(100_000_000);
          let t = 0;
          const bought: { id: string; left: number }[] = [];
          for (const o of [...ops, { op: 'close' as const, n: 0 }]) {
            const at = isoPlus(t);
            if (o.op === 'buy') bought.push({ id: await buy(c.accountId, o.n), left: o.n });
            else if (o.op === 'pay')
              await svc().revolving.pay(
                em(),
                p,
                { accountId: c.accountId, amountFen: o.n, idempotencyKey: key() },
                at,
              );
            else if (o.op === 'refund' && bought.length > 0) {
              const b = bought[o.n % bought.length]!;
              const amount = Math.max(1, Math.floor((b.left * o.n) / 100));
              if (b.left >= amount) {
                const r = await svc().refunds.refund(em(), p, {
                  purchaseId: b.id,
                  amountFen: amount,
                  merchantReference: key('rf'),
                  idempotencyKey: key(),
                });
                expect(r.ok).toBe(true);
                b.left -= amount;
              }
            } else if (o.op === 'points')
              await svc().revolving.redeemPoints(
                em(),
                p,
                { accountId: c.accountId, points: o.n, idempotencyKey: key() },
                at,
              );
            else if (o.op === 'days') {
              t += o.n;
              await svc().revolving.accrue(em(), c.accountId, isoPlus(t));
            } else {
              t += 1;
              await svc().revolving.closeStatement(em(), c.accountId, isoPlus(t));
            }
          }
          const ss = await statements(c.accountId);
          let previous = 0;
          for (const s of ss) {
            expect(s.previous).toBe(previous);
            expect(s.balance).toBe(
              s.previous -
                s.payments +
                s.purchases +
                s.interest +
                s.fees -
                s.refunds -
                s.points_redeemed,
            );
            previous = s.balance;
          }
          const o = await owed(c.accountId);
          expect(o.principal).toBeGreaterThanOrEqual(0);
          // Points never go negative, and never exceed whole yuan of net spend (bought − refunded).
          expect(o.points).toBeGreaterThanOrEqual(0);
          const net = bought.reduce((t, b) => t + b.left, 0);
          const earned = ss.reduce((t: number, s: any) => t + s.points_earned, 0);
          expect(earned).toBeLessThanOrEqual(Math.floor(net / 100));
          expect(previous).toBe(o.principal + o.interest + o.fees); // nothing after the last close
        },
      ),
      { numRuns: 12, seed: 20_261_203 },
    );
    await expectReconciled(api);
  });
});

describe('over GraphQL', () => {
  const STATEMENTS = `query($c: ID!) { customer(id: $c) { account { revolving { statementDay aprPercent dailyInterestPercent balance { amount } points }
    statements { seq status balance { amount } minimumPayment { amount } unpaid { amount } pointsEarned } revolvingOffer { status } } } }`;
  const PAY = `mutation($i: PayStatementInput!) { payStatement(input: $i) { repayment { kind amount { amount } principal { amount } interest { amount } }
    revolving { balance { amount } } userErrors { code field } } }`;

  it('a partner reads the line and statements, pays with its reference (once), redeems points; staff post other channels', async () => {
    const c = await revolvingCustomer();
    await buy(c.accountId, 50_000);
    await svc().revolving.closeStatement(em(), c.accountId, isoPlus(1));
    const cid = toGlobalId('Customer', c.customerId);
    const read = await api.exec<any>(p, STATEMENTS, { c: cid });
    expect(read.errors).toBeUndefined();
    expect(read.data.customer.account).toMatchObject({
      revolving: {
        aprPercent: '18.25',
        dailyInterestPercent: '0.05',
        balance: { amount: '500.00' },
        points: 500,
      },
      statements: [
        {
          seq: 1,
          status: 'OPEN',
          balance: { amount: '500.00' },
          minimumPayment: { amount: '100.00' },
        },
      ],
      revolvingOffer: { status: 'ACCEPTED' },
    });
    const input = {
      customerId: cid,
      amount: '200.00',
      idempotencyKey: key(),
      paymentReference: key('wx'),
      paymentChannel: 'WECHAT_PAY',
    };
    const paid = await api.exec<any>(p, PAY, { i: input });
    expect(paid.data.payStatement).toMatchObject({
      repayment: {
        kind: 'REVOLVING',
        amount: { amount: '200.00' },
        principal: { amount: '200.00' },
      },
      revolving: { balance: { amount: '300.00' } },
      userErrors: [],
    });
    const dup = await api.exec<any>(p, PAY, { i: { ...input, idempotencyKey: key() } });
    expect(dup.data.payStatement.userErrors[0].code).toBe('DUPLICATE_PAYMENT_REFERENCE');
    const noRef = await api.exec<any>(staff, PAY, {
      i: {
        accountId: toGlobalId('CreditAccount', c.accountId),
        amount: '1.00',
        idempotencyKey: key(),
      },
    });
    expect(noRef.data.payStatement.userErrors[0].code).toBe('REFERENCE_REQUIRED');
    const posted = await api.exec<any>(staff, PAY, {
      i: {
        accountId: toGlobalId('CreditAccount', c.accountId),
        amount: '1.00',
        idempotencyKey: key(),
        channel: 'bank_transfer',
        reference: key('bt'),
      },
    });
    expect(posted.data.payStatement.userErrors).toEqual([]);
    const redeem = `mutation($i: RedeemPointsInput!) { redeemPoints(input: $i) { redeemed { amount } revolving { points } userErrors { code } } }`;
    const bad = await api.exec<any>(p, redeem, {
      i: { customerId: cid, points: 0, idempotencyKey: key() },
    });
    expect(bad.data.redeemPoints.userErrors[0].code).toBe('INVALID_POINTS');
    const ok = await api.exec<any>(p, redeem, {
      i: { customerId: cid, points: 100, idempotencyKey: key() },
    });
    expect(ok.data.redeemPoints).toMatchObject({
      redeemed: { amount: '1.00' },
      revolving: { points: 400 },
      userErrors: [],
    });
    await expectReconciled(api);
  });

  it('staff offer through GraphQL; NOT_ELIGIBLE names the reasons; partners cannot offer or read eligibility', async () => {
    const c = await insertCustomer(api);
    const aid = toGlobalId('CreditAccount', c.accountId);
    const OFFER = `mutation($i: RevolvingAccountInput!) { offerRevolvingUpgrade(input: $i) { offer { status } userErrors { code message } } }`;
    const no = await api.exec<any>(staff, OFFER, { i: { accountId: aid, idempotencyKey: key() } });
    expect(no.data.offerRevolvingUpgrade.userErrors[0].code).toBe('NOT_ELIGIBLE');
    await giveGoodHistory(api, c.accountId);
    const yes = await api.exec<any>(staff, OFFER, { i: { accountId: aid, idempotencyKey: key() } });
    expect(yes.data.offerRevolvingUpgrade).toMatchObject({
      offer: { status: 'OFFERED' },
      userErrors: [],
    });
    const asPartner = await api.exec<any>(p, OFFER, {
      i: { accountId: aid, idempotencyKey: key() },
    });
    expect(asPartner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const elig = await api.exec<any>(
      p,
      `query($c: ID!) { customer(id: $c) { account { revolvingEligibility { eligible } } } }`,
      { c: toGlobalId('Customer', c.customerId) },
    );
    expect(elig.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const staffElig = await api.exec<any>(
      staff,
      `query($c: ID!) { customer(id: $c) { account { revolvingEligibility { eligible reasons onTimeInstallments } } } }`,
      { c: toGlobalId('Customer', c.customerId) },
    );
    expect(staffElig.data.customer.account.revolvingEligibility).toEqual({
      eligible: true,
      reasons: [],
      onTimeInstallments: 6,
    });
  });
});
