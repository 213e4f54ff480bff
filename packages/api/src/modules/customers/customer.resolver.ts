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
import { CustomerNode } from './customer.types.js';
import { classifySearch, toCustomerNode } from './customer.service.js';
import { writeAudit } from '../audit/audit.service.js';
import { CreditAccountNode } from '../accounts/account.types.js';
import { toAccountNode } from '../accounts/account.service.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { Role } from '../auth/viewer.js';
import { mayActFor } from '../links/partner-gate.js';

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
  @Field(() => Int, { description: 'How many items to return: 1 to 100.' })
  first!: number;
  @Field(() => String, {
    description:
      "Return the items after this cursor (the previous page's endCursor); omit for the first page.",
    nullable: true,
  })
  after?: string;
}

registerNodeType(
  'Customer',
  async (ctx, id) => {
    const c = await ctx.loaders.customer(id);
    return c ? toCustomerNode(c) : null;
  },
  (c) => c.localId,
);

@Resolver(() => CustomerNode)
export class CustomerResolver {
  @Authorized()
  @Query(() => CustomerNode, {
    nullable: true,
    description: 'A customer by global id; null when there is none.',
  })
  async customer(
    @Arg('id', () => ID, { description: "The customer's global id." }) id: string,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CustomerNode | null> {
    // A customer page shows the latest decision: read it with the customer and account, in one round trip.
    const withLatestDecision =
      selects(info, ['account', 'latestDecision']) || selects(info, ['account', 'explanation']);
    const localId = localIdOrThrow(id, 'Customer');
    // A partner app reads only customers who linked it; anyone else answers like a missing id.
    // The link and the customer are read side by side (two loaders, no round trip waits on the other).
    const [allowed, c] = await Promise.all([
      ctx.viewer.kind !== 'partner' || mayActFor(ctx, localId, info),
      ctx.loaders.customer(localId, { withLatestDecision }),
    ]);
    return c && allowed ? toCustomerNode(c) : null;
  }

  @Authorized(Role.AGENT)
  @Query(() => CustomerConnection, {
    description:
      'Look customers up by phone, its last four digits, national ID, account number (or its start) or name; totalCount is the number of all matches.',
  })
  async customers(
    @Args(() => CustomerSearchArgs) args: CustomerSearchArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const { page, after: afterId } = readIdPage({ first: args.first, after: args.after });
    // A lookup by full phone or ID number touches personal data: it is audited (without the text)
    // with the number of matches, so those count beside the page; others only when selected.
    const kind = classifySearch(args.search.trim());
    const audited = kind === 'PHONE' || kind === 'NATIONAL_ID';
    const { rows, totalCount } = await ctx.services.customers.search(
      ctx.em,
      args.search,
      page.size + 1,
      afterId,
      audited || selects(info, ['totalCount']),
    );
    if (audited)
      await writeAudit(ctx.em, ctx.viewer, {
        action: 'CUSTOMER_SEARCHED',
        customerId: rows.length === 1 ? rows[0]!.id : null,
        details: { by: kind, matches: await totalCount() },
      });
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
