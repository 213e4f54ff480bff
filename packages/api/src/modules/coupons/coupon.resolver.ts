import { userError } from '../../graphql/errors.js';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { fromGlobalId, toGlobalId } from '../../graphql/relay.js';
import { Role, scope } from '../auth/viewer.js';
import { CreditAccountNode } from '../accounts/account.types.js';
import { localIdOrError } from '../ledger/account-ref.js';
import { parseTextArray } from './coupon.service.js';
import {
  CouponCampaignNode,
  CouponCampaignPayload,
  CouponNode,
  CreateCouponCampaignInput,
  IssueCouponsInput,
  IssueCouponsPayload,
} from './coupon.types.js';

interface CampaignRow {
  id: string;
  name: string;
  free_periods: number;
  terms: string[] | string;
  starts_at: Date;
  ends_at: Date;
  coupon_valid_days: number;
  budget_coupons: number;
  per_customer_limit: number;
  issued_count: number;
  used: number;
  expired: number;
}

const CAMPAIGN_SQL = `select c.id::text, c.name, c.free_periods, c.terms, c.starts_at, c.ends_at, c.coupon_valid_days, c.budget_coupons, c.per_customer_limit, c.issued_count,
    (select count(*)::int from coupons k where k.campaign_id = c.id and k.status = 'USED') as used,
    (select count(*)::int from coupons k where k.campaign_id = c.id and k.status = 'ISSUED' and k.expires_at <= now()) as expired
  from coupon_campaigns c`;

const toCampaignNode = (r: CampaignRow) =>
  Object.assign(new CouponCampaignNode(), {
    id: toGlobalId('CouponCampaign', r.id),
    name: r.name,
    freePeriods: r.free_periods,
    terms: parseTextArray(r.terms),
    startsAt: new Date(r.starts_at),
    endsAt: new Date(r.ends_at),
    couponValidDays: r.coupon_valid_days,
    budgetCoupons: r.budget_coupons,
    perCustomerLimit: r.per_customer_limit,
    issuedCount: r.issued_count,
    usedCount: r.used,
    expiredCount: r.expired,
  });

async function campaign(ctx: GraphQLContext, id: string) {
  const [r] = await ctx.em.fork().execute<CampaignRow[]>(`${CAMPAIGN_SQL} where c.id = ?`, [id]);
  return r ? toCampaignNode(r) : null;
}

/** Coupon campaigns for risk admins; a customer's usable coupons for staff and partner apps. */
@Resolver(() => CouponCampaignNode)
export class CouponResolver {
  @Authorized(Role.RISK_ADMIN)
  @Query(() => [CouponCampaignNode], {
    description:
      'Coupon campaigns, newest first, with how many coupons were issued, used and expired.',
  })
  async couponCampaigns(@Ctx() ctx: GraphQLContext): Promise<CouponCampaignNode[]> {
    const rows = await ctx.em.execute<CampaignRow[]>(
      `${CAMPAIGN_SQL} order by c.id desc limit 200`,
    );
    return rows.map(toCampaignNode);
  }

  @Authorized(Role.RISK_ADMIN)
  @Mutation(() => CouponCampaignPayload, {
    description:
      'Risk admin: create a coupon campaign (free periods, terms, window, coupon validity, budget, per-customer limit).',
  })
  async createCouponCampaign(
    @Arg('input', () => CreateCouponCampaignInput, {
      description: 'What to create coupon campaign.',
    })
    input: CreateCouponCampaignInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CouponCampaignPayload> {
    const r = await ctx.services.coupons.createCampaign(ctx.em, ctx.viewer, { ...input });
    if (!r.ok) return { campaign: null, userErrors: r.errors };
    return { campaign: await campaign(ctx, r.value.campaignId), userErrors: [] };
  }

  @Authorized(Role.RISK_ADMIN)
  @Mutation(() => IssueCouponsPayload, {
    description:
      'Risk admin: issue one coupon of a campaign to each customer (within its budget; customers at the per-customer limit are skipped).',
  })
  async issueCoupons(
    @Arg('input', () => IssueCouponsInput, { description: 'What to issue coupons.' })
    input: IssueCouponsInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<IssueCouponsPayload> {
    const none = { campaign: null, issued: 0, skippedCustomerIds: [] };
    const id = localIdOrError(input.campaignId, 'CouponCampaign', 'campaignId');
    if (!id.ok) return { ...none, userErrors: id.errors };
    const customers: string[] = [];
    for (const c of input.customerIds) {
      const g = fromGlobalId(c);
      if (!g || g.type !== 'Customer')
        return {
          ...none,
          userErrors: [userError('INVALID_ID', `${c} is not a Customer id.`, 'customerIds')],
        };
      customers.push(g.id);
    }
    const r = await ctx.services.coupons.issue(ctx.em, ctx.viewer, {
      campaignId: id.value,
      customerIds: customers,
    });
    if (!r.ok) return { ...none, userErrors: r.errors };
    return {
      campaign: await campaign(ctx, id.value),
      issued: r.value.issued.length,
      skippedCustomerIds: r.value.skipped.map((x) => toGlobalId('Customer', x)),
      userErrors: [],
    };
  }
}

@Resolver(() => CreditAccountNode)
export class AccountCouponsResolver {
  @Authorized(Role.AGENT, scope('quotes:read'), scope('purchases:write'))
  @FieldResolver(() => [CouponNode], {
    description:
      "The customer's coupons usable now (issued, unused, not expired), soonest expiry first: offer them at checkout.",
  })
  async usableCoupons(
    @Root() account: CreditAccountNode,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CouponNode[]> {
    const rows = await ctx.services.coupons.usable(ctx.em, account.entity.customerId);
    return rows.map((c) =>
      Object.assign(new CouponNode(), {
        id: toGlobalId('Coupon', c.id),
        code: c.code,
        campaignName: c.campaignName,
        freePeriods: c.freePeriods,
        terms: c.terms,
        expiresAt: c.expiresAt,
      }),
    );
  }
}
