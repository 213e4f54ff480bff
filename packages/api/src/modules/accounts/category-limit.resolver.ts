import {
  Arg,
  Authorized,
  Ctx,
  Field,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Resolver,
} from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { userError, type Failure, type Outcome } from '../../graphql/errors.js';
import { fromGlobalId } from '../../graphql/relay.js';
import { Role } from '../auth/viewer.js';
import { amountFenOrError } from '../purchases/amount.js';
import { CreditAccountNode } from './account.types.js';
import { CreditAccount } from './credit-account.entity.js';
import { toAccountNode } from './account.service.js';
import {
  CategoryLimitService,
  type CategoryLimitResult,
  type CategoryLimitTarget,
} from './category-limit.service.js';
import { GradeEnum, IncomeBandEnum } from '../../graphql/enums.js';
import { Payload, makePayload, type PayloadCode } from '../../graphql/payload.js';

const service = new CategoryLimitService();

@InputType({
  description: 'One account, or a segment of ACTIVE accounts by grade and/or income band.',
})
export class CategoryLimitTargetInput {
  @Field(() => ID, {
    description: 'Global id of the credit account (or give customerId).',
    nullable: true,
  })
  accountId?: string | null;
  @Field(() => GradeEnum, { nullable: true, description: 'A–E.' }) grade?: string | null;
  @Field(() => IncomeBandEnum, { nullable: true, description: 'LOW, MID, HIGH or VERY_HIGH.' })
  incomeBand?: string | null;
}
@InputType({ description: 'The input of `setCategoryLimit`.' })
export class SetCategoryLimitInput {
  @Field(() => CategoryLimitTargetInput, {
    description: 'Which accounts: one account, a grade, or an income band.',
  })
  target!: CategoryLimitTargetInput;
  @Field(() => String, { description: 'A purchase category, e.g. TRAVEL.' }) category!: string;
  @Field(() => String, { description: 'The limit in yuan, e.g. "3000.00".' }) limit!: string;
}
@InputType({ description: 'The input of `removeCategoryLimit`.' })
export class RemoveCategoryLimitInput {
  @Field(() => CategoryLimitTargetInput, {
    description: 'Which accounts: one account, a grade, or an income band.',
  })
  target!: CategoryLimitTargetInput;
  @Field(() => String, { description: 'The purchase category whose limit is removed.' })
  category!: string;
}
@ObjectType({
  description:
    'The result of `setCategoryLimit` or `removeCategoryLimit`, or the userErrors saying why nothing changed.',
})
export class CategoryLimitPayload extends Payload('CategoryLimit') {
  @Field(() => Int, { description: 'Accounts whose category limit was set, changed or removed.' })
  changed!: number;
  @Field(() => Int, { description: 'Accounts left as they were (already so, or in use).' })
  skipped!: number;
  @Field(() => CreditAccountNode, {
    nullable: true,
    description: 'The account, for an account target.',
  })
  account?: CreditAccountNode | null;
}

function targetOf(
  t: CategoryLimitTargetInput,
): Outcome<CategoryLimitTarget, 'INVALID_ID' | 'TARGET_AMBIGUOUS'> {
  if (t.accountId) {
    if (t.grade || t.incomeBand)
      return {
        ok: false,
        errors: [
          userError('TARGET_AMBIGUOUS', 'Name an account or a segment, not both.', 'target'),
        ],
      };
    const p = fromGlobalId(t.accountId);
    if (p?.type !== 'CreditAccount')
      return {
        ok: false,
        errors: [userError('INVALID_ID', 'accountId is not a CreditAccount id.', 'accountId')],
      };
    return { ok: true, value: { accountId: p.id } };
  }
  return { ok: true, value: { grade: t.grade ?? null, incomeBand: t.incomeBand ?? null } };
}

async function payload(
  ctx: GraphQLContext,
  target: CategoryLimitTarget,
  r: Outcome<CategoryLimitResult, PayloadCode<'CategoryLimit'>>,
) {
  if (!r.ok)
    return makePayload(CategoryLimitPayload, {
      changed: 0,
      skipped: 0,
      userErrors: r.errors,
    });
  const a =
    'accountId' in target
      ? await ctx.em.fork().findOne(CreditAccount, { id: target.accountId })
      : null;
  return makePayload(CategoryLimitPayload, {
    ...r.value,
    account: a ? toAccountNode(a) : null,
    userErrors: [],
  });
}
const failed = (r: Failure<PayloadCode<'CategoryLimit'>>) =>
  makePayload(CategoryLimitPayload, { changed: 0, skipped: 0, userErrors: r.errors });

/** 专项额度 administered by risk admins. */
@Resolver()
export class CategoryLimitResolver {
  @Authorized(Role.RISK_ADMIN)
  @Mutation(() => CategoryLimitPayload, {
    description:
      'Set or change a category limit (专项额度) for an account or a segment of ACTIVE accounts (risk admin). The category is one of the purchase categories.',
  })
  async setCategoryLimit(
    @Arg('input', () => SetCategoryLimitInput, { description: 'What to set category limit.' })
    input: SetCategoryLimitInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    const target = targetOf(input.target);
    if (!target.ok) return failed(target);
    const fen = amountFenOrError(input.limit, 'limit');
    if (!fen.ok) return failed(fen);
    return payload(
      ctx,
      target.value,
      await service.set(ctx.em, ctx.viewer, {
        target: target.value,
        category: input.category,
        limitFen: fen.value,
      }),
    );
  }

  @Authorized(Role.RISK_ADMIN)
  @Mutation(() => CategoryLimitPayload, {
    description:
      'Remove a category limit for an account or a segment (risk admin); one still in use (a live hold or unpaid principal) stays.',
  })
  async removeCategoryLimit(
    @Arg('input', () => RemoveCategoryLimitInput, { description: 'What to remove category limit.' })
    input: RemoveCategoryLimitInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    const target = targetOf(input.target);
    if (!target.ok) return failed(target);
    return payload(
      ctx,
      target.value,
      await service.remove(ctx.em, ctx.viewer, { target: target.value, category: input.category }),
    );
  }
}
