import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Connection } from '../../graphql/relay.js';
import { pageById } from '../../graphql/paged-query.js';
import { badUserInput, fail, type Outcome } from '../../graphql/errors.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { Role, scope } from '../auth/viewer.js';
import { CustomerNode } from '../customers/customer.types.js';
import { toCustomerNode } from '../customers/customer.service.js';
import { PURCHASE_STATUSES, Purchase, type PurchaseStatus } from './purchase.entity.js';
import { purchasesVisibleTo } from './purchase.types.js';
import { CreditAccountNode } from '../accounts/account.types.js';
import { GraphQLDateTime } from 'graphql-scalars';
import { PURCHASE_CATEGORIES } from './purchase-rules.js';
import { amountFenOrError, optionalAmountFenOrError } from './amount.js';
import {
  accountNotFound,
  localIdOrError,
  resolveAccountRef,
  withLocalId,
} from '../ledger/account-ref.js';
import { customerOfIfAllowed, scopesNeededAt } from '../links/partner-gate.js';
import { validIdempotencyKey } from '../idempotency/idempotency.service.js';
import type { GraphQLResolveInfo } from 'graphql';
import {
  AuthorizePurchaseInput,
  AuthorizePurchasePayload,
  CapturePurchaseInput,
  DecidePurchaseInput,
  ExtendHoldInput,
  PurchaseNode,
  PurchasePayload,
  ReleasePurchaseInput,
  toPurchaseNode,
} from './purchase.types.js';
import { PurchaseStatusEnum } from '../../graphql/enums.js';
import { payloadOf, type PayloadCode } from '../../graphql/payload.js';

const purchaseNotFound = () =>
  fail('PURCHASE_NOT_FOUND', 'There is no such purchase.', 'purchaseId');

export const PurchaseConnection = Connection(PurchaseNode, 'Purchase');

@ArgsType()
class QueueArgs {
  @Field(() => Int, { description: 'How many items to return: 1 to 100.' }) first!: number;
  @Field(() => String, {
    description:
      "Return the items after this cursor (the previous page's endCursor); omit for the first page.",
    nullable: true,
  })
  after?: string | null;
}

const visibleTo = (ctx: GraphQLContext) => purchasesVisibleTo(ctx.viewer);

registerNodeType(
  'Purchase',
  async (ctx, id) => {
    const p = await ctx.em.findOne(Purchase, { id, ...visibleTo(ctx) });
    return p ? toPurchaseNode(p) : null;
  },
  (p) => p.customerLocalId,
);

@ArgsType()
class AccountPurchasesArgs {
  @Field(() => Int, { description: 'How many items to return: 1 to 100.' }) first!: number;
  @Field(() => String, {
    description:
      "Return the items after this cursor (the previous page's endCursor); omit for the first page.",
    nullable: true,
  })
  after?: string | null;
  @Field(() => PurchaseStatusEnum, {
    nullable: true,
    description:
      'Only purchases in this status (HELD, PENDING_REVIEW, DECLINED, CAPTURED, …); all when omitted.',
  })
  status?: string | null;
}

const purchasePayload = (
  ctx: GraphQLContext,
  outcome: Outcome<{ purchaseId: string }, PayloadCode<'Purchase'>>,
): Promise<PurchasePayload> =>
  payloadOf(outcome, { purchase: null }, async ({ purchaseId }) => {
    const p = await ctx.em.fork().findOne(Purchase, { id: purchaseId });
    return { purchase: p ? toPurchaseNode(p) : null };
  });

/** The payload of a step on one purchase: its global id read, then `step` with the local id. */
const purchasePayloadFor = async (
  ctx: GraphQLContext,
  purchaseId: string,
  step: (id: string) => Promise<Outcome<{ purchaseId: string }, PayloadCode<'Purchase'>>>,
) => purchasePayload(ctx, await withLocalId(purchaseId, 'Purchase', 'purchaseId', step));

@Resolver(() => PurchaseNode)
export class PurchaseResolver {
  @Authorized(scope('purchases:write'))
  @Mutation(() => AuthorizePurchasePayload, {
    description:
      'Hold an amount against the available limit (or decline it, or send it to review). Idempotent by idempotencyKey.',
  })
  async authorizePurchase(
    @Arg('input', () => AuthorizePurchaseInput, { description: 'What to authorize purchase.' })
    input: AuthorizePurchaseInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<AuthorizePurchasePayload> {
    const failed = (o: { ok: false; errors: AuthorizePurchasePayload['userErrors'] }) => ({
      purchase: null,
      decision: null,
      declineCode: null,
      reasons: [],
      replayed: false,
      userErrors: o.errors,
    });
    const amount = amountFenOrError(input.amount);
    if (!amount.ok) return failed(amount);
    if (!(PURCHASE_CATEGORIES as readonly string[]).includes(input.category)) {
      return failed(
        fail(
          'UNKNOWN_CATEGORY',
          `Unknown category; use one of ${PURCHASE_CATEGORIES.join(', ')}.`,
          'category',
        ),
      );
    }
    // A partner app naming the account (with a well-formed key): its link to the account's
    // customer is checked inside the money statement rather than by a statement before it, and
    // "no link" answers exactly as resolveAccountRef answers a missing or unlinked account. Other
    // cases keep the checks in their old order (so an invalid key still answers after them).
    const inStatement =
      ctx.viewer.kind === 'partner' &&
      input.accountId != null &&
      input.customerId == null &&
      validIdempotencyKey(input.idempotencyKey);
    let accountId: string;
    if (inStatement) {
      const id = localIdOrError(input.accountId!, 'CreditAccount', 'accountId');
      if (!id.ok) return failed(id);
      accountId = id.value;
    } else {
      const account = await resolveAccountRef(ctx, input, info);
      if (!account.ok) return failed(account);
      accountId = account.value.accountId;
    }
    const r = await ctx.services.purchases.authorize(() => ctx.em, ctx.viewer, {
      accountId,
      amountFen: amount.value,
      category: input.category,
      merchant: input.merchant.trim(),
      deviceId: input.deviceId ?? null,
      idempotencyKey: input.idempotencyKey,
      linkScopes: inStatement ? scopesNeededAt(ctx, info) : undefined,
    });
    if (!r.ok)
      return failed(
        inStatement && r.errors.some((e) => e.code === 'ACCOUNT_NOT_FOUND')
          ? accountNotFound('accountId')
          : r,
      );
    const p =
      r.value.purchase ?? (await ctx.em.fork().findOne(Purchase, { id: r.value.purchaseId }));
    return {
      purchase: p ? toPurchaseNode(p) : null,
      decision: r.value.status,
      declineCode: r.value.declineCode,
      reasons: r.value.reasons ?? [],
      replayed: Boolean(r.replayed),
      userErrors: [],
    };
  }

  @Authorized(scope('purchases:write'))
  @Mutation(() => PurchasePayload, {
    description:
      'Capture a held purchase, whole or in parts (split shipments): each capture becomes outstanding principal; with a term, that capture’s installment plan is created at once. The last capture releases the rest of the hold.',
  })
  async capturePurchase(
    @Arg('input', () => CapturePurchaseInput, { description: 'What to capture purchase.' })
    input: CapturePurchaseInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PurchasePayload> {
    const id = localIdOrError(input.purchaseId, 'Purchase', 'purchaseId');
    if (!id.ok) return purchasePayload(ctx, id);
    // Capturing charges the customer: only while the customer's link stands. (Releasing a hold
    // only gives the limit back, so an app may still release its own holds after a revocation.)
    if (!(await customerOfIfAllowed(ctx, 'purchases', id.value, info)))
      return purchasePayload(ctx, purchaseNotFound());
    const amount = optionalAmountFenOrError(input.amount);
    if (!amount.ok) return purchasePayload(ctx, amount);
    const term = input.term ?? null;
    const planWith = term
      ? (tem: typeof ctx.em, purchaseId: string, captureId: string) =>
          ctx.services.plans.createForPurchase(tem, ctx.viewer, {
            purchaseId,
            term,
            couponCode: input.couponCode ?? null,
            captureId,
          })
      : undefined;
    return purchasePayload(
      ctx,
      await ctx.services.purchases.capture(
        ctx.em,
        ctx.viewer,
        {
          purchaseId: id.value,
          idempotencyKey: input.idempotencyKey,
          term,
          couponCode: input.couponCode ?? null,
          amountFen: amount.value,
          final: input.final ?? null,
        },
        planWith,
      ),
    );
  }

  @Authorized(scope('purchases:write'))
  @Mutation(() => PurchasePayload, {
    description: 'Release a held purchase: the amount goes back to the available limit.',
  })
  async releasePurchase(
    @Arg('input', () => ReleasePurchaseInput, { description: 'What to release purchase.' })
    input: ReleasePurchaseInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PurchasePayload> {
    return purchasePayloadFor(ctx, input.purchaseId, (id) =>
      ctx.services.purchases.release(ctx.em, ctx.viewer, {
        purchaseId: id,
        idempotencyKey: input.idempotencyKey,
      }),
    );
  }

  @Authorized(scope('purchases:write'))
  @Mutation(() => PurchasePayload, {
    description:
      'Extend a live hold once by the policy’s hold extension (a slow shipment); holdExpiresAt shows the new expiry. Idempotent.',
  })
  async extendHold(
    @Arg('input', () => ExtendHoldInput, { description: 'What to extend hold.' })
    input: ExtendHoldInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PurchasePayload> {
    return purchasePayloadFor(ctx, input.purchaseId, async (id) => {
      // Keeping the customer's limit held: only while the customer's link stands.
      if (!(await customerOfIfAllowed(ctx, 'purchases', id, info))) return purchaseNotFound();
      return ctx.services.purchases.extendHold(ctx.em, ctx.viewer, {
        purchaseId: id,
        idempotencyKey: input.idempotencyKey,
      });
    });
  }

  @Authorized(Role.SUPERVISOR)
  @Mutation(() => PurchasePayload, {
    description:
      'Approve a purchase waiting for review: the hold is placed now if the limit still allows.',
  })
  async approvePurchase(
    @Arg('input', () => DecidePurchaseInput, { description: 'What to approve purchase.' })
    input: DecidePurchaseInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PurchasePayload> {
    return purchasePayloadFor(ctx, input.purchaseId, (id) =>
      ctx.services.purchases.approve(ctx.em, ctx.viewer, id, input.reason),
    );
  }

  @Authorized(Role.SUPERVISOR)
  @Mutation(() => PurchasePayload, { description: 'Reject a purchase waiting for review.' })
  async rejectPurchase(
    @Arg('input', () => DecidePurchaseInput, { description: 'What to reject purchase.' })
    input: DecidePurchaseInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PurchasePayload> {
    return purchasePayloadFor(ctx, input.purchaseId, (id) =>
      ctx.services.purchases.reject(ctx.em, ctx.viewer, id, input.reason),
    );
  }

  @Authorized(Role.SUPERVISOR)
  @Query(() => PurchaseConnection, {
    description:
      'Purchases waiting for a supervisor (large amounts, risk-rule hits), oldest first.',
  })
  async purchaseReviewQueue(@Args(() => QueueArgs) args: QueueArgs, @Ctx() ctx: GraphQLContext) {
    return pageById(ctx.em, Purchase, { status: 'PENDING_REVIEW' }, args, toPurchaseNode, {
      newestFirst: false,
    });
  }

  @Authorized()
  @FieldResolver(() => GraphQLDateTime, {
    nullable: true,
    description:
      'While HELD: when the hold expires and gives the amount back to the limit, unless captured or released first.',
  })
  async holdExpiresAt(@Root() p: PurchaseNode, @Ctx() ctx: GraphQLContext): Promise<Date | null> {
    if (p.status !== 'HELD') return null;
    const expiry = await ctx.loaders
      .get<Date>('liveHoldExpiry', async (ids, em) => {
        const rows = await em.execute<{ purchase_id: string; expires_at: Date }[]>(
          `select purchase_id::text, expires_at from holds where purchase_id = any(?::bigint[]) and status = 'LIVE'`,
          [`{${ids.join(',')}}`],
        );
        const by = new Map(rows.map((r) => [r.purchase_id, new Date(r.expires_at)]));
        return ids.map((id) => by.get(id));
      })
      .load(p.localId);
    return expiry ?? null;
  }

  @Authorized()
  @FieldResolver(() => CustomerNode, { description: 'Who made the purchase.' })
  async customer(@Root() p: PurchaseNode, @Ctx() ctx: GraphQLContext): Promise<CustomerNode> {
    const c = await ctx.loaders.customer(p.customerLocalId);
    if (!c) throw new Error(`customer ${p.customerLocalId} of purchase ${p.localId} is missing`);
    return toCustomerNode(c);
  }
}

/** An account's purchases: what its used amount is made of, for staff; a partner sees its own. */
@Resolver(() => CreditAccountNode)
export class AccountPurchasesResolver {
  @Authorized(Role.AGENT, scope('purchases:write'))
  @FieldResolver(() => PurchaseConnection, {
    description:
      'Purchases on this account, newest first (staff: all; a partner app: the ones it made).',
  })
  async purchases(
    @Root() account: CreditAccountNode,
    @Args(() => AccountPurchasesArgs) args: AccountPurchasesArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    if (args.status != null && !(PURCHASE_STATUSES as readonly string[]).includes(args.status))
      throw badUserInput(`status must be one of ${PURCHASE_STATUSES.join(', ')}.`, 'status');
    const where = {
      accountId: account.entity.id,
      ...visibleTo(ctx),
      ...(args.status ? { status: args.status as PurchaseStatus } : {}),
    };
    return pageById(ctx.em, Purchase, where, args, toPurchaseNode);
  }
}
