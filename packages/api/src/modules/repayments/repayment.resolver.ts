import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { fail, ok, userError, type Outcome, type UserErrorCode } from '../../graphql/errors.js';
import { customerOfIfAllowed } from '../links/partner-gate.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { canReadLimits, scope } from '../auth/viewer.js';
import { amountFenOrError } from '../purchases/amount.js';
import { localIdOrError, resolveAccountRef } from '../ledger/account-ref.js';
import { Repayment } from './repayment.entity.js';
import {
  RecordRepaymentInput,
  RepayEarlyInput,
  RepaymentNode,
  RepaymentPayload,
  toRepaymentNode,
} from './repayment.types.js';
import {
  DuplicatePaymentReference,
  duplicateReference,
  type RepaymentResult,
} from './repayment.service.js';
import { type PayloadCode } from '../../graphql/payload.js';

const planNotFound = () => [
  userError('PLAN_NOT_FOUND', 'There is no such installment plan.', 'planId'),
];

/** A repayment can be larger than any purchase (several plans at once), but not absurd. */
const MAX_REPAYMENT_FEN = 100_000_000;

registerNodeType(
  'Repayment',
  async (ctx, id) => {
    if (!canReadLimits(ctx.viewer)) return null; // as the account it belongs to
    const r = await ctx.em.findOne(Repayment, { id });
    return r ? toRepaymentNode(r) : null;
  },
  (r) => r.customerLocalId,
);

/** A payment reference: the payer's id for the payment, printable, 1–64 characters. */
function paymentOrError(input: { paymentReference: string; paymentChannel: string }) {
  const reference = input.paymentReference.trim();
  return /^[\x21-\x7e]{1,64}$/.test(reference)
    ? ok({ reference, channel: input.paymentChannel })
    : fail(
        'INVALID_PAYMENT_REFERENCE',
        'paymentReference must be 1 to 64 printable ASCII characters (your payment id).',
        'paymentReference',
      );
}

/** Services throw this only when two first uses of one reference race; answer as for a replay. */
async function guarded<C extends UserErrorCode>(
  run: () => Promise<Outcome<RepaymentResult, C>>,
): Promise<Outcome<RepaymentResult, C | 'DUPLICATE_PAYMENT_REFERENCE'>> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof DuplicatePaymentReference) return duplicateReference();
    throw e;
  }
}

async function payload(
  ctx: GraphQLContext,
  r: Outcome<RepaymentResult, PayloadCode<'Repayment'>>,
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
    @Arg('input', () => RecordRepaymentInput, { description: 'What to record repayment.' })
    input: RecordRepaymentInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RepaymentPayload> {
    const amount = amountFenOrError(input.amount, 'amount', MAX_REPAYMENT_FEN);
    if (!amount.ok) return { repayment: null, userErrors: amount.errors };
    const payment = paymentOrError(input);
    if (!payment.ok) return { repayment: null, userErrors: payment.errors };
    // Only for a customer who linked this app (an unlinked one answers like a missing account).
    const account = await resolveAccountRef(ctx, input, info);
    if (!account.ok) return { repayment: null, userErrors: account.errors };
    return payload(
      ctx,
      await guarded(() =>
        ctx.services.repayments.record(ctx.em, ctx.viewer, {
          accountId: account.value.accountId,
          amountFen: amount.value,
          idempotencyKey: input.idempotencyKey,
          payment: payment.value,
        }),
      ),
    );
  }

  @Authorized(scope('repayments:write'))
  @Mutation(() => RepaymentPayload, {
    description: 'Pay an installment plan off now at its payoff quote. Idempotent.',
  })
  async repayEarly(
    @Arg('input', () => RepayEarlyInput, { description: 'What to repay early.' })
    input: RepayEarlyInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RepaymentPayload> {
    const id = localIdOrError(input.planId, 'InstallmentPlan', 'planId');
    if (!id.ok) return { repayment: null, userErrors: id.errors };
    const payment = paymentOrError(input);
    if (!payment.ok) return { repayment: null, userErrors: payment.errors };
    if (!(await customerOfIfAllowed(ctx, 'installment_plans', id.value, info)))
      return { repayment: null, userErrors: planNotFound() };
    return payload(
      ctx,
      await guarded(() =>
        ctx.services.repayments.repayEarly(ctx.em, ctx.viewer, {
          planId: id.value,
          idempotencyKey: input.idempotencyKey,
          payment: payment.value,
        }),
      ),
    );
  }
}
