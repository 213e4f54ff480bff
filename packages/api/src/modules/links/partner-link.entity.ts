import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Id } from '../../db/types.js';

/**
 * A customer's consent (授权) for a partner app to act for them, with the scopes they agreed to
 * and an expiry. At most one ACTIVE link per customer and app; a revoked link stays as history.
 */
@Entity({ tableName: 'partner_links' })
export class PartnerLink {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: Id }) partnerAppId!: string;
  @Property({ type: Id }) customerId!: string;
  @Property({ type: 'text[]' }) scopes: string[] = [];
  @Property({ type: 'text' }) status: 'ACTIVE' | 'REVOKED' = 'ACTIVE';
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
  @Property({ type: 'datetime' }) expiresAt!: Date;
  @Property({ type: 'datetime', nullable: true }) revokedAt?: Date | null;
  @Property({ type: 'text', nullable: true }) revokedByType?: 'AGENT' | 'PARTNER' | 'SYSTEM' | null;
  @Property({ type: Id, nullable: true }) revokedById?: string | null;
  @Property({ type: 'text', nullable: true }) revokeReason?: string | null;
}

/**
 * A link being made: the partner named a phone, the customer was sent a one-time code. The
 * customer is null when the phone is nobody's — the partner is answered the same either way.
 */
@Entity({ tableName: 'partner_link_requests' })
export class PartnerLinkRequest {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: Id }) partnerAppId!: string;
  @Property({ type: Id, nullable: true }) customerId?: string | null;
  @Property({ type: 'text[]' }) scopes: string[] = [];
  @Property({ type: 'text', lazy: true }) codeHash!: string;
  @Property({ type: 'integer' }) attempts = 0;
  @Property({ type: 'text' }) status: 'PENDING' | 'CONFIRMED' | 'FAILED' = 'PENDING';
  @Property({ type: 'datetime' }) expiresAt!: Date;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
  @Property({ type: 'datetime', nullable: true }) confirmedAt?: Date | null;
}
