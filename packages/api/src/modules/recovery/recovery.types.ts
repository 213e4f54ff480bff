import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { MaxLength, MinLength } from 'class-validator';
import { Money, money } from '../../graphql/money.js';
import { Node, toGlobalId } from '../../graphql/relay.js';
import { UserError } from '../../graphql/errors.js';
import { DecisionReason } from '../../graphql/decision-reason.js';
import type { RecoveryRequest } from './recovery-request.entity.js';
import {
  reasonText as scoringReasonText,
  type EngineLocale,
} from '../decisions/scoring-adapter.js';

export enum RecoveryTypeEnum {
  UNFREEZE = 'UNFREEZE',
  RESTORE_REDUCTION = 'RESTORE_REDUCTION',
  INCREASE = 'INCREASE',
}
registerEnumType(RecoveryTypeEnum, {
  name: 'RecoveryType',
  description: 'UNFREEZE a frozen account, RESTORE_REDUCTION of a reduced limit, or INCREASE.',
});

export enum RecoveryStatusEnum {
  SUBMITTED = 'SUBMITTED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  NEEDS_DOCUMENTS = 'NEEDS_DOCUMENTS',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  COMPLETED = 'COMPLETED',
}
registerEnumType(RecoveryStatusEnum, { name: 'RecoveryStatus' });

@ObjectType('RecoveryTransition', {
  description: 'One state change of a recovery request, with who made it and why.',
})
export class RecoveryTransitionNode {
  @Field(() => RecoveryStatusEnum, { nullable: true }) fromStatus?: string | null;
  @Field(() => RecoveryStatusEnum) toStatus!: string;
  @Field(() => String, { description: "SYSTEM, or the staff member's username." }) actor!: string;
  @Field(() => String, { description: 'SYSTEM or AGENT.' }) actorType!: string;
  @Field(() => String, {
    nullable: true,
    description: "The staff member's display name; null for the system.",
  })
  actorName?: string | null;
  @Field(() => String, {
    description:
      'As stored: the words of the agent, or an English sentence with codes from the system (use reasonText).',
  })
  reason!: string;
  @Field(() => GraphQLDateTime) createdAt!: Date;
}

@ObjectType('RecoveryDocument', { description: 'Metadata of an attached document.' })
export class RecoveryDocumentNode {
  @Field(() => String) kind!: string;
  @Field(() => String) fileName!: string;
  @Field(() => String) contentType!: string;
  @Field(() => Int) sizeBytes!: number;
  @Field(() => GraphQLDateTime) uploadedAt!: Date;
}

@ObjectType('RestorationStage', {
  description: 'A part of an approved restoration: now, or after on-time repayments.',
})
export class RestorationStageNode {
  @Field(() => Int) seq!: number;
  @Field(() => Money) amount!: Money;
  @Field(() => Int) onTimeRepaymentsRequired!: number;
  @Field(() => String, { description: 'PENDING, APPLIED or CANCELLED.' }) status!: string;
  @Field(() => GraphQLDateTime, { nullable: true }) appliedAt?: Date | null;
}

@ObjectType('RecoveryRequest', {
  implements: Node,
  description: '额度恢复申请: a request to unfreeze, restore or increase a limit.',
})
export class RecoveryRequestNode extends Node {
  localId!: string;
  customerLocalId!: string;
  @Field(() => RecoveryTypeEnum) type!: string;
  @Field(() => RecoveryStatusEnum) status!: string;
  @Field(() => String) reason!: string;
  @Field(() => GraphQLDateTime) createdAt!: Date;
  @Field(() => GraphQLDateTime) updatedAt!: Date;
  @Field(() => String, {
    nullable: true,
    description: 'The automatic review: APPROVE, NEED_DOCUMENTS, ROUTE_TO_SUPERVISOR or REJECT.',
  })
  autoOutcome?: string | null;
  reasonCodes!: string[];
  assignedAgentId?: string | null;
  accountId!: string;
  // `reasons(locale)`, `currentLimit`, `plan`, `assignedTo`, `dueAt` are field resolvers.
  @Field(() => Money, {
    nullable: true,
    description: 'INCREASE: the limit the customer asked for.',
  })
  requestedLimit?: Money | null;
  @Field(() => Money, { nullable: true, description: 'The base limit the restoration aims at.' })
  targetLimit?: Money | null;
}

export function toRecoveryNode(r: RecoveryRequest): RecoveryRequestNode {
  return Object.assign(new RecoveryRequestNode(), {
    id: toGlobalId('RecoveryRequest', r.id),
    localId: r.id,
    customerLocalId: r.customerId,
    type: r.type,
    status: r.status,
    reason: r.reason,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    autoOutcome: r.autoOutcome ?? null,
    reasonCodes: (Array.isArray(r.reasons) ? r.reasons : []).map(String),
    assignedAgentId: r.assignedAgentId ?? null,
    accountId: r.accountId,
    requestedLimit: r.requestedLimitFen != null ? money(r.requestedLimitFen) : null,
    targetLimit: r.targetLimitFen != null ? money(r.targetLimitFen) : null,
  });
}

@InputType()
export class RecoveryDocumentInput {
  @Field(() => String) @MinLength(1) @MaxLength(50) kind!: string;
  @Field(() => String) @MinLength(1) @MaxLength(255) fileName!: string;
  @Field(() => String) @MaxLength(100) contentType!: string;
  @Field(() => Int) sizeBytes!: number;
}

@InputType()
export class FileRecoveryRequestInput {
  @Field(() => ID) customerId!: string;
  @Field(() => RecoveryTypeEnum) type!: RecoveryTypeEnum;
  @Field(() => String) reason!: string;
  @Field(() => String, {
    nullable: true,
    description: 'For INCREASE: the limit asked for, in yuan.',
  })
  requestedLimit?: string | null;
  @Field(() => [RecoveryDocumentInput], { nullable: true }) documents?:
    RecoveryDocumentInput[] | null;
}

@InputType()
export class AddRecoveryDocumentsInput {
  @Field(() => ID) requestId!: string;
  @Field(() => [RecoveryDocumentInput]) documents!: RecoveryDocumentInput[];
}

/** The automatic review's reason codes with their texts in a locale. */
export const recoveryReasons = (codes: string[], locale: EngineLocale): DecisionReason[] =>
  codes.map((c) =>
    Object.assign(new DecisionReason(), { code: c, text: scoringReasonText(c, locale) }),
  );

@InputType({
  description: 'Take a request from the queue: it is assigned to the signed-in supervisor.',
})
export class TakeRecoveryRequestInput {
  @Field(() => ID, { description: 'The request to take (Relay id).' }) requestId!: string;
}

export enum QueueAssignmentEnum {
  ALL = 'ALL',
  MINE = 'MINE',
  UNASSIGNED = 'UNASSIGNED',
}
registerEnumType(QueueAssignmentEnum, {
  name: 'QueueAssignment',
  description: 'ALL requests, only MINE (taken by me), or UNASSIGNED (taken by nobody).',
  valuesConfig: {
    ALL: { description: 'Every request waiting for review.' },
    MINE: { description: 'Only those the signed-in supervisor took.' },
    UNASSIGNED: { description: 'Only those nobody has taken.' },
  },
});

@InputType()
export class DecideRecoveryRequestInput {
  @Field(() => ID) requestId!: string;
  @Field(() => String) reason!: string;
}

@ObjectType()
export class RecoveryRequestPayload {
  @Field(() => RecoveryRequestNode, { nullable: true })
  recoveryRequest?: RecoveryRequestNode | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}
