import { beforeAll, describe, expect, it } from 'vitest';
import {
  agentViewer,
  partnerViewer,
  riskViewer,
  supervisorViewer,
  useTestApi,
} from '../../../../test/harness.js';
import {
  insertAgent,
  insertCustomer,
  insertPartner,
  linkPartner,
} from '../../../../test/fixtures.js';
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
import { initialLimitBounds, defaultPolicy } from '@creditline/scoring';
import { runOverdue } from '../../overdue/overdue.service.js';
import { onRepayment } from '../after-overdue.js';
import { importBureauCsv } from '../../behaviour/bureau.service.js';
import { DecisionService } from '../../decisions/decision.service.js';

const api = useTestApi();
let agent: Viewer;
let sup: Viewer;
let risk: Viewer;
let p: Viewer;
const gid = toGlobalId;

/** Twelve delivered orders, ten on-time (or 45 days late) months, a bureau report. */
async function behaviour(customerId: string, good: boolean, lateDays = 45) {
  await api.sql(
    `insert into orders (customer_id, placed_at, amount_fen, category, status) select ?, now() - (g * 20 || ' days')::interval, 30000, 'DIGITAL', ? from generate_series(1, 12) g`,
    [customerId, good ? 'DELIVERED' : 'RETURNED'],
  );
  await api.sql(
    `insert into repayment_history (customer_id, due_date, amount_due_fen, amount_paid_fen, paid_at, days_past_due) select ?, (now() - (g || ' months')::interval)::date, 10000, 10000, now() - (g || ' months')::interval, ? from generate_series(1, 10) g`,
    [customerId, good ? 0 : lateDays],
  );
  await api.sql(
    `insert into bureau_reports (customer_id, reported_at, bureau_score, inquiries_3m, inquiries_6m, other_debt_fen, past_defaults) values (?, now() - interval '40 days', ?, 0, ?, 0, ?)`,
    [customerId, good ? 820 : 420, good ? 0 : 6, good ? 0 : 2],
  );
}

beforeAll(async () => {
  agent = agentViewer(await insertAgent(api, 'agent13', 'AGENT'));
  sup = supervisorViewer(await insertAgent(api, 'boss13', 'SUPERVISOR'));
  risk = riskViewer(await insertAgent(api, 'risk13', 'RISK_ADMIN'));
  p = await partner(api);
  api.app.services.purchases.rules = noFraudRules;
});

const APPLY = `mutation($i: ApplyForCreditInput!) { applyForCredit(input: $i) {
  application { id status initialLimit { amount } grade reasons { code text } reasonsEn { code text } }
  account { id status baseLimit { amount } latestDecision { kind baseLimitAfter { amount } } explanation(locale: EN) { headline } }
  decision { kind score grade reasons { code } }
  userErrors { code field message } } }`;
const NOTICES = `query($id: ID!) { node(id: $id) { ... on CreditAccount { notices(first: 20) { edges { node { kind zh: words(locale: ZH_CN) { title happened meaning action } en: words(locale: EN) { title happened meaning action } } } } } } }`;
const CLOSE = `mutation($i: AccountReasonInput!) { closeAccount(input: $i) { account { status baseLimit { amount } closedAt explanation(locale: EN) { headline } } decision { kind statusAfter reasons { code text } } userErrors { code field message } } }`;

describe('applyForCredit', () => {
  it('opens an ACTIVE account at the initial limit with its INITIAL decision, once per key, and tells the customer', async () => {
    const c = await insertCustomer(api, { noAccount: true, incomeBand: 'HIGH' });
    await behaviour(c.customerId, true);
    const i = { customerId: gid('Customer', c.customerId), idempotencyKey: key('apply') };
    const r = await api.exec(agent, APPLY, { i });
    expect(r.errors).toBeUndefined();
    const a = r.data.applyForCredit;
    expect(a.userErrors).toEqual([]);
    expect(a.application.status).toBe('APPROVED');
    const limitFen = Math.round(Number(a.account.baseLimit.amount) * 100);
    const { minFen, maxFen } = initialLimitBounds(defaultPolicy);
    expect(limitFen).toBeGreaterThanOrEqual(minFen);
    expect(limitFen).toBeLessThanOrEqual(maxFen);
    expect(limitFen).toBe(
      defaultPolicy.initialLimitFen[
        a.application.grade as keyof typeof defaultPolicy.initialLimitFen
      ],
    );
    expect(a.account.status).toBe('ACTIVE');
    expect(a.decision.kind).toBe('INITIAL');
    expect(a.decision.score).toBeGreaterThan(0);
    expect(a.decision.reasons[0].code).toBe('APPLICATION_APPROVED');
    expect(a.account.explanation.headline).toMatch(/starting limit/);
    const [row] = await api.sql<any>(
      `select account_number, opened_at from credit_accounts where customer_id = ?`,
      [c.customerId],
    );
    expect(row.account_number).toMatch(/^CL2\d{9}$/);
    // the same key answers with the same application; a new key finds the account
    const again = await api.exec(agent, APPLY, { i });
    expect(again.data.applyForCredit.application.id).toBe(a.application.id);
    const other = await api.exec(agent, APPLY, { i: { ...i, idempotencyKey: key('apply') } });
    expect(other.data.applyForCredit.userErrors[0].code).toBe('ACCOUNT_EXISTS');
    const n = await api.exec(agent, NOTICES, { id: a.account.id });
    const opened = n.data.node.notices.edges.map((e: any) => e.node);
    expect(opened.map((x: any) => x.kind)).toEqual(['ACCOUNT_OPENED']);
    expect(opened[0].zh.happened).toContain(`¥${(limitFen / 100).toLocaleString('en')}`);
    expect(opened[0].en.title).toBe('Your credit line is open');
    const audit = await api.sql(
      `select 1 from audit_log where customer_id = ? and action = 'applyForCredit'`,
      [c.customerId],
    );
    expect(audit).toHaveLength(1);
    // a partner key without accounts:apply is refused before anything runs
    expect(
      (await api.exec(partnerViewer('1', ['limits:read']), APPLY, { i })).errors?.[0]?.extensions
        ?.code,
    ).toBe('FORBIDDEN');
  });

  it('declines with every failing rule, stores the application, and explains it', async () => {
    const c = await insertCustomer(api, { noAccount: true, realNameVerified: false });
    await behaviour(c.customerId, false);
    const r = await api.exec(agent, APPLY, {
      i: { customerId: gid('Customer', c.customerId), idempotencyKey: key('apply') },
    });
    const a = r.data.applyForCredit;
    expect(a.userErrors).toEqual([]);
    expect(a.account).toBeNull();
    expect(a.application.status).toBe('DECLINED');
    expect(a.application.initialLimit.amount).toBe('0.00');
    const codes = a.application.reasons.map((x: any) => x.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'APPLICATION_NOT_VERIFIED',
        'APPLICATION_DELINQUENT',
        'APPLICATION_BUREAU_DEFAULTS',
      ]),
    );
    expect(a.application.reasons[0].text).toBe('尚未完成实名认证');
    expect(a.application.reasonsEn[0].text).toMatch(/verification/);
    expect(
      await api.sql(`select 1 from credit_accounts where customer_id = ?`, [c.customerId]),
    ).toHaveLength(0);
    const [n] = await api.sql<any>(`select kind, payload from notices where customer_id = ?`, [
      c.customerId,
    ]);
    expect(n.kind).toBe('APPLICATION_DECLINED');
    const q = await api.exec(
      agent,
      `query($id: ID!) { node(id: $id) { ... on Customer { creditApplications { status reasons { code } } } } }`,
      { id: gid('Customer', c.customerId) },
    );
    expect(q.data.node.creditApplications[0].status).toBe('DECLINED');
  });
});

describe('applyForCredit by a partner app', () => {
  const ALL = [
    'limits:read',
    'quotes:read',
    'purchases:write',
    'repayments:write',
    'accounts:apply',
  ];
  const PARTNER_APPLY = `mutation($i: ApplyForCreditInput!) { applyForCredit(input: $i) {
    application { id status initialLimit { amount } reasons { code text } }
    account { id status baseLimit { amount } availableLimit { amount } }
    userErrors { code field message } } }`;
  const applyAs = (v: Viewer, customerId: string, q = PARTNER_APPLY) =>
    api.exec<any>(v, q, {
      i: { customerId: gid('Customer', customerId), idempotencyKey: key('papply') },
    });
  const applications = async (customerId: string) =>
    (
      await api.sql<{ n: string }>(
        `select count(*)::text n from credit_applications where customer_id = ?`,
        [customerId],
      )
    )[0]!.n;

  it('opens an account for a customer who linked the app with accounts:apply, and reads it back', async () => {
    const app = await insertPartner(api, ALL, undefined, { name: 'Wallet' });
    const v = partnerViewer(app.id, ALL);
    const c = await insertCustomer(api, { noAccount: true, unlinked: true, incomeBand: 'HIGH' });
    await behaviour(c.customerId, true);
    await linkPartner(api, app.id, c.customerId, ALL);
    const r = await applyAs(v, c.customerId);
    expect(r.errors).toBeUndefined();
    const a = r.data.applyForCredit;
    expect(a.userErrors).toEqual([]);
    expect(a.application.status).toBe('APPROVED');
    expect(a.account.status).toBe('ACTIVE');
    expect(a.account.availableLimit.amount).toBe(a.account.baseLimit.amount);
    const [row] = await api.sql<any>(
      `select actor_type, actor_id::text from credit_applications where customer_id = ?`,
      [c.customerId],
    );
    expect(row).toEqual({ actor_type: 'PARTNER', actor_id: app.id });
    const audit = await api.sql<any>(
      `select actor_type from audit_log where customer_id = ? and action = 'applyForCredit'`,
      [c.customerId],
    );
    expect(audit.map((x: any) => x.actor_type)).toEqual(['PARTNER']);
    // its own application through node(); the INITIAL decision, the score and the grade are staff's
    const node = await api.exec<any>(
      v,
      `query($id: ID!) { node(id: $id) { ... on CreditApplication { status reasons { code } } } }`,
      { id: a.application.id },
    );
    expect(node.data.node.status).toBe('APPROVED');
    for (const staffField of [
      'decision { kind }',
      'application { score }',
      'application { grade }',
    ])
      expect(
        (
          await applyAs(
            v,
            c.customerId,
            `mutation($i: ApplyForCreditInput!) { applyForCredit(input: $i) { ${staffField} } }`,
          )
        ).errors?.[0]?.extensions?.code,
      ).toBe('FORBIDDEN');
    // staff see it too; another app does not
    expect(
      (
        await api.exec<any>(
          agent,
          `query($id: ID!) { node(id: $id) { ... on CreditApplication { status } } }`,
          { id: a.application.id },
        )
      ).data.node.status,
    ).toBe('APPROVED');
    const other = await insertPartner(api, ALL, undefined, { name: 'Other app' });
    await linkPartner(api, other.id, c.customerId, ALL);
    expect(
      (
        await api.exec<any>(
          partnerViewer(other.id, ALL),
          `query($id: ID!) { node(id: $id) { ... on CreditApplication { status } } }`,
          { id: a.application.id },
        )
      ).data.node,
    ).toBeNull();
  });

  it('an unlinked customer, another app’s customer and a link without accounts:apply answer like a missing customer; a key without the scope is refused', async () => {
    const appA = await insertPartner(api, ALL, undefined, { name: 'App A13' });
    const appB = await insertPartner(api, ALL, undefined, { name: 'App B13' });
    const A = partnerViewer(appA.id, ALL);
    const missing = await applyAs(A, '987654321');
    expect(missing.data.applyForCredit.userErrors.map((e: any) => e.code)).toEqual([
      'CUSTOMER_NOT_FOUND',
    ]);
    const unlinked = await insertCustomer(api, { noAccount: true, unlinked: true });
    const othersOnly = await insertCustomer(api, { noAccount: true, unlinked: true });
    await linkPartner(api, appB.id, othersOnly.customerId, ALL);
    const noScope = await insertCustomer(api, { noAccount: true, unlinked: true });
    await linkPartner(
      api,
      appA.id,
      noScope.customerId,
      ALL.filter((s) => s !== 'accounts:apply'),
    );
    // the account's limit needs limits:read from the link as well
    const noLimits = await insertCustomer(api, { noAccount: true, unlinked: true });
    await linkPartner(api, appA.id, noLimits.customerId, ['accounts:apply']);
    for (const c of [unlinked, othersOnly, noScope, noLimits]) {
      const r = await applyAs(A, c.customerId);
      expect(r.errors).toBeUndefined();
      expect(r.data.applyForCredit).toEqual({
        ...missing.data.applyForCredit,
        userErrors: missing.data.applyForCredit.userErrors,
      });
      expect(await applications(c.customerId)).toBe('0');
    }
    // selecting only the application, a link with accounts:apply alone is enough
    const onlyApp = await applyAs(
      A,
      noLimits.customerId,
      `mutation($i: ApplyForCreditInput!) { applyForCredit(input: $i) { application { status } userErrors { code } } }`,
    );
    expect(onlyApp.data.applyForCredit.userErrors).toEqual([]);
    expect(await applications(noLimits.customerId)).toBe('1');
    // a key of app A without the scope: refused before anything runs
    const narrow = await applyAs(
      partnerViewer(
        appA.id,
        ALL.filter((s) => s !== 'accounts:apply'),
      ),
      noScope.customerId,
    );
    expect(narrow.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(narrow.data?.applyForCredit ?? null).toBeNull();
    expect(await applications(noScope.customerId)).toBe('0');
  });
});

describe('closeAccount', () => {
  it('refuses while anything is owed or held; closes, declines purchases, explains; a new application reopens it', async () => {
    const c = await insertCustomer(api, { baseLimitFen: 1_000_000 });
    await behaviour(c.customerId, true);
    const held = await authorize(api, p, c.accountId, '100');
    expect(held.decision).toBe('HELD');
    const i = { accountId: gid('CreditAccount', c.accountId), reason: 'customer asked to close' };
    const refused = await api.exec(agent, CLOSE, { i });
    expect(refused.data.closeAccount.userErrors[0]).toMatchObject({
      code: 'ACCOUNT_HAS_BALANCE',
      field: ['accountId'],
    });
    expect(refused.data.closeAccount.userErrors[0].message).toContain('held ¥100.00');
    const cap = await api.exec<any>(p, CAPTURE, {
      input: { purchaseId: held.purchase.id, term: 'DEFERRED_30', idempotencyKey: key() },
    });
    expect(cap.data.capturePurchase.userErrors).toEqual([]);
    expect((await api.exec(agent, CLOSE, { i })).data.closeAccount.userErrors[0].code).toBe(
      'ACCOUNT_HAS_BALANCE',
    );
    await api.exec(p, REPAY, {
      input: {
        accountId: gid('CreditAccount', c.accountId),
        amount: '100',
        idempotencyKey: key(),
        paymentReference: key('pay'),
        paymentChannel: 'ALIPAY',
      },
    });
    const closed = (await api.exec(agent, CLOSE, { i })).data.closeAccount;
    expect(closed.userErrors).toEqual([]);
    expect(closed.account).toMatchObject({ status: 'CLOSED', baseLimit: { amount: '0.00' } });
    expect(closed.account.closedAt).toBeTruthy();
    expect(closed.account.explanation.headline).toMatch(/^Your credit line was closed/);
    expect(closed.decision).toMatchObject({ kind: 'CLOSE', statusAfter: 'CLOSED' });
    expect((await api.exec(agent, CLOSE, { i })).data.closeAccount.userErrors[0].code).toBe(
      'ACCOUNT_ALREADY_CLOSED',
    );
    expect(await authorize(api, p, c.accountId, '1')).toMatchObject({
      decision: 'DECLINED',
      declineCode: 'ACCOUNT_CLOSED',
    });
    const audit = await api.sql(
      `select 1 from audit_log where customer_id = ? and action = 'closeAccount'`,
      [c.customerId],
    );
    expect(audit).toHaveLength(1);
    expect(
      (
        await api.sql<any>(
          `select kind from notices where customer_id = ? order by id desc limit 1`,
          [c.customerId],
        )
      )[0].kind,
    ).toBe('ACCOUNT_CLOSED');
    // reapplying reopens the same account at an initial limit
    const re = await api.exec(agent, APPLY, {
      i: { customerId: gid('Customer', c.customerId), idempotencyKey: key('apply') },
    });
    expect(re.data.applyForCredit.application.status).toBe('APPROVED');
    expect(re.data.applyForCredit.account.id).toBe(i.accountId);
    expect(re.data.applyForCredit.account.status).toBe('ACTIVE');
    await expectReconciled(api);
  });
});

describe('risk-alert freeze', () => {
  const FREEZE = `mutation($i: RiskAlertFreezeInput!) { freezeForRiskAlert(input: $i) { account { status frozenCause frozenReason { code text } explanation(locale: ZH_CN) { headline } } decision { kind reasons { code } } userErrors { code field } } }`;
  const CLEAR = `mutation($i: ClearRiskAlertInput!) { clearRiskAlert(input: $i) { account { status frozenCause } decision { kind reasons { code } } userErrors { code field } } }`;
  it('risk admins freeze with a reason code; only clearRiskAlert lifts it', async () => {
    const c = await insertCustomer(api);
    const i = {
      accountId: gid('CreditAccount', c.accountId),
      reasonCode: 'RISK_ALERT_ACCOUNT_TAKEOVER',
      note: 'login from a new device and phone changed',
    };
    expect((await api.exec(sup, FREEZE, { i })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(
      (await api.exec(risk, FREEZE, { i: { ...i, reasonCode: 'BORED' } })).errors?.[0]?.extensions
        ?.code,
    ).toBe('BAD_USER_INPUT');
    const f = (await api.exec(risk, FREEZE, { i })).data.freezeForRiskAlert;
    expect(f.userErrors).toEqual([]);
    expect(f.account.status).toBe('FROZEN');
    expect(f.account.frozenCause).toBe('RISK_ALERT');
    expect(f.account.frozenReason.code).toBe('RISK_ALERT_ACCOUNT_TAKEOVER');
    expect(f.account.explanation.headline).toMatch(/冻结.*他人/);
    expect(f.decision.reasons.map((r: any) => r.code)).toEqual(['RISK_ALERT_ACCOUNT_TAKEOVER']);
    expect(await authorize(api, p, c.accountId, '1')).toMatchObject({
      declineCode: 'ACCOUNT_FROZEN',
    });
    // a supervisor's unfreeze and a recovery request do not lift a risk alert
    const un = await api.exec(
      sup,
      `mutation($i: AccountReasonInput!) { unfreezeAccount(input: $i) { userErrors { code } } }`,
      { i: { accountId: i.accountId, reason: 'customer called' } },
    );
    expect(un.data.unfreezeAccount.userErrors[0].code).toBe('RISK_ALERT_FREEZE');
    const rec = await api.exec(
      agent,
      `mutation($i: FileRecoveryRequestInput!) { fileRecoveryRequest(input: $i) { userErrors { code } } }`,
      { i: { customerId: gid('Customer', c.customerId), type: 'UNFREEZE', reason: 'please' } },
    );
    expect(rec.data.fileRecoveryRequest.userErrors[0].code).toBe('RISK_ALERT_FREEZE');
    const cl = (
      await api.exec(risk, CLEAR, {
        i: { accountId: i.accountId, note: 'customer verified in branch' },
      })
    ).data.clearRiskAlert;
    expect(cl).toMatchObject({
      account: { status: 'ACTIVE', frozenCause: null },
      decision: { kind: 'UNFREEZE', reasons: [{ code: 'RISK_ALERT_CLEARED' }] },
      userErrors: [],
    });
    const kinds = await api.sql<any>(
      `select kind, payload from notices where customer_id = ? order by id`,
      [c.customerId],
    );
    expect(kinds.map((k: any) => k.kind)).toEqual(['ACCOUNT_FROZEN', 'ACCOUNT_UNFROZEN']);
    const n = await api.exec(agent, NOTICES, { id: i.accountId });
    const frozen = n.data.node.notices.edges
      .map((e: any) => e.node)
      .find((x: any) => x.kind === 'ACCOUNT_FROZEN');
    expect(frozen.en.happened).toMatch(/Someone else may be using your account/);
    expect(frozen.zh.action).toMatch(/客服/);
  });
});

describe('triggered reviews', () => {
  const REVIEW = `mutation($i: RequestLimitReviewInput!) { requestLimitReview(input: $i) { decision { kind note baseLimitBefore { amount } baseLimitAfter { amount } reasons { code } } userErrors { code field message } } }`;
  const BUREAU = `mutation($i: RecordBureauReportInput!) { recordBureauReport(input: $i) { reportId trigger frozen decision { kind reasons { code } } account { status frozenCause } userErrors { code field message } } }`;
  const report = (customerId: string, over: Record<string, unknown> = {}) => ({
    customerId: gid('Customer', customerId),
    reportedAt: new Date().toISOString(),
    bureauScore: 800,
    inquiries3m: 0,
    inquiries6m: 0,
    otherDebt: '0',
    pastDefaults: 0,
    ...over,
  });

  it('requestLimitReview needs a reason and is refused on the same data within the cooldown', async () => {
    const c = await insertCustomer(api, { baseLimitFen: 1_000_000 });
    await behaviour(c.customerId, true);
    const i = { accountId: gid('CreditAccount', c.accountId), reason: ' ' };
    expect((await api.exec(agent, REVIEW, { i })).data.requestLimitReview.userErrors[0].code).toBe(
      'REASON_REQUIRED',
    );
    const first = (
      await api.exec(agent, REVIEW, { i: { ...i, reason: 'customer disputes the limit' } })
    ).data.requestLimitReview;
    expect(first.userErrors).toEqual([]);
    expect(first.decision.note).toBe('customer disputes the limit');
    const second = (await api.exec(agent, REVIEW, { i: { ...i, reason: 'again' } })).data
      .requestLimitReview;
    expect(second.userErrors[0].code).toBe('REVIEW_COOLDOWN');
    expect(second.userErrors[0].message).toMatch(/nothing new is known/);
    // new data (a bureau report without a trigger) lets a review run again
    const b = (await api.exec(agent, BUREAU, { i: report(c.customerId, { bureauScore: 780 }) }))
      .data.recordBureauReport;
    expect(b).toMatchObject({ trigger: null, frozen: false, userErrors: [] });
    const third = (await api.exec(agent, REVIEW, { i: { ...i, reason: 'new bureau data' } })).data
      .requestLimitReview;
    expect(third.userErrors).toEqual([]);
  });

  it('never cuts twice on the same data, even after the cooldown', async () => {
    const c = await insertCustomer(api, { baseLimitFen: 1_000_000 });
    // 20 days late every month: past the policy's review threshold, short of its freeze
    await behaviour(c.customerId, false, 20);
    const svc = new DecisionService(api.config);
    const now = new Date();
    const r1 = await svc.requestLimitReview(
      api.orm.em.fork(),
      agent,
      c.accountId,
      'risk check',
      now,
    );
    expect(r1.ok).toBe(true);
    const [d1] = await api.sql<any>(
      `select base_limit_before_fen::int as b, base_limit_after_fen::int as a, status_after from limit_decisions where account_id = ? order by id desc limit 1`,
      [c.accountId],
    );
    expect(d1.status_after).toBe('ACTIVE');
    expect(d1.a).toBeLessThan(d1.b);
    // same day: refused; the day after the cooldown, same evidence: reviewed, not cut again
    const r2 = await svc.requestLimitReview(api.orm.em.fork(), agent, c.accountId, 'again', now);
    expect(r2.ok).toBe(false);
    const later = new Date(
      now.getTime() + (defaultPolicy.triggeredReview.cooldownDays + 1) * 86_400_000,
    );
    const r3 = await svc.requestLimitReview(
      api.orm.em.fork(),
      agent,
      c.accountId,
      'again later',
      later,
    );
    expect(r3.ok).toBe(true);
    const [d3] = await api.sql<any>(
      `select base_limit_before_fen::int as b, base_limit_after_fen::int as a, reasons from limit_decisions where account_id = ? order by id desc limit 1`,
      [c.accountId],
    );
    expect(d3.reasons[0].code).toBe('POLICY_SAME_EVIDENCE');
    expect(d3.a).toBe(d3.b);
  });

  it('a spike of inquiries triggers a review that rescores; a new default also freezes by a rule', async () => {
    const c = await insertCustomer(api, { baseLimitFen: 1_000_000 });
    await behaviour(c.customerId, true);
    const spike = (
      await api.exec(agent, BUREAU, { i: report(c.customerId, { inquiries3m: 5, inquiries6m: 6 }) })
    ).data.recordBureauReport;
    expect(spike.userErrors).toEqual([]);
    expect(spike.trigger).toBe('POLICY_INQUIRY_SPIKE');
    expect(spike.decision.kind).toBe('TRIGGERED_REVIEW');
    expect(spike.decision.reasons[0].code).toBe('POLICY_INQUIRY_SPIKE');
    const dflt = (
      await api.exec(agent, BUREAU, {
        i: report(c.customerId, { inquiries3m: 5, inquiries6m: 6, pastDefaults: 1 }),
      })
    ).data.recordBureauReport;
    expect(dflt.trigger).toBe('POLICY_NEW_DEFAULT');
    expect(dflt.decision.reasons[0].code).toBe('POLICY_NEW_DEFAULT');
    expect(dflt.frozen).toBe(true);
    expect(dflt.account).toMatchObject({ status: 'FROZEN', frozenCause: 'RISK_ALERT' });
    const kinds = await api.sql<any>(
      `select kind, reasons->0->>'code' as code from limit_decisions where account_id = ? order by id`,
      [c.accountId],
    );
    expect(kinds.map((k: any) => k.kind)).toEqual([
      'TRIGGERED_REVIEW',
      'TRIGGERED_REVIEW',
      'FREEZE',
    ]);
    expect(kinds.at(-1).code).toBe('RISK_ALERT_BUREAU_DEFAULT');
    const bad = (
      await api.exec(agent, BUREAU, { i: report(c.customerId, { inquiries3m: 5, inquiries6m: 2 }) })
    ).data.recordBureauReport;
    expect(bad.userErrors[0]).toMatchObject({ code: 'INVALID_INQUIRIES', field: ['inquiries6m'] });
    expect(
      (await api.exec(agent, BUREAU, { i: report(c.customerId, { otherDebt: '-1' }) })).data
        .recordBureauReport.userErrors[0].code,
    ).toBe('INVALID_AMOUNT');
  });

  it('imports a bureau CSV (by customer id or national id), reporting bad lines and going on', async () => {
    const a = await insertCustomer(api, { baseLimitFen: 800_000 });
    const b = await insertCustomer(api, { baseLimitFen: 800_000 });
    await behaviour(a.customerId, true);
    await behaviour(b.customerId, true);
    const day = new Date().toISOString().slice(0, 10);
    const byId = [
      'customer_id,reported_at,bureau_score,inquiries_3m,inquiries_6m,other_debt_fen,past_defaults',
      `${a.customerId},${day},790,4,5,0,0`,
      `${a.customerId},${day},790,4,2,0,0`,
      `abc,${day},790,4,5,0,0`,
    ].join('\n');
    const r = await importBureauCsv(api.orm, byId, {
      blindIndexKey: api.config.secrets.blindIndexKey,
    });
    expect(r).toMatchObject({ rows: 3, imported: 1, reviews: 1, frozen: 0 });
    expect(r.errors.map((e) => e.line)).toEqual([3, 4]);
    const byNid = [
      'national_id,reported_at,bureau_score,inquiries_3m,inquiries_6m,other_debt_fen,past_defaults',
      `${b.nationalId},${day},700,0,0,100000,1`,
      `110101199001011234,${day},700,0,0,0,0`,
    ].join('\n');
    const r2 = await importBureauCsv(api.orm, byNid, {
      blindIndexKey: api.config.secrets.blindIndexKey,
    });
    expect(r2.imported).toBe(1);
    expect(r2.errors).toHaveLength(1);
    expect(
      await importBureauCsv(api.orm, 'who,what\n1,2', {
        blindIndexKey: api.config.secrets.blindIndexKey,
      }),
    ).toMatchObject({ imported: 0, errors: [{ line: 1 }] });
  });
});

describe('when a customer frozen for an overdue has repaid', () => {
  async function frozenForOverdue() {
    const c = await insertCustomer(api, { baseLimitFen: 1_000_000 });
    await behaviour(c.customerId, true);
    const r = await authorize(api, p, c.accountId, '300');
    await api.exec(p, CAPTURE, {
      input: { purchaseId: r.purchase.id, term: 'M3', idempotencyKey: key() },
    });
    const [plan] = await api.sql<any>(`select id from installment_plans where account_id = ?`, [
      c.accountId,
    ]);
    await api.sql(
      `update schedule_lines set due_date = current_date - 31 where plan_id = ? and seq = 1`,
      [plan.id],
    );
    await runOverdue(api.orm.em.fork());
    expect(await account(api, c.accountId)).toMatchObject({ status: 'FROZEN' });
    const [due] = await api.sql<any>(
      `select (principal_fen - paid_principal_fen + fee_fen - paid_fee_fen + late_fee_fen - paid_late_fee_fen)::int as owed from schedule_lines where plan_id = ? and seq = 1`,
      [plan.id],
    );
    return { c, owedFen: due.owed as number };
  }

  it('by default (policy RECOVERY_REQUEST) an UNFREEZE recovery request opens and is reviewed', async () => {
    const { c, owedFen } = await frozenForOverdue();
    const pay = await api.exec<any>(p, REPAY, {
      input: {
        accountId: gid('CreditAccount', c.accountId),
        amount: (owedFen / 100).toFixed(2),
        idempotencyKey: key(),
        paymentReference: key('pay'),
        paymentChannel: 'ALIPAY',
      },
    });
    expect(pay.data.recordRepayment.userErrors).toEqual([]);
    const reqs = await api.sql<any>(
      `select type, status, filed_by_agent_id from recovery_requests where account_id = ?`,
      [c.accountId],
    );
    expect(reqs).toHaveLength(1);
    expect(reqs[0]).toMatchObject({ type: 'UNFREEZE', filed_by_agent_id: null });
    expect(['UNDER_REVIEW', 'APPROVED', 'COMPLETED', 'REJECTED', 'NEEDS_DOCUMENTS']).toContain(
      reqs[0].status,
    );
    await expectReconciled(api);
  });

  it('with policy UNFREEZE the account is unfrozen at once, explained by OVERDUE_REPAID', async () => {
    const { c, owedFen } = await frozenForOverdue();
    // a repayment short of the overdue amount changes nothing
    const em = api.orm.em.fork();
    await em.transactional(async (tem) => {
      expect(
        await onRepayment(tem, { id: c.accountId, customerId: c.customerId }, 'UNFREEZE'),
      ).toBeNull();
    });
    await api.sql(
      `update schedule_lines set paid_principal_fen = principal_fen, paid_fee_fen = fee_fen, paid_late_fee_fen = late_fee_fen, status = 'PAID', paid_at = now() where account_id = ? and status = 'OVERDUE'`,
      [c.accountId],
    );
    void owedFen;
    await api.orm.em.fork().transactional(async (tem) => {
      expect(
        await onRepayment(tem, { id: c.accountId, customerId: c.customerId }, 'UNFREEZE'),
      ).toBe('UNFROZEN');
    });
    expect(await account(api, c.accountId)).toMatchObject({ status: 'ACTIVE' });
    const [d] = await api.sql<any>(
      `select kind, reasons->0->>'code' as code from limit_decisions where account_id = ? order by id desc limit 1`,
      [c.accountId],
    );
    expect(d).toEqual({ kind: 'UNFREEZE', code: 'OVERDUE_REPAID' });
  });
});
