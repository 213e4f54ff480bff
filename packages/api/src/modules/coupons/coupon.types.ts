import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { MaxLength, MinLength } from 'class-validator';
import { Node } from '../../graphql/relay.js';
import { PlanTermEnum } from '../../graphql/enums.js';
import { Payload } from '../../graphql/payload.js';

@ObjectType('Coupon', {
  implements: Node,
  description:
    'An interest-free coupon (免息券) issued to one customer by a campaign: the fees of its first periods are waived on one plan. Used once; expires; comes back if that capture is refunded in full.',
})
export class CouponNode extends Node {
  @Field(() => String, { description: 'What the customer types at checkout (capture couponCode).' })
  code!: string;
  @Field(() => String, { description: 'Name of the campaign that issued it.' })
  campaignName!: string;
  @Field(() => Int, { description: 'How many periods of the plan are fee-free.' })
  freePeriods!: number;
  @Field(() => [PlanTermEnum], { description: 'Terms it applies to, e.g. M3, M6.' })
  terms!: string[];
  @Field(() => GraphQLDateTime, { description: 'When it expires.' }) expiresAt!: Date;
}

@ObjectType('CouponCampaign', {
  implements: Node,
  description: 'Issues coupons to customers within a budget and a per-customer limit.',
})
export class CouponCampaignNode extends Node {
  @Field(() => String, { description: 'Name of the campaign.' }) name!: string;
  @Field(() => Int, { description: 'How many periods of a plan its coupons make fee-free.' })
  freePeriods!: number;
  @Field(() => [PlanTermEnum], { description: 'The terms its coupons apply to.' }) terms!: string[];
  @Field(() => GraphQLDateTime, { description: 'When it starts.' }) startsAt!: Date;
  @Field(() => GraphQLDateTime, { description: 'When it ends.' }) endsAt!: Date;
  @Field(() => Int, { description: 'Days an issued coupon stays usable.' })
  couponValidDays!: number;
  @Field(() => Int, { description: 'Coupons the campaign may issue in all.' })
  budgetCoupons!: number;
  @Field(() => Int, { description: 'At most this many coupons per customer.' })
  perCustomerLimit!: number;
  @Field(() => Int, { description: 'Coupons issued so far.' }) issuedCount!: number;
  @Field(() => Int, { description: 'Issued coupons used on a plan now.' }) usedCount!: number;
  @Field(() => Int, { description: 'Issued, unused and past their expiry.' })
  expiredCount!: number;
}

@InputType({ description: 'The input of `createCouponCampaign`.' })
export class CreateCouponCampaignInput {
  @Field(() => String, { description: 'Name of the campaign.' })
  @MinLength(1)
  @MaxLength(200)
  name!: string;
  @Field(() => Int, {
    description: "How many periods of a plan are fee-free (1 or more, at most the term's periods).",
  })
  freePeriods!: number;
  @Field(() => [PlanTermEnum], {
    description: 'The fee-bearing terms its coupons apply to (not DEFERRED_30).',
  })
  terms!: string[];
  @Field(() => GraphQLDateTime, { description: 'When it starts.' }) startsAt!: Date;
  @Field(() => GraphQLDateTime, { description: 'When it ends.' }) endsAt!: Date;
  @Field(() => Int, { description: 'Days an issued coupon stays valid.' }) couponValidDays!: number;
  @Field(() => Int, { description: 'The most coupons the campaign may issue.' })
  budgetCoupons!: number;
  @Field(() => Int, { description: 'At most this many coupons per customer.' })
  perCustomerLimit!: number;
}

@ObjectType({
  description:
    'The result of `createCouponCampaign`, or the userErrors saying why nothing changed.',
})
export class CouponCampaignPayload extends Payload('CouponCampaign') {
  @Field(() => CouponCampaignNode, {
    description: 'The coupon campaign created or changed; null when there are userErrors.',
    nullable: true,
  })
  campaign?: CouponCampaignNode | null;
}

@InputType({ description: 'The input of `issueCoupons`.' })
export class IssueCouponsInput {
  @Field(() => ID, { description: 'Global id of the coupon campaign.' }) campaignId!: string;
  @Field(() => [ID], { description: 'Global ids of the customers to issue a coupon to.' })
  customerIds!: string[];
}

@ObjectType({
  description:
    'The result of `issueCoupons`: what changed, or the userErrors saying why nothing did.',
})
export class IssueCouponsPayload extends Payload('IssueCoupons') {
  @Field(() => CouponCampaignNode, {
    description: 'The coupon campaign created or changed; null when there are userErrors.',
    nullable: true,
  })
  campaign?: CouponCampaignNode | null;
  @Field(() => Int, { description: 'How many coupons were issued.' }) issued!: number;
  @Field(() => [ID], { description: 'Customers already at the per-customer limit (or unknown).' })
  skippedCustomerIds!: string[];
}
