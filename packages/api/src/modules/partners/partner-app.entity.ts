import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Id } from '../../db/types.js';

export const PARTNER_SCOPES = [
  'limits:read',
  'quotes:read',
  'purchases:write',
  'repayments:write',
  // Register webhook endpoints and read their deliveries (issue 13).
  'webhooks:manage',
  /** Open a credit line for a customer who linked the app (applyForCredit). */
  'accounts:apply',
] as const;
export type PartnerScope = (typeof PARTNER_SCOPES)[number];

/**
 * A partner app (checkout, wallet). Its scopes bound what any of its keys and links may do;
 * what it can see (its own purchases, its links) belongs to the app, not to one key.
 */
@Entity({ tableName: 'partner_apps' })
export class PartnerApp {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: 'text' }) name!: string;
  @Property({ type: 'text[]' }) scopes: string[] = [];
  @Property({ type: 'boolean' }) active = true;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
}

/**
 * An API key of a partner app: `X-Api-Key: <keyId>.<secret>`. Only the secret's SHA-256 is
 * kept; the secret is shown once when the key is issued. A key may narrow the app's scopes.
 */
@Entity({ tableName: 'partner_api_keys' })
export class PartnerApiKey {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: Id }) partnerAppId!: string;
  @Property({ type: 'text' }) keyId!: string;
  @Property({ type: 'text', lazy: true }) secretHash!: string;
  @Property({ type: 'text[]' }) scopes: string[] = [];
  @Property({ type: 'text', nullable: true }) label?: string | null;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
  /** Set when the key was rotated: it keeps working until then, so clients can switch over. */
  @Property({ type: 'datetime', nullable: true }) expiresAt?: Date | null;
  @Property({ type: 'datetime', nullable: true }) revokedAt?: Date | null;
  @Property({ type: 'datetime', nullable: true }) lastUsedAt?: Date | null;
}
