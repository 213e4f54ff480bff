import { Migration } from '@mikro-orm/migrations';

/**
 * Refunded card spend never earns reward points (issue 14 review, "Left open" 1): a cycle's points
 * were `floor((purchases − refunds)/¥1)` with `refunds` only the part of card refunds that lowered
 * the line's principal, and a cycle with more refunds than purchases earned 0 — so a purchase
 * returned after its statement closed (or after it was paid, the refund becoming credit) kept its
 * points.
 *
 * - `refunds.revolving_fen`: the part of a refund that refunded card captures (captures without a
 *   plan on a revolving line), whatever it became (lower principal, credit or a recovery). Existing
 *   refunds on a revolving line since it opened are backfilled: the whole refund when its purchase
 *   has no plan capture, else what it lowered of the line's principal.
 * - `statements.card_refunds_fen`: the card refunds of the cycle the points are computed on
 *   (`points_earned = floor((purchases − card_refunds)/¥1) × points per yuan`); existing
 *   statements keep what they counted (`refunds_fen`).
 * - `statements.points_earned` may be negative: a cycle whose refunds exceed its purchases takes
 *   points back, down to the customer's balance (`revolving_accounts.points >= 0` stays, and
 *   `points = Σ points_earned − Σ redeemed`).
 */
export class Migration20261205400000_refunded_points extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table refunds add column revolving_fen bigint not null default 0, add constraint refunds_revolving check (revolving_fen >= 0 and revolving_fen <= amount_fen);`,
    );
    this.addSql(`
      update refunds r set revolving_fen = case
          when not exists (select 1 from captures c join installment_plans ip on ip.capture_id = c.id where c.purchase_id = r.purchase_id)
            then r.amount_fen
          else coalesce((select sum(l.amount_fen) from ledger_entries l
                          where l.customer_id = r.customer_id and l.account_id = r.account_id
                            and l.kind = 'REVOLVING_REFUND' and l.ref_type = 'refund' and l.ref_id = r.id), 0)
          end
        from revolving_accounts ra
       where ra.account_id = r.account_id and ra.customer_id = r.customer_id and r.created_at >= ra.opened_at;`);
    this.addSql(`alter table statements add column card_refunds_fen bigint;`);
    this.addSql(`update statements set card_refunds_fen = refunds_fen;`);
    this.addSql(
      `alter table statements alter column card_refunds_fen set not null, alter column card_refunds_fen set default 0, add constraint statements_card_refunds check (card_refunds_fen >= 0);`,
    );
    this.addSql(`alter table statements drop constraint if exists statements_points_earned_check;`);
  }

  override async down(): Promise<void> {
    this.addSql(`update statements set points_earned = 0 where points_earned < 0;`);
    this.addSql(
      `alter table statements add constraint statements_points_earned_check check (points_earned >= 0);`,
    );
    this.addSql(
      `alter table statements drop constraint if exists statements_card_refunds, drop column if exists card_refunds_fen;`,
    );
    this.addSql(
      `alter table refunds drop constraint if exists refunds_revolving, drop column if exists revolving_fen;`,
    );
  }
}
