import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { userError } from '../../graphql/errors.js';
import { money } from '../../graphql/money.js';
import {
  Connection,
  IdPageArgs,
  localIdOf,
  readIdPage,
  toConnection,
} from '../../graphql/relay.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { DecisionReason } from '../../graphql/decision-reason.js';
import { Role, isStaff } from '../auth/viewer.js';
import { CreditAccountNode } from '../accounts/account.types.js';
import { toAccountNode } from '../accounts/account.service.js';
import { CreditAccount } from '../accounts/credit-account.entity.js';
import { LimitDecision } from './limit-decision.entity.js';
import type { DecisionService } from './decision.service.js';
import { explainDecision, limitImprovements } from './scoring-adapter.js';
import {
  AccountReasonInput,
  LimitDecisionNode,
  LimitDecisionPayload,
  LimitExplanationNode,
  LimitImprovementNode,
  Locale,
  RequestLimitReviewInput,
  engineLocale,
  toDecisionNode,
} from './decision.types.js';

const LimitDecisionConnection = Connection(LimitDecisionNode, 'LimitDecision');

const latestDecisionOf = (ctx: GraphQLContext, accountId: string) =>
  ctx.loaders.latestDecision(accountId);

registerNodeType('LimitDecision', async (ctx, id) => {
  if (!isStaff(ctx.viewer)) return null;
  const d = await ctx.em.findOne(LimitDecision, { id });
  return d ? toDecisionNode(d) : null;
});

/** The decisions on a credit account and the latest one explained. */
@Resolver(() => CreditAccountNode)
export class AccountDecisionsResolver {
  @Authorized(Role.AGENT)
  @FieldResolver(() => LimitDecisionConnection, { description: 'Decisions, newest first.' })
  async decisions(
    @Root() account: CreditAccountNode,
    @Args(() => IdPageArgs) args: IdPageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    const { page, after } = readIdPage(args);
    const rows = await ctx.em.find(
      LimitDecision,
      { accountId: account.entity.id, ...(after ? { id: { $lt: after } } : {}) },
      { orderBy: { id: 'desc' }, limit: page.size + 1 },
    );
    return toConnection(
      rows,
      page,
      (r) => [r.id],
      toDecisionNode,
      () => ctx.em.count(LimitDecision, { accountId: account.entity.id }),
    );
  }

  @Authorized(Role.AGENT)
  @FieldResolver(() => LimitDecisionNode, {
    description: 'The latest limit decision; null before any (staff only).',
    nullable: true,
  })
  async latestDecision(@Root() account: CreditAccountNode, @Ctx() ctx: GraphQLContext) {
    const d = await latestDecisionOf(ctx, account.entity.id);
    return d ? toDecisionNode(d) : null;
  }

  @Authorized(Role.AGENT)
  @FieldResolver(() => LimitExplanationNode, {
    nullable: true,
    description:
      'The latest decision in words and what would raise the limit; null before any decision.',
  })
  async explanation(
    @Root() account: CreditAccountNode,
    @Arg('locale', () => Locale, { description: 'The language of the text.' }) locale: Locale,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LimitExplanationNode | null> {
    const d = await latestDecisionOf(ctx, account.entity.id);
    if (!d) return null;
    const loc = engineLocale(locale);
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
    const features = d.features && Object.keys(d.features).length ? d.features : null;
    const improvements = features
      ? limitImprovements(
          features,
          {
            grade: d.grade ?? null,
            incomeBand: String(features.income_band ?? 'MID'),
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
    return Object.assign(new LimitExplanationNode(), {
      headline: e.headline,
      reasons: e.reasons.map((r) => Object.assign(new DecisionReason(), r)),
      improvements,
      decision: toDecisionNode(d),
    });
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
    @Arg('input', () => RequestLimitReviewInput, { description: 'What to request limit review.' })
    input: RequestLimitReviewInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    const id = localIdOf(input.accountId, 'CreditAccount');
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
    @Arg('input', () => AccountReasonInput, { description: 'What to freeze account.' })
    input: AccountReasonInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    const id = localIdOf(input.accountId, 'CreditAccount');
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
    @Arg('input', () => AccountReasonInput, { description: 'What to unfreeze account.' })
    input: AccountReasonInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    const id = localIdOf(input.accountId, 'CreditAccount');
    if (!id) return accountIdError();
    return decisionPayload(
      ctx,
      await service(ctx).setFrozen(ctx.em, ctx.viewer, id, false, input.reason),
    );
  }
}
