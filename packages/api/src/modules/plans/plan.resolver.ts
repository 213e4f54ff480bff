import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { badUserInput, userError } from '../../graphql/errors.js';
import { money } from '../../graphql/money.js';
import { localIdOrThrow } from '../../graphql/relay.js';
import { groupByKey } from '../../graphql/loaders.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { Role, scope, canReadLimits } from '../auth/viewer.js';
import { amountFenOrError } from '../purchases/amount.js';
import { localIdOrError, resolveAccountRef } from '../ledger/account-ref.js';
import { customerOfIfAllowed } from '../links/partner-gate.js';
import type { GraphQLResolveInfo } from 'graphql';
import { Purchase } from '../purchases/purchase.entity.js';
import { PurchaseNode, purchasesVisibleTo, toPurchaseNode } from '../purchases/purchase.types.js';
import { InstallmentPlan, ScheduleLine } from './installment-plan.entity.js';
import {
  CreateInstallmentPlanInput,
  InstallmentPlanNode,
  InstallmentPlanPayload,
  InstallmentQuoteNode,
  PayoffQuoteNode,
  ScheduleLineNode,
  toPlanNode,
  toQuoteNode,
  toScheduleLineNode,
} from './plan.types.js';
import { toGlobalId } from '../../graphql/relay.js';

registerNodeType(
  'InstallmentPlan',
  async (ctx, id) => {
    if (!canReadLimits(ctx.viewer)) return null; // as the account it belongs to
    const p = await ctx.em.findOne(InstallmentPlan, { id });
    return p ? toPlanNode(p) : null;
  },
  (p) => p.customerLocalId,
);

@Resolver(() => InstallmentPlanNode)
export class PlanResolver {
  @Authorized(scope('quotes:read'), Role.AGENT)
  @Query(() => [InstallmentQuoteNode], {
    description:
      "Every term for an amount, priced for the customer's grade (or a middle grade), with fee, APR and schedule; a coupon applied where it can be.",
  })
  async quoteInstallments(
    @Arg('amount', () => String) amount: string,
    @Arg('customerId', () => ID, { nullable: true }) customerId: string | null,
    @Arg('accountId', () => ID, { nullable: true }) accountId: string | null,
    @Arg('couponCode', () => String, { nullable: true }) couponCode: string | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstallmentQuoteNode[]> {
    const fen = amountFenOrError(amount);
    if (!fen.ok) throw badUserInput(fen.errors[0]!.message, 'amount');
    let grade: string | null = null;
    if (customerId != null || accountId != null) {
      // Priced for a named customer only when the viewer may act for them (a partner: linked).
      const acct = await resolveAccountRef(ctx, { customerId, accountId }, info);
      if (!acct.ok) throw badUserInput(acct.errors[0]!.message, acct.errors[0]!.field ?? undefined);
      grade = (await ctx.loaders.account(acct.value.accountId))?.grade ?? null;
    }
    const quotes = ctx.services.plans.quote(fen.value, grade, couponCode ?? null);
    if (!quotes.ok) throw badUserInput(quotes.errors[0]!.message, 'couponCode');
    return quotes.value.map((q) => toQuoteNode(q, fen.value));
  }

  @Authorized(scope('quotes:read'), Role.AGENT)
  @Query(() => PayoffQuoteNode, { description: 'What paying an installment plan off today costs.' })
  async payoffQuote(
    @Arg('planId', () => ID) planId: string,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PayoffQuoteNode> {
    const id = localIdOrThrow(planId, 'InstallmentPlan', 'planId');
    if (!(await customerOfIfAllowed(ctx, 'installment_plans', id, info)))
      throw badUserInput('There is no such installment plan.', 'planId');
    const q = await ctx.services.repayments.payoffQuote(ctx.em, id);
    if (!q.ok) throw badUserInput(q.errors[0]!.message, 'planId');
    const v = q.value;
    return Object.assign(new PayoffQuoteNode(), {
      planId: toGlobalId('InstallmentPlan', id),
      total: money(v.totalFen),
      principal: money(v.principalFen),
      fee: money(v.feeFen),
      lateFee: money(v.lateFeeFen),
      waivedFee: money(v.waivedFeeFen),
    });
  }

  @Authorized(scope('purchases:write'))
  @Mutation(() => InstallmentPlanPayload, {
    description: 'Split a captured purchase into a plan. Idempotent by idempotencyKey.',
  })
  async createInstallmentPlan(
    @Arg('input', () => CreateInstallmentPlanInput) input: CreateInstallmentPlanInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstallmentPlanPayload> {
    const id = localIdOrError(input.purchaseId, 'Purchase', 'purchaseId');
    if (!id.ok) return { installmentPlan: null, userErrors: id.errors };
    if (!(await customerOfIfAllowed(ctx, 'purchases', id.value, info)))
      return {
        installmentPlan: null,
        userErrors: [userError('PURCHASE_NOT_FOUND', 'There is no such purchase.', 'purchaseId')],
      };
    const r = await ctx.services.plans.create(ctx.em, ctx.viewer, {
      purchaseId: id.value,
      term: input.term,
      couponCode: input.couponCode ?? null,
      idempotencyKey: input.idempotencyKey,
    });
    if (!r.ok) return { installmentPlan: null, userErrors: r.errors };
    const plan = await ctx.em.fork().findOne(InstallmentPlan, { id: r.value.planId });
    return { installmentPlan: plan ? toPlanNode(plan) : null, userErrors: [] };
  }

  @FieldResolver(() => [ScheduleLineNode], { description: 'The periods, in order.' })
  async schedule(
    @Root() plan: InstallmentPlanNode,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ScheduleLineNode[]> {
    const lines = await ctx.loaders
      .get<ScheduleLine[]>('scheduleByPlan', (ids, em) =>
        groupByKey(
          em.find(
            ScheduleLine,
            { planId: { $in: [...ids] } },
            { orderBy: { planId: 'asc', seq: 'asc' } },
          ),
          ids,
          (l) => l.planId,
        ),
      )
      .load(plan.localId);
    return (lines ?? []).map(toScheduleLineNode);
  }

  @FieldResolver(() => PurchaseNode, {
    nullable: true,
    description: 'The purchase split into this plan (null for a partner app that did not make it).',
  })
  async purchase(
    @Root() plan: InstallmentPlanNode,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PurchaseNode | null> {
    const p = await ctx.em.findOne(Purchase, {
      id: plan.purchaseLocalId,
      ...purchasesVisibleTo(ctx.viewer),
    });
    return p ? toPurchaseNode(p) : null;
  }
}

/** From a purchase to its plan: a capture with a term answers with the purchase, and this. */
@Resolver(() => PurchaseNode)
export class PurchasePlanResolver {
  @Authorized()
  @FieldResolver(() => InstallmentPlanNode, {
    nullable: true,
    description: 'The installment plan this purchase was split into, once captured with a term.',
  })
  async installmentPlan(
    @Root() purchase: PurchaseNode,
    @Ctx() ctx: GraphQLContext,
  ): Promise<InstallmentPlanNode | null> {
    if (purchase.status !== 'CAPTURED') return null;
    const plan = await ctx.loaders
      .get<InstallmentPlan>('planByPurchase', async (ids, em) => {
        const plans = await em.find(InstallmentPlan, { purchaseId: { $in: [...ids] } });
        const by = new Map(plans.map((p) => [String(p.purchaseId), p]));
        return ids.map((id) => by.get(id));
      })
      .load(purchase.localId);
    return plan ? toPlanNode(plan) : null;
  }
}
