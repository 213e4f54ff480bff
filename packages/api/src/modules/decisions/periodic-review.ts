import type { MikroORM } from '@mikro-orm/postgresql';
import { loadAccountFacts } from './behaviour.js';
import { reviewAccount, type ReviewOutcome } from './review.js';
import { pgArray } from './pg-array.js';
import { POLICY } from './scoring-adapter.js';
import { refreshActiveModel } from '../models/model-registry.service.js';
import { ReviewBudget, activeRiskBudget, type RiskBudget } from '../risk/review-budget.js';

export interface ReviewProgress {
  runId: string;
  processed: number;
  total: number;
  changed: number;
}

export interface PeriodicReviewOptions {
  asOf?: Date;
  batchSize?: number;
  onProgress?: (p: ReviewProgress) => void;
  /** For tests of resumption: stop (as if crashed) after this many batches. */
  stopAfterBatches?: number;
  /** Batches in flight at once, each on its own connection (default 2: one writes while the next loads and scores). */
  workers?: number;
  /** The portfolio risk budget to respect (default: the active one, `activeRiskBudget()`). */
  riskBudget?: RiskBudget;
}

export const REVIEW_JOB = 'periodic-review';

/**
 * The periodic review of every ACTIVE account that is due (not reviewed within the policy's
 * `periodicReviewIntervalDays` before the as-of date: a second run in the same period reviews
 * nobody, rather than taking a second step), in batches walking customer id ranges (the run's
 * cursor is a customer id: on a database sharded by customer, a batch is a range of customers and
 * never mixes half of one customer's rows with another's; docs/scaling.md). Each batch is one
 * transaction: lock the batch's rows, load their behaviour with set-based statements, score in
 * JS, write every decision with one multi-row INSERT (LIMIT_CHANGED notices from the same
 * statement's RETURNING, once per decision), update the accounts with one UPDATE … FROM unnest,
 * and move the run's cursor. Two batches are in flight at once (`workers`), committing in order.
 * A crash loses at most the batches in flight; a rerun continues the RUNNING run from its cursor
 * (with that run's as-of date).
 */
export async function runPeriodicReview(
  orm: MikroORM,
  opts: PeriodicReviewOptions = {},
): Promise<ReviewProgress & { resumed: boolean }> {
  const em = orm.em.fork();
  // A job process scores with the model a risk admin promoted last (modules/models).
  await refreshActiveModel(em);
  const batchSize = Math.min(Math.max(opts.batchSize ?? 2000, 1), 10_000);
  const workers = Math.min(Math.max(opts.workers ?? 2, 1), 8);
  const [running] = await em.execute<
    { id: string; cursor_id: string; processed: string; as_of: Date }[]
  >(
    `select id, cursor_id, processed, as_of from job_runs where job = ? and status = 'RUNNING' order by id desc limit 1`,
    [REVIEW_JOB],
  );
  let runId: string;
  let cursor: string;
  let processed: number;
  let asOf: Date;
  if (running) {
    runId = String(running.id);
    cursor = String(running.cursor_id);
    processed = Number(running.processed);
    asOf = new Date(running.as_of);
  } else {
    asOf = opts.asOf ?? new Date();
    const [row] = await em.execute<{ id: string }[]>(
      `insert into job_runs (job, status, as_of) values (?, 'RUNNING', ?) returning id`,
      [REVIEW_JOB, asOf],
    );
    runId = String(row!.id);
    cursor = '0';
    processed = 0;
  }
  // Due: ACTIVE and not reviewed (by any review) within the policy's interval before the as-of date.
  const due = `status = 'ACTIVE' and (last_reviewed_at is null or last_reviewed_at <= ?::timestamptz - make_interval(days => ${POLICY.periodicReviewIntervalDays}))`;
  const [{ n }] = (await em.execute<{ n: string }[]>(
    `select count(*) as n from credit_accounts where ${due} and customer_id > ?`,
    [asOf, cursor],
  )) as [{ n: string }];
  const total = processed + Number(n);
  let changed = 0;
  // The risk budget's running figure of the book (null when the budget has no caps).
  const budget = await ReviewBudget.start(em, opts.riskBudget ?? activeRiskBudget());
  const timings = { load: 0, score: 0, write: 0, waitForPrevious: 0 };
  opts.onProgress?.({ runId, processed, total, changed });

  /**
   * One batch in its own transaction: lock the next `batchSize` ACTIVE accounts of customers after `from`,
   * report the last customer id (so the next batch can start), load, score, write; then wait for the
   * previous batch to commit before moving the run's cursor and committing. Batches thus overlap
   * (one loads and scores while another writes, on two connections), yet commit in id order, so
   * the cursor never passes a customer whose account was not reviewed, and a failed batch rolls back the
   * batches after it.
   */
  const runBatch = (
    from: string,
    previous: Promise<unknown>,
    selected: (lastId: string | null) => void,
  ) =>
    orm.em.fork().transactional(async (tem) => {
      const ids = await tem.execute<
        {
          id: string;
          customer_id: string;
          grade: string | null;
          probability_of_default: number | null;
        }[]
      >(
        `select id, customer_id, grade, probability_of_default from credit_accounts
          where customer_id > ? and ${due} order by customer_id limit ? for update`,
        [from, asOf, batchSize],
      );
      const last = ids.length ? String(ids[ids.length - 1]!.customer_id) : null;
      selected(last);
      if (!last) return { n: 0, changed: 0 };
      let t = performance.now();
      const facts = await loadAccountFacts(tem, { accountIds: ids.map((r) => String(r.id)) }, asOf);
      timings.load += performance.now() - t;
      t = performance.now();
      const outcomes = facts.map((f) => reviewAccount(f, 'PERIODIC', asOf));
      if (budget) {
        const old = new Map(ids.map((r) => [String(r.id), r]));
        budget.fit(
          outcomes.map((o) =>
            Object.assign(o, {
              oldGrade: old.get(o.accountId)?.grade ?? null,
              oldPd:
                old.get(o.accountId)?.probability_of_default == null
                  ? null
                  : Number(old.get(o.accountId)!.probability_of_default),
            }),
          ),
        );
      }
      timings.score += performance.now() - t;
      t = performance.now();
      const batchChanged = await writeOutcomes(tem, outcomes, asOf);
      timings.write += performance.now() - t;
      t = performance.now();
      await previous;
      timings.waitForPrevious += performance.now() - t;
      await tem.execute(
        `update job_runs set cursor_id = ?, processed = processed + ? where id = ?`,
        [last, ids.length, runId],
      );
      return { n: ids.length, changed: batchChanged };
    });

  // A failure leaves the run RUNNING on purpose: the next run resumes from its cursor.
  const inFlight: Promise<unknown>[] = [];
  let previous: Promise<unknown> = Promise.resolve();
  let from = cursor;
  let exhausted = false;
  try {
    for (
      let batches = 0;
      opts.stopAfterBatches === undefined || batches < opts.stopAfterBatches;
      batches++
    ) {
      if (inFlight.length >= workers) await inFlight.shift();
      let selected!: (lastId: string | null) => void;
      const next = new Promise<string | null>((r) => (selected = r));
      const batch = runBatch(from, previous, selected).then((r) => {
        processed += r.n;
        changed += r.changed;
        if (r.n) opts.onProgress?.({ runId, processed, total, changed });
      });
      batch.catch(() => selected(null));
      inFlight.push(batch);
      previous = batch;
      const last = await next;
      if (!last) {
        exhausted = true;
        break;
      }
      from = last;
    }
    await Promise.all(inFlight);
  } catch (err) {
    await Promise.allSettled(inFlight);
    throw err;
  }
  if (!exhausted) return { runId, processed, total, changed, resumed: Boolean(running) };
  await em.execute(`update job_runs set status = 'DONE', finished_at = now() where id = ?`, [
    runId,
  ]);
  if (process.env.CREDITLINE_REVIEW_PROFILE)
    process.stderr.write(
      `review timings (ms, summed over workers): ${JSON.stringify(Object.fromEntries(Object.entries({ ...timings, ...wtimings }).map(([k, v]) => [k, Math.round(v)])))}\n`,
    );
  opts.onProgress?.({ runId, processed, total: processed, changed });
  return { runId, processed, total: processed, changed, resumed: Boolean(running) };
}

/** One INSERT for the decisions (+ notices for changed limits), one UPDATE for the accounts. Returns how many limits changed. */
async function writeOutcomes(
  tem: import('@mikro-orm/postgresql').EntityManager,
  rows: ReviewOutcome[],
  asOf: Date,
): Promise<number> {
  if (rows.length === 0) return 0;
  const col = <T>(f: (r: ReviewOutcome) => T) =>
    pgArray(rows.map((r) => f(r) as unknown as string));
  let t = performance.now();
  // Through the transaction's driver connection with bound parameters: MikroORM's execute would
  // format the ~1 MB of array literals into the SQL text first, which costs more than the insert.
  const trx = tem.getTransactionContext<{
    raw(sql: string, params: unknown[]): Promise<unknown>;
  }>()!;
  await trx.raw(
    `with d as (
       insert into limit_decisions (account_id, customer_id, kind, base_limit_before_fen, base_limit_after_fen, status_before, status_after, score, grade, probability_of_default, model_version, policy_version, features, reasons, decided_by, created_at)
       select t.account_id, t.customer_id, 'PERIODIC_REVIEW', t.before, t.after, t.status, t.status_after, t.score, t.grade, t.pd, t.model, ?, t.features::jsonb, t.reasons::jsonb, 'SYSTEM', ?::timestamptz
         from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::int[], ?::text[], ?::float8[], ?::text[], ?::text[], ?::text[])
              as t(account_id, customer_id, before, after, status, status_after, score, grade, pd, model, features, reasons)
       returning id, customer_id, base_limit_before_fen, base_limit_after_fen, status_before, status_after
     )
     , changed as (select * from d where base_limit_after_fen <> base_limit_before_fen or status_after <> status_before)
     , audited as (
       -- A limit changed by a job is in the audit log like one changed by an agent (actor SYSTEM).
       insert into audit_log (actor_type, action, customer_id, target_type, target_id, details)
       select 'SYSTEM', 'LIMIT_CHANGED_BY_JOB', customer_id, 'LimitDecision', id::text,
              jsonb_build_object('job', 'periodic-review', 'before', base_limit_before_fen, 'after', base_limit_after_fen, 'statusBefore', status_before, 'statusAfter', status_after)
         from changed
     )
     insert into notices (customer_id, kind, channel, event_key, payload, sent_at)
     select customer_id, 'LIMIT_CHANGED', 'IN_APP', 'decision:' || id, jsonb_build_object('before', base_limit_before_fen, 'after', base_limit_after_fen, 'status', status_after), now()
       from changed
     on conflict (customer_id, event_key) do nothing`,
    [
      POLICY.version,
      asOf,
      col((r) => r.accountId),
      col((r) => r.customerId),
      col((r) => r.baseBefore),
      col((r) => r.baseAfter),
      col((r) => r.status),
      col((r) => r.statusAfter),
      col((r) => r.score),
      col((r) => r.grade),
      col((r) => r.pd),
      col((r) => r.modelVersion),
      col((r) => JSON.stringify(r.features)),
      col((r) => JSON.stringify(r.reasons)),
    ],
  );
  wtimings.insert += performance.now() - t;
  t = performance.now();
  await trx.raw(
    `update credit_accounts a set base_limit_fen = t.after, status = t.status_after,
            frozen_reason = case when t.status_after = 'FROZEN' and a.status <> 'FROZEN' then 'Periodic review: overdue' else a.frozen_reason end,
            frozen_cause = case when t.status_after = 'FROZEN' and a.status <> 'FROZEN' then 'OVERDUE' else a.frozen_cause end,
            frozen_reason_code = case when t.status_after = 'FROZEN' and a.status <> 'FROZEN' then 'POLICY_FREEZE' else a.frozen_reason_code end, score = t.score, grade = t.grade, probability_of_default = t.pd, model_version = t.model, last_reviewed_at = ?::timestamptz,
            version = a.version + case when t.after <> a.base_limit_fen or t.status_after <> a.status then 1 else 0 end
       from unnest(?::bigint[], ?::bigint[], ?::text[], ?::int[], ?::text[], ?::float8[], ?::text[]) as t(id, after, status_after, score, grade, pd, model)
      where a.id = t.id`,
    [
      asOf,
      col((r) => r.accountId),
      col((r) => r.baseAfter),
      col((r) => r.statusAfter),
      col((r) => r.score),
      col((r) => r.grade),
      col((r) => r.pd),
      col((r) => r.modelVersion),
    ],
  );
  wtimings.update += performance.now() - t;
  return rows.filter((r) => r.baseAfter !== r.baseBefore || r.statusAfter !== r.status).length;
}
const wtimings = { insert: 0, update: 0 };
