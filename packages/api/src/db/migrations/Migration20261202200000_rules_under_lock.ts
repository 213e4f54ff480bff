import { Migration } from '@mikro-orm/migrations';

/**
 * Fraud rules decided under the account lock (issue 12, part 7).
 *
 * The velocity and new-device rules used to be decided on facts read before the money statement,
 * so concurrent batches on one account all saw the same "recent authorizations" and together let
 * through more than the rule allows (17 in 3 s where it allows 10). They are now decided inside
 * `creditline_authorize_batch`, a PL/pgSQL function called once per batch (one round trip: the
 * facts read that used to precede the money statement is folded in) that
 *
 *   1. inserts the idempotency records (before the lock, as before: the lock is held for the
 *      shortest time; a request whose key exists is not fresh and writes nothing),
 *   2. locks the fresh requests' accounts `FOR UPDATE` in id order, then
 *   3. runs the money statement. A VOLATILE function takes a fresh snapshot for each statement,
 *      so this statement — started after the locks were granted — sees every authorization
 *      committed by whoever held them before. (Inside one statement the snapshot is older than
 *      the lock: only the locked row itself would be current, not the purchases counted.)
 *
 * Each account's requests are walked in arrival order carrying three running values: the amount
 * held so far (the limit), the authorizations so far (velocity count: every authorization
 * attempt in the window counts, whatever its decision) and the amount of HELD, CAPTURED and
 * PENDING_REVIEW purchases so far (velocity amount). A device is known when it is the customer's
 * bound device or the device of a CAPTURED purchase of the account (never a declined, rejected,
 * released or expired one); a request without a device id above the policy amount counts as
 * from a new device. The profile rules (phone changed, unusual category) and the review
 * threshold are decided in the same statement (they do not depend on concurrent authorizations,
 * but reading their facts separately would cost a round trip). The decision order is the same as `PurchaseService.decideLocked` (the category path):
 * a DECLINE-action hit declines with the first such code (rule order); otherwise, when the
 * purchase fits, any hit or an amount at the review threshold sends it to review (holding
 * nothing); otherwise it is held when it fits, or declined ACCOUNT_FROZEN / ACCOUNT_CLOSED /
 * OVER_LIMIT.
 */

/** Active temporary limits usable for request `f` (its account, its category). */
const TEMP = `coalesce((select sum(t.amount_fen) from temporary_limits t
  where t.account_id = f.account_id and t.status = 'ACTIVE' and t.starts_at <= now() and t.ends_at > now()
    and (t.category is null or t.category = f.category)), 0)`;

/**
 * One step of an account's walk for request `e`, given what came before it: `held` (amount
 * held), `n` (authorizations), `amt` (velocity amount). Yields the hits, the status and the
 * values after it.
 */
const step = (held: string, n: string, amt: string) => `
  select g.vc, g.va, g.code, g.st,
         (${held} + case when g.st = 'HELD' then e.amount else 0 end)::bigint as held,
         (${n} + 1)::bigint as n,
         (${amt} + case when g.st in ('HELD', 'PENDING_REVIEW') then e.amount else 0 end)::bigint as amt
    from (select v.vc, v.va, v.code,
                 case when v.code is not null then 'DECLINED'
                      when v.fits and (v.vc or v.va or e.nd or e.profile_hit or e.review_amount) then 'PENDING_REVIEW'
                      when v.fits then 'HELD'
                      else 'DECLINED' end as st
            from (select u.vc, u.va, u.fits,
                         case when u.vc and p_velocity_declines then 'RISK_RULE_VELOCITY_COUNT'
                              when u.va and p_velocity_declines then 'RISK_RULE_VELOCITY_AMOUNT'
                              when e.nd and p_new_device_declines then 'RISK_RULE_NEW_DEVICE'
                              else e.profile_code end as code
                    from (select p_velocity and ${n} + 1 > p_max_count as vc,
                                 p_velocity and ${amt} + e.amount > p_max_amount as va,
                                 e.status = 'ACTIVE' and ${held} + e.amount <= e.available as fits) u) v) g`;

export const FUNCTION = `
create or replace function creditline_authorize_batch(
  p_seq int[], p_actor text[], p_key text[], p_hash text[], p_account bigint[], p_amount bigint[],
  p_category text[], p_partner bigint[], p_merchant text[], p_device text[],
  p_audit_type text[], p_audit_id bigint[],
  p_hold_days int, p_review_threshold bigint,
  p_velocity boolean, p_window_minutes int, p_max_count int, p_max_amount bigint, p_velocity_declines boolean,
  p_new_device boolean, p_new_device_min bigint, p_new_device_declines boolean, p_without_device_above bigint,
  p_phone boolean, p_phone_days int, p_phone_min bigint, p_phone_declines boolean,
  p_unusual boolean, p_unusual_history int, p_unusual_min bigint, p_unusual_declines boolean
) returns table (seq int, customer_id text, id text, status text, decline_code text, reasons jsonb,
                 created_at timestamptz, decided_at timestamptz, has_cat boolean, fresh boolean)
language plpgsql volatile
as $fn$
#variable_conflict use_column
declare
  v_seq int[];
  v_pid bigint[];
  v_account bigint[];
begin
  -- 1. The idempotency records, before the lock (as the money path always did: the lock is held
  --    for the shortest time). A request whose key exists is not fresh and writes nothing (the
  --    caller replays); nor does one for a missing account or for a category with its own limit.
  with cand as (
    select r.seq, r.actor, r.key, r.hash, r.account_id, nextval(pg_get_serial_sequence('purchases', 'id')) as pid
      from unnest(p_seq, p_actor, p_key, p_hash, p_account, p_category) as r(seq, actor, key, hash, account_id, category)
     where exists (select 1 from credit_accounts ca where ca.id = r.account_id)
       and not exists (select 1 from category_limits cl where cl.account_id = r.account_id and cl.category = r.category)
  ),
  idem as (
    insert into idempotency_records (actor, operation, key, request_hash, expires_at, response)
    select c.actor, 'authorizePurchase', c.key, c.hash, now() + interval '48 hours',
           jsonb_build_object('ok', true, 'value', jsonb_build_object('purchaseId', c.pid::text))
      from cand c
    on conflict do nothing
    returning actor, key
  )
  select coalesce(array_agg(c.seq), '{}'), coalesce(array_agg(c.pid), '{}'), coalesce(array_agg(c.account_id), '{}')
    into v_seq, v_pid, v_account
    from cand c join idem i on i.actor = c.actor and i.key = c.key;
  -- 2. The fresh requests' accounts, in id order.
  perform 1 from credit_accounts a where a.id = any (v_account) order by a.id for update;
  -- 3. Everything this statement reads about those accounts is as of after the lock.
  return query
  with recursive req as (
    -- customer_id is null for an account that does not exist.
    select r.*, ca.customer_id,
           exists (select 1 from category_limits cl where cl.account_id = r.account_id and cl.category = r.category) as has_cat
      from unnest(p_seq, p_actor, p_key, p_hash, p_account, p_amount, p_category, p_partner, p_merchant,
                  p_device, p_audit_type, p_audit_id)
        as r(seq, actor, key, hash, account_id, amount, category, partner_id, merchant,
             device, audit_type, audit_id)
      left join credit_accounts ca on ca.id = r.account_id
  ),
  fresh as (
    select r.*, x.pid from req r join unnest(v_seq, v_pid) as x(seq, pid) on x.seq = r.seq
  ),
  acc as (
    select a.id, a.status, a.base_limit_fen, a.used_fen,
           (case when p_phone then (select c.phone_changed_at from customers c where c.id = a.customer_id) end) as phone_changed_at,
           (case when p_unusual then (select count(*) from orders o where o.customer_id = a.customer_id) else 0 end) as history,
           (case when p_velocity then (select count(*) from (select 1 from purchases p
              where p.account_id = a.id and p.created_at > now() - make_interval(mins => p_window_minutes)
              limit p_max_count + 1) x) else 0 end)::bigint as n0,
           (case when p_velocity then (select coalesce(sum(p.amount_fen), 0) from purchases p
              where p.account_id = a.id and p.created_at > now() - make_interval(mins => p_window_minutes)
                and p.status in ('HELD', 'CAPTURED', 'PENDING_REVIEW')) else 0 end)::bigint as amt0
      from credit_accounts a
     where a.id in (select account_id from fresh)
  ),
  prof as (
    -- The profile rules and the review threshold (nothing an authorization changes).
    select f.seq,
           coalesce(p_phone and f.amount >= p_phone_min
             and a.phone_changed_at > now() - make_interval(days => p_phone_days), false) as ph,
           p_unusual and f.amount >= p_unusual_min and a.history >= p_unusual_history
             and not exists (select 1 from orders o where o.customer_id = f.customer_id and o.category = f.category) as uc
      from fresh f join acc a on a.id = f.account_id
  ),
  el as (
    select f.seq, f.account_id, f.amount, a.status, a.n0, a.amt0, pr.ph, pr.uc,
           case when pr.ph and p_phone_declines then 'RISK_RULE_PHONE_CHANGED'
                when pr.uc and p_unusual_declines then 'RISK_RULE_UNUSUAL_CATEGORY' end as profile_code,
           pr.ph or pr.uc as profile_hit,
           f.amount >= p_review_threshold as review_amount,
           a.base_limit_fen + ${TEMP} - a.used_fen as available,
           p_new_device and f.amount >= p_new_device_min
             and case when f.device is null then f.amount > p_without_device_above
                      else not exists (select 1 from customers c where c.id = f.customer_id and c.device_id = f.device)
                           and not exists (select 1 from purchases p where p.account_id = f.account_id
                                             and p.device_id = f.device and p.status = 'CAPTURED') end as nd,
           row_number() over (partition by f.account_id order by f.seq) as rn
      from fresh f join acc a on a.id = f.account_id join prof pr on pr.seq = f.seq
  ),
  walk as (
    select e.seq, e.account_id, e.rn, s.*
      from el e cross join lateral (${step('0', 'e.n0', 'e.amt0')}) s
     where e.rn = 1
    union all
    select e.seq, e.account_id, e.rn, s.*
      from walk w join el e on e.account_id = w.account_id and e.rn = w.rn + 1
      cross join lateral (${step('w.held', 'w.n', 'w.amt')}) s
  ),
  acct as (
    update credit_accounts a set held_fen = a.held_fen + t.total
      from (select w.account_id, sum(e.amount) as total from walk w join el e on e.seq = w.seq
             where w.st = 'HELD' group by w.account_id) t
     where a.id = t.account_id
    returning a.id
  ),
  d as (
    select f.seq, f.pid, w.st as status,
           case when w.code is not null then w.code
                when w.st <> 'DECLINED' then null
                when e.status = 'FROZEN' then 'ACCOUNT_FROZEN'
                when e.status <> 'ACTIVE' then 'ACCOUNT_CLOSED'
                else 'OVER_LIMIT' end as code,
           to_jsonb(array_remove(array[case when w.vc then 'RISK_RULE_VELOCITY_COUNT' end,
                                       case when w.va then 'RISK_RULE_VELOCITY_AMOUNT' end,
                                       case when e.nd then 'RISK_RULE_NEW_DEVICE' end,
                                       case when e.ph then 'RISK_RULE_PHONE_CHANGED' end,
                                       case when e.uc then 'RISK_RULE_UNUSUAL_CATEGORY' end,
                                       case when w.st = 'PENDING_REVIEW' and e.review_amount
                                            then 'AMOUNT_ABOVE_REVIEW_THRESHOLD' end], null)) as reasons
      from fresh f join walk w on w.seq = f.seq join el e on e.seq = f.seq
  ),
  p as (
    insert into purchases (id, account_id, customer_id, partner_app_id, amount_fen, category, merchant, status, decision, decline_code, reasons, device_id, decided_at)
    select d.pid, f.account_id, f.customer_id, f.partner_id, f.amount, f.category, f.merchant, d.status, d.status, d.code, d.reasons, f.device,
           case when d.status = 'PENDING_REVIEW' then null else now() end
      from d join fresh f on f.seq = d.seq
    returning id, status, decline_code, reasons, created_at, decided_at
  ),
  h as (
    insert into holds (purchase_id, account_id, customer_id, amount_fen, status, expires_at)
    select p.id, f.account_id, f.customer_id, f.amount, 'LIVE', now() + make_interval(days => p_hold_days)
      from p join fresh f on f.pid = p.id where p.status = 'HELD'
  ),
  l as (
    insert into ledger_entries (account_id, customer_id, kind, held_delta_fen, amount_fen, ref_type, ref_id)
    select f.account_id, f.customer_id, 'HOLD', f.amount, f.amount, 'purchase', p.id from p join fresh f on f.pid = p.id where p.status = 'HELD'
  ),
  au as (
    insert into audit_log (actor_type, actor_id, action, customer_id, target_type, target_id, details)
    select f.audit_type, f.audit_id, 'authorizePurchase', f.customer_id, 'Purchase', p.id::text,
           jsonb_build_object('status', p.status, 'amountFen', f.amount, 'declineCode', p.decline_code, 'idempotencyKey', f.key)
      from p join fresh f on f.pid = p.id
  )
  select r.seq, r.customer_id::text, p.id::text, p.status, p.decline_code, p.reasons, p.created_at, p.decided_at, r.has_cat,
         f.seq is not null
    from req r left join fresh f on f.seq = r.seq left join p on p.id = f.pid;
end
$fn$;`;

export class Migration20261202200000_rules_under_lock extends Migration {
  override async up(): Promise<void> {
    this.addSql(FUNCTION);
    // "Is this device known?" — only captured purchases make it so; the partial index keeps the
    // question one index probe however many purchases an account has.
    this.addSql(
      `create index purchases_captured_device_idx on purchases (account_id, device_id) where status = 'CAPTURED' and device_id is not null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists purchases_captured_device_idx;`);
    this.addSql(
      `drop function if exists creditline_authorize_batch(int[], text[], text[], text[], bigint[], bigint[], text[], bigint[], text[], text[], text[], bigint[], int, bigint, boolean, int, int, bigint, boolean, boolean, bigint, boolean, bigint, boolean, int, bigint, boolean, boolean, int, bigint, boolean);`,
    );
  }
}
