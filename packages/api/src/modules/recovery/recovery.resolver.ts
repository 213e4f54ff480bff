import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { type Outcome } from '../../graphql/errors.js';
import { money } from '../../graphql/money.js';
import { Connection, readIdPage, toConnection } from '../../graphql/relay.js';
import { groupByKey } from '../../graphql/loaders.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { Role } from '../auth/viewer.js';
import { CustomerNode } from '../customers/customer.types.js';
import { toCustomerNode } from '../customers/customer.service.js';
import { amountFenOrError } from '../purchases/amount.js';
import { localIdOrError } from '../ledger/account-ref.js';
import {
  RecoveryDocument,
  RecoveryRequest,
  RecoveryTransition,
  RestorationStage,
} from './recovery-request.entity.js';
import {
  AddRecoveryDocumentsInput,
  DecideRecoveryRequestInput,
  FileRecoveryRequestInput,
  RecoveryDocumentNode,
  RecoveryRequestNode,
  RecoveryRequestPayload,
  RecoveryTransitionNode,
  RestorationStageNode,
  toRecoveryNode,
} from './recovery.types.js';

const RecoveryRequestConnection = Connection(RecoveryRequestNode, 'RecoveryRequest');

@ArgsType()
class PageArgs {
  @Field(() => Int, { description: 'How many items to return: 1 to 100.' }) first!: number;
  @Field(() => String, {
    description: "Return the items after this cursor (the previous page's endCursor).",
    nullable: true,
  })
  after?: string | null;
}

registerNodeType('RecoveryRequest', async (ctx, id) => {
  if (ctx.viewer.kind !== 'agent') return null;
  const r = await ctx.em.findOne(RecoveryRequest, { id });
  return r ? toRecoveryNode(r) : null;
});

async function payload(
  ctx: GraphQLContext,
  r: Outcome<{ requestId: string }>,
): Promise<RecoveryRequestPayload> {
  if (!r.ok) return { recoveryRequest: null, userErrors: r.errors };
  const row = await ctx.em.fork().findOne(RecoveryRequest, { id: r.value.requestId });
  return { recoveryRequest: row ? toRecoveryNode(row) : null, userErrors: [] };
}

@Resolver(() => RecoveryRequestNode)
export class RecoveryResolver {
  @Authorized(Role.AGENT)
  @Mutation(() => RecoveryRequestPayload, {
    description: 'File a recovery request for a customer; it is reviewed automatically at once.',
  })
  async fileRecoveryRequest(
    @Arg('input', () => FileRecoveryRequestInput, { description: 'What to file recovery request.' })
    input: FileRecoveryRequestInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RecoveryRequestPayload> {
    const customer = localIdOrError(input.customerId, 'Customer', 'customerId');
    if (!customer.ok) return { recoveryRequest: null, userErrors: customer.errors };
    let requested: number | null = null;
    if (input.requestedLimit != null) {
      const fen = amountFenOrError(input.requestedLimit, 'requestedLimit', 100_000_000);
      if (!fen.ok) return { recoveryRequest: null, userErrors: fen.errors };
      requested = fen.value;
    }
    return payload(
      ctx,
      await ctx.services.recovery.file(ctx.em, ctx.viewer, {
        customerId: customer.value,
        type: input.type,
        reason: input.reason,
        requestedLimitFen: requested,
        documents: input.documents ?? [],
      }),
    );
  }

  @Authorized(Role.AGENT)
  @Mutation(() => RecoveryRequestPayload, {
    description: 'Attach documents; a request waiting for documents goes back to review.',
  })
  async addRecoveryDocuments(
    @Arg('input', () => AddRecoveryDocumentsInput, {
      description: 'What to add recovery documents.',
    })
    input: AddRecoveryDocumentsInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RecoveryRequestPayload> {
    const id = localIdOrError(input.requestId, 'RecoveryRequest', 'requestId');
    if (!id.ok) return { recoveryRequest: null, userErrors: id.errors };
    return payload(
      ctx,
      await ctx.services.recovery.addDocuments(ctx.em, ctx.viewer, id.value, input.documents),
    );
  }

  @Authorized(Role.SUPERVISOR)
  @Mutation(() => RecoveryRequestPayload, {
    description: 'Approve a request under review: unfreeze and/or restore (in stages).',
  })
  async approveRecoveryRequest(
    @Arg('input', () => DecideRecoveryRequestInput, {
      description: 'What to approve recovery request.',
    })
    input: DecideRecoveryRequestInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RecoveryRequestPayload> {
    const id = localIdOrError(input.requestId, 'RecoveryRequest', 'requestId');
    if (!id.ok) return { recoveryRequest: null, userErrors: id.errors };
    return payload(
      ctx,
      await ctx.services.recovery.approve(ctx.em, ctx.viewer, id.value, input.reason),
    );
  }

  @Authorized(Role.SUPERVISOR)
  @Mutation(() => RecoveryRequestPayload, {
    description: 'Reject a request under review or waiting for documents.',
  })
  async rejectRecoveryRequest(
    @Arg('input', () => DecideRecoveryRequestInput, {
      description: 'What to reject recovery request.',
    })
    input: DecideRecoveryRequestInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RecoveryRequestPayload> {
    const id = localIdOrError(input.requestId, 'RecoveryRequest', 'requestId');
    if (!id.ok) return { recoveryRequest: null, userErrors: id.errors };
    return payload(
      ctx,
      await ctx.services.recovery.reject(ctx.em, ctx.viewer, id.value, input.reason),
    );
  }

  @Authorized(Role.SUPERVISOR)
  @Query(() => RecoveryRequestConnection, {
    description: 'Requests waiting for a supervisor (under review), oldest first.',
  })
  async recoveryQueue(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: GraphQLContext) {
    const { page, after } = readIdPage(args);
    const where = { status: 'UNDER_REVIEW' as const };
    const rows = await ctx.em.find(
      RecoveryRequest,
      { ...where, ...(after ? { id: { $gt: after } } : {}) },
      { orderBy: { id: 'asc' }, limit: page.size + 1 },
    );
    return toConnection(
      rows,
      page,
      (r) => [r.id],
      toRecoveryNode,
      await ctx.em.count(RecoveryRequest, where),
    );
  }

  @FieldResolver(() => CustomerNode, { description: 'Whose request it is.' })
  async customer(
    @Root() r: RecoveryRequestNode,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CustomerNode> {
    const c = await ctx.loaders.customer(r.customerLocalId);
    if (!c) throw new Error(`customer of recovery request ${r.localId} is missing`);
    return toCustomerNode(c);
  }

  @FieldResolver(() => [RecoveryTransitionNode], {
    description: 'Every state change, oldest first.',
  })
  async transitions(
    @Root() r: RecoveryRequestNode,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RecoveryTransitionNode[]> {
    const rows = await ctx.loaders
      .get<(RecoveryTransition & { username?: string | null })[]>(
        'recoveryTransitions',
        async (ids, em) => {
          const list = await em.find(
            RecoveryTransition,
            { requestId: { $in: [...ids] } },
            { orderBy: { id: 'asc' } },
          );
          const agentIds = [
            ...new Set(list.map((t) => t.agentId).filter((x): x is string => Boolean(x))),
          ];
          const names = agentIds.length
            ? await em.execute<{ id: string; username: string }[]>(
                `select id::text as id, username from agents where id in (${agentIds.map(() => '?').join(',')})`,
                agentIds,
              )
            : [];
          const byId = new Map(names.map((n) => [n.id, n.username]));
          return groupByKey(
            list.map((t) =>
              Object.assign(t, {
                username: t.agentId ? (byId.get(String(t.agentId)) ?? `agent ${t.agentId}`) : null,
              }),
            ),
            ids,
            (t) => t.requestId,
          );
        },
      )
      .load(r.localId);
    return (rows ?? []).map((t) =>
      Object.assign(new RecoveryTransitionNode(), {
        fromStatus: t.fromStatus ?? null,
        toStatus: t.toStatus,
        actor: t.actorType === 'SYSTEM' ? 'SYSTEM' : (t.username ?? 'AGENT'),
        reason: t.reason,
        createdAt: t.createdAt,
      }),
    );
  }

  @FieldResolver(() => [RecoveryDocumentNode], { description: 'Documents the customer supplied.' })
  async documents(
    @Root() r: RecoveryRequestNode,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RecoveryDocumentNode[]> {
    const rows = await ctx.loaders
      .get<RecoveryDocument[]>('recoveryDocuments', (ids, em) =>
        groupByKey(
          em.find(RecoveryDocument, { requestId: { $in: [...ids] } }, { orderBy: { id: 'asc' } }),
          ids,
          (d) => d.requestId,
        ),
      )
      .load(r.localId);
    return (rows ?? []).map((d) =>
      Object.assign(new RecoveryDocumentNode(), {
        kind: d.kind,
        fileName: d.fileName,
        contentType: d.contentType,
        sizeBytes: d.sizeBytes,
        uploadedAt: d.uploadedAt,
      }),
    );
  }

  @FieldResolver(() => [RestorationStageNode], {
    description: 'The stages of a staged restoration, when approved in stages.',
  })
  async stages(
    @Root() r: RecoveryRequestNode,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RestorationStageNode[]> {
    const rows = await ctx.em.find(
      RestorationStage,
      { requestId: r.localId },
      { orderBy: { seq: 'asc' } },
    );
    return rows.map((s) =>
      Object.assign(new RestorationStageNode(), {
        seq: s.seq,
        amount: money(s.amountFen),
        onTimeRepaymentsRequired: s.onTimeRepaymentsRequired,
        status: s.status,
        appliedAt: s.appliedAt ?? null,
      }),
    );
  }
}

/** Customer.recoveryRequests: newest first (staff only). */
@Resolver(() => CustomerNode)
export class CustomerRecoveryResolver {
  @Authorized(Role.AGENT)
  @FieldResolver(() => RecoveryRequestConnection, {
    description: 'Recovery requests for this customer, newest first.',
  })
  async recoveryRequests(
    @Root() customer: CustomerNode,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    const { page, after } = readIdPage(args);
    const rows = await ctx.em.find(
      RecoveryRequest,
      { customerId: customer.localId, ...(after ? { id: { $lt: after } } : {}) },
      { orderBy: { id: 'desc' }, limit: page.size + 1 },
    );
    return toConnection(
      rows,
      page,
      (r) => [r.id],
      toRecoveryNode,
      () => ctx.em.count(RecoveryRequest, { customerId: customer.localId }),
    );
  }
}
