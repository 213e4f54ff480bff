import type { EntityManager } from '@mikro-orm/postgresql';
import { fail, type Outcome, type UserErrorCode } from '../../graphql/errors.js';
import {
  withIdempotency,
  type IdempotencyCode,
  type IdempotencyScope,
} from '../idempotency/idempotency.service.js';

/** A credit account whose row the current transaction holds (`for update`). */
export interface LockedAccount {
  id: string;
  customerId: string;
  outstanding: number;
}

/** Lock the account row — the first lock every money path takes, so they queue on one row. */
export async function lockAccount(
  tem: EntityManager,
  accountId: string,
): Promise<LockedAccount | undefined> {
  const [a] = await tem.execute<
    { id: string; customer_id: string; outstanding_principal_fen: string }[]
  >(
    `select id, customer_id, outstanding_principal_fen from credit_accounts where id = ? for update`,
    [accountId],
  );
  return a
    ? {
        id: String(a.id),
        customerId: String(a.customer_id),
        outstanding: Number(a.outstanding_principal_fen),
      }
    : undefined;
}

/**
 * The opening every money operation shares: one idempotent transaction (`scope`: actor,
 * operation, key; a retry returns the first result) whose first lock is the account row.
 * `account` is the account id, or a lookup of it inside the transaction (a plan's account) that
 * may fail with the caller's own user error; an unknown account is ACCOUNT_NOT_FOUND. The step
 * runs with the row locked.
 */
export async function withLockedAccount<
  T,
  C extends UserErrorCode = never,
  A extends UserErrorCode = never,
>(
  em: EntityManager,
  scope: IdempotencyScope,
  account: string | ((tem: EntityManager) => Promise<Outcome<string, A>>),
  step: (tem: EntityManager, acct: LockedAccount) => Promise<Outcome<T, C>>,
): Promise<Outcome<T, C | A | IdempotencyCode | 'ACCOUNT_NOT_FOUND'> & { replayed?: boolean }> {
  return withIdempotency(
    em,
    scope,
    async (tem): Promise<Outcome<T, C | A | 'ACCOUNT_NOT_FOUND'>> => {
      let accountId: string;
      if (typeof account === 'string') accountId = account;
      else {
        const found = await account(tem);
        if (!found.ok) return { ok: false, errors: found.errors };
        accountId = found.value;
      }
      const acct = await lockAccount(tem, accountId);
      if (!acct) return fail('ACCOUNT_NOT_FOUND', 'There is no such credit account.', 'accountId');
      return step(tem, acct);
    },
  );
}
