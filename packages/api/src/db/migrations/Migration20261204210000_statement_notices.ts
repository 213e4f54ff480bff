import { Migration } from '@mikro-orm/migrations';

const KINDS_BEFORE = `'HIGH_UTILISATION', 'DUE_SOON', 'OVERDUE', 'LIMIT_CHANGED', 'PROMOTION_STARTED', 'PROMOTION_ENDING', 'RECOVERY_STATUS', 'BUDGETING_TIP',
  'PARTNER_LINK_CODE', 'PARTNER_LINK_CHANGED', 'ACCOUNT_OPENED', 'APPLICATION_DECLINED', 'ACCOUNT_CLOSED', 'ACCOUNT_FROZEN', 'ACCOUNT_UNFROZEN', 'PROMOTION_CANCELLED', 'CATEGORY_LIMIT_CHANGED'`;
const KINDS_AFTER = `${KINDS_BEFORE}, 'STATEMENT_READY', 'STATEMENT_DUE_SOON', 'STATEMENT_OVERDUE'`;

/**
 * Statement notices of the revolving line (issue 14): the statement is ready (balance, minimum
 * payment, due date), its due date is near, its minimum payment was missed.
 */
export class Migration20261204210000_statement_notices extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table notices drop constraint if exists notices_kind_check;`);
    this.addSql(
      `alter table notices add constraint notices_kind_check check (kind in (${KINDS_AFTER}));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `delete from notice_outbox where notice_id in (select id from notices where kind like 'STATEMENT\\_%');`,
    );
    this.addSql(`delete from notices where kind like 'STATEMENT\\_%';`);
    this.addSql(`alter table notices drop constraint if exists notices_kind_check;`);
    this.addSql(
      `alter table notices add constraint notices_kind_check check (kind in (${KINDS_BEFORE}));`,
    );
  }
}
