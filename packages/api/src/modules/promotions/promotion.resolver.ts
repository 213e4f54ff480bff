import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLContext } from '../../graphql/context.js';
import { badUserInput, userError, type Outcome } from '../../graphql/errors.js';
import { money, parseYuanToFen } from '../../graphql/money.js';
import {
  Connection,
  fromGlobalId,
  readIdPage,
  toConnection,
  toGlobalId,
} from '../../graphql/relay.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { Role, isStaff } from '../auth/viewer.js';
import {
  CreatePromotionInput,
  CreatePromotionPayload,
  PromotionNode,
} from '../decisions/decision.types.js';
import { PromotionService, type PromotionInput } from './promotion.service.js';
import { GradeEnum, PromotionStatusEnum } from '../../graphql/enums.js';
import { Payload, makePayload, type PayloadCode } from '../../graphql/payload.js';

const service = new PromotionService();
const PromotionConnection = Connection(PromotionNode, 'Promotion');

interface Row {
  id: string;
  name: string;
  starts_at: Date;
  ends_at: Date;
  status: string;
  eligible_grades: string[];
  amount_fen: string | null;
  percent_bp: number | null;
  category: string | null;
  granted: string;
}
const COLUMNS = `p.id::text as id, p.name, p.starts_at, p.ends_at, p.status, p.eligible_grades, p.amount_fen::text, p.percent_bp, p.category,
  (select count(*) from temporary_limits t where t.promotion_id = p.id and t.status = 'ACTIVE')::text as granted`;

const toNode = (r: Row) =>
  Object.assign(new PromotionNode(), {
    id: toGlobalId('Promotion', r.id),
    name: r.name,
    startsAt: new Date(r.starts_at),
    endsAt: new Date(r.ends_at),
    status: r.status,
    eligibleGrades: r.eligible_grades,
    amount: r.amount_fen != null ? money(Number(r.amount_fen)) : null,
    percentBp: r.percent_bp,
    category: r.category,
    grantedAccounts: Number(r.granted),
  });

export async function loadPromotionNode(
  em: EntityManager,
  id: string,
): Promise<PromotionNode | null> {
  const [r] = await em.execute<Row[]>(`select ${COLUMNS} from promotions p where p.id = ?`, [id]);
  return r ? toNode(r) : null;
}

registerNodeType('Promotion', async (ctx, id) =>
  isStaff(ctx.viewer) ? loadPromotionNode(ctx.em, id) : null,
);

@ArgsType()
class PromotionsArgs {
  @Field(() => Int, { description: 'How many items to return: 1 to 100.' }) first!: number;
  @Field(() => String, {
    description:
      "Return the items after this cursor (the previous page's endCursor); omit for the first page.",
    nullable: true,
  })
  after?: string | null;
  @Field(() => [PromotionStatusEnum], {
    nullable: true,
    description:
      'Only promotions in these statuses (SCHEDULED, ACTIVE, ENDED, CANCELLED); all when omitted.',
  })
  status?: string[] | null;
}

@InputType({ description: 'The input of `updatePromotion`.' })
export class UpdatePromotionInput {
  @Field(() => ID, { description: 'Global id of the promotion.' }) promotionId!: string;
  @Field(() => String, { description: 'A new name.', nullable: true }) name?: string | null;
  @Field(() => GraphQLDateTime, { description: 'When it starts.', nullable: true })
  startsAt?: Date | null;
  @Field(() => GraphQLDateTime, { description: 'When it ends.', nullable: true })
  endsAt?: Date | null;
  @Field(() => [GradeEnum], { description: 'New eligible grades (at least one).', nullable: true })
  eligibleGrades?: string[] | null;
  @Field(() => String, {
    nullable: true,
    description: 'A fixed amount in yuan (replaces percentBp).',
  })
  amount?: string | null;
  @Field(() => Int, { nullable: true, description: 'A share in bp (replaces amount).' })
  percentBp?: number | null;
  @Field(() => String, { nullable: true, description: 'A purchase category; "" for none.' })
  category?: string | null;
}
@InputType({ description: 'The input of `cancelPromotion`.' })
export class CancelPromotionInput {
  @Field(() => ID, { description: 'Global id of the promotion.' }) promotionId!: string;
  @Field(() => String, { description: 'Why (required; kept in the audit log).' }) reason!: string;
}
@ObjectType({
  description:
    'The result of `updatePromotion` or `cancelPromotion`, or the userErrors saying why nothing changed.',
})
export class PromotionPayload extends Payload('Promotion') {
  @Field(() => PromotionNode, {
    description: 'The promotion created or changed; null when there are userErrors.',
    nullable: true,
  })
  promotion?: PromotionNode | null;
}

const STATUSES = ['SCHEDULED', 'ACTIVE', 'ENDED', 'CANCELLED'];
const errors = (code: PayloadCode<'Promotion'>, message: string, field: string) =>
  makePayload(PromotionPayload, { userErrors: [userError(code, message, field)] });

async function payload(
  ctx: GraphQLContext,
  r: Outcome<{ promotionId: string }, PayloadCode<'Promotion'>>,
) {
  if (!r.ok) return makePayload(PromotionPayload, { userErrors: r.errors });
  return makePayload(PromotionPayload, {
    promotion: await loadPromotionNode(ctx.em.fork(), r.value.promotionId),
    userErrors: [],
  });
}
const localId = (gid: string) => {
  const p = fromGlobalId(gid);
  return p?.type === 'Promotion' ? p.id : undefined;
};

/** Promotions: list (staff), edit before the start and cancel (risk admins). */
@Resolver(() => PromotionNode)
export class PromotionResolver {
  @Authorized(Role.AGENT)
  @Query(() => PromotionConnection, { description: 'Promotions, newest first (staff).' })
  async promotions(@Args(() => PromotionsArgs) args: PromotionsArgs, @Ctx() ctx: GraphQLContext) {
    const { page, after } = readIdPage(args);
    const status = args.status?.length ? args.status : null;
    if (status?.some((s) => !STATUSES.includes(s)))
      throw badUserInput(`status is one of ${STATUSES.join(', ')}.`, 'status');
    const rows = await ctx.em.execute<Row[]>(
      `select ${COLUMNS} from promotions p where (?::bigint is null or p.id < ?) and (?::text[] is null or p.status = any(?::text[])) order by p.id desc limit ?`,
      [
        after ?? null,
        after ?? null,
        status ? `{${status.join(',')}}` : null,
        status ? `{${status.join(',')}}` : null,
        page.size + 1,
      ],
    );
    return toConnection(
      rows,
      page,
      (r) => [r.id],
      toNode,
      async () => {
        const [c] = await ctx.em.execute<{ n: string }[]>(
          `select count(*)::text as n from promotions p where (?::text[] is null or p.status = any(?::text[]))`,
          [status ? `{${status.join(',')}}` : null, status ? `{${status.join(',')}}` : null],
        );
        return Number(c!.n);
      },
    );
  }

  @Authorized(Role.RISK_ADMIN)
  @Mutation(() => CreatePromotionPayload, {
    description: 'A campaign granting temporary limits to eligible ACTIVE accounts (risk admin).',
  })
  async createPromotion(
    @Arg('input', () => CreatePromotionInput, { description: 'What to create promotion.' })
    input: CreatePromotionInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    let amountFen: number | null = null;
    if (input.amount != null) {
      const f = parseYuanToFen(input.amount);
      if (f === undefined)
        return makePayload(CreatePromotionPayload, {
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
    const r = await ctx.services.decisions.createPromotion(ctx.em, ctx.viewer, {
      name: input.name,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      eligibleGrades: input.eligibleGrades,
      amountFen,
      percentBp: input.percentBp ?? null,
      category: input.category ?? null,
    });
    if (!r.ok) return makePayload(CreatePromotionPayload, { userErrors: r.errors });
    const promotion = await loadPromotionNode(ctx.em.fork(), r.value.promotionId);
    return makePayload(CreatePromotionPayload, { promotion, userErrors: [] });
  }

  @Authorized(Role.RISK_ADMIN)
  @Mutation(() => PromotionPayload, {
    description:
      'Change a promotion that has not started (risk admin): terms checked like a new one; its temporary limits are granted again under the new terms.',
  })
  async updatePromotion(
    @Arg('input', () => UpdatePromotionInput, { description: 'What to update promotion.' })
    input: UpdatePromotionInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    const id = localId(input.promotionId);
    if (!id) return errors('INVALID_ID', 'promotionId is not a Promotion id.', 'promotionId');
    const patch: Partial<PromotionInput> = {};
    if (input.name != null) patch.name = input.name;
    if (input.startsAt != null) patch.startsAt = input.startsAt;
    if (input.endsAt != null) patch.endsAt = input.endsAt;
    if (input.eligibleGrades != null) patch.eligibleGrades = input.eligibleGrades;
    if (input.category != null) patch.category = input.category || null;
    if (input.amount != null) {
      const f = parseYuanToFen(input.amount.trim());
      if (f === undefined)
        return errors(
          'INVALID_AMOUNT',
          'amount is yuan with at most 2 decimals, e.g. "500.00".',
          'amount',
        );
      patch.amountFen = f;
      patch.percentBp = null;
    } else if (input.percentBp != null) {
      patch.percentBp = input.percentBp;
      patch.amountFen = null;
    }
    return payload(ctx, await service.update(ctx.em, ctx.viewer, id, patch));
  }

  @Authorized(Role.RISK_ADMIN)
  @Mutation(() => PromotionPayload, {
    description:
      'Cancel a scheduled or running promotion (risk admin, reason required): its temporary limits are withdrawn and the customers told.',
  })
  async cancelPromotion(
    @Arg('input', () => CancelPromotionInput, { description: 'What to cancel promotion.' })
    input: CancelPromotionInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    const id = localId(input.promotionId);
    if (!id) return errors('INVALID_ID', 'promotionId is not a Promotion id.', 'promotionId');
    return payload(ctx, await service.cancel(ctx.em, ctx.viewer, id, input.reason));
  }
}
