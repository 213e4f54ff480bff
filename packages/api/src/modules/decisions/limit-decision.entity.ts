import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Fen, Id } from '../../db/types.js';

export const DECISION_KINDS = [
  'INITIAL',
  'PERIODIC_REVIEW',
  'TRIGGERED_REVIEW',
  'PROMOTION',
  'FREEZE',
  'UNFREEZE',
  'RECOVERY',
  'MANUAL',
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export interface StoredReason {
  code: string;
  feature?: string;
  pointsLost?: number;
  value?: number | string | null;
}

/** Every change of a limit or status. Append-only: a database trigger refuses UPDATE/DELETE. */
@Entity({ tableName: 'limit_decisions' })
export class LimitDecision {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: Id }) accountId!: string;
  @Property({ type: Id }) customerId!: string;
  @Property({ type: 'text' }) kind!: DecisionKind;
  @Property({ type: Fen }) baseLimitBeforeFen!: number;
  @Property({ type: Fen }) baseLimitAfterFen!: number;
  @Property({ type: Fen, nullable: true }) temporaryAmountFen?: number | null;
  @Property({ type: 'text' }) statusBefore!: string;
  @Property({ type: 'text' }) statusAfter!: string;
  @Property({ type: 'integer', nullable: true }) score?: number | null;
  @Property({ type: 'text', nullable: true }) grade?: string | null;
  @Property({ type: 'double', nullable: true }) probabilityOfDefault?: number | null;
  @Property({ type: 'text', nullable: true }) modelVersion?: string | null;
  /** The limit policy's version the decision was taken under (`LimitPolicy.version`). */
  @Property({ type: 'text' }) policyVersion!: string;
  @Property({ type: 'json' }) features: Record<string, number | string | null> = {};
  @Property({ type: 'json' }) reasons: StoredReason[] = [];
  @Property({ type: 'text' }) decidedBy!: 'SYSTEM' | 'AGENT';
  @Property({ type: Id, nullable: true }) agentId?: string | null;
  @Property({ type: 'text', nullable: true }) note?: string | null;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
}
