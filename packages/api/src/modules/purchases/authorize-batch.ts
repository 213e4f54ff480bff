import type { EntityManager } from '@mikro-orm/postgresql';
import { withRawClient, type RawClient } from '../ledger/pg-client.js';
import type { FraudRules } from './purchase-rules.js';

/**
 * Authorizations grouped into one statement. Requests that arrive while earlier batches are in
 * flight wait (at most one event-loop turn when a slot is free) and go together: one statement
 * reads their profile facts, one decides the account rules and the limit and writes every
 * idempotency record, purchase, hold, ledger and audit row and moves each account once. The per-statement cost — round trip, executor start, commit,
 * and on a busy account the row lock — is paid once per batch instead of once per purchase
 * (docs/benchmarks.md, "Authorizations").
 *
 * Inside the money statement the accounts of the batch are locked first (in id order, so two
 * batches cannot deadlock on them), and each account's requests are taken in arrival order
 * exactly as if they had come one by one: a request is held when it still fits after the ones
 * before it that were held (a recursive walk, so a small purchase after a refused large one can
 * still fit), and the velocity and new-device rules count the ones before it too. The limit and
 * those rules therefore hold under the account lock, across batches and API processes.
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

/**
 * A request's profile facts, read before the money statement: the customer, and what the profile
 * rules need (phone change, order history). Nothing an authorization changes.
 */
export interface FactsRow {
  customer_id: string;
  phone_changed_at: Date | string | null;
  history_orders: string;
  category_orders: string;
}

/**
 * What was decided before the money statement: the profile rules' hits (the first DECLINE code,
 * whether any fired, their codes in rule order) and whether the amount is at the review threshold.
 * The account rules and the limit are decided in the statement, under the lock.
 */
export interface Profiled {
  declineCode: string | null;
  hit: boolean;
  reasons: string[];
  reviewAmount: boolean;
}

export interface MoneyRow {
  id: string | null;
  status: 'HELD' | 'DECLINED' | 'PENDING_REVIEW' | null;
  decline_code: string | null;
  reasons: string[] | null;
  created_at: Date;
  decided_at: Date | null;
  has_cat: boolean;
  fresh: boolean;
}

/**
 * Profile facts for a batch: $1 seq, $2 account, $3 category (arrays); $4 unusual-category rule
 * on. A request whose account does not exist has no row. A rule that is off costs nothing.
 */
const FACTS_SQL = `
  select r.seq, a.customer_id::text as customer_id, c.phone_changed_at,
         (case when $4::boolean then (select count(*) from orders o where o.customer_id = a.customer_id) else 0 end)::text as history_orders,
         (case when $4::boolean then (select count(*) from orders o where o.customer_id = a.customer_id and o.category = r.category) else 0 end)::text as category_orders
    from unnest($1::int[], $2::bigint[], $3::text[]) as r(seq, account_id, category)
    join credit_accounts a on a.id = r.account_id
    join customers c on c.id = a.customer_id`;

/**
 * The money statement: `creditline_authorize_batch` (migration
 * Migration20261202200000_rules_under_lock) locks the batch's accounts in id order, then — in a
 * statement whose snapshot is taken after the lock — writes the idempotency records (a request
 * whose key exists is not fresh and writes nothing: the caller replays; a request for a category
 * with its own limit writes nothing either, `has_cat`: the caller takes the transactional
 * category path), decides each account's requests in arrival order (velocity, new device, the
 * profile decision passed in, the review threshold, the limit), moves each account once and
 * writes the purchases, holds, ledger and audit rows.
 */
const MONEY_SQL = `select * from creditline_authorize_batch(
  $1::int[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::text[], $8::bigint[],
  $9::bigint[], $10::text[], $11::text[], $12::text[], $13::bigint[], $14::text[], $15::boolean[],
  $16::text[], $17::boolean[], $18::int, $19::boolean, $20::int, $21::int, $22::bigint, $23::boolean,
  $24::boolean, $25::bigint, $26::boolean, $27::bigint)`;

interface Pending {
  em: EntityManager;
  request: BatchRequest;
  /** Decide the profile rules and the review threshold on the request's profile facts. */
  decide: (facts: FactsRow) => Profiled;
  resolve: (r: BatchResult) => void;
  reject: (e: unknown) => void;
}

export type BatchResult =
  | { kind: 'no-account' }
  | { kind: 'written'; facts: FactsRow; row: MoneyRow & { id: string; reasons: string[] } }
  | { kind: 'category'; facts: FactsRow; profiled: Profiled }
  | { kind: 'replay' };

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
    private readonly settings: () => { rules: FraudRules; holdDays: number },
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
      name: 'authorize_batch_facts_v2',
      text: FACTS_SQL,
      values: [
        seqs,
        batch.map((p) => p.request.accountId),
        batch.map((p) => p.request.category),
        rules.unusualCategory.enabled,
      ],
    });
    const factsOf = new Map(facts.map((f) => [f.seq, f]));
    const going: { p: Pending; seq: number; f: FactsRow; profiled: Profiled }[] = [];
    for (const [i, p] of batch.entries()) {
      const f = factsOf.get(i);
      if (!f) p.resolve({ kind: 'no-account' });
      else going.push({ p, seq: going.length, f, profiled: p.decide(f) });
    }
    if (going.length === 0) return;
    const col = <T>(fn: (g: (typeof going)[number]) => T) => going.map(fn);
    const { velocity: v, newDevice: d } = rules;
    const { rows } = await c.query<MoneyRow & { seq: number }>({
      name: 'authorize_batch_money_v2',
      text: MONEY_SQL,
      values: [
        col((g) => g.seq),
        col((g) => g.p.request.actor),
        col((g) => g.p.request.key),
        col((g) => g.p.request.hash),
        col((g) => g.p.request.accountId),
        col((g) => g.p.request.amountFen),
        col((g) => g.p.request.category),
        col((g) => g.f.customer_id),
        col((g) => g.p.request.partnerId),
        col((g) => g.p.request.merchant),
        col((g) => g.p.request.deviceId),
        col((g) => g.p.request.auditActorType),
        col((g) => g.p.request.auditActorId),
        col((g) => g.profiled.declineCode),
        col((g) => g.profiled.hit),
        col((g) => JSON.stringify(g.profiled.reasons)),
        col((g) => g.profiled.reviewAmount),
        holdDays,
        v.enabled,
        v.windowMinutes,
        v.maxCount,
        v.maxAmountFen,
        v.action === 'DECLINE',
        d.enabled,
        d.minAmountFen,
        d.action === 'DECLINE',
        d.missingDeviceIdAboveFen,
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
          row: r as MoneyRow & { id: string; reasons: string[] },
        });
      else if (r.has_cat) g.p.resolve({ kind: 'category', facts: g.f, profiled: g.profiled });
      else g.p.resolve({ kind: 'replay' });
    }
  }
}
