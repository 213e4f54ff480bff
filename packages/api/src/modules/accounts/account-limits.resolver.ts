import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { badUserInput } from '../../graphql/errors.js';
import { money, Money } from '../../graphql/money.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { groupByKey } from '../../graphql/loaders.js';
import { Role, scope, canReadLimits } from '../auth/viewer.js';
import {
  CategoryLimitNode,
  TemporaryLimitNode,
  toCategoryLimitNode,
  toTemporaryLimitNode,
} from '../decisions/decision.types.js';
import { CreditAccountNode } from './account.types.js';
import { toAccountNode } from './account.service.js';
import { CategoryLimit, CreditAccount } from './credit-account.entity.js';
import type { ActiveTemporaryLimit } from './account.reads.js';
import { GradeEnum } from '../../graphql/enums.js';

/** Staff, or a partner app allowed to read limits. */
const LIMIT_READERS = [Role.AGENT, scope('limits:read')];

// ---- per-request loaders (one statement per field per page) ----
const temporaryLimitsOf = (ctx: GraphQLContext, accountId: string) =>
  ctx.loaders.activeTemporaryLimits(accountId);
const categoryLimitsOf = (ctx: GraphQLContext, accountId: string) =>
  ctx.loaders
    .get<CategoryLimit[]>('categoryLimits', (ids, em) =>
      groupByKey(
        em.find(CategoryLimit, { accountId: { $in: [...ids] } }, { orderBy: { category: 'asc' } }),
        ids,
        (c) => c.accountId,
      ),
    )
    .load(accountId);

registerNodeType(
  'CreditAccount',
  async (ctx, id) => {
    if (!canReadLimits(ctx.viewer)) return null;
    const a = await ctx.loaders.account(id);
    return a ? toAccountNode(a) : null;
  },
  (a) => a.entity.customerId,
);

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

/** The limits of a credit account: temporary and category limits, what is available, the score. */
@Resolver(() => CreditAccountNode)
export class AccountLimitsResolver {
  @Authorized(...LIMIT_READERS)
  @FieldResolver(() => [TemporaryLimitNode], { description: 'Temporary limits active now.' })
  async temporaryLimits(@Root() account: CreditAccountNode, @Ctx() ctx: GraphQLContext) {
    return ((await temporaryLimitsOf(ctx, account.entity.id)) ?? []).map(toTemporaryLimitNode);
  }

  @Authorized(...LIMIT_READERS)
  @FieldResolver(() => [CategoryLimitNode], { description: '专项额度 by category.' })
  async categoryLimits(@Root() account: CreditAccountNode, @Ctx() ctx: GraphQLContext) {
    return ((await categoryLimitsOf(ctx, account.entity.id)) ?? []).map(toCategoryLimitNode);
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
      generalAvailableFen(account.entity, (await temporaryLimitsOf(ctx, account.entity.id)) ?? []),
    );
  }

  @Authorized(...LIMIT_READERS)
  @FieldResolver(() => Money, {
    description:
      'Available for a purchase in this category: adds temporary limits for it, and is capped by its category limit when it has one.',
  })
  async availableLimitFor(
    @Root() account: CreditAccountNode,
    @Arg('category', () => String, {
      description: 'The purchase category, e.g. ELECTRONICS (1 to 50 characters).',
    })
    category: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Money> {
    if (!category.trim() || category.length > 50)
      throw badUserInput('category is 1 to 50 characters.', 'category');
    const [temps, cats] = await Promise.all([
      temporaryLimitsOf(ctx, account.entity.id),
      categoryLimitsOf(ctx, account.entity.id),
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
  @FieldResolver(() => GradeEnum, {
    nullable: true,
    description: 'Grade A–E of the latest review (staff only).',
  })
  grade(@Root() account: CreditAccountNode): string | null {
    return account.entity.grade ?? null;
  }
}
