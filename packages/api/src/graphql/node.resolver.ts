import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from './context.js';
import { Node, fromGlobalId } from './relay.js';
import { badUserInput } from './errors.js';
import { mayActFor } from '../modules/links/partner-gate.js';

type NodeFetcher = (ctx: GraphQLContext, localId: string) => Promise<Node | null>;
/**
 * Whose data a node is, for partner apps: a customer id (the partner needs that customer's
 * link), or null when the fetcher itself already limits a partner to its own records.
 */
type NodeOwner = (node: never) => string | null;
const fetchers = new Map<string, { fetch: NodeFetcher; ownerOf?: NodeOwner }>();

/**
 * A feature module makes its type fetchable through `node(id)`; field authorization still
 * applies. Without `ownerOf`, partner apps never get this type through `node`.
 */
export function registerNodeType<N extends Node>(
  type: string,
  fetch: (ctx: GraphQLContext, localId: string) => Promise<N | null>,
  ownerOf?: (node: N) => string | null,
): void {
  fetchers.set(type, { fetch, ownerOf: ownerOf as NodeOwner | undefined });
}

@Resolver()
export class NodeResolver {
  @Authorized()
  @Query(() => Node, { nullable: true, description: 'Any object by its global id.' })
  async node(
    @Arg('id', () => ID, { description: 'The global id of the object.' }) id: string,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Node | null> {
    const parsed = fromGlobalId(id);
    const entry = parsed && fetchers.get(parsed.type);
    if (!parsed || !entry) throw badUserInput('id is not a valid global id.', 'id');
    if (ctx.viewer.kind === 'partner' && !entry.ownerOf) return null;
    const node = await entry.fetch(ctx, parsed.id);
    if (!node || ctx.viewer.kind !== 'partner') return node;
    // A partner sees a customer's records only through that customer's link (as missing otherwise).
    const owner = entry.ownerOf!(node as never);
    return owner === null || (await mayActFor(ctx, owner, info)) ? node : null;
  }
}
