import type { CreditAccount, TemporaryLimit } from './credit-account.entity.js';

export type ActiveTemporaryLimit = Pick<
  TemporaryLimit,
  'id' | 'amountFen' | 'category' | 'startsAt' | 'endsAt'
>;

/** An account as read for display, with the temporary limits active at the time of the read. */
export type AccountRead = CreditAccount & { activeTemporaryLimits: ActiveTemporaryLimit[] };

/**
 * An account and its active temporary limits come from one statement: `availableLimit` needs
 * both, and asking for them one after the other doubled the round trips of a partner's read.
 * The columns are prefixed `a_` so a customer's statement can carry its account too.
 */
export const ACCOUNT_COLUMNS = `a.id as a_id, a.customer_id as a_customer_id, a.account_number as a_account_number, a.status as a_status,
  a.base_limit_fen as a_base_limit_fen, a.outstanding_principal_fen as a_outstanding_principal_fen, a.held_fen as a_held_fen, a.used_fen as a_used_fen, a.credit_balance_fen as a_credit_balance_fen,
  a.score as a_score, a.grade as a_grade, a.probability_of_default as a_probability_of_default, a.model_version as a_model_version,
  a.frozen_reason as a_frozen_reason, a.frozen_cause as a_frozen_cause, a.frozen_reason_code as a_frozen_reason_code, a.closed_at as a_closed_at, a.opened_at as a_opened_at, a.last_reviewed_at as a_last_reviewed_at, a.version as a_version,
  (select coalesce(json_agg(json_build_object('id', t.id::text, 'amountFen', t.amount_fen, 'category', t.category, 'startsAt', t.starts_at, 'endsAt', t.ends_at) order by t.ends_at, t.id), '[]')
     from temporary_limits t where t.account_id = a.id and t.status = 'ACTIVE' and t.starts_at <= now() and t.ends_at > now()) as a_temps`;
export const ACCOUNTS_BY_ID = `select ${ACCOUNT_COLUMNS} from credit_accounts a where a.id = any($1::bigint[])`;
export const ACCOUNTS_BY_CUSTOMER = `select ${ACCOUNT_COLUMNS} from credit_accounts a where a.customer_id = any($1::bigint[])`;
/**
 * For a partner app's request ($2 = the app): the same rows with the scopes of the app's active,
 * unexpired link to the account's customer (null without one) — the link check every partner
 * path makes rides on the account's own statement instead of a second round trip (issue 18).
 */
const LINK_SCOPES_COLUMN = `(select l.scopes from partner_links l where l.partner_app_id = $2 and l.customer_id = a.customer_id
     and l.status = 'ACTIVE' and l.expires_at > now()) as a_link_scopes`;
export const ACCOUNTS_BY_ID_WITH_LINK = `select ${ACCOUNT_COLUMNS}, ${LINK_SCOPES_COLUMN} from credit_accounts a where a.id = any($1::bigint[])`;
export const ACCOUNTS_BY_CUSTOMER_WITH_LINK = `select ${ACCOUNT_COLUMNS}, ${LINK_SCOPES_COLUMN} from credit_accounts a where a.customer_id = any($1::bigint[])`;
/** The partner link check by itself (the customer's account was not read in the request). */
export const PARTNER_LINK_SCOPES = `select customer_id::text, scopes from partner_links
  where customer_id = any($1::bigint[]) and partner_app_id = $2 and status = 'ACTIVE' and expires_at > now()`;

export interface AccountRow {
  a_id: string;
  a_customer_id: string;
  a_account_number: string;
  a_status: CreditAccount['status'];
  a_base_limit_fen: string;
  a_outstanding_principal_fen: string;
  a_held_fen: string;
  a_used_fen: string;
  a_credit_balance_fen: string;
  a_score: number | null;
  a_grade: string | null;
  a_probability_of_default: number | null;
  a_model_version: string | null;
  a_frozen_reason: string | null;
  a_frozen_cause: CreditAccount['frozenCause'];
  a_frozen_reason_code: string | null;
  a_closed_at: Date | null;
  a_opened_at: Date;
  a_last_reviewed_at: Date | null;
  a_version: number;
  /** Only in the `_WITH_LINK` statements: the request's partner app's link scopes, or null. */
  a_link_scopes?: string[] | null;
  a_temps: {
    id: string;
    amountFen: number;
    category: string | null;
    startsAt: string;
    endsAt: string;
  }[];
}

export function accountFromRow(r: AccountRow): AccountRead {
  return {
    id: r.a_id,
    customerId: r.a_customer_id,
    accountNumber: r.a_account_number,
    status: r.a_status,
    baseLimitFen: Number(r.a_base_limit_fen),
    outstandingPrincipalFen: Number(r.a_outstanding_principal_fen),
    heldFen: Number(r.a_held_fen),
    usedFen: Number(r.a_used_fen),
    creditBalanceFen: Number(r.a_credit_balance_fen ?? 0),
    score: r.a_score,
    grade: r.a_grade,
    probabilityOfDefault: r.a_probability_of_default,
    modelVersion: r.a_model_version,
    frozenReason: r.a_frozen_reason,
    frozenCause: r.a_frozen_cause,
    frozenReasonCode: r.a_frozen_reason_code,
    closedAt: r.a_closed_at,
    openedAt: r.a_opened_at,
    lastReviewedAt: r.a_last_reviewed_at,
    version: r.a_version,
    activeTemporaryLimits: r.a_temps.map((t) => ({
      id: t.id,
      amountFen: t.amountFen,
      category: t.category,
      startsAt: new Date(t.startsAt),
      endsAt: new Date(t.endsAt),
    })),
  };
}
