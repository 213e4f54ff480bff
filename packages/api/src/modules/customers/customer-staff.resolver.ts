import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { userError } from '../../graphql/errors.js';
import { Connection, IdPageArgs, localIdOf } from '../../graphql/relay.js';
import { pageById } from '../../graphql/paged-query.js';
import { Role, isStaff } from '../auth/viewer.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import {
  AuditEntryNode,
  RevealCustomerPiiInput,
  RevealCustomerPiiPayload,
  toAuditNode,
} from '../decisions/decision.types.js';
import { CustomerNode } from './customer.types.js';
import { makePayload } from '../../graphql/payload.js';

const AuditEntryConnection = Connection(AuditEntryNode, 'AuditEntry');

// An audit entry through `node(id)`: staff only, like the audit trail (never a partner app).
registerNodeType('AuditEntry', async (ctx, id) => {
  if (!isStaff(ctx.viewer)) return null;
  const a = await ctx.em.findOne(AuditEntry, { id });
  return a ? toAuditNode(a) : null;
});

/** A customer's audit trail (staff). */
@Resolver(() => CustomerNode)
export class CustomerAuditResolver {
  @Authorized(Role.AGENT)
  @FieldResolver(() => AuditEntryConnection, {
    description: 'Audit log entries about this customer, newest first (staff only).',
  })
  async auditTrail(
    @Root() customer: CustomerNode,
    @Args(() => IdPageArgs) args: IdPageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    return pageById(ctx.em, AuditEntry, { customerId: customer.localId }, args, toAuditNode);
  }
}

/** Revealing a customer's personal data (supervisors, audited). */
@Resolver()
export class CustomerPiiResolver {
  @Authorized(Role.SUPERVISOR)
  @Mutation(() => RevealCustomerPiiPayload, {
    description: 'The full phone and national ID (supervisor, reason required; audited).',
  })
  async revealCustomerPii(
    @Arg('input', () => RevealCustomerPiiInput, { description: 'What to reveal customer pii.' })
    input: RevealCustomerPiiInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    const id = localIdOf(input.customerId, 'Customer');
    if (!id)
      return makePayload(RevealCustomerPiiPayload, {
        userErrors: [userError('INVALID_ID', 'customerId is not a Customer id.', 'customerId')],
      });
    const r = await ctx.services.decisions.revealPii(ctx.em, ctx.viewer, id, input.reason);
    if (!r.ok) return makePayload(RevealCustomerPiiPayload, { userErrors: r.errors });
    return makePayload(RevealCustomerPiiPayload, { ...r.value, userErrors: [] });
  }
}
