import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import type { Outcome } from '../../graphql/errors.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { canReadLimits, scope } from '../auth/viewer.js';
import { amountFenOrError } from '../purchases/amount.js';
import { accountIdFromRef, localIdOrError } from '../ledger/account-ref.js';
import { Repayment } from './repayment.entity.js';
import {
  RecordRepaymentInput,
  RepayEarlyInput,
  RepaymentNode,
  RepaymentPayload,
  toRepaymentNode,
} from './repayment.types.js';
import type { RepaymentResult } from './repayment.service.js';

/** A repayment can be larger than any purchase (several plans at once), but not absurd. */
const MAX_REPAYMENT_FEN = 100_000_000;

registerNodeType('Repayment', async (ctx, id) => {
  if (!canReadLimits(ctx.viewer)) return null; // as the account it belongs to
  const r = await ctx.em.findOne(Repayment, { id });
  return r ? toRepaymentNode(r) : null;
});

async function payload(
  ctx: GraphQLContext,
  r: Outcome<RepaymentResult>,
): Promise<RepaymentPayload> {
  if (!r.ok) return { repayment: null, userErrors: r.errors };
  const row = await ctx.em.fork().findOne(Repayment, { id: r.value.repaymentId });
  return { repayment: row ? toRepaymentNode(row) : null, userErrors: [] };
}

@Resolver(() => RepaymentNode)
export class RepaymentResolver {
  @Authorized(scope('repayments:write'))
  @Mutation(() => RepaymentPayload, {
    description:
      'Record money received: oldest due first; within a period late fee, fee, then principal; the rest kept as credit. Idempotent.',
  })
  async recordRepayment(
    @Arg('input', () => RecordRepaymentInput) input: RecordRepaymentInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RepaymentPayload> {
    const amount = amountFenOrError(input.amount, 'amount', MAX_REPAYMENT_FEN);
    if (!amount.ok) return { repayment: null, userErrors: amount.errors };
    const account = await accountIdFromRef(ctx.em, input);
    if (!account.ok) return { repayment: null, userErrors: account.errors };
    return payload(
      ctx,
      await ctx.services.repayments.record(ctx.em, ctx.viewer, {
        accountId: account.value,
        amountFen: amount.value,
        idempotencyKey: input.idempotencyKey,
      }),
    );
  }

  @Authorized(scope('repayments:write'))
  @Mutation(() => RepaymentPayload, {
    description: 'Pay an installment plan off now at its payoff quote. Idempotent.',
  })
  async repayEarly(
    @Arg('input', () => RepayEarlyInput) input: RepayEarlyInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RepaymentPayload> {
    const id = localIdOrError(input.planId, 'InstallmentPlan', 'planId');
    if (!id.ok) return { repayment: null, userErrors: id.errors };
    return payload(
      ctx,
      await ctx.services.repayments.repayEarly(ctx.em, ctx.viewer, {
        planId: id.value,
        idempotencyKey: input.idempotencyKey,
      }),
    );
  }
}
