import { noticeText } from '../notices/notice-text.js';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Money, money } from '../../graphql/money.js';
import { Node, toGlobalId } from '../../graphql/relay.js';
import { DecisionReason } from '../../graphql/decision-reason.js';
import { AccountStatusEnum, CreditAccountNode } from '../accounts/account.types.js';
import type { LimitDecision } from './limit-decision.entity.js';
import type { CategoryLimit } from '../accounts/credit-account.entity.js';
import type { ActiveTemporaryLimit } from '../accounts/account.reads.js';
import type { Notice, NoticeKind } from '../notices/notice.entity.js';
import type { AuditEntry } from '../audit/audit-entry.entity.js';
import { reasonText, type EngineLocale } from './scoring-adapter.js';
import {
  DecisionKindEnum,
  GradeEnum,
  NoticeDeliveryStatusEnum,
  PromotionStatusEnum,
} from '../../graphql/enums.js';
import { Payload } from '../../graphql/payload.js';

export enum Locale {
  ZH_CN = 'ZH_CN',
  EN = 'EN',
}
registerEnumType(Locale, {
  name: 'Locale',
  description: 'Language of explanations: ZH_CN (简体中文) or EN.',
  valuesConfig: {
    ZH_CN: { description: 'Simplified Chinese (简体中文).' },
    EN: { description: 'English.' },
  },
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
  PARTNER_LINK_CODE = 'PARTNER_LINK_CODE',
  PARTNER_LINK_CHANGED = 'PARTNER_LINK_CHANGED',
  STATEMENT_READY = 'STATEMENT_READY',
  STATEMENT_DUE_SOON = 'STATEMENT_DUE_SOON',
  STATEMENT_OVERDUE = 'STATEMENT_OVERDUE',
}
registerEnumType(NoticeKindEnum, {
  name: 'NoticeKind',
  description: 'What a notice to a customer is about.',
  valuesConfig: {
    HIGH_UTILISATION: { description: 'Most of the limit is in use.' },
    DUE_SOON: { description: 'A repayment is due soon.' },
    OVERDUE: { description: 'A repayment is overdue.' },
    LIMIT_CHANGED: { description: 'The limit changed after a decision.' },
    PROMOTION_STARTED: { description: 'A promotion granted a temporary limit.' },
    PROMOTION_ENDING: { description: 'A promotion’s temporary limit ends soon.' },
    RECOVERY_STATUS: { description: 'A recovery request moved on.' },
    BUDGETING_TIP: { description: 'Advice on using credit (the default for staff notices).' },
    ACCOUNT_OPENED: { description: 'A credit account was opened.' },
    APPLICATION_DECLINED: { description: 'A credit application was declined.' },
    ACCOUNT_CLOSED: { description: 'The account was closed.' },
    ACCOUNT_FROZEN: { description: 'The account was frozen.' },
    ACCOUNT_UNFROZEN: { description: 'The account was unfrozen.' },
    PROMOTION_CANCELLED: { description: 'A promotion was cancelled and its limit withdrawn.' },
    CATEGORY_LIMIT_CHANGED: { description: 'A category limit (专项额度) changed.' },
    PARTNER_LINK_CODE: {
      description: 'The code to confirm a partner link (sent by the system only).',
    },
    PARTNER_LINK_CHANGED: {
      description: 'A partner link was made or revoked (sent by the system only).',
    },
    STATEMENT_READY: {
      description:
        'A revolving statement is out: balance, minimum payment, due date (sent by the system only).',
    },
    STATEMENT_DUE_SOON: {
      description:
        'A revolving statement is due soon and not paid in full (sent by the system only).',
    },
    STATEMENT_OVERDUE: {
      description: 'A revolving statement’s minimum payment was missed (sent by the system only).',
    },
  },
});
// Every kind the database allows must be in the enum (a kind missing here failed at run time once).
const noticeKindsCovered: [NoticeKind] extends [`${NoticeKindEnum}`] ? true : never = true;
void noticeKindsCovered;
export enum NoticeChannelEnum {
  IN_APP = 'IN_APP',
  SMS = 'SMS',
  EMAIL = 'EMAIL',
}
registerEnumType(NoticeChannelEnum, {
  name: 'NoticeChannel',
  description: 'How a notice reaches the customer.',
  valuesConfig: {
    IN_APP: { description: 'In the partner app.' },
    SMS: { description: 'By text message.' },
    EMAIL: { description: 'By email.' },
  },
});

@ObjectType('TemporaryLimit', {
  description: '临时额度: an extra limit within a window, optionally for one category.',
})
export class TemporaryLimitNode {
  @Field(() => Money, { description: 'The extra limit.' }) amount!: Money;
  @Field(() => String, {
    description: 'The purchase category it is for; null for any purchase.',
    nullable: true,
  })
  category?: string | null;
  @Field(() => GraphQLDateTime, { description: 'When it starts.' }) startsAt!: Date;
  @Field(() => GraphQLDateTime, { description: 'When it ends.' }) endsAt!: Date;
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
  @Field(() => String, { description: 'The purchase category.' }) category!: string;
  @Field(() => Money, { description: 'The most that purchases in this category may use.' })
  limit!: Money;
  @Field(() => Money, { description: 'How much purchases in this category use now.' }) used!: Money;
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
  @Field(() => DecisionKindEnum, {
    description:
      'INITIAL, PERIODIC_REVIEW, TRIGGERED_REVIEW, PROMOTION, FREEZE, UNFREEZE, RECOVERY, MANUAL or CLOSE.',
  })
  kind!: string;
  @Field(() => Money, { description: 'The base limit before the decision.' })
  baseLimitBefore!: Money;
  @Field(() => Money, { description: 'The base limit after the decision.' }) baseLimitAfter!: Money;
  @Field(() => Money, { nullable: true, description: 'The temporary amount granted (promotions).' })
  temporaryAmount?: Money | null;
  @Field(() => AccountStatusEnum, { description: 'The account status before the decision.' })
  statusBefore!: string;
  @Field(() => AccountStatusEnum, { description: 'The account status after the decision.' })
  statusAfter!: string;
  @Field(() => Int, {
    description: 'The credit score behind it, if the decision scored the customer.',
    nullable: true,
  })
  score?: number | null;
  @Field(() => GradeEnum, {
    description: 'The grade behind it, if the decision scored the customer.',
    nullable: true,
  })
  grade?: string | null;
  @Field(() => String, { description: 'The scoring model that scored it, if any.', nullable: true })
  modelVersion?: string | null;
  @Field(() => String, {
    description:
      'Version of the limit policy the decision was taken under (every decision records it, with the model version).',
  })
  policyVersion!: string;
  @Field(() => String, {
    description: 'SYSTEM or AGENT (decidedByName names the agent; show words, not this code).',
  })
  decidedBy!: string;
  @Field(() => String, { description: 'A free-text note from staff.', nullable: true }) note?:
    string | null;
  @Field(() => GraphQLDateTime, { description: 'When it was created.' }) createdAt!: Date;
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
  @Field(() => String, { description: 'The behaviour feature it is about.' }) feature!: string;
  @Field(() => String, { description: 'What to do, in words.' }) text!: string;
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
  @Field(() => String, { description: 'One sentence: what was decided.' }) headline!: string;
  @Field(() => [DecisionReason], {
    description: 'At most four reasons, ranked by their effect, in words.',
  })
  reasons!: DecisionReason[];
  @Field(() => [LimitImprovementNode], {
    description:
      'What would raise the limit, best first (for the latest decision only; empty otherwise).',
  })
  improvements!: LimitImprovementNode[];
  @Field(() => String, {
    nullable: true,
    description:
      'For a frozen or overdue account (latest decision only): what to pay and by when. Comes before any improvement.',
  })
  repaymentHint?: string | null;
  @Field(() => LimitDecisionNode, { description: 'The decision explained.', nullable: true })
  decision?: LimitDecisionNode | null;
}

@ObjectType('NoticeText', {
  description: 'A notice in words: what happened, what it means, what the customer can do.',
})
export class NoticeTextNode {
  @Field(() => String, { description: 'The text in Simplified Chinese.' }) zhCN!: string;
  @Field(() => String, { description: 'The text in English.' }) en!: string;
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
  @Field(() => NoticeKindEnum, { description: 'What the notice is about.' }) kind!: string;
  @Field(() => NoticeChannelEnum, { description: 'How it reaches the customer.' }) channel!: string;
  @Field(() => String, { nullable: true, description: 'The text, for notices sent by staff.' })
  message?: string | null;
  @Field(() => NoticeTextNode, {
    description: 'What the customer reads (in the app, by SMS and email), in zh-CN and en.',
  })
  text!: NoticeTextNode;
  @Field(() => GraphQLDateTime, { description: 'When it was created.' }) createdAt!: Date;
  @Field(() => GraphQLDateTime, {
    description: 'When it was sent; null while waiting.',
    nullable: true,
  })
  sentAt?: Date | null;
  @Field(() => GraphQLDateTime, {
    description: 'When the customer read it; null until then.',
    nullable: true,
  })
  readAt?: Date | null;
  @Field(() => GraphQLDateTime, {
    description: 'When it was acknowledged; null until then.',
    nullable: true,
  })
  acknowledgedAt?: Date | null;
  @Field(() => NoticeDeliveryStatusEnum, {
    nullable: true,
    description:
      'SMS and email: PENDING (waiting or being retried), DELIVERED, or FAILED (given up; see deliveryError). Null for in-app notices.',
  })
  deliveryStatus?: string | null;
  @Field(() => GraphQLDateTime, {
    description: 'When the SMS or mail provider took it; null until then or for in-app notices.',
    nullable: true,
  })
  deliveredAt?: Date | null;
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
  implements: Node,
  description: 'One line of the audit log: a mutation or a reveal, with its actor.',
})
export class AuditEntryNode extends Node {
  @Field(() => String, { description: 'What was done, e.g. PII_REVEALED or CUSTOMER_SEARCHED.' })
  action!: string;
  @Field(() => String, { description: 'AGENT:<id>, PARTNER:<id> or SYSTEM.' }) actor!: string;
  @Field(() => GraphQLDateTime, { description: 'When it was created.' }) createdAt!: Date;
  @Field(() => String, { nullable: true, description: 'Details as JSON text.' }) details?:
    string | null;
}
export const toAuditNode = (a: AuditEntry) =>
  Object.assign(new AuditEntryNode(), {
    id: toGlobalId('AuditEntry', a.id),
    action: a.action,
    actor: a.actorId ? `${a.actorType}:${a.actorId}` : a.actorType,
    createdAt: a.createdAt,
    details: JSON.stringify(a.details ?? {}),
  });

// ---- mutation inputs and payloads ----

@InputType({
  description:
    'The account and the reason, for `freezeAccount`, `unfreezeAccount` and `closeAccount`.',
})
export class AccountReasonInput {
  @Field(() => ID, { description: 'Global id of the credit account.' }) accountId!: string;
  @Field(() => String, { description: 'Why (required; kept in the audit log).' }) reason!: string;
}
@InputType({ description: 'The input of `requestLimitReview`.' })
export class RequestLimitReviewInput {
  @Field(() => ID, { description: 'Global id of the credit account.' }) accountId!: string;
  @Field(() => String, {
    description: 'Why a review now (1–500 characters; stored on the decision and audited).',
  })
  reason!: string;
}
@ObjectType({
  description:
    'The decision made and the account after it, or the userErrors saying why nothing changed.',
})
export class LimitDecisionPayload extends Payload('LimitDecision') {
  @Field(() => CreditAccountNode, {
    description: 'The credit account after the change; null when there are userErrors.',
    nullable: true,
  })
  account?: CreditAccountNode | null;
  @Field(() => LimitDecisionNode, {
    description: 'The limit decision created or changed; null when there are userErrors.',
    nullable: true,
  })
  decision?: LimitDecisionNode | null;
}

@InputType({ description: 'The input of `createPromotion`.' })
export class CreatePromotionInput {
  @Field(() => String, { description: 'Name of the campaign (1 to 100 characters).' })
  name!: string;
  @Field(() => GraphQLDateTime, { description: 'When it starts.' }) startsAt!: Date;
  @Field(() => GraphQLDateTime, { description: 'When it ends.' }) endsAt!: Date;
  @Field(() => [GradeEnum], { description: 'Grades A–E.' }) eligibleGrades!: string[];
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
  @Field(() => String, {
    description: 'A purchase category the temporary limit is for; null for any purchase.',
    nullable: true,
  })
  category?: string | null;
}
@ObjectType('Promotion', {
  implements: Node,
  description:
    'A campaign (e.g. 618) granting temporary limits to eligible grades within a window.',
})
export class PromotionNode extends Node {
  @Field(() => String, { description: 'Name of the campaign.' }) name!: string;
  @Field(() => GraphQLDateTime, { description: 'When it starts.' }) startsAt!: Date;
  @Field(() => GraphQLDateTime, { description: 'When it ends.' }) endsAt!: Date;
  @Field(() => PromotionStatusEnum, { description: 'SCHEDULED, ACTIVE, ENDED or CANCELLED.' })
  status!: string;
  @Field(() => [GradeEnum], {
    description: 'The grades whose ACTIVE accounts get the temporary limit.',
  })
  eligibleGrades!: string[];
  @Field(() => Money, { nullable: true, description: 'A fixed temporary amount, or null.' })
  amount?: Money | null;
  @Field(() => Int, { nullable: true, description: 'A share of the base limit (bp), or null.' })
  percentBp?: number | null;
  @Field(() => String, { nullable: true, description: 'Only for purchases in this category.' })
  category?: string | null;
  @Field(() => Int, { description: 'Accounts holding a temporary limit of it now.' })
  grantedAccounts!: number;
}
@ObjectType({
  description:
    'The result of `createPromotion`: what changed, or the userErrors saying why nothing did.',
})
export class CreatePromotionPayload extends Payload('CreatePromotion') {
  @Field(() => PromotionNode, {
    description: 'The promotion created or changed; null when there are userErrors.',
    nullable: true,
  })
  promotion?: PromotionNode | null;
}

@InputType({ description: 'The input of `sendNotice`.' })
export class SendNoticeInput {
  @Field(() => ID, { description: 'Global id of the customer.' }) customerId!: string;
  @Field(() => NoticeKindEnum, {
    description: 'What the notice is about (staff notices are usually BUDGETING_TIP).',
    defaultValue: NoticeKindEnum.BUDGETING_TIP,
  })
  kind!: NoticeKindEnum;
  @Field(() => NoticeChannelEnum, {
    description: 'How it reaches the customer.',
    defaultValue: NoticeChannelEnum.IN_APP,
  })
  channel!: NoticeChannelEnum;
  @Field(() => String, { description: 'The text (1 to 1000 characters).' }) message!: string;
}
@InputType({ description: 'The input of `acknowledgeNotice`.' })
export class AcknowledgeNoticeInput {
  @Field(() => ID, { description: 'Global id of the notice.' }) noticeId!: string;
}
@ObjectType({
  description: 'The notice sent or acknowledged, or the userErrors saying why nothing changed.',
})
export class NoticePayload extends Payload('Notice') {
  @Field(() => NoticeNode, {
    description: 'The notice created or changed; null when there are userErrors.',
    nullable: true,
  })
  notice?: NoticeNode | null;
}

@InputType({ description: 'The input of `revealCustomerPii`.' })
export class RevealCustomerPiiInput {
  @Field(() => ID, { description: 'Global id of the customer.' }) customerId!: string;
  @Field(() => String, { description: 'Why (required; kept in the audit log).' }) reason!: string;
}
@ObjectType({
  description:
    'The result of `revealCustomerPii`: what changed, or the userErrors saying why nothing did.',
})
export class RevealCustomerPiiPayload extends Payload('RevealCustomerPii') {
  @Field(() => String, {
    description: 'The full phone number; null when there are userErrors.',
    nullable: true,
  })
  phone?: string | null;
  @Field(() => String, {
    description: 'The full national ID; null when there are userErrors.',
    nullable: true,
  })
  nationalId?: string | null;
}
