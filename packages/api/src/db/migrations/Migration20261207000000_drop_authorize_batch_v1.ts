import { Migration } from '@mikro-orm/migrations';
import { FUNCTION as AUTHORIZE_BATCH_V1 } from './Migration20261202200000_rules_under_lock.js';

/**
 * Drops the 31-argument `creditline_authorize_batch` (Migration20261202200000_rules_under_lock).
 * Migration20261206100000_authorize_link_check added the version that also checks the partner's
 * link and kept the old one for API processes of the release before it during a rolling deploy.
 * That release already calls the new version, so a rolling deploy from it never calls the old
 * one; left in place, it is a second entry to the money statement without the link check.
 */
const V1_ARGS = `int[], text[], text[], text[], bigint[], bigint[], text[], bigint[], text[], text[], text[], bigint[], int, bigint, boolean, int, int, bigint, boolean, boolean, bigint, boolean, bigint, boolean, int, bigint, boolean, boolean, int, bigint, boolean`;

export class Migration20261207000000_drop_authorize_batch_v1 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop function if exists creditline_authorize_batch(${V1_ARGS});`);
  }

  override async down(): Promise<void> {
    this.addSql(AUTHORIZE_BATCH_V1);
  }
}
