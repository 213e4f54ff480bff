import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Id } from '../../db/types.js';

export const INCOME_BANDS = ['LOW', 'MID', 'HIGH', 'VERY_HIGH'] as const;
export type IncomeBand = (typeof INCOME_BANDS)[number];

/** A person. National ID and phone are stored encrypted, with a blind index for lookup. */
@Entity({ tableName: 'customers' })
export class Customer {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: 'text' }) name!: string;
  @Property({ type: 'blob', lazy: true }) nationalIdEnc!: Buffer;
  @Property({ type: 'blob', lazy: true }) nationalIdHash!: Buffer;
  @Property({ type: 'text' }) nationalIdMasked!: string;
  @Property({ type: 'blob', lazy: true }) phoneEnc!: Buffer;
  @Property({ type: 'blob', lazy: true }) phoneHash!: Buffer;
  @Property({ type: 'text' }) phoneMasked!: string;
  /** Where email notices go (optional; encrypted like the phone). */
  @Property({ type: 'blob', lazy: true, nullable: true }) emailEnc?: Buffer | null;
  @Property({ type: 'text', nullable: true }) emailMasked?: string | null;
  @Property({ type: 'blob', lazy: true, nullable: true, fieldName: 'phone_last4_hash' })
  phoneLast4Hash?: Buffer | null;
  @Property({ type: 'boolean' }) realNameVerified = false;
  @Property({ type: 'boolean' }) phoneBound = false;
  @Property({ type: 'boolean' }) bankCardBound = false;
  @Property({ type: 'text', nullable: true }) bankCardLast4?: string | null;
  @Property({ type: 'text' }) incomeBand!: IncomeBand;
  @Property({ type: 'text', nullable: true }) deviceId?: string | null;
  @Property({ type: 'datetime', nullable: true }) phoneChangedAt?: Date | null;
  @Property({ type: 'datetime' }) registeredAt!: Date;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
}
