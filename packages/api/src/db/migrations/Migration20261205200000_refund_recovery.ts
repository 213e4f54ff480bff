import { Migration } from '@mikro-orm/migrations';

const KINDS_BEFORE = `'HOLD', 'HOLD_RELEASE', 'HOLD_EXPIRE', 'CAPTURE', 'REPAY_PRINCIPAL', 'REPAY_FEE', 'REPAY_LATE_FEE',
  'FEE_CHARGED', 'LATE_FEE_CHARGED', 'OPENING_BALANCE', 'OVERPAYMENT', 'FEE_WAIVED', 'REFUND_PRINCIPAL', 'REFUND_CREDIT',
  'CREDIT_APPLIED', 'CREDIT_PAYOUT', 'LATE_FEE_WAIVED', 'WRITE_OFF_PRINCIPAL', 'REVOLVING_OPENING', 'REVOLVING_PURCHASE',
  'REVOLVING_REFUND', 'REVOLVING_INTEREST', 'REVOLVING_FEE', 'REVOLVING_PAY_PRINCIPAL', 'REVOLVING_PAY_INTEREST', 'REVOLVING_PAY_FEE',
  'REVOLVING_INTEREST_WAIVED', 'REVOLVING_FEE_WAIVED', 'REVOLVING_WRITE_OFF_PRINCIPAL'`;

/**
 * A refund of a written-off purchase is not the customer's money (issue 14 review): before this,
 * a refund of a plan closed by a write-off (or of a card purchase on a written-off line) became
 * customer credit in full — credit a supervisor could pay out for money the customer never paid.
 * What a refund cannot lower of unpaid principal now first recovers the account's written-off
 * principal, and only the rest is credit.
 *
 * - `refunds.recovered_fen`: the part of a refund that recovered written-off principal;
 *   `principal_reduced + credit + recovered = amount`.
 * - `write_offs.recovered_fen`: how much of a write-off's principal refunds have recovered
 *   (never more than it wrote off).
 * - Ledger kind `WRITE_OFF_RECOVERY` (a memo: no balance moves; `ref_type` `refund`).
 */
export class Migration20261205200000_refund_recovery extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table ledger_entries drop constraint if exists ledger_entries_kind_check;`);
    this.addSql(
      `alter table ledger_entries add constraint ledger_entries_kind_check check (kind in (${KINDS_BEFORE}, 'WRITE_OFF_RECOVERY'));`,
    );
    this.addSql(
      `alter table refunds add column recovered_fen bigint not null default 0 check (recovered_fen >= 0);`,
    );
    this.addSql(`
      do $$ declare c text; begin
        for c in select conname from pg_constraint where conrelid = 'refunds'::regclass and contype = 'c'
                  and pg_get_constraintdef(oid) like '%principal_reduced_fen + credit_fen%' loop
          execute format('alter table refunds drop constraint %I', c);
        end loop;
      end $$;`);
    this.addSql(
      `alter table refunds add constraint refunds_parts check (principal_reduced_fen + credit_fen + recovered_fen = amount_fen);`,
    );
    this.addSql(
      `alter table write_offs add column recovered_fen bigint not null default 0, add constraint write_offs_recovered check (recovered_fen >= 0 and recovered_fen <= principal_fen + revolving_principal_fen);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table write_offs drop constraint if exists write_offs_recovered, drop column if exists recovered_fen;`,
    );
    this.addSql(`alter table refunds drop constraint if exists refunds_parts;`);
    this.addSql(`alter table refunds drop column if exists recovered_fen;`);
    this.addSql(
      `alter table refunds add constraint refunds_check check (principal_reduced_fen + credit_fen = amount_fen);`,
    );
    this.addSql(`alter table ledger_entries drop constraint if exists ledger_entries_kind_check;`);
    this.addSql(
      `alter table ledger_entries add constraint ledger_entries_kind_check check (kind in (${KINDS_BEFORE}));`,
    );
  }
}
