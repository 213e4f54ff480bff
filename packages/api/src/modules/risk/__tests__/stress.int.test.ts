import { beforeAll, describe, expect, it } from 'vitest';
import { agentViewer, riskViewer, useTestApi } from '../../../../test/harness.js';
import { insertAgent, insertCustomer } from '../../../../test/fixtures.js';
import { runStressTest } from '../stress.service.js';
import type { Viewer } from '../../auth/viewer.js';

const api = useTestApi();
let risk: Extract<Viewer, { kind: 'agent' }>;
let riskId: string;

const RUN = `mutation($input: RunStressTestInput!) {
  runStressTest(input: $input) {
    stressTest {
      id scenarioKind pdMultiplier modelVersion policyVersion lossGivenDefaultBp budgetBreached
      total { key accounts exposure { amount } expectedLoss { amount } stressedExpectedLoss { amount } limitsCut cut { amount } }
      byGrade { key accounts stressedExpectedLoss { amount } limitsCut }
      bySegment { key accounts }
    }
    userErrors { code field message }
  }
}`;

beforeAll(async () => {
  riskId = await insertAgent(api, 'risk-stress', 'RISK_ADMIN');
  risk = riskViewer(riskId) as Extract<Viewer, { kind: 'agent' }>;
  // Ten scored ACTIVE accounts across the grades, one FROZEN and one never scored (both left out).
  const grades = ['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D', 'E', 'E'];
  const pds = [0.02, 0.03, 0.06, 0.07, 0.12, 0.13, 0.2, 0.22, 0.35, 0.4];
  for (let i = 0; i < grades.length; i++) {
    const c = await insertCustomer(api, {
      baseLimitFen: 1_000_000,
      outstandingFen: 100_000,
      incomeBand: i % 2 ? 'HIGH' : 'LOW',
    });
    await api.sql(
      `update credit_accounts set score = ?, grade = ?, probability_of_default = ?, model_version = 'platform-v1' where id = ?`,
      [600 - i * 10, grades[i], pds[i], c.accountId],
    );
  }
  const frozen = await insertCustomer(api, { status: 'FROZEN' });
  await api.sql(
    `update credit_accounts set score = 500, grade = 'E', probability_of_default = 0.5 where id = ?`,
    [frozen.accountId],
  );
  await insertCustomer(api);
});

describe('runStressTest (risk admins)', () => {
  it('PD × 2 on the live book: expected loss doubles, limits crossing the high-PD line are cut, stored', async () => {
    const r = await api.exec(risk, RUN, { input: { pdMultiplier: 2 } });
    expect(r.errors).toBeUndefined();
    const { stressTest: s, userErrors } = r.data.runStressTest;
    expect(userErrors).toEqual([]);
    expect(s).toMatchObject({
      scenarioKind: 'PD_MULTIPLIER',
      pdMultiplier: 2,
      modelVersion: 'platform-v1',
      lossGivenDefaultBp: 8000,
      budgetBreached: null,
    });
    expect(s.total).toMatchObject({
      key: 'TOTAL',
      accounts: 10,
      exposure: { amount: '100000.00' },
    });
    // EL = Σ 10,000 yuan × PD × 0.8 = 8,000 × 1.6 = 12,800 yuan; stressed: PDs capped at 1 → twice that.
    expect(s.total.expectedLoss.amount).toBe('12800.00');
    expect(s.total.stressedExpectedLoss.amount).toBe('25600.00');
    expect(s.byGrade.map((g: { key: string }) => g.key)).toEqual(['A', 'B', 'C', 'D', 'E']);
    // decreaseAbovePd 0.3: ×2 pushes both D accounts over it (0.40, 0.44), so a review decreases
    // them by the full step (−30 % → ¥7,000). Without the shock the LOW one already goes to ¥7,000
    // (its grade × income target ¥3,000 is below the step bound) and the HIGH one to its ¥8,000
    // target: only the HIGH one is cut further, by ¥1,000. C (0.24, 0.26) stays under the line.
    const cut = Object.fromEntries(
      s.byGrade.map((g: { key: string; limitsCut: number }) => [g.key, g.limitsCut]),
    );
    expect(cut).toMatchObject({ A: 0, B: 0, C: 0, D: 1, E: 0 });
    expect(s.total).toMatchObject({ limitsCut: 1, cut: { amount: '1000.00' } });
    expect(s.bySegment).toEqual([
      { key: 'HIGH', accounts: 5 },
      { key: 'LOW', accounts: 5 },
    ]);
    const list = await api.exec(
      risk,
      `{ stressTests(first: 5) { id scenarioKind total { accounts } } }`,
    );
    expect(list.data.stressTests[0]).toEqual({
      id: s.id,
      scenarioKind: 'PD_MULTIPLIER',
      total: { accounts: 10 },
    });
    const [row] = await api.sql<{ agent_id: string; policy_version: string }>(
      `select agent_id, policy_version from stress_test_runs order by id desc limit 1`,
    );
    expect(String(row!.agent_id)).toBe(riskId);
    expect(row!.policy_version).toBe('policy-2026.11');
    const [audit] = await api.sql<{ action: string; actor_id: string }>(
      `select action, actor_id from audit_log where target_type = 'StressTestRun' order by id desc limit 1`,
    );
    expect(audit).toMatchObject({ action: 'RUN_STRESS_TEST' });
    expect(String(audit!.actor_id)).toBe(riskId);
  });

  it('a grade-migration matrix; batches of two give the same figures as one batch', async () => {
    const migration = [
      { from: 'A', to: 'A', probability: 0.8 },
      { from: 'A', to: 'B', probability: 0.2 },
      { from: 'B', to: 'B', probability: 0.8 },
      { from: 'B', to: 'C', probability: 0.2 },
      { from: 'C', to: 'C', probability: 0.8 },
      { from: 'C', to: 'D', probability: 0.2 },
      { from: 'D', to: 'D', probability: 0.8 },
      { from: 'D', to: 'E', probability: 0.2 },
      { from: 'E', to: 'E', probability: 1 },
    ];
    const r = await api.exec(risk, RUN, { input: { migration } });
    const s = r.data.runStressTest.stressTest;
    expect(s.scenarioKind).toBe('GRADE_MIGRATION');
    expect(Number(s.total.stressedExpectedLoss.amount)).toBeGreaterThan(
      Number(s.total.expectedLoss.amount),
    );
    const matrix = Object.fromEntries(
      ['A', 'B', 'C', 'D', 'E'].map((g) => [g, {} as Record<string, number>]),
    );
    for (const c of migration) matrix[c.from]![c.to] = c.probability;
    const em = api.orm.em.fork();
    const small = await runStressTest(
      em,
      risk,
      { kind: 'GRADE_MIGRATION', matrix: matrix as never },
      { batchSize: 2 },
    );
    const one = await runStressTest(em, risk, {
      kind: 'GRADE_MIGRATION',
      matrix: matrix as never,
    });
    expect(small.ok && one.ok).toBe(true);
    if (small.ok && one.ok) {
      expect(small.value.result.total).toEqual(one.value.result.total);
      expect(small.value.result.byGrade).toEqual(one.value.result.byGrade);
    }
  });

  it('refuses a missing, doubled or bad scenario with a user error, and other roles', async () => {
    const none = await api.exec(risk, RUN, { input: {} });
    expect(none.data.runStressTest.userErrors[0]).toMatchObject({
      code: 'INVALID_SCENARIO',
      field: ['input'],
    });
    const bad = await api.exec(risk, RUN, {
      input: { migration: [{ from: 'A', to: 'A', probability: 0.5 }] },
    });
    expect(bad.data.runStressTest.userErrors[0]).toMatchObject({
      code: 'INVALID_SCENARIO',
      field: ['scenario'],
    });
    const zero = await api.exec(risk, RUN, { input: { pdMultiplier: 0 } });
    expect(zero.data.runStressTest.userErrors[0].message).toMatch(/must be a number > 0/);
    const agent = await api.exec(
      agentViewer(await insertAgent(api, 'agent-stress', 'AGENT')),
      RUN,
      { input: { pdMultiplier: 2 } },
    );
    expect(agent.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
