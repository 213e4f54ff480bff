/**
 * The model lifecycle (issue 16 item 7). A risk admin registers a trained scorecard (validated
 * against the model schema, and checked to need only platform features), shadow-scores it on the
 * live portfolio next to the model that scores today (score distribution, grade mix and PSI,
 * batched like the review, nothing written to accounts), then promotes or discards it. Promotion
 * makes it the model every score uses; rollback restores the model it replaced in one step. Every
 * step is an append-only `scoring_model_events` row with the model and policy versions, plus an
 * audit row. None ACTIVE = the shipped model (`models/platform-v1.json`) scores.
 *
 * The active model is held per process (`setActiveModel`): the API loads it at boot and switches
 * on promote/rollback; jobs call `refreshActiveModel` before they score.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  derivedInputs,
  loadModel,
  ModelFormatError,
  PLATFORM_FEATURE_NAMES,
  psi,
  type ScorecardModel,
} from '@creditline/scoring';
import { fail, ok, type Outcome } from '../../graphql/errors.js';
import { writeAudit } from '../audit/audit.service.js';
import type { Viewer } from '../auth/viewer.js';
import { loadAccountFacts } from '../decisions/behaviour.js';
import {
  activeModel,
  GRADES,
  gradeOf,
  platformFeatures,
  POLICY,
  scoreFeatures,
  setActiveModel,
  SHIPPED_MODEL,
} from '../decisions/scoring-adapter.js';

export type ModelStatus = 'REGISTERED' | 'SHADOWED' | 'ACTIVE' | 'RETIRED' | 'DISCARDED';

export interface ScoreSummary {
  mean: number;
  /** 10th … 90th percentiles. */
  deciles: number[];
  /** Accounts per grade under the policy's cut-offs. */
  grades: Record<string, number>;
}

/** What the shadow run found: the candidate next to the model that scored at the time. */
export interface ShadowResult {
  againstVersion: string;
  accounts: number;
  asOf: string;
  current: ScoreSummary;
  candidate: ScoreSummary;
  /** PSI of the candidate's scores against the current model's (current = expected). */
  psi: number;
  /** Accounts whose grade would change. */
  gradeChanges: number;
}

export interface RegisteredModel {
  version: string;
  status: ModelStatus;
  features: string[];
  trainingAuc: number;
  registeredAt: Date;
  activatedAt: Date | null;
  shadow: ShadowResult | null;
}

export interface ModelEvent {
  id: string;
  action: 'REGISTER' | 'SHADOW' | 'PROMOTE' | 'DISCARD' | 'ROLLBACK';
  modelVersion: string;
  previousModelVersion: string | null;
  policyVersion: string;
  agentId: string | null;
  note: string | null;
  createdAt: Date;
}

const agentIdOf = (v: Viewer) => (v.kind === 'agent' ? v.id : null);

type Row = {
  version: string;
  model: ScorecardModel;
  status: ModelStatus;
  shadow: ShadowResult | null;
  registered_at: Date;
  activated_at: Date | null;
};

function toRegistered(r: Row): RegisteredModel {
  return {
    version: r.version,
    status: r.status,
    features: r.model.features.map((f) => f.name),
    trainingAuc: r.model.stats.auc,
    registeredAt: new Date(r.registered_at),
    activatedAt: r.activated_at ? new Date(r.activated_at) : null,
    shadow: r.shadow,
  };
}

async function event(
  em: EntityManager,
  viewer: Viewer,
  e: {
    action: ModelEvent['action'];
    modelVersion: string;
    previous?: string | null;
    note?: string | null;
  },
) {
  await em.execute(
    `insert into scoring_model_events (action, model_version, previous_model_version, policy_version, agent_id, note) values (?, ?, ?, ?, ?, ?)`,
    [
      e.action,
      e.modelVersion,
      e.previous ?? null,
      POLICY.version,
      agentIdOf(viewer),
      e.note ?? null,
    ],
  );
  await writeAudit(em, viewer, {
    action: `MODEL_${e.action}`,
    targetType: 'ScoringModel',
    targetId: e.modelVersion,
    details: { previous: e.previous ?? null, policyVersion: POLICY.version, note: e.note ?? null },
  });
}

/** Loads the ACTIVE model (or the shipped one) into this process; returns its version. */
export async function refreshActiveModel(em: EntityManager): Promise<string> {
  const [r] = await em
    .getConnection()
    .execute<{ model: unknown }[]>(`select model from scoring_models where status = 'ACTIVE'`);
  setActiveModel(r ? loadModel(r.model) : null);
  return activeModel().version;
}

/** Raw columns a model reads (its features and the inputs of its derived specs), minus derived names. */
function rawInputs(m: ScorecardModel): string[] {
  const derivedNames = new Set(m.derived.map((d) => d.name));
  const need = new Set<string>();
  for (const f of m.features) need.add(f.name);
  for (const d of m.derived) for (const i of derivedInputs(d)) need.add(i);
  return [...need].filter((n) => !derivedNames.has(n));
}

/** Registers a trained model: schema-validated, platform features only, a new version. */
export async function registerModel(
  em: EntityManager,
  viewer: Viewer,
  json: unknown,
  note?: string | null,
): Promise<Outcome<RegisteredModel, 'DUPLICATE_VERSION' | 'INCOMPATIBLE_MODEL' | 'INVALID_MODEL'>> {
  let model: ScorecardModel;
  try {
    model = loadModel(json);
  } catch (e) {
    if (e instanceof ModelFormatError)
      return fail('INVALID_MODEL', `The model file is not valid: ${e.message}`, 'model');
    throw e;
  }
  const unknown = rawInputs(model).filter((n) => !PLATFORM_FEATURE_NAMES.includes(n));
  if (unknown.length)
    return fail(
      'INCOMPATIBLE_MODEL',
      `The model reads ${unknown.slice(0, 5).join(', ')}, which the platform does not compute; train it on platform features (${PLATFORM_FEATURE_NAMES.slice(0, 4).join(', ')}, …).`,
      'model',
    );
  if (model.version === SHIPPED_MODEL.version)
    return fail('DUPLICATE_VERSION', `Version ${model.version} is the shipped model.`, 'model');
  return em.transactional(async (tem) => {
    const [dup] = await tem.execute(`select 1 from scoring_models where version = ?`, [
      model.version,
    ]);
    if (dup)
      return fail(
        'DUPLICATE_VERSION',
        `A model with version ${model.version} is already registered; train with another --version.`,
        'model',
      );
    const [r] = await tem.execute<Row[]>(
      `insert into scoring_models (version, model, status, registered_by) values (?, ?::jsonb, 'REGISTERED', ?)
       returning version, model, status, shadow, registered_at, activated_at`,
      [model.version, JSON.stringify(model), agentIdOf(viewer)],
    );
    await event(tem, viewer, { action: 'REGISTER', modelVersion: model.version, note });
    return ok(toRegistered(r!));
  });
}

async function findModel(em: EntityManager, version: string): Promise<Row | undefined> {
  const [r] = await em
    .getConnection()
    .execute<Row[]>(
      `select version, model, status, shadow, registered_at, activated_at from scoring_models where version = ?`,
      [version],
    );
  return r;
}

const notFound = (version: string) =>
  fail(
    'MODEL_NOT_FOUND',
    `No registered model has version ${version.slice(0, 80)}; see scoringModels.`,
    'version',
  );

function summary(scores: Float64Array, grades: string[]): ScoreSummary {
  const sorted = Float64Array.from(scores).sort();
  const n = sorted.length;
  const q = (p: number) => (n ? sorted[Math.min(n - 1, Math.floor(p * n))]! : 0);
  const g: Record<string, number> = Object.fromEntries(GRADES.map((x) => [x, 0]));
  for (const x of grades) g[x] = (g[x] ?? 0) + 1;
  let s = 0;
  for (const v of scores) s += v;
  return {
    mean: n ? Math.round((s / n) * 100) / 100 : 0,
    deciles: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9].map(q),
    grades: g,
  };
}

/**
 * Shadow-scores a registered model on every ACTIVE account (id batches, read-only) next to the
 * model scoring now, and stores the comparison.
 */
export async function shadowScoreModel(
  em: EntityManager,
  viewer: Viewer,
  version: string,
  opts: { batchSize?: number; asOf?: Date } = {},
): Promise<Outcome<RegisteredModel, 'MODEL_NOT_FOUND' | 'WRONG_STATUS'>> {
  const row = await findModel(em, version);
  if (!row) return notFound(version);
  if (row.status !== 'REGISTERED' && row.status !== 'SHADOWED')
    return fail(
      'WRONG_STATUS',
      `Model ${version} is ${row.status}; only a registered model is shadow-scored.`,
      'version',
    );
  const candidate = loadModel(row.model);
  const current = activeModel();
  const asOf = opts.asOf ?? new Date();
  const batchSize = Math.min(Math.max(opts.batchSize ?? 2000, 1), 10_000);
  const cur: number[] = [];
  const cand: number[] = [];
  const curGrades: string[] = [];
  const candGrades: string[] = [];
  let gradeChanges = 0;
  let cursor = '0';
  const conn = em.getConnection();
  for (;;) {
    // Walks customer id ranges (docs/scaling.md).
    const ids = await conn.execute<{ id: string; customer_id: string }[]>(
      `select id, customer_id from credit_accounts where status = 'ACTIVE' and customer_id > ? order by customer_id limit ?`,
      [cursor, batchSize],
    );
    if (ids.length === 0) break;
    cursor = String(ids[ids.length - 1]!.customer_id);
    const facts = await loadAccountFacts(
      em.fork(),
      { accountIds: ids.map((r) => String(r.id)) },
      asOf,
    );
    for (const f of facts) {
      const features = platformFeatures(f.behaviour, asOf);
      const a = scoreFeatures(features, current).score;
      const b = scoreFeatures(features, candidate).score;
      const ga = gradeOf(a);
      const gb = gradeOf(b);
      cur.push(a);
      cand.push(b);
      curGrades.push(ga);
      candGrades.push(gb);
      if (ga !== gb) gradeChanges++;
    }
    if (ids.length < batchSize) break;
  }
  const p = cur.length ? psi(cur, cand).psi : 0;
  const shadow: ShadowResult = {
    againstVersion: current.version,
    accounts: cur.length,
    asOf: asOf.toISOString(),
    current: summary(Float64Array.from(cur), curGrades),
    candidate: summary(Float64Array.from(cand), candGrades),
    psi: Math.round(p * 1e4) / 1e4,
    gradeChanges,
  };
  return em.transactional(async (tem) => {
    const [r] = await tem.execute<Row[]>(
      `update scoring_models set status = 'SHADOWED', shadow = ?::jsonb where version = ? and status in ('REGISTERED', 'SHADOWED')
       returning version, model, status, shadow, registered_at, activated_at`,
      [JSON.stringify(shadow), version],
    );
    if (!r) return fail('WRONG_STATUS', `Model ${version} changed status meanwhile.`, 'version');
    await event(tem, viewer, {
      action: 'SHADOW',
      modelVersion: version,
      previous: current.version,
      note: `PSI ${shadow.psi} on ${shadow.accounts} accounts; ${gradeChanges} grade changes`,
    });
    return ok(toRegistered(r));
  });
}

/** Makes a shadowed model the one that scores; the model it replaces is RETIRED (rollback restores it). */
export async function promoteModel(
  em: EntityManager,
  viewer: Viewer,
  version: string,
  note?: string | null,
): Promise<Outcome<RegisteredModel, 'MODEL_NOT_FOUND' | 'NOT_SHADOWED' | 'STALE_SHADOW'>> {
  const out = await em.transactional(
    async (
      tem,
    ): Promise<Outcome<RegisteredModel, 'MODEL_NOT_FOUND' | 'NOT_SHADOWED' | 'STALE_SHADOW'>> => {
      const [r] = await tem.execute<Row[]>(
        `select version, model, status, shadow, registered_at, activated_at from scoring_models where version = ? for update`,
        [version],
      );
      if (!r) return notFound(version);
      if (r.status !== 'SHADOWED')
        return fail(
          'NOT_SHADOWED',
          r.status === 'REGISTERED'
            ? `Shadow-score model ${version} on the portfolio before promoting it.`
            : `Model ${version} is ${r.status}; only a shadowed model is promoted.`,
          'version',
        );
      const [act] = await tem.execute<{ version: string }[]>(
        `select version from scoring_models where status = 'ACTIVE' for update`,
      );
      const previous = act?.version ?? SHIPPED_MODEL.version;
      if (r.shadow?.againstVersion !== previous)
        return fail(
          'STALE_SHADOW',
          `Model ${version} was shadow-scored against ${r.shadow?.againstVersion}, but ${previous} scores now; shadow-score it again.`,
          'version',
        );
      await tem.execute(`update scoring_models set status = 'RETIRED' where status = 'ACTIVE'`);
      const [p] = await tem.execute<Row[]>(
        `update scoring_models set status = 'ACTIVE', activated_at = now() where version = ?
       returning version, model, status, shadow, registered_at, activated_at`,
        [version],
      );
      await event(tem, viewer, { action: 'PROMOTE', modelVersion: version, previous, note });
      return ok(toRegistered(p!));
    },
  );
  if (out.ok) await refreshActiveModel(em);
  return out;
}

/** Discards a registered or shadowed model (it can never score). */
export async function discardModel(
  em: EntityManager,
  viewer: Viewer,
  version: string,
  note?: string | null,
): Promise<Outcome<RegisteredModel, 'MODEL_NOT_FOUND' | 'WRONG_STATUS'>> {
  return em.transactional(async (tem) => {
    const [r] = await tem.execute<Row[]>(
      `update scoring_models set status = 'DISCARDED' where version = ? and status in ('REGISTERED', 'SHADOWED')
       returning version, model, status, shadow, registered_at, activated_at`,
      [version],
    );
    if (!r) {
      const existing = await tem.execute<{ status: string }[]>(
        `select status from scoring_models where version = ?`,
        [version],
      );
      if (!existing.length) return notFound(version);
      return fail(
        'WRONG_STATUS',
        `Model ${version} is ${existing[0]!.status}; only a registered or shadowed model is discarded (roll back an active one).`,
        'version',
      );
    }
    await event(tem, viewer, { action: 'DISCARD', modelVersion: version, note });
    return ok(toRegistered(r));
  });
}

/**
 * One step back: the ACTIVE model is RETIRED and the model it replaced (by its PROMOTE event)
 * scores again — the shipped model when it replaced that.
 */
export async function rollbackModel(
  em: EntityManager,
  viewer: Viewer,
  note?: string | null,
): Promise<Outcome<{ rolledBack: string; restored: string }, 'NOTHING_TO_ROLL_BACK'>> {
  const out = await em.transactional(
    async (
      tem,
    ): Promise<Outcome<{ rolledBack: string; restored: string }, 'NOTHING_TO_ROLL_BACK'>> => {
      const [act] = await tem.execute<{ version: string }[]>(
        `select version from scoring_models where status = 'ACTIVE' for update`,
      );
      if (!act)
        return fail(
          'NOTHING_TO_ROLL_BACK',
          `No registered model is active; the shipped model ${SHIPPED_MODEL.version} scores.`,
        );
      const [promoted] = await tem.execute<{ previous_model_version: string | null }[]>(
        `select previous_model_version from scoring_model_events where action = 'PROMOTE' and model_version = ? order by id desc limit 1`,
        [act.version],
      );
      const restored = promoted?.previous_model_version ?? SHIPPED_MODEL.version;
      await tem.execute(`update scoring_models set status = 'RETIRED' where version = ?`, [
        act.version,
      ]);
      if (restored !== SHIPPED_MODEL.version)
        await tem.execute(
          `update scoring_models set status = 'ACTIVE', activated_at = now() where version = ?`,
          [restored],
        );
      await event(tem, viewer, {
        action: 'ROLLBACK',
        modelVersion: restored,
        previous: act.version,
        note,
      });
      return ok({ rolledBack: act.version, restored });
    },
  );
  if (out.ok) await refreshActiveModel(em);
  return out;
}

/** Registered models, newest first. */
export async function listModels(em: EntityManager, limit = 50): Promise<RegisteredModel[]> {
  const rows = await em
    .getConnection()
    .execute<Row[]>(
      `select version, model, status, shadow, registered_at, activated_at from scoring_models order by id desc limit ?`,
      [limit],
    );
  return rows.map(toRegistered);
}

/** Lifecycle events, newest first. */
export async function listModelEvents(em: EntityManager, limit = 50): Promise<ModelEvent[]> {
  const rows = await em.getConnection().execute<
    {
      id: string;
      action: ModelEvent['action'];
      model_version: string;
      previous_model_version: string | null;
      policy_version: string;
      agent_id: string | null;
      note: string | null;
      created_at: Date;
    }[]
  >(`select id, action, model_version, previous_model_version, policy_version, agent_id, note, created_at from scoring_model_events order by id desc limit ?`, [limit]);
  return rows.map((r) => ({
    id: String(r.id),
    action: r.action,
    modelVersion: r.model_version,
    previousModelVersion: r.previous_model_version,
    policyVersion: r.policy_version,
    agentId: r.agent_id == null ? null : String(r.agent_id),
    note: r.note,
    createdAt: new Date(r.created_at),
  }));
}
