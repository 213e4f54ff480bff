import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, Info, Mutation, Resolver, Root } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import type { GraphQLContext } from '../../graphql/context.js';
import { userError, type Outcome } from '../../graphql/errors.js';
import { money, parseYuanToFen } from '../../graphql/money.js';
import { fromGlobalId, toGlobalId } from '../../graphql/relay.js';
import { registerNodeType } from '../../graphql/node.resolver.js';
import { DecisionReason } from '../../graphql/decision-reason.js';
import { Role, isStaff, scope } from '../auth/viewer.js';
import { mayActFor } from '../links/partner-gate.js';
import { CreditAccount } from '../accounts/credit-account.entity.js';
import { CreditAccountNode } from '../accounts/account.types.js';
import { toAccountNode } from '../accounts/account.service.js';
import { CustomerNode } from '../customers/customer.types.js';
import { LimitDecision } from '../decisions/limit-decision.entity.js';
import {
  AccountReasonInput,
  LimitDecisionPayload,
  toDecisionNode,
} from '../decisions/decision.types.js';
import { reasonText } from '../decisions/scoring-adapter.js';
import { recordBureauReport } from '../behaviour/bureau.service.js';
import { LifecycleService } from './lifecycle.service.js';
import {
  ApplyForCreditInput,
  ApplyForCreditPayload,
  ClearRiskAlertInput,
  CreditApplicationNode,
  RecordBureauReportInput,
  RecordBureauReportPayload,
  RiskAlertFreezeInput,
} from './lifecycle.types.js';
import { makePayload, type PayloadCode } from '../../graphql/payload.js';

const service = new LifecycleService();

/**
 * Staff may act for any customer; a partner app only for one linked to it with `accounts:apply`
 * (and with every scope the rest of its selection needs, e.g. `limits:read` for the account).
 */
export const partnerMayApplyFor = (
  ctx: GraphQLContext,
  customerId: string,
  info?: GraphQLResolveInfo,
) => mayActFor(ctx, customerId, info, ['accounts:apply']);

interface ApplicationRow {
  id: string;
  status: string;
  limit_fen: string;
  score: number | null;
  grade: string | null;
  reasons: { code: string }[] | string;
  created_at: Date;
  customer_id: string;
  actor_type: string;
  actor_id: string | null;
}
function toApplicationNode(r: ApplicationRow): CreditApplicationNode {
  const codes = (typeof r.reasons === 'string' ? JSON.parse(r.reasons) : r.reasons).map(
    (x: { code: string }) => x.code,
  ) as string[];
  const texts = (loc: 'zh-CN' | 'en') =>
    codes.map((code) => Object.assign(new DecisionReason(), { code, text: reasonText(code, loc) }));
  return Object.assign(new CreditApplicationNode(), {
    id: toGlobalId('CreditApplication', String(r.id)),
    status: r.status,
    initialLimit: money(Number(r.limit_fen)),
    score: r.score,
    grade: r.grade,
    createdAt: new Date(r.created_at),
    codes,
    reasons: texts('zh-CN'),
    reasonsEn: texts('en'),
    customerLocalId: String(r.customer_id),
    actorType: r.actor_type,
    actorId: r.actor_id == null ? null : String(r.actor_id),
  });
}
const APPLICATION_COLUMNS = `id::text as id, status, limit_fen::text, score, grade, reasons, created_at, customer_id::text, actor_type, actor_id::text`;

// Staff read every application; a partner app only those it filed, and only while the customer's
// link lets it (ownerOf: node() checks the link, so a revoked link ends access at once).
registerNodeType(
  'CreditApplication',
  async (ctx, id) => {
    const v = ctx.viewer;
    if (!isStaff(v) && v.kind !== 'partner') return null;
    const [r] = await ctx.em.execute<ApplicationRow[]>(
      `select ${APPLICATION_COLUMNS} from credit_applications where id = ?` +
        (v.kind === 'partner' ? ` and actor_type = 'PARTNER' and actor_id = ?` : ''),
      v.kind === 'partner' ? [id, v.id] : [id],
    );
    return r ? toApplicationNode(r) : null;
  },
  (a) => a.customerLocalId,
);

function localId(globalId: string, type: string): string | undefined {
  const p = fromGlobalId(globalId);
  return p && p.type === type ? p.id : undefined;
}

async function decisionPayload(
  ctx: GraphQLContext,
  r: Outcome<{ accountId: string; decisionId: string }, PayloadCode<'LimitDecision'>>,
): Promise<LimitDecisionPayload> {
  if (!r.ok) return makePayload(LimitDecisionPayload, { userErrors: r.errors });
  const em = ctx.em.fork();
  const [a, d] = await Promise.all([
    em.findOne(CreditAccount, { id: r.value.accountId }),
    em.findOne(LimitDecision, { id: r.value.decisionId }),
  ]);
  return makePayload(LimitDecisionPayload, {
    account: a ? toAccountNode(a) : null,
    decision: d ? toDecisionNode(d) : null,
    userErrors: [],
  });
}
const badAccountId = () =>
  makePayload(LimitDecisionPayload, {
    userErrors: [userError('INVALID_ID', 'accountId is not a CreditAccount id.', 'accountId')],
  });

/** Applications, closing, risk-alert freezes and bureau reports (issue 13). */
@Resolver()
export class LifecycleMutationResolver {
  // Staff, or a partner app with `accounts:apply` for a customer whose link grants it.
  @Authorized(Role.AGENT, scope('accounts:apply'))
  @Mutation(() => ApplyForCreditPayload, {
    description:
      "Apply for a credit line for a customer without an open account (staff, or a partner app with accounts:apply for a customer who linked it with that scope): the policy decides from the data we hold — an ACTIVE account at the policy's low initial limit with its INITIAL decision, or DECLINED with reasons. A CLOSED account is reopened when approved. Idempotent.",
  })
  async applyForCredit(
    @Arg('input', () => ApplyForCreditInput, { description: 'What to apply for credit.' })
    input: ApplyForCreditInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ApplyForCreditPayload> {
    const customerId = localId(input.customerId, 'Customer');
    if (!customerId)
      return makePayload(ApplyForCreditPayload, {
        userErrors: [userError('INVALID_ID', 'customerId is not a Customer id.', 'customerId')],
      });
    // A partner app acts only for a customer who linked it (with accounts:apply); any other
    // customer is answered like a missing one.
    if (!(await partnerMayApplyFor(ctx, customerId, info)))
      return makePayload(ApplyForCreditPayload, {
        userErrors: [userError('CUSTOMER_NOT_FOUND', 'There is no such customer.', 'customerId')],
      });
    const r = await service.applyForCredit(ctx.em, ctx.viewer, {
      customerId,
      idempotencyKey: input.idempotencyKey,
    });
    if (!r.ok) return makePayload(ApplyForCreditPayload, { userErrors: r.errors });
    const em = ctx.em.fork();
    const [[app], account, decision] = await Promise.all([
      em.execute<ApplicationRow[]>(
        `select ${APPLICATION_COLUMNS} from credit_applications where id = ?`,
        [r.value.applicationId],
      ),
      r.value.accountId ? em.findOne(CreditAccount, { id: r.value.accountId }) : null,
      r.value.decisionId ? em.findOne(LimitDecision, { id: r.value.decisionId }) : null,
    ]);
    return makePayload(ApplyForCreditPayload, {
      application: app ? toApplicationNode(app) : null,
      account: account ? toAccountNode(account) : null,
      decision: decision ? toDecisionNode(decision) : null,
      userErrors: [],
    });
  }

  @Authorized(Role.AGENT)
  @Mutation(() => LimitDecisionPayload, {
    description:
      'Close an account (staff, reason required; audited): only when nothing is owed or held and no purchase waits for review. A CLOSED account accepts no purchase; a new application reopens it.',
  })
  async closeAccount(
    @Arg('input', () => AccountReasonInput, { description: 'What to close account.' })
    input: AccountReasonInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    const id = localId(input.accountId, 'CreditAccount');
    if (!id) return badAccountId();
    return decisionPayload(ctx, await service.closeAccount(ctx.em, ctx.viewer, id, input.reason));
  }

  @Authorized(Role.RISK_ADMIN)
  @Mutation(() => LimitDecisionPayload, {
    description:
      'Freeze an account for a risk alert (risk admin, reason code and note; audited). Only clearRiskAlert lifts it.',
  })
  async freezeForRiskAlert(
    @Arg('input', () => RiskAlertFreezeInput, { description: 'What to freeze for risk alert.' })
    input: RiskAlertFreezeInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    const id = localId(input.accountId, 'CreditAccount');
    if (!id) return badAccountId();
    return decisionPayload(
      ctx,
      await service.freezeForRiskAlert(ctx.em, ctx.viewer, id, input.reasonCode, input.note),
    );
  }

  @Authorized(Role.RISK_ADMIN)
  @Mutation(() => LimitDecisionPayload, {
    description: 'Lift a risk-alert freeze once the check is done (risk admin; audited).',
  })
  async clearRiskAlert(
    @Arg('input', () => ClearRiskAlertInput, { description: 'What to clear risk alert.' })
    input: ClearRiskAlertInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    const id = localId(input.accountId, 'CreditAccount');
    if (!id) return badAccountId();
    return decisionPayload(ctx, await service.clearRiskAlert(ctx.em, ctx.viewer, id, input.note));
  }

  @Authorized(Role.AGENT)
  @Mutation(() => RecordBureauReportPayload, {
    description:
      'Store a credit-bureau summary (staff). A spike of inquiries or a new default triggers a review that rescores the customer; a new default also freezes the account by a risk-alert rule when the policy says so.',
  })
  async recordBureauReport(
    @Arg('input', () => RecordBureauReportInput, { description: 'What to record bureau report.' })
    input: RecordBureauReportInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RecordBureauReportPayload> {
    const fail = (code: PayloadCode<'RecordBureauReport'>, message: string, field: string) =>
      makePayload(RecordBureauReportPayload, {
        frozen: false,
        userErrors: [userError(code, message, field)],
      });
    const customerId = localId(input.customerId, 'Customer');
    if (!customerId) return fail('INVALID_ID', 'customerId is not a Customer id.', 'customerId');
    const otherDebtFen = parseYuanToFen(input.otherDebt.trim());
    if (otherDebtFen === undefined || otherDebtFen < 0)
      return fail(
        'INVALID_AMOUNT',
        'otherDebt is yuan with at most two decimals, e.g. "12000.00" (0 when none).',
        'otherDebt',
      );
    const r = await recordBureauReport(
      ctx.em,
      ctx.viewer,
      {
        customerId,
        reportedAt: input.reportedAt,
        bureauScore: input.bureauScore,
        inquiries3m: input.inquiries3m,
        inquiries6m: input.inquiries6m,
        otherDebtFen,
        pastDefaults: input.pastDefaults,
      },
      'STAFF',
    );
    if (!r.ok)
      return makePayload(RecordBureauReportPayload, {
        frozen: false,
        userErrors: r.errors,
      });
    const em = ctx.em.fork();
    const [account, decision] = await Promise.all([
      em.findOne(CreditAccount, { customerId }),
      r.value.decisionId ? em.findOne(LimitDecision, { id: r.value.decisionId }) : null,
    ]);
    return makePayload(RecordBureauReportPayload, {
      reportId: r.value.reportId,
      trigger: r.value.trigger,
      decision: decision ? toDecisionNode(decision) : null,
      frozen: r.value.frozen,
      account: account ? toAccountNode(account) : null,
      userErrors: [],
    });
  }
}

/** A customer's applications, newest first (staff). */
@Resolver(() => CustomerNode)
export class CustomerApplicationsResolver {
  @Authorized(Role.AGENT)
  @FieldResolver(() => [CreditApplicationNode], {
    description: 'Applications for a credit line, newest first (at most 20; staff).',
  })
  async creditApplications(@Root() customer: CustomerNode, @Ctx() ctx: GraphQLContext) {
    const rows = await ctx.em.execute<ApplicationRow[]>(
      `select ${APPLICATION_COLUMNS} from credit_applications where customer_id = ? order by id desc limit 20`,
      [customer.localId],
    );
    return rows.map(toApplicationNode);
  }
}

/** Why an account is frozen, and when it was closed (staff). */
@Resolver(() => CreditAccountNode)
export class AccountLifecycleResolver {
  @Authorized(Role.AGENT)
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Why the account is frozen: OVERDUE, RISK_ALERT or MANUAL (null unless FROZEN).',
  })
  frozenCause(@Root() account: CreditAccountNode): string | null {
    if (account.entity.status !== 'FROZEN') return null;
    return account.entity.frozenCause ?? 'MANUAL';
  }

  @Authorized(Role.AGENT)
  @FieldResolver(() => DecisionReason, {
    nullable: true,
    description: 'The reason code of the freeze with its text (Chinese).',
  })
  frozenReason(@Root() account: CreditAccountNode): DecisionReason | null {
    const e = account.entity;
    if (account.entity.status !== 'FROZEN' || !e.frozenReasonCode) return null;
    return Object.assign(new DecisionReason(), {
      code: e.frozenReasonCode,
      text: reasonText(e.frozenReasonCode, 'zh-CN'),
    });
  }

  @Authorized(Role.AGENT)
  @FieldResolver(() => GraphQLDateTime, {
    description: 'When the account was closed; null while open.',
    nullable: true,
  })
  closedAt(@Root() account: CreditAccountNode): Date | null {
    return account.entity.closedAt ?? null;
  }
}
