import type { EntityManager } from '@mikro-orm/postgresql';
import { withRawClient, type RawClient } from '../ledger/pg-client.js';

/**
 * Authorizations grouped into one statement. Requests that arrive while earlier batches are in
 * flight wait (at most one event-loop turn when a slot is free) and go together: one statement
 * reads their rule facts, one writes every idempotency record, purchase, hold, ledger and audit
 * row and moves each account once. The per-statement cost — round trip, executor start, commit,
 * and on a busy account the row lock — is paid once per batch instead of once per purchase
 * (docs/benchmarks.md, "Authorizations").
 *
 * Inside the money statement the accounts of the batch are locked first (in id order, so two
 * batches cannot deadlock on them), and each account's requests are taken in arrival order
 * exactly as if they had come one by one: a request is held when it still fits after the ones
 * before it that were held (a recursive walk, so a small purchase after a refused large one can
 * still fit). The limit therefore holds inside the transaction, as with a single conditional
 * UPDATE.
 */

/** One authorization as the batch needs it (everything decided except the limit check). */
export interface BatchRequest {
  actor: string;
  key: string;
  hash: string;
  accountId: string;
  amountFen: number;
  category: string;
  merchant: string;
  deviceId: string | null;
  partnerId: string | null;
  auditActorType: string;
  auditActorId: string | null;
}

/** The rule facts of a request (advisory, read before the money statement). */
export interface FactsRow {
  customer_id: string;
  status: string;
  available: string;
  device_id_given: string | null;
  device_known: boolean;
  phone_changed_at: Date | string | null;
  recent_count: string;
  recent_amount: string;
  history_orders: string;
  category_orders: string;
}

/** What the rules and the review threshold decided before the money statement. */
export interface Forced {
  status: 'DECLINED' | 'PENDING_REVIEW';
  code: string | null;
}

export interface MoneyRow {
  id: string | null;
  status: 'HELD' | 'DECLINED' | 'PENDING_REVIEW' | null;
  decline_code: string | null;
  created_at: Date;
  decided_at: Date | null;
  has_cat: boolean;
  fresh: boolean;
}

/** Active temporary limits usable for a request's category, over `a` (credit_accounts) and `r` (the request). */
const TEMP = `coalesce((select sum(t.amount_fen) from temporary_limits t
  where t.account_id = a.id and t.status = 'ACTIVE' and t.starts_at <= now() and t.ends_at > now()
    and (t.category is null or t.category = r.category)), 0)`;

/**
 * Rule facts for a batch: $1 seq, $2 account, $3 category, $4 device (arrays); $5 velocity window
 * (minutes), $6 unusual-category rule on, $7 velocity rule on, $8 count cap (the rule only needs
 * to know "more than the maximum"). A rule that is off costs nothing.
 */
const FACTS_SQL = `
  select r.seq, a.customer_id::text as customer_id, a.status, (a.base_limit_fen + ${TEMP} - a.used_fen)::text as available,
         r.device as device_id_given, c.phone_changed_at,
         (r.device is not null and (c.device_id = r.device or exists (select 1 from purchases p where p.account_id = a.id and p.device_id = r.device))) as device_known,
         (case when $7::boolean then (select count(*) from (select 1 from purchases p where p.account_id = a.id and p.created_at > now() - make_interval(mins => $5::int) limit $8::int) x) else 0 end)::text as recent_count,
         (case when $7::boolean then (select coalesce(sum(p.amount_fen), 0) from purchases p
           where p.account_id = a.id and p.created_at > now() - make_interval(mins => $5::int) and p.status in ('HELD', 'CAPTURED', 'PENDING_REVIEW')) else 0 end)::text as recent_amount,
         (case when $6::boolean then (select count(*) from orders o where o.customer_id = a.customer_id) else 0 end)::text as history_orders,
         (case when $6::boolean then (select count(*) from orders o where o.customer_id = a.customer_id and o.category = r.category) else 0 end)::text as category_orders
    from unnest($1::int[], $2::bigint[], $3::text[], $4::text[]) as r(seq, account_id, category, device)
    join credit_accounts a on a.id = r.account_id
    join customers c on c.id = a.customer_id`;

/**
 * The money statement for a batch. Arrays, one element per request: $1 seq, $2 actor, $3 key,
 * $4 request hash, $5 account, $6 amount, $7 category, $8 forced status, $9 forced code,
 * $10 customer, $11 partner app, $12 merchant, $13 reasons (JSON), $14 device, $15 audit actor
 * type, $16 audit actor id; $17 hold days.
 *
 * - `idem` gates everything: a request whose key exists is not fresh and writes nothing (the
 *   caller replays the first result). A request for a category with its own limit (专项额度)
 *   writes nothing either (`has_cat`: the caller takes the transactional category path).
 * - `acc` locks the batch's accounts in id order; `walk` takes each account's fresh, unforced
 *   requests in arrival order against the locked row; `acct` moves each account once.
 */
export const MONEY_SQL = `
  with recursive req as (
    select r.*, nextval(pg_get_serial_sequence('purchases', 'id')) as pid,
           exists (select 1 from category_limits cl where cl.account_id = r.account_id and cl.category = r.category) as has_cat
      from unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::text[], $8::text[], $9::text[], $10::bigint[], $11::bigint[], $12::text[], $13::text[], $14::text[], $15::text[], $16::bigint[])
        as r(seq, actor, key, hash, account_id, amount, category, forced_status, forced_code, customer_id, partner_id, merchant, reasons, device, audit_type, audit_id)
  ),
  idem as (
    insert into idempotency_records (actor, operation, key, request_hash, expires_at, response)
    select r.actor, 'authorizePurchase', r.key, r.hash, now() + interval '48 hours',
           jsonb_build_object('ok', true, 'value', jsonb_build_object('purchaseId', r.pid::text))
      from req r where not r.has_cat
    on conflict do nothing
    returning actor, key
  ),
  fresh as (
    select r.* from req r join idem i on i.actor = r.actor and i.key = r.key
  ),
  acc as (
    select a.id, a.status, a.base_limit_fen, a.used_fen from credit_accounts a
     where a.id in (select account_id from fresh where forced_status is null)
     order by a.id for update
  ),
  el as (
    select f.seq, f.account_id, f.amount, a.status, a.base_limit_fen + ${TEMP.replace(/r\.category/g, 'f.category')} - a.used_fen as available,
           row_number() over (partition by f.account_id order by f.seq) as rn
      from fresh f join acc a on a.id = f.account_id where f.forced_status is null
  ),
  walk as (
    select e.seq, e.account_id, e.rn, x.ok, case when x.ok then e.amount else 0 end as taken
      from el e cross join lateral (select e.status = 'ACTIVE' and e.amount <= e.available as ok) x
     where e.rn = 1
    union all
    select e.seq, e.account_id, e.rn, x.ok, w.taken + case when x.ok then e.amount else 0 end
      from walk w join el e on e.account_id = w.account_id and e.rn = w.rn + 1
      cross join lateral (select e.status = 'ACTIVE' and w.taken + e.amount <= e.available as ok) x
  ),
  acct as (
    update credit_accounts a set held_fen = a.held_fen + t.total
      from (select w.account_id, sum(e.amount) as total from walk w join el e on e.seq = w.seq where w.ok group by w.account_id) t
     where a.id = t.account_id
    returning a.id
  ),
  d as (
    select f.seq, f.pid,
           case when f.forced_status is not null then f.forced_status when w.ok then 'HELD' else 'DECLINED' end as status,
           case when f.forced_status is not null then f.forced_code
                when w.ok then null
                when e.status = 'FROZEN' then 'ACCOUNT_FROZEN'
                when e.status <> 'ACTIVE' then 'ACCOUNT_CLOSED'
                else 'OVER_LIMIT' end as code
      from fresh f left join walk w on w.seq = f.seq left join el e on e.seq = f.seq
  ),
  p as (
    insert into purchases (id, account_id, customer_id, partner_app_id, amount_fen, category, merchant, status, decision, decline_code, reasons, device_id, decided_at)
    select d.pid, f.account_id, f.customer_id, f.partner_id, f.amount, f.category, f.merchant, d.status, d.status, d.code, f.reasons::jsonb, f.device,
           case when d.status = 'PENDING_REVIEW' then null else now() end
      from d join fresh f on f.seq = d.seq
    returning id, status, decline_code, created_at, decided_at
  ),
  h as (
    insert into holds (purchase_id, account_id, customer_id, amount_fen, status, expires_at)
    select p.id, f.account_id, f.customer_id, f.amount, 'LIVE', now() + make_interval(days => $17::int)
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
  select r.seq, p.id::text as id, p.status, p.decline_code, p.created_at, p.decided_at, r.has_cat,
         exists (select 1 from fresh f where f.seq = r.seq) as fresh
    from req r left join p on p.id = r.pid`;

interface Pending {
  em: EntityManager;
  request: BatchRequest;
  /** Decide the rules on the facts: a forced status, the reasons, or undefined (no account). */
  decide: (facts: FactsRow) => { forced: Forced | null; reasons: string[] };
  resolve: (r: BatchResult) => void;
  reject: (e: unknown) => void;
}

export type BatchResult =
  | { kind: 'no-account' }
  | { kind: 'written'; facts: FactsRow; reasons: string[]; row: MoneyRow & { id: string } }
  | { kind: 'category'; facts: FactsRow; forced: Forced | null; reasons: string[] }
  | { kind: 'replay' };

export interface RuleSettings {
  windowMinutes: number;
  unusualCategory: boolean;
  velocity: boolean;
  countCap: number;
}

/** Most requests one statement carries (the arrays stay small; a bigger burst takes more batches). */
const MAX_BATCH = 64;
/** Requests of one account kept in one statement even when the waiting requests are shared between slots. */
const ONE_ACCOUNT = 16;

const keyOf = (r: BatchRequest) => `${r.actor}\u0000${r.key}`;

export class AuthorizationBatcher {
  private queue: Pending[] = [];
  /** (actor, key) of the requests in flight. */
  private readonly deciding = new Set<string>();
  private inFlight = 0;
  private scheduled = false;

  /**
   * @param slots statements in flight at once, each on its own connection: with two CPUs, enough
   *   to keep PostgreSQL busy while Node prepares the next batch, few enough that batches fill.
   */
  constructor(
    private readonly settings: () => { rules: RuleSettings; holdDays: number },
    private readonly slots = 2,
  ) {}

  submit(
    em: EntityManager,
    request: BatchRequest,
    decide: Pending['decide'],
  ): Promise<BatchResult> {
    return new Promise<BatchResult>((resolve, reject) => {
      this.queue.push({ em, request, decide, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.slots || this.queue.length === 0) return;
    this.scheduled = true;
    // One event-loop turn: requests parsed in the same turn join the batch. What waits is shared
    // evenly among the free slots so both CPUs work on it: sixteen requests on sixteen accounts
    // take two statements of eight side by side (≈0.9 ms each) rather than one of sixteen on one
    // CPU (≈1.45 ms). Requests in flight together have no order between them; take() keeps
    // an account's together where splitting would not pay.
    setImmediate(() => {
      this.scheduled = false;
      while (this.inFlight < this.slots && this.queue.length > 0) {
        const batch = this.take(Math.ceil(this.queue.length / (this.slots - this.inFlight)));
        if (batch.length === 0) break; // only repeated keys wait: they go when their first is decided
        this.start(batch);
      }
    });
  }

  /**
   * The next batch, oldest first, of about `size` requests. An account in the batch brings its
   * other waiting requests along up to ONE_ACCOUNT requests: split smaller, a second statement
   * would mostly wait for the first's row lock and pay its own fixed cost for little (a hot
   * account's sixteen requests go faster as one statement than as two of eight); split larger,
   * the second statement's work before the lock overlaps the first's. A key already being
   * decided waits for that decision, so a repeated key is always a replay of a committed result.
   */
  private take(size: number): Pending[] {
    const batch: Pending[] = [];
    const accounts = new Set<string>();
    const rest: Pending[] = [];
    for (const p of this.queue) {
      const k = keyOf(p.request);
      const room =
        batch.length < Math.min(size, MAX_BATCH) ||
        (accounts.has(p.request.accountId) && batch.length < ONE_ACCOUNT);
      if (room && !this.deciding.has(k)) {
        this.deciding.add(k);
        accounts.add(p.request.accountId);
        batch.push(p);
      } else rest.push(p);
    }
    this.queue = rest;
    return batch;
  }

  private start(batch: Pending[]): void {
    this.inFlight++;
    withRawClient(batch[0]!.em, (c) => this.run(c, batch))
      .catch(async (err: { code?: string }) => {
        // A deadlock (two batches racing on one idempotency key and one account) aborts one
        // statement as a whole: its requests go again one by one; anything else fails them.
        if (err?.code === '40P01' && batch.length > 1) {
          for (const p of batch)
            await withRawClient(p.em, (c) => this.run(c, [p])).catch((e) => p.reject(e));
        } else for (const p of batch) p.reject(err);
      })
      .finally(() => {
        for (const p of batch) this.deciding.delete(keyOf(p.request));
        this.inFlight--;
        this.schedule();
      });
  }

  private async run(c: RawClient, batch: Pending[]): Promise<void> {
    const { rules, holdDays } = this.settings();
    const seqs = batch.map((_, i) => i);
    const { rows: facts } = await c.query<FactsRow & { seq: number }>({
      name: 'authorize_batch_facts_v1',
      text: FACTS_SQL,
      values: [
        seqs,
        batch.map((p) => p.request.accountId),
        batch.map((p) => p.request.category),
        batch.map((p) => p.request.deviceId),
        rules.windowMinutes,
        rules.unusualCategory,
        rules.velocity,
        rules.countCap,
      ],
    });
    const factsOf = new Map(facts.map((f) => [f.seq, f]));
    const going: {
      p: Pending;
      seq: number;
      f: FactsRow;
      forced: Forced | null;
      reasons: string[];
    }[] = [];
    for (const [i, p] of batch.entries()) {
      const f = factsOf.get(i);
      if (!f) p.resolve({ kind: 'no-account' });
      else going.push({ p, seq: going.length, f, ...p.decide(f) });
    }
    if (going.length === 0) return;
    const col = <T>(fn: (g: (typeof going)[number]) => T) => going.map(fn);
    const { rows } = await c.query<MoneyRow & { seq: number }>({
      name: 'authorize_batch_money_v1',
      text: MONEY_SQL,
      values: [
        col((g) => g.seq),
        col((g) => g.p.request.actor),
        col((g) => g.p.request.key),
        col((g) => g.p.request.hash),
        col((g) => g.p.request.accountId),
        col((g) => g.p.request.amountFen),
        col((g) => g.p.request.category),
        col((g) => g.forced?.status ?? null),
        col((g) => g.forced?.code ?? null),
        col((g) => g.f.customer_id),
        col((g) => g.p.request.partnerId),
        col((g) => g.p.request.merchant),
        col((g) => JSON.stringify(g.reasons)),
        col((g) => g.p.request.deviceId),
        col((g) => g.p.request.auditActorType),
        col((g) => g.p.request.auditActorId),
        holdDays,
      ],
    });
    const bySeq = new Map(rows.map((r) => [r.seq, r]));
    for (const g of going) {
      const r = bySeq.get(g.seq);
      if (!r) g.p.reject(new Error('authorization statement returned no row'));
      else if (r.id)
        g.p.resolve({
          kind: 'written',
          facts: g.f,
          reasons: g.reasons,
          row: r as MoneyRow & { id: string },
        });
      else if (r.has_cat)
        g.p.resolve({ kind: 'category', facts: g.f, forced: g.forced, reasons: g.reasons });
      else g.p.resolve({ kind: 'replay' });
    }
  }
}
