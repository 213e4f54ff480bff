import { Args, Authorized, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { selects } from '../../graphql/look-ahead.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { encodeCursor, PageInfo, readPage } from '../../graphql/relay.js';
import { badUserInput } from '../../graphql/errors.js';
import { Role } from '../auth/viewer.js';
import { CustomerNode } from '../customers/customer.types.js';
import { engineLocale } from '../decisions/decision.types.js';
import { TimelineArgs, TimelineConnection } from './timeline.types.js';
import { TimelineService } from './timeline.service.js';

const timeline = new TimelineService();

@Resolver(() => CustomerNode)
export class CustomerTimelineResolver {
  @Authorized(Role.AGENT)
  @FieldResolver(() => TimelineConnection, {
    description:
      'Everything about the customer in one history, newest first: limit decisions (with their explanation), purchases, repayments, notices with their text, recovery request steps and agent notes (staff only).',
  })
  async timeline(
    @Root() customer: CustomerNode,
    @Args(() => TimelineArgs) args: TimelineArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    if (args.first == null) throw badUserInput('`first` is required (1 to 100).', 'first');
    const page = readPage({ first: args.first, after: args.after });
    // The history's size comes in the same statement as the page, only when selected.
    const { entries, keys, hasMore, totalCount } = await timeline.page(
      ctx.em,
      customer.localId,
      page,
      engineLocale(args.locale),
      args.kinds,
      selects(info, ['totalCount']),
    );
    const edges = entries.map((node, i) => ({ cursor: encodeCursor(keys[i]!), node }));
    return {
      edges,
      pageInfo: Object.assign(new PageInfo(), {
        hasNextPage: hasMore,
        hasPreviousPage: Boolean(page.cursor),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      }),
      nodes: edges.map((e) => e.node),
      totalCount,
    };
  }
}
