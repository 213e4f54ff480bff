import { Migration } from '@mikro-orm/migrations';

/**
 * Staff sessions that can be ended (issue 12).
 * - `agents.session_version`: copied into every token; raised by sign-out, password change,
 *   deactivation and role change, so every token issued before stops working on every process
 *   (they check it against this row, with a cache of a few seconds).
 * - `agents.demo`: the demo population's logins. A production start refuses them even against
 *   a database a development start seeded (their passwords are published in the README).
 * - `rate_limits`: rate-limiter-flexible's PostgreSQL store (its own table layout), shared by
 *   every API process. Created here rather than by the library at start, so a fresh database and
 *   the tests' template have it before the first request.
 * - audit actor `ANONYMOUS`: a refused sign-in or request by a caller with no valid credential
 *   (its client address is in the row's details).
 */
export class Migration20261202100000_staff_sessions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table agents add column session_version integer not null default 1;`);
    this.addSql(`alter table agents add column demo boolean not null default false;`);
    this.addSql(
      `update agents set demo = true where username in ('agent', 'supervisor', 'risk') and display_name like '%(demo %';`,
    );
    this.addSql(`
      create table rate_limits (
        key varchar(255) primary key,
        points integer not null default 0,
        expire bigint
      );`);
    this.addSql(`create index rate_limits_expire_idx on rate_limits (expire);`);
    this.addSql(`alter table audit_log drop constraint if exists audit_log_actor_type_check;`);
    this.addSql(
      `alter table audit_log add constraint audit_log_actor_type_check check (actor_type in ('AGENT', 'PARTNER', 'SYSTEM', 'ANONYMOUS'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table audit_log drop constraint if exists audit_log_actor_type_check;`);
    this.addSql(
      `alter table audit_log add constraint audit_log_actor_type_check check (actor_type in ('AGENT', 'PARTNER', 'SYSTEM')) not valid;`,
    );
    this.addSql(`drop table if exists rate_limits;`);
    this.addSql(`alter table agents drop column if exists demo;`);
    this.addSql(`alter table agents drop column if exists session_version;`);
  }
}
