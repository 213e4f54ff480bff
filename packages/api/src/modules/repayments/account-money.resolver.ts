import {
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  Int,
  Resolver,
  Root,
} from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { money } from '../../graphql/money.js';
import { Connection } from '../../graphql/relay.js';
import { pageById } from '../../graphql/paged-query.js';
import { CreditAccountNode } from '../accounts/account.types.js';
import { InstallmentPlan } from '../plans/installment-plan.entity.js';
import { InstallmentPlanNode, toPlanNode } from '../plans/plan.types.js';
import { bucketOf } from '../overdue/overdue.service.js';
import { Repayment } from './repayment.entity.js';
import { OverdueStateNode, RepaymentNode, toRepaymentNode } from './repayment.types.js';

const InstallmentPlanConnection = Connection(InstallmentPlanNode, 'InstallmentPlan');
const RepaymentConnection = Connection(RepaymentNode, 'Repayment');

@ArgsType()
class PageArgs {
  @Field(() => Int, { description: 'How many items to return: 1 to 100.' }) first!: number;
  @Field(() => String, {
    description:
      "Return the items after this cursor (the previous page's endCursor); omit for the first page.",
    nullable: true,
  })
  after?: string | null;
}

/** The money fields of a credit account: plans, repayments and the overdue state (newest first). */
@Resolver(() => CreditAccountNode)
export class AccountMoneyResolver {
  @Authorized()
  @FieldResolver(() => InstallmentPlanConnection, {
    description: 'Installment plans, newest first.',
  })
  async installmentPlans(
    @Root() account: CreditAccountNode,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    return pageById(ctx.em, InstallmentPlan, { accountId: account.entity.id }, args, toPlanNode);
  }

  @Authorized()
  @FieldResolver(() => RepaymentConnection, { description: 'Repayments, newest first.' })
  async repayments(
    @Root() account: CreditAccountNode,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    return pageById(ctx.em, Repayment, { accountId: account.entity.id }, args, toRepaymentNode);
  }

  @Authorized()
  @FieldResolver(() => OverdueStateNode, {
    description: 'Past-due state from the schedule (as of the last overdue job run).',
  })
  async overdue(
    @Root() account: CreditAccountNode,
    @Ctx() ctx: GraphQLContext,
  ): Promise<OverdueStateNode> {
    const [r] = await ctx.em.execute<{ dpd: number | null; amount: string }[]>(
      `select max(days_past_due) as dpd,
              coalesce(sum(principal_fen - paid_principal_fen + fee_fen - paid_fee_fen + late_fee_fen - paid_late_fee_fen), 0)::text as amount
         from schedule_lines where account_id = ? and status = 'OVERDUE'`,
      [account.entity.id],
    );
    const dpd = r?.dpd ?? 0;
    return Object.assign(new OverdueStateNode(), {
      isOverdue: dpd > 0,
      daysPastDue: dpd,
      overdueAmount: money(Number(r?.amount ?? 0)),
      bucket: bucketOf(dpd),
    });
  }
}
