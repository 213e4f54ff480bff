import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import pg from 'pg';
import { loadConfig } from '../../../config/config.js';
import { createTestDatabase } from '../../../../test/database.js';
import { seedDatabase, SeedRefusedError } from '../load.js';
import { cardRows } from '../card-data.js';
import {
  COLUMNS,
  demoNationalId,
  demoPhone,
  emptyRows,
  generateCustomer,
  newIds,
  type GenerateContext,
} from '../generate.js';
import { mulberry32 } from '../random.js';
import {
  decryptPii,
  isNationalId,
  isPhone,
  nationalIdCheckChar,
} from '../../../modules/customers/pii.js';
import { reconcile } from '../../../modules/ledger/reconcile.js';
import { connectOrm } from '../../../db/orm.js';

const config = loadConfig({ NODE_ENV: 'test' });
const asOf = new Date('2026-11-01T00:00:00Z');

function generate(n: number, seed: number) {
  const rng = mulberry32(seed);
  const cards = cardRows();
  const ctx: GenerateContext = {
    rng,
    asOf,
    ids: newIds(),
    piiKey: config.secrets.piiKey,
    blindIndexKey: config.secrets.blindIndexKey,
    promotion: {
      id: 1,
      startsAt: asOf,
      endsAt: new Date(asOf.getTime() + 1e9),
      amountFen: 200_000,
    },
    agentId: 1,
  };
  const out = emptyRows();
  const drawn: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = Math.floor(rng() * cards.length);
    drawn.push(row);
    generateCustomer(i, cards[row]!, ctx, out);
  }
  return { out, drawn };
}

/** Rows without ciphertexts (their IVs are random by design). */
const comparable = (out: ReturnType<typeof emptyRows>) =>
  JSON.stringify(out, (_k, v) =>
    v && v.type === 'Buffer' && Array.isArray(v.data) && v.data.length > 32 ? 'ciphertext' : v,
  );

describe('demo population generator', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(comparable(generate(200, 7).out)).toBe(comparable(generate(200, 7).out));
    expect(comparable(generate(200, 7).out)).not.toBe(comparable(generate(200, 8).out));
  });

  it('gives unique valid phone numbers and national IDs', () => {
    const phones = new Set<string>();
    const ids = new Set<string>();
    for (let i = 0; i < 50_000; i++) {
      const p = demoPhone(i);
      const id = demoNationalId(i);
      expect(isPhone(p)).toBe(true);
      expect(isNationalId(id)).toBe(true);
      expect(id[17]).toBe(nationalIdCheckChar(id.slice(0, 17)));
      phones.add(p);
      ids.add(id);
    }
    expect(phones.size).toBe(50_000);
    expect(ids.size).toBe(50_000);
  });

  it('writes the free texts in Chinese, as agents in this market do (issue 15 item 8)', () => {
    const { out } = generate(3000, 15);
    const col = <T extends keyof typeof COLUMNS>(table: T, name: string) => {
      const i = (COLUMNS[table] as readonly string[]).indexOf(name);
      expect(i, `${table}.${name}`).toBeGreaterThanOrEqual(0);
      return out[table].map((r) => r[i]).filter((v): v is string => typeof v === 'string');
    };
    const texts = {
      'recovery reasons': col('recovery_requests', 'reason'),
      'agent notes': col('customer_notes', 'body'),
      'document names': col('recovery_documents', 'file_name'),
      'decision notes': col('limit_decisions', 'note'),
      'freeze reasons': col('credit_accounts', 'frozen_reason'),
    };
    for (const [what, values] of Object.entries(texts)) {
      expect(values.length, what).toBeGreaterThan(0);
      for (const v of values) {
        expect(v, what).toMatch(/[\u4e00-\u9fff]/);
        expect(v, what).not.toMatch(/\b[A-Za-z]{2,}(?:[ ,]+[A-Za-z]{2,}){2,}\b/);
      }
    }
  });

  it('draws repayment behaviour from the card rows: customers from defaulted rows are later more often', () => {
    const { out, drawn } = generate(3000, 11);
    const cards = cardRows();
    const worst = new Map<number, number>();
    for (const r of out.repayment_history)
      worst.set(r[1] as number, Math.max(worst.get(r[1] as number) ?? 0, r[6] as number));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const bad = drawn.flatMap((row, i) => (cards[row]!.defaulted ? [worst.get(i + 1) ?? 0] : []));
    const good = drawn.flatMap((row, i) => (!cards[row]!.defaulted ? [worst.get(i + 1) ?? 0] : []));
    expect(bad.length / drawn.length).toBeGreaterThan(0.18);
    expect(bad.length / drawn.length).toBeLessThan(0.27);
    expect(mean(bad)).toBeGreaterThan(2 * mean(good));
    const frozen =
      out.credit_accounts.filter((a) => a[3] === 'FROZEN').length / out.credit_accounts.length;
    expect(frozen).toBeGreaterThan(0.01);
    expect(frozen).toBeLessThan(0.06);
    const over =
      out.credit_accounts.filter((a) => (a[5] as number) > (a[4] as number)).length /
      out.credit_accounts.length;
    expect(over).toBeGreaterThan(0.005);
    expect(over).toBeLessThan(0.05);
    expect(Object.keys(out)).toEqual(Object.keys(COLUMNS));
  });
});

describe('seedDatabase', () => {
  let db: { url: string; drop(): Promise<void> };
  let client: pg.Client;
  beforeAll(async () => {
    db = await createTestDatabase();
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  it('loads 2,000 customers that satisfy every constraint, with balances the ledger explains', async () => {
    const result = await seedDatabase(db.url, {
      customers: 2000,
      seed: 5,
      asOf,
      piiKey: config.secrets.piiKey,
      blindIndexKey: config.secrets.blindIndexKey,
      chunkSize: 700,
    });
    const count = async (t: string) =>
      (await client.query(`select count(*)::int as n from ${t}`)).rows[0].n as number;
    expect(await count('customers')).toBe(2000);
    expect(await count('credit_accounts')).toBe(2000);
    expect(await count('orders')).toBe(result.rows.orders);
    expect(await count('agents')).toBe(3);
    expect(await count('recovery_requests')).toBeGreaterThan(0);
    expect(await count('notices')).toBeGreaterThan(0);
    expect(await count('temporary_limits')).toBeGreaterThan(0);
    // Personal data decrypts to what the blind index finds; masks hide the middle.
    const { rows } = await client.query(
      `select phone_enc, phone_masked, national_id_enc from customers order by id limit 1`,
    );
    const phone = decryptPii(rows[0].phone_enc, config.secrets.piiKey);
    expect(phone).toBe(demoPhone(0));
    expect(rows[0].phone_masked).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    // Every account's outstanding principal is explained by its ledger.
    const orm = await connectOrm(db.url);
    const report = await reconcile(orm.em.fork());
    await orm.close();
    expect(report.mismatches).toEqual([]);
    // New rows get fresh ids after the explicit ones.
    const next = await client.query(
      `insert into orders (customer_id, placed_at, amount_fen, category, status) values (1, now(), 100, 'DIGITAL', 'PENDING') returning id`,
    );
    expect(Number(next.rows[0].id)).toBe(result.rows.orders + 1);
  });

  it('refuses to seed twice unless asked to reset', async () => {
    await expect(
      seedDatabase(db.url, {
        customers: 10,
        asOf,
        piiKey: config.secrets.piiKey,
        blindIndexKey: config.secrets.blindIndexKey,
      }),
    ).rejects.toBeInstanceOf(SeedRefusedError);
    const again = await seedDatabase(db.url, {
      customers: 50,
      reset: true,
      asOf,
      piiKey: config.secrets.piiKey,
      blindIndexKey: config.secrets.blindIndexKey,
    });
    expect(again.customers).toBe(50);
    expect((await client.query('select count(*)::int as n from customers')).rows[0].n).toBe(50);
  });
});
