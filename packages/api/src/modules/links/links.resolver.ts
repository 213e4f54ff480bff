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
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import type { GraphQLResolveInfo } from 'graphql';
import { MaxLength } from 'class-validator';
import type { GraphQLContext } from '../../graphql/context.js';
import { type Outcome } from '../../graphql/errors.js';
import { Connection, Node, readIdPage, toConnection, toGlobalId } from '../../graphql/relay.js';
import { localIdOrError } from '../ledger/account-ref.js';
import { Role } from '../auth/viewer.js';
import { CustomerNode } from '../customers/customer.types.js';
import { toCustomerNode } from '../customers/customer.service.js';
import { PartnerLink } from './partner-link.entity.js';
import { mayActFor } from './partner-gate.js';
import { PartnerLinkStatusEnum } from '../../graphql/enums.js';
import { Payload, payloadOf, type PayloadCode } from '../../graphql/payload.js';

@ObjectType('PartnerLink', {
  implements: Node,
  description:
    "A customer's consent (授权) for a partner app to act for them: the scopes agreed to and until when.",
})
export class PartnerLinkNode extends Node {
  customerLocalId!: string;
  @Field(() => ID, { description: 'The partner app (global id).' }) partnerAppId!: string;
  @Field(() => [String], { description: 'What the app may do for this customer.' })
  scopes!: string[];
  @Field(() => PartnerLinkStatusEnum, { description: 'ACTIVE or REVOKED.' }) status!: string;
  @Field(() => GraphQLDateTime, { description: 'When it was created.' }) createdAt!: Date;
  @Field(() => GraphQLDateTime, { description: 'After this the customer must link again.' })
  expiresAt!: Date;
  @Field(() => GraphQLDateTime, {
    description: 'When it was revoked; null unless revoked.',
    nullable: true,
  })
  revokedAt?: Date | null;
  @Field(() => String, {
    nullable: true,
    description: 'Who revoked it: PARTNER, AGENT (support, for the customer) or SYSTEM.',
  })
  revokedBy?: string | null;
}

export function toLinkNode(l: PartnerLink): PartnerLinkNode {
  return Object.assign(new PartnerLinkNode(), {
    id: toGlobalId('PartnerLink', l.id),
    customerLocalId: l.customerId,
    partnerAppId: toGlobalId('PartnerApp', l.partnerAppId),
    scopes: l.scopes,
    status: l.status,
    createdAt: l.createdAt,
    expiresAt: l.expiresAt,
    revokedAt: l.revokedAt ?? null,
    revokedBy: l.revokedByType ?? null,
  });
}

const PartnerLinkConnection = Connection(PartnerLinkNode, 'PartnerLink');

@InputType({ description: 'The input of `startPartnerLink`.' })
export class StartPartnerLinkInput {
  @Field(() => String, { description: "The customer's mobile number; they receive a code by SMS." })
  @MaxLength(20)
  phone!: string;
  @Field(() => [String], {
    nullable: true,
    description: "Scopes to ask the customer for; default: all of the app's scopes.",
  })
  scopes?: string[] | null;
}

@ObjectType({
  description:
    'The result of `startPartnerLink`: what changed, or the userErrors saying why nothing did.',
})
export class StartPartnerLinkPayload extends Payload('StartPartnerLink') {
  @Field(() => ID, {
    nullable: true,
    description: 'Give this with the code to confirmPartnerLink.',
  })
  linkRequestId?: string | null;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'The code works until then.' })
  expiresAt?: Date | null;
}

@InputType({ description: 'The input of `confirmPartnerLink`.' })
export class ConfirmPartnerLinkInput {
  @Field(() => ID, { description: 'The id startPartnerLink returned.' }) linkRequestId!: string;
  @Field(() => String, { description: 'The six digits the customer received.' })
  @MaxLength(12)
  code!: string;
}

@ObjectType({
  description:
    'The partner link confirmed or revoked, or the userErrors saying why nothing changed.',
})
export class PartnerLinkPayload extends Payload('PartnerLink') {
  @Field(() => PartnerLinkNode, {
    description: 'The partner link created or changed; null when there are userErrors.',
    nullable: true,
  })
  link?: PartnerLinkNode | null;
}

@InputType({ description: 'The input of `revokePartnerLink`.' })
export class RevokePartnerLinkInput {
  @Field(() => ID, { description: 'Global id of the partner link.' }) linkId!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Why (required for staff: the customer asked, suspected fraud, …).',
  })
  @MaxLength(500)
  reason?: string | null;
}

@ArgsType()
class LinkPageArgs {
  @Field(() => Int, { description: 'How many items to return: 1 to 100.' }) first!: number;
  @Field(() => String, {
    description:
      "Return the items after this cursor (the previous page's endCursor); omit for the first page.",
    nullable: true,
  })
  after?: string | null;
}

const linkPayload = (
  ctx: GraphQLContext,
  r: Outcome<{ linkId: string }, PayloadCode<'PartnerLink'>>,
): Promise<PartnerLinkPayload> =>
  payloadOf(r, { link: null }, async ({ linkId }) => {
    const row = await ctx.em.fork().findOne(PartnerLink, { id: linkId });
    return { link: row ? toLinkNode(row) : null };
  });

@Resolver(() => PartnerLinkNode)
export class PartnerLinkResolver {
  @Authorized(Role.PARTNER)
  @Mutation(() => StartPartnerLinkPayload, {
    description:
      'Start linking a customer to this app: the customer receives a one-time code by SMS, valid 5 minutes. The answer is the same whether or not the phone belongs to a customer.',
  })
  async startPartnerLink(
    @Arg('input', () => StartPartnerLinkInput, { description: 'What to start partner link.' })
    input: StartPartnerLinkInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<StartPartnerLinkPayload> {
    if (ctx.viewer.kind !== 'partner') throw new Error('unreachable: partner role');
    const r = await ctx.services.links.start(ctx.em, ctx.viewer, input);
    if (!r.ok) return { linkRequestId: null, expiresAt: null, userErrors: r.errors };
    return {
      linkRequestId: toGlobalId('PartnerLinkRequest', r.value.requestId),
      expiresAt: r.value.expiresAt,
      userErrors: [],
    };
  }

  @Authorized(Role.PARTNER)
  @Mutation(() => PartnerLinkPayload, {
    description:
      'Finish linking with the code the customer received. A wrong code counts an attempt; after 5, or after 5 minutes, start again.',
  })
  async confirmPartnerLink(
    @Arg('input', () => ConfirmPartnerLinkInput, { description: 'What to confirm partner link.' })
    input: ConfirmPartnerLinkInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PartnerLinkPayload> {
    if (ctx.viewer.kind !== 'partner') throw new Error('unreachable: partner role');
    const id = localIdOrError(input.linkRequestId, 'PartnerLinkRequest', 'linkRequestId');
    if (!id.ok) return linkPayload(ctx, id);
    return linkPayload(
      ctx,
      await ctx.services.links.confirm(ctx.em, ctx.viewer, {
        requestId: id.value,
        code: input.code,
      }),
    );
  }

  @Authorized(Role.PARTNER, Role.AGENT)
  @Mutation(() => PartnerLinkPayload, {
    description:
      'End a link: the partner app itself, support for the customer (with a reason), or a risk admin. The app can no longer act for the customer; the customer is told.',
  })
  async revokePartnerLink(
    @Arg('input', () => RevokePartnerLinkInput, { description: 'What to revoke partner link.' })
    input: RevokePartnerLinkInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PartnerLinkPayload> {
    const id = localIdOrError(input.linkId, 'PartnerLink', 'linkId');
    if (!id.ok) return linkPayload(ctx, id);
    return linkPayload(
      ctx,
      await ctx.services.links.revoke(ctx.em, ctx.viewer, {
        linkId: id.value,
        reason: input.reason ?? null,
      }),
    );
  }

  @Authorized(Role.PARTNER)
  @Query(() => PartnerLinkConnection, {
    description: "This app's links to customers, newest first (active and revoked).",
  })
  async partnerLinks(@Args(() => LinkPageArgs) args: LinkPageArgs, @Ctx() ctx: GraphQLContext) {
    if (ctx.viewer.kind !== 'partner') throw new Error('unreachable: partner role');
    const { page, after } = readIdPage(args);
    const rows = await ctx.services.links.list(
      ctx.em,
      { partnerAppId: ctx.viewer.id },
      { size: page.size, afterId: after },
    );
    const appId = ctx.viewer.id;
    return toConnection(
      rows,
      page,
      (r) => [r.id],
      toLinkNode,
      () => ctx.em.count(PartnerLink, { partnerAppId: appId }),
    );
  }

  @Authorized(Role.PARTNER, Role.AGENT)
  @FieldResolver(() => CustomerNode, {
    description: 'The linked customer (a partner reads it while the link is active).',
    nullable: true,
  })
  async customer(
    @Root() link: PartnerLinkNode,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CustomerNode | null> {
    if (!(await mayActFor(ctx, link.customerLocalId, info))) return null;
    const c = await ctx.loaders.customer(link.customerLocalId);
    return c ? toCustomerNode(c) : null;
  }
}

/** Staff see a customer's links on the customer page (support revokes them for the customer). */
@Resolver(() => CustomerNode)
export class CustomerLinksResolver {
  @Authorized(Role.AGENT)
  @FieldResolver(() => PartnerLinkConnection, {
    description: 'Partner apps this customer linked (授权), newest first.',
  })
  async partnerLinks(
    @Root() customer: CustomerNode,
    @Args(() => LinkPageArgs) args: LinkPageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    const { page, after } = readIdPage(args);
    const rows = await ctx.services.links.list(
      ctx.em,
      { customerId: customer.localId },
      { size: page.size, afterId: after },
    );
    return toConnection(
      rows,
      page,
      (r) => [r.id],
      toLinkNode,
      () => ctx.em.count(PartnerLink, { customerId: customer.localId }),
    );
  }
}
