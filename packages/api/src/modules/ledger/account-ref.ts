import { fail, ok, type Outcome, type UserErrorCode } from '../../graphql/errors.js';
import { fromGlobalId } from '../../graphql/relay.js';
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { mayActFor } from '../links/partner-gate.js';

/** A global id of an expected type as a local id, or a userError naming the field. */
export function localIdOrError(
  globalId: string,
  type: string,
  field: string,
): Outcome<string, 'INVALID_ID'> {
  const g = fromGlobalId(globalId);
  return g && g.type === type
    ? ok(g.id)
    : fail('INVALID_ID', `${field} is not a ${type} id.`, field);
}

/** `step` with the local id of a global id of `type`, or INVALID_ID naming `field`. */
export async function withLocalId<T, C extends UserErrorCode = never>(
  globalId: string,
  type: string,
  field: string,
  step: (id: string) => Promise<Outcome<T, C>>,
): Promise<Outcome<T, C | 'INVALID_ID'>> {
  const id = localIdOrError(globalId, type, field);
  return id.ok ? step(id.value) : id;
}

/**
 * Account → customer never changes, so it is remembered per process: a partner's authorization
 * by accountId needs no read before its money statement to find whose link to check.
 */
const accountOwners = new Map<string, { accountId: string; customerId: string }>();

/** The same answer for "no such account" and "not yours to see": nothing leaks about who exists. */
export const accountNotFound = (field: string) =>
  fail('ACCOUNT_NOT_FOUND', 'No credit account was found for this customer or account.', field);

/**
 * The account an input names (exactly one of customerId or accountId), checked for the viewer:
 * staff reach every account; a partner app only a customer who linked it with the scopes this
 * root field's selection needs (see links/partner-gate.ts). Missing and unlinked answer alike.
 */
export async function resolveAccountRef(
  ctx: GraphQLContext,
  ref: { customerId?: string | null; accountId?: string | null },
  info?: GraphQLResolveInfo,
): Promise<
  Outcome<
    { accountId: string; customerId: string },
    'ACCOUNT_NOT_FOUND' | 'ACCOUNT_REQUIRED' | 'INVALID_ID'
  >
> {
  if ((ref.customerId == null) === (ref.accountId == null))
    return fail(
      'ACCOUNT_REQUIRED',
      'Give exactly one of customerId or accountId.',
      ref.customerId == null ? 'customerId' : 'accountId',
    );
  const field = ref.accountId != null ? 'accountId' : 'customerId';
  const type = ref.accountId != null ? 'CreditAccount' : 'Customer';
  const g = fromGlobalId((ref.accountId ?? ref.customerId)!);
  if (!g || g.type !== type) return fail('INVALID_ID', `${field} is not a ${type} id.`, field);
  let pair = type === 'CreditAccount' ? accountOwners.get(g.id) : undefined;
  if (!pair) {
    const account =
      type === 'CreditAccount'
        ? await ctx.loaders.account(g.id)
        : await ctx.loaders.accountByCustomer(g.id);
    if (!account) return accountNotFound(field);
    pair = { accountId: account.id, customerId: account.customerId };
    if (accountOwners.size >= 100_000) accountOwners.clear();
    accountOwners.set(account.id, pair);
  }
  if (!(await mayActFor(ctx, pair.customerId, info))) return accountNotFound(field);
  return ok(pair);
}
