import type { DecisionKind, LimitDecision, StoredReason } from './limit-decision.entity.js';

/** A `limit_decisions` row as node-postgres returns it (`select *`). */
export interface DecisionRow {
  id: string;
  account_id: string;
  customer_id: string;
  kind: DecisionKind;
  base_limit_before_fen: string;
  base_limit_after_fen: string;
  temporary_amount_fen: string | null;
  status_before: string;
  status_after: string;
  score: number | null;
  grade: string | null;
  probability_of_default: number | null;
  model_version: string | null;
  features: Record<string, number | string | null> | null;
  reasons: StoredReason[] | null;
  decided_by: LimitDecision['decidedBy'];
  agent_id: string | null;
  note: string | null;
  created_at: Date;
}

export function decisionFromRow(r: DecisionRow): LimitDecision {
  return {
    id: r.id,
    accountId: r.account_id,
    customerId: r.customer_id,
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
    features: r.features ?? {},
    reasons: r.reasons ?? [],
    decidedBy: r.decided_by,
    agentId: r.agent_id,
    note: r.note,
    createdAt: r.created_at,
  };
}
