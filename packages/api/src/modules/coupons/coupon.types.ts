import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { MaxLength, MinLength } from 'class-validator';
import { Node } from '../../graphql/relay.js';
import { UserError } from '../../graphql/errors.js';

@ObjectType('Coupon', {
  implements: Node,
  description:
    'An interest-free coupon (免息券) issued to one customer by a campaign: the fees of its first periods are waived on one plan. Used once; expires; comes back if that capture is refunded in full.',
})
export class CouponNode extends Node {
  @Field(() => String, { description: 'What the customer types at checkout (capture couponCode).' })
  code!: string;
  @Field(() => String) campaignName!: string;
  @Field(() => Int) freePeriods!: number;
  @Field(() => [String], { description: 'Terms it applies to, e.g. M3, M6.' }) terms!: string[];
  @Field(() => GraphQLDateTime) expiresAt!: Date;
}

@ObjectType('CouponCampaign', {
  implements: Node,
  description: 'Issues coupons to customers within a budget and a per-customer limit.',
})
export class CouponCampaignNode extends Node {
  @Field(() => String) name!: string;
  @Field(() => Int) freePeriods!: number;
  @Field(() => [String]) terms!: string[];
  @Field(() => GraphQLDateTime) startsAt!: Date;
  @Field(() => GraphQLDateTime) endsAt!: Date;
  @Field(() => Int, { description: 'Days an issued coupon stays usable.' })
  couponValidDays!: number;
  @Field(() => Int, { description: 'Coupons the campaign may issue in all.' })
  budgetCoupons!: number;
  @Field(() => Int) perCustomerLimit!: number;
  @Field(() => Int) issuedCount!: number;
  @Field(() => Int, { description: 'Issued coupons used on a plan now.' }) usedCount!: number;
  @Field(() => Int, { description: 'Issued, unused and past their expiry.' })
  expiredCount!: number;
}

@InputType()
export class CreateCouponCampaignInput {
  @Field(() => String) @MinLength(1) @MaxLength(200) name!: string;
  @Field(() => Int) freePeriods!: number;
  @Field(() => [String]) terms!: string[];
  @Field(() => GraphQLDateTime) startsAt!: Date;
  @Field(() => GraphQLDateTime) endsAt!: Date;
  @Field(() => Int) couponValidDays!: number;
  @Field(() => Int) budgetCoupons!: number;
  @Field(() => Int) perCustomerLimit!: number;
}

@ObjectType()
export class CouponCampaignPayload {
  @Field(() => CouponCampaignNode, { nullable: true }) campaign?: CouponCampaignNode | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@InputType()
export class IssueCouponsInput {
  @Field(() => ID) campaignId!: string;
  @Field(() => [ID]) customerIds!: string[];
}

@ObjectType()
export class IssueCouponsPayload {
  @Field(() => CouponCampaignNode, { nullable: true }) campaign?: CouponCampaignNode | null;
  @Field(() => Int) issued!: number;
  @Field(() => [ID], { description: 'Customers already at the per-customer limit (or unknown).' })
  skippedCustomerIds!: string[];
  @Field(() => [UserError]) userErrors!: UserError[];
}
