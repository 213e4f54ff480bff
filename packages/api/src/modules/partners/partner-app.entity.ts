import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Id } from '../../db/types.js';

export const PARTNER_SCOPES = [
  'limits:read',
  'quotes:read',
  'purchases:write',
  'repayments:write',
  // Register webhook endpoints and read their deliveries (issue 13).
  'webhooks:manage',
] as const;
export type PartnerScope = (typeof PARTNER_SCOPES)[number];

/** A partner app (checkout, wallet) calling the API with a key; only the key's hash is kept. */
@Entity({ tableName: 'partner_apps' })
export class PartnerApp {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: 'text' }) name!: string;
  @Property({ type: 'text' }) keyId!: string;
  @Property({ type: 'text', lazy: true }) keyHash!: string;
  @Property({ type: 'text[]' }) scopes: string[] = [];
  @Property({ type: 'boolean' }) active = true;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
}
