import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from './context.js';
import { Node, fromGlobalId } from './relay.js';
import { badUserInput } from './errors.js';

type NodeFetcher = (ctx: GraphQLContext, localId: string) => Promise<Node | null>;
const fetchers = new Map<string, NodeFetcher>();

/** A feature module makes its type fetchable through `node(id)`; field authorization still applies. */
export function registerNodeType(type: string, fetch: NodeFetcher): void {
  fetchers.set(type, fetch);
}

@Resolver()
export class NodeResolver {
  @Authorized()
  @Query(() => Node, { nullable: true, description: 'Any object by its global id.' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Node | null> {
    const parsed = fromGlobalId(id);
    const fetch = parsed && fetchers.get(parsed.type);
    if (!parsed || !fetch) throw badUserInput('id is not a valid global id.', 'id');
    return fetch(ctx, parsed.id);
  }
}
