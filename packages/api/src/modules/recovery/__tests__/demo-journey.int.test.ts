import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../../../../test/harness.js';
import { seedDatabase } from '../../../demo/seed/load.js';
import { DEMO_LOGINS, DEMO_PARTNER } from '../../auth/demo-logins.js';
import { toGlobalId } from '../../../graphql/relay.js';
import { runOverdue } from '../../overdue/overdue.service.js';
import { applyDueRestorationStages } from '../restoration.js';
import { reconcile } from '../../ledger/reconcile.js';
import { defaultPolicy } from '@creditline/scoring';

/**
 * The "done when", over HTTP against the demo population: a partner app authorizes,
 * captures into a plan and repays; the limit is used and restored; an agent files a recovery
 * request, a supervisor approves it, and the limit comes back in stages.
 */
const api = useTestApi({ listen: true });
const partnerKey = `${DEMO_PARTNER.keyId}.${DEMO_PARTNER.secret}`;
let agentToken = '';
let supervisorToken = '';

async function gql(
  auth: { apiKey?: string; token?: string },
  query: string,
  variables: Record<string, unknown> = {},
) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth.apiKey) headers['x-api-key'] = auth.apiKey;
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}

beforeAll(async () => {
  await seedDatabase(api.orm.config.get('clientUrl')!, {
    customers: 150,
    piiKey: api.config.secrets.piiKey,
    blindIndexKey: api.config.secrets.blindIndexKey,
  });
  const signIn = async (role: string) => {
    const l = DEMO_LOGINS.find((x) => x.role === role)!;
    const d = await gql(
      {},
      `mutation($i: SignInInput!) { signIn(input: $i) { token userErrors { code } } }`,
      { i: { username: l.username, password: l.password } },
    );
    return d.signIn.token as string;
  };
  agentToken = await signIn('AGENT');
  supervisorToken = await signIn('SUPERVISOR');
});

const account = async (customerId: string) =>
  (
    await gql(
      { token: agentToken },
      `query($id: ID!) { customer(id: $id) { account { status baseLimit { amount } usedAmount { amount } installmentPlans(first: 5) { edges { node { id term status schedule { seq principal { amount } fee { amount } status } } } } repayments(first: 5) { edges { node { amount { amount } } } } overdue { isOverdue } } } }`,
      { id: toGlobalId('Customer', customerId) },
    )
  ).customer.account;

describe('demo journey over GraphQL', () => {
  it('authorize → capture into a plan → repay; then recovery approved by a supervisor, restored in stages', async () => {
    // A demo customer in good standing with room on the limit, no open increase request and
    // nothing owed yet: since the demo population backs every used amount with plans, a customer
    // with an older plan would see this journey's repayment go (rightly, earliest due first) to
    // that plan's line instead of the new plan's first installment.
    const [c] = await api.sql<any>(
      `select a.customer_id::text as customer_id from credit_accounts a join customers cu on cu.id = a.customer_id
        where a.status = 'ACTIVE' and a.base_limit_fen - a.used_fen >= 200000 and a.base_limit_fen % 10000 = 0
          and a.used_fen = 0
          and not exists (select 1 from installment_plans p where p.account_id = a.id and p.status = 'ACTIVE')
          and exists (select 1 from partner_links l join partner_apps pa on pa.id = l.partner_app_id
                       where l.customer_id = a.customer_id and l.status = 'ACTIVE' and pa.name = ?)
          -- room for ¥2,000 more under the policy's target for an unscored (middle-grade) account
          and a.base_limit_fen + 200000 <= (?::jsonb ->> cu.income_band)::bigint
          and not exists (select 1 from recovery_requests r where r.account_id = a.id and r.status not in ('REJECTED', 'COMPLETED'))
          and coalesce((select max(days_past_due) from repayment_history h where h.customer_id = a.customer_id and h.due_date > now() - interval '12 months'), 0) <= 90
        order by a.id limit 1`,
      [DEMO_PARTNER.name, JSON.stringify(defaultPolicy.limitMatrixFen.C)],
    );
    expect(c, 'a suitable demo customer').toBeDefined();
    const customerId = toGlobalId('Customer', c.customer_id);
    const before = await account(c.customer_id);
    expect(before.usedAmount.amount).toBe('0.00');

    // Partner: authorize ¥900.00 (a category of the behaviour data), capture into 3 installments, repay the first.
    const auth = await gql(
      { apiKey: partnerKey },
      `mutation($i: AuthorizePurchaseInput!) { authorizePurchase(input: $i) { decision declineCode reasons purchase { id status } userErrors { code message } } }`,
      {
        i: {
          customerId,
          amount: '900.00',
          category: 'ELECTRONICS',
          merchant: '京东自营',
          idempotencyKey: 'demo-auth-1',
        },
      },
    );
    expect(auth.authorizePurchase.userErrors).toEqual([]);
    expect(auth.authorizePurchase.decision).toBe('HELD');
    const purchaseId = auth.authorizePurchase.purchase.id;
    const cap = await gql(
      { apiKey: partnerKey },
      `mutation($i: CapturePurchaseInput!) { capturePurchase(input: $i) { purchase { status } userErrors { code } } }`,
      { i: { purchaseId, term: 'M3', idempotencyKey: 'demo-cap-1' } },
    );
    expect(cap.capturePurchase.purchase.status).toBe('CAPTURED');
    const used = await account(c.customer_id);
    expect(Number(used.usedAmount.amount) - Number(before.usedAmount.amount)).toBeCloseTo(900, 2);
    const plan = used.installmentPlans.edges[0].node;
    expect(plan).toMatchObject({ term: 'M3', status: 'ACTIVE' });
    expect(
      plan.schedule.reduce(
        (s: number, l: any) => s + Math.round(Number(l.principal.amount) * 100),
        0,
      ),
    ).toBe(90_000);
    const first = plan.schedule[0];
    const due =
      (Math.round(Number(first.principal.amount) * 100) +
        Math.round(Number(first.fee.amount) * 100)) /
      100;
    const rep = await gql(
      { apiKey: partnerKey },
      `mutation($i: RecordRepaymentInput!) { recordRepayment(input: $i) { repayment { principal { amount } fee { amount } } userErrors { code } } }`,
      {
        i: {
          customerId,
          amount: due.toFixed(2),
          idempotencyKey: 'demo-rep-1',
          paymentReference: 'demo-rep-1',
          paymentChannel: 'ALIPAY',
        },
      },
    );
    expect(rep.recordRepayment.repayment.principal.amount).toBe(first.principal.amount);
    const repaid = await account(c.customer_id);
    expect(Number(used.usedAmount.amount) - Number(repaid.usedAmount.amount)).toBeCloseTo(
      Number(first.principal.amount),
      2,
    );

    // Agent: ask for an increase of ¥2,000.00 with an income proof; routed to a supervisor (demo accounts are not scored yet).
    const target = Number(repaid.baseLimit.amount) + 2000;
    const filed = await gql(
      { token: agentToken },
      `mutation($i: FileRecoveryRequestInput!) { fileRecoveryRequest(input: $i) { recoveryRequest { id status autoOutcome } userErrors { code message } } }`,
      {
        i: {
          customerId,
          type: 'INCREASE',
          reason: 'Customer got a raise; payslip attached.',
          requestedLimit: target.toFixed(2),
          documents: [
            {
              kind: 'INCOME_PROOF',
              fileName: 'payslip-2026-10.pdf',
              contentType: 'application/pdf',
              sizeBytes: 48_213,
            },
          ],
        },
      },
    );
    expect(filed.fileRecoveryRequest.userErrors).toEqual([]);
    const requestId = filed.fileRecoveryRequest.recoveryRequest.id;
    expect(filed.fileRecoveryRequest.recoveryRequest).toMatchObject({
      status: 'UNDER_REVIEW',
      autoOutcome: 'ROUTE_TO_SUPERVISOR',
    });
    const queue = await gql(
      { token: supervisorToken },
      `{ recoveryQueue(first: 100) { edges { node { id } } } }`,
    );
    expect(queue.recoveryQueue.edges.map((e: any) => e.node.id)).toContain(requestId);

    // Supervisor approves: half now, the rest after two on-time repayments.
    const approved = await gql(
      { token: supervisorToken },
      `mutation($i: DecideRecoveryRequestInput!) { approveRecoveryRequest(input: $i) { recoveryRequest { status stages { seq amount { amount } status } } userErrors { code } } }`,
      {
        i: { requestId, reason: 'Income verified.' },
      },
    );
    expect(approved.approveRecoveryRequest.recoveryRequest.status).toBe('APPROVED');
    expect(
      approved.approveRecoveryRequest.recoveryRequest.stages.map((s: any) => s.status),
    ).toEqual(['APPLIED', 'PENDING']);
    expect(Number((await account(c.customer_id)).baseLimit.amount)).toBeCloseTo(target - 1000, 2);

    // Two on-time repayments, in two months, complete it: the next installments, paid when due
    // (period 2 is moved to fall due today and period 3 a month later, its period beginning
    // today — paying periods that have not begun would count nothing, and lines due in one
    // month count once).
    await api.sql(
      `update schedule_lines set due_date = case seq when 2 then current_date else (current_date + interval '1 month')::date end
        where seq in (2, 3) and plan_id = (select max(id) from installment_plans where customer_id = ?)`,
      [c.customer_id],
    );
    for (const [i, line] of plan.schedule.slice(1).entries()) {
      const amount =
        (Math.round(Number(line.principal.amount) * 100) +
          Math.round(Number(line.fee.amount) * 100)) /
        100;
      await gql(
        { apiKey: partnerKey },
        `mutation($i: RecordRepaymentInput!) { recordRepayment(input: $i) { userErrors { code } } }`,
        {
          i: {
            customerId,
            amount: amount.toFixed(2),
            idempotencyKey: `demo-rep-${i + 2}`,
            paymentReference: `demo-rep-${i + 2}`,
            paymentChannel: 'ALIPAY',
          },
        },
      );
    }
    // Period 3 counts when it falls due: the daily job applies the stage then.
    await applyDueRestorationStages(api.orm.em.fork(), new Date(Date.now() + 32 * 86_400_000));
    const done = await gql(
      { token: agentToken },
      `query($id: ID!) { node(id: $id) { ... on RecoveryRequest { status transitions { toStatus actor } } } }`,
      { id: requestId },
    );
    expect(done.node.status).toBe('COMPLETED');
    expect(done.node.transitions.map((t: any) => t.toStatus)).toEqual([
      'SUBMITTED',
      'UNDER_REVIEW',
      'APPROVED',
      'COMPLETED',
    ]);
    const end = await account(c.customer_id);
    expect(Number(end.baseLimit.amount)).toBeCloseTo(target, 2);
    expect(end.installmentPlans.edges[0].node.status).toBe('PAID_OFF');

    // The jobs and the reconcile agree with all of it, demo population included.
    await runOverdue(api.orm.em.fork());
    expect((await reconcile(api.orm.em.fork())).mismatches).toEqual([]);
  });
});
