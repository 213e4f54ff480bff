import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Fen, Id } from '../../db/types.js';
import type { PurchaseStatusEnum } from '../../graphql/enums.js';

export const PURCHASE_STATUSES = [
  'HELD',
  'PENDING_REVIEW',
  'DECLINED',
  'CAPTURED',
  'RELEASED',
  'EXPIRED',
  'REJECTED',
] as const;
export type PurchaseStatus = (typeof PURCHASE_STATUSES)[number];
// Every status must be in the schema's PurchaseStatus enum (a status missing there would fail
// at run time when a purchase in it is read).
const statusesCovered: [PurchaseStatus] extends [keyof typeof PurchaseStatusEnum] ? true : never =
  true;
void statusesCovered;

/** An authorization request from a partner app against the available limit. */
@Entity({ tableName: 'purchases' })
export class Purchase {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: Id }) accountId!: string;
  @Property({ type: Id }) customerId!: string;
  @Property({ type: Id, nullable: true }) partnerAppId?: string | null;
  @Property({ type: Fen }) amountFen!: number;
  @Property({ type: 'text' }) category!: string;
  @Property({ type: 'text' }) merchant!: string;
  @Property({ type: 'text' }) status!: PurchaseStatus;
  /** The first decision (HELD, DECLINED or PENDING_REVIEW), kept when the status moves on. */
  @Property({ type: 'text', nullable: true }) decision?:
    'HELD' | 'DECLINED' | 'PENDING_REVIEW' | null;
  @Property({ type: 'text', nullable: true }) declineCode?: string | null;
  @Property({ type: 'json' }) reasons: string[] = [];
  @Property({ type: 'text', nullable: true }) deviceId?: string | null;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
  @Property({ type: 'datetime', nullable: true }) decidedAt?: Date | null;
  /** Captured so far (split shipments capture in parts) and refunded of that. */
  @Property({ type: Fen }) capturedFen = 0;
  @Property({ type: Fen }) refundedFen = 0;
}

/** The money a purchase holds against the limit until it is captured, released or expires. */
@Entity({ tableName: 'holds' })
export class Hold {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: Id }) purchaseId!: string;
  @Property({ type: Id }) accountId!: string;
  @Property({ type: Id }) customerId!: string;
  @Property({ type: Fen }) amountFen!: number;
  @Property({ type: 'text', nullable: true }) category?: string | null;
  @Property({ type: 'text' }) status!: 'LIVE' | 'CAPTURED' | 'RELEASED' | 'EXPIRED';
  @Property({ type: 'datetime' }) expiresAt!: Date;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
  @Property({ type: 'datetime', nullable: true }) closedAt?: Date | null;
}
