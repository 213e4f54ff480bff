import type { CreditAccount, TemporaryLimit } from './credit-account.entity.js';

export type ActiveTemporaryLimit = Pick<TemporaryLimit, 'id' | 'amountFen' | 'category' | 'startsAt' | 'endsAt'>;

/** An account as read for display, with the temporary limits active at the time of the read. */
export type AccountRead = CreditAccount & { activeTemporaryLimits: ActiveTemporaryLimit[] };

/**
 * One statement for an account and its active temporary limits: `availableLimit` needs both, and
 * asking for them one after the other doubled the round trips of a partner's read.
 */
const SELECT_ACCOUNTS = `select a.id, a.customer_id, a.account_number, a.status, a.base_limit_fen, a.outstanding_principal_fen, a.held_fen, a.used_fen,
  a.score, a.grade, a.probability_of_default, a.model_version, a.frozen_reason, a.opened_at, a.last_reviewed_at, a.version,
  (select coalesce(json_agg(json_build_object('id', t.id::text, 'amountFen', t.amount_fen, 'category', t.category, 'startsAt', t.starts_at, 'endsAt', t.ends_at) order by t.ends_at, t.id), '[]')
     from temporary_limits t where t.account_id = a.id and t.status = 'ACTIVE' and t.starts_at <= now() and t.ends_at > now()) as temps
  from credit_accounts a`;
export const ACCOUNTS_BY_ID = `${SELECT_ACCOUNTS} where a.id = any($1::bigint[])`;
export const ACCOUNTS_BY_CUSTOMER = `${SELECT_ACCOUNTS} where a.customer_id = any($1::bigint[])`;

export interface AccountRow {
  id: string;
  customer_id: string;
  account_number: string;
  status: CreditAccount['status'];
  base_limit_fen: string;
  outstanding_principal_fen: string;
  held_fen: string;
  used_fen: string;
  score: number | null;
  grade: string | null;
  probability_of_default: number | null;
  model_version: string | null;
  frozen_reason: string | null;
  opened_at: Date;
  last_reviewed_at: Date | null;
  version: number;
  temps: { id: string; amountFen: number; category: string | null; startsAt: string; endsAt: string }[];
}

export function accountFromRow(r: AccountRow): AccountRead {
  return {
    id: r.id,
    customerId: r.customer_id,
    accountNumber: r.account_number,
    status: r.status,
    baseLimitFen: Number(r.base_limit_fen),
    outstandingPrincipalFen: Number(r.outstanding_principal_fen),
    heldFen: Number(r.held_fen),
    usedFen: Number(r.used_fen),
    score: r.score,
    grade: r.grade,
    probabilityOfDefault: r.probability_of_default,
    modelVersion: r.model_version,
    frozenReason: r.frozen_reason,
    openedAt: r.opened_at,
    lastReviewedAt: r.last_reviewed_at,
    version: r.version,
    activeTemporaryLimits: r.temps.map((t) => ({ id: t.id, amountFen: t.amountFen, category: t.category, startsAt: new Date(t.startsAt), endsAt: new Date(t.endsAt) })),
  };
}
