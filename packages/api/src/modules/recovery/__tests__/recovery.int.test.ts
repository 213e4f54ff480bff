import { beforeAll, describe, expect, it } from 'vitest';
import { agentViewer, supervisorViewer, useTestApi } from '../../../../test/harness.js';
import { insertAgent, insertCustomer } from '../../../../test/fixtures.js';
import { toGlobalId } from '../../../graphql/relay.js';
import type { Viewer } from '../../auth/viewer.js';
import { noFraudRules } from '../../purchases/purchase-rules.js';
import {
  CAPTURE,
  REPAY,
  account,
  authorize,
  expectReconciled,
  key,
  partner,
} from '../../purchases/__tests__/money-helpers.js';
import { RECOVERY_TRANSITIONS, applyDueRestorationStages, canTransition } from '../restoration.js';

const api = useTestApi();
let agent: Viewer;
let sup: Viewer;
let p: Viewer;

beforeAll(async () => {
  agent = agentViewer(await insertAgent(api, 'agent7', 'AGENT'));
  sup = supervisorViewer(await insertAgent(api, 'boss7', 'SUPERVISOR'));
  p = await partner(api);
  api.app.services.purchases.rules = noFraudRules;
});

const FIELDS = `recoveryRequest { id type status autoOutcome reasons { code text } targetLimit { amount } stages { seq amount { amount } onTimeRepaymentsRequired status }
  transitions { fromStatus toStatus actor reason } documents { kind fileName } customer { id } } userErrors { code field message }`;
const FILE = `mutation($i: FileRecoveryRequestInput!) { fileRecoveryRequest(input: $i) { ${FIELDS} } }`;
const ADD_DOCS = `mutation($i: AddRecoveryDocumentsInput!) { addRecoveryDocuments(input: $i) { ${FIELDS} } }`;
const APPROVE = `mutation($i: DecideRecoveryRequestInput!) { approveRecoveryRequest(input: $i) { ${FIELDS} } }`;
const REJECT = `mutation($i: DecideRecoveryRequestInput!) { rejectRecoveryRequest(input: $i) { ${FIELDS} } }`;

const doc = {
  kind: 'INCOME_PROOF',
  fileName: 'payslip.pdf',
  contentType: 'application/pdf',
  sizeBytes: 12_345,
};

async function customer(
  opts: { status?: 'ACTIVE' | 'FROZEN'; pd?: number; grade?: string; base?: number } = {},
) {
  const c = await insertCustomer(api, { baseLimitFen: opts.base ?? 500_000, status: opts.status });
  await api.sql(
    `update credit_accounts set score = 700, grade = ?, probability_of_default = ? where id = ?`,
    [opts.grade ?? 'A', opts.pd ?? 0.05, c.accountId],
  );
  return c;
}

async function file(
  customerId: string,
  type: string,
  extra: Record<string, unknown> = {},
  viewer = agent,
) {
  const res = await api.exec<any>(viewer, FILE, {
    i: {
      customerId: toGlobalId('Customer', customerId),
      type,
      reason: 'Customer called: repaid in full',
      ...extra,
    },
  });
  expect(res.errors).toBeUndefined();
  return res.data!.fileRecoveryRequest;
}

const path = (r: any) => r.transitions.map((t: any) => `${t.fromStatus ?? '∅'}→${t.toStatus}`);

describe('recovery state machine', () => {
  it('knows exactly the legal edges', () => {
    const edges = Object.entries(RECOVERY_TRANSITIONS).flatMap(([from, tos]) =>
      tos.map((to) => `${from}→${to}`),
    );
    expect(edges.sort()).toEqual(
      [
        'SUBMITTED→UNDER_REVIEW',
        'SUBMITTED→REJECTED',
        'UNDER_REVIEW→NEEDS_DOCUMENTS',
        'UNDER_REVIEW→APPROVED',
        'UNDER_REVIEW→REJECTED',
        'NEEDS_DOCUMENTS→UNDER_REVIEW',
        'NEEDS_DOCUMENTS→REJECTED',
        'APPROVED→COMPLETED',
      ].sort(),
    );
    expect(canTransition('REJECTED', 'APPROVED')).toBe(false);
    expect(canTransition('COMPLETED', 'UNDER_REVIEW')).toBe(false);
    expect(canTransition('APPROVED', 'REJECTED')).toBe(false);
  });

  it('UNFREEZE in good standing: approved automatically, unfrozen, completed; a notice at each step', async () => {
    const c = await customer({ status: 'FROZEN' });
    const r = (await file(c.customerId, 'UNFREEZE')).recoveryRequest;
    expect(r.status).toBe('COMPLETED');
    expect(r.autoOutcome).toBe('APPROVE');
    expect(path(r)).toEqual([
      '∅→SUBMITTED',
      'SUBMITTED→UNDER_REVIEW',
      'UNDER_REVIEW→APPROVED',
      'APPROVED→COMPLETED',
    ]);
    expect(r.transitions[0].actor).toBe('agent7');
    expect(r.transitions[2].actor).toBe('SYSTEM');
    expect((await account(api, c.accountId)).status).toBe('ACTIVE');
    const decisions = await api.sql<any>(
      `select kind, status_before, status_after from limit_decisions where account_id = ?`,
      [c.accountId],
    );
    expect(decisions).toEqual([
      { kind: 'UNFREEZE', status_before: 'FROZEN', status_after: 'ACTIVE' },
    ]);
    const notices = await api.sql<any>(
      `select event_key from notices where customer_id = ? and kind = 'RECOVERY_STATUS' order by id`,
      [c.customerId],
    );
    expect(notices.map((n: any) => n.event_key.split(':')[2])).toEqual([
      'SUBMITTED',
      'UNDER_REVIEW',
      'APPROVED',
      'COMPLETED',
    ]);
  });

  it('INCREASE: needs documents → back to review → approved in stages → completed after on-time repayments', async () => {
    const c = await customer({ base: 300_000 });
    const r1 = (await file(c.customerId, 'INCREASE', { requestedLimit: '5000' })).recoveryRequest;
    expect(r1.status).toBe('NEEDS_DOCUMENTS');
    expect(r1.reasons[0]).toMatchObject({ code: 'RECOVERY_DOCUMENTS_REQUIRED' });
    expect(r1.reasons[0].text).not.toBe('RECOVERY_DOCUMENTS_REQUIRED');
    // Approving without documents is not a legal transition.
    const early = (await api.exec<any>(sup, APPROVE, { i: { requestId: r1.id, reason: 'ok' } }))
      .data!.approveRecoveryRequest;
    expect(early.userErrors[0].code).toBe('ILLEGAL_TRANSITION');
    const r2 = (await api.exec<any>(agent, ADD_DOCS, { i: { requestId: r1.id, documents: [doc] } }))
      .data!.addRecoveryDocuments.recoveryRequest;
    expect(r2.status).toBe('APPROVED');
    expect(path(r2)).toEqual([
      '∅→SUBMITTED',
      'SUBMITTED→UNDER_REVIEW',
      'UNDER_REVIEW→NEEDS_DOCUMENTS',
      'NEEDS_DOCUMENTS→UNDER_REVIEW',
      'UNDER_REVIEW→APPROVED',
    ]);
    expect(r2.documents).toEqual([{ kind: 'INCOME_PROOF', fileName: 'payslip.pdf' }]);
    expect(r2.stages.map((s: any) => s.status)).toEqual(['APPLIED', 'PENDING']);
    expect((await account(api, c.accountId)).base).toBe(400_000); // half of the ¥2,000 increase now
    // Two on-time repayments (installments paid within their own period, by the due date, once
    // due, in two months) apply stage 2. Period 1 is moved to fall due today and period 2 a
    // month later (its period begins today): a prepayment of a period not begun, or one not yet
    // due, would not count, and two lines due in one month count once (restoration.ts,
    // onTimeLinesSql).
    const auth = await authorize(api, p, c.accountId, '300');
    await api.exec<any>(p, CAPTURE, {
      input: { purchaseId: auth.purchase.id, term: 'M3', idempotencyKey: key() },
    });
    await api.sql(
      `update schedule_lines set due_date = case seq when 1 then current_date else (current_date + interval '1 month')::date end where account_id = ? and seq < 3`,
      [c.accountId],
    );
    const [l] = await api.sql<any>(
      `select (principal_fen + fee_fen)::int as due from schedule_lines where account_id = ? and seq = 1`,
      [c.accountId],
    );
    for (let i = 0; i < 2; i++) {
      const rep = await api.exec<any>(p, REPAY, {
        input: {
          accountId: toGlobalId('CreditAccount', c.accountId),
          amount: (l.due / 100).toFixed(2),
          idempotencyKey: key(),
          paymentReference: `rec-${c.accountId}-${i}`,
          paymentChannel: 'BANK_CARD',
        },
      });
      expect(rep.data!.recordRepayment.userErrors).toEqual([]);
    }
    // Period 2 was paid within its period but has not fallen due: the stage waits for the day
    // (the daily job applies it then).
    const [pending] = await api.sql<any>(
      `select count(*)::int as n from restoration_stages where account_id = ? and status = 'PENDING'`,
      [c.accountId],
    );
    expect(pending.n).toBe(1);
    await applyDueRestorationStages(api.orm.em.fork(), new Date(Date.now() + 32 * 86_400_000));
    const done = await api.exec<any>(
      agent,
      `query($id: ID!) { customer(id: $id) { recoveryRequests(first: 5) { edges { node { status stages { status } transitions { toStatus actor } } } } } }`,
      { id: toGlobalId('Customer', c.customerId) },
    );
    expect(done.errors).toBeUndefined();
    const node = done.data!.customer.recoveryRequests.edges[0].node;
    expect(node.status).toBe('COMPLETED');
    expect(node.stages.map((s: any) => s.status)).toEqual(['APPLIED', 'APPLIED']);
    expect(node.transitions.at(-1)).toEqual({ toStatus: 'COMPLETED', actor: 'SYSTEM' });
    expect((await account(api, c.accountId)).base).toBe(500_000);
    const kinds = await api.sql<any>(
      `select kind from limit_decisions where account_id = ? order by id`,
      [c.accountId],
    );
    expect(kinds.map((k: any) => k.kind)).toEqual(['RECOVERY', 'RECOVERY']);
    await expectReconciled(api);
  });

  it("routes risky customers to the supervisors' queue; only a supervisor decides", async () => {
    const c = await customer({ status: 'FROZEN', pd: 0.3, grade: 'D' });
    const r = (await file(c.customerId, 'UNFREEZE')).recoveryRequest;
    expect(r).toMatchObject({ status: 'UNDER_REVIEW', autoOutcome: 'ROUTE_TO_SUPERVISOR' });
    const q = await api.exec<any>(
      sup,
      `{ recoveryQueue(first: 50) { totalCount edges { node { id status } } } }`,
    );
    expect(q.data!.recoveryQueue.edges.map((e: any) => e.node.id)).toContain(r.id);
    const byAgent = await api.exec<any>(agent, APPROVE, {
      i: { requestId: r.id, reason: 'please' },
    });
    expect(byAgent.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const ok = (
      await api.exec<any>(sup, APPROVE, {
        i: { requestId: r.id, reason: 'Paid everything back; verified by phone.' },
      })
    ).data!.approveRecoveryRequest.recoveryRequest;
    expect(ok.status).toBe('COMPLETED');
    expect(ok.transitions.find((t: any) => t.toStatus === 'APPROVED')).toMatchObject({
      actor: 'boss7',
      reason: 'Paid everything back; verified by phone.',
    });
    expect((await account(api, c.accountId)).status).toBe('ACTIVE');
    const again = (await api.exec<any>(sup, REJECT, { i: { requestId: r.id, reason: 'late' } }))
      .data!.rejectRecoveryRequest;
    expect(again.userErrors[0].code).toBe('ILLEGAL_TRANSITION');
  });

  it('supervisors reject from UNDER_REVIEW and from NEEDS_DOCUMENTS; rejected is final', async () => {
    const c1 = await customer({ status: 'FROZEN', pd: 0.3 });
    const r1 = (await file(c1.customerId, 'UNFREEZE')).recoveryRequest;
    const no1 = (
      await api.exec<any>(sup, REJECT, { i: { requestId: r1.id, reason: 'Too risky.' } })
    ).data!.rejectRecoveryRequest.recoveryRequest;
    expect(path(no1).at(-1)).toBe('UNDER_REVIEW→REJECTED');
    const c2 = await customer();
    const r2 = (await file(c2.customerId, 'INCREASE', { requestedLimit: '6000' })).recoveryRequest;
    expect(r2.status).toBe('NEEDS_DOCUMENTS');
    const no2 = (
      await api.exec<any>(sup, REJECT, {
        i: { requestId: r2.id, reason: 'No documents in 30 days.' },
      })
    ).data!.rejectRecoveryRequest.recoveryRequest;
    expect(path(no2).at(-1)).toBe('NEEDS_DOCUMENTS→REJECTED');
    for (const m of [APPROVE, REJECT]) {
      const res = await api.exec<any>(sup, m, { i: { requestId: r2.id, reason: 'x' } });
      expect(Object.values(res.data!)[0]).toMatchObject({
        userErrors: [{ code: 'ILLEGAL_TRANSITION' }],
      });
    }
    const docs = (
      await api.exec<any>(agent, ADD_DOCS, { i: { requestId: r2.id, documents: [doc] } })
    ).data!.addRecoveryDocuments;
    expect(docs.userErrors[0].code).toBe('ILLEGAL_TRANSITION');
  });

  it('rejects automatically while amounts are overdue', async () => {
    const c = await customer({ status: 'FROZEN' });
    await api.sql(`update credit_accounts set status = 'ACTIVE' where id = ?`, [c.accountId]);
    const auth = await authorize(api, p, c.accountId, '100');
    await api.exec<any>(p, CAPTURE, {
      input: { purchaseId: auth.purchase.id, term: 'DEFERRED_30', idempotencyKey: key() },
    });
    await api.sql(
      `update schedule_lines set status = 'OVERDUE', days_past_due = 40, due_date = current_date - 40 where account_id = ?`,
      [c.accountId],
    );
    await api.sql(`update credit_accounts set status = 'FROZEN' where id = ?`, [c.accountId]);
    const r = (await file(c.customerId, 'UNFREEZE')).recoveryRequest;
    expect(r).toMatchObject({ status: 'REJECTED', autoOutcome: 'REJECT' });
    expect(r.reasons[0].code).toBe('RECOVERY_STILL_OVERDUE');
    expect(path(r).at(-1)).toBe('UNDER_REVIEW→REJECTED');
  });

  it('checks what can be filed', async () => {
    const active = await customer();
    expect((await file(active.customerId, 'UNFREEZE')).userErrors[0].code).toBe(
      'ACCOUNT_NOT_FROZEN',
    );
    expect((await file(active.customerId, 'RESTORE_REDUCTION')).userErrors[0].code).toBe(
      'NOTHING_TO_RESTORE',
    );
    expect((await file(active.customerId, 'INCREASE')).userErrors[0].code).toBe(
      'REQUESTED_LIMIT_REQUIRED',
    );
    expect(
      (await file(active.customerId, 'INCREASE', { requestedLimit: '10' })).userErrors[0].code,
    ).toBe('REQUESTED_LIMIT_NOT_HIGHER');
    expect(
      (await file(active.customerId, 'INCREASE', { requestedLimit: '50000.01' })).userErrors[0]
        .code,
    ).toBe('REQUESTED_LIMIT_ABOVE_CAP');
    expect(
      (
        await file(active.customerId, 'INCREASE', {
          requestedLimit: '9000',
          documents: [{ ...doc, sizeBytes: 0 }],
        })
      ).userErrors[0].code,
    ).toBe('INVALID_DOCUMENT');
    expect(
      (await file(active.customerId, 'INCREASE', { requestedLimit: '9000' })).recoveryRequest
        .status,
    ).toBe('NEEDS_DOCUMENTS');
    expect(
      (await file(active.customerId, 'INCREASE', { requestedLimit: '9000' })).userErrors[0].code,
    ).toBe('RECOVERY_REQUEST_OPEN');
    const partnerTry = await api.exec<any>(p, FILE, {
      i: { customerId: toGlobalId('Customer', active.customerId), type: 'INCREASE', reason: 'x' },
    });
    expect(partnerTry.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // A reduced limit can be restored: to the limit before the reduction, in stages.
    const reduced = await customer({ base: 200_000 });
    await api.sql(
      `insert into limit_decisions (account_id, customer_id, kind, base_limit_before_fen, base_limit_after_fen, status_before, status_after, decided_by, policy_version) values (?, ?, 'PERIODIC_REVIEW', 600000, 200000, 'ACTIVE', 'ACTIVE', 'SYSTEM', 'policy-2026.11')`,
      [reduced.accountId, reduced.customerId],
    );
    const rr = (await file(reduced.customerId, 'RESTORE_REDUCTION')).recoveryRequest;
    expect(rr).toMatchObject({ status: 'APPROVED', targetLimit: { amount: '6000.00' } });
    expect((await account(api, reduced.accountId)).base).toBe(400_000);
  });
});
