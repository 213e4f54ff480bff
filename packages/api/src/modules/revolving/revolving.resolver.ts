import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  Info,
  Int,
  Mutation,
  Resolver,
  Root,
} from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { userError, type Outcome, type UserErrorCode } from '../../graphql/errors.js';
import { money } from '../../graphql/money.js';
import { Role, scope } from '../auth/viewer.js';
import { CreditAccountNode } from '../accounts/account.types.js';
import { resolveAccountRef } from '../ledger/account-ref.js';
import { amountFenOrError } from '../purchases/amount.js';
import { REVOLVING_POLICY } from '../plans/pricing.js';
import { Repayment } from '../repayments/repayment.entity.js';
import { toRepaymentNode } from '../repayments/repayment.types.js';
import { DuplicatePaymentReference, duplicateReference } from '../repayments/repayment.service.js';
import { STATEMENT_COLUMNS, type StatementRow } from './revolving.service.js';
import {
  PayStatementInput,
  PayStatementPayload,
  RedeemPointsInput,
  RedeemPointsPayload,
  RevolvingAccountInput,
  RevolvingEligibilityNode,
  RevolvingLineNode,
  RevolvingLinePayload,
  RevolvingOfferNode,
  RevolvingOfferPayload,
  StatementNode,
  bpToPercent,
  percentOfPpm,
  toStatementNode,
} from './revolving.types.js';

const MAX_PAYMENT_FEN = 100_000_000;
const today = () => new Date().toISOString().slice(0, 10);

async function lineOf(ctx: GraphQLContext, accountId: string): Promise<RevolvingLineNode | null> {
  const [r] = await ctx.em.execute<
    {
      statement_day: number;
      due_days: number;
      daily_interest_ppm: number;
      next: string;
      principal_fen: string;
      interest_fen: string;
      fees_fen: string;
      points: string;
    }[]
  >(
    `select statement_day, due_days, daily_interest_ppm, to_char(next_statement_date, 'YYYY-MM-DD') as next, principal_fen, interest_fen, fees_fen, points
       from revolving_accounts where account_id = ?`,
    [accountId],
  );
  if (!r) return null;
  const [p, i, f] = [Number(r.principal_fen), Number(r.interest_fen), Number(r.fees_fen)];
  return Object.assign(new RevolvingLineNode(), {
    accountLocalId: accountId,
    statementDay: r.statement_day,
    dueDays: r.due_days,
    nextStatementDate: r.next,
    dailyInterestPercent: percentOfPpm(r.daily_interest_ppm),
    aprPercent: bpToPercent(Math.round((r.daily_interest_ppm * 365) / 100)),
    balance: money(p + i + f),
    principal: money(p),
    interest: money(i),
    fees: money(f),
    points: Number(r.points),
    pointsValue: money(Number(r.points) * REVOLVING_POLICY.fenPerPoint),
  });
}

async function guarded<T, C extends UserErrorCode>(
  run: () => Promise<Outcome<T, C>>,
): Promise<Outcome<T, C | 'DUPLICATE_PAYMENT_REFERENCE'>> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof DuplicatePaymentReference) return duplicateReference();
    throw e;
  }
}

/**
 * The revolving upgrade over GraphQL (issue 14): the line, its statements and the offer on the
 * account; offer (staff), accept, pay and redeem points (a partner the customer linked with
 * `repayments:write`, or staff). Thin: the rules are in revolving.service.ts.
 */
@Resolver(() => CreditAccountNode)
export class RevolvingResolver {
  @Authorized(Role.AGENT, scope('limits:read'))
  @FieldResolver(() => RevolvingLineNode, {
    nullable: true,
    description: 'The revolving (credit-card) line, once the customer accepted the upgrade.',
  })
  revolving(@Root() account: CreditAccountNode, @Ctx() ctx: GraphQLContext) {
    return lineOf(ctx, account.entity.id);
  }

  @Authorized(Role.AGENT, scope('limits:read'))
  @FieldResolver(() => [StatementNode], {
    description: 'Statements of the revolving line, newest first (empty before the upgrade).',
  })
  async statements(
    @Root() account: CreditAccountNode,
    @Arg('first', () => Int, {
      description: 'How many items to return: 1 to 100.',
      defaultValue: 12,
    })
    first: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<StatementNode[]> {
    const rows = await ctx.em.execute<StatementRow[]>(
      `select ${STATEMENT_COLUMNS} from statements where account_id = ? order by seq desc limit ?`,
      [account.entity.id, Math.max(1, Math.min(first, 60))],
    );
    const t = today();
    return rows.map((r) => toStatementNode(r, t));
  }

  @Authorized(Role.AGENT, scope('limits:read'))
  @FieldResolver(() => RevolvingOfferNode, {
    nullable: true,
    description: 'The open (or accepted) offer to upgrade to a revolving line.',
  })
  async revolvingOffer(@Root() account: CreditAccountNode, @Ctx() ctx: GraphQLContext) {
    const [o] = await ctx.em.execute<
      { status: string; offered_at: Date; expires_at: Date; expired: boolean }[]
    >(
      `select status, offered_at, expires_at, expires_at <= now() as expired from revolving_offers
        where account_id = ? order by id desc limit 1`,
      [account.entity.id],
    );
    if (!o) return null;
    return Object.assign(new RevolvingOfferNode(), {
      status: o.status === 'OFFERED' && o.expired ? 'EXPIRED' : o.status,
      offeredAt: new Date(o.offered_at),
      expiresAt: new Date(o.expires_at),
    });
  }

  @Authorized(Role.AGENT)
  @FieldResolver(() => RevolvingEligibilityNode, {
    description:
      "Staff: the policy's verdict on the revolving upgrade (grade, tenure, on-time history).",
  })
  async revolvingEligibility(@Root() account: CreditAccountNode, @Ctx() ctx: GraphQLContext) {
    const e = (await ctx.services.revolving.eligibility(ctx.em, account.entity.id))!;
    return Object.assign(new RevolvingEligibilityNode(), {
      eligible: e.eligible,
      reasons: e.reasons,
      ...e.facts,
    });
  }

  @Authorized(Role.AGENT)
  @Mutation(() => RevolvingOfferPayload, {
    description:
      'Staff: offer the revolving upgrade to an eligible account (NOT_ELIGIBLE names the reasons). Idempotent.',
  })
  async offerRevolvingUpgrade(
    @Arg('input', () => RevolvingAccountInput, { description: 'What to offer revolving upgrade.' })
    input: RevolvingAccountInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RevolvingOfferPayload> {
    const account = await resolveAccountRef(ctx, input);
    if (!account.ok) return { offer: null, userErrors: account.errors };
    const r = await ctx.services.revolving.offer(ctx.em, ctx.viewer, {
      accountId: account.value.accountId,
      idempotencyKey: input.idempotencyKey,
    });
    if (!r.ok) return { offer: null, userErrors: r.errors };
    const [o] = await ctx.em
      .fork()
      .execute<{ status: string; offered_at: Date; expires_at: Date }[]>(
        `select status, offered_at, expires_at from revolving_offers where id = ?`,
        [r.value.offerId],
      );
    return {
      offer: Object.assign(new RevolvingOfferNode(), {
        status: o!.status,
        offeredAt: new Date(o!.offered_at),
        expiresAt: new Date(o!.expires_at),
      }),
      userErrors: [],
    };
  }

  @Authorized(Role.AGENT, scope('repayments:write'))
  @Mutation(() => RevolvingLinePayload, {
    description:
      'Accept the revolving upgrade offered to the customer (a partner app the customer linked, or support). Idempotent.',
  })
  async acceptRevolvingUpgrade(
    @Arg('input', () => RevolvingAccountInput, { description: 'What to accept revolving upgrade.' })
    input: RevolvingAccountInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RevolvingLinePayload> {
    const account = await resolveAccountRef(ctx, input, info);
    if (!account.ok) return { revolving: null, userErrors: account.errors };
    const r = await ctx.services.revolving.accept(ctx.em, ctx.viewer, {
      accountId: account.value.accountId,
      idempotencyKey: input.idempotencyKey,
    });
    if (!r.ok) return { revolving: null, userErrors: r.errors };
    return { revolving: await lineOf(ctx, account.value.accountId), userErrors: [] };
  }

  @Authorized(Role.AGENT, scope('repayments:write'))
  @Mutation(() => PayStatementPayload, {
    description:
      'Pay the revolving balance: fees, then interest, then principal; above the balance, customer credit. Partners give their payment reference; staff the channel and its reference. Idempotent.',
  })
  async payStatement(
    @Arg('input', () => PayStatementInput, { description: 'What to pay statement.' })
    input: PayStatementInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PayStatementPayload> {
    const none = { repayment: null, revolving: null };
    const amount = amountFenOrError(input.amount, 'amount', MAX_PAYMENT_FEN);
    if (!amount.ok) return { ...none, userErrors: amount.errors };
    const partner = ctx.viewer.kind === 'partner';
    const reference = (partner ? input.paymentReference : input.reference)?.trim() ?? '';
    const channel = partner ? input.paymentChannel : input.channel?.trim().toUpperCase();
    if (!/^[\x21-\x7e]{1,64}$/.test(reference) || !channel)
      return {
        ...none,
        userErrors: [
          userError(
            partner ? 'INVALID_PAYMENT_REFERENCE' : 'REFERENCE_REQUIRED',
            partner
              ? 'paymentReference (1 to 64 printable ASCII characters, your payment id) and paymentChannel are required.'
              : 'channel and reference (the money received elsewhere) are required.',
            partner ? 'paymentReference' : 'reference',
          ),
        ],
      };
    const account = await resolveAccountRef(ctx, input, info);
    if (!account.ok) return { ...none, userErrors: account.errors };
    const r = await guarded(() =>
      ctx.services.revolving.pay(ctx.em, ctx.viewer, {
        accountId: account.value.accountId,
        amountFen: amount.value,
        idempotencyKey: input.idempotencyKey,
        ...(partner
          ? { payment: { reference, channel: String(channel) } }
          : { otherChannel: { channel: String(channel), reference } }),
      }),
    );
    if (!r.ok) return { ...none, userErrors: r.errors };
    const row = await ctx.em.fork().findOne(Repayment, { id: r.value.repaymentId });
    return {
      repayment: row ? toRepaymentNode(row) : null,
      revolving: await lineOf(ctx, account.value.accountId),
      userErrors: [],
    };
  }

  @Authorized(Role.AGENT, scope('repayments:write'))
  @Mutation(() => RedeemPointsPayload, {
    description:
      'Redeem reward points against the latest statement (at most what is unpaid on it). Idempotent.',
  })
  async redeemPoints(
    @Arg('input', () => RedeemPointsInput, { description: 'What to redeem points.' })
    input: RedeemPointsInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RedeemPointsPayload> {
    const none = { redeemed: null, revolving: null };
    if (!Number.isSafeInteger(input.points) || input.points <= 0)
      return {
        ...none,
        userErrors: [
          userError('INVALID_POINTS', 'points must be a positive whole number.', 'points'),
        ],
      };
    const account = await resolveAccountRef(ctx, input, info);
    if (!account.ok) return { ...none, userErrors: account.errors };
    const r = await ctx.services.revolving.redeemPoints(ctx.em, ctx.viewer, {
      accountId: account.value.accountId,
      points: input.points,
      idempotencyKey: input.idempotencyKey,
    });
    if (!r.ok) return { ...none, userErrors: r.errors };
    return {
      redeemed: money(r.value.amountFen),
      revolving: await lineOf(ctx, account.value.accountId),
      userErrors: [],
    };
  }
}
