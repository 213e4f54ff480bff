import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/database.js';

/**
 * The schema rules that let Citus shard the data by customer (docs/scaling.md), checked against
 * the live migrated schema from the catalog, so that a table or key added later by anyone is
 * held to them:
 *
 * - every table is classified in `table_distribution` (distributed, reference or local);
 * - a distributed table's distribution column is NOT NULL, bigint (one colocation group), and in
 *   its primary key and every unique constraint or unique index;
 * - a foreign key between distributed tables maps distribution column to distribution column;
 * - a table that has a `customer_id` or points at a distributed table is distributed, or (a
 *   reference or local table) has no foreign key to a distributed table — Citus cannot keep one;
 * - reference tables point only at reference tables.
 */
export async function schemaViolations(client: pg.Client): Promise<string[]> {
  const problems: string[] = [];
  const { rows: tables } = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c
      where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
      order by 1`,
  );
  const { rows: classes } = await client.query<{
    table_name: string;
    kind: 'distributed' | 'reference' | 'local';
    distribution_column: string | null;
  }>(`select table_name, kind, distribution_column from table_distribution`);
  const kindOf = new Map(classes.map((c) => [c.table_name, c]));
  const names = new Set(tables.map((t) => t.name));
  for (const t of names)
    if (!kindOf.has(t))
      problems.push(`${t}: not classified in table_distribution (distributed, reference or local)`);
  for (const c of classes)
    if (!names.has(c.table_name))
      problems.push(`${c.table_name}: classified in table_distribution but no such table`);

  const { rows: columns } = await client.query<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: 'YES' | 'NO';
  }>(
    `select table_name, column_name, data_type, is_nullable from information_schema.columns
      where table_schema = current_schema()`,
  );
  const column = (t: string, c: string) =>
    columns.find((x) => x.table_name === t && x.column_name === c);
  const distColumn = (t: string) => {
    const c = kindOf.get(t);
    return c?.kind === 'distributed' ? c.distribution_column : null;
  };

  // Unique indexes cover primary keys, unique constraints and unique indexes alike.
  const { rows: uniques } = await client.query<{
    table_name: string;
    index_name: string;
    primary: boolean;
    columns: string[];
  }>(
    `select t.relname as table_name, i.relname as index_name, x.indisprimary as primary,
            array(select a.attname::text from unnest(x.indkey) k(n) join pg_attribute a
                   on a.attrelid = x.indrelid and a.attnum = k.n) as columns
       from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
      where t.relnamespace = 'public'::regnamespace and x.indisunique`,
  );
  const { rows: fks } = await client.query<{
    table_name: string;
    name: string;
    referenced: string;
    pairs: string[];
  }>(
    `select c.conrelid::regclass::text as table_name, c.conname as name,
            c.confrelid::regclass::text as referenced,
            array(select a.attname || '=' || r.attname
                    from unnest(c.conkey, c.confkey) k(n, rn)
                    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n
                    join pg_attribute r on r.attrelid = c.confrelid and r.attnum = k.rn) as pairs
       from pg_constraint c
      where c.contype = 'f' and c.connamespace = 'public'::regnamespace`,
  );

  for (const t of names) {
    const cls = kindOf.get(t);
    if (!cls) continue;
    const dist = distColumn(t);
    if (cls.kind === 'distributed') {
      const col = dist ? column(t, dist) : undefined;
      if (!col) {
        problems.push(`${t}: distribution column ${dist} does not exist`);
        continue;
      }
      if (col.is_nullable === 'YES') problems.push(`${t}: distribution column ${dist} is nullable`);
      if (col.data_type !== 'bigint')
        problems.push(`${t}: distribution column ${dist} is ${col.data_type}, not bigint`);
      const pk = uniques.find((u) => u.table_name === t && u.primary);
      if (!pk) problems.push(`${t}: no primary key`);
      for (const u of uniques.filter((x) => x.table_name === t))
        if (!u.columns.includes(dist!))
          problems.push(
            `${t}: ${u.primary ? 'primary key' : 'unique'} ${u.index_name} (${u.columns.join(', ')}) leaves out ${dist}`,
          );
    } else if (column(t, 'customer_id') && cls.kind === 'reference') {
      problems.push(`${t}: has customer_id but is a reference table`);
    }
    for (const fk of fks.filter((f) => f.table_name === t)) {
      const target = kindOf.get(fk.referenced);
      if (target?.kind !== 'distributed') {
        if (cls.kind === 'reference' && target?.kind !== 'reference')
          problems.push(
            `${t}: reference table with foreign key ${fk.name} to ${target?.kind ?? 'unclassified'} table ${fk.referenced}`,
          );
        continue;
      }
      if (cls.kind !== 'distributed') {
        problems.push(
          `${t}: ${cls.kind} table with foreign key ${fk.name} to distributed table ${fk.referenced}`,
        );
        continue;
      }
      const pair = `${dist}=${distColumn(fk.referenced)}`;
      if (!fk.pairs.includes(pair))
        problems.push(
          `${t}: foreign key ${fk.name} to ${fk.referenced} (${fk.pairs.join(', ')}) does not include ${pair}`,
        );
    }
  }
  return problems;
}

describe('Citus-ready schema (docs/scaling.md)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: pg.Client;
  beforeAll(async () => {
    db = await createTestDatabase();
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('the migrated schema keeps every rule', async () => {
    expect(await schemaViolations(client)).toEqual([]);
  });

  it('classifies the tables the plan names', async () => {
    const { rows } = await client.query<{ table_name: string; kind: string; col: string }>(
      `select table_name, kind, coalesce(distribution_column, '') as col from table_distribution`,
    );
    const kind = Object.fromEntries(rows.map((r) => [r.table_name, `${r.kind}:${r.col}`]));
    expect(kind).toMatchObject({
      customers: 'distributed:id',
      credit_accounts: 'distributed:customer_id',
      purchases: 'distributed:customer_id',
      holds: 'distributed:customer_id',
      ledger_entries: 'distributed:customer_id',
      repayments: 'distributed:customer_id',
      agents: 'reference:',
      partner_apps: 'reference:',
      promotions: 'reference:',
      scoring_models: 'reference:',
      idempotency_records: 'local:',
    });
  });

  it('a table added later without the keys fails the rules', async () => {
    await client.query('begin');
    try {
      await client.query(`
        create table later_owned (id bigint primary key, customer_id bigint not null references customers(id),
                                  account_id bigint, code text unique,
                                  foreign key (account_id, customer_id) references credit_accounts (id, customer_id));
        create table later_unlisted (id bigint primary key);
        create table later_bad_fk (id bigint, customer_id bigint not null, other_customer_id bigint not null,
                                   account_id bigint, primary key (id, customer_id),
                                   foreign key (account_id, other_customer_id) references credit_accounts (id, customer_id));
        create table later_reference (id bigint primary key, customer_id bigint);
        insert into table_distribution values
          ('later_owned', 'distributed', 'customer_id', 'test'),
          ('later_bad_fk', 'distributed', 'customer_id', 'test'),
          ('later_reference', 'reference', null, 'test');`);
      const problems = await schemaViolations(client);
      expect(problems).toEqual(
        expect.arrayContaining([
          'later_unlisted: not classified in table_distribution (distributed, reference or local)',
          'later_owned: primary key later_owned_pkey (id) leaves out customer_id',
          'later_owned: unique later_owned_code_key (code) leaves out customer_id',
          expect.stringMatching(
            /^later_bad_fk: foreign key later_bad_fk_account_id_other_customer_id_fkey to credit_accounts .* does not include customer_id=customer_id$/,
          ),
          'later_reference: has customer_id but is a reference table',
        ]),
      );
      expect(problems).toHaveLength(5);
    } finally {
      await client.query('rollback');
    }
  });

  it('a foreign key from a local table to a customer-owned one fails the rules', async () => {
    await client.query('begin');
    try {
      await client.query(
        `alter table audit_log add foreign key (customer_id) references customers(id)`,
      );
      expect(await schemaViolations(client)).toEqual([
        expect.stringMatching(
          /^audit_log: local table with foreign key \w+ to distributed table customers$/,
        ),
      ]);
    } finally {
      await client.query('rollback');
    }
  });

  it('a foreign key to an account by id alone cannot be made any more', async () => {
    await client.query('begin');
    try {
      await expect(
        client.query(`create table probe (account_id bigint references credit_accounts(id))`),
      ).rejects.toThrow(/no unique constraint matching given keys/);
    } finally {
      await client.query('rollback');
    }
  });
});
