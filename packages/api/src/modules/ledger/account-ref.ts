import type { EntityManager } from '@mikro-orm/postgresql';
import { fail, ok, type Outcome } from '../../graphql/errors.js';
import { fromGlobalId } from '../../graphql/relay.js';

/** The local account id for an input naming a customer or an account (exactly one). */
export async function accountIdFromRef(
  em: EntityManager,
  ref: { customerId?: string | null; accountId?: string | null },
): Promise<Outcome<string>> {
  if ((ref.customerId == null) === (ref.accountId == null))
    return fail(
      'ACCOUNT_REQUIRED',
      'Give exactly one of customerId or accountId.',
      ref.customerId == null ? 'customerId' : 'accountId',
    );
  if (ref.accountId != null) {
    const g = fromGlobalId(ref.accountId);
    if (!g || g.type !== 'CreditAccount')
      return fail('INVALID_ID', 'accountId is not a CreditAccount id.', 'accountId');
    return ok(g.id);
  }
  const g = fromGlobalId(ref.customerId!);
  if (!g || g.type !== 'Customer')
    return fail('INVALID_ID', 'customerId is not a Customer id.', 'customerId');
  const [row] = await em.execute<{ id: string }[]>(
    `select id from credit_accounts where customer_id = ?`,
    [g.id],
  );
  return row
    ? ok(String(row.id))
    : fail('ACCOUNT_NOT_FOUND', 'This customer has no credit account.', 'customerId');
}

/** A global id of an expected type as a local id, or a userError naming the field. */
export function localIdOrError(globalId: string, type: string, field: string): Outcome<string> {
  const g = fromGlobalId(globalId);
  return g && g.type === type
    ? ok(g.id)
    : fail('INVALID_ID', `${field} is not a ${type} id.`, field);
}
