import { Migration } from '@mikro-orm/migrations';

/**
 * Money part 2 (issue 5): ledger kinds for waived fees, the first decision on a purchase, and an index for pending restoration stages.
 * Waivers (early repayment forgives the fees of periods not yet started) are ledger rows too,
 * so that fees charged − waived − repaid reconciles to what the schedule still asks for.
 */
export class Migration20261123000000_money extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table ledger_entries drop constraint if exists ledger_entries_kind_check;`);
    this.addSql(`
      alter table ledger_entries add constraint ledger_entries_kind_check check (kind in (
        'HOLD', 'HOLD_RELEASE', 'HOLD_EXPIRE', 'CAPTURE', 'REPAY_PRINCIPAL', 'REPAY_FEE', 'REPAY_LATE_FEE',
        'FEE_CHARGED', 'LATE_FEE_CHARGED', 'OPENING_BALANCE', 'OVERPAYMENT', 'FEE_WAIVED'));`);
    // The first decision on a purchase (its status moves on: HELD → CAPTURED …); an idempotent
    // retry of authorizePurchase answers with this.
    this.addSql(
      `alter table purchases add column decision text check (decision in ('HELD', 'DECLINED', 'PENDING_REVIEW'));`,
    );
    this.addSql(
      `create index if not exists restoration_stages_pending_idx on restoration_stages (account_id) where status = 'PENDING';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists restoration_stages_pending_idx;`);
    this.addSql(`alter table purchases drop column if exists decision;`);
    this.addSql(`alter table ledger_entries drop constraint if exists ledger_entries_kind_check;`);
    this.addSql(`
      alter table ledger_entries add constraint ledger_entries_kind_check check (kind in (
        'HOLD', 'HOLD_RELEASE', 'HOLD_EXPIRE', 'CAPTURE', 'REPAY_PRINCIPAL', 'REPAY_FEE', 'REPAY_LATE_FEE',
        'FEE_CHARGED', 'LATE_FEE_CHARGED', 'OPENING_BALANCE', 'OVERPAYMENT'));`);
  }
}
