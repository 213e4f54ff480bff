import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { riskViewer, useTestApi } from '../../../../test/harness.js';
import { insertAgent, insertCustomer } from '../../../../test/fixtures.js';
import { loadAccountFacts } from '../../decisions/behaviour.js';
import { runPeriodicReview } from '../../decisions/periodic-review.js';
import { reviewAccount } from '../../decisions/review.js';
import { toGlobalId } from '../../../graphql/relay.js';
import { loadBookFigures, setActiveRiskBudget } from '../review-budget.js';
import type { Viewer } from '../../auth/viewer.js';

const api = useTestApi();
let risk: Viewer;

beforeAll(async () => {
  risk = riskViewer(await insertAgent(api, 'risk-budget', 'RISK_ADMIN'));
});
afterEach(() => setActiveRiskBudget(undefined));

/** Orders delivered, bills paid on time, a strong bureau report: the review wants increases. */
async function goodBehaviour(customerId: string) {
  await api.sql(
    `insert into orders (customer_id, placed_at, amount_fen, category, status) select ?, now() - (g || ' days')::interval, 10000, 'digital', 'DELIVERED' from generate_series(1, 12) g`,
    [customerId],
  );
  await api.sql(
    `insert into repayment_history (customer_id, due_date, amount_due_fen, amount_paid_fen, days_past_due) select ?, (now() - (g || ' months')::interval)::date, 10000, 10000, 0 from generate_series(1, 10) g`,
    [customerId],
  );
  await api.sql(
    `insert into bureau_reports (customer_id, reported_at, bureau_score, inquiries_3m, inquiries_6m, other_debt_fen, past_defaults) values (?, now() - interval '10 days', 820, 0, 0, 0, 0)`,
    [customerId],
  );
}

const exposure = async () =>
  Number(
    (
      await api.sql<{ s: string }>(
        `select coalesce(sum(base_limit_fen), 0)::text as s from credit_accounts where status in ('ACTIVE', 'FROZEN') and grade is not null`,
      )
    )[0]!.s,
  );

describe('the periodic review respects the risk budget', () => {
  it('when the exposure cap binds, increases are scaled down to whole ¥100 with POLICY_RISK_BUDGET, and the book stays under the cap', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const c = await insertCustomer(api, { baseLimitFen: 200_000, incomeBand: 'VERY_HIGH' });
      await api.sql(
        `update credit_accounts set score = 580, grade = 'A', probability_of_default = 0.02 where id = ?`,
        [c.accountId],
      );
      await goodBehaviour(c.customerId);
      ids.push(c.accountId);
    }
    // What the review would propose without a budget (the same pure step the job runs).
    const asOf = new Date();
    const facts = await loadAccountFacts(api.orm.em.fork(), { accountIds: ids }, asOf);
    const wanted = facts.map((f) => reviewAccount(f, 'PERIODIC', asOf));
    const before = await exposure();
    const wantedIncrease = wanted.reduce((s, o) => s + Math.max(0, o.baseAfter - o.baseBefore), 0);
    expect(wantedIncrease).toBeGreaterThan(100_000);
    // Room for a third of the increases.
    const cap = before + Math.floor(wantedIncrease / 3);
    setActiveRiskBudget({ lossGivenDefaultBp: 8_000, maxExposureFen: cap });
    const r = await runPeriodicReview(api.orm, { batchSize: 5, asOf });
    expect(r.processed).toBe(12);
    expect(await exposure()).toBeLessThanOrEqual(cap);
    const decisions = await api.sql<{
      account_id: string;
      before: string;
      after: string;
      reasons: { code: string }[];
    }>(
      `select account_id::text, base_limit_before_fen::text as before, base_limit_after_fen::text as after, reasons
         from limit_decisions where kind = 'PERIODIC_REVIEW' and account_id = any(?::bigint[]) order by account_id`,
      [`{${ids.join(',')}}`],
    );
    const scaled = decisions.filter((d) => d.reasons.some((x) => x.code === 'POLICY_RISK_BUDGET'));
    expect(scaled.length).toBeGreaterThan(0);
    for (const d of scaled) {
      expect(Number(d.after) % 10_000).toBe(0);
      expect(Number(d.after)).toBeGreaterThanOrEqual(Number(d.before));
    }
    // Every scaled decision got less than the review wanted, none got more.
    const byBefore = decisions.map((d, i) => ({ d, w: wanted[i]! }));
    for (const { d, w } of byBefore) expect(Number(d.after)).toBeLessThanOrEqual(w.baseAfter);
    // Staff and the customer are told why, in both languages (texts from the scoring package).
    const q = await api.exec(
      risk,
      `query($id: ID!) { node(id: $id) { ... on CreditAccount {
         latestDecision { reasons { code text } }
         zh: explanation(locale: ZH_CN) { reasons { code text } }
         en: explanation(locale: EN) { reasons { code text } } } } }`,
      { id: toGlobalId('CreditAccount', scaled[0]!.account_id) },
    );
    expect(q.errors).toBeUndefined();
    const node = q.data.node as {
      latestDecision: { reasons: { code: string; text: string }[] };
      zh: { reasons: { code: string; text: string }[] };
      en: { reasons: { code: string; text: string }[] };
    };
    const textOf = (rs: { code: string; text: string }[]) =>
      rs.find((r) => r.code === 'POLICY_RISK_BUDGET')?.text;
    expect(textOf(node.latestDecision.reasons)).toMatch(/风险预算/);
    expect(textOf(node.zh.reasons)).toMatch(/风险预算/);
    expect(textOf(node.en.reasons)).toMatch(/risk budget/);
  });
});

describe('promotions respect the risk budget', () => {
  const CREATE = `mutation($i: CreatePromotionInput!) { createPromotion(input: $i) { promotion { id grantedAccounts } userErrors { code field } } }`;
  it('a grade cap that binds scales every grant down with POLICY_RISK_BUDGET on its decision', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const c = await insertCustomer(api, { baseLimitFen: 300_000 });
      await api.sql(
        `update credit_accounts set score = 560, grade = 'B', probability_of_default = 0.05 where id = ?`,
        [c.accountId],
      );
      ids.push(c.accountId);
    }
    const book = await loadBookFigures(api.orm.em.fork(), 8_000);
    // Three grants of ¥1,000 want ¥3,000; grade B has room for ¥500 more: a sixth each, ¥100 down.
    setActiveRiskBudget({
      lossGivenDefaultBp: 8_000,
      byGrade: { B: { maxExposureFen: book.byGrade.B.exposureFen + 50_000 } },
    });
    const r = await api.exec(risk, CREATE, {
      i: {
        name: 'double-12',
        startsAt: new Date(Date.now() - 60_000).toISOString(),
        endsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        eligibleGrades: ['B'],
        amount: '1000.00',
      },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data.createPromotion.promotion.grantedAccounts).toBe(3);
    const temps = await api.sql<{ amount: string }>(
      `select amount_fen::text as amount from temporary_limits where account_id = any(?::bigint[]) order by account_id`,
      [`{${ids.join(',')}}`],
    );
    expect(temps.map((t) => t.amount)).toEqual(['10000', '10000', '10000']);
    const reasons = await api.sql<{ reasons: { code: string }[] }>(
      `select reasons from limit_decisions where kind = 'PROMOTION' and account_id = any(?::bigint[])`,
      [`{${ids.join(',')}}`],
    );
    expect(reasons.map((x) => x.reasons.map((c) => c.code))).toEqual([
      ['PROMOTION_GRANTED', 'POLICY_RISK_BUDGET'],
      ['PROMOTION_GRANTED', 'POLICY_RISK_BUDGET'],
      ['PROMOTION_GRANTED', 'POLICY_RISK_BUDGET'],
    ]);
    const after = await loadBookFigures(api.orm.em.fork(), 8_000);
    expect(after.byGrade.B.exposureFen).toBeLessThanOrEqual(book.byGrade.B.exposureFen + 50_000);
  });

  it('without caps a promotion grants in full', async () => {
    const c = await insertCustomer(api, { baseLimitFen: 300_000 });
    await api.sql(
      `update credit_accounts set score = 540, grade = 'C', probability_of_default = 0.1 where id = ?`,
      [c.accountId],
    );
    const r = await api.exec(risk, CREATE, {
      i: {
        name: 'plain',
        startsAt: new Date(Date.now() - 60_000).toISOString(),
        endsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        eligibleGrades: ['C'],
        amount: '1000.00',
      },
    });
    expect(r.data.createPromotion.promotion.grantedAccounts).toBe(1);
    const [t] = await api.sql<{ amount: string }>(
      `select amount_fen::text as amount from temporary_limits where account_id = ?`,
      [c.accountId],
    );
    expect(t!.amount).toBe('100000');
  });
});
