import type { Customer } from './customer.entity.js';
import { ACCOUNT_COLUMNS, type AccountRow } from '../accounts/account.reads.js';
import { LATEST_DECISION_JSON } from '../decisions/decision.reads.js';

/**
 * Customers by id with their accounts, for the per-request loaders (the encrypted columns are
 * never read here). Nearly every view of a customer shows the account, so it comes in the same
 * round trip and primes the account loaders.
 */
const CUSTOMER_COLUMNS = `c.id, c.name, c.national_id_masked, c.phone_masked, c.real_name_verified, c.phone_bound, c.bank_card_bound, c.bank_card_last4,
  c.income_band, c.device_id, c.phone_changed_at, c.registered_at, c.created_at`;
export const CUSTOMERS_BY_ID = `select ${CUSTOMER_COLUMNS}, ${ACCOUNT_COLUMNS}
  from customers c left join credit_accounts a on a.customer_id = c.id where c.id = any($1::bigint[])`;
/** The same with each account's latest decision, when the query asks for it (a customer page). */
export const CUSTOMERS_WITH_DECISION_BY_ID = `select ${CUSTOMER_COLUMNS}, ${ACCOUNT_COLUMNS}, ${LATEST_DECISION_JSON}
  from customers c left join credit_accounts a on a.customer_id = c.id where c.id = any($1::bigint[])`;

/** A customer's columns, and its account's (all null when it has none). */
export type CustomerRow = CustomerColumns & AccountRow;

interface CustomerColumns {
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
export type CustomerRead = Omit<
  Customer,
  'nationalIdEnc' | 'nationalIdHash' | 'phoneEnc' | 'phoneHash'
>;

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
