import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentViewer, partnerViewer, riskViewer, useTestApi } from '../../../../test/harness.js';
import { insertAgent, insertCustomer } from '../../../../test/fixtures.js';
import { runPeriodicReview } from '../../decisions/periodic-review.js';
import { POLICY, SHIPPED_MODEL, setActiveModel } from '../../decisions/scoring-adapter.js';
import type { Viewer } from '../../auth/viewer.js';

const api = useTestApi();
let risk: Viewer;
let agent: Viewer;

const MODEL = `scoringModel { version status features trainingAuc shadow { againstVersion accounts psi gradeChanges current { mean deciles grades { grade accounts } } candidate { mean } } }`;
const REGISTER = `mutation($i: RegisterScoringModelInput!) { registerScoringModel(input: $i) { ${MODEL} userErrors { code field message } } }`;
const SHADOW = `mutation($i: ScoringModelVersionInput!) { shadowScoreModel(input: $i) { ${MODEL} userErrors { code message } } }`;
const PROMOTE = `mutation($i: ScoringModelVersionInput!) { promoteScoringModel(input: $i) { ${MODEL} userErrors { code message } } }`;
const DISCARD = `mutation($i: ScoringModelVersionInput!) { discardScoringModel(input: $i) { ${MODEL} userErrors { code message } } }`;
const ROLLBACK = `mutation { rollbackScoringModel { rolledBack restored userErrors { code message } } }`;
const ACTIVE = `{ activeScoringModelVersion }`;
const EVENTS = `{ scoringModelEvents { action modelVersion previousModelVersion policyVersion agentId } }`;

/** The shipped model with 10 more points in every bin of its first feature: every score moves by 10. */
function candidate(version: string) {
  const m = structuredClone(SHIPPED_MODEL);
  m.version = version;
  m.features[0]!.bins = m.features[0]!.bins.map((b) => ({ ...b, points: b.points + 10 }));
  return JSON.stringify(m);
}

beforeAll(async () => {
  const riskId = await insertAgent(api, 'risk-models', 'RISK_ADMIN');
  risk = riskViewer(riskId);
  agent = agentViewer(await insertAgent(api, 'agent-models', 'AGENT'));
  // Six ACTIVE accounts with different bureau reports (different scores), one FROZEN (not shadowed).
  for (let i = 0; i < 6; i++) {
    const c = await insertCustomer(api, { baseLimitFen: 300_000 });
    await api.sql(
      `insert into bureau_reports (customer_id, reported_at, bureau_score, inquiries_3m, inquiries_6m, other_debt_fen, past_defaults) values (?, now() - interval '10 days', ?, ?, ?, 0, 0)`,
      [c.customerId, 450 + i * 80, 5 - i, 6 - i],
    );
  }
  await insertCustomer(api, { status: 'FROZEN' });
});
afterAll(() => setActiveModel(null));

describe('model lifecycle (risk admins)', () => {
  it('register → shadow → promote → decisions use it → rollback in one step, each step recorded with model and policy versions', async () => {
    const reg = await api.exec(risk, REGISTER, { i: { model: candidate('platform-v2-test') } });
    expect(reg.errors).toBeUndefined();
    expect(reg.data.registerScoringModel.userErrors).toEqual([]);
    expect(reg.data.registerScoringModel.scoringModel).toMatchObject({
      version: 'platform-v2-test',
      status: 'REGISTERED',
      shadow: null,
    });
    const early = await api.exec(risk, PROMOTE, { i: { version: 'platform-v2-test' } });
    expect(early.data.promoteScoringModel.userErrors[0].code).toBe('NOT_SHADOWED');

    const sh = await api.exec(risk, SHADOW, { i: { version: 'platform-v2-test' } });
    expect(sh.data.shadowScoreModel.userErrors).toEqual([]);
    const shadow = sh.data.shadowScoreModel.scoringModel.shadow;
    expect(shadow).toMatchObject({ againstVersion: SHIPPED_MODEL.version, accounts: 6 });
    expect(shadow.candidate.mean - shadow.current.mean).toBeCloseTo(10, 5);
    expect(shadow.psi).toBeGreaterThan(0);
    expect(shadow.current.deciles).toHaveLength(9);
    expect(
      shadow.current.grades.reduce((s: number, g: { accounts: number }) => s + g.accounts, 0),
    ).toBe(6);

    const pr = await api.exec(risk, PROMOTE, { i: { version: 'platform-v2-test', note: 'go' } });
    expect(pr.data.promoteScoringModel.userErrors).toEqual([]);
    expect(pr.data.promoteScoringModel.scoringModel.status).toBe('ACTIVE');
    expect((await api.exec(risk, ACTIVE)).data.activeScoringModelVersion).toBe('platform-v2-test');

    // Decisions from now on record the promoted model.
    await runPeriodicReview(api.orm, { batchSize: 4 });
    const versions = await api.sql<{ model_version: string }>(
      `select distinct model_version from limit_decisions where kind = 'PERIODIC_REVIEW'`,
    );
    expect(versions).toEqual([{ model_version: 'platform-v2-test' }]);

    const rb = await api.exec(risk, ROLLBACK);
    expect(rb.data.rollbackScoringModel).toEqual({
      rolledBack: 'platform-v2-test',
      restored: SHIPPED_MODEL.version,
      userErrors: [],
    });
    expect((await api.exec(risk, ACTIVE)).data.activeScoringModelVersion).toBe(
      SHIPPED_MODEL.version,
    );
    const again = await api.exec(risk, ROLLBACK);
    expect(again.data.rollbackScoringModel.userErrors[0].code).toBe('NOTHING_TO_ROLL_BACK');

    const ev = (await api.exec(risk, EVENTS)).data.scoringModelEvents;
    expect(
      ev.map((e: { action: string; modelVersion: string; previousModelVersion: string | null }) => [
        e.action,
        e.modelVersion,
        e.previousModelVersion,
      ]),
    ).toEqual([
      ['ROLLBACK', SHIPPED_MODEL.version, 'platform-v2-test'],
      ['PROMOTE', 'platform-v2-test', SHIPPED_MODEL.version],
      ['SHADOW', 'platform-v2-test', SHIPPED_MODEL.version],
      ['REGISTER', 'platform-v2-test', null],
    ]);
    expect(ev.every((e: { policyVersion: string }) => e.policyVersion === POLICY.version)).toBe(
      true,
    );
    expect(ev.every((e: { agentId: string | null }) => e.agentId !== null)).toBe(true);
    const audit = await api.sql<{ action: string }>(
      `select action from audit_log where target_type = 'ScoringModel' order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'MODEL_REGISTER',
      'MODEL_SHADOW',
      'MODEL_PROMOTE',
      'MODEL_ROLLBACK',
    ]);
  });

  it('a second promotion and rollback restores the model it replaced, not the shipped one', async () => {
    for (const v of ['m-a', 'm-b']) {
      await api.exec(risk, REGISTER, { i: { model: candidate(v) } });
      await api.exec(risk, SHADOW, { i: { version: v } });
      const p = await api.exec(risk, PROMOTE, { i: { version: v } });
      expect(p.data.promoteScoringModel.userErrors).toEqual([]);
    }
    const rb = await api.exec(risk, ROLLBACK);
    expect(rb.data.rollbackScoringModel).toMatchObject({ rolledBack: 'm-b', restored: 'm-a' });
    expect((await api.exec(risk, ACTIVE)).data.activeScoringModelVersion).toBe('m-a');
    // m-b was shadowed against the shipped model; promoting it again needs a fresh shadow run.
    const stale = await api.exec(risk, REGISTER, { i: { model: candidate('m-c') } });
    expect(stale.data.registerScoringModel.userErrors).toEqual([]);
    await api.exec(risk, ROLLBACK);
  });

  it('refuses invalid, incompatible and duplicate models with actionable errors; discards', async () => {
    const bad = await api.exec(risk, REGISTER, {
      i: { model: '{"format":"creditline-scorecard"' },
    });
    expect(bad.data.registerScoringModel.userErrors[0]).toMatchObject({
      code: 'INVALID_MODEL',
      field: ['model'],
    });
    const wrong = JSON.parse(candidate('card-like'));
    wrong.features[0].name = 'PAY_0';
    const inc = await api.exec(risk, REGISTER, { i: { model: JSON.stringify(wrong) } });
    expect(inc.data.registerScoringModel.userErrors[0].code).toBe('INCOMPATIBLE_MODEL');
    expect(inc.data.registerScoringModel.userErrors[0].message).toMatch(/PAY_0/);
    const dup = await api.exec(risk, REGISTER, { i: { model: candidate('platform-v2-test') } });
    expect(dup.data.registerScoringModel.userErrors[0].code).toBe('DUPLICATE_VERSION');

    await api.exec(risk, REGISTER, { i: { model: candidate('to-discard') } });
    const d = await api.exec(risk, DISCARD, { i: { version: 'to-discard', note: 'worse PSI' } });
    expect(d.data.discardScoringModel.scoringModel.status).toBe('DISCARDED');
    const d2 = await api.exec(risk, DISCARD, { i: { version: 'to-discard' } });
    expect(d2.data.discardScoringModel.userErrors[0].code).toBe('WRONG_STATUS');
    const sh = await api.exec(risk, SHADOW, { i: { version: 'to-discard' } });
    expect(sh.data.shadowScoreModel.userErrors[0].code).toBe('WRONG_STATUS');
    const nf = await api.exec(risk, PROMOTE, { i: { version: 'nope' } });
    expect(nf.data.promoteScoringModel.userErrors[0].code).toBe('MODEL_NOT_FOUND');
  });

  it('is for risk admins only', async () => {
    for (const v of [agent, partnerViewer('1', ['limits:read'])]) {
      const r = await api.exec(v, `{ scoringModels { version } }`);
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const m = await api.exec(v, REGISTER, { i: { model: candidate('x') } });
      expect(m.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});
