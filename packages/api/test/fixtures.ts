import type { Config } from '../src/config/config.js';
import {
  blindIndex,
  phoneLast4Index,
  encryptPii,
  maskNationalId,
  maskPhone,
  nationalIdCheckChar,
} from '../src/modules/customers/pii.js';
import { hashPassword } from '../src/modules/agents/passwords.js';
import { hashApiSecret } from '../src/modules/auth/auth.service.js';
import { agentViewer, riskViewer, supervisorViewer, type TestApi } from './harness.js';
import type { Viewer } from '../src/modules/auth/viewer.js';

let seq = 0;

/** A valid 18-digit national ID for a sequence number (region 110101, born 1960 + n / 1000 days). */
export function nationalIdFor(n: number): string {
  // Birth date and sequence both from n, so that distinct n give distinct IDs (the blind index is
  // unique): n % 1000 alone collided about once in five files with twenty customers.
  const born = new Date(Date.UTC(1960, 0, 1) + Math.floor(n / 1000) * 86_400_000)
    .toISOString()
    .slice(0, 10)
    .replace(/-/g, '');
  const first17 = `110101${born}${String(n % 1000).padStart(3, '0')}`;
  return first17 + nationalIdCheckChar(first17);
}

export interface CustomerFixture {
  customerId: string;
  accountId: string;
  phone: string;
  nationalId: string;
  accountNumber: string;
}

/**
 * Insert a customer with an account (personal data encrypted as in production). For tests that
 * need precise states; the seed generator gives realistic populations.
 */
export async function insertCustomer(
  api: TestApi,
  opts: {
    name?: string;
    baseLimitFen?: number;
    outstandingFen?: number;
    status?: 'ACTIVE' | 'FROZEN' | 'CLOSED';
    incomeBand?: string;
    /** A customer without a credit account yet (an applicant); accountId and accountNumber are ''. */
    noAccount?: boolean;
    realNameVerified?: boolean;
    /** Not linked to the test partner apps (by default every test partner app is linked). */
    unlinked?: boolean;
  } = {},
): Promise<CustomerFixture> {
  const n = ++seq + Math.floor(Math.random() * 1e6);
  const phone = `139${String(n).padStart(8, '0').slice(-8)}`;
  const nationalId = nationalIdFor(n);
  const cfg: Config = api.config;
  const [c] = await api.sql<{ id: string }>(
    `insert into customers (name, national_id_enc, national_id_hash, national_id_masked, phone_enc, phone_hash, phone_masked, phone_last4_hash, real_name_verified, phone_bound, bank_card_bound, income_band, registered_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, true, true, ?, now() - interval '400 days') returning id`,
    [
      opts.name ?? `测试客户${n}`,
      encryptPii(nationalId, cfg.secrets.piiKey),
      blindIndex('national_id', nationalId, cfg.secrets.blindIndexKey),
      maskNationalId(nationalId),
      encryptPii(phone, cfg.secrets.piiKey),
      blindIndex('phone', phone, cfg.secrets.blindIndexKey),
      maskPhone(phone),
      phoneLast4Index(phone, cfg.secrets.blindIndexKey),
      opts.realNameVerified ?? true,
      opts.incomeBand ?? 'MID',
    ],
  );
  if (opts.noAccount) {
    if (!opts.unlinked)
      await api.sql(
        `insert into partner_links (partner_app_id, customer_id, scopes, expires_at)
         select id, ?, scopes, now() + interval '1 year' from partner_apps where name = 'test partner'`,
        [c!.id],
      );
    return { customerId: String(c!.id), accountId: '', phone, nationalId, accountNumber: '' };
  }
  const accountNumber = `CL${String(n).padStart(10, '0').slice(-10)}`;
  const [a] = await api.sql<{ id: string }>(
    `insert into credit_accounts (customer_id, account_number, status, base_limit_fen, outstanding_principal_fen, opened_at, frozen_reason)
     values (?, ?, ?, ?, ?, now() - interval '390 days', ?) returning id`,
    [
      c!.id,
      accountNumber,
      opts.status ?? 'ACTIVE',
      opts.baseLimitFen ?? 1_000_000,
      opts.outstandingFen ?? 0,
      opts.status === 'FROZEN' ? 'test freeze' : null,
    ],
  );
  if (opts.outstandingFen) {
    await api.sql(
      `insert into ledger_entries (account_id, customer_id, kind, principal_delta_fen, amount_fen, ref_type) values (?, ?, 'OPENING_BALANCE', ?, ?, 'seed')`,
      [a!.id, c!.id, opts.outstandingFen, opts.outstandingFen],
    );
  }
  if (!opts.unlinked)
    await api.sql(
      `insert into partner_links (partner_app_id, customer_id, scopes, expires_at)
       select id, ?, scopes, now() + interval '1 year' from partner_apps where name = 'test partner'`,
      [c!.id],
    );
  return { customerId: String(c!.id), accountId: String(a!.id), phone, nationalId, accountNumber };
}

/** Insert a staff member; returns its id. */
export async function insertAgent(
  api: TestApi,
  username: string,
  role: 'AGENT' | 'SUPERVISOR' | 'RISK_ADMIN',
  password = 'correct horse battery',
): Promise<string> {
  const [a] = await api.sql<{ id: string }>(
    `insert into agents (username, display_name, role, password_hash) values (?, ?, ?, ?) returning id`,
    [username, username, role, await hashPassword(password)],
  );
  return String(a!.id);
}

/**
 * A supervisor, a risk admin and an agent (inserted in that order, usernames `${prefix}sup…`,
 * `${prefix}risk…`, `${prefix}agent…`), as viewers.
 */
export async function insertStaff(
  api: TestApi,
  prefix = '',
): Promise<{ sup: Viewer; risk: Viewer; agent: Viewer }> {
  const sup = supervisorViewer(await insertAgent(api, `${prefix}sup${Date.now()}`, 'SUPERVISOR'));
  const risk = riskViewer(await insertAgent(api, `${prefix}risk${Date.now()}`, 'RISK_ADMIN'));
  const agent = agentViewer(await insertAgent(api, `${prefix}agent${Date.now()}`, 'AGENT'));
  return { sup, risk, agent };
}

/** Insert a partner app with one key; returns the API key header value. */
export async function insertPartner(
  api: TestApi,
  scopes: string[],
  keyId = `pk_test_${Math.random().toString(36).slice(2, 8)}`,
  opts: { name?: string } = {},
): Promise<{ id: string; apiKey: string }> {
  const secret = `sk_${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
  // A 'test partner' is linked to every test customer (fixtures for money tests); give another
  // name for an app that must earn its links (the trust-boundary tests).
  const name = opts.name ?? 'test partner';
  const [p] = await api.sql<{ id: string }>(
    `insert into partner_apps (name, scopes) values (?, ?) returning id`,
    [name, `{${scopes.join(',')}}`],
  );
  if (name === 'test partner')
    await api.sql(
      `insert into partner_links (partner_app_id, customer_id, scopes, expires_at)
       select ?, id, ?, now() + interval '1 year' from customers`,
      [p!.id, `{${scopes.join(',')}}`],
    );
  await api.sql(
    `insert into partner_api_keys (partner_app_id, key_id, secret_hash, scopes) values (?, ?, ?, ?)`,
    [p!.id, keyId, hashApiSecret(secret), `{${scopes.join(',')}}`],
  );
  return { id: String(p!.id), apiKey: `${keyId}.${secret}` };
}

/**
 * Link a partner app to a customer as if the customer had confirmed the SMS code (links.int.test
 * covers the real flow). Scopes default to all four.
 */
export async function linkPartner(
  api: TestApi,
  partnerAppId: string,
  customerId: string,
  scopes = ['limits:read', 'quotes:read', 'purchases:write', 'repayments:write'],
): Promise<string> {
  const [l] = await api.sql<{ id: string }>(
    `insert into partner_links (partner_app_id, customer_id, scopes, expires_at)
     values (?, ?, ?, now() + interval '1 year') returning id::text`,
    [partnerAppId, customerId, `{${scopes.join(',')}}`],
  );
  return l!.id;
}
