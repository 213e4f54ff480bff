import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { type Outcome } from '../../graphql/errors.js';
import { money } from '../../graphql/money.js';
import { Connection, IdPageArgs } from '../../graphql/relay.js';
import { withLocalId } from '../ledger/account-ref.js';
import { pageById } from '../../graphql/paged-query.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { DecisionReason } from '../../graphql/decision-reason.js';
import { Role, isStaff } from '../auth/viewer.js';
import { CreditAccountNode } from '../accounts/account.types.js';
import { toAccountNode } from '../accounts/account.service.js';
import { CreditAccount } from '../accounts/credit-account.entity.js';
import { LimitDecision } from './limit-decision.entity.js';
import { explainDecision, limitImprovements, repaymentHint } from './scoring-adapter.js';
import {
  AccountReasonInput,
  LimitDecisionNode,
  LimitDecisionPayload,
  LimitExplanationNode,
  LimitImprovementNode,
  Locale,
  RequestLimitReviewInput,
  engineLocale,
  decisionReasons,
  toDecisionNode,
} from './decision.types.js';
import { makePayload, type PayloadCode } from '../../graphql/payload.js';

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
    return pageById(ctx.em, LimitDecision, { accountId: account.entity.id }, args, toDecisionNode);
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
      "The latest decision in words, what to pay first when frozen or overdue, and what would raise the limit (computed with the customer's own income band); null before any decision.",
  })
  async explanation(
    @Root() account: CreditAccountNode,
    @Arg('locale', () => Locale, { description: 'The language of the text.' }) locale: Locale,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LimitExplanationNode | null> {
    const d = await latestDecisionOf(ctx, account.entity.id);
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
}

const service = (ctx: GraphQLContext) => ctx.services.decisions;

async function decisionPayload(
  ctx: GraphQLContext,
  r: Outcome<{ accountId: string; decisionId: string }, PayloadCode<'LimitDecision'>>,
): Promise<LimitDecisionPayload> {
  if (!r.ok) return makePayload(LimitDecisionPayload, { userErrors: r.errors });
  ctx.em.clear();
  const [a, d] = await Promise.all([
    ctx.em.findOne(CreditAccount, { id: r.value.accountId }),
    ctx.em.findOne(LimitDecision, { id: r.value.decisionId }),
  ]);
  return makePayload(LimitDecisionPayload, {
    account: a ? toAccountNode(a) : null,
    decision: d ? toDecisionNode(d) : null,
    userErrors: [],
  });
}

/** The payload of a decision on one account: its global id read, then `decide` with the local one. */
async function accountDecisionPayload(
  ctx: GraphQLContext,
  accountId: string,
  decide: (
    id: string,
  ) => Promise<Outcome<{ accountId: string; decisionId: string }, PayloadCode<'LimitDecision'>>>,
): Promise<LimitDecisionPayload> {
  return decisionPayload(ctx, await withLocalId(accountId, 'CreditAccount', 'accountId', decide));
}

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
    return accountDecisionPayload(ctx, input.accountId, (id) =>
      service(ctx).requestLimitReview(ctx.em, ctx.viewer, id, input.reason),
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
    return accountDecisionPayload(ctx, input.accountId, (id) =>
      service(ctx).setFrozen(ctx.em, ctx.viewer, id, true, input.reason),
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
    return accountDecisionPayload(ctx, input.accountId, (id) =>
      service(ctx).setFrozen(ctx.em, ctx.viewer, id, false, input.reason),
    );
  }
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
    @Arg('locale', () => Locale, {
      defaultValue: Locale.ZH_CN,
      description: 'The language of the text (Chinese when none is given).',
    })
    locale: Locale,
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
    @Arg('locale', () => Locale, { description: 'The language of the text.' }) locale: Locale,
  ): LimitExplanationNode {
    return explainStored(d.entity, engineLocale(locale));
  }
}
