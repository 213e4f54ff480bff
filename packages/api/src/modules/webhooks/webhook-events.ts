import type { EntityManager } from '@mikro-orm/postgresql';

export const WEBHOOK_EVENT_TYPES = [
  'LIMIT_CHANGED',
  'PURCHASE_REVIEW_DECIDED',
  'HOLD_EXPIRED',
  'PLAN_OVERDUE',
  'LINK_REVOKED',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/**
 * Record a partner event in the caller's transaction (transactional outbox): if the transaction
 * rolls back, no partner hears of it; if it commits, the deliver-webhooks job sends it. A
 * trigger fans the event out to every subscribed endpoint of the partner apps entitled to it:
 * apps whose active link with the customer grants the scope that reading the same fact through
 * the API needs (limits:read for LIMIT_CHANGED and PLAN_OVERDUE, purchases:write for the
 * purchase events, which go only to `partnerAppId`, the app that made the purchase); a revoked
 * link's LINK_REVOKED goes to its app whatever the link (migration 20261203200000, SQL function
 * creditline_partners_for_customer). Keys ending in `Fen` become money,
 * and `…Id` keys global ids, when the event is sent (webhook-delivery.ts).
 */
export async function emitPartnerEvent(
  em: EntityManager,
  e: {
    type: WebhookEventType;
    customerId?: string | null;
    partnerAppId?: string | null;
    data: Record<string, unknown>;
  },
): Promise<void> {
  await em.execute(
    `insert into webhook_events (event_type, customer_id, partner_app_id, payload) values (?, ?, ?, ?::jsonb)`,
    [e.type, e.customerId ?? null, e.partnerAppId ?? null, JSON.stringify(e.data)],
  );
}

/**
 * The same for set-based statements: a WITH-clause member to append to a statement whose rows
 * (`from`) carry `customer_id` and the JSON `data`. Nothing is written when no active endpoint
 * listens for the type (the periodic review changes many limits; most partners listen to none).
 */
export const partnerEventsSql = (type: WebhookEventType, from: string, data: string) =>
  `insert into webhook_events (event_type, customer_id, payload)
   select '${type}', customer_id, ${data} from ${from}
    where exists (select 1 from webhook_endpoints we where we.active and '${type}' = any (we.event_types))`;

/** PURCHASE_REVIEW_DECIDED, to the partner app that made the purchase (in the decision's transaction). */
export async function emitPurchaseReviewDecided(
  em: EntityManager,
  purchaseId: string,
  decision: 'APPROVED' | 'REJECTED',
): Promise<void> {
  await em.execute(
    `insert into webhook_events (event_type, customer_id, partner_app_id, payload)
     select 'PURCHASE_REVIEW_DECIDED', customer_id, partner_app_id,
            jsonb_build_object('purchaseId', id::text, 'accountId', account_id::text, 'decision', ?::text,
                               'status', status, 'declineCode', decline_code, 'amountFen', amount_fen)
       from purchases where id = ? and partner_app_id is not null`,
    [decision, purchaseId],
  );
}
