import { noticeText } from '../notices/notice-text.js';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Money, money } from '../../graphql/money.js';
import { Node, toGlobalId } from '../../graphql/relay.js';
import { DecisionReason } from '../../graphql/decision-reason.js';
import { UserError } from '../../graphql/errors.js';
import { AccountStatusEnum, CreditAccountNode } from '../accounts/account.types.js';
import type { LimitDecision } from './limit-decision.entity.js';
import type { CategoryLimit } from '../accounts/credit-account.entity.js';
import type { ActiveTemporaryLimit } from '../accounts/account.reads.js';
import type { Notice } from '../notices/notice.entity.js';
import type { AuditEntry } from '../audit/audit-entry.entity.js';
import { reasonText, type EngineLocale } from './scoring-adapter.js';

export enum Locale {
  ZH_CN = 'ZH_CN',
  EN = 'EN',
}
registerEnumType(Locale, {
  name: 'Locale',
  description: 'Language of explanations: ZH_CN (简体中文) or EN.',
});
export const engineLocale = (l: Locale): EngineLocale => (l === Locale.EN ? 'en' : 'zh-CN');

export enum NoticeKindEnum {
  HIGH_UTILISATION = 'HIGH_UTILISATION',
  DUE_SOON = 'DUE_SOON',
  OVERDUE = 'OVERDUE',
  LIMIT_CHANGED = 'LIMIT_CHANGED',
  PROMOTION_STARTED = 'PROMOTION_STARTED',
  PROMOTION_ENDING = 'PROMOTION_ENDING',
  RECOVERY_STATUS = 'RECOVERY_STATUS',
  BUDGETING_TIP = 'BUDGETING_TIP',
  ACCOUNT_OPENED = 'ACCOUNT_OPENED',
  APPLICATION_DECLINED = 'APPLICATION_DECLINED',
  ACCOUNT_CLOSED = 'ACCOUNT_CLOSED',
  ACCOUNT_FROZEN = 'ACCOUNT_FROZEN',
  ACCOUNT_UNFROZEN = 'ACCOUNT_UNFROZEN',
  PROMOTION_CANCELLED = 'PROMOTION_CANCELLED',
  CATEGORY_LIMIT_CHANGED = 'CATEGORY_LIMIT_CHANGED',
}
registerEnumType(NoticeKindEnum, { name: 'NoticeKind' });
export enum NoticeChannelEnum {
  IN_APP = 'IN_APP',
  SMS = 'SMS',
  EMAIL = 'EMAIL',
}
registerEnumType(NoticeChannelEnum, { name: 'NoticeChannel' });

@ObjectType('TemporaryLimit', {
  description: '临时额度: an extra limit within a window, optionally for one category.',
})
export class TemporaryLimitNode {
  @Field(() => Money) amount!: Money;
  @Field(() => String, { nullable: true }) category?: string | null;
  @Field(() => GraphQLDateTime) startsAt!: Date;
  @Field(() => GraphQLDateTime) endsAt!: Date;
}
export const toTemporaryLimitNode = (t: ActiveTemporaryLimit) =>
  Object.assign(new TemporaryLimitNode(), {
    amount: money(t.amountFen),
    category: t.category ?? null,
    startsAt: t.startsAt,
    endsAt: t.endsAt,
  });

@ObjectType('CategoryLimit', { description: '专项额度: a limit usable only in one category.' })
export class CategoryLimitNode {
  @Field(() => String) category!: string;
  @Field(() => Money) limit!: Money;
  @Field(() => Money) used!: Money;
}
export const toCategoryLimitNode = (c: CategoryLimit) =>
  Object.assign(new CategoryLimitNode(), {
    category: c.category,
    limit: money(c.limitFen),
    used: money(c.usedFen),
  });

@ObjectType('LimitDecision', {
  implements: Node,
  description: 'One change (or confirmation) of a limit or status. Never overwritten.',
})
export class LimitDecisionNode extends Node {
  entity!: LimitDecision;
  @Field(() => String, {
    description:
      'INITIAL, PERIODIC_REVIEW, TRIGGERED_REVIEW, PROMOTION, FREEZE, UNFREEZE, RECOVERY, MANUAL or CLOSE.',
  })
  kind!: string;
  @Field(() => Money) baseLimitBefore!: Money;
  @Field(() => Money) baseLimitAfter!: Money;
  @Field(() => Money, { nullable: true, description: 'The temporary amount granted (promotions).' })
  temporaryAmount?: Money | null;
  @Field(() => AccountStatusEnum) statusBefore!: string;
  @Field(() => AccountStatusEnum) statusAfter!: string;
  @Field(() => Int, { nullable: true }) score?: number | null;
  @Field(() => String, { nullable: true }) grade?: string | null;
  @Field(() => String, { nullable: true }) modelVersion?: string | null;
  @Field(() => String, {
    description:
      'Version of the limit policy the decision was taken under (every decision records it, with the model version).',
  })
  policyVersion!: string;
  @Field(() => String, {
    description: 'SYSTEM or AGENT (decidedByName names the agent; show words, not this code).',
  })
  decidedBy!: string;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => GraphQLDateTime) createdAt!: Date;
  // `reasons(locale)`, `decidedByName` and `explanation(locale)` are field resolvers (LimitDecisionResolver).
}
export function toDecisionNode(d: LimitDecision): LimitDecisionNode {
  return Object.assign(new LimitDecisionNode(), {
    id: toGlobalId('LimitDecision', d.id),
    entity: d,
    kind: d.kind,
    baseLimitBefore: money(d.baseLimitBeforeFen),
    baseLimitAfter: money(d.baseLimitAfterFen),
    temporaryAmount: d.temporaryAmountFen != null ? money(d.temporaryAmountFen) : null,
    statusBefore: d.statusBefore,
    statusAfter: d.statusAfter,
    score: d.score ?? null,
    grade: d.grade ?? null,
    modelVersion: d.modelVersion ?? null,
    policyVersion: d.policyVersion,
    decidedBy: d.decidedBy,
    note: d.note ?? null,
    createdAt: d.createdAt,
  });
}

/** A decision's stored reason codes with their texts in a locale. */
export const decisionReasons = (d: LimitDecision, locale: EngineLocale): DecisionReason[] =>
  (d.reasons ?? []).map((r) =>
    Object.assign(new DecisionReason(), { code: r.code, text: reasonText(r.code, locale) }),
  );

@ObjectType('LimitImprovement', {
  description: 'Something the customer can do that would raise the score (and maybe the limit).',
})
export class LimitImprovementNode {
  @Field(() => String) feature!: string;
  @Field(() => String) text!: string;
  @Field(() => Int, { description: 'Score points it would add.' }) pointsGain!: number;
  @Field(() => Money, {
    nullable: true,
    description: 'How much the limit would rise at the next review, when it would.',
  })
  limitEffect?: Money | null;
}

@ObjectType('LimitExplanation', {
  description: 'The latest decision in words, and what would raise the limit.',
})
export class LimitExplanationNode {
  @Field(() => String) headline!: string;
  @Field(() => [DecisionReason]) reasons!: DecisionReason[];
  @Field(() => [LimitImprovementNode], {
    description: 'What would raise the limit (for the latest decision only; empty otherwise).',
  })
  improvements!: LimitImprovementNode[];
  @Field(() => String, {
    nullable: true,
    description:
      'For a frozen or overdue account (latest decision only): what to pay and by when. Comes before any improvement.',
  })
  repaymentHint?: string | null;
  @Field(() => LimitDecisionNode, { nullable: true }) decision?: LimitDecisionNode | null;
}

@ObjectType('NoticeText', {
  description: 'A notice in words: what happened, what it means, what the customer can do.',
})
export class NoticeTextNode {
  @Field(() => String) zhCN!: string;
  @Field(() => String) en!: string;
}

@ObjectType('NoticeWords', {
  description:
    'A notice in words in one language: a title, what happened, what it means, what to do.',
})
export class NoticeWordsNode {
  @Field(() => String, { description: 'A short title.' }) title!: string;
  @Field(() => String, { description: 'What happened.' }) happened!: string;
  @Field(() => String, { description: 'What it means for the customer.' }) meaning!: string;
  @Field(() => String, { description: 'What the customer can do.' }) action!: string;
}

@ObjectType('Notice', {
  implements: Node,
  description: '用户教育通知: a message to the customer, raised once per event.',
})
export class NoticeNode extends Node {
  customerId!: string;
  payload!: Record<string, unknown>;
  @Field(() => String) kind!: string;
  @Field(() => String) channel!: string;
  @Field(() => String, { nullable: true, description: 'The text, for notices sent by staff.' })
  message?: string | null;
  @Field(() => NoticeTextNode, {
    description: 'What the customer reads (in the app, by SMS and email), in zh-CN and en.',
  })
  text!: NoticeTextNode;
  @Field(() => GraphQLDateTime) createdAt!: Date;
  @Field(() => GraphQLDateTime, { nullable: true }) sentAt?: Date | null;
  @Field(() => GraphQLDateTime, { nullable: true }) readAt?: Date | null;
  @Field(() => GraphQLDateTime, { nullable: true }) acknowledgedAt?: Date | null;
  @Field(() => String, {
    nullable: true,
    description:
      'SMS and email: PENDING (waiting or being retried), DELIVERED, or FAILED (given up; see deliveryError). Null for in-app notices.',
  })
  deliveryStatus?: string | null;
  @Field(() => GraphQLDateTime, { nullable: true }) deliveredAt?: Date | null;
  @Field(() => String, { nullable: true, description: 'Why delivery failed, when it did.' })
  deliveryError?: string | null;
}
export const toNoticeNode = (n: Notice) =>
  Object.assign(new NoticeNode(), {
    id: toGlobalId('Notice', n.id),
    customerId: n.customerId,
    payload: n.payload ?? {},
    kind: n.kind,
    channel: n.channel,
    message: typeof n.payload?.message === 'string' ? n.payload.message : null,
    text: Object.assign(new NoticeTextNode(), noticeText(n.kind, n.payload ?? {})),
    createdAt: n.createdAt,
    sentAt: n.sentAt ?? null,
    readAt: n.readAt ?? null,
    acknowledgedAt: n.acknowledgedAt ?? null,
    deliveryStatus: n.deliveryStatus ?? null,
    deliveredAt: n.deliveredAt ?? null,
    deliveryError: n.deliveryError ?? null,
  });

@ObjectType('AuditEntry', {
  description: 'One line of the audit log: a mutation or a reveal, with its actor.',
})
export class AuditEntryNode {
  @Field(() => String) action!: string;
  @Field(() => String, { description: 'AGENT:<id>, PARTNER:<id> or SYSTEM.' }) actor!: string;
  @Field(() => GraphQLDateTime) createdAt!: Date;
  @Field(() => String, { nullable: true, description: 'Details as JSON text.' }) details?:
    string | null;
}
export const toAuditNode = (a: AuditEntry) =>
  Object.assign(new AuditEntryNode(), {
    action: a.action,
    actor: a.actorId ? `${a.actorType}:${a.actorId}` : a.actorType,
    createdAt: a.createdAt,
    details: JSON.stringify(a.details ?? {}),
  });

// ---- mutation inputs and payloads ----

@InputType()
export class AccountReasonInput {
  @Field(() => ID) accountId!: string;
  @Field(() => String) reason!: string;
}
@InputType()
export class RequestLimitReviewInput {
  @Field(() => ID) accountId!: string;
  @Field(() => String, {
    description: 'Why a review now (1–500 characters; stored on the decision and audited).',
  })
  reason!: string;
}
@ObjectType()
export class LimitDecisionPayload {
  @Field(() => CreditAccountNode, { nullable: true }) account?: CreditAccountNode | null;
  @Field(() => LimitDecisionNode, { nullable: true }) decision?: LimitDecisionNode | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@InputType()
export class CreatePromotionInput {
  @Field(() => String) name!: string;
  @Field(() => GraphQLDateTime) startsAt!: Date;
  @Field(() => GraphQLDateTime) endsAt!: Date;
  @Field(() => [String], { description: 'Grades A–E.' }) eligibleGrades!: string[];
  @Field(() => String, {
    nullable: true,
    description: 'A fixed amount in yuan, e.g. "500.00". Give this or percent.',
  })
  amount?: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'A share of the base limit in basis points (1000 = 10 %).',
  })
  percentBp?: number | null;
  @Field(() => String, { nullable: true }) category?: string | null;
}
@ObjectType('Promotion', {
  implements: Node,
  description:
    'A campaign (e.g. 618) granting temporary limits to eligible grades within a window.',
})
export class PromotionNode extends Node {
  @Field(() => String) name!: string;
  @Field(() => GraphQLDateTime) startsAt!: Date;
  @Field(() => GraphQLDateTime) endsAt!: Date;
  @Field(() => String, { description: 'SCHEDULED, ACTIVE, ENDED or CANCELLED.' }) status!: string;
  @Field(() => [String]) eligibleGrades!: string[];
  @Field(() => Money, { nullable: true, description: 'A fixed temporary amount, or null.' })
  amount?: Money | null;
  @Field(() => Int, { nullable: true, description: 'A share of the base limit (bp), or null.' })
  percentBp?: number | null;
  @Field(() => String, { nullable: true, description: 'Only for purchases in this category.' })
  category?: string | null;
  @Field(() => Int, { description: 'Accounts holding a temporary limit of it now.' })
  grantedAccounts!: number;
}
@ObjectType()
export class CreatePromotionPayload {
  @Field(() => PromotionNode, { nullable: true }) promotion?: PromotionNode | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@InputType()
export class SendNoticeInput {
  @Field(() => ID) customerId!: string;
  @Field(() => NoticeKindEnum, { defaultValue: NoticeKindEnum.BUDGETING_TIP })
  kind!: NoticeKindEnum;
  @Field(() => NoticeChannelEnum, { defaultValue: NoticeChannelEnum.IN_APP })
  channel!: NoticeChannelEnum;
  @Field(() => String) message!: string;
}
@InputType()
export class AcknowledgeNoticeInput {
  @Field(() => ID) noticeId!: string;
}
@ObjectType()
export class NoticePayload {
  @Field(() => NoticeNode, { nullable: true }) notice?: NoticeNode | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@InputType()
export class RevealCustomerPiiInput {
  @Field(() => ID) customerId!: string;
  @Field(() => String) reason!: string;
}
@ObjectType()
export class RevealCustomerPiiPayload {
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) nationalId?: string | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}
