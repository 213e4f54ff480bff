import { Migration } from '@mikro-orm/migrations';

/**
 * Every limit decision records the limit policy's version beside the model's (issue 16 item 7).
 * Rows decided before this migration were all taken under `policy-2026.11`, the only policy the
 * platform has shipped; the constant default fills them without rewriting the table (and without
 * firing its append-only trigger), then goes away, so a decision written without a policy
 * version is refused.
 */
export class Migration20261204300000_decision_policy_version extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table limit_decisions add column policy_version text not null default 'policy-2026.11' check (policy_version <> '');`,
    );
    this.addSql(`alter table limit_decisions alter column policy_version drop default;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table limit_decisions drop column if exists policy_version;`);
  }
}
