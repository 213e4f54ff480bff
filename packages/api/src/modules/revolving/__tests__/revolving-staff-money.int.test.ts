/**
 * Staff money operations on a revolving line (issue 14 item 7 for the upgrade): a supervisor
 * waives revolving interest or late fees charged for a statement, a risk admin writes off a
 * delinquent revolving balance — each in the ledger, the audit log and `reconcile`, and in the
 * next statement's identity (`waived`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../../../../test/harness.js';
import { insertCustomer, insertStaff } from '../../../../test/fixtures.js';
import type { Viewer } from '../../auth/viewer.js';
import { noFraudRules } from '../../purchases/purchase-rules.js';
import { expectReconciled, key, partner } from '../../purchases/__tests__/money-helpers.js';
import { toGlobalId } from '../../../graphql/relay.js';
import {
  buyOnRevolving,
  isoPlus,
  revolvingCustomer as newRevolvingCustomer,
} from './revolving-fixtures.js';

const api = useTestApi();
let p: Viewer;
let staff: Viewer;
let sup: Viewer;
let risk: Viewer;
beforeAll(async () => {
  p = await partner(api);
  ({ sup, risk, agent: staff } = await insertStaff(api, 'rs'));
  api.app.services.purchases.rules = noFraudRules;
});

const svc = () => api.app.services;
const em = () => api.orm.em.fork();
const gid = (id: string) => toGlobalId('CreditAccount', id);

const revolvingCustomer = () => newRevolvingCustomer(api, staff, p);
const buy = (accountId: string, amountFen: number) => buyOnRevolving(api, p, accountId, amountFen);

async function line(accountId: string) {
  const [r] = await api.sql<any>(
    `select ra.principal_fen::int as principal, ra.interest_fen::int as interest, ra.fees_fen::int as fees,
            a.outstanding_principal_fen::int as outstanding, a.status
       from revolving_accounts ra join credit_accounts a on a.id = ra.account_id where ra.account_id = ?`,
    [accountId],
  );
  return r as {
    principal: number;
    interest: number;
    fees: number;
    outstanding: number;
    status: string;
  };
}

async function statement(accountId: string, seq: number) {
  const [s] = await api.sql<any>(
    `select previous_balance_fen::int as previous, payments_fen::int as payments, purchases_fen::int as purchases, interest_fen::int as interest,
            fees_fen::int as fees, refunds_fen::int as refunds, points_redeemed_fen::int as points, waived_fen::int as waived,
            balance_fen::int as balance, paid_fen::int as paid
       from statements where account_id = ? and seq = ?`,
    [accountId, seq],
  );
  return s;
}

const WAIVE = `mutation($i: WaiveRevolvingChargeInput!) { waiveRevolvingCharge(input: $i) { waived { amount } userErrors { code field message } } }`;

describe('revolving waivers (supervisor)', () => {
  it('waives the late fee and interest charged for a statement; never more than charged and unpaid; the next statement shows it', async () => {
    const c = await revolvingCustomer();
    await buy(c.accountId, 100_000);
    await svc().revolving.closeStatement(em(), c.accountId, isoPlus(1)); // due day 22
    // Minimum missed: a late fee once, interest for the days after the due day (both for statement 1).
    await svc().revolving.accrue(em(), c.accountId, isoPlus(30));
    const charged = await line(c.accountId);
    expect(charged.fees).toBeGreaterThan(0);
    expect(charged.interest).toBeGreaterThan(0);
    const i = {
      accountId: gid(c.accountId),
      statementSeq: 1,
      kind: 'FEE',
      reason: 'customer was in hospital',
      idempotencyKey: key(),
    };
    expect((await api.exec<any>(staff, WAIVE, { i })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const over = (
      await api.exec<any>(sup, WAIVE, {
        i: { ...i, amount: ((charged.fees + 1) / 100).toFixed(2), idempotencyKey: key() },
      })
    ).data!.waiveRevolvingCharge;
    expect(over.userErrors[0].code).toBe('WAIVER_EXCEEDS_UNPAID');
    const fee = (await api.exec<any>(sup, WAIVE, { i })).data!.waiveRevolvingCharge;
    expect(fee.userErrors).toEqual([]);
    expect(Math.round(Number(fee.waived.amount) * 100)).toBe(charged.fees);
    const replay = (await api.exec<any>(sup, WAIVE, { i })).data!.waiveRevolvingCharge;
    expect(replay.waived.amount).toBe(fee.waived.amount);
    const again = (await api.exec<any>(sup, WAIVE, { i: { ...i, idempotencyKey: key() } })).data!
      .waiveRevolvingCharge;
    expect(again.userErrors[0].code).toBe('NOTHING_TO_WAIVE');
    const none = (
      await api.exec<any>(sup, WAIVE, { i: { ...i, statementSeq: 2, idempotencyKey: key() } })
    ).data!.waiveRevolvingCharge;
    expect(none.userErrors[0]).toMatchObject({
      code: 'STATEMENT_NOT_FOUND',
      field: ['statementSeq'],
    });
    // Part of the interest, through the service at the same day.
    const part = await svc().staffMoney.waiveRevolving(
      em(),
      sup,
      {
        accountId: c.accountId,
        statementSeq: 1,
        kind: 'INTEREST',
        amountFen: 1,
        reason: 'goodwill',
        idempotencyKey: key(),
      },
      isoPlus(30),
    );
    expect(part).toMatchObject({ ok: true, value: { waivedFen: 1 } });
    expect(await line(c.accountId)).toMatchObject({
      principal: 100_000,
      fees: 0,
      interest: charged.interest - 1,
    });
    // Statement 1's charges were not on any statement yet: statement 1's paid is unchanged.
    expect((await statement(c.accountId, 1)).paid).toBe(0);
    const s2 = await svc().revolving.closeStatement(em(), c.accountId, isoPlus(32));
    const st = await statement(c.accountId, 2);
    expect(st.waived).toBe(charged.fees + 1);
    expect(st.balance).toBe(
      st.previous -
        st.payments +
        st.purchases +
        st.interest +
        st.fees -
        st.refunds -
        st.points -
        st.waived,
    );
    expect(s2.balanceFen).toBe(st.balance);
    // Waiving what is on the latest statement (charged for statement 1) counts toward it.
    const rest = await svc().staffMoney.waiveRevolving(
      em(),
      sup,
      {
        accountId: c.accountId,
        statementSeq: 1,
        kind: 'INTEREST',
        amountFen: null,
        reason: 'goodwill',
        idempotencyKey: key(),
      },
      isoPlus(32),
    );
    expect(rest.ok, JSON.stringify(rest)).toBe(true);
    expect((await statement(c.accountId, 2)).paid).toBe(rest.ok ? rest.value.waivedFen : -1);
    const notRevolving = await insertCustomer(api);
    const nr = await svc().staffMoney.waiveRevolving(em(), sup, {
      accountId: notRevolving.accountId,
      statementSeq: 1,
      kind: 'FEE',
      amountFen: null,
      reason: 'x',
      idempotencyKey: key(),
    });
    expect(!nr.ok && nr.errors[0]!.code).toBe('NOT_REVOLVING');
    const audit = await api.sql<any>(
      `select details from audit_log where customer_id = ? and action = 'waiveRevolvingCharge' order by id`,
      [c.customerId],
    );
    expect(audit.map((a: any) => a.details.kind)).toEqual(['FEE', 'INTEREST', 'INTEREST']);
    expect(audit[0].details.reason).toBe('customer was in hospital');
    const ledger = await api.sql<any>(
      `select kind, sum(amount_fen)::int as s from ledger_entries where account_id = ? and ref_type = 'revolving_waiver' group by kind order by kind`,
      [c.accountId],
    );
    // All interest charged for statement 1 (to day 32, when statement 2 closed) is waived.
    const [forS1] = await api.sql<any>(
      `select sum(amount_fen)::int as s from ledger_entries where account_id = ? and kind = 'REVOLVING_INTEREST'
          and ref_type = 'statement' and ref_id = (select id from statements where account_id = ? and seq = 1)`,
      [c.accountId, c.accountId],
    );
    expect(forS1.s).toBeGreaterThan(charged.interest);
    expect(ledger).toEqual([
      { kind: 'REVOLVING_FEE_WAIVED', s: charged.fees },
      { kind: 'REVOLVING_INTEREST_WAIVED', s: forS1.s },
    ]);
    expect((await line(c.accountId)).interest).toBe(0);
    await expectReconciled(api);
  });
});

describe('revolving write-off (risk admin)', () => {
  const WO = `mutation($i: WriteOffBalanceInput!) { writeOffBalance(input: $i) { account { status } principal { amount } revolving { amount } userErrors { code } } }`;

  it('a revolving line is delinquent only when its minimum is past due; written off, it owes nothing and accrues nothing', async () => {
    const c = await revolvingCustomer();
    await buy(c.accountId, 80_000);
    await svc().revolving.closeStatement(em(), c.accountId, isoPlus(1));
    const wi = { accountId: gid(c.accountId), reason: 'uncollectable', idempotencyKey: key() };
    // Before the due day: not delinquent (GraphQL runs today).
    const early = (await api.exec<any>(risk, WO, { i: wi })).data!.writeOffBalance;
    expect(early.userErrors[0].code).toBe('NOT_DELINQUENT');
    expect((await api.exec<any>(sup, WO, { i: wi })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    // Minimum paid, due day passed: still not delinquent.
    const paidUp = await revolvingCustomer();
    await buy(paidUp.accountId, 80_000);
    const s = await svc().revolving.closeStatement(em(), paidUp.accountId, isoPlus(1));
    const pay = await svc().revolving.pay(
      em(),
      p,
      { accountId: paidUp.accountId, amountFen: s.minimumPaymentFen, idempotencyKey: key() },
      isoPlus(5),
    );
    expect(pay.ok).toBe(true);
    const current = await svc().staffMoney.writeOff(
      em(),
      risk,
      { accountId: paidUp.accountId, reason: 'no', idempotencyKey: key() },
      isoPlus(40),
    );
    expect(!current.ok && current.errors[0]!.code).toBe('NOT_DELINQUENT');
    // ¥50 of customer credit (an overpayment): applied to the statement when the line is brought
    // to the day, inside the write-off — not enough for the minimum (¥100), so still delinquent.
    const credit = await svc().repayments.record(em(), p, {
      accountId: c.accountId,
      amountFen: 5_000,
      idempotencyKey: key(),
    });
    expect(credit.ok && credit.value.unappliedFen).toBe(5_000);
    // Minimum missed: written off on day 40 (credit, the late fee and interest to that day first).
    const wo = await svc().staffMoney.writeOff(
      em(),
      risk,
      { accountId: c.accountId, reason: 'uncollectable', idempotencyKey: key() },
      isoPlus(40),
    );
    expect(wo.ok, JSON.stringify(wo)).toBe(true);
    if (!wo.ok) return;
    expect(wo.value.revolvingPrincipalFen).toBe(75_000);
    expect(wo.value.principalFen).toBe(0); // no phantom opening balance
    expect(wo.value.revolvingInterestFen).toBeGreaterThan(0);
    expect(wo.value.revolvingFeesFen).toBeGreaterThan(0);
    expect(await line(c.accountId)).toMatchObject({
      principal: 0,
      interest: 0,
      fees: 0,
      outstanding: 0,
      status: 'FROZEN',
    });
    // Nothing more accrues; the next statement shows the write-off as waived and a zero balance.
    await svc().revolving.accrue(em(), c.accountId, isoPlus(50));
    expect(await line(c.accountId)).toMatchObject({ interest: 0, fees: 0 });
    await svc().revolving.closeStatement(em(), c.accountId, isoPlus(55));
    const st = await statement(c.accountId, 2);
    const total =
      wo.value.revolvingPrincipalFen + wo.value.revolvingInterestFen + wo.value.revolvingFeesFen;
    expect(st).toMatchObject({ balance: 0, waived: total, previous: 80_000 });
    const [row] = await api.sql<any>(
      `select revolving_principal_fen::int as p, revolving_interest_fen::int as i, revolving_fees_fen::int as f from write_offs where id = ?`,
      [wo.value.writeOffId],
    );
    expect(row).toEqual({
      p: wo.value.revolvingPrincipalFen,
      i: wo.value.revolvingInterestFen,
      f: wo.value.revolvingFeesFen,
    });
    const [audit] = await api.sql<any>(
      `select details from audit_log where customer_id = ? and action = 'writeOffBalance'`,
      [c.customerId],
    );
    expect(audit.details).toMatchObject({ revolvingPrincipalFen: 75_000, reason: 'uncollectable' });
    await expectReconciled(api);
  });
});
