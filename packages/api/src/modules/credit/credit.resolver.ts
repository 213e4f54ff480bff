import { fail, type Outcome, type UserErrorCode } from '../../graphql/errors.js';
import { payloadOf } from '../../graphql/payload.js';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Money, money } from '../../graphql/money.js';
import { Role, scope } from '../auth/viewer.js';
import { CreditAccountNode } from '../accounts/account.types.js';
import { CreditAccount } from '../accounts/credit-account.entity.js';
import { toAccountNode } from '../accounts/account.service.js';
import { amountFenOrError, optionalAmountFenOrError } from '../purchases/amount.js';
import { localIdOrError, resolveAccountRef } from '../ledger/account-ref.js';
import { Repayment } from '../repayments/repayment.entity.js';
import { RepaymentPayload, toRepaymentNode } from '../repayments/repayment.types.js';
import {
  CreditAccountPayload,
  PayOutCreditInput,
  PostExternalRepaymentInput,
  WaiveFeeInput,
  WaiveFeePayload,
  WaiveRevolvingChargeInput,
  WaiveRevolvingChargePayload,
  WriteOffBalanceInput,
  WriteOffBalancePayload,
} from './credit.types.js';

const MAX_MONEY_OP_FEN = 100_000_000;

const waivedPayload = <C extends UserErrorCode>(r: Outcome<{ waivedFen: number }, C>) =>
  payloadOf(r, { waived: null }, ({ waivedFen }) => ({ waived: money(waivedFen) }));

async function accountPayload(ctx: GraphQLContext, accountId: string) {
  const a = await ctx.em.fork().findOne(CreditAccount, { id: accountId });
  return a ? toAccountNode(a) : null;
}

/** Customer credit on the account, and the staff money operations (issue 14). */
@Resolver(() => CreditAccountNode)
export class CreditResolver {
  @Authorized(Role.AGENT, scope('limits:read'))
  @FieldResolver(() => Money, {
    description:
      "The customer's credit: overpayments and refunds of what was already paid. Applied automatically to amounts due before any late fee; staff can pay it out.",
  })
  creditBalance(@Root() account: CreditAccountNode): Money {
    return money(account.entity.creditBalanceFen ?? 0);
  }

  @Authorized(Role.AGENT)
  @Mutation(() => RepaymentPayload, {
    description:
      'Staff: post a repayment received through another channel, with its reference (allocated like any repayment; a reference is posted once). Idempotent.',
  })
  async postExternalRepayment(
    @Arg('input', () => PostExternalRepaymentInput, {
      description: 'What to post external repayment.',
    })
    input: PostExternalRepaymentInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RepaymentPayload> {
    const amount = amountFenOrError(input.amount, 'amount', MAX_MONEY_OP_FEN);
    if (!amount.ok) return { repayment: null, userErrors: amount.errors };
    const account = await resolveAccountRef(ctx, input);
    if (!account.ok) return { repayment: null, userErrors: account.errors };
    const r = await ctx.services.repayments.postExternal(ctx.em, ctx.viewer, {
      accountId: account.value.accountId,
      amountFen: amount.value,
      channel: input.channel.trim().toUpperCase(),
      reference: input.reference.trim(),
      idempotencyKey: input.idempotencyKey,
    });
    if (!r.ok) return { repayment: null, userErrors: r.errors };
    const row = await ctx.em.fork().findOne(Repayment, { id: r.value.repaymentId });
    return { repayment: row ? toRepaymentNode(row) : null, userErrors: [] };
  }

  @Authorized(Role.SUPERVISOR)
  @Mutation(() => WaiveFeePayload, {
    description:
      'Supervisor: waive the unpaid fee or late fee of a period, with a reason. Idempotent.',
  })
  async waiveFee(
    @Arg('input', () => WaiveFeeInput, { description: 'What to waive fee.' }) input: WaiveFeeInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WaiveFeePayload> {
    const plan = localIdOrError(input.planId, 'InstallmentPlan', 'planId');
    if (!plan.ok) return waivedPayload(plan);
    if (input.kind !== 'FEE' && input.kind !== 'LATE_FEE')
      return waivedPayload(fail('UNKNOWN_KIND', 'kind is FEE or LATE_FEE.', 'kind'));
    const amount = optionalAmountFenOrError(input.amount, 'amount', MAX_MONEY_OP_FEN);
    if (!amount.ok) return waivedPayload(amount);
    return waivedPayload(
      await ctx.services.staffMoney.waive(ctx.em, ctx.viewer, {
        planId: plan.value,
        seq: input.seq,
        kind: input.kind,
        amountFen: amount.value,
        reason: input.reason,
        idempotencyKey: input.idempotencyKey,
      }),
    );
  }

  @Authorized(Role.SUPERVISOR)
  @Mutation(() => WaiveRevolvingChargePayload, {
    description:
      'Supervisor: waive the unpaid revolving interest or late fee charged for a statement, with a reason (ledger, audit). Idempotent.',
  })
  async waiveRevolvingCharge(
    @Arg('input', () => WaiveRevolvingChargeInput, { description: 'What to waive, and why.' })
    input: WaiveRevolvingChargeInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WaiveRevolvingChargePayload> {
    const id = localIdOrError(input.accountId, 'CreditAccount', 'accountId');
    if (!id.ok) return waivedPayload(id);
    const amount = optionalAmountFenOrError(input.amount, 'amount', MAX_MONEY_OP_FEN);
    if (!amount.ok) return waivedPayload(amount);
    return waivedPayload(
      await ctx.services.staffMoney.waiveRevolving(ctx.em, ctx.viewer, {
        accountId: id.value,
        statementSeq: input.statementSeq,
        kind: input.kind,
        amountFen: amount.value,
        reason: input.reason,
        idempotencyKey: input.idempotencyKey,
      }),
    );
  }

  @Authorized(Role.RISK_ADMIN)
  @Mutation(() => WriteOffBalancePayload, {
    description:
      'Risk admin: write off a delinquent balance (unpaid principal, fees and late fees of active plans, an opening balance, and all a revolving line owes); delinquent = an installment past due or a revolving minimum payment past due. The account is frozen. Idempotent.',
  })
  async writeOffBalance(
    @Arg('input', () => WriteOffBalanceInput, { description: 'What to write off balance.' })
    input: WriteOffBalanceInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WriteOffBalancePayload> {
    const id = localIdOrError(input.accountId, 'CreditAccount', 'accountId');
    if (!id.ok) return { userErrors: id.errors };
    const r = await ctx.services.staffMoney.writeOff(ctx.em, ctx.viewer, {
      accountId: id.value,
      reason: input.reason,
      idempotencyKey: input.idempotencyKey,
    });
    if (!r.ok) return { userErrors: r.errors };
    return {
      account: await accountPayload(ctx, id.value),
      principal: money(r.value.principalFen),
      fee: money(r.value.feeFen),
      lateFee: money(r.value.lateFeeFen),
      revolving: money(
        r.value.revolvingPrincipalFen + r.value.revolvingInterestFen + r.value.revolvingFeesFen,
      ),
      userErrors: [],
    };
  }

  @Authorized(Role.SUPERVISOR)
  @Mutation(() => CreditAccountPayload, {
    description:
      "Supervisor: pay (part of) the customer's credit back to the customer, with the payment reference and a reason (audited). Idempotent.",
  })
  async payOutCredit(
    @Arg('input', () => PayOutCreditInput, { description: 'What to pay out credit.' })
    input: PayOutCreditInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CreditAccountPayload> {
    const id = localIdOrError(input.accountId, 'CreditAccount', 'accountId');
    if (!id.ok) return { userErrors: id.errors };
    const amount = amountFenOrError(input.amount, 'amount', MAX_MONEY_OP_FEN);
    if (!amount.ok) return { userErrors: amount.errors };
    const r = await ctx.services.staffMoney.payOutCredit(ctx.em, ctx.viewer, {
      accountId: id.value,
      amountFen: amount.value,
      reference: input.reference.trim(),
      reason: input.reason,
      idempotencyKey: input.idempotencyKey,
    });
    if (!r.ok) return { userErrors: r.errors };
    return { account: await accountPayload(ctx, id.value), userErrors: [] };
  }
}
