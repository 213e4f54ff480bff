import { Migration } from '@mikro-orm/migrations';

/**
 * The support desk's notes (Migration20261204000000_support_desk, keyed (customer_id, id)) were
 * written before the Citus-ready classification existed: a customer's notes are distributed with
 * the customer (docs/scaling.md).
 */
export class Migration20261204500000_support_desk_distribution extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `insert into table_distribution (table_name, kind, distribution_column, reason) values ('customer_notes', 'distributed', 'customer_id', 'an agent''s notes on a customer');`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`delete from table_distribution where table_name = 'customer_notes';`);
  }
}
