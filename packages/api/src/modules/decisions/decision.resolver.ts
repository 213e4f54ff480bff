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
  Resolver,
  Root,
} from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { badUserInput, userError } from '../../graphql/errors.js';
import { money, parseYuanToFen, Money } from '../../graphql/money.js';
import { Connection, fromGlobalId, readIdPage, toConnection } from '../../graphql/relay.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { DecisionReason } from '../../graphql/decision-reason.js';
import { Role, scope, isStaff, canReadLimits } from '../auth/viewer.js';
import { CreditAccountNode } from '../accounts/account.types.js';
import { toAccountNode } from '../accounts/account.service.js';
import { CategoryLimit, CreditAccount } from '../accounts/credit-account.entity.js';
import type { ActiveTemporaryLimit } from '../accounts/account.reads.js';
import { CustomerNode } from '../customers/customer.types.js';
import { Notice } from '../notices/notice.entity.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { groupByKey } from '../../graphql/loaders.js';
import { noticeWords } from '../notices/notice-texts.js';
import { loadPromotionNode } from '../promotions/promotion.resolver.js';
import { LimitDecision } from './limit-decision.entity.js';
import type { DecisionService } from './decision.service.js';
import { explainDecision, limitImprovements, repaymentHint } from './scoring-adapter.js';
import {
  AccountReasonInput,
  AcknowledgeNoticeInput,
  AuditEntryNode,
  CategoryLimitNode,
  CreatePromotionInput,
  CreatePromotionPayload,
  LimitDecisionNode,
  LimitDecisionPayload,
  LimitExplanationNode,
  LimitImprovementNode,
  Locale,
  NoticeNode,
  NoticePayload,
  NoticeWordsNode,
  RequestLimitReviewInput,
  RevealCustomerPiiInput,
  RevealCustomerPiiPayload,
  SendNoticeInput,
  TemporaryLimitNode,
  engineLocale,
  toAuditNode,
  toCategoryLimitNode,
  decisionReasons,
  toDecisionNode,
  toNoticeNode,
  toTemporaryLimitNode,
} from './decision.types.js';

const LimitDecisionConnection = Connection(LimitDecisionNode, 'LimitDecision');
const NoticeConnection = Connection(NoticeNode, 'Notice');
const AuditEntryConnection = Connection(AuditEntryNode, 'AuditEntry');

/** Staff, or a partner app allowed to read limits. */
const LIMIT_READERS = [Role.AGENT, scope('limits:read')];

@ArgsType()
class PageArgs {
  @Field(() => Int) first!: number;
  @Field(() => String, { nullable: true }) after?: string | null;
}
const pageOf = (args: PageArgs) => readIdPage(args);

/** The local id of a global id of the given type, or undefined (for userErrors). */
function localId(globalId: string, type: string): string | undefined {
  const p = fromGlobalId(globalId);
  return p && p.type === type ? p.id : undefined;
}

// ---- per-request loaders (one statement per field per page) ----
const loaders = {
  latestDecision: (ctx: GraphQLContext, accountId: string) => ctx.loaders.latestDecision(accountId),
  temporaryLimits: (ctx: GraphQLContext, accountId: string) =>
    ctx.loaders.activeTemporaryLimits(accountId),
  categoryLimits: (ctx: GraphQLContext, accountId: string) =>
    ctx.loaders
      .get<CategoryLimit[]>('categoryLimits', (ids, em) =>
        groupByKey(
          em.find(
            CategoryLimit,
            { accountId: { $in: [...ids] } },
            { orderBy: { category: 'asc' } },
          ),
          ids,
          (c) => c.accountId,
        ),
      )
      .load(accountId),
};

registerNodeType(
  'CreditAccount',
  async (ctx, id) => {
    if (!canReadLimits(ctx.viewer)) return null;
    const a = await ctx.loaders.account(id);
    return a ? toAccountNode(a) : null;
  },
  (a) => a.entity.customerId,
);
registerNodeType('LimitDecision', async (ctx, id) => {
  if (!isStaff(ctx.viewer)) return null;
  const d = await ctx.em.findOne(LimitDecision, { id });
  return d ? toDecisionNode(d) : null;
});
registerNodeType('Notice', async (ctx, id) => {
  if (!isStaff(ctx.viewer)) return null;
  const n = await ctx.em.findOne(Notice, { id });
  return n ? toNoticeNode(n) : null;
});

function generalAvailableFen(
  a: CreditAccount,
  temps: ActiveTemporaryLimit[],
  category?: string,
): number {
  if (a.status !== 'ACTIVE') return 0;
  const temp = temps
    .filter((t) => t.category == null || (category !== undefined && t.category === category))
    .reduce((s, t) => s + Number(t.amountFen), 0);
  return Math.max(
    0,
    Number(a.baseLimitFen) +
      temp -
      Number(a.usedFen ?? Number(a.outstandingPrincipalFen) + Number(a.heldFen)),
  );
}

/** Limits, decisions, explanations and notices of a credit account. */
@Resolver(() => CreditAccountNode)
export class AccountLimitsResolver {
  @Authorized(...LIMIT_READERS)
  @FieldResolver(() => [TemporaryLimitNode], { description: 'Temporary limits active now.' })
  async temporaryLimits(@Root() account: CreditAccountNode, @Ctx() ctx: GraphQLContext) {
    return ((await loaders.temporaryLimits(ctx, account.entity.id)) ?? []).map(
      toTemporaryLimitNode,
    );
  }

  @Authorized(...LIMIT_READERS)
  @FieldResolver(() => [CategoryLimitNode], { description: '专项额度 by category.' })
  async categoryLimits(@Root() account: CreditAccountNode, @Ctx() ctx: GraphQLContext) {
    return ((await loaders.categoryLimits(ctx, account.entity.id)) ?? []).map(toCategoryLimitNode);
  }

  @Authorized(...LIMIT_READERS)
  @FieldResolver(() => Money, {
    description:
      '可用额度: base + active temporary limits without a category − used; 0 unless ACTIVE; never below 0.',
  })
  async availableLimit(
    @Root() account: CreditAccountNode,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Money> {
    return money(
      generalAvailableFen(
        account.entity,
        (await loaders.temporaryLimits(ctx, account.entity.id)) ?? [],
      ),
    );
  }

  @Authorized(...LIMIT_READERS)
  @FieldResolver(() => Money, {
    description:
      'Available for a purchase in this category: adds temporary limits for it, and is capped by its category limit when it has one.',
  })
  async availableLimitFor(
    @Root() account: CreditAccountNode,
    @Arg('category', () => String) category: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Money> {
    if (!category.trim() || category.length > 50)
      throw badUserInput('category is 1 to 50 characters.', 'category');
    const [temps, cats] = await Promise.all([
      loaders.temporaryLimits(ctx, account.entity.id),
      loaders.categoryLimits(ctx, account.entity.id),
    ]);
    let fen = generalAvailableFen(account.entity, temps ?? [], category);
    const cl = (cats ?? []).find((c) => c.category === category);
    if (cl) fen = Math.min(fen, Math.max(0, Number(cl.limitFen) - Number(cl.usedFen)));
    return money(fen);
  }

  @Authorized(Role.AGENT)
  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Score of the latest review (staff only).',
  })
  score(@Root() account: CreditAccountNode): number | null {
    return account.entity.score ?? null;
  }

  @Authorized(Role.AGENT)
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Grade A–E of the latest review (staff only).',
  })
  grade(@Root() account: CreditAccountNode): string | null {
    return account.entity.grade ?? null;
  }

  @Authorized(Role.AGENT)
  @FieldResolver(() => LimitDecisionConnection, { description: 'Decisions, newest first.' })
  async decisions(
    @Root() account: CreditAccountNode,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    const { page, after } = pageOf(args);
    const rows = await ctx.em.find(
      LimitDecision,
      { accountId: account.entity.id, ...(after ? { id: { $lt: after } } : {}) },
      { orderBy: { id: 'desc' }, limit: page.size + 1 },
    );
    return toConnection(rows, page, (r) => [r.id], toDecisionNode);
  }

  @Authorized(Role.AGENT)
  @FieldResolver(() => LimitDecisionNode, { nullable: true })
  async latestDecision(@Root() account: CreditAccountNode, @Ctx() ctx: GraphQLContext) {
    const d = await loaders.latestDecision(ctx, account.entity.id);
    return d ? toDecisionNode(d) : null;
  }

  @Authorized(Role.AGENT)
  @FieldResolver(() => LimitExplanationNode, {
    nullable: true,
    description:
      "The latest decision in words, what to pay first when frozen or overdue, and what would raise the limit (computed with the customer's own income band); null before any decision.",
  })
  async explanation(
    @Root() account: CreditAccountNode,
    @Arg('locale', () => Locale) locale: Locale,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LimitExplanationNode | null> {
    const d = await loaders.latestDecision(ctx, account.entity.id);
    if (!d) return null;
    const loc = engineLocale(locale);
    const [customer, owed] = await Promise.all([
      ctx.loaders.customer(account.entity.customerId),
      overdueOf(ctx, account.entity.id),
    ]);
    const features = d.features && Object.keys(d.features).length ? d.features : null;
    const improvements = features
      ? limitImprovements(
          features,
          {
            grade: d.grade ?? null,
            // the customer's own band: the decision's features do not carry it
            incomeBand: customer?.incomeBand ?? String(features.income_band ?? 'MID'),
            currentLimitFen: Number(account.entity.baseLimitFen),
          },
          loc,
        ).map((i) =>
          Object.assign(new LimitImprovementNode(), {
            feature: i.feature,
            text: i.text,
            pointsGain: i.pointsGain,
            limitEffect: i.limitEffectFen != null ? money(i.limitEffectFen) : null,
          }),
        )
      : [];
    return Object.assign(explainStored(d, loc), {
      improvements,
      repaymentHint: repaymentHint(
        {
          status: account.entity.status,
          overdueFen: owed.overdueFen,
          oldestOverdueDueDate: owed.oldestDueDate,
          asOf: new Date(),
        },
        loc,
      ),
    });
  }

  @Authorized(Role.AGENT)
  @FieldResolver(() => NoticeConnection, { description: 'Notices to the customer, newest first.' })
  async notices(
    @Root() account: CreditAccountNode,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    const { page, after } = pageOf(args);
    const rows = await ctx.em.find(
      Notice,
      { customerId: account.entity.customerId, ...(after ? { id: { $lt: after } } : {}) },
      { orderBy: { id: 'desc' }, limit: page.size + 1 },
    );
    return toConnection(rows, page, (r) => [r.id], toNoticeNode);
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
  words(@Root() notice: NoticeNode, @Arg('locale', () => Locale) locale: Locale): NoticeWordsNode {
    return Object.assign(
      new NoticeWordsNode(),
      noticeWords(notice.kind, notice.payload, engineLocale(locale)),
    );
  }
}

@Resolver(() => CustomerNode)
export class CustomerAuditResolver {
  @Authorized(Role.AGENT)
  @FieldResolver(() => AuditEntryConnection, {
    description: 'Audit log entries about this customer, newest first (staff only).',
  })
  async auditTrail(
    @Root() customer: CustomerNode,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    const { page, after } = pageOf(args);
    const rows = await ctx.em.find(
      AuditEntry,
      { customerId: customer.localId, ...(after ? { id: { $lt: after } } : {}) },
      { orderBy: { id: 'desc' }, limit: page.size + 1 },
    );
    return toConnection(rows, page, (r) => [r.id], toAuditNode);
  }
}

const service = (ctx: GraphQLContext) => ctx.services.decisions;

async function decisionPayload(
  ctx: GraphQLContext,
  r: Awaited<ReturnType<DecisionService['setFrozen']>>,
): Promise<LimitDecisionPayload> {
  if (!r.ok) return Object.assign(new LimitDecisionPayload(), { userErrors: r.errors });
  ctx.em.clear();
  const [a, d] = await Promise.all([
    ctx.em.findOne(CreditAccount, { id: r.value.accountId }),
    ctx.em.findOne(LimitDecision, { id: r.value.decisionId }),
  ]);
  return Object.assign(new LimitDecisionPayload(), {
    account: a ? toAccountNode(a) : null,
    decision: d ? toDecisionNode(d) : null,
    userErrors: [],
  });
}

const accountIdError = () =>
  Object.assign(new LimitDecisionPayload(), {
    userErrors: [userError('INVALID_ID', 'accountId is not a CreditAccount id.', 'accountId')],
  });

@Resolver()
export class DecisionMutationResolver {
  @Authorized(Role.AGENT)
  @Mutation(() => LimitDecisionPayload, {
    description:
      "A triggered review now: scores the customer's behaviour and stores a TRIGGERED_REVIEW decision (staff; reason required). Refused with REVIEW_COOLDOWN while nothing new is known since the last review (policy cooldown), and never cuts twice on the same data.",
  })
  async requestLimitReview(
    @Arg('input', () => RequestLimitReviewInput) input: RequestLimitReviewInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    const id = localId(input.accountId, 'CreditAccount');
    if (!id) return accountIdError();
    return decisionPayload(
      ctx,
      await service(ctx).requestLimitReview(ctx.em, ctx.viewer, id, input.reason),
    );
  }

  @Authorized(Role.SUPERVISOR)
  @Mutation(() => LimitDecisionPayload, {
    description: 'Freeze an ACTIVE account (supervisor, reason required).',
  })
  async freezeAccount(
    @Arg('input', () => AccountReasonInput) input: AccountReasonInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    const id = localId(input.accountId, 'CreditAccount');
    if (!id) return accountIdError();
    return decisionPayload(
      ctx,
      await service(ctx).setFrozen(ctx.em, ctx.viewer, id, true, input.reason),
    );
  }

  @Authorized(Role.SUPERVISOR)
  @Mutation(() => LimitDecisionPayload, {
    description: 'Unfreeze a FROZEN account (supervisor, reason required).',
  })
  async unfreezeAccount(
    @Arg('input', () => AccountReasonInput) input: AccountReasonInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    const id = localId(input.accountId, 'CreditAccount');
    if (!id) return accountIdError();
    return decisionPayload(
      ctx,
      await service(ctx).setFrozen(ctx.em, ctx.viewer, id, false, input.reason),
    );
  }

  @Authorized(Role.RISK_ADMIN)
  @Mutation(() => CreatePromotionPayload, {
    description: 'A campaign granting temporary limits to eligible ACTIVE accounts (risk admin).',
  })
  async createPromotion(
    @Arg('input', () => CreatePromotionInput) input: CreatePromotionInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    let amountFen: number | null = null;
    if (input.amount != null) {
      const f = parseYuanToFen(input.amount);
      if (f === undefined)
        return Object.assign(new CreatePromotionPayload(), {
          userErrors: [
            userError(
              'INVALID_AMOUNT',
              'amount is yuan with at most 2 decimals, e.g. "500.00".',
              'amount',
            ),
          ],
        });
      amountFen = f;
    }
    const r = await service(ctx).createPromotion(ctx.em, ctx.viewer, {
      name: input.name,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      eligibleGrades: input.eligibleGrades,
      amountFen,
      percentBp: input.percentBp ?? null,
      category: input.category ?? null,
    });
    if (!r.ok) return Object.assign(new CreatePromotionPayload(), { userErrors: r.errors });
    const promotion = await loadPromotionNode(ctx.em.fork(), r.value.promotionId);
    return Object.assign(new CreatePromotionPayload(), { promotion, userErrors: [] });
  }

  @Authorized(Role.AGENT)
  @Mutation(() => NoticePayload, { description: 'Send a notice to a customer (staff).' })
  async sendNotice(
    @Arg('input', () => SendNoticeInput) input: SendNoticeInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    const id = localId(input.customerId, 'Customer');
    if (!id)
      return Object.assign(new NoticePayload(), {
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
    @Arg('input', () => AcknowledgeNoticeInput) input: AcknowledgeNoticeInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    const id = localId(input.noticeId, 'Notice');
    if (!id)
      return Object.assign(new NoticePayload(), {
        userErrors: [userError('INVALID_ID', 'noticeId is not a Notice id.', 'noticeId')],
      });
    return noticePayload(ctx, await service(ctx).acknowledgeNotice(ctx.em, ctx.viewer, id));
  }

  @Authorized(Role.SUPERVISOR)
  @Mutation(() => RevealCustomerPiiPayload, {
    description: 'The full phone and national ID (supervisor, reason required; audited).',
  })
  async revealCustomerPii(
    @Arg('input', () => RevealCustomerPiiInput) input: RevealCustomerPiiInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    const id = localId(input.customerId, 'Customer');
    if (!id)
      return Object.assign(new RevealCustomerPiiPayload(), {
        userErrors: [userError('INVALID_ID', 'customerId is not a Customer id.', 'customerId')],
      });
    const r = await service(ctx).revealPii(ctx.em, ctx.viewer, id, input.reason);
    if (!r.ok) return Object.assign(new RevealCustomerPiiPayload(), { userErrors: r.errors });
    return Object.assign(new RevealCustomerPiiPayload(), { ...r.value, userErrors: [] });
  }
}

async function noticePayload(
  ctx: GraphQLContext,
  r: Awaited<ReturnType<DecisionService['acknowledgeNotice']>>,
): Promise<NoticePayload> {
  if (!r.ok) return Object.assign(new NoticePayload(), { userErrors: r.errors });
  ctx.em.clear();
  const n = await ctx.em.findOne(Notice, { id: r.value.noticeId });
  return Object.assign(new NoticePayload(), { notice: n ? toNoticeNode(n) : null, userErrors: [] });
}

/** A stored decision in words (headline and at most four reasons); no improvements. */
function explainStored(d: LimitDecision, loc: ReturnType<typeof engineLocale>) {
  const e = explainDecision(
    {
      kind: d.kind,
      baseLimitBeforeFen: Number(d.baseLimitBeforeFen),
      baseLimitAfterFen: Number(d.baseLimitAfterFen),
      statusBefore: d.statusBefore,
      statusAfter: d.statusAfter,
      score: d.score ?? null,
      grade: d.grade ?? null,
      reasons: d.reasons ?? [],
    },
    loc,
  );
  return Object.assign(new LimitExplanationNode(), {
    headline: e.headline,
    reasons: e.reasons.map((r) => Object.assign(new DecisionReason(), r)),
    improvements: [],
    repaymentHint: null,
    decision: toDecisionNode(d),
  });
}

/** What is overdue on an account now (principal, fees, late fees) and since when. */
async function overdueOf(
  ctx: GraphQLContext,
  accountId: string,
): Promise<{ overdueFen: number; oldestDueDate: string | null }> {
  const [r] = await ctx.em.execute<{ owed: string; oldest: string | null }[]>(
    `select coalesce(sum(principal_fen - paid_principal_fen + fee_fen - paid_fee_fen + late_fee_fen - paid_late_fee_fen), 0)::text as owed,
            to_char(min(due_date), 'YYYY-MM-DD') as oldest
       from schedule_lines where account_id = ? and status = 'OVERDUE'`,
    [accountId],
  );
  return { overdueFen: Number(r?.owed ?? 0), oldestDueDate: r?.oldest ?? null };
}

@Resolver(() => LimitDecisionNode)
export class LimitDecisionResolver {
  @FieldResolver(() => [DecisionReason], {
    description: 'Reason codes with their texts in the locale (Chinese when none is given).',
  })
  reasons(
    @Root() d: LimitDecisionNode,
    @Arg('locale', () => Locale, { defaultValue: Locale.ZH_CN }) locale: Locale,
  ): DecisionReason[] {
    return decisionReasons(d.entity, engineLocale(locale));
  }

  @Authorized(Role.AGENT)
  @FieldResolver(() => String, {
    nullable: true,
    description: "The deciding agent's display name; null when the system decided (staff only).",
  })
  async decidedByName(
    @Root() d: LimitDecisionNode,
    @Ctx() ctx: GraphQLContext,
  ): Promise<string | null> {
    if (!d.entity.agentId) return null;
    const name = await ctx.loaders
      .get<string>('agentDisplayName', async (ids, em) => {
        const rows = await em.execute<{ id: string; display_name: string }[]>(
          `select id::text as id, display_name from agents where id = any(?::bigint[])`,
          [`{${ids.join(',')}}`],
        );
        const byId = new Map(rows.map((r) => [r.id, r.display_name]));
        return ids.map((id) => byId.get(id));
      })
      .load(String(d.entity.agentId));
    return name ?? null;
  }

  @Authorized(Role.AGENT)
  @FieldResolver(() => LimitExplanationNode, {
    description:
      'This decision in words (headline and at most four reasons, ranked by effect), for any decision in the history (staff only).',
  })
  explanation(
    @Root() d: LimitDecisionNode,
    @Arg('locale', () => Locale) locale: Locale,
  ): LimitExplanationNode {
    return explainStored(d.entity, engineLocale(locale));
  }
}
