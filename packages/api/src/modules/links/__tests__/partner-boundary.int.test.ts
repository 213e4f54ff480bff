import { beforeAll, describe, expect, it } from 'vitest';
import {
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLObjectType,
} from 'graphql';
import { agentViewer, useTestApi } from '../../../../test/harness.js';
import {
  insertAgent,
  insertCustomer,
  insertPartner,
  linkPartner,
} from '../../../../test/fixtures.js';
import { fromGlobalId, toGlobalId } from '../../../graphql/relay.js';
import type { Viewer } from '../../auth/viewer.js';
import { partnerRuleFor } from '../partner-access.js';
import { giveGoodHistory } from '../../revolving/__tests__/revolving-fixtures.js';

/**
 * The trust boundary over the whole schema (issue 12). Every field and mutation a partner app
 * can reach is enumerated from the schema itself; for each, a second app (not linked), a key
 * without the field's scope and a link without it must get nothing of a customer linked only to
 * the first app. A new field without a partner rule, a type a partner reaches without a path
 * here, or a partner mutation without a case below makes this file fail.
 */
const api = useTestApi();
const ALL = [
  'limits:read',
  'quotes:read',
  'purchases:write',
  'repayments:write',
  'webhooks:manage',
  'accounts:apply',
];
const partner = (id: string, scopes = ALL): Viewer => ({
  kind: 'partner',
  id,
  name: `app ${id}`,
  scopes,
});

let appA: string; // linked to X with every scope
let appB: string; // every scope, not linked to X
let appC: string; // every scope on its key, but X linked it for quotes only
const ids: Record<string, string> = {};

beforeAll(async () => {
  appA = (await insertPartner(api, ALL, undefined, { name: 'App A' })).id;
  appB = (await insertPartner(api, ALL, undefined, { name: 'App B' })).id;
  appC = (await insertPartner(api, ALL, undefined, { name: 'App C' })).id;
  const x = await insertCustomer(api, { unlinked: true });
  ids.customer = toGlobalId('Customer', x.customerId);
  ids.account = toGlobalId('CreditAccount', x.accountId);
  ids.link = toGlobalId('PartnerLink', await linkPartner(api, appA, x.customerId));
  await linkPartner(api, appC, x.customerId, ['quotes:read']);
  ids.missingCustomer = toGlobalId('Customer', '987654321');
  // Applicants without an account, linked like X: Y gets an application filed by app A (read
  // below through node()); Z stays without one for the mutation case.
  for (const name of ['applicant', 'applicant2']) {
    const y = await insertCustomer(api, { unlinked: true, noAccount: true });
    ids[name] = toGlobalId('Customer', y.customerId);
    await linkPartner(api, appA, y.customerId, ALL);
    await linkPartner(api, appC, y.customerId, ['quotes:read']);
  }
  await api.sql(
    `insert into category_limits (account_id, customer_id, category, limit_fen) values (?, ?, 'DIGITAL', 50000)`,
    [x.accountId, x.customerId],
  );
  await api.sql(
    `insert into temporary_limits (account_id, customer_id, amount_fen, starts_at, ends_at, status) values (?, ?, 10000, now() - interval '1 day', now() + interval '5 days', 'ACTIVE')`,
    [x.accountId, x.customerId],
  );

  const A = partner(appA);
  const held = await api.exec(
    A,
    `mutation($i: AuthorizePurchaseInput!) { authorizePurchase(input: $i) { purchase { id } userErrors { code message } } }`,
    {
      i: {
        customerId: ids.customer,
        amount: '300.00',
        category: 'DIGITAL',
        merchant: 'shop',
        idempotencyKey: 'b-1',
        deviceId: 'dev-1',
      },
    },
  );
  ids.purchase = held.data!.authorizePurchase.purchase.id;
  const cap = await api.exec(
    A,
    `mutation($i: CapturePurchaseInput!) { capturePurchase(input: $i) { purchase { installmentPlan { id } } userErrors { code message } } }`,
    { i: { purchaseId: ids.purchase, term: 'M3', idempotencyKey: 'b-2' } },
  );
  expect(cap.data!.capturePurchase.userErrors).toEqual([]);
  ids.plan = cap.data!.capturePurchase.purchase.installmentPlan.id;
  const rep = await api.exec(
    A,
    `mutation($i: RecordRepaymentInput!) { recordRepayment(input: $i) { repayment { id } userErrors { code message } } }`,
    {
      i: {
        customerId: ids.customer,
        amount: '10.00',
        idempotencyKey: 'b-3',
        paymentReference: 'pay-b-3',
        paymentChannel: 'ALIPAY',
      },
    },
  );
  expect(rep.data!.recordRepayment.userErrors).toEqual([]);
  ids.repayment = rep.data!.recordRepayment.repayment.id;
  const held2 = await api.exec(
    A,
    `mutation($i: AuthorizePurchaseInput!) { authorizePurchase(input: $i) { purchase { id } } }`,
    {
      i: {
        customerId: ids.customer,
        amount: '20.00',
        category: 'DIGITAL',
        merchant: 'shop',
        idempotencyKey: 'b-4',
        deviceId: 'dev-1',
      },
    },
  );
  ids.heldPurchase = held2.data!.authorizePurchase.purchase.id;

  // The revolving upgrade (issue 14): support offers it, the customer accepts through app A; a
  // revolving purchase and a statement, so the line, its statements and the offer hold data.
  await giveGoodHistory(api, x.accountId);
  const staff = agentViewer(await insertAgent(api, `boundary${Date.now()}`, 'AGENT'));
  const offer = await api.app.services.revolving.offer(api.orm.em.fork(), staff, {
    accountId: x.accountId,
    idempotencyKey: 'b-5',
  });
  expect(offer.ok).toBe(true);
  const accept = await api.exec(
    A,
    `mutation($i: RevolvingAccountInput!) { acceptRevolvingUpgrade(input: $i) { revolving { statementDay } userErrors { code message } } }`,
    { i: { customerId: ids.customer, idempotencyKey: 'b-6' } },
  );
  expect(accept.data!.acceptRevolvingUpgrade.userErrors).toEqual([]);
  const card = await api.exec(
    A,
    `mutation($i: AuthorizePurchaseInput!) { authorizePurchase(input: $i) { purchase { id } } }`,
    {
      i: {
        customerId: ids.customer,
        amount: '50.00',
        category: 'DIGITAL',
        merchant: 'shop',
        idempotencyKey: 'b-7',
        deviceId: 'dev-1',
      },
    },
  );
  await api.exec(
    A,
    `mutation($i: CapturePurchaseInput!) { capturePurchase(input: $i) { userErrors { code } } }`,
    { i: { purchaseId: card.data!.authorizePurchase.purchase.id, idempotencyKey: 'b-8' } },
  );
  await api.app.services.revolving.closeStatement(api.orm.em.fork(), x.accountId, new Date());
  // App A's webhook endpoint, with a delivery (given up, so that it may be retried) and an attempt.
  const hook = await api.exec(
    A,
    `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { endpoint { id } userErrors { code } } }`,
    {
      i: {
        url: 'http://127.0.0.1:9/hooks',
        eventTypes: ['LINK_REVOKED', 'HOLD_EXPIRED', 'LIMIT_CHANGED'],
      },
    },
  );
  expect(hook.data!.createWebhookEndpoint.userErrors).toEqual([]);
  ids.webhookEndpoint = hook.data!.createWebhookEndpoint.endpoint.id;
  const [event] = await api.sql<{ id: string }>(
    `insert into webhook_events (event_type, customer_id, partner_app_id, payload) values ('LINK_REVOKED', ?, ?, '{}') returning id::text`,
    [x.customerId, appA],
  );
  const [delivery] = await api.sql<{ id: string }>(
    `update webhook_deliveries set status = 'DEAD', attempts = 1 where event_id = ? returning id::text`,
    [event!.id],
  );
  await api.sql(
    `insert into webhook_attempts (delivery_id, attempt, status_code, error, duration_ms) values (?, 1, 500, 'answered 500', 12)`,
    [delivery!.id],
  );
  ids.webhookDelivery = toGlobalId('WebhookDelivery', delivery!.id);
  ids.webhookDeliveryLocal = delivery!.id;
  const applied = await api.exec(
    A,
    `mutation($i: ApplyForCreditInput!) { applyForCredit(input: $i) { application { id } userErrors { code message } } }`,
    { i: { customerId: ids.applicant, idempotencyKey: 'b-5' } },
  );
  expect(applied.data!.applyForCredit.userErrors).toEqual([]);
  ids.application = applied.data!.applyForCredit.application.id;
});

/** How a partner reaches an object of each type that holds customer data. */
const PATHS: Record<string, { root: string; wrap: (sel: string) => string }> = {
  Customer: { root: 'customer', wrap: (s) => `customer(id: "${ids.customer}") { ${s} }` },
  CreditAccount: {
    root: 'customer',
    wrap: (s) => `customer(id: "${ids.customer}") { account { ${s} } }`,
  },
  OverdueState: {
    root: 'customer',
    wrap: (s) => `customer(id: "${ids.customer}") { account { overdue { ${s} } } }`,
  },
  TemporaryLimit: {
    root: 'customer',
    wrap: (s) => `customer(id: "${ids.customer}") { account { temporaryLimits { ${s} } } }`,
  },
  CategoryLimit: {
    root: 'customer',
    wrap: (s) => `customer(id: "${ids.customer}") { account { categoryLimits { ${s} } } }`,
  },
  Purchase: {
    root: 'node',
    wrap: (s) => `node(id: "${ids.purchase}") { ... on Purchase { ${s} } }`,
  },
  InstallmentPlan: {
    root: 'node',
    wrap: (s) => `node(id: "${ids.plan}") { ... on InstallmentPlan { ${s} } }`,
  },
  ScheduleLine: {
    root: 'node',
    wrap: (s) => `node(id: "${ids.plan}") { ... on InstallmentPlan { schedule { ${s} } } }`,
  },
  Repayment: {
    root: 'node',
    wrap: (s) => `node(id: "${ids.repayment}") { ... on Repayment { ${s} } }`,
  },
  Refund: {
    root: 'node',
    wrap: (s) => `node(id: "${ids.purchase}") { ... on Purchase { refunds { ${s} } } }`,
  },
  PlanFees: {
    root: 'node',
    wrap: (s) => `node(id: "${ids.plan}") { ... on InstallmentPlan { fees { ${s} } } }`,
  },
  Coupon: {
    root: 'customer',
    wrap: (s) => `customer(id: "${ids.customer}") { account { usableCoupons { ${s} } } }`,
  },
  RevolvingLine: {
    root: 'customer',
    wrap: (s) => `customer(id: "${ids.customer}") { account { revolving { ${s} } } }`,
  },
  Statement: {
    root: 'customer',
    wrap: (s) => `customer(id: "${ids.customer}") { account { statements { ${s} } } }`,
  },
  RevolvingOffer: {
    root: 'customer',
    wrap: (s) => `customer(id: "${ids.customer}") { account { revolvingOffer { ${s} } } }`,
  },
  // Only the app that filed it reads an application (and only while the link grants accounts:apply).
  CreditApplication: {
    root: 'node',
    wrap: (s) => `node(id: "${ids.application}") { ... on CreditApplication { ${s} } }`,
  },
  DecisionReason: {
    root: 'node',
    wrap: (s) => `node(id: "${ids.application}") { ... on CreditApplication { reasons { ${s} } } }`,
  },
  PartnerLink: {
    root: 'partnerLinks',
    wrap: (s) => `partnerLinks(first: 5) { edges { node { ${s} } } }`,
  },
  WebhookEndpoint: { root: 'webhookEndpoints', wrap: (s) => `webhookEndpoints { ${s} }` },
  WebhookDelivery: {
    root: 'webhookDeliveries',
    wrap: (s) => `webhookDeliveries(first: 5) { ${s} }`,
  },
  WebhookAttempt: {
    root: 'webhookDeliveries',
    wrap: (s) => `webhookDeliveries(first: 5) { attempts { ${s} } }`,
  },
};

/** Whether a root's answer holds anything (an app's own lists: any element; else non-null). */
function holdsSomething(root: string, value: unknown): boolean {
  if (value == null) return false;
  if (root === 'partnerLinks') return (value as { edges: unknown[] }).edges.length > 0;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}
/**
 * Roots that list the calling app's own records (its links, webhook endpoints and deliveries):
 * another app gets an empty list, and the customer's link scopes do not apply to them.
 */
const APP_OWN_ROOTS = new Set(['partnerLinks', 'webhookEndpoints', 'webhookDeliveries']);

/** Types with no data of their own (money amounts, pages, payloads): covered through their parents. */
const VALUE_TYPE = (name: string) =>
  ['Money', 'PageInfo', 'UserError', 'QuoteLine', 'InstallmentQuote', 'PayoffQuote'].includes(
    name,
  ) || /(Connection|Edge|Payload|UserError)$/.test(name);

const SAMPLE_ARGS: Record<string, string> = {
  first: '5',
  category: '"DIGITAL"',
  status: 'null',
};

interface Reachable {
  type: GraphQLObjectType;
  field: GraphQLField<unknown, unknown>;
}

/** Every (type, field) a partner can reach from the roots it may call, with its rule. */
function reachable(): { fields: Reachable[]; unruled: string[]; types: Set<string> } {
  const schema = api.app.schema;
  const fields: Reachable[] = [];
  const unruled: string[] = [];
  const types = new Set<string>();
  const queue: GraphQLObjectType[] = [];
  const visit = (t: GraphQLObjectType) => {
    if (types.has(t.name)) return;
    types.add(t.name);
    queue.push(t);
  };
  for (const root of [schema.getQueryType()!, schema.getMutationType()!])
    for (const f of Object.values(root.getFields())) {
      const rule = partnerRuleFor(root.name, f.name);
      if (!rule) unruled.push(`${root.name}.${f.name}`);
      if (!rule || 'staffOnly' in rule) continue;
      const named = getNamedType(f.type);
      if (isObjectType(named)) visit(named);
      if (isInterfaceType(named)) schema.getPossibleTypes(named).forEach(visit);
    }
  while (queue.length) {
    const t = queue.shift()!;
    for (const f of Object.values(t.getFields())) {
      const rule = partnerRuleFor(t.name, f.name);
      if (!rule) unruled.push(`${t.name}.${f.name}`);
      if (!rule || 'staffOnly' in rule) continue;
      fields.push({ type: t, field: f });
      const named = getNamedType(f.type);
      if (isObjectType(named)) visit(named);
    }
  }
  return { fields, unruled, types };
}

function selectionFor(r: Reachable): string {
  const args = r.field.args
    .filter((a) => isNonNullType(a.type) || SAMPLE_ARGS[a.name] !== undefined)
    .map((a) => {
      const v = SAMPLE_ARGS[a.name];
      if (v === undefined)
        throw new Error(`no sample value for ${r.type.name}.${r.field.name}(${a.name})`);
      return `${a.name}: ${v}`;
    });
  const sub = isCompositeType(getNamedType(r.field.type)) ? ' { __typename }' : '';
  return `${r.field.name}${args.length ? `(${args.join(', ')})` : ''}${sub}`;
}

describe('partner rules cover the whole schema', () => {
  it('every field a partner can reach has a rule (staff only, open, or a scope)', () => {
    expect(reachable().unruled).toEqual([]);
  });

  it('every type with customer data that a partner reaches has a path in this test', () => {
    // Types with a field a partner may read beyond its id (staff records such as LimitDecision
    // are reachable through node()'s interface but refuse every field).
    const readable = new Set(
      reachable()
        .fields.filter((r) => r.field.name !== 'id')
        .map((r) => r.type.name),
    );
    const missing = [...readable].filter(
      (t) => !VALUE_TYPE(t) && !PATHS[t] && t !== 'Query' && t !== 'Mutation',
    );
    expect(missing).toEqual([]);
  });
});

describe('every readable field: the linked app reads it, nobody else does', () => {
  it('for each field: app A reads it; app B, a key without its scope and a link without it get nothing', async () => {
    const problems: string[] = [];
    const cases = reachable().fields.filter((r) => PATHS[r.type.name]);
    expect(cases.length).toBeGreaterThan(40);
    for (const r of cases) {
      const path = PATHS[r.type.name]!;
      const query = `{ ${path.wrap(selectionFor(r))} }`;
      const label = `${r.type.name}.${r.field.name}`;
      const rule = partnerRuleFor(r.type.name, r.field.name)!;
      const scope = 'scope' in rule ? rule.scope : null;

      const a = await api.exec(partner(appA), query);
      if (a.errors || !holdsSomething(path.root, a.data?.[path.root]))
        problems.push(`${label}: app A (linked) got ${JSON.stringify(a.errors ?? a.data)}`);

      const b = await api.exec(partner(appB), query);
      if (b.errors || holdsSomething(path.root, b.data?.[path.root]))
        problems.push(`${label}: app B (not linked) got ${JSON.stringify(b.errors ?? b.data)}`);

      if (scope) {
        const narrow = await api.exec(
          partner(
            appA,
            ALL.filter((s) => s !== scope),
          ),
          query,
        );
        if (narrow.errors?.[0]?.extensions?.code !== 'FORBIDDEN')
          problems.push(`${label}: a key without ${scope} got ${JSON.stringify(narrow.data)}`);
        if (!APP_OWN_ROOTS.has(path.root) && scope !== 'quotes:read') {
          const c = await api.exec(partner(appC), query);
          if (c.errors || c.data?.[path.root] != null)
            problems.push(
              `${label}: a link without ${scope} got ${JSON.stringify(c.errors ?? c.data)}`,
            );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('an unlinked customer answers exactly like a missing id', async () => {
    const q = `query($id: ID!) { customer(id: $id) { id account { availableLimit { amount } } } node(id: $id) { id } }`;
    const linked = await api.exec(partner(appB), q, { id: ids.customer });
    const missing = await api.exec(partner(appB), q, { id: ids.missingCustomer });
    expect(linked).toEqual(missing);
    const quote = `query($c: ID!) { quoteInstallments(amount: "100", customerId: $c) { term } }`;
    const qa = await api.exec(partner(appB), quote, { c: ids.customer });
    const qm = await api.exec(partner(appB), quote, { c: ids.missingCustomer });
    expect(qa.errors?.[0]?.message).toBe(qm.errors?.[0]?.message);
    expect(qa.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('aliases and batching do not get around it', async () => {
    const q = `{ a: customer(id: "${ids.customer}") { id } b: node(id: "${ids.account}") { id } c: node(id: "${ids.purchase}") { id } d: node(id: "${ids.plan}") { id } e: node(id: "${ids.repayment}") { id } }`;
    const b = await api.exec(partner(appB), q);
    expect(b.errors).toBeUndefined();
    expect(b.data).toEqual({ a: null, b: null, c: null, d: null, e: null });
    const a = await api.exec(partner(appA), q);
    expect(Object.values(a.data!).every((v) => v !== null)).toBe(true);
  });

  it('a revoked link ends access at once', async () => {
    const x = await insertCustomer(api, { unlinked: true });
    const link = await linkPartner(api, appB, x.customerId);
    const q = `{ customer(id: "${toGlobalId('Customer', x.customerId)}") { account { availableLimit { amount } } } }`;
    expect((await api.exec(partner(appB), q)).data!.customer).not.toBeNull();
    const r = await api.exec(
      partner(appB),
      `mutation($i: RevokePartnerLinkInput!) { revokePartnerLink(input: $i) { link { status revokedBy } userErrors { code } } }`,
      { i: { linkId: toGlobalId('PartnerLink', link) } },
    );
    expect(r.data!.revokePartnerLink.link).toEqual({ status: 'REVOKED', revokedBy: 'PARTNER' });
    expect((await api.exec(partner(appB), q)).data!.customer).toBeNull();
  });
});

/** Each mutation a partner may call, run by app B against what belongs to customer X (app A's). */
const MUTATION_CASES: Record<
  string,
  { query: string; vars: () => Record<string, unknown>; expect: string[] }
> = {
  authorizePurchase: {
    query: `mutation($i: AuthorizePurchaseInput!) { r: authorizePurchase(input: $i) { purchase { id } userErrors { code } } }`,
    vars: () => ({
      i: {
        customerId: ids.customer,
        amount: '1.00',
        category: 'DIGITAL',
        merchant: 'x',
        idempotencyKey: 'm-1',
      },
    }),
    expect: ['ACCOUNT_NOT_FOUND'],
  },
  capturePurchase: {
    query: `mutation($i: CapturePurchaseInput!) { r: capturePurchase(input: $i) { purchase { id } userErrors { code } } }`,
    vars: () => ({ i: { purchaseId: ids.heldPurchase, idempotencyKey: 'm-2' } }),
    expect: ['PURCHASE_NOT_FOUND'],
  },
  releasePurchase: {
    query: `mutation($i: ReleasePurchaseInput!) { r: releasePurchase(input: $i) { purchase { id } userErrors { code } } }`,
    vars: () => ({ i: { purchaseId: ids.heldPurchase, idempotencyKey: 'm-3' } }),
    expect: ['PURCHASE_NOT_FOUND'],
  },
  createInstallmentPlan: {
    query: `mutation($i: CreateInstallmentPlanInput!) { r: createInstallmentPlan(input: $i) { installmentPlan { id } userErrors { code } } }`,
    vars: () => ({ i: { purchaseId: ids.purchase, term: 'M3', idempotencyKey: 'm-4' } }),
    expect: ['PURCHASE_NOT_FOUND'],
  },
  recordRepayment: {
    query: `mutation($i: RecordRepaymentInput!) { r: recordRepayment(input: $i) { repayment { id } userErrors { code } } }`,
    vars: () => ({
      i: {
        accountId: ids.account,
        amount: '5.00',
        idempotencyKey: 'm-5',
        paymentReference: 'm-5',
        paymentChannel: 'BANK_CARD',
      },
    }),
    expect: ['ACCOUNT_NOT_FOUND'],
  },
  repayEarly: {
    query: `mutation($i: RepayEarlyInput!) { r: repayEarly(input: $i) { repayment { id } userErrors { code } } }`,
    vars: () => ({
      i: {
        planId: ids.plan,
        idempotencyKey: 'm-6',
        paymentReference: 'm-6',
        paymentChannel: 'BANK_CARD',
      },
    }),
    expect: ['PLAN_NOT_FOUND'],
  },
  extendHold: {
    query: `mutation($i: ExtendHoldInput!) { r: extendHold(input: $i) { purchase { id } userErrors { code } } }`,
    vars: () => ({ i: { purchaseId: ids.heldPurchase, idempotencyKey: 'm-7' } }),
    expect: ['PURCHASE_NOT_FOUND'],
  },
  refundPurchase: {
    query: `mutation($i: RefundPurchaseInput!) { r: refundPurchase(input: $i) { refund { id } userErrors { code } } }`,
    vars: () => ({
      i: {
        purchaseId: ids.purchase,
        amount: '1.00',
        merchantReference: 'm-8',
        idempotencyKey: 'm-8',
      },
    }),
    expect: ['PURCHASE_NOT_FOUND'],
  },
  acceptRevolvingUpgrade: {
    query: `mutation($i: RevolvingAccountInput!) { r: acceptRevolvingUpgrade(input: $i) { revolving { statementDay } userErrors { code } } }`,
    vars: () => ({ i: { customerId: ids.customer, idempotencyKey: 'm-9' } }),
    expect: ['ACCOUNT_NOT_FOUND'],
  },
  payStatement: {
    query: `mutation($i: PayStatementInput!) { r: payStatement(input: $i) { repayment { id } userErrors { code } } }`,
    vars: () => ({
      i: {
        accountId: ids.account,
        amount: '5.00',
        idempotencyKey: 'm-10',
        paymentReference: 'm-10',
        paymentChannel: 'BANK_CARD',
      },
    }),
    expect: ['ACCOUNT_NOT_FOUND'],
  },
  redeemPoints: {
    query: `mutation($i: RedeemPointsInput!) { r: redeemPoints(input: $i) { redeemed { amount } userErrors { code } } }`,
    vars: () => ({ i: { customerId: ids.customer, points: 10, idempotencyKey: 'm-11' } }),
    expect: ['ACCOUNT_NOT_FOUND'],
  },
  confirmPartnerLink: {
    query: `mutation($i: ConfirmPartnerLinkInput!) { r: confirmPartnerLink(input: $i) { link { id } userErrors { code } } }`,
    vars: () => ({ i: { linkRequestId: toGlobalId('PartnerLinkRequest', '1'), code: '123456' } }),
    expect: ['INVALID_LINK_CODE'],
  },
  revokePartnerLink: {
    query: `mutation($i: RevokePartnerLinkInput!) { r: revokePartnerLink(input: $i) { link { id } userErrors { code } } }`,
    vars: () => ({ i: { linkId: ids.link } }),
    expect: ['LINK_NOT_FOUND'],
  },
  // Z linked app A (with accounts:apply), not app B.
  applyForCredit: {
    query: `mutation($i: ApplyForCreditInput!) { r: applyForCredit(input: $i) { application { id } userErrors { code } } }`,
    vars: () => ({ i: { customerId: ids.applicant2, idempotencyKey: 'm-9' } }),
    expect: ['CUSTOMER_NOT_FOUND'],
  },
  // Starting a link is how an app asks for consent: allowed for any phone, and answered the same
  // for a customer and for nobody (links.int.test checks that no SMS goes to a non-customer).
  startPartnerLink: {
    query: `mutation($i: StartPartnerLinkInput!) { r: startPartnerLink(input: $i) { userErrors { code } } }`,
    vars: () => ({ i: { phone: '13900000000' } }),
    expect: [],
  },
  // An app registers endpoints for itself only: naming app A (a staff option) is ignored, the
  // endpoint is B's and hears only of B's customers (checked below and in webhooks.int.test).
  createWebhookEndpoint: {
    query: `mutation($i: CreateWebhookEndpointInput!) { r: createWebhookEndpoint(input: $i) { endpoint { id partnerAppId } userErrors { code } } }`,
    vars: () => ({
      i: {
        url: 'http://127.0.0.1:9/b-hooks',
        eventTypes: ['LIMIT_CHANGED', 'LINK_REVOKED'],
        partnerAppId: toGlobalId('PartnerApp', appA),
      },
    }),
    expect: [],
  },
  disableWebhookEndpoint: {
    query: `mutation($id: ID!) { r: disableWebhookEndpoint(id: $id) { endpoint { id } userErrors { code } } }`,
    vars: () => ({ id: ids.webhookEndpoint }),
    expect: ['NOT_FOUND'],
  },
  retryWebhookDelivery: {
    query: `mutation($id: ID!) { r: retryWebhookDelivery(id: $id) { retried userErrors { code } } }`,
    vars: () => ({ id: ids.webhookDelivery }),
    expect: ['NOT_FOUND'],
  },
};

describe('every partner mutation: app B cannot act on customer X', () => {
  it('has a case for each mutation a partner may call', () => {
    const partnerMutations = Object.values(api.app.schema.getMutationType()!.getFields())
      .filter((f) => {
        const rule = partnerRuleFor('Mutation', f.name);
        return rule && !('staffOnly' in rule);
      })
      .map((f) => f.name)
      .sort();
    expect(partnerMutations).toEqual(Object.keys(MUTATION_CASES).sort());
  });

  it('answers each with a not-found userError and changes nothing', async () => {
    const before = await api.sql(
      `select (select count(*) from purchases) p, (select count(*) from repayments) r, (select count(*) from installment_plans) i, (select count(*) from partner_links where status = 'ACTIVE') l, (select count(*) from credit_applications) ap, (select count(*) from credit_accounts) ac, (select used_fen from credit_accounts where id = (select id from credit_accounts order by id limit 1)) u,
              (select count(*) from webhook_endpoints where partner_app_id = ? and active) we, (select status || attempts from webhook_deliveries where id = ?) wd`,
      [appA, ids.webhookDeliveryLocal],
    );
    for (const [name, c] of Object.entries(MUTATION_CASES)) {
      const res = await api.exec(partner(appB), c.query, c.vars());
      expect(res.errors, name).toBeUndefined();
      expect(
        res.data!.r.userErrors.map((e: { code: string }) => e.code),
        name,
      ).toEqual(c.expect);
    }
    const after = await api.sql(
      `select (select count(*) from purchases) p, (select count(*) from repayments) r, (select count(*) from installment_plans) i, (select count(*) from partner_links where status = 'ACTIVE') l, (select count(*) from credit_applications) ap, (select count(*) from credit_accounts) ac, (select used_fen from credit_accounts where id = (select id from credit_accounts order by id limit 1)) u,
              (select count(*) from webhook_endpoints where partner_app_id = ? and active) we, (select status || attempts from webhook_deliveries where id = ?) wd`,
      [appA, ids.webhookDeliveryLocal],
    );
    expect(after).toEqual(before);
    // B's endpoint is B's, and an event of customer X (linked to A only) reaches A's alone.
    const [own] = await api.sql<{ partner_app_id: string }>(
      `select partner_app_id::text from webhook_endpoints where url = 'http://127.0.0.1:9/b-hooks'`,
    );
    expect(own!.partner_app_id).toBe(appB);
    const [limitEvent] = await api.sql<{ id: string }>(
      `insert into webhook_events (event_type, customer_id, payload) values ('LIMIT_CHANGED', (select customer_id from credit_accounts where id = ?), '{}') returning id::text`,
      [fromGlobalId(ids.account)!.id],
    );
    expect(
      await api.sql(
        `select partner_app_id::text as app from webhook_deliveries where event_id = ?`,
        [limitEvent!.id],
      ),
    ).toEqual([{ app: appA }]);
  });

  it('a key without the mutation scope is refused before anything runs', async () => {
    for (const [name, c] of Object.entries(MUTATION_CASES)) {
      const rule = partnerRuleFor('Mutation', name)!;
      if (!('scope' in rule) || !rule.scope) continue;
      const res = await api.exec(
        partner(
          appA,
          ALL.filter((s) => s !== rule.scope),
        ),
        c.query,
        c.vars(),
      );
      expect(res.errors?.[0]?.extensions?.code, name).toBe('FORBIDDEN');
    }
  });
});
