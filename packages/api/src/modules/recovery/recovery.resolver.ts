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
import { Connection } from '../../graphql/relay.js';
import { pageById } from '../../graphql/paged-query.js';
import { groupByKey } from '../../graphql/loaders.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { Role } from '../auth/viewer.js';
import { CustomerNode } from '../customers/customer.types.js';
import { toCustomerNode } from '../customers/customer.service.js';
import { amountFenOrError } from '../purchases/amount.js';
import { localIdOrError, withLocalId } from '../ledger/account-ref.js';
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
  QueueAssignmentEnum,
  RecoveryTypeEnum,
  TakeRecoveryRequestInput,
  recoveryReasons,
  toRecoveryNode,
} from './recovery.types.js';
import type { FilterQuery } from '@mikro-orm/core';
import { GraphQLDateTime } from 'graphql-scalars';
import { Money } from '../../graphql/money.js';
import { DecisionReason } from '../../graphql/decision-reason.js';
import { AccountStatusEnum, CreditAccountNode } from '../accounts/account.types.js';
import { Locale, engineLocale } from '../decisions/decision.types.js';
import { stagesFor } from '../plans/pricing.js';
import { transitionReasonText } from '../timeline/texts.js';
import { OPEN as OPEN_STATUSES } from './recovery.service.js';
import { payloadOf, type PayloadCode } from '../../graphql/payload.js';

const RecoveryRequestConnection = Connection(RecoveryRequestNode, 'RecoveryRequest');

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

@ArgsType()
class QueueArgs extends PageArgs {
  @Field(() => RecoveryTypeEnum, {
    nullable: true,
    description: 'Only this type; all when omitted.',
  })
  type?: RecoveryTypeEnum | null;
  @Field(() => QueueAssignmentEnum, {
    defaultValue: QueueAssignmentEnum.ALL,
    description: 'Whose requests: all, mine, or nobody’s yet.',
  })
  assignment!: QueueAssignmentEnum;
}

/** A request waiting for a supervisor should be decided within this many hours of filing (the queue's colours). */
export const REVIEW_DUE_HOURS = 24;

const toFenOf = (m: Money): number => {
  const [y, f = ''] = m.amount.replace('-', '').split('.');
  const v = Number(y) * 100 + Number(f.padEnd(2, '0').slice(0, 2));
  return m.amount.startsWith('-') ? -v : v;
};

registerNodeType('RecoveryRequest', async (ctx, id) => {
  if (ctx.viewer.kind !== 'agent') return null;
  const r = await ctx.em.findOne(RecoveryRequest, { id });
  return r ? toRecoveryNode(r) : null;
});

const payload = (
  ctx: GraphQLContext,
  r: Outcome<{ requestId: string }, PayloadCode<'RecoveryRequest'>>,
): Promise<RecoveryRequestPayload> =>
  payloadOf(r, { recoveryRequest: null }, async ({ requestId }) => {
    const row = await ctx.em.fork().findOne(RecoveryRequest, { id: requestId });
    return { recoveryRequest: row ? toRecoveryNode(row) : null };
  });

/** The payload of a step on one request: its global id read, then `step` with the local id. */
const payloadFor = async (
  ctx: GraphQLContext,
  requestId: string,
  step: (id: string) => Promise<Outcome<{ requestId: string }, PayloadCode<'RecoveryRequest'>>>,
) => payload(ctx, await withLocalId(requestId, 'RecoveryRequest', 'requestId', step));

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
    if (!customer.ok) return payload(ctx, customer);
    let requested: number | null = null;
    if (input.requestedLimit != null) {
      const fen = amountFenOrError(input.requestedLimit, 'requestedLimit', 100_000_000);
      if (!fen.ok) return payload(ctx, fen);
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
    return payloadFor(ctx, input.requestId, (id) =>
      ctx.services.recovery.addDocuments(ctx.em, ctx.viewer, id, input.documents),
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
    return payloadFor(ctx, input.requestId, (id) =>
      ctx.services.recovery.approve(ctx.em, ctx.viewer, id, input.reason),
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
    return payloadFor(ctx, input.requestId, (id) =>
      ctx.services.recovery.reject(ctx.em, ctx.viewer, id, input.reason),
    );
  }

  @Authorized(Role.SUPERVISOR)
  @Mutation(() => RecoveryRequestPayload, {
    description:
      'Take a request from the queue (assign it to me); refused when another supervisor has it or it was decided.',
  })
  async takeRecoveryRequest(
    @Arg('input', () => TakeRecoveryRequestInput, { description: 'The request to take.' })
    input: TakeRecoveryRequestInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RecoveryRequestPayload> {
    return payloadFor(ctx, input.requestId, (id) =>
      ctx.services.recovery.take(ctx.em, ctx.viewer, id),
    );
  }

  @Authorized(Role.SUPERVISOR)
  @Query(() => RecoveryRequestConnection, {
    description:
      'Requests waiting for a supervisor (under review), oldest first; totalCount counts all that match the filters.',
  })
  async recoveryQueue(@Args(() => QueueArgs) args: QueueArgs, @Ctx() ctx: GraphQLContext) {
    const where: FilterQuery<RecoveryRequest> = { status: 'UNDER_REVIEW' };
    if (args.type) where.type = args.type;
    if (args.assignment === QueueAssignmentEnum.MINE)
      where.assignedAgentId = ctx.viewer.kind === 'agent' ? ctx.viewer.id : '0';
    if (args.assignment === QueueAssignmentEnum.UNASSIGNED) where.assignedAgentId = null;
    return pageById(ctx.em, RecoveryRequest, where, args, toRecoveryNode, { newestFirst: false });
  }

  @FieldResolver(() => [DecisionReason], {
    description:
      "The automatic review's reasons, in words in the locale (English when none is given).",
  })
  reasons(
    @Root() r: RecoveryRequestNode,
    @Arg('locale', () => Locale, {
      defaultValue: Locale.EN,
      description: 'The language of the text (English when none is given).',
    })
    locale: Locale,
  ): DecisionReason[] {
    return recoveryReasons(r.reasonCodes, engineLocale(locale));
  }

  @FieldResolver(() => Money, { description: "The account's base limit now." })
  async currentLimit(@Root() r: RecoveryRequestNode, @Ctx() ctx: GraphQLContext): Promise<Money> {
    const a = await ctx.loaders.accountByCustomer(r.customerLocalId);
    return money(a ? Number(a.baseLimitFen) : 0);
  }

  @FieldResolver(() => AccountStatusEnum, { description: "The account's status now." })
  async accountStatus(@Root() r: RecoveryRequestNode, @Ctx() ctx: GraphQLContext): Promise<string> {
    const a = await ctx.loaders.accountByCustomer(r.customerLocalId);
    return a?.status ?? 'CLOSED';
  }

  @FieldResolver(() => [RestorationStageNode], {
    description:
      'The staged plan: once approved, the stages as applied or pending; before, the stages an approval would create now (status PLANNED) from the current limit to the target.',
  })
  async plan(
    @Root() r: RecoveryRequestNode,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RestorationStageNode[]> {
    const real = await this.stages(r, ctx);
    if (real.length || !['SUBMITTED', 'UNDER_REVIEW', 'NEEDS_DOCUMENTS'].includes(r.status))
      return real;
    const a = await ctx.loaders.accountByCustomer(r.customerLocalId);
    const target = r.targetLimit ? toFenOf(r.targetLimit) : null;
    if (!a || target == null) return [];
    return stagesFor(Math.max(0, target - Number(a.baseLimitFen)))
      .filter((x) => x.amountFen > 0)
      .map((x) =>
        Object.assign(new RestorationStageNode(), {
          seq: x.seq,
          amount: money(x.amountFen),
          onTimeRepaymentsRequired: x.onTimeRepaymentsRequired,
          status: 'PLANNED',
          appliedAt: null,
        }),
      );
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The display name of the supervisor who took the request; null when nobody has.',
  })
  async assignedTo(
    @Root() r: RecoveryRequestNode,
    @Ctx() ctx: GraphQLContext,
  ): Promise<string | null> {
    if (!r.assignedAgentId) return null;
    const [g] = await ctx.em.execute<{ display_name: string }[]>(
      `select display_name from agents where id = ?`,
      [r.assignedAgentId],
    );
    return g?.display_name ?? null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether I (the viewer) have taken it.' })
  assignedToMe(@Root() r: RecoveryRequestNode, @Ctx() ctx: GraphQLContext): boolean {
    return ctx.viewer.kind === 'agent' && r.assignedAgentId === String(ctx.viewer.id);
  }

  @FieldResolver(() => GraphQLDateTime, {
    description: `When a supervisor should have decided it: filed + ${REVIEW_DUE_HOURS} hours.`,
  })
  dueAt(@Root() r: RecoveryRequestNode): Date {
    return new Date(r.createdAt.getTime() + REVIEW_DUE_HOURS * 3_600_000);
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
      .get<(RecoveryTransition & { username?: string | null; displayName?: string | null })[]>(
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
            ? await em.execute<{ id: string; username: string; display_name: string }[]>(
                `select id::text as id, username, display_name from agents where id in (${agentIds.map(() => '?').join(',')})`,
                agentIds,
              )
            : [];
          const byId = new Map(names.map((n) => [n.id, n.username]));
          const displayById = new Map(names.map((n) => [n.id, n.display_name]));
          return groupByKey(
            list.map((t) =>
              Object.assign(t, {
                username: t.agentId ? (byId.get(String(t.agentId)) ?? `agent ${t.agentId}`) : null,
                displayName: t.agentId ? (displayById.get(String(t.agentId)) ?? null) : null,
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
        actorType: t.actorType,
        actorName: t.actorType === 'SYSTEM' ? null : (t.displayName ?? null),
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
    return pageById(
      ctx.em,
      RecoveryRequest,
      { customerId: customer.localId },
      args,
      toRecoveryNode,
    );
  }
}

@Resolver(() => RecoveryTransitionNode)
export class RecoveryTransitionResolver {
  @FieldResolver(() => String, {
    description:
      "The reason in words in the locale: the system's own sentences translated, an agent's words as typed.",
  })
  reasonText(
    @Root() t: RecoveryTransitionNode,
    @Arg('locale', () => Locale, { description: 'The language of the text.' }) locale: Locale,
  ): string {
    return transitionReasonText(t.reason, t.actorType, engineLocale(locale));
  }
}

@Resolver(() => CreditAccountNode)
export class AccountRecoveryResolver {
  @Authorized(Role.AGENT)
  @FieldResolver(() => [RecoveryTypeEnum], {
    description:
      'The recovery request types that can be filed for this account now: UNFREEZE only when frozen, RESTORE_REDUCTION only after a reduction, INCREASE unless closed; never a type that already has an open request (staff only).',
  })
  async recoveryTypesOffered(
    @Root() account: CreditAccountNode,
    @Ctx() ctx: GraphQLContext,
  ): Promise<string[]> {
    const a = account.entity;
    if (a.status === 'CLOSED') return [];
    const [r] = await ctx.em.execute<{ previous: string | null }[]>(
      `select max(base_limit_before_fen)::text as previous from limit_decisions
        where account_id = ? and base_limit_after_fen < base_limit_before_fen`,
      [a.id],
    );
    // Filing a type that is already open is refused (RECOVERY_REQUEST_OPEN): do not offer it.
    const open = new Set(
      (
        await ctx.em.execute<{ type: string }[]>(
          `select distinct type from recovery_requests where account_id = ? and status in (${OPEN_STATUSES.map(() => '?').join(',')})`,
          [a.id, ...OPEN_STATUSES],
        )
      ).map((x) => x.type),
    );
    const out: string[] = [];
    if (a.status === 'FROZEN') out.push('UNFREEZE');
    if (r?.previous && Number(r.previous) > Number(a.baseLimitFen)) out.push('RESTORE_REDUCTION');
    out.push('INCREASE');
    return out.filter((t) => !open.has(t));
  }
}
