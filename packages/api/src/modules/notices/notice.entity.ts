import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Id } from '../../db/types.js';

export const NOTICE_KINDS = [
  'HIGH_UTILISATION',
  'DUE_SOON',
  'OVERDUE',
  'LIMIT_CHANGED',
  'PROMOTION_STARTED',
  'PROMOTION_ENDING',
  'RECOVERY_STATUS',
  'BUDGETING_TIP',
  'ACCOUNT_OPENED',
  'APPLICATION_DECLINED',
  'ACCOUNT_CLOSED',
  'ACCOUNT_FROZEN',
  'ACCOUNT_UNFROZEN',
  'PROMOTION_CANCELLED',
  'CATEGORY_LIMIT_CHANGED',
  'PARTNER_LINK_CODE',
  'PARTNER_LINK_CHANGED',
  'STATEMENT_READY',
  'STATEMENT_DUE_SOON',
  'STATEMENT_OVERDUE',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_CHANNELS = ['IN_APP', 'SMS', 'EMAIL'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

/** 用户教育通知. `(customer_id, event_key)` is unique: one event never notifies twice. */
@Entity({ tableName: 'notices' })
export class Notice {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: Id }) customerId!: string;
  @Property({ type: 'text' }) kind!: NoticeKind;
  @Property({ type: 'text' }) channel!: NoticeChannel;
  @Property({ type: 'text' }) eventKey!: string;
  @Property({ type: 'json' }) payload: Record<string, unknown> = {};
  @Property({ type: Id, nullable: true }) sentByAgentId?: string | null;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
  @Property({ type: 'datetime', nullable: true }) sentAt?: Date | null;
  @Property({ type: 'datetime', nullable: true }) readAt?: Date | null;
  @Property({ type: 'datetime', nullable: true }) acknowledgedAt?: Date | null;
  /** SMS/email only: PENDING → DELIVERED, or FAILED once the outbox gave up (dead letter). */
  @Property({ type: 'text', nullable: true }) deliveryStatus?:
    'PENDING' | 'DELIVERED' | 'FAILED' | null;
  @Property({ type: 'datetime', nullable: true }) deliveredAt?: Date | null;
  @Property({ type: 'text', nullable: true }) deliveryError?: string | null;
}

/** Messages waiting to leave through SMS or email (the in-app channel needs none). */
@Entity({ tableName: 'notice_outbox' })
export class NoticeOutbox {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: Id }) noticeId!: string;
  @Property({ type: Id }) customerId!: string;
  @Property({ type: 'text' }) channel!: NoticeChannel;
  /** PENDING (waiting or retrying) → SENT, or DEAD after DELIVERY_MAX_ATTEMPTS (dead letter). */
  @Property({ type: 'text' }) status: 'PENDING' | 'SENT' | 'FAILED' | 'DEAD' = 'PENDING';
  @Property({ type: 'integer' }) attempts = 0;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
  @Property({ type: 'datetime', nullable: true }) sentAt?: Date | null;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) nextAttemptAt: Date = new Date();
  @Property({ type: 'text', nullable: true }) lastError?: string | null;
  @Property({ type: 'text', nullable: true }) recipientMasked?: string | null;
  @Property({ type: 'text', nullable: true }) providerMessageId?: string | null;
}
