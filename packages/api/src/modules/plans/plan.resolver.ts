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
  PlanFeesNode,
  ScheduleLineNode,
  toPlanNode,
  toQuoteNode,
  toScheduleLineNode,
} from './plan.types.js';
import { toGlobalId } from '../../graphql/relay.js';

interface PlanFeeRow {
  plan_id: string;
  charged: string;
  fee: string;
  paid: string;
  late: string;
  late_paid: string;
  late_waived: string;
}

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
    @Arg('amount', () => String, { description: 'The amount to split, in yuan, e.g. "3000.00".' })
    amount: string,
    @Arg('customerId', () => ID, {
      description:
        "Global id of the customer to price for (their grade); omit with accountId for a middle grade's prices.",
      nullable: true,
    })
    customerId: string | null,
    @Arg('accountId', () => ID, {
      description:
        'Global id of the credit account to price for (instead of customerId); omit both for a middle grade.',
      nullable: true,
    })
    accountId: string | null,
    @Arg('couponCode', () => String, {
      description: 'A coupon of the customer to price with; omit for prices without a coupon.',
      nullable: true,
    })
    couponCode: string | null,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstallmentQuoteNode[]> {
    const fen = amountFenOrError(amount);
    if (!fen.ok) throw badUserInput(fen.errors[0]!.message, 'amount');
    let grade: string | null = null;
    let owner: string | null = null;
    if (customerId != null || accountId != null) {
      // Priced for a named customer only when the viewer may act for them (a partner: linked).
      const acct = await resolveAccountRef(ctx, { customerId, accountId }, info);
      if (!acct.ok) throw badUserInput(acct.errors[0]!.message, acct.errors[0]!.field?.join('.'));
      const a = await ctx.loaders.account(acct.value.accountId);
      grade = a?.grade ?? null;
      owner = a?.customerId ?? null;
    }
    let coupon = null;
    if (couponCode) {
      // A coupon belongs to one customer: priced only for that customer, so a code seen
      // elsewhere tells nothing about itself without the account it was issued to.
      if (owner == null)
        throw badUserInput(
          'A coupon is priced for its own customer: give customerId or accountId with couponCode.',
          'couponCode',
        );
      const found = await ctx.services.coupons.termsForQuote(ctx.em, couponCode, owner);
      if (!found.ok) throw badUserInput(found.errors[0]!.message, 'couponCode');
      coupon = found.value;
    }
    return ctx.services.plans.quote(fen.value, grade, coupon).map((q) => toQuoteNode(q, fen.value));
  }

  @Authorized(scope('quotes:read'), Role.AGENT)
  @Query(() => PayoffQuoteNode, { description: 'What paying an installment plan off today costs.' })
  async payoffQuote(
    @Arg('planId', () => ID, { description: 'Global id of the installment plan.' }) planId: string,
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
    @Arg('input', () => CreateInstallmentPlanInput, {
      description: 'What to create installment plan.',
    })
    input: CreateInstallmentPlanInput,
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

  @FieldResolver(() => PlanFeesNode, {
    description: 'Fees charged, paid and waived (and late fees): what the plan cost.',
  })
  async fees(@Root() plan: InstallmentPlanNode, @Ctx() ctx: GraphQLContext): Promise<PlanFeesNode> {
    const r = await ctx.loaders
      .get<PlanFeeRow>('planFees', async (ids, em) => {
        const rows = await em.execute<PlanFeeRow[]>(
          `select ip.id::text as plan_id, ip.total_fee_fen::text as charged, coalesce(sum(sl.fee_fen), 0)::text as fee,
                  coalesce(sum(sl.paid_fee_fen), 0)::text as paid, coalesce(sum(sl.late_fee_fen), 0)::text as late,
                  coalesce(sum(sl.paid_late_fee_fen), 0)::text as late_paid, coalesce(sum(sl.late_fee_waived_fen), 0)::text as late_waived
             from installment_plans ip left join schedule_lines sl on sl.plan_id = ip.id and sl.customer_id = ip.customer_id
            where ip.id = any(?::bigint[]) group by ip.id, ip.customer_id`,
          [`{${ids.join(',')}}`],
        );
        const by = new Map(rows.map((x) => [x.plan_id, x]));
        return ids.map((id) => by.get(id));
      })
      .load(plan.localId);
    const n = (x: string | undefined) => Number(x ?? 0);
    const charged = n(r?.charged);
    // The lines keep the fee still asked for: what the plan no longer asks for was waived.
    const waived = charged - n(r?.fee);
    return Object.assign(new PlanFeesNode(), {
      charged: money(charged),
      paid: money(n(r?.paid)),
      waived: money(waived),
      outstanding: money(n(r?.fee) - n(r?.paid)),
      lateFeesCharged: money(n(r?.late) + n(r?.late_waived)),
      lateFeesPaid: money(n(r?.late_paid)),
      lateFeesWaived: money(n(r?.late_waived)),
    });
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
    description:
      'The (first) installment plan this purchase was split into, once captured with a term; see installmentPlans for split shipments.',
  })
  async installmentPlan(
    @Root() purchase: PurchaseNode,
    @Ctx() ctx: GraphQLContext,
  ): Promise<InstallmentPlanNode | null> {
    if (purchase.capturedAmount.amount === '0.00') return null;
    const plan = await ctx.loaders
      .get<InstallmentPlan>('planByPurchase', async (ids, em) => {
        const plans = await em.find(InstallmentPlan, { purchaseId: { $in: [...ids] } });
        // Several captures can each have a plan: this is the first one.
        const by = new Map<string, InstallmentPlan>();
        for (const p of plans.sort((a, b) => Number(b.id) - Number(a.id)))
          by.set(String(p.purchaseId), p);
        return ids.map((id) => by.get(id));
      })
      .load(purchase.localId);
    return plan ? toPlanNode(plan) : null;
  }

  @Authorized()
  @FieldResolver(() => [InstallmentPlanNode], {
    description:
      'Every plan of this purchase: one per capture split into installments, oldest first.',
  })
  async installmentPlans(
    @Root() purchase: PurchaseNode,
    @Ctx() ctx: GraphQLContext,
  ): Promise<InstallmentPlanNode[]> {
    if (purchase.capturedAmount.amount === '0.00') return [];
    const plans = await ctx.em.find(
      InstallmentPlan,
      { purchaseId: purchase.localId },
      { orderBy: { id: 'asc' } },
    );
    return plans.map(toPlanNode);
  }
}
