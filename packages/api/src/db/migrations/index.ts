/**
 * Migrations listed explicitly (not globbed) so they run the same under tsx, vitest and a
 * bundled build. A new migration: `pnpm --filter @creditline/api migration:create`, then add it here.
 */
import { Migration20261122000000_domain } from './Migration20261122000000_domain.js';
import { Migration20261123000000_money } from './Migration20261123000000_money.js';
import { Migration20261123010000_owner_copies } from './Migration20261123010000_owner_copies.js';
import { Migration20261202000000_partner_links } from './Migration20261202000000_partner_links.js';
import { Migration20261202100000_staff_sessions } from './Migration20261202100000_staff_sessions.js';
import { Migration20261202200000_rules_under_lock } from './Migration20261202200000_rules_under_lock.js';
import { Migration20261202300000_stress_tests } from './Migration20261202300000_stress_tests.js';
import { Migration20261202500000_jobs_delivery_webhooks } from './Migration20261202500000_jobs_delivery_webhooks.js';
import { Migration20261202600000_lifecycle } from './Migration20261202600000_lifecycle.js';
import { Migration20261202800000_money_ops } from './Migration20261202800000_money_ops.js';
import { Migration20261203200000_webhook_link_scopes } from './Migration20261203200000_webhook_link_scopes.js';
import { Migration20261203500000_revolving } from './Migration20261203500000_revolving.js';
import { Migration20261203600000_model_registry } from './Migration20261203600000_model_registry.js';
import { Migration20261204000000_support_desk } from './Migration20261204000000_support_desk.js';
import { Migration20261204100000_citus_keys } from './Migration20261204100000_citus_keys.js';
import { Migration20261204200000_revolving_waivers } from './Migration20261204200000_revolving_waivers.js';
import { Migration20261204210000_statement_notices } from './Migration20261204210000_statement_notices.js';
import { Migration20261204300000_decision_policy_version } from './Migration20261204300000_decision_policy_version.js';
import { Migration20261204500000_support_desk_distribution } from './Migration20261204500000_support_desk_distribution.js';
import { Migration20261205200000_refund_recovery } from './Migration20261205200000_refund_recovery.js';
import { Migration20261205400000_refunded_points } from './Migration20261205400000_refunded_points.js';
import { Migration20261206100000_authorize_link_check } from './Migration20261206100000_authorize_link_check.js';
import { Migration20261207000000_drop_authorize_batch_v1 } from './Migration20261207000000_drop_authorize_batch_v1.js';

export const migrationsList = [
  { name: 'Migration20261122000000_domain', class: Migration20261122000000_domain },
  { name: 'Migration20261123000000_money', class: Migration20261123000000_money },
  { name: 'Migration20261123010000_owner_copies', class: Migration20261123010000_owner_copies },
  { name: 'Migration20261202000000_partner_links', class: Migration20261202000000_partner_links },
  { name: 'Migration20261202100000_staff_sessions', class: Migration20261202100000_staff_sessions },
  {
    name: 'Migration20261202200000_rules_under_lock',
    class: Migration20261202200000_rules_under_lock,
  },
  { name: 'Migration20261202300000_stress_tests', class: Migration20261202300000_stress_tests },
  {
    name: 'Migration20261202500000_jobs_delivery_webhooks',
    class: Migration20261202500000_jobs_delivery_webhooks,
  },
  { name: 'Migration20261202600000_lifecycle', class: Migration20261202600000_lifecycle },
  { name: 'Migration20261202800000_money_ops', class: Migration20261202800000_money_ops },
  {
    name: 'Migration20261203200000_webhook_link_scopes',
    class: Migration20261203200000_webhook_link_scopes,
  },
  { name: 'Migration20261203500000_revolving', class: Migration20261203500000_revolving },
  { name: 'Migration20261203600000_model_registry', class: Migration20261203600000_model_registry },
  { name: 'Migration20261204000000_support_desk', class: Migration20261204000000_support_desk },
  { name: 'Migration20261204100000_citus_keys', class: Migration20261204100000_citus_keys },
  {
    name: 'Migration20261204200000_revolving_waivers',
    class: Migration20261204200000_revolving_waivers,
  },
  {
    name: 'Migration20261204210000_statement_notices',
    class: Migration20261204210000_statement_notices,
  },
  {
    name: 'Migration20261204300000_decision_policy_version',
    class: Migration20261204300000_decision_policy_version,
  },
  {
    name: 'Migration20261204500000_support_desk_distribution',
    class: Migration20261204500000_support_desk_distribution,
  },
  {
    name: 'Migration20261205200000_refund_recovery',
    class: Migration20261205200000_refund_recovery,
  },
  {
    name: 'Migration20261205400000_refunded_points',
    class: Migration20261205400000_refunded_points,
  },
  {
    name: 'Migration20261206100000_authorize_link_check',
    class: Migration20261206100000_authorize_link_check,
  },
  {
    name: 'Migration20261207000000_drop_authorize_batch_v1',
    class: Migration20261207000000_drop_authorize_batch_v1,
  },
];
