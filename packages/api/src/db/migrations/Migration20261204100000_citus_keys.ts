import { Migration } from '@mikro-orm/migrations';

/**
 * A Citus-ready schema (issue 17 item 6; docs/scaling.md). Citus shards a table by one column
 * and can only enforce a primary key, a unique constraint or a foreign key whose columns include
 * that column. The data shards by customer, so every customer-owned table is keyed by
 * `customer_id` here:
 *
 * - primary keys become `(id, customer_id)`. `id` leads so a lookup by id alone (the ORM's
 *   `findOne`, the loaders, the hot paths that know only a purchase or account id) still uses the
 *   primary key index, and ids stay globally unique (one identity sequence per table), which is
 *   why MikroORM entities keep `id` as their ORM primary key;
 * - unique constraints gain `customer_id` as their last column (their leading columns still serve
 *   the lookups they served before);
 * - foreign keys between customer-owned tables become `(x_id, customer_id) → (id, customer_id)`:
 *   a row can no longer point at another customer's row, and on Citus both rows sit on one shard.
 *
 * Every table is classified in `table_distribution` (distributed by a column, a reference table
 * copied to every node, or a local table kept on the coordinator); the schema-rules test
 * (src/db/__tests__/citus-schema.int.test.ts) checks the live schema against it, so a table added
 * later without a classification or with a key that leaves out `customer_id` fails the suite.
 *
 * What Citus cannot enforce is given up deliberately: a national id is unique per customer row,
 * not across customers (a customer is the unit of distribution; onboarding looks the hash up
 * first, by an index); payment and refund references are unique per customer; coupon codes and
 * account numbers per customer (both are drawn at random or from the id, so they do not collide).
 * Local tables lose their foreign key to `customers` (Citus has no foreign key from a
 * coordinator table to a distributed one); their `customer_id` is written by the same
 * transaction that writes the customer's rows.
 */
const DISTRIBUTED = [
  'credit_accounts',
  'orders',
  'reviews',
  'repayment_history',
  'bureau_reports',
  'temporary_limits',
  'category_limits',
  'limit_decisions',
  'purchases',
  'holds',
  'installment_plans',
  'schedule_lines',
  'repayments',
  'ledger_entries',
  'recovery_requests',
  'recovery_documents',
  'recovery_transitions',
  'restoration_stages',
  'notices',
  'notice_outbox',
  'partner_links',
  'credit_applications',
  'captures',
  'refunds',
  'write_offs',
  'credit_payouts',
  'coupons',
  'revolving_offers',
  'revolving_accounts',
  'statements',
  'points_redemptions',
] as const;

/** [table, column, referenced table, referenced column]: foreign keys between customer-owned tables. */
const FOREIGN_KEYS: [string, string, string, string][] = [
  ['captures', 'account_id', 'credit_accounts', 'id'],
  ['captures', 'purchase_id', 'purchases', 'id'],
  ['category_limits', 'account_id', 'credit_accounts', 'id'],
  ['coupons', 'plan_id', 'installment_plans', 'id'],
  ['credit_applications', 'account_id', 'credit_accounts', 'id'],
  ['credit_applications', 'decision_id', 'limit_decisions', 'id'],
  ['credit_payouts', 'account_id', 'credit_accounts', 'id'],
  ['holds', 'purchase_id', 'purchases', 'id'],
  ['installment_plans', 'account_id', 'credit_accounts', 'id'],
  ['installment_plans', 'capture_id', 'captures', 'id'],
  ['installment_plans', 'coupon_id', 'coupons', 'id'],
  ['installment_plans', 'purchase_id', 'purchases', 'id'],
  ['ledger_entries', 'account_id', 'credit_accounts', 'id'],
  ['limit_decisions', 'account_id', 'credit_accounts', 'id'],
  ['notice_outbox', 'notice_id', 'notices', 'id'],
  ['points_redemptions', 'account_id', 'revolving_accounts', 'account_id'],
  ['points_redemptions', 'statement_id', 'statements', 'id'],
  ['purchases', 'account_id', 'credit_accounts', 'id'],
  ['recovery_documents', 'request_id', 'recovery_requests', 'id'],
  ['recovery_requests', 'account_id', 'credit_accounts', 'id'],
  ['recovery_transitions', 'request_id', 'recovery_requests', 'id'],
  ['refunds', 'account_id', 'credit_accounts', 'id'],
  ['refunds', 'purchase_id', 'purchases', 'id'],
  ['repayments', 'account_id', 'credit_accounts', 'id'],
  ['restoration_stages', 'account_id', 'credit_accounts', 'id'],
  ['restoration_stages', 'request_id', 'recovery_requests', 'id'],
  ['reviews', 'order_id', 'orders', 'id'],
  ['revolving_accounts', 'account_id', 'credit_accounts', 'id'],
  ['revolving_accounts', 'offer_id', 'revolving_offers', 'id'],
  ['revolving_offers', 'account_id', 'credit_accounts', 'id'],
  ['schedule_lines', 'account_id', 'credit_accounts', 'id'],
  ['schedule_lines', 'plan_id', 'installment_plans', 'id'],
  ['statements', 'account_id', 'revolving_accounts', 'account_id'],
  ['temporary_limits', 'account_id', 'credit_accounts', 'id'],
  ['write_offs', 'account_id', 'credit_accounts', 'id'],
];

/** [table, constraint, columns before, columns now]: unique constraints that gain customer_id. */
const UNIQUE_CONSTRAINTS: [string, string, string, string][] = [
  [
    'credit_accounts',
    'credit_accounts_account_number_key',
    'account_number',
    'account_number, customer_id',
  ],
  [
    'category_limits',
    'category_limits_account_id_category_key',
    'account_id, category',
    'account_id, category, customer_id',
  ],
  ['holds', 'holds_purchase_id_key', 'purchase_id', 'purchase_id, customer_id'],
  ['schedule_lines', 'schedule_lines_plan_id_seq_key', 'plan_id, seq', 'plan_id, seq, customer_id'],
  [
    'restoration_stages',
    'restoration_stages_request_id_seq_key',
    'request_id, seq',
    'request_id, seq, customer_id',
  ],
  ['coupons', 'coupons_code_key', 'code', 'code, customer_id'],
  [
    'statements',
    'statements_account_id_seq_key',
    'account_id, seq',
    'account_id, seq, customer_id',
  ],
];

/** [index, create before, create now]: unique indexes that gain customer_id. */
const UNIQUE_INDEXES: [string, string, string][] = [
  [
    'temporary_limits_promotion_uq',
    'on temporary_limits (promotion_id, account_id) where promotion_id is not null',
    'on temporary_limits (promotion_id, account_id, customer_id) where promotion_id is not null',
  ],
  [
    'installment_plans_capture_uq',
    'on installment_plans (capture_id) where capture_id is not null',
    'on installment_plans (capture_id, customer_id) where capture_id is not null',
  ],
  [
    'repayments_external_reference_uq',
    'on repayments (channel, external_reference) where external_reference is not null',
    'on repayments (channel, external_reference, customer_id) where external_reference is not null',
  ],
  [
    'repayments_partner_reference_uq',
    'on repayments (partner_app_id, payment_reference) where payment_reference is not null',
    'on repayments (partner_app_id, payment_reference, customer_id) where payment_reference is not null',
  ],
  [
    'refunds_reference_uq',
    'on refunds (coalesce(partner_app_id, 0), merchant_reference)',
    'on refunds (coalesce(partner_app_id, 0), merchant_reference, customer_id)',
  ],
  [
    'revolving_offers_open_uq',
    `on revolving_offers (account_id) where status in ('OFFERED', 'ACCEPTED')`,
    `on revolving_offers (account_id, customer_id) where status in ('OFFERED', 'ACCEPTED')`,
  ],
];

/** Foreign keys from coordinator-local tables to `customers`, which Citus cannot keep. */
const LOCAL_TO_CUSTOMER_FKS: [string, string][] = [
  ['audit_log', 'audit_log_customer_id_fkey'],
  ['partner_link_requests', 'partner_link_requests_customer_id_fkey'],
];

/** [table, kind, distribution column, why]: every table of the schema. */
export const TABLE_DISTRIBUTION: [
  string,
  'distributed' | 'reference' | 'local',
  string | null,
  string,
][] = [
  [
    'customers',
    'distributed',
    'id',
    'the unit of distribution: a customer and everything they own share a shard',
  ],
  ...DISTRIBUTED.map((t): [string, 'distributed', string, string] => [
    t,
    'distributed',
    'customer_id',
    'owned by one customer',
  ]),
  [
    'agents',
    'reference',
    null,
    'staff: few rows, read by every shard (foreign keys from decisions and payouts)',
  ],
  [
    'partner_apps',
    'reference',
    null,
    'partners: few rows, referenced by purchases, repayments, links',
  ],
  ['partner_api_keys', 'reference', null, 'partner credentials: read on every partner request'],
  ['promotions', 'reference', null, 'policy: campaigns referenced by temporary limits'],
  ['coupon_campaigns', 'reference', null, 'policy: campaigns referenced by coupons'],
  ['scoring_models', 'reference', null, 'policy: registered scorecards'],
  ['scoring_model_events', 'reference', null, 'policy: the model lifecycle log'],
  ['stress_test_runs', 'reference', null, 'portfolio-level results, not a customer’s'],
  ['webhook_endpoints', 'reference', null, 'partner configuration'],
  ['webhook_events', 'local', null, 'partner-facing outbox; some events name no customer'],
  ['webhook_deliveries', 'local', null, 'delivery queue of webhook_events, walked by the worker'],
  ['webhook_attempts', 'local', null, 'delivery log of webhook_deliveries'],
  ['audit_log', 'local', null, 'staff and system actions; many name no customer'],
  [
    'partner_link_requests',
    'local',
    null,
    'a request may match no customer (the phone is unknown)',
  ],
  [
    'idempotency_records',
    'local',
    null,
    'keyed by the caller (partner app, agent), not by customer',
  ],
  ['rate_limits', 'local', null, 'keyed by caller and address'],
  ['job_runs', 'local', null, 'operations: batch job progress'],
  ['job_workers', 'local', null, 'operations: worker heartbeats'],
  ['mikro_orm_migrations', 'local', null, 'the migration log'],
  ['table_distribution', 'local', null, 'this classification'],
];

export class Migration20261204100000_citus_keys extends Migration {
  override async up(): Promise<void> {
    for (const [t, c] of FOREIGN_KEYS)
      this.addSql(`alter table ${t} drop constraint ${t}_${c}_fkey;`);
    for (const [t, name] of LOCAL_TO_CUSTOMER_FKS)
      this.addSql(`alter table ${t} drop constraint ${name};`);
    for (const t of DISTRIBUTED) {
      const key = t === 'revolving_accounts' ? 'account_id' : 'id';
      this.addSql(
        `alter table ${t} drop constraint ${t}_pkey, add primary key (${key}, customer_id);`,
      );
    }
    for (const [t, name, , now] of UNIQUE_CONSTRAINTS)
      this.addSql(
        `alter table ${t} drop constraint ${name}, add constraint ${name} unique (${now});`,
      );
    for (const [name, , now] of UNIQUE_INDEXES) {
      this.addSql(`drop index ${name};`);
      this.addSql(`create unique index ${name} ${now};`);
    }
    // A national id is unique per person; Citus can enforce uniqueness only per shard, so the
    // index stays (the bureau import and onboarding look customers up by it) but not unique.
    this.addSql(`drop index customers_national_id_hash_uq;`);
    this.addSql(`create index customers_national_id_hash_idx on customers (national_id_hash);`);
    for (const [t, c, r, rc] of FOREIGN_KEYS)
      this.addSql(
        `alter table ${t} add constraint ${t}_${c}_fkey foreign key (${c}, customer_id) references ${r} (${rc}, customer_id);`,
      );

    this.addSql(`
      create table table_distribution (
        table_name text primary key,
        kind text not null check (kind in ('distributed', 'reference', 'local')),
        distribution_column text,
        reason text not null,
        check ((kind = 'distributed') = (distribution_column is not null))
      );`);
    this.addSql(
      `comment on table table_distribution is 'How each table is placed on Citus (docs/scaling.md): distributed by a column (colocated by customer), a reference table on every node, or a local table on the coordinator. A new table must be listed here (src/db/__tests__/citus-schema.int.test.ts).';`,
    );
    for (const [t, kind, column, reason] of TABLE_DISTRIBUTION)
      this.addSql(
        `insert into table_distribution (table_name, kind, distribution_column, reason) values ('${t}', '${kind}', ${column ? `'${column}'` : 'null'}, '${reason.replaceAll("'", "''")}');`,
      );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table table_distribution;`);
    for (const [t, c] of FOREIGN_KEYS)
      this.addSql(`alter table ${t} drop constraint ${t}_${c}_fkey;`);
    this.addSql(`drop index customers_national_id_hash_idx;`);
    this.addSql(
      `create unique index customers_national_id_hash_uq on customers (national_id_hash);`,
    );
    for (const [name, before] of UNIQUE_INDEXES) {
      this.addSql(`drop index ${name};`);
      this.addSql(`create unique index ${name} ${before};`);
    }
    for (const [t, name, before] of UNIQUE_CONSTRAINTS)
      this.addSql(
        `alter table ${t} drop constraint ${name}, add constraint ${name} unique (${before});`,
      );
    for (const t of DISTRIBUTED) {
      const key = t === 'revolving_accounts' ? 'account_id' : 'id';
      this.addSql(`alter table ${t} drop constraint ${t}_pkey, add primary key (${key});`);
    }
    for (const [t, name] of LOCAL_TO_CUSTOMER_FKS)
      this.addSql(
        `alter table ${t} add constraint ${name} foreign key (customer_id) references customers(id);`,
      );
    for (const [t, c, r, rc] of FOREIGN_KEYS)
      this.addSql(
        `alter table ${t} add constraint ${t}_${c}_fkey foreign key (${c}) references ${r} (${rc});`,
      );
  }
}
