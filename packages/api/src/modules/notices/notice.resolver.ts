import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { userError, type Outcome } from '../../graphql/errors.js';
import { Connection, IdPageArgs, localIdOf } from '../../graphql/relay.js';
import { pageById } from '../../graphql/paged-query.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { Role, isStaff } from '../auth/viewer.js';
import { CreditAccountNode } from '../accounts/account.types.js';
import {
  AcknowledgeNoticeInput,
  Locale,
  NoticeNode,
  NoticePayload,
  NoticeWordsNode,
  SendNoticeInput,
  engineLocale,
  toNoticeNode,
} from '../decisions/decision.types.js';
import { Notice } from './notice.entity.js';
import { noticeWords } from './notice-texts.js';
import { makePayload, type PayloadCode } from '../../graphql/payload.js';

const NoticeConnection = Connection(NoticeNode, 'Notice');

registerNodeType('Notice', async (ctx, id) => {
  if (!isStaff(ctx.viewer)) return null;
  const n = await ctx.em.findOne(Notice, { id });
  return n ? toNoticeNode(n) : null;
});

/** The notices sent to a credit account's customer. */
@Resolver(() => CreditAccountNode)
export class AccountNoticesResolver {
  @Authorized(Role.AGENT)
  @FieldResolver(() => NoticeConnection, { description: 'Notices to the customer, newest first.' })
  async notices(
    @Root() account: CreditAccountNode,
    @Args(() => IdPageArgs) args: IdPageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    return pageById(ctx.em, Notice, { customerId: account.entity.customerId }, args, toNoticeNode);
  }
}

/** The words of a notice, rendered from its kind and payload in the asked locale. */
@Resolver(() => NoticeNode)
export class NoticeTextResolver {
  @Authorized(Role.AGENT)
  @FieldResolver(() => NoticeWordsNode, {
    description:
      'The notice in one language, in parts: a title, what happened, what it means, what to do.',
  })
  words(
    @Root() notice: NoticeNode,
    @Arg('locale', () => Locale, { description: 'The language of the text.' }) locale: Locale,
  ): NoticeWordsNode {
    return Object.assign(
      new NoticeWordsNode(),
      noticeWords(notice.kind, notice.payload, engineLocale(locale)),
    );
  }
}

const service = (ctx: GraphQLContext) => ctx.services.decisions;

/** Sending and acknowledging notices (staff). */
@Resolver()
export class NoticeMutationResolver {
  @Authorized(Role.AGENT)
  @Mutation(() => NoticePayload, { description: 'Send a notice to a customer (staff).' })
  async sendNotice(
    @Arg('input', () => SendNoticeInput, { description: 'What to send notice.' })
    input: SendNoticeInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    const id = localIdOf(input.customerId, 'Customer');
    if (!id)
      return makePayload(NoticePayload, {
        userErrors: [userError('INVALID_ID', 'customerId is not a Customer id.', 'customerId')],
      });
    const r = await service(ctx).sendNotice(ctx.em, ctx.viewer, {
      customerId: id,
      kind: input.kind,
      channel: input.channel,
      message: input.message,
    });
    return noticePayload(ctx, r);
  }

  @Authorized(Role.AGENT)
  @Mutation(() => NoticePayload, { description: 'Mark a notice acknowledged (idempotent).' })
  async acknowledgeNotice(
    @Arg('input', () => AcknowledgeNoticeInput, { description: 'What to acknowledge notice.' })
    input: AcknowledgeNoticeInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    const id = localIdOf(input.noticeId, 'Notice');
    if (!id)
      return makePayload(NoticePayload, {
        userErrors: [userError('INVALID_ID', 'noticeId is not a Notice id.', 'noticeId')],
      });
    return noticePayload(ctx, await service(ctx).acknowledgeNotice(ctx.em, ctx.viewer, id));
  }
}

async function noticePayload(
  ctx: GraphQLContext,
  r: Outcome<{ noticeId: string }, PayloadCode<'Notice'>>,
): Promise<NoticePayload> {
  if (!r.ok) return makePayload(NoticePayload, { userErrors: r.errors });
  ctx.em.clear();
  const n = await ctx.em.findOne(Notice, { id: r.value.noticeId });
  return makePayload(NoticePayload, { notice: n ? toNoticeNode(n) : null, userErrors: [] });
}
