import type { JobBodyContext } from '../jobs/job-definitions.js';
import { decryptPii } from '../customers/pii.js';
import { toGlobalId } from '../../graphql/relay.js';
import { money } from '../../graphql/money.js';
import { backoffSeconds } from '../delivery/outbox-delivery.js';
import { signWebhook } from './webhook-signing.js';

const ID_TYPES: Record<string, string> = {
  customerId: 'Customer',
  accountId: 'CreditAccount',
  purchaseId: 'Purchase',
  decisionId: 'LimitDecision',
  planId: 'InstallmentPlan',
  linkId: 'PartnerLink',
};

/** The event's data as partners read the API: money objects and global ids. */
export function publicData(payload: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(payload)) {
    if (
      k.endsWith('Fen') &&
      (typeof v === 'number' || typeof v === 'string') &&
      /^-?\d+$/.test(String(v))
    )
      out[k.slice(0, -3)] = money(BigInt(String(v)));
    else if (ID_TYPES[k] && v !== null && v !== undefined)
      out[k] = toGlobalId(ID_TYPES[k], String(v));
    else out[k] = v;
  }
  return out;
}

export function eventBody(e: {
  id: string;
  event_type: string;
  created_at: Date;
  customer_id: string | null;
  payload: Record<string, unknown>;
}): string {
  return JSON.stringify({
    id: `evt_${e.id}`,
    type: e.event_type,
    createdAt: new Date(e.created_at).toISOString(),
    data: publicData({ ...(e.customer_id ? { customerId: e.customer_id } : {}), ...e.payload }),
  });
}

interface Claimed {
  id: string;
  attempts: number;
  url: string;
  secret_enc: Buffer;
  event_id: string;
  event_type: string;
  created_at: Date;
  customer_id: string | null;
  payload: Record<string, unknown>;
}

/**
 * POST due webhook deliveries, signed. Claimed like the notice outbox (next_attempt_at pushed
 * ahead under `for update skip locked`), so workers on several machines share them. A 2xx
 * answer delivers; anything else (or a timeout) is an attempt, kept in webhook_attempts, and
 * retried with exponential back-off until DELIVERY_MAX_ATTEMPTS, then DEAD (a partner or staff
 * member can retry it). The event id is in the body and the `Creditline-Event-Id` header, and
 * stays the same across retries: receivers de-duplicate on it.
 */
export async function deliverWebhooks(
  ctx: JobBodyContext,
): Promise<{ delivered: number; retrying: number; dead: number }> {
  const { orm, config, logger } = ctx;
  const em = orm.em.fork();
  const res = { delivered: 0, retrying: 0, dead: 0 };
  for (let round = 0; round < 20; round++) {
    const claimed = await em.execute<Claimed[]>(
      `with c as (
         select id from webhook_deliveries where status = 'PENDING' and next_attempt_at <= now()
          order by next_attempt_at, id limit 20 for update skip locked
       ), u as (
         update webhook_deliveries d set next_attempt_at = now() + make_interval(secs => ?) from c where d.id = c.id
         returning d.id, d.attempts, d.endpoint_id, d.event_id
       )
       select u.id, u.attempts, e.url, e.secret_enc, ev.id as event_id, ev.event_type, ev.created_at, ev.customer_id, ev.payload
         from u join webhook_endpoints e on e.id = u.endpoint_id join webhook_events ev on ev.id = u.event_id
        order by u.id`,
      [Math.ceil(config.WEBHOOK_TIMEOUT_MS / 1000) + 60],
    );
    if (claimed.length === 0) break;
    await Promise.all(
      claimed.map(async (d) => {
        const attempt = Number(d.attempts) + 1;
        const body = eventBody({ ...d, id: String(d.event_id) });
        const secret = decryptPii(Buffer.from(d.secret_enc), config.secrets.piiKey);
        const t0 = Date.now();
        let status: number | null = null;
        let error: string | null = null;
        try {
          const r = await fetch(d.url, {
            method: 'POST',
            redirect: 'manual',
            headers: {
              'content-type': 'application/json',
              'user-agent': 'Creditline-Webhooks/1',
              'creditline-event-id': `evt_${d.event_id}`,
              'creditline-event-type': d.event_type,
              'creditline-signature': signWebhook(secret, Math.floor(Date.now() / 1000), body),
            },
            body,
            signal: AbortSignal.timeout(config.WEBHOOK_TIMEOUT_MS),
          });
          status = r.status;
          await r.arrayBuffer().catch(() => undefined);
          if (!r.ok) error = `answered ${r.status}`;
        } catch (err) {
          const e = err as Error & { cause?: { code?: string } };
          error =
            e.name === 'TimeoutError'
              ? `no answer within ${config.WEBHOOK_TIMEOUT_MS} ms`
              : (e.cause?.code ?? e.message);
        }
        const ms = Date.now() - t0;
        const dead = error !== null && attempt >= config.DELIVERY_MAX_ATTEMPTS;
        await em.execute(
          `with a as (
             insert into webhook_attempts (delivery_id, attempt, status_code, error, duration_ms) values (?, ?, ?, ?, ?)
           )
           update webhook_deliveries set attempts = ?, last_status_code = ?, last_error = ?,
                  status = ?, delivered_at = case when ? then now() end,
                  next_attempt_at = case when ? then now() + make_interval(secs => ?) else next_attempt_at end
            where id = ?`,
          [
            d.id,
            attempt,
            status,
            error,
            ms,
            attempt,
            status,
            error,
            error === null ? 'DELIVERED' : dead ? 'DEAD' : 'PENDING',
            error === null,
            error !== null && !dead,
            backoffSeconds(attempt, config.DELIVERY_BACKOFF_SECONDS),
            d.id,
          ],
        );
        if (error === null) res.delivered++;
        else {
          if (dead) res.dead++;
          else res.retrying++;
          logger.warn({ deliveryId: d.id, url: d.url, attempt, error }, 'webhook delivery failed');
        }
      }),
    );
  }
  const [next] = await em.execute<{ at: Date | null }[]>(
    `select min(next_attempt_at) as at from webhook_deliveries where status = 'PENDING'`,
  );
  if (next?.at) ctx.runAgainAt?.(new Date(next.at));
  return res;
}
