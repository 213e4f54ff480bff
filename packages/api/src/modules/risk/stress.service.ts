/**
 * Portfolio stress tests on the live book (issue 16, seed 003): every ACTIVE account's stored
 * score, grade and probability of default, its base limit and used amount, its customer's income
 * band and its months on book, read in id batches like the periodic review, shocked by the
 * engine's `stressTest` batch by batch (portfolio-wide grade PDs first, so a migration scenario
 * sees the whole book) and merged; the result is stored with the model and policy versions.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { fail, ok, type Outcome } from '../../graphql/errors.js';
import { writeAudit } from '../audit/audit.service.js';
import type { Viewer } from '../auth/viewer.js';
import {
  checkStressScenario,
  GRADES,
  activeModel,
  mergeStressResults,
  POLICY,
  stressTest,
  type StressAccount,
  type StressResult,
  type StressScenario,
} from '../decisions/scoring-adapter.js';

export interface StoredStressTest {
  id: string;
  scenario: StressScenario;
  modelVersion: string;
  policyVersion: string;
  accounts: number;
  result: StressResult;
  agentId: string;
  createdAt: Date;
}

type Grade = StressAccount['grade'];

const BATCH = 5_000;

/** Runs a scenario over every scored ACTIVE account and stores the result. */
export async function runStressTest(
  em: EntityManager,
  viewer: Extract<Viewer, { kind: 'agent' }>,
  scenario: StressScenario,
  opts: { batchSize?: number; asOf?: Date } = {},
): Promise<Outcome<StoredStressTest, 'INVALID_SCENARIO'>> {
  try {
    checkStressScenario(scenario);
  } catch (e) {
    return fail('INVALID_SCENARIO', (e as Error).message, 'scenario');
  }
  const conn = em.getConnection();
  const asOf = opts.asOf ?? new Date();
  const batchSize = opts.batchSize ?? BATCH;
  const active = `a.status = 'ACTIVE' and a.score is not null and a.grade is not null and a.probability_of_default is not null`;
  const pdRows = await conn.execute<{ grade: string; pd: number }[]>(
    `select a.grade, avg(a.probability_of_default)::float8 as pd from credit_accounts a where ${active} group by a.grade`,
  );
  const gradePd: Partial<Record<Grade, number>> = {};
  for (const r of pdRows) if (GRADES.includes(r.grade)) gradePd[r.grade as Grade] = Number(r.pd);
  const parts: StressResult[] = [];
  let cursor = '0';
  for (;;) {
    const rows = await conn.execute<
      {
        id: string;
        customer_id: string;
        score: number;
        grade: string;
        pd: number;
        limit_fen: string;
        used_fen: string;
        income_band: string;
        months: number;
      }[]
    >(
      `select a.id, a.customer_id, a.score, a.grade, a.probability_of_default as pd, a.base_limit_fen as limit_fen,
              a.used_fen, c.income_band,
              (extract(year from age(?::timestamptz, a.opened_at)) * 12 + extract(month from age(?::timestamptz, a.opened_at)))::int as months
         from credit_accounts a join customers c on c.id = a.customer_id
        where ${active} and a.customer_id > ? order by a.customer_id limit ?`,
      [asOf, asOf, cursor, batchSize],
    );
    if (rows.length === 0) break;
    cursor = String(rows[rows.length - 1]!.customer_id);
    const accounts: StressAccount[] = rows
      .filter((r) => GRADES.includes(r.grade))
      .map((r) => ({
        grade: r.grade as Grade,
        incomeBand: r.income_band as StressAccount['incomeBand'],
        score: Number(r.score),
        probabilityOfDefault: Number(r.pd),
        currentLimitFen: Number(r.limit_fen),
        usedFen: Number(r.used_fen),
        // ACTIVE accounts are not overdue past the freeze; the shock is on PD, not on arrears.
        maxDaysPastDue: 0,
        monthsOnBook: Math.max(0, Number(r.months)),
      }));
    parts.push(stressTest(accounts, POLICY, scenario, { gradePd, partial: true }));
    if (rows.length < batchSize) break;
  }
  const result =
    parts.length > 0 ? mergeStressResults(parts, POLICY) : stressTest([], POLICY, scenario);
  const agentId = viewer.id;
  // The stored run and its audit row commit together.
  const row = await em.transactional(async (tx) => {
    const [r] = await tx.execute<{ id: string; created_at: Date }[]>(
      `insert into stress_test_runs (scenario, model_version, policy_version, accounts, result, agent_id)
       values (?::jsonb, ?, ?, ?, ?::jsonb, ?) returning id, created_at`,
      [
        JSON.stringify(scenario),
        activeModel().version,
        POLICY.version,
        result.total.accounts,
        JSON.stringify(result),
        agentId,
      ],
    );
    await writeAudit(tx, viewer, {
      action: 'RUN_STRESS_TEST',
      targetType: 'StressTestRun',
      targetId: String(r!.id),
      details: { scenario, accounts: result.total.accounts },
    });
    return r;
  });
  return ok({
    id: String(row!.id),
    scenario,
    modelVersion: activeModel().version,
    policyVersion: POLICY.version,
    accounts: result.total.accounts,
    result,
    agentId,
    createdAt: new Date(row!.created_at),
  });
}

/** Stored stress tests, newest first. */
export async function listStressTests(
  em: EntityManager,
  limit: number,
): Promise<StoredStressTest[]> {
  const rows = await em.getConnection().execute<
    {
      id: string;
      scenario: StressScenario;
      model_version: string;
      policy_version: string;
      accounts: number;
      result: StressResult;
      agent_id: string;
      created_at: Date;
    }[]
  >(
    `select id, scenario, model_version, policy_version, accounts, result, agent_id, created_at
       from stress_test_runs order by created_at desc, id desc limit ?`,
    [limit],
  );
  return rows.map((r) => ({
    id: String(r.id),
    scenario: r.scenario,
    modelVersion: r.model_version,
    policyVersion: r.policy_version,
    accounts: Number(r.accounts),
    result: r.result,
    agentId: String(r.agent_id),
    createdAt: new Date(r.created_at),
  }));
}
