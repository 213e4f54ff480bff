import { beforeAll, describe, expect, it } from 'vitest';
import { agentViewer, supervisorViewer, useTestApi } from '../../../../test/harness.js';
import { insertAgent, insertCustomer } from '../../../../test/fixtures.js';
import { toGlobalId } from '../../../graphql/relay.js';
import type { Viewer } from '../../auth/viewer.js';
import { defaultPolicy } from '@creditline/scoring';

const api = useTestApi();
let agent: Viewer;
let sup: Viewer;
let sup2: Viewer;

beforeAll(async () => {
  agent = agentViewer(await insertAgent(api, 'desk_agent', 'AGENT'));
  sup = supervisorViewer(await insertAgent(api, 'desk_boss', 'SUPERVISOR'));
  sup2 = supervisorViewer(await insertAgent(api, 'desk_boss2', 'SUPERVISOR'));
});

const CODE = /[A-Z]{2,}(_[A-Z0-9]+)+/;

async function riskyCustomer(
  opts: { status?: 'ACTIVE' | 'FROZEN'; incomeBand?: string; grade?: string } = {},
) {
  const c = await insertCustomer(api, {
    baseLimitFen: 500_000,
    status: opts.status,
    incomeBand: opts.incomeBand,
  });
  await api.sql(
    `update credit_accounts set score = 600, grade = ?, probability_of_default = 0.3 where id = ?`,
    [opts.grade ?? 'D', c.accountId],
  );
  return c;
}

const FILE = `mutation($i: FileRecoveryRequestInput!) { fileRecoveryRequest(input: $i) {
  recoveryRequest { id type status requestedLimit { amount } targetLimit { amount } currentLimit { amount } accountStatus
    plan { seq amount { amount } onTimeRepaymentsRequired status } reasons(locale: ZH_CN) { code text }
    transitions { actorType actorName reasonText(locale: ZH_CN) } assignedTo assignedToMe dueAt }
  userErrors { code field message } } }`;

describe('notes', () => {
  it('adds a note with tags and a ticket reference, audited, and refuses bad input by code', async () => {
    const c = await insertCustomer(api);
    const ADD = `mutation($i: AddCustomerNoteInput!) { addCustomerNote(input: $i) { note { id body tags ticketRef author } userErrors { code field } } }`;
    const customerId = toGlobalId('Customer', c.customerId);
    const ok = await api.exec<any>(agent, ADD, {
      i: {
        customerId,
        body: '客户来电投诉扣款两次，已解释为预授权。',
        tags: ['COMPLAINT', 'VIP'],
        ticketRef: 'ZD-4711',
      },
    });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.addCustomerNote.note).toMatchObject({
      body: '客户来电投诉扣款两次，已解释为预授权。',
      tags: ['COMPLAINT', 'VIP'],
      ticketRef: 'ZD-4711',
    });
    const [audit] = await api.sql<{ action: string; actor_id: string }>(
      `select action, actor_id::text as actor_id from audit_log where customer_id = ? and action = 'addCustomerNote'`,
      [c.customerId],
    );
    expect(audit).toMatchObject({ action: 'addCustomerNote', actor_id: String((agent as any).id) });
    for (const [i, code] of [
      [{ customerId, body: '   ' }, 'NOTE_BODY_REQUIRED'],
      [{ customerId, body: 'x'.repeat(4001) }, 'NOTE_TOO_LONG'],
      [{ customerId, body: 'ok', ticketRef: 'has spaces in it' }, 'INVALID_TICKET_REF'],
      [{ customerId: toGlobalId('Customer', '999999999'), body: 'ok' }, 'CUSTOMER_NOT_FOUND'],
    ] as const) {
      const res = await api.exec<any>(agent, ADD, { i });
      expect(res.data.addCustomerNote.userErrors[0].code).toBe(code);
    }
    // append-only
    await expect(
      api.sql(`delete from customer_notes where customer_id = ?`, [c.customerId]),
    ).rejects.toThrow();
  });
});

describe('timeline', () => {
  it('one history, newest first, paged without gaps, in words in both languages', async () => {
    const c = await riskyCustomer({ status: 'FROZEN' });
    const customerId = toGlobalId('Customer', c.customerId);
    await api.sql(
      `insert into limit_decisions (account_id, customer_id, kind, base_limit_before_fen, base_limit_after_fen, status_before, status_after, decided_by, reasons, created_at, policy_version)
       values (?, ?, 'FREEZE', 500000, 500000, 'ACTIVE', 'FROZEN', 'SYSTEM', '[{"code":"OVERDUE_FREEZE_THRESHOLD"}]', now() - interval '2 days', 'policy-2026.11')`,
      [c.accountId, c.customerId],
    );
    await api.sql(
      `insert into notices (customer_id, kind, channel, event_key, payload, created_at) values (?, 'OVERDUE', 'SMS', 'x1', '{"daysPastDue": 31}', now() - interval '1 day')`,
      [c.customerId],
    );
    const filed = await api.exec<any>(agent, FILE, {
      i: { customerId, type: 'UNFREEZE', reason: '客户已结清逾期，申请解冻。' },
    });
    expect(filed.data.fileRecoveryRequest.userErrors).toEqual([]);
    await api.exec(
      agent,
      `mutation($i: AddCustomerNoteInput!) { addCustomerNote(input: $i) { userErrors { code } } }`,
      {
        i: { customerId, body: '客户经济困难，已建议分期。', tags: ['HARDSHIP'] },
      },
    );
    const Q = `query($id: ID!, $after: String, $l: Locale!) { customer(id: $id) { timeline(first: 2, after: $after, locale: $l) {
      edges { node { id kind at title text amount { amount } actorName tags decisionId recoveryRequestId } } pageInfo { hasNextPage endCursor } totalCount nodes { id } } } }`;
    for (const l of ['ZH_CN', 'EN']) {
      const all: any[] = [];
      let after: string | null = null;
      let totalCount = -1;
      let lastCursor: string | null = null;
      for (;;) {
        const res: any = await api.exec(agent, Q, { id: customerId, after, l });
        expect(res.errors).toBeUndefined();
        const t = res.data.customer.timeline;
        all.push(...t.edges.map((e: any) => e.node));
        expect(t.nodes.map((n: any) => n.id)).toEqual(t.edges.map((e: any) => e.node.id));
        totalCount = t.totalCount;
        lastCursor = t.pageInfo.endCursor;
        if (!t.pageInfo.hasNextPage) break;
        after = t.pageInfo.endCursor;
      }
      expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
      expect(totalCount).toBe(all.length); // every page says the whole history's size
      // Past the end: an empty page still carries the size (the page and the count are one
      // statement, which answers a row without an entry then).
      const last = await api.exec<any>(agent, Q, { id: customerId, after: lastCursor, l });
      expect(last.data.customer.timeline.edges).toEqual([]);
      expect(last.data.customer.timeline.totalCount).toBe(all.length);
      // Without totalCount selected the same page comes (and nothing is counted).
      const uncounted = await api.exec<any>(
        agent,
        `query($id: ID!, $l: Locale!) { customer(id: $id) { timeline(first: 2, locale: $l) { edges { node { id } } } } }`,
        { id: customerId, l },
      );
      expect(uncounted.data.customer.timeline.edges.map((e: any) => e.node.id)).toEqual(
        all.slice(0, 2).map((e) => e.id),
      );
      const times = all.map((e) => Date.parse(e.at));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      expect(all[0]).toMatchObject({
        kind: 'NOTE',
        tags: ['HARDSHIP'],
        actorName: expect.any(String),
      });
      expect(all.map((e) => e.kind)).toEqual(
        expect.arrayContaining(['NOTE', 'RECOVERY', 'NOTICE', 'DECISION']),
      );
      const notices = all.filter((e) => e.kind === 'NOTICE').map((e) => e.text);
      expect(notices).toContainEqual(
        expect.stringMatching(l === 'EN' ? /31 day\(s\) past due/ : /逾期 31 天/),
      );
      for (const e of all) {
        expect(`${e.title} ${e.text ?? ''}`).not.toMatch(CODE);
        if (l === 'EN' && e.kind !== 'NOTE' && e.kind !== 'RECOVERY')
          expect(`${e.title} ${e.text ?? ''}`).not.toMatch(/[\u4e00-\u9fff]/);
      }
      const decision = all.find((e) => e.kind === 'DECISION');
      // any decision in the history can be explained
      const ex: any = await api.exec(
        agent,
        `query($id: ID!, $l: Locale!) { node(id: $id) { ... on LimitDecision { decidedBy decidedByName reasons(locale: $l) { text } explanation(locale: $l) { headline reasons { code text } } } } }`,
        { id: decision.decisionId, l },
      );
      expect(ex.errors).toBeUndefined();
      expect(ex.data.node.explanation.headline).toMatch(l === 'EN' ? /frozen/ : /冻结/);
      expect(ex.data.node.reasons[0].text).not.toMatch(CODE);
    }
    const bad: any = await api.exec(agent, Q, { id: customerId, after: 'garbage!', l: 'EN' });
    expect(bad.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('recovery with amounts, a queue supervisors can work', () => {
  it('shows the current and requested limits and the staged plan before approval; take assigns, once', async () => {
    const c = await riskyCustomer({ grade: 'C' }); // C × MID: up to ¥10,000
    const res = await api.exec<any>(agent, FILE, {
      i: {
        customerId: toGlobalId('Customer', c.customerId),
        type: 'INCREASE',
        reason: '客户收入提高，申请提额。',
        requestedLimit: '8000',
        documents: [
          {
            kind: 'INCOME_PROOF',
            fileName: '工资单.pdf',
            contentType: 'application/pdf',
            sizeBytes: 1000,
          },
        ],
      },
    });
    const r = res.data.fileRecoveryRequest.recoveryRequest;
    expect(r).toMatchObject({
      type: 'INCREASE',
      requestedLimit: { amount: '8000.00' },
      currentLimit: { amount: '5000.00' },
      accountStatus: 'ACTIVE',
    });
    if (r.status === 'UNDER_REVIEW') {
      expect(r.plan.length).toBeGreaterThan(0);
      expect(r.plan.every((s: any) => s.status === 'PLANNED')).toBe(true);
      const sum = r.plan.reduce(
        (t: number, s: any) => t + Math.round(Number(s.amount.amount) * 100),
        0,
      );
      expect(sum).toBe(Math.round(Number(r.targetLimit.amount) * 100) - 500_000);
      for (const x of r.reasons) expect(x.text).not.toMatch(CODE);
      for (const t of r.transitions) expect(t.reasonText).not.toMatch(CODE);
      const TAKE = `mutation($i: TakeRecoveryRequestInput!) { takeRecoveryRequest(input: $i) { recoveryRequest { assignedTo assignedToMe } userErrors { code } } }`;
      const took = await api.exec<any>(sup, TAKE, { i: { requestId: r.id } });
      expect(took.data.takeRecoveryRequest.recoveryRequest).toMatchObject({ assignedToMe: true });
      const other = await api.exec<any>(sup2, TAKE, { i: { requestId: r.id } });
      expect(other.data.takeRecoveryRequest.userErrors[0].code).toBe('RECOVERY_REQUEST_TAKEN');
      const mine = await api.exec<any>(
        sup,
        `{ recoveryQueue(first: 50, assignment: MINE, type: INCREASE) { totalCount edges { node { id dueAt } } } }`,
      );
      expect(mine.data.recoveryQueue.edges.map((e: any) => e.node.id)).toEqual([r.id]);
      const theirs = await api.exec<any>(
        sup2,
        `{ recoveryQueue(first: 50, assignment: MINE) { totalCount } }`,
      );
      expect(theirs.data.recoveryQueue.totalCount).toBe(0);
    } else {
      throw new Error(`expected a supervisor review, got ${r.status}`);
    }
  });

  it('offers the types the account state allows', async () => {
    const frozen = await riskyCustomer({ status: 'FROZEN' });
    const active = await riskyCustomer();
    const q = `query($id: ID!) { customer(id: $id) { account { recoveryTypesOffered } } }`;
    const f: any = await api.exec(agent, q, { id: toGlobalId('Customer', frozen.customerId) });
    const a: any = await api.exec(agent, q, { id: toGlobalId('Customer', active.customerId) });
    expect(f.data.customer.account.recoveryTypesOffered).toEqual(['UNFREEZE', 'INCREASE']);
    expect(a.data.customer.account.recoveryTypesOffered).toEqual(['INCREASE']);
    // once an unfreeze is open, a second one is refused, so it is no longer offered
    const filed = await api.exec<any>(agent, FILE, {
      i: {
        customerId: toGlobalId('Customer', frozen.customerId),
        type: 'UNFREEZE',
        reason: '客户已结清逾期，申请解冻。',
      },
    });
    expect(filed.data.fileRecoveryRequest.userErrors).toEqual([]);
    const again: any = await api.exec(agent, q, { id: toGlobalId('Customer', frozen.customerId) });
    expect(again.data.customer.account.recoveryTypesOffered).toEqual(['INCREASE']);
  });
});

describe('explanation hints', () => {
  it("use the customer's own income band and say what to pay when overdue", async () => {
    const ex = async (incomeBand: string) => {
      const c = await insertCustomer(api, { baseLimitFen: 100_000, incomeBand });
      const { platformFeatures, platformModel, scoreFeatures, gradeOf } =
        await import('@creditline/scoring');
      void platformFeatures;
      // a stored decision with the feature values of a customer who lost points for late payments
      const f: Record<string, number> = {};
      for (const feat of platformModel.features) f[feat.name] = 0;
      const s = scoreFeatures(platformModel, f as never);
      await api.sql(
        `insert into limit_decisions (account_id, customer_id, kind, base_limit_before_fen, base_limit_after_fen, status_before, status_after, decided_by, score, grade, features, reasons, policy_version)
         values (?, ?, 'PERIODIC_REVIEW', 100000, 100000, 'ACTIVE', 'ACTIVE', 'SYSTEM', ?, ?, ?::jsonb, '[]', 'policy-2026.11')`,
        [c.accountId, c.customerId, s.score, gradeOf(s.score, defaultPolicy), JSON.stringify(f)],
      );
      const res: any = await api.exec(
        agent,
        `query($id: ID!) { customer(id: $id) { account { explanation(locale: EN) { headline repaymentHint improvements { text limitEffect { amount } } } } } }`,
        { id: toGlobalId('Customer', c.customerId) },
      );
      expect(res.errors).toBeUndefined();
      return res.data.customer.account.explanation;
    };
    const low = await ex('LOW');
    const high = await ex('VERY_HIGH');
    const effects = (e: any) => e.improvements.map((i: any) => i.limitEffect?.amount ?? null);
    for (const e of [low, high])
      for (const i of e.improvements) expect(i.text).not.toContain('¥0 ');
    if (effects(low).some((x: any) => x) || effects(high).some((x: any) => x))
      expect(effects(low)).not.toEqual(effects(high));
    expect(low.repaymentHint).toBeNull();
  });
});
