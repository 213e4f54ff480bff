import { Migration } from '@mikro-orm/migrations';

/**
 * Webhooks follow the trust boundary (issue 12): a partner app hears of a customer's event only
 * while the customer's link to it is active AND grants the scope that reading the same fact
 * through the API needs — LIMIT_CHANGED and PLAN_OVERDUE need `limits:read` (CreditAccount's
 * limits and overdue state), PURCHASE_REVIEW_DECIDED and HOLD_EXPIRED `purchases:write` (and
 * only for the app's own purchase). LINK_REVOKED goes to the app whose link ended, link or not.
 */
export class Migration20261203200000_webhook_link_scopes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create function creditline_partners_for_customer(customer bigint, need text) returns setof bigint language sql stable as $$
        select partner_app_id from partner_links
         where customer_id = customer and status = 'ACTIVE' and expires_at > now() and need = any (scopes)
      $$;`);
    this.addSql(`
      create or replace function creditline_webhook_fanout() returns trigger language plpgsql as $$
      declare
        need text := case new.event_type
          when 'LIMIT_CHANGED' then 'limits:read'
          when 'PLAN_OVERDUE' then 'limits:read'
          when 'PURCHASE_REVIEW_DECIDED' then 'purchases:write'
          when 'HOLD_EXPIRED' then 'purchases:write'
          else null end;
      begin
        insert into webhook_deliveries (event_id, endpoint_id, partner_app_id)
        select new.id, e.id, e.partner_app_id
          from webhook_endpoints e
         where e.active and new.event_type = any (e.event_types)
           and (new.partner_app_id is null or e.partner_app_id = new.partner_app_id)
           and (need is null
                or e.partner_app_id in (select creditline_partners_for_customer(new.customer_id, need)))
        on conflict (event_id, endpoint_id) do nothing;
        if found then perform pg_notify('creditline_delivery', 'webhooks'); end if;
        return new;
      end $$;`);
    this.addSql(`drop function creditline_partners_for_customer(bigint);`);
  }

  override async down(): Promise<void> {
    this.addSql(`
      create function creditline_partners_for_customer(customer bigint) returns setof bigint language sql stable as $$
        select partner_app_id from partner_links where customer_id = customer and status = 'ACTIVE' and expires_at > now()
      $$;`);
    this.addSql(`
      create or replace function creditline_webhook_fanout() returns trigger language plpgsql as $$
      begin
        insert into webhook_deliveries (event_id, endpoint_id, partner_app_id)
        select new.id, e.id, e.partner_app_id
          from webhook_endpoints e
         where e.active and new.event_type = any (e.event_types)
           and (case when new.partner_app_id is not null then e.partner_app_id = new.partner_app_id
                     else e.partner_app_id in (select creditline_partners_for_customer(new.customer_id)) end)
        on conflict (event_id, endpoint_id) do nothing;
        if found then perform pg_notify('creditline_delivery', 'webhooks'); end if;
        return new;
      end $$;`);
    this.addSql(`drop function creditline_partners_for_customer(bigint, text);`);
  }
}
