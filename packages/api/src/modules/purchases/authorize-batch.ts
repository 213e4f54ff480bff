import type { EntityManager } from '@mikro-orm/postgresql';
import { withRawClient, type ConnectionLender, type RawClient } from '../../db/pg-client.js';
import type { FraudRules } from './purchase-rules.js';

/**
 * Authorizations grouped into one statement. Requests that arrive while earlier batches are in
 * flight wait (at most one event-loop turn when a slot is free) and go together: one call decides
 * the fraud rules and the limit under the accounts' locks and writes every idempotency record,
 * purchase, hold, ledger and audit row and moves each account once. The per-statement cost — round trip, executor start, commit,
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
  /**
   * A partner app's request checked against its link in the statement: the scopes the link
   * must grant, comma-separated ('' for none beyond an active link); null: no link check.
   */
  linkScopes: string | null;
}

export interface MoneyRow {
  /** Null when the account does not exist (or a partner request is not linked to its customer). */
  customer_id: string | null;
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
 * The batch: `creditline_authorize_batch` (migration Migration20261202200000_rules_under_lock;
 * the link check of a partner's request, `linkScopes`, Migration20261206100000_authorize_link_check)
 * locks the batch's accounts in id order, then — in a statement whose snapshot is taken after
 * the lock — writes the idempotency records (a request whose key exists is not fresh and writes
 * nothing: the caller replays; a request for a category with its own limit writes nothing
 * either, `has_cat`: the caller takes the transactional category path; a request for a missing
 * account or an unlinked partner request writes nothing, `customer_id` null), decides each account's requests in arrival order
 * (velocity, new device, phone changed, unusual category, the review threshold, the limit),
 * moves each account once and writes the purchases, holds, ledger and audit rows. One round trip.
 */
export const BATCH_SQL = `select * from creditline_authorize_batch(
  $1::int[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::text[], $8::bigint[],
  $9::text[], $10::text[], $11::text[], $12::bigint[], $13::int, $14::bigint,
  $15::boolean, $16::int, $17::int, $18::bigint, $19::boolean,
  $20::boolean, $21::bigint, $22::boolean, $23::bigint,
  $24::boolean, $25::int, $26::bigint, $27::boolean,
  $28::boolean, $29::int, $30::bigint, $31::boolean, $32::text[])`;

interface Pending {
  /** The request's EntityManager (forked on first use), only to borrow a connection. */
  em: () => EntityManager;
  request: BatchRequest;
  resolve: (r: BatchResult) => void;
  reject: (e: unknown) => void;
}

export type BatchResult =
  | { kind: 'no-account' }
  | { kind: 'written'; row: MoneyRow & { id: string; customer_id: string; reasons: string[] } }
  | { kind: 'category'; customerId: string }
  | { kind: 'replay' };

/** Most requests one statement carries (the arrays stay small; a bigger burst takes more batches). */
const MAX_BATCH = 64;
/** Requests of one account kept in one statement even when the waiting requests are shared between slots. */
const ONE_ACCOUNT = 16;

/** The ORM's connection of an EntityManager, as a lender that holds nothing else of it. */
const connectionOf = (em: EntityManager): ConnectionLender => {
  const connection = em.getConnection();
  return { getConnection: () => connection } as ConnectionLender;
};

const keyOf = (r: BatchRequest) => `${r.actor}\u0000${r.key}`;

export class AuthorizationBatcher {
  private queue: Pending[] = [];
  /** (actor, key) of the requests in flight. */
  private readonly deciding = new Set<string>();
  private inFlight = 0;
  private scheduled = false;
  /**
   * Where batches borrow their connection: the ORM's connection, taken from the first request's
   * EntityManager and kept (the same for every fork), so a request needs no fork of its own —
   * batches at 16 clients are small, and a fork per batch was ~4 % of the busy CPU. A service,
   * and so its batcher, belongs to one ORM (graphql/services.ts createServices).
   */
  private lender?: ConnectionLender;

  /**
   * @param slots statements in flight at once, each on its own connection: with two CPUs, enough
   *   to keep PostgreSQL busy while Node prepares the next batch, few enough that batches fill.
   */
  constructor(
    private readonly settings: () => {
      rules: FraudRules;
      holdDays: number;
      reviewThresholdFen: number;
    },
    private readonly slots = 2,
  ) {}

  submit(em: () => EntityManager, request: BatchRequest): Promise<BatchResult> {
    return new Promise<BatchResult>((resolve, reject) => {
      this.queue.push({ em, request, resolve, reject });
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
    // an account's together where splitting would not pay. Measured against starting at the
    // end of the tick (process.nextTick) and, when a statement ends, starting the next at once:
    // neither paid at 16 or 64 clients (smaller batches, more round trips; docs/benchmarks.md,
    // "Round 4 (2026-12-03): authorizations").
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
    const lender = (this.lender ??= connectionOf(batch[0]!.em()));
    withRawClient(lender, (c) => this.run(c, batch))
      .catch(async (err: { code?: string }) => {
        // A deadlock (two batches racing on one idempotency key and one account) aborts one
        // statement as a whole: its requests go again one by one; anything else fails them.
        if (err?.code === '40P01' && batch.length > 1) {
          for (const p of batch)
            await withRawClient(lender, (c) => this.run(c, [p])).catch((e) => p.reject(e));
        } else for (const p of batch) p.reject(err);
      })
      .finally(() => {
        for (const p of batch) this.deciding.delete(keyOf(p.request));
        this.inFlight--;
        this.schedule();
      });
  }

  private async run(c: RawClient, batch: Pending[]): Promise<void> {
    const { rules, holdDays, reviewThresholdFen } = this.settings();
    const col = <T>(fn: (r: BatchRequest) => T) => batch.map((p) => fn(p.request));
    const { velocity: v, newDevice: d, phoneChanged: ph, unusualCategory: u } = rules;
    const { rows } = await c.query<MoneyRow & { seq: number }>({
      name: 'authorize_batch_v3',
      text: BATCH_SQL,
      values: [
        batch.map((_, i) => i),
        col((r) => r.actor),
        col((r) => r.key),
        col((r) => r.hash),
        col((r) => r.accountId),
        col((r) => r.amountFen),
        col((r) => r.category),
        col((r) => r.partnerId),
        col((r) => r.merchant),
        col((r) => r.deviceId),
        col((r) => r.auditActorType),
        col((r) => r.auditActorId),
        holdDays,
        reviewThresholdFen,
        v.enabled,
        v.windowMinutes,
        v.maxCount,
        v.maxAmountFen,
        v.action === 'DECLINE',
        d.enabled,
        d.minAmountFen,
        d.action === 'DECLINE',
        d.missingDeviceIdAboveFen,
        ph.enabled,
        ph.withinDays,
        ph.minAmountFen,
        ph.action === 'DECLINE',
        u.enabled,
        u.minHistoryOrders,
        u.minAmountFen,
        u.action === 'DECLINE',
        col((r) => r.linkScopes),
      ],
    });
    const bySeq = new Map(rows.map((r) => [r.seq, r]));
    for (const [i, p] of batch.entries()) {
      const r = bySeq.get(i);
      if (!r) p.reject(new Error('authorization statement returned no row'));
      else if (r.customer_id == null) p.resolve({ kind: 'no-account' });
      else if (r.id)
        p.resolve({
          kind: 'written',
          row: r as MoneyRow & { id: string; customer_id: string; reasons: string[] },
        });
      else if (r.has_cat) p.resolve({ kind: 'category', customerId: r.customer_id });
      else p.resolve({ kind: 'replay' });
    }
  }
}
