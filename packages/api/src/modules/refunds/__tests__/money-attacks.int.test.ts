/**
 * Issue 14 reviewed as an attacker would try it (docs/money.md): concurrent refunds and captures
 * beyond the purchase, another partner's purchase, replays with a changed body, aliases in one
 * document, a refund of a written-off balance, staff operations with a blank reason, one coupon
 * raced by two captures.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../../../../test/harness.js';
import { insertCustomer, insertStaff } from '../../../../test/fixtures.js';
import { fromGlobalId, toGlobalId } from '../../../graphql/relay.js';
import type { Viewer } from '../../auth/viewer.js';
import { noFraudRules } from '../../purchases/purchase-rules.js';
import { runOverdue } from '../../overdue/overdue.service.js';
import {
  CAPTURE,
  RELEASE,
  REPAY,
  account,
  authorize,
  expectReconciled,
  key,
  partner,
} from '../../purchases/__tests__/money-helpers.js';

const api = useTestApi();
let p: Viewer;
let other: Viewer;
let sup: Viewer;
let risk: Viewer;
let agent: Viewer;
beforeAll(async () => {
  p = await partner(api);
  other = await partner(api);
  api.app.services.purchases.rules = noFraudRules;
  ({ sup, risk, agent } = await insertStaff(api, 'atk'));
});

const REFUND = `mutation($input: RefundPurchaseInput!) { refundPurchase(input: $input) {
  refund { id amount { amount } principalReduced { amount } credit { amount } recovered { amount } }
  purchase { refundedAmount { amount } } userErrors { code field } } }`;
const gid = (id: string) => toGlobalId('CreditAccount', id);
const refundInput = (purchaseId: string, amount: string, over: Record<string, unknown> = {}) => ({
  purchaseId,
  amount,
  merchantReference: key('ref'),
  idempotencyKey: key(),
  ...over,
});
const refund = async (v: Viewer, input: Record<string, unknown>) => {
  const r = await api.exec<any>(v, REFUND, { input });
  expect(r.errors).toBeUndefined();
  return r.data!.refundPurchase;
};
const capture = async (v: Viewer, input: Record<string, unknown>) => {
  const r = await api.exec<any>(v, CAPTURE, { input: { idempotencyKey: key(), ...input } });
  expect(r.errors).toBeUndefined();
  return r.data!.capturePurchase;
};
const creditOf = async (accountId: string) =>
  Number(
    (
      await api.sql<any>(`select credit_balance_fen::int as c from credit_accounts where id = ?`, [
        accountId,
      ])
    )[0].c,
  );

describe('refunds and captures under attack', () => {
  it('concurrent refunds never refund more than was captured', async () => {
    const c = await insertCustomer(api, { baseLimitFen: 1_000_000 });
    const a = await authorize(api, p, c.accountId, '1200');
    expect((await capture(p, { purchaseId: a.purchase.id, term: 'M3' })).userErrors).toEqual([]);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => refund(p, refundInput(a.purchase.id, '300'))),
    );
    expect(results.filter((r) => r.userErrors.length === 0)).toHaveLength(4);
    expect(
      results.filter((r) => r.userErrors[0]?.code === 'REFUND_EXCEEDS_REFUNDABLE'),
    ).toHaveLength(4);
    const [pu] = await api.sql<any>(
      `select refunded_fen::int as r, captured_fen::int as c from purchases where id = ?`,
      [fromGlobalId(a.purchase.id)!.id],
    );
    expect(pu).toEqual({ r: 120_000, c: 120_000 });
    expect(await account(api, c.accountId)).toMatchObject({ outstanding: 0, used: 0 });
    await expectReconciled(api);
  });

  it('concurrent partial captures never capture more than the hold', async () => {
    const c = await insertCustomer(api, { baseLimitFen: 1_000_000 });
    const a = await authorize(api, p, c.accountId, '1000');
    const results = await Promise.all(
      Array.from({ length: 6 }, () => capture(p, { purchaseId: a.purchase.id, amount: '300' })),
    );
    expect(results.filter((r) => r.userErrors.length === 0)).toHaveLength(3);
    expect(results.filter((r) => r.userErrors[0]?.code === 'CAPTURE_EXCEEDS_HOLD')).toHaveLength(3);
    expect(await account(api, c.accountId)).toMatchObject({
      outstanding: 90_000,
      held: 10_000,
      used: 100_000,
    });
    await expectReconciled(api);
  });

  it('another partner cannot refund, capture or release a purchase of a customer both serve', async () => {
    const c = await insertCustomer(api, { baseLimitFen: 1_000_000 });
    const held = await authorize(api, p, c.accountId, '200');
    const captured = await authorize(api, p, c.accountId, '300');
    expect((await capture(p, { purchaseId: captured.purchase.id })).userErrors).toEqual([]);
    expect(
      (await refund(other, refundInput(captured.purchase.id, '10'))).userErrors[0],
    ).toMatchObject({ code: 'PURCHASE_NOT_FOUND', field: ['purchaseId'] });
    expect((await capture(other, { purchaseId: held.purchase.id })).userErrors[0].code).toBe(
      'PURCHASE_NOT_FOUND',
    );
    const rel = await api.exec<any>(other, RELEASE, {
      input: { purchaseId: held.purchase.id, idempotencyKey: key() },
    });
    expect(rel.data!.releasePurchase.userErrors[0].code).toBe('PURCHASE_NOT_FOUND');
    const ext = await api.exec<any>(
      other,
      `mutation($i: ExtendHoldInput!) { extendHold(input: $i) { userErrors { code } } }`,
      { i: { purchaseId: held.purchase.id, idempotencyKey: key() } },
    );
    expect(ext.data!.extendHold.userErrors[0].code).toBe('PURCHASE_NOT_FOUND');
    // Nothing moved; the owner still can.
    expect(await account(api, c.accountId)).toMatchObject({ held: 20_000, outstanding: 30_000 });
    expect((await refund(p, refundInput(captured.purchase.id, '10'))).userErrors).toEqual([]);
    await expectReconciled(api);
  });

  it("one merchant reference on two customers' purchases at once: one refund, one DUPLICATE_REFUND_REFERENCE", async () => {
    for (let round = 0; round < 3; round++) {
      const buys = [];
      for (let i = 0; i < 2; i++) {
        const c = await insertCustomer(api, { baseLimitFen: 1_000_000 });
        const a = await authorize(api, p, c.accountId, '100');
        await capture(p, { purchaseId: a.purchase.id });
        buys.push(a.purchase.id as string);
      }
      const ref = key('rma');
      const results = await Promise.all(
        buys.map((id) => refund(p, refundInput(id, '10', { merchantReference: ref }))),
      );
      expect(results.map((r) => r.userErrors[0]?.code ?? 'OK').sort()).toEqual([
        'DUPLICATE_REFUND_REFERENCE',
        'OK',
      ]);
    }
    await expectReconciled(api);
  });

  it('a replay with a changed body is refused and moves nothing; aliases in one document cannot exceed either', async () => {
    const c = await insertCustomer(api, { baseLimitFen: 1_000_000 });
    const a = await authorize(api, p, c.accountId, '1200');
    await capture(p, { purchaseId: a.purchase.id });
    const first = refundInput(a.purchase.id, '100');
    expect((await refund(p, first)).userErrors).toEqual([]);
    for (const changed of [
      { ...first, amount: '900' },
      { ...first, merchantReference: key('ref') },
    ])
      expect((await refund(p, changed)).userErrors[0].code).toBe('IDEMPOTENCY_KEY_REUSED');
    const replay = await refund(p, first);
    expect(replay.purchase.refundedAmount.amount).toBe('100.00');
    // Three refunds of ¥600 in one document: only the first fits what is left (¥1,100).
    const doc = `mutation($a: RefundPurchaseInput!, $b: RefundPurchaseInput!, $c: RefundPurchaseInput!) {
      a: refundPurchase(input: $a) { userErrors { code } }
      b: refundPurchase(input: $b) { userErrors { code } }
      c: refundPurchase(input: $c) { userErrors { code } } }`;
    const r = await api.exec<any>(p, doc, {
      a: refundInput(a.purchase.id, '600'),
      b: refundInput(a.purchase.id, '600'),
      c: refundInput(a.purchase.id, '500'),
    });
    expect(r.errors).toBeUndefined();
    expect(
      [r.data!.a, r.data!.b, r.data!.c].map((x: any) => x.userErrors[0]?.code ?? 'OK'),
    ).toEqual(['OK', 'REFUND_EXCEEDS_REFUNDABLE', 'OK']);
    expect(await account(api, c.accountId)).toMatchObject({ outstanding: 0 });
    await expectReconciled(api);
  });

  it('a refund of a written-off balance recovers the write-off; only what the customer paid becomes credit', async () => {
    const c = await insertCustomer(api, { baseLimitFen: 1_000_000 });
    const a = await authorize(api, p, c.accountId, '600');
    expect((await capture(p, { purchaseId: a.purchase.id, term: 'M3' })).userErrors).toEqual([]);
    const k = key();
    const paid = await api.exec<any>(p, REPAY, {
      input: {
        accountId: gid(c.accountId),
        amount: '150',
        idempotencyKey: k,
        paymentReference: `ref-${k}`,
        paymentChannel: 'ALIPAY',
      },
    });
    expect(paid.data!.recordRepayment.userErrors).toEqual([]);
    const [{ pp }] = await api.sql<any>(
      `select sum(paid_principal_fen)::int as pp from schedule_lines where account_id = ?`,
      [c.accountId],
    );
    expect(pp).toBeGreaterThan(0);
    await api.sql(
      `update schedule_lines set due_date = current_date - 20 where account_id = ? and seq = 1`,
      [c.accountId],
    );
    await runOverdue(api.orm.em.fork());
    const WO = `mutation($i: WriteOffBalanceInput!) { writeOffBalance(input: $i) { principal { amount } userErrors { code } } }`;
    const wo = (
      await api.exec<any>(risk, WO, {
        i: { accountId: gid(c.accountId), reason: '失联，无法催收', idempotencyKey: key() },
      })
    ).data!.writeOffBalance;
    expect(wo.userErrors).toEqual([]);
    expect(Math.round(Number(wo.principal.amount) * 100)).toBe(60_000 - pp);
    // The merchant refunds the whole purchase: the lender recovers what it wrote off; the
    // customer gets back only the principal they paid.
    const r = await refund(p, refundInput(a.purchase.id, '600'));
    expect(r.userErrors).toEqual([]);
    expect(Math.round(Number(r.refund.recovered.amount) * 100)).toBe(60_000 - pp);
    expect(Math.round(Number(r.refund.credit.amount) * 100)).toBe(pp);
    expect(r.refund.principalReduced.amount).toBe('0.00');
    expect(await creditOf(c.accountId)).toBe(pp);
    const [w] = await api.sql<any>(
      `select recovered_fen::int as r, principal_fen::int as p from write_offs where account_id = ?`,
      [c.accountId],
    );
    expect(w).toEqual({ r: 60_000 - pp, p: 60_000 - pp });
    // So a supervisor can pay out no more than the customer's own money.
    const PAYOUT = `mutation($i: PayOutCreditInput!) { payOutCredit(input: $i) { userErrors { code } } }`;
    const tooMuch = (
      await api.exec<any>(sup, PAYOUT, {
        i: {
          accountId: gid(c.accountId),
          amount: ((pp + 1) / 100).toFixed(2),
          reference: key('out'),
          reason: '退款退回客户',
          idempotencyKey: key(),
        },
      })
    ).data!.payOutCredit;
    expect(tooMuch.userErrors[0].code).toBe('CREDIT_INSUFFICIENT');
    await expectReconciled(api);
  });
});

describe('staff money operations under attack', () => {
  it('a blank reason or reference is refused before anything moves; roles are enforced', async () => {
    const c = await insertCustomer(api, { baseLimitFen: 1_000_000 });
    const a = await authorize(api, p, c.accountId, '600');
    await capture(p, { purchaseId: a.purchase.id, term: 'M3' });
    const [plan] = await api.sql<any>(
      `select id::text from installment_plans where account_id = ?`,
      [c.accountId],
    );
    const WAIVE = `mutation($i: WaiveFeeInput!) { waiveFee(input: $i) { waived { amount } userErrors { code field } } }`;
    const w = {
      planId: toGlobalId('InstallmentPlan', plan.id),
      seq: 1,
      kind: 'FEE',
      reason: '   ',
      idempotencyKey: key(),
    };
    expect((await api.exec<any>(sup, WAIVE, { i: w })).data!.waiveFee.userErrors[0]).toEqual({
      code: 'REASON_REQUIRED',
      field: ['reason'],
    });
    expect((await api.exec<any>(agent, WAIVE, { i: w })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await api.exec<any>(p, WAIVE, { i: w })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const WO = `mutation($i: WriteOffBalanceInput!) { writeOffBalance(input: $i) { userErrors { code } } }`;
    expect(
      (
        await api.exec<any>(risk, WO, {
          i: { accountId: gid(c.accountId), reason: ' \t ', idempotencyKey: key() },
        })
      ).data!.writeOffBalance.userErrors[0].code,
    ).toBe('REASON_REQUIRED');
    const WRC = `mutation($i: WaiveRevolvingChargeInput!) { waiveRevolvingCharge(input: $i) { userErrors { code } } }`;
    expect(
      (
        await api.exec<any>(sup, WRC, {
          i: {
            accountId: gid(c.accountId),
            statementSeq: 1,
            kind: 'FEE',
            reason: '  ',
            idempotencyKey: key(),
          },
        })
      ).data!.waiveRevolvingCharge.userErrors[0].code,
    ).toBe('REASON_REQUIRED');
    const PAYOUT = `mutation($i: PayOutCreditInput!) { payOutCredit(input: $i) { userErrors { code } } }`;
    const payout = {
      accountId: gid(c.accountId),
      amount: '1',
      reference: 'OUT-1',
      reason: ' ',
      idempotencyKey: key(),
    };
    expect(
      (await api.exec<any>(sup, PAYOUT, { i: payout })).data!.payOutCredit.userErrors[0].code,
    ).toBe('REASON_REQUIRED');
    expect(
      (await api.exec<any>(sup, PAYOUT, { i: { ...payout, reason: '客户要求', reference: '  ' } }))
        .data!.payOutCredit.userErrors[0].code,
    ).toBe('REFERENCE_REQUIRED');
    expect((await api.exec<any>(agent, PAYOUT, { i: payout })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const POST = `mutation($i: PostExternalRepaymentInput!) { postExternalRepayment(input: $i) { userErrors { code field } } }`;
    const post = {
      accountId: gid(c.accountId),
      amount: '20',
      channel: 'BANK_TRANSFER',
      reference: '   ',
      idempotencyKey: key(),
    };
    expect(
      (await api.exec<any>(agent, POST, { i: post })).data!.postExternalRepayment.userErrors[0],
    ).toEqual({ code: 'REFERENCE_REQUIRED', field: ['reference'] });
    // A merchant reference of spaces was an internal error (the database refused it).
    expect(
      (await refund(p, refundInput(a.purchase.id, '1', { merchantReference: '   ' })))
        .userErrors[0],
    ).toEqual({ code: 'REFERENCE_REQUIRED', field: ['merchantReference'] });
    const moved = await api.sql<any>(
      `select count(*)::int as n from ledger_entries where account_id = ? and kind in ('FEE_WAIVED', 'WRITE_OFF_PRINCIPAL', 'CREDIT_PAYOUT', 'REPAY_PRINCIPAL', 'REPAY_FEE', 'REFUND_PRINCIPAL')`,
      [c.accountId],
    );
    expect(moved[0].n).toBe(0);
    await expectReconciled(api);
  });
});

describe('a written-off account stays frozen until a person decides', () => {
  const FILE = `mutation($i: FileRecoveryRequestInput!) { fileRecoveryRequest(input: $i) {
    recoveryRequest { status autoOutcome reasons { code text } } userErrors { code } } }`;
  const writtenOff = async (daysPastDue: number) => {
    const c = await insertCustomer(api, { baseLimitFen: 500_000 });
    const a = await authorize(api, p, c.accountId, '600');
    await capture(p, { purchaseId: a.purchase.id, term: 'M3' });
    await api.sql(
      `update schedule_lines set due_date = current_date - ${daysPastDue} where account_id = ? and seq = 1`,
      [c.accountId],
    );
    await runOverdue(api.orm.em.fork());
    const wo = await api.exec<any>(
      risk,
      `mutation($i: WriteOffBalanceInput!) { writeOffBalance(input: $i) { userErrors { code } } }`,
      { i: { accountId: gid(c.accountId), reason: '无法联系客户', idempotencyKey: key() } },
    );
    expect(wo.data!.writeOffBalance.userErrors).toEqual([]);
    expect((await account(api, c.accountId)).status).toBe('FROZEN');
    // A score can look good again (a review of other data): the write-off must still count.
    await api.sql(
      `update credit_accounts set score = 700, grade = 'A', probability_of_default = 0.05 where id = ?`,
      [c.accountId],
    );
    return c;
  };

  it('an UNFREEZE request for a written-off account goes to a supervisor, never approved automatically', async () => {
    const c = await writtenOff(20);
    const res = await api.exec<any>(agent, FILE, {
      i: {
        customerId: toGlobalId('Customer', c.customerId),
        type: 'UNFREEZE',
        reason: '客户来电要求解冻',
      },
    });
    expect(res.errors).toBeUndefined();
    const r = res.data!.fileRecoveryRequest.recoveryRequest;
    expect(r).toMatchObject({ status: 'UNDER_REVIEW', autoOutcome: 'ROUTE_TO_SUPERVISOR' });
    expect(r.reasons[0].code).toBe('RECOVERY_WRITTEN_OFF');
    expect(r.reasons[0].text).not.toMatch(/[A-Z]{2,}_/);
    expect((await account(api, c.accountId)).status).toBe('FROZEN');
  });

  it('a repayment after the write-off does not unfreeze it by itself', async () => {
    // Frozen by the overdue job first (30 days), then written off.
    const c = await writtenOff(40);
    const k = key();
    const r = await api.exec<any>(p, REPAY, {
      input: {
        accountId: gid(c.accountId),
        amount: '1',
        idempotencyKey: k,
        paymentReference: `ref-${k}`,
        paymentChannel: 'ALIPAY',
      },
    });
    expect(r.data!.recordRepayment.userErrors).toEqual([]);
    expect((await account(api, c.accountId)).status).toBe('FROZEN');
    const auto = await api.sql<any>(
      `select q.status from recovery_requests q where q.account_id = ? and q.status in ('APPROVED', 'COMPLETED')`,
      [c.accountId],
    );
    expect(auto).toEqual([]);
    await expectReconciled(api);
  });
});
