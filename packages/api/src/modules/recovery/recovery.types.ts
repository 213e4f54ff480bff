import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { MaxLength, MinLength } from 'class-validator';
import { Money, money } from '../../graphql/money.js';
import { Node, toGlobalId } from '../../graphql/relay.js';
import { DecisionReason } from '../../graphql/decision-reason.js';
import type { RecoveryRequest } from './recovery-request.entity.js';
import {
  reasonText as scoringReasonText,
  type EngineLocale,
} from '../decisions/scoring-adapter.js';
import { RecoveryOutcomeEnum, RestorationStageStatusEnum } from '../../graphql/enums.js';
import { Payload } from '../../graphql/payload.js';

export enum RecoveryTypeEnum {
  UNFREEZE = 'UNFREEZE',
  RESTORE_REDUCTION = 'RESTORE_REDUCTION',
  INCREASE = 'INCREASE',
}
registerEnumType(RecoveryTypeEnum, {
  name: 'RecoveryType',
  description: 'UNFREEZE a frozen account, RESTORE_REDUCTION of a reduced limit, or INCREASE.',
  valuesConfig: {
    UNFREEZE: { description: 'Unfreeze a frozen account.' },
    RESTORE_REDUCTION: { description: 'Restore a limit that was reduced.' },
    INCREASE: { description: 'Raise the limit.' },
  },
});

export enum RecoveryStatusEnum {
  SUBMITTED = 'SUBMITTED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  NEEDS_DOCUMENTS = 'NEEDS_DOCUMENTS',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  COMPLETED = 'COMPLETED',
}
registerEnumType(RecoveryStatusEnum, {
  name: 'RecoveryStatus',
  description: 'Where a recovery request is.',
  valuesConfig: {
    SUBMITTED: { description: 'Filed, waiting for the automatic review.' },
    UNDER_REVIEW: { description: 'A person is reviewing it.' },
    NEEDS_DOCUMENTS: { description: 'Waiting for documents from the customer.' },
    APPROVED: { description: 'Approved; a staged restoration may still be running.' },
    REJECTED: { description: 'Refused.' },
    COMPLETED: { description: 'Approved and fully applied.' },
  },
});

@ObjectType('RecoveryTransition', {
  description: 'One state change of a recovery request, with who made it and why.',
})
export class RecoveryTransitionNode {
  @Field(() => RecoveryStatusEnum, {
    description: 'The status before; null for the first.',
    nullable: true,
  })
  fromStatus?: string | null;
  @Field(() => RecoveryStatusEnum, { description: 'The status after.' }) toStatus!: string;
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
  @Field(() => GraphQLDateTime, { description: 'When it was created.' }) createdAt!: Date;
}

@ObjectType('RecoveryDocument', { description: 'Metadata of an attached document.' })
export class RecoveryDocumentNode {
  @Field(() => String, {
    description: 'What the document is, e.g. INCOME_PROOF (free text, 1 to 50 characters).',
  })
  kind!: string;
  @Field(() => String, { description: "The file's name." }) fileName!: string;
  @Field(() => String, { description: 'Its MIME type, e.g. application/pdf.' })
  contentType!: string;
  @Field(() => Int, { description: 'Its size in bytes.' }) sizeBytes!: number;
  @Field(() => GraphQLDateTime, { description: 'When it was added.' }) uploadedAt!: Date;
}

@ObjectType('RestorationStage', {
  description: 'A part of an approved restoration: now, or after on-time repayments.',
})
export class RestorationStageNode {
  @Field(() => Int, { description: 'The stage number, from 1.' }) seq!: number;
  @Field(() => Money, { description: 'The limit it restores.' }) amount!: Money;
  @Field(() => Int, { description: 'On-time repayments needed before it applies.' })
  onTimeRepaymentsRequired!: number;
  @Field(() => RestorationStageStatusEnum, { description: 'PENDING, APPLIED or CANCELLED.' })
  status!: string;
  @Field(() => GraphQLDateTime, {
    description: 'When it was applied; null until then.',
    nullable: true,
  })
  appliedAt?: Date | null;
}

@ObjectType('RecoveryRequest', {
  implements: Node,
  description: '额度恢复申请: a request to unfreeze, restore or increase a limit.',
})
export class RecoveryRequestNode extends Node {
  localId!: string;
  customerLocalId!: string;
  @Field(() => RecoveryTypeEnum, { description: 'What the customer asks for.' }) type!: string;
  @Field(() => RecoveryStatusEnum, { description: 'Where the request is.' }) status!: string;
  @Field(() => String, { description: "The customer's reason." }) reason!: string;
  @Field(() => GraphQLDateTime, { description: 'When it was created.' }) createdAt!: Date;
  @Field(() => GraphQLDateTime, { description: 'When it last changed.' }) updatedAt!: Date;
  @Field(() => RecoveryOutcomeEnum, {
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

@InputType({
  description:
    'A document supporting a recovery request (its description; the file is kept elsewhere).',
})
export class RecoveryDocumentInput {
  @Field(() => String, {
    description: 'What the document is, e.g. INCOME_PROOF (1 to 50 characters).',
  })
  @MinLength(1)
  @MaxLength(50)
  kind!: string;
  @Field(() => String, { description: "The file's name." })
  @MinLength(1)
  @MaxLength(255)
  fileName!: string;
  @Field(() => String, { description: 'Its media type, e.g. application/pdf.' })
  @MaxLength(100)
  contentType!: string;
  @Field(() => Int, { description: 'Its size in bytes (1 byte to 20 MB).' }) sizeBytes!: number;
}

@InputType({ description: 'The input of `fileRecoveryRequest`.' })
export class FileRecoveryRequestInput {
  @Field(() => ID, { description: 'Global id of the customer.' }) customerId!: string;
  @Field(() => RecoveryTypeEnum, { description: 'What the customer asks for.' })
  type!: RecoveryTypeEnum;
  @Field(() => String, { description: 'Why (required; kept in the audit log).' }) reason!: string;
  @Field(() => String, {
    nullable: true,
    description: 'For INCREASE: the limit asked for, in yuan.',
  })
  requestedLimit?: string | null;
  @Field(() => [RecoveryDocumentInput], { description: 'Documents to attach now.', nullable: true })
  documents?: RecoveryDocumentInput[] | null;
}

@InputType({ description: 'The input of `addRecoveryDocuments`.' })
export class AddRecoveryDocumentsInput {
  @Field(() => ID, { description: 'Global id of the recovery request.' }) requestId!: string;
  @Field(() => [RecoveryDocumentInput], { description: 'Documents to attach.' })
  documents!: RecoveryDocumentInput[];
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

@InputType({
  description:
    'The request and the reason, for `approveRecoveryRequest` and `rejectRecoveryRequest`.',
})
export class DecideRecoveryRequestInput {
  @Field(() => ID, { description: 'Global id of the recovery request.' }) requestId!: string;
  @Field(() => String, { description: 'Why (required; kept in the audit log).' }) reason!: string;
}

@ObjectType({
  description:
    'The recovery request after the change, or the userErrors saying why nothing changed.',
})
export class RecoveryRequestPayload extends Payload('RecoveryRequest') {
  @Field(() => RecoveryRequestNode, {
    description: 'The recovery request created or changed; null when there are userErrors.',
    nullable: true,
  })
  recoveryRequest?: RecoveryRequestNode | null;
}
