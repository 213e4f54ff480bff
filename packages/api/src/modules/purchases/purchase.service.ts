import { onUnplannedCapture } from '../revolving/revolving.service.js';
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config/config.js';
import {
  fail,
  ok,
  userError,
  type Outcome,
  type UserError,
  type UserErrorCode,
} from '../../graphql/errors.js';
import { actorOf, type Viewer } from '../auth/viewer.js';
import {
  idempotencyActor,
  idempotencyScope,
  validIdempotencyKey,
  withIdempotency,
} from '../idempotency/idempotency.service.js';
import { withRawClient } from '../../db/pg-client.js';
import { authorizations } from '../../shared/metrics.js';
import { writeAudit } from '../audit/audit.service.js';
import { emitPurchaseReviewDecided } from '../webhooks/webhook-events.js';
import { defaultFraudRules, evaluateFraudRules, type FraudRules } from './purchase-rules.js';
import {
  HOLD_EXTENSION_DAYS,
  purchaseNeedsReview,
  REVIEW_THRESHOLD_FEN,
} from '../plans/pricing.js';
import { Purchase } from './purchase.entity.js';
import { AuthorizationBatcher } from './authorize-batch.js';

export interface AuthorizeInput {
  accountId: string;
  amountFen: number;
  category: string;
  merchant: string;
  deviceId?: string | null;
  idempotencyKey: string;
  /**
   * A partner app's request whose link to the account's customer is checked inside the money
   * statement: the scopes the link must grant. An unlinked request writes nothing and answers
   * ACCOUNT_NOT_FOUND, as for a missing account. Omitted: no link check here.
   */
  linkScopes?: readonly string[];
}

/**
 * `requestHash` of an authorization's input without its key (and link scopes), the same bytes
 * without the generic walk: the fields written in sorted key order, an undefined one left out
 * (a test compares the two). Saves the copy, sort and rebuild on every authorization.
 */
export function authorizationHash(i: AuthorizeInput): string {
  const o: Record<string, unknown> = {
    accountId: i.accountId,
    amountFen: i.amountFen,
    category: i.category,
  };
  if (i.deviceId !== undefined) o.deviceId = i.deviceId;
  o.merchant = i.merchant;
  return createHash('sha256').update(JSON.stringify(o)).digest('hex');
}

/** What an authorization decided: stored as the idempotent first result. */
export interface AuthorizationResult {
  purchaseId: string;
  status: 'HELD' | 'DECLINED' | 'PENDING_REVIEW';
  declineCode: string | null;
  reasons: string[];
  /** The purchase row as written, when this call wrote it (saves a read for the response). */
  purchase?: Purchase;
}

export interface PurchaseResult {
  purchaseId: string;
}

/** Active temporary limits usable for a category, as SQL over the alias `a` (credit_accounts). */
const TEMP_LIMIT_SQL = `coalesce((select sum(t.amount_fen) from temporary_limits t
  where t.account_id = a.id and t.status = 'ACTIVE' and t.starts_at <= now() and t.ends_at > now()
    and (t.category is null or t.category = ?)), 0)`;

/**
 * The first result for a repeated key (SQL written with `?` placeholders): the decision stored on the purchase when it was made
 * (its status may have moved on since), or IDEMPOTENCY_KEY_REUSED for a different request.
 */
async function replayAuthorization(
  run: (text: string, values: unknown[]) => Promise<Record<string, unknown>[]>,
  scope: { actor: string; operation: string; key: string },
  hash: string,
): Promise<Outcome<AuthorizationResult, 'IDEMPOTENCY_KEY_REUSED'> & { replayed?: boolean }> {
  const [rec] = (await run(
    `select request_hash, response->'value'->>'purchaseId' as pid from idempotency_records where actor = ? and operation = ? and key = ?`,
    [scope.actor, scope.operation, scope.key],
  )) as {
    request_hash: string;
    pid: string | null;
  }[];
  if (!rec) throw new Error('idempotency record vanished');
  if (rec.request_hash !== hash)
    return fail(
      'IDEMPOTENCY_KEY_REUSED',
      'This idempotencyKey was already used with a different request; use a new key for a new request.',
      'idempotencyKey',
    );
  const [p] = (await run(
    `select id::text as id, decision, decline_code, reasons from purchases where id = ?`,
    [rec.pid],
  )) as {
    id: string;
    decision: AuthorizationResult['status'];
    decline_code: string | null;
    reasons: unknown;
  }[];
  if (!p) throw new Error('purchase of an idempotency record is missing');
  const reasons = (typeof p.reasons === 'string' ? JSON.parse(p.reasons) : p.reasons) as string[];
  return {
    ok: true,
    value: {
      purchaseId: p.id,
      status: p.decision,
      declineCode: p.decision === 'DECLINED' ? p.decline_code : null,
      reasons: reasons ?? [],
    },
    replayed: true,
  };
}

/**
 * Authorizations, captures, releases, reviews and hold expiry. The limit is enforced by ONE
 * conditional UPDATE (`… where base + temporary − used >= amount`) in the same statement (or
 * transaction) that writes the idempotency record, the purchase, its hold, the ledger row and
 * the audit row, so two API processes racing on one account can never take it below zero and
 * never leave a movement without its records.
 */
export class PurchaseService {
  rules: FraudRules = defaultFraudRules;
  private readonly batcher = new AuthorizationBatcher(() => ({
    rules: this.rules,
    holdDays: this.holdExpiryDays,
    reviewThresholdFen: REVIEW_THRESHOLD_FEN,
  }));
  constructor(private readonly config: Config) {}

  get holdExpiryDays(): number {
    return this.config.HOLD_EXPIRY_DAYS;
  }

  /**
   * `emOf`: the request's EntityManager, or a function giving it — taken only when needed (a
   * replay, a category limit, the statement's connection once per batch): forking one per
   * request cost ~1.5 % of an authorization's CPU over HTTP.
   */
  async authorize(
    emOf: EntityManager | (() => EntityManager),
    viewer: Viewer,
    input: AuthorizeInput,
  ): Promise<
    Outcome<
      AuthorizationResult,
      'ACCOUNT_NOT_FOUND' | 'IDEMPOTENCY_KEY_REUSED' | 'INVALID_IDEMPOTENCY_KEY'
    > & { replayed?: boolean }
  > {
    if (!validIdempotencyKey(input.idempotencyKey))
      return fail(
        'INVALID_IDEMPOTENCY_KEY',
        'idempotencyKey must be 1 to 128 printable ASCII characters.',
        'idempotencyKey',
      );
    const scope = {
      actor: idempotencyActor(viewer),
      operation: 'authorizePurchase',
      key: input.idempotencyKey,
    };
    const hash = authorizationHash(input);
    const { actorType, actorId } = actorOf(viewer);
    const partnerId = viewer.kind === 'partner' ? viewer.id : null;

    const em = typeof emOf === 'function' ? emOf : () => emOf;
    const r = await this.batcher.submit(em, {
      actor: scope.actor,
      key: scope.key,
      hash,
      accountId: input.accountId,
      amountFen: input.amountFen,
      category: input.category,
      merchant: input.merchant,
      deviceId: input.deviceId ?? null,
      partnerId,
      auditActorType: actorType,
      auditActorId: actorId,
      linkScopes: partnerId != null && input.linkScopes ? input.linkScopes.join(',') : null,
    });
    switch (r.kind) {
      case 'no-account':
        return fail(
          'ACCOUNT_NOT_FOUND',
          'There is no credit account for this customer.',
          'accountId',
        );
      case 'written': {
        const row = r.row;
        authorizations.inc({ decision: row.status! });
        const purchase = Object.assign(new Purchase(), {
          id: String(row.id),
          accountId: input.accountId,
          customerId: String(row.customer_id),
          partnerAppId: partnerId,
          amountFen: input.amountFen,
          category: input.category,
          merchant: input.merchant,
          status: row.status!,
          decision: row.status!,
          declineCode: row.decline_code,
          reasons: row.reasons,
          deviceId: input.deviceId ?? null,
          createdAt: new Date(row.created_at),
          decidedAt: row.decided_at ? new Date(row.decided_at) : null,
        });
        return ok<AuthorizationResult>({
          purchaseId: String(row.id),
          status: row.status!,
          declineCode: row.decline_code,
          reasons: row.reasons,
          purchase,
        });
      }
      case 'category': {
        const out = await this.authorizeWithCategory(em(), viewer, input, scope, hash, {
          customerId: r.customerId,
        });
        if (out.ok && !out.replayed) authorizations.inc({ decision: out.value.status });
        return out;
      }
      case 'replay':
        return withRawClient(em(), (c) => {
          const run = (text: string, values: unknown[]) => {
            let n = 0;
            return c
              .query({ text: text.replace(/\?/g, () => `$${++n}`), values })
              .then((x) => x.rows);
          };
          return replayAuthorization(run, scope, hash);
        });
    }
  }

  /**
   * The whole decision for the category path, on facts read under its lock — the same order as
   * the batch's SQL: a DECLINE-action hit declines (first code in rule order); a purchase that
   * fits goes to review on any hit or at the review threshold; otherwise the limit decides.
   */
  private decideLocked(
    amountFen: number,
    deviceId: string | null,
    f: {
      status: string;
      available: string;
      recent_count: string;
      recent_amount: string;
      device_known: boolean;
      phone_changed_at: Date | string | null;
      history_orders: string;
      category_orders: string;
    },
  ): {
    forced: { status: 'DECLINED' | 'PENDING_REVIEW'; code: string | null } | null;
    reasons: string[];
  } {
    const hits = evaluateFraudRules(this.rules, {
      amountFen,
      recentCount: Number(f.recent_count),
      recentAmountFen: Number(f.recent_amount),
      deviceId,
      deviceKnown: Boolean(f.device_known),
      phoneChangedAt: f.phone_changed_at ? new Date(f.phone_changed_at) : null,
      historyOrders: Number(f.history_orders),
      categoryOrders: Number(f.category_orders),
      now: new Date(),
    });
    const reasons: string[] = hits.map((h) => h.code);
    const decline = hits.find((h) => h.action === 'DECLINE');
    if (decline) return { forced: { status: 'DECLINED', code: decline.code }, reasons };
    // A frozen or over-limit account is declined outright (in the statement), not sent to review.
    const canFit = f.status === 'ACTIVE' && Number(f.available) >= amountFen;
    if (canFit && (hits.length > 0 || purchaseNeedsReview(amountFen))) {
      if (purchaseNeedsReview(amountFen)) reasons.push('AMOUNT_ABOVE_REVIEW_THRESHOLD');
      return { forced: { status: 'PENDING_REVIEW', code: null }, reasons };
    }
    return { forced: null, reasons };
  }

  /**
   * The path for a category with its own limit (专项额度): account row locked first, then the
   * category pool is charged and the account held in one statement; if the account refuses,
   * the pool is given back in the same transaction.
   */
  private async authorizeWithCategory(
    em: EntityManager,
    viewer: Viewer,
    input: AuthorizeInput,
    scope: { actor: string; operation: string; key: string },
    hash: string,
    decided: { customerId: string },
  ): Promise<Outcome<AuthorizationResult, 'IDEMPOTENCY_KEY_REUSED'> & { replayed?: boolean }> {
    const { actorType, actorId } = actorOf(viewer);
    const partnerId = viewer.kind === 'partner' ? viewer.id : null;
    const v = this.rules.velocity;
    return em.transactional(async (tem) => {
      await tem.execute(`select 1 from credit_accounts where id = ? for update`, [input.accountId]);
      // The rule facts after the lock (a new statement: a new snapshot), as in the batch's SQL.
      const [locked] = await tem.execute<Parameters<PurchaseService['decideLocked']>[2][]>(
        `select a.status, (a.base_limit_fen + ${TEMP_LIMIT_SQL} - a.used_fen)::text as available,
                (select count(*) from (select 1 from purchases p where p.account_id = a.id
                   and p.created_at > now() - make_interval(mins => ?) limit ?) x)::text as recent_count,
                (select coalesce(sum(p.amount_fen), 0) from purchases p where p.account_id = a.id
                   and p.created_at > now() - make_interval(mins => ?)
                   and p.status in ('HELD', 'CAPTURED', 'PENDING_REVIEW'))::text as recent_amount,
                (c.device_id = ?::text or exists (select 1 from purchases p where p.account_id = a.id
                   and p.device_id = ?::text and p.status = 'CAPTURED')) is true as device_known,
                c.phone_changed_at,
                (select count(*) from orders o where o.customer_id = a.customer_id)::text as history_orders,
                (select count(*) from orders o where o.customer_id = a.customer_id and o.category = ?)::text as category_orders
           from credit_accounts a join customers c on c.id = a.customer_id where a.id = ?`,
        [
          input.category,
          v.windowMinutes,
          v.maxCount + 1,
          v.windowMinutes,
          input.deviceId ?? null,
          input.deviceId ?? null,
          input.category,
          input.accountId,
        ],
      );
      if (!locked) throw new Error('account vanished under its lock');
      const { forced, reasons } = this.decideLocked(
        input.amountFen,
        input.deviceId ?? null,
        locked,
      );
      const inserted = await tem.execute<{ pid: string }[]>(
        `with ids as (select nextval(pg_get_serial_sequence('purchases', 'id')) as pid)
         insert into idempotency_records (actor, operation, key, request_hash, expires_at, response)
         select ?, ?, ?, ?, now() + interval '48 hours', jsonb_build_object('ok', true, 'value', jsonb_build_object('purchaseId', ids.pid::text)) from ids
         on conflict do nothing returning response->'value'->>'purchaseId' as pid`,
        [scope.actor, scope.operation, scope.key, hash],
      );
      if (inserted.length === 0)
        return replayAuthorization((text, values) => tem.execute(text, values), scope, hash);
      const pid = inserted[0]!.pid;
      const [r] = await tem.execute<
        {
          id: string;
          status: AuthorizationResult['status'];
          decline_code: string | null;
          cat_charged: boolean;
        }[]
      >(
        `with before as (
           select a.status, a.base_limit_fen + ${TEMP_LIMIT_SQL} - a.used_fen as available from credit_accounts a where a.id = ?
         ),
         cat as (
           update category_limits c set used_fen = c.used_fen + ?
            where c.account_id = ? and c.category = ? and c.limit_fen - c.used_fen >= ? and ?::text is null
           returning c.id
         ),
         acct as (
           update credit_accounts a set held_fen = a.held_fen + ?
            where a.id = ? and ?::text is null and a.status = 'ACTIVE' and exists (select 1 from cat)
              and a.base_limit_fen + ${TEMP_LIMIT_SQL} - a.used_fen >= ?
           returning a.id
         ),
         d as (
           select case when exists (select 1 from acct) then 'HELD' when ?::text is not null then ?::text else 'DECLINED' end as status,
                  case when exists (select 1 from acct) then null
                       when ?::text is not null then ?::text
                       when b.status = 'FROZEN' then 'ACCOUNT_FROZEN'
                       when b.status <> 'ACTIVE' then 'ACCOUNT_CLOSED'
                       when b.available >= ? and not exists (select 1 from cat) then 'CATEGORY_LIMIT_EXHAUSTED'
                       else 'OVER_LIMIT' end as code
             from before b
         ),
         p as (
           insert into purchases (id, account_id, customer_id, partner_app_id, amount_fen, category, merchant, status, decision, decline_code, reasons, device_id, decided_at)
           select ?, ?, ?, ?, ?, ?, ?, d.status, d.status, d.code, ?::jsonb, ?, case when d.status = 'PENDING_REVIEW' then null else now() end from d
           returning id, status, decline_code
         ),
         h as (
           insert into holds (purchase_id, account_id, customer_id, amount_fen, category, status, expires_at)
           select p.id, ?, ?, ?, ?, 'LIVE', now() + make_interval(days => ?) from p where p.status = 'HELD'
         ),
         l as (
           insert into ledger_entries (account_id, customer_id, kind, held_delta_fen, amount_fen, ref_type, ref_id)
           select ?, ?, 'HOLD', ?, ?, 'purchase', p.id from p where p.status = 'HELD'
         ),
         au as (
           insert into audit_log (actor_type, actor_id, action, customer_id, target_type, target_id, details)
           select ?, ?, 'authorizePurchase', ?, 'Purchase', p.id::text,
                  jsonb_build_object('status', p.status, 'amountFen', ?::bigint, 'declineCode', p.decline_code, 'idempotencyKey', ?::text) from p
         )
         select p.id::text as id, p.status, p.decline_code, exists (select 1 from cat) as cat_charged from p`,
        [
          input.category,
          input.accountId,
          input.amountFen,
          input.accountId,
          input.category,
          input.amountFen,
          forced?.status ?? null,
          input.amountFen,
          input.accountId,
          forced?.status ?? null,
          input.category,
          input.amountFen,
          forced?.status ?? null,
          forced?.status ?? null,
          forced?.status ?? null,
          forced?.code ?? null,
          input.amountFen,
          pid,
          input.accountId,
          decided.customerId,
          partnerId,
          input.amountFen,
          input.category,
          input.merchant,
          JSON.stringify(reasons),
          input.deviceId ?? null,
          input.accountId,
          decided.customerId,
          input.amountFen,
          input.category,
          this.holdExpiryDays,
          input.accountId,
          decided.customerId,
          input.amountFen,
          input.amountFen,
          actorType,
          actorId,
          decided.customerId,
          input.amountFen,
          input.idempotencyKey,
        ],
      );
      if (!r) throw new Error('authorization statement returned no row');
      if (r.cat_charged && r.status !== 'HELD') {
        await tem.execute(
          `update category_limits set used_fen = used_fen - ? where account_id = ? and category = ?`,
          [input.amountFen, input.accountId, input.category],
        );
      }
      return ok<AuthorizationResult>({
        purchaseId: String(r.id),
        status: r.status,
        declineCode: r.decline_code,
        reasons,
      });
    });
  }

  /**
   * Capture a held purchase, whole or in parts (split shipments): each capture moves its amount
   * from held to outstanding principal (used does not change) and is a `captures` row; with a
   * term, that capture's installment plan is created in the same transaction by `planWith`.
   * The last capture (`final`, or one that takes all that is left) releases the rest of the hold.
   */
  async capture<PC extends UserErrorCode = never>(
    em: EntityManager,
    viewer: Viewer,
    input: {
      purchaseId: string;
      idempotencyKey: string;
      term?: string | null;
      couponCode?: string | null;
      amountFen?: number | null;
      final?: boolean | null;
    },
    planWith?: (
      tem: EntityManager,
      purchaseId: string,
      captureId: string,
    ) => Promise<Outcome<unknown, PC>>,
  ): Promise<
    Outcome<
      PurchaseResult & { captureId: string },
      | 'CAPTURE_EXCEEDS_HOLD'
      | 'HOLD_EXPIRED'
      | 'IDEMPOTENCY_KEY_REUSED'
      | 'INVALID_IDEMPOTENCY_KEY'
      | 'PURCHASE_NOT_FOUND'
      | 'PURCHASE_NOT_HELD'
      | PC
    >
  > {
    return withIdempotency(em, idempotencyScope(viewer, 'capturePurchase', input), async (tem) => {
      const closed = await this.closeHold(tem, viewer, input.purchaseId, {
        to: 'CAPTURED',
        amountFen: input.amountFen ?? null,
        final: input.final ?? null,
      });
      if (!closed.ok) return closed;
      const captureId = closed.value.captureId!;
      if (planWith) {
        const planned = await planWith(tem, input.purchaseId, captureId);
        if (!planned.ok) throw new PlanRefused(planned.errors);
      } else await onUnplannedCapture(tem, captureId); // revolving accounts: on the statement
      return ok({ purchaseId: input.purchaseId, captureId });
    }).catch((e: unknown) => {
      // Only this capture's planWith throws it here: its errors carry the plan's codes (PC).
      if (e instanceof PlanRefused)
        return { ok: false as const, errors: e.errors as UserError<PC>[] };
      throw e;
    });
  }

  /** Release a held purchase; after partial captures, release what is left of the hold. */
  async release(
    em: EntityManager,
    viewer: Viewer,
    input: { purchaseId: string; idempotencyKey: string },
  ): Promise<
    Outcome<
      PurchaseResult,
      | 'CAPTURE_EXCEEDS_HOLD'
      | 'HOLD_EXPIRED'
      | 'IDEMPOTENCY_KEY_REUSED'
      | 'INVALID_IDEMPOTENCY_KEY'
      | 'PURCHASE_NOT_FOUND'
      | 'PURCHASE_NOT_HELD'
    >
  > {
    return withIdempotency(
      em,
      idempotencyScope(viewer, 'releasePurchase', input, { purchaseId: input.purchaseId }),
      async (tem) => {
        const closed = await this.closeHold(tem, viewer, input.purchaseId, { to: 'RELEASED' });
        return closed.ok ? ok({ purchaseId: input.purchaseId }) : closed;
      },
    );
  }

  /**
   * Extend a live hold once, by the policy's `holdExtensionDays` (a shipment that takes longer
   * than the hold). A second extension is HOLD_ALREADY_EXTENDED; an expired hold HOLD_EXPIRED.
   */
  async extendHold(
    em: EntityManager,
    viewer: Viewer,
    input: { purchaseId: string; idempotencyKey: string },
  ): Promise<
    Outcome<
      PurchaseResult & { expiresAt: string },
      | 'HOLD_ALREADY_EXTENDED'
      | 'HOLD_EXPIRED'
      | 'IDEMPOTENCY_KEY_REUSED'
      | 'INVALID_IDEMPOTENCY_KEY'
      | 'PURCHASE_NOT_FOUND'
      | 'PURCHASE_NOT_HELD'
    >
  > {
    return withIdempotency(
      em,
      idempotencyScope(viewer, 'extendHold', input, { purchaseId: input.purchaseId }),
      async (tem) => {
        const p = await this.visiblePurchase(tem, viewer, input.purchaseId);
        if (!p) return fail('PURCHASE_NOT_FOUND', 'There is no such purchase.', 'purchaseId');
        await tem.execute(`select 1 from credit_accounts where id = ? for update`, [p.account_id]);
        const [h] = await tem.execute<{ id: string; expired: boolean; extended_at: Date | null }[]>(
          `select id, expires_at <= now() as expired, extended_at from holds where purchase_id = ? and status = 'LIVE' for update`,
          [p.id],
        );
        if (!h || h.expired)
          return fail(
            h ? 'HOLD_EXPIRED' : 'PURCHASE_NOT_HELD',
            h
              ? 'The hold on this purchase has expired; authorize again.'
              : `The purchase is ${p.status}, not HELD.`,
            'purchaseId',
          );
        if (h.extended_at)
          return fail(
            'HOLD_ALREADY_EXTENDED',
            'A hold can be extended once; capture what has shipped, or authorize again.',
            'purchaseId',
          );
        const [u] = await tem.execute<{ expires_at: Date }[]>(
          `update holds set expires_at = expires_at + make_interval(days => ?), extended_at = now() where id = ? returning expires_at`,
          [HOLD_EXTENSION_DAYS, h.id],
        );
        await writeAudit(tem, viewer, {
          action: 'extendHold',
          customerId: p.customer_id,
          targetType: 'Purchase',
          targetId: p.id,
          details: { days: HOLD_EXTENSION_DAYS },
        });
        return ok({ purchaseId: p.id, expiresAt: new Date(u!.expires_at).toISOString() });
      },
    );
  }

  private async visiblePurchase(tem: EntityManager, viewer: Viewer, purchaseId: string) {
    const [p] = await tem.execute<
      {
        id: string;
        account_id: string;
        customer_id: string;
        status: string;
        partner_app_id: string | null;
      }[]
    >(`select id, account_id, customer_id, status, partner_app_id from purchases where id = ?`, [
      purchaseId,
    ]);
    if (
      !p ||
      (viewer.kind === 'partner' &&
        p.partner_app_id != null &&
        String(p.partner_app_id) !== viewer.id)
    )
      return undefined;
    return p;
  }

  /**
   * Capture from (or release) a LIVE hold. A capture takes `amountFen` (default: all that is
   * left); the hold stays LIVE for later captures unless the capture is final or takes the rest.
   * A release gives back what is left. A hold past its expiry is expired here (the job would do
   * the same) and the caller gets HOLD_EXPIRED.
   */
  private async closeHold(
    tem: EntityManager,
    viewer: Viewer,
    purchaseId: string,
    op: { to: 'CAPTURED'; amountFen: number | null; final: boolean | null } | { to: 'RELEASED' },
  ): Promise<
    Outcome<
      { captureId?: string },
      'CAPTURE_EXCEEDS_HOLD' | 'HOLD_EXPIRED' | 'PURCHASE_NOT_FOUND' | 'PURCHASE_NOT_HELD'
    >
  > {
    const p = await this.visiblePurchase(tem, viewer, purchaseId);
    if (!p) return fail('PURCHASE_NOT_FOUND', 'There is no such purchase.', 'purchaseId');
    // Account row first (lock order), then the hold.
    await tem.execute(`select 1 from credit_accounts where id = ? for update`, [p.account_id]);
    const [h] = await tem.execute<
      {
        id: string;
        amount_fen: string;
        captured_fen: string;
        category: string | null;
        expired: boolean;
      }[]
    >(
      `select id, amount_fen, captured_fen, category, expires_at <= now() as expired from holds where purchase_id = ? and status = 'LIVE' for update`,
      [purchaseId],
    );
    if (!h) {
      const [now] = await tem.execute<{ status: string }[]>(
        `select status from purchases where id = ?`,
        [purchaseId],
      );
      const code = now!.status === 'EXPIRED' ? 'HOLD_EXPIRED' : 'PURCHASE_NOT_HELD';
      return fail(
        code,
        code === 'HOLD_EXPIRED'
          ? 'The hold on this purchase expired and its amount went back to the limit.'
          : `The purchase is ${now!.status}, not HELD.`,
        'purchaseId',
      );
    }
    const left = Number(h.amount_fen) - Number(h.captured_fen);
    const hold = { id: h.id, category: h.category, capturedFen: Number(h.captured_fen) };
    if (h.expired) {
      await this.closeOne(tem, p, hold, left, 'EXPIRED');
      await writeAudit(
        tem,
        { kind: 'anonymous' },
        { action: 'expireHold', customerId: p.customer_id, targetType: 'Purchase', targetId: p.id },
      );
      // Commit the expiry itself; the caller still learns it failed.
      return {
        ok: false,
        errors: [
          userError(
            'HOLD_EXPIRED',
            'The hold on this purchase expired and its amount went back to the limit.',
            'purchaseId',
          ),
        ],
      };
    }
    if (op.to === 'RELEASED') {
      await this.closeOne(tem, p, hold, left, 'RELEASED');
      await writeAudit(tem, viewer, {
        action: 'releasePurchase',
        customerId: p.customer_id,
        targetType: 'Purchase',
        targetId: p.id,
        details: { amountFen: left },
      });
      return ok({});
    }
    const amount = op.amountFen ?? left;
    if (amount > left)
      return fail(
        'CAPTURE_EXCEEDS_HOLD',
        `Only ${(left / 100).toFixed(2)} is left of this authorization; capture at most that.`,
        'amount',
      );
    const final = (op.final ?? false) || amount === left;
    // The capture: held → principal, on the hold, the purchase, a capture row and the ledger.
    await tem.execute(
      `update credit_accounts set held_fen = held_fen - ?, outstanding_principal_fen = outstanding_principal_fen + ? where id = ?`,
      [amount, amount, p.account_id],
    );
    await tem.execute(`update holds set captured_fen = captured_fen + ? where id = ?`, [
      amount,
      h.id,
    ]);
    await tem.execute(`update purchases set captured_fen = captured_fen + ? where id = ?`, [
      amount,
      p.id,
    ]);
    const [c] = await tem.execute<{ id: string }[]>(
      `insert into captures (purchase_id, account_id, customer_id, amount_fen, final) values (?, ?, ?, ?, ?) returning id`,
      [p.id, p.account_id, p.customer_id, amount, final],
    );
    await tem.execute(
      `insert into ledger_entries (account_id, customer_id, kind, held_delta_fen, principal_delta_fen, amount_fen, ref_type, ref_id) values (?, ?, 'CAPTURE', ?, ?, ?, 'purchase', ?)`,
      [p.account_id, p.customer_id, -amount, amount, amount, p.id],
    );
    if (final)
      await this.closeOne(
        tem,
        p,
        { ...hold, capturedFen: hold.capturedFen + amount },
        left - amount,
        'RELEASED',
      );
    await writeAudit(tem, viewer, {
      action: 'capturePurchase',
      customerId: p.customer_id,
      targetType: 'Purchase',
      targetId: p.id,
      details: { amountFen: amount, final, captureId: String(c!.id) },
    });
    return ok({ captureId: String(c!.id) });
  }

  /**
   * Close a hold, giving back `rest` (what was not captured) to the limit and the category pool.
   * A hold that had captures ends CAPTURED (its purchase too); one without ends RELEASED/EXPIRED.
   */
  private async closeOne(
    tem: EntityManager,
    p: { id: string; account_id: string; customer_id: string },
    h: { id: string; category: string | null; capturedFen: number },
    rest: number,
    to: 'RELEASED' | 'EXPIRED',
  ): Promise<void> {
    const status = h.capturedFen > 0 ? 'CAPTURED' : to;
    await tem.execute(`update holds set status = ?, closed_at = now() where id = ?`, [
      status,
      h.id,
    ]);
    await tem.execute(
      `update purchases set status = ?, decided_at = coalesce(decided_at, now()) where id = ?`,
      [status, p.id],
    );
    if (rest <= 0) return;
    await tem.execute(`update credit_accounts set held_fen = held_fen - ? where id = ?`, [
      rest,
      p.account_id,
    ]);
    if (h.category)
      await tem.execute(
        `update category_limits set used_fen = used_fen - ? where account_id = ? and category = ?`,
        [rest, p.account_id, h.category],
      );
    await tem.execute(
      `insert into ledger_entries (account_id, customer_id, kind, held_delta_fen, amount_fen, ref_type, ref_id) values (?, ?, ?, ?, ?, 'purchase', ?)`,
      [
        p.account_id,
        p.customer_id,
        to === 'RELEASED' ? 'HOLD_RELEASE' : 'HOLD_EXPIRE',
        -rest,
        rest,
        p.id,
      ],
    );
  }

  /**
   * A supervisor approves a purchase waiting for review: the hold is placed now, with the same
   * conditional UPDATE (the limit may have been used meanwhile: then OVER_LIMIT).
   */
  async approve(
    em: EntityManager,
    viewer: Viewer,
    purchaseId: string,
    note: string,
  ): Promise<Outcome<AuthorizationResult, 'PURCHASE_NOT_FOUND' | 'PURCHASE_NOT_PENDING'>> {
    return em.transactional(async (tem) => {
      const [pre] = await tem.execute<{ account_id: string }[]>(
        `select account_id from purchases where id = ?`,
        [purchaseId],
      );
      if (!pre) return fail('PURCHASE_NOT_FOUND', 'There is no such purchase.', 'purchaseId');
      // Lock order: account, then purchase.
      await tem.execute(`select 1 from credit_accounts where id = ? for update`, [pre.account_id]);
      const [p] = await tem.execute<
        {
          id: string;
          account_id: string;
          customer_id: string;
          amount_fen: string;
          category: string;
          status: string;
        }[]
      >(
        `select id, account_id, customer_id, amount_fen, category, status from purchases where id = ? for update`,
        [purchaseId],
      );
      if (!p) return fail('PURCHASE_NOT_FOUND', 'There is no such purchase.', 'purchaseId');
      if (p.status !== 'PENDING_REVIEW')
        return fail(
          'PURCHASE_NOT_PENDING',
          `The purchase is ${p.status}, not waiting for review.`,
          'purchaseId',
        );
      const amount = Number(p.amount_fen);
      const [cl] = await tem.execute<{ ok: boolean }[]>(
        `update category_limits set used_fen = used_fen + ? where account_id = ? and category = ? and limit_fen - used_fen >= ? returning true as ok`,
        [amount, p.account_id, p.category, amount],
      );
      const [hasCat] = await tem.execute<{ n: string }[]>(
        `select count(*)::text as n from category_limits where account_id = ? and category = ?`,
        [p.account_id, p.category],
      );
      const catOk = Number(hasCat!.n) === 0 || Boolean(cl);
      const held = catOk
        ? await tem.execute<{ status: string }[]>(
            `update credit_accounts a set held_fen = held_fen + ? where a.id = ? and a.status = 'ACTIVE' and a.base_limit_fen + ${TEMP_LIMIT_SQL} - a.used_fen >= ? returning status`,
            [amount, p.account_id, p.category, amount],
          )
        : [];
      let status: AuthorizationResult['status'] = 'HELD';
      let code: string | null = null;
      if (held.length === 0) {
        if (cl)
          await tem.execute(
            `update category_limits set used_fen = used_fen - ? where account_id = ? and category = ?`,
            [amount, p.account_id, p.category],
          );
        const [a] = await tem.execute<{ status: string }[]>(
          `select status from credit_accounts where id = ?`,
          [p.account_id],
        );
        status = 'DECLINED';
        code =
          a!.status === 'FROZEN'
            ? 'ACCOUNT_FROZEN'
            : !catOk
              ? 'CATEGORY_LIMIT_EXHAUSTED'
              : 'OVER_LIMIT';
        await tem.execute(
          `update purchases set status = 'DECLINED', decline_code = ?, decided_at = now() where id = ?`,
          [code, p.id],
        );
      } else {
        await tem.execute(`update purchases set status = 'HELD', decided_at = now() where id = ?`, [
          p.id,
        ]);
        await tem.execute(
          `insert into holds (purchase_id, account_id, customer_id, amount_fen, category, status, expires_at) values (?, ?, ?, ?, ?, 'LIVE', now() + make_interval(days => ?))`,
          [p.id, p.account_id, p.customer_id, amount, cl ? p.category : null, this.holdExpiryDays],
        );
        await tem.execute(
          `insert into ledger_entries (account_id, customer_id, kind, held_delta_fen, amount_fen, ref_type, ref_id) values (?, ?, 'HOLD', ?, ?, 'purchase', ?)`,
          [p.account_id, p.customer_id, amount, amount, p.id],
        );
      }
      await emitPurchaseReviewDecided(tem, p.id, 'APPROVED');
      await writeAudit(tem, viewer, {
        action: 'approvePurchase',
        customerId: p.customer_id,
        targetType: 'Purchase',
        targetId: p.id,
        details: { note, status, declineCode: code },
      });
      return ok({ purchaseId: p.id, status, declineCode: code, reasons: [] });
    });
  }

  async reject(
    em: EntityManager,
    viewer: Viewer,
    purchaseId: string,
    note: string,
  ): Promise<Outcome<PurchaseResult, 'PURCHASE_NOT_FOUND' | 'PURCHASE_NOT_PENDING'>> {
    return em.transactional(async (tem) => {
      const rows = await tem.execute<{ id: string; customer_id: string }[]>(
        `update purchases set status = 'REJECTED', decline_code = 'REJECTED_IN_REVIEW', decided_at = now() where id = ? and status = 'PENDING_REVIEW' returning id, customer_id`,
        [purchaseId],
      );
      if (!rows[0]) {
        const [p] = await tem.execute<{ status: string }[]>(
          `select status from purchases where id = ?`,
          [purchaseId],
        );
        return p
          ? fail(
              'PURCHASE_NOT_PENDING',
              `The purchase is ${p.status}, not waiting for review.`,
              'purchaseId',
            )
          : fail('PURCHASE_NOT_FOUND', 'There is no such purchase.', 'purchaseId');
      }
      await emitPurchaseReviewDecided(tem, purchaseId, 'REJECTED');
      await writeAudit(tem, viewer, {
        action: 'rejectPurchase',
        customerId: rows[0].customer_id,
        targetType: 'Purchase',
        targetId: purchaseId,
        details: { note },
      });
      return ok({ purchaseId });
    });
  }

  /**
   * Expire LIVE holds past their expiry, in batches, each batch one statement: the holds, the
   * accounts' held_fen, category pools, purchases and ledger rows change together. Returns how many.
   */
  async expireHolds(em: EntityManager, asOf = new Date(), batch = 500): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await em.transactional(async (tem) => {
        // Lock order everywhere is account, then hold: lock a batch of accounts (skipping busy
        // ones for the next pass), then expire their due holds.
        const candidates = await tem.execute<{ account_id: string }[]>(
          `select distinct account_id from holds where status = 'LIVE' and expires_at <= ? order by account_id limit ?`,
          [asOf, batch],
        );
        if (candidates.length === 0) return -1;
        const locked = await tem.execute<{ id: string }[]>(
          `select id from credit_accounts where id in (${candidates.map(() => '?').join(',')}) order by id for update skip locked`,
          candidates.map((c) => String(c.account_id)),
        );
        if (locked.length === 0) return 0;
        const ids = locked.map((d) => String(d.id));
        const [r] = await tem.execute<{ n: string }[]>(
          `with e as (
             update holds h set status = case when h.captured_fen > 0 then 'CAPTURED' else 'EXPIRED' end, closed_at = now()
              where h.account_id in (${ids.map(() => '?').join(',')}) and h.status = 'LIVE' and h.expires_at <= ?
             returning h.id, h.purchase_id, h.account_id, h.customer_id, h.amount_fen - h.captured_fen as amount_fen, h.category, h.status
           ),
           a as (
             update credit_accounts a set held_fen = a.held_fen - s.amt
               from (select account_id, sum(amount_fen) as amt from e group by account_id) s where a.id = s.account_id
           ),
           c as (
             update category_limits c set used_fen = c.used_fen - s.amt
               from (select account_id, category, sum(amount_fen) as amt from e where category is not null group by account_id, category) s
              where c.account_id = s.account_id and c.category = s.category
           ),
           p as (update purchases p set status = e.status, decided_at = now() from e where p.id = e.purchase_id returning p.id, p.partner_app_id),
           -- HOLD_EXPIRED to the partner that made the purchase, when an uncaptured amount lapsed
           -- (a partly captured hold closes as CAPTURED and its remainder is released: still news).
           ev as (
             insert into webhook_events (event_type, customer_id, partner_app_id, payload)
             select 'HOLD_EXPIRED', e.customer_id, p.partner_app_id,
                    jsonb_build_object('purchaseId', e.purchase_id::text, 'accountId', e.account_id::text, 'amountFen', e.amount_fen, 'purchaseStatus', e.status)
               from e join p on p.id = e.purchase_id where p.partner_app_id is not null and e.amount_fen > 0
           ),
           l as (
             insert into ledger_entries (account_id, customer_id, kind, held_delta_fen, amount_fen, ref_type, ref_id)
             select e.account_id, e.customer_id, 'HOLD_EXPIRE', -e.amount_fen, e.amount_fen, 'purchase', e.purchase_id from e where e.amount_fen > 0
           ),
           au as (
             insert into audit_log (actor_type, action, customer_id, target_type, target_id, details)
             select 'SYSTEM', 'expireHold', e.customer_id, 'Purchase', e.purchase_id::text, jsonb_build_object('amountFen', e.amount_fen) from e
           )
           select count(*)::text as n from e`,
          [...ids, asOf],
        );
        return Number(r!.n);
      });
      if (n < 0) return total;
      total += n;
      if (n === 0) await new Promise((r) => setTimeout(r, 50));
    }
  }
}

class PlanRefused<C extends UserErrorCode> extends Error {
  constructor(readonly errors: import('../../graphql/errors.js').UserError<C>[]) {
    super('plan refused');
  }
}
