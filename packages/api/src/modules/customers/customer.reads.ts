import type { Customer } from './customer.entity.js';

/** Customers by id, for the per-request loader (the encrypted columns are never read here). */
export const CUSTOMERS_BY_ID = `select id, name, national_id_masked, phone_masked, real_name_verified, phone_bound, bank_card_bound, bank_card_last4,
  income_band, device_id, phone_changed_at, registered_at, created_at from customers where id = any($1::bigint[])`;

export interface CustomerRow {
  id: string;
  name: string;
  national_id_masked: string;
  phone_masked: string;
  real_name_verified: boolean;
  phone_bound: boolean;
  bank_card_bound: boolean;
  bank_card_last4: string | null;
  income_band: Customer['incomeBand'];
  device_id: string | null;
  phone_changed_at: Date | null;
  registered_at: Date;
  created_at: Date;
}

/** A customer read for display: the entity's fields except the lazily loaded encrypted ones. */
export type CustomerRead = Omit<Customer, 'nationalIdEnc' | 'nationalIdHash' | 'phoneEnc' | 'phoneHash'>;

export function customerFromRow(r: CustomerRow): CustomerRead {
  return {
    id: r.id,
    name: r.name,
    nationalIdMasked: r.national_id_masked,
    phoneMasked: r.phone_masked,
    realNameVerified: r.real_name_verified,
    phoneBound: r.phone_bound,
    bankCardBound: r.bank_card_bound,
    bankCardLast4: r.bank_card_last4,
    incomeBand: r.income_band,
    deviceId: r.device_id,
    phoneChangedAt: r.phone_changed_at,
    registeredAt: r.registered_at,
    createdAt: r.created_at,
  };
}
