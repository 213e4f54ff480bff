import pg from 'pg';
import { hashPassword } from '../../modules/agents/passwords.js';
import { hashApiSecret } from '../../modules/auth/auth.service.js';
import {
  DEMO_LOGINS,
  DEMO_PARTNER,
  DEMO_PARTNER_LINKED_SQL,
} from '../../modules/auth/demo-logins.js';
import { cardRows } from './card-data.js';
import { copyRows } from './copy.js';
import {
  COLUMNS,
  DAY,
  emptyRows,
  generateCustomer,
  newIds,
  type GenerateContext,
} from './generate.js';
import { mulberry32 } from './random.js';

export interface SeedOptions {
  customers: number;
  /** PRNG seed: the same seed gives the same population. */
  seed?: number;
  /** The population's "today" (default: the start of the current UTC day). */
  asOf?: Date;
  /** Replace existing data (truncate the domain tables first). */
  reset?: boolean;
  piiKey: Buffer;
  blindIndexKey: Buffer;
  /** Customers per COPY transaction. */
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedResult {
  customers: number;
  rows: Record<string, number>;
  ms: number;
}

export class SeedRefusedError extends Error {}

/** Tables in foreign-key order: a chunk is copied in this order inside one transaction. */
const TABLES = Object.keys(COLUMNS) as (keyof typeof COLUMNS)[];
const DOMAIN_TABLES = [
  'audit_log',
  'idempotency_records',
  'job_runs',
  'notice_outbox',
  'notices',
  'restoration_stages',
  'recovery_transitions',
  'recovery_documents',
  'customer_notes',
  'recovery_requests',
  'ledger_entries',
  'repayments',
  'schedule_lines',
  'installment_plans',
  'holds',
  'purchases',
  'limit_decisions',
  'category_limits',
  'temporary_limits',
  'promotions',
  'credit_accounts',
  'bureau_reports',
  'repayment_history',
  'reviews',
  'orders',
  'partner_links',
  'partner_link_requests',
  'customers',
  'partner_api_keys',
  'partner_apps',
  'agents',
];

/**
 * Fill a migrated database with the deterministic demo population: staff and a partner app
 * (the demo logins), a running 双11 promotion, and `customers` customers with 24 months of
 * behaviour, bulk-loaded with COPY in chunks over two connections (one chunk generates while
 * the previous one loads). Refuses when customers exist, unless `reset`.
 */
export async function seedDatabase(url: string, opts: SeedOptions): Promise<SeedResult> {
  const started = Date.now();
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', () => undefined); // an idle connection closed by the server is not our failure
  try {
    const { rows: existing } = await pool.query<{ n: number }>(
      'select count(*)::int as n from customers',
    );
    if (existing[0]!.n > 0 && !opts.reset) {
      throw new SeedRefusedError(
        `The database already has ${existing[0]!.n} customers; use --reset to replace them.`,
      );
    }
    if (opts.reset)
      await pool.query(`truncate ${DOMAIN_TABLES.join(', ')} restart identity cascade`);

    const asOf = opts.asOf ?? new Date(Math.floor(Date.now() / DAY) * DAY);
    // Staff and partner first: recovery requests name the agent who filed them.
    let agentId = 0;
    for (const l of DEMO_LOGINS) {
      const { rows } = await pool.query<{ id: string }>(
        // demo = true: refused in production even if this database is later served by one.
        `insert into agents (username, display_name, role, password_hash, demo) values ($1, $2, $3, $4, true) returning id`,
        [l.username, l.displayName, l.role, await hashPassword(l.password)],
      );
      if (l.role === 'AGENT') agentId = Number(rows[0]!.id);
    }
    const { rows: partnerRows } = await pool.query<{ id: string }>(
      `insert into partner_apps (name, scopes) values ($1, $2) returning id::text`,
      [DEMO_PARTNER.name, DEMO_PARTNER.scopes],
    );
    const demoPartnerId = partnerRows[0]!.id;
    await pool.query(
      `insert into partner_api_keys (partner_app_id, key_id, secret_hash, scopes, label) values ($1, $2, $3, $4, 'demo key')`,
      [demoPartnerId, DEMO_PARTNER.keyId, hashApiSecret(DEMO_PARTNER.secret), DEMO_PARTNER.scopes],
    );
    const promotion = {
      startsAt: new Date(asOf.getTime() - 10 * DAY),
      endsAt: new Date(asOf.getTime() + 20 * DAY),
      amountFen: 200_000,
    };
    const { rows: promo } = await pool.query<{ id: string }>(
      `insert into promotions (name, starts_at, ends_at, eligible_grades, amount_fen, status) values ('双11 临时额度', $1, $2, '{A,B}', $3, 'ACTIVE') returning id`,
      [promotion.startsAt, promotion.endsAt, promotion.amountFen],
    );

    // Large loads: drop the secondary indexes and build them once at the end (far faster than
    // maintaining them row by row), and skip per-row foreign-key triggers where we may (the
    // generator makes the references itself; the unique and primary keys stay and still check).
    const bulk = opts.customers >= 50_000;
    const dropped = bulk ? await dropSecondaryIndexes(pool, TABLES) : [];
    const canSkipTriggers =
      bulk &&
      (
        await pool.query<{ su: boolean }>(
          `select rolsuper as su from pg_roles where rolname = current_user`,
        )
      ).rows[0]?.su === true;

    const cards = cardRows();
    const rng = mulberry32(opts.seed ?? 20261111);
    const ctx: GenerateContext = {
      rng,
      asOf,
      ids: newIds(),
      piiKey: opts.piiKey,
      blindIndexKey: opts.blindIndexKey,
      promotion: { ...promotion, id: Number(promo[0]!.id) },
      agentId,
    };
    const counts: Record<string, number> = Object.fromEntries(TABLES.map((t) => [t, 0]));
    const chunkSize = opts.chunkSize ?? 5_000;
    const inFlight: Promise<void>[] = [];
    let done = 0;

    for (let start = 0; start < opts.customers; start += chunkSize) {
      const end = Math.min(opts.customers, start + chunkSize);
      const out = emptyRows();
      for (let i = start; i < end; i++)
        generateCustomer(i, cards[Math.floor(rng() * cards.length)]!, ctx, out);
      for (const t of TABLES) counts[t]! += out[t].length;
      const size = end - start;
      const load = (async () => {
        const client = await pool.connect();
        try {
          await client.query('begin');
          if (canSkipTriggers) await client.query(`set local session_replication_role = replica`);
          for (const t of TABLES) await copyRows(client, t, COLUMNS[t], out[t]);
          await client.query('commit');
        } catch (err) {
          await client.query('rollback').catch(() => undefined);
          throw err;
        } finally {
          client.release();
        }
        done += size;
        opts.onProgress?.(done, opts.customers);
      })();
      inFlight.push(load);
      if (inFlight.length >= 2) await inFlight.shift();
    }
    await Promise.all(inFlight);
    await recreateIndexes(pool, dropped);
    // The demo checkout acts only for customers who linked it: two in three (docs/partners.md).
    await pool.query(
      `insert into partner_links (partner_app_id, customer_id, scopes, created_at, expires_at)
       select $1, id, $2, $3::timestamptz - interval '30 days', $3::timestamptz + interval '335 days'
         from customers where ${DEMO_PARTNER_LINKED_SQL}`,
      [demoPartnerId, DEMO_PARTNER.scopes, asOf],
    );

    // Ids were given explicitly: move every identity sequence past them.
    for (const t of [...TABLES, 'agents', 'partner_apps', 'partner_api_keys', 'promotions']) {
      await pool.query(
        `select setval(pg_get_serial_sequence('${t}', 'id'), coalesce((select max(id) from ${t}), 0) + 1, false)`,
      );
    }
    await pool.query('analyze');
    return { customers: opts.customers, rows: counts, ms: Date.now() - started };
  } finally {
    await pool.end();
  }
}

/** Drop the non-constraint indexes of `tables`; returns their definitions to recreate. */
async function dropSecondaryIndexes(pool: pg.Pool, tables: readonly string[]): Promise<string[]> {
  const { rows } = await pool.query<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
      where i.schemaname = current_schema() and i.tablename = any($1)
        and not exists (select 1 from pg_constraint c where c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)`,
    [tables],
  );
  for (const r of rows) await pool.query(`drop index ${pg.escapeIdentifier(r.name)}`);
  return rows.map((r) => r.def);
}

/** Build the dropped indexes again, two at a time. */
async function recreateIndexes(pool: pg.Pool, defs: string[]): Promise<void> {
  const queue = [...defs];
  await Promise.all(
    [0, 1].map(async () => {
      for (let def = queue.shift(); def; def = queue.shift()) await pool.query(def);
    }),
  );
}
