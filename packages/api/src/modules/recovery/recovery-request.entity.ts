import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Fen, Id } from '../../db/types.js';

export const RECOVERY_TYPES = ['UNFREEZE', 'RESTORE_REDUCTION', 'INCREASE'] as const;
export type RecoveryType = (typeof RECOVERY_TYPES)[number];
export const RECOVERY_STATUSES = [
  'SUBMITTED',
  'UNDER_REVIEW',
  'NEEDS_DOCUMENTS',
  'APPROVED',
  'REJECTED',
  'COMPLETED',
] as const;
export type RecoveryStatus = (typeof RECOVERY_STATUSES)[number];

/** 额度恢复申请: filed by an agent for a customer whose limit was frozen, reduced or used up. */
@Entity({ tableName: 'recovery_requests' })
export class RecoveryRequest {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: Id }) accountId!: string;
  @Property({ type: Id }) customerId!: string;
  @Property({ type: 'text' }) type!: RecoveryType;
  @Property({ type: 'text' }) status!: RecoveryStatus;
  @Property({ type: 'text' }) reason!: string;
  @Property({ type: Fen, nullable: true }) requestedLimitFen?: number | null;
  @Property({ type: Fen, nullable: true }) targetLimitFen?: number | null;
  @Property({ type: 'text', nullable: true }) autoOutcome?: string | null;
  @Property({ type: 'json' }) reasons: unknown[] = [];
  @Property({ type: Id, nullable: true }) filedByAgentId?: string | null;
  @Property({ type: Id, nullable: true }) decidedByAgentId?: string | null;
  @Property({ type: Id, nullable: true }) assignedAgentId?: string | null;
  @Property({ type: 'datetime', nullable: true }) assignedAt?: Date | null;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
  @Property({ type: 'datetime', defaultRaw: 'now()' }) updatedAt: Date = new Date();
}

/** Metadata of a document attached to a request (the file itself lives elsewhere). */
@Entity({ tableName: 'recovery_documents' })
export class RecoveryDocument {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: Id }) requestId!: string;
  @Property({ type: Id }) customerId!: string;
  @Property({ type: 'text' }) kind!: string;
  @Property({ type: 'text' }) fileName!: string;
  @Property({ type: 'text' }) contentType!: string;
  @Property({ type: 'integer' }) sizeBytes!: number;
  @Property({ type: 'text', nullable: true }) sha256?: string | null;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) uploadedAt: Date = new Date();
}

/** One state change of a request; append-only. */
@Entity({ tableName: 'recovery_transitions' })
export class RecoveryTransition {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: Id }) requestId!: string;
  @Property({ type: Id }) customerId!: string;
  @Property({ type: 'text', nullable: true }) fromStatus?: RecoveryStatus | null;
  @Property({ type: 'text' }) toStatus!: RecoveryStatus;
  @Property({ type: 'text' }) actorType!: 'SYSTEM' | 'AGENT';
  @Property({ type: Id, nullable: true }) agentId?: string | null;
  @Property({ type: 'text' }) reason!: string;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
}

/** A part of an approved restoration: applied now (stage 1) or after on-time repayments. */
@Entity({ tableName: 'restoration_stages' })
export class RestorationStage {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: Id }) requestId!: string;
  @Property({ type: Id }) accountId!: string;
  @Property({ type: Id }) customerId!: string;
  @Property({ type: 'integer' }) seq!: number;
  @Property({ type: Fen }) amountFen!: number;
  @Property({ type: 'integer' }) onTimeRepaymentsRequired = 0;
  @Property({ type: 'text' }) status: 'PENDING' | 'APPLIED' | 'CANCELLED' = 'PENDING';
  @Property({ type: 'datetime', nullable: true }) appliedAt?: Date | null;
}
