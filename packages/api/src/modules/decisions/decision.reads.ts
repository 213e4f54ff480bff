import type { DecisionKind, LimitDecision, StoredReason } from './limit-decision.entity.js';

/** The newest decision of each account: one index probe per account (account_id, created_at desc, id desc). */
export const LATEST_DECISIONS = `select d.* from unnest($1::bigint[]) as a(id)
  cross join lateral (select * from limit_decisions where account_id = a.id order by created_at desc, id desc limit 1) d`;

/** The same, as one JSON column of a statement that already has the account as `a`. */
export const LATEST_DECISION_JSON = `(select row_to_json(d) from limit_decisions d where d.account_id = a.id order by d.created_at desc, d.id desc limit 1) as d_json`;

/**
 * A `limit_decisions` row as node-postgres returns it (`select *`), or as `row_to_json` gives it
 * (ids and amounts as numbers, the time as text): the mapping accepts both.
 */
export interface DecisionRow {
  id: string | number;
  account_id: string | number;
  customer_id: string | number;
  kind: DecisionKind;
  base_limit_before_fen: string | number;
  base_limit_after_fen: string | number;
  temporary_amount_fen: string | number | null;
  status_before: string;
  status_after: string;
  score: number | null;
  grade: string | null;
  probability_of_default: number | null;
  model_version: string | null;
  policy_version: string;
  features: Record<string, number | string | null> | null;
  reasons: StoredReason[] | null;
  decided_by: LimitDecision['decidedBy'];
  agent_id: string | number | null;
  note: string | null;
  created_at: Date | string;
}

export function decisionFromRow(r: DecisionRow): LimitDecision {
  return {
    id: String(r.id),
    accountId: String(r.account_id),
    customerId: String(r.customer_id),
    kind: r.kind,
    baseLimitBeforeFen: Number(r.base_limit_before_fen),
    baseLimitAfterFen: Number(r.base_limit_after_fen),
    temporaryAmountFen: r.temporary_amount_fen == null ? null : Number(r.temporary_amount_fen),
    statusBefore: r.status_before,
    statusAfter: r.status_after,
    score: r.score,
    grade: r.grade,
    probabilityOfDefault: r.probability_of_default,
    modelVersion: r.model_version,
    policyVersion: r.policy_version,
    features: r.features ?? {},
    reasons: r.reasons ?? [],
    decidedBy: r.decided_by,
    agentId: r.agent_id == null ? null : String(r.agent_id),
    note: r.note,
    createdAt: r.created_at instanceof Date ? r.created_at : new Date(r.created_at),
  };
}
