import type { EntityManager } from '@mikro-orm/postgresql';
import { raiseNotice } from '../notices/notice-events.js';
import { loadAccountFacts } from './behaviour.js';
import { reviewAccount, type ReviewOutcome } from './review.js';
import { POLICY, reviewCooldownFor, sameReviewEvidence } from './scoring-adapter.js';

export type ReviewActor = { agentId: string | null };

export type TriggeredReviewResult =
  | { done: true; decisionId: string; outcome: ReviewOutcome }
  | { done: false; code: 'ACCOUNT_NOT_ACTIVE'; status: string }
  | { done: false; code: 'REVIEW_COOLDOWN'; lastReviewAt: Date; nextAt: Date };

/**
 * A triggered review of one account, inside the caller's transaction with the account row
 * already locked: behaviour → features → score → the policy's bounded step (a triggered review
 * never increases; it may freeze at the policy's days past due), stored as a TRIGGERED_REVIEW
 * decision with the trigger as its first reason. The review cooldown (policy) is applied against
 * the account's previous review: the same evidence within the cooldown is refused, and a cut on
 * the same evidence as the previous cut becomes a KEEP (POLICY_SAME_EVIDENCE). Used by
 * `requestLimitReview` (staff), a bureau report that calls for a review, and the overdue job.
 */
export async function runTriggeredReview(
  tem: EntityManager,
  actor: ReviewActor,
  accountId: string,
  asOf: Date,
  opts: {
    trigger?: string;
    note?: string | null;
    /**
     * The review answers an event that is itself new data (an overdue, a bureau report that
     * called for it): the cooldown does not apply. A request by staff is not an event.
     */
    event?: boolean;
  } = {},
): Promise<TriggeredReviewResult> {
  const [facts] = await loadAccountFacts(tem, { accountIds: [accountId] }, asOf);
  if (!facts) throw new Error(`account ${accountId} vanished under its lock`);
  if (facts.status !== 'ACTIVE')
    return { done: false, code: 'ACCOUNT_NOT_ACTIVE', status: facts.status };
  const r = reviewAccount(facts, 'TRIGGERED', asOf);

  const [prev] = await tem.execute<
    { created_at: Date; features: Record<string, unknown>; before: string; after: string }[]
  >(
    `select created_at, features, base_limit_before_fen::text as before, base_limit_after_fen::text as after from limit_decisions
      where account_id = ? and kind in ('PERIODIC_REVIEW', 'TRIGGERED_REVIEW', 'INITIAL') and features <> '{}'::jsonb
      order by id desc limit 1`,
    [accountId],
  );
  const cooldown = reviewCooldownFor(
    prev && !opts.event
      ? {
          at: new Date(prev.created_at),
          decreased: Number(prev.after) < Number(prev.before),
          sameEvidence: sameReviewEvidence(prev.features, r.features),
        }
      : null,
    asOf,
  );
  if (!cooldown.allowed)
    return {
      done: false,
      code: 'REVIEW_COOLDOWN',
      lastReviewAt: new Date(prev!.created_at),
      nextAt: cooldown.nextAt!,
    };
  if (cooldown.noDecrease && r.baseAfter < r.baseBefore) {
    r.baseAfter = r.baseBefore;
    r.action = r.statusAfter !== r.status ? 'FREEZE' : 'KEEP';
    r.reasons = [
      { code: 'POLICY_SAME_EVIDENCE' },
      ...r.reasons.filter((x) => x.code !== 'POLICY_STEP_CAPPED'),
    ];
  }
  if (opts.trigger && !r.reasons.some((x) => x.code === opts.trigger))
    r.reasons = [{ code: opts.trigger }, ...r.reasons];

  const [d] = await tem.execute<{ id: string }[]>(
    `insert into limit_decisions (account_id, customer_id, kind, base_limit_before_fen, base_limit_after_fen, status_before, status_after, score, grade, probability_of_default, model_version, policy_version, features, reasons, decided_by, agent_id, note, created_at)
     values (?, ?, 'TRIGGERED_REVIEW', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?) returning id`,
    [
      r.accountId,
      r.customerId,
      r.baseBefore,
      r.baseAfter,
      r.status,
      r.statusAfter,
      r.score,
      r.grade,
      r.pd,
      r.modelVersion,
      POLICY.version,
      JSON.stringify(r.features),
      JSON.stringify(r.reasons),
      actor.agentId ? 'AGENT' : 'SYSTEM',
      actor.agentId,
      opts.note ?? null,
      asOf,
    ],
  );
  const frozeNow = r.statusAfter === 'FROZEN' && r.status !== 'FROZEN';
  await tem.execute(
    `update credit_accounts set base_limit_fen = ?, status = ?,
            frozen_reason = case when ? then 'Limit review: overdue' else frozen_reason end,
            frozen_cause = case when ? then 'OVERDUE' else frozen_cause end,
            frozen_reason_code = case when ? then 'POLICY_FREEZE' else frozen_reason_code end,
            score = ?, grade = ?, probability_of_default = ?, model_version = ?, last_reviewed_at = ?, version = version + 1 where id = ?`,
    [
      r.baseAfter,
      r.statusAfter,
      frozeNow,
      frozeNow,
      frozeNow,
      r.score,
      r.grade,
      r.pd,
      r.modelVersion,
      asOf,
      r.accountId,
    ],
  );
  const decisionId = String(d!.id);
  if (frozeNow)
    await raiseNotice(tem, {
      customerId: r.customerId,
      kind: 'ACCOUNT_FROZEN',
      eventKey: `decision:${decisionId}`,
      payload: { cause: 'OVERDUE', reasonCode: 'POLICY_FREEZE', decisionId },
    });
  else if (r.baseAfter !== r.baseBefore)
    await raiseNotice(tem, {
      customerId: r.customerId,
      kind: 'LIMIT_CHANGED',
      eventKey: `decision:${decisionId}`,
      payload: { before: r.baseBefore, after: r.baseAfter, status: r.statusAfter },
    });
  return { done: true, decisionId, outcome: r };
}
