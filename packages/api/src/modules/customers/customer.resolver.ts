import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Info,
  Int,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { selects } from '../../graphql/look-ahead.js';
import { MaxLength, MinLength } from 'class-validator';
import type { GraphQLContext } from '../../graphql/context.js';
import { Connection, localIdOrThrow, readIdPage, toConnection } from '../../graphql/relay.js';
import { badUserInput } from '../../graphql/errors.js';
import { CustomerNode } from './customer.types.js';
import { toCustomerNode } from './customer.service.js';
import { CreditAccountNode } from '../accounts/account.types.js';
import { toAccountNode } from '../accounts/account.service.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { Role } from '../auth/viewer.js';

const CustomerConnection = Connection(CustomerNode, 'Customer');

@ArgsType()
class CustomerSearchArgs {
  @Field(() => String, {
    description:
      'Phone or national ID (exact), the last four digits of a phone, an account number or its start (CL…), or the start of a name.',
  })
  @MinLength(1, { message: 'Type something to search for.' })
  @MaxLength(100, { message: 'A search is at most 100 characters.' })
  search!: string;
  @Field(() => Int, { nullable: true }) first?: number;
  @Field(() => String, { nullable: true }) after?: string;
}

registerNodeType('Customer', async (ctx, id) => {
  const c = await ctx.loaders.customer(id);
  return c ? toCustomerNode(c) : null;
});

@Resolver(() => CustomerNode)
export class CustomerResolver {
  @Authorized()
  @Query(() => CustomerNode, {
    nullable: true,
    description: 'A customer by global id; null when there is none.',
  })
  async customer(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CustomerNode | null> {
    // A customer page shows the latest decision: read it with the customer and account, in one round trip.
    const withLatestDecision =
      selects(info, ['account', 'latestDecision']) || selects(info, ['account', 'explanation']);
    const c = await ctx.loaders.customer(localIdOrThrow(id, 'Customer'), { withLatestDecision });
    return c ? toCustomerNode(c) : null;
  }

  @Authorized(Role.AGENT)
  @Query(() => CustomerConnection, {
    description:
      'Look customers up by phone, its last four digits, national ID, account number (or its start) or name; totalCount is the number of all matches.',
  })
  async customers(
    @Args(() => CustomerSearchArgs) args: CustomerSearchArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    if (args.first == null) throw badUserInput('`first` is required (1 to 100).', 'first');
    const { page, after: afterId } = readIdPage({ first: args.first, after: args.after });
    const { rows, totalCount } = await ctx.services.customers.search(
      ctx.em,
      args.search,
      page.size + 1,
      afterId,
    );
    ctx.loaders.primeCustomers(rows);
    return toConnection(rows, page, (r) => [r.id], toCustomerNode, totalCount);
  }

  @FieldResolver(() => CreditAccountNode, {
    nullable: true,
    description: "The customer's credit account.",
  })
  async account(
    @Root() customer: CustomerNode,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CreditAccountNode | null> {
    const a = await ctx.loaders.accountByCustomer(customer.localId);
    return a ? toAccountNode(a) : null;
  }
}
