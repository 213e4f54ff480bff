import type { EntityManager } from '@mikro-orm/postgresql';
import type { NoticeChannel, NoticeKind } from './notice.entity.js';

/**
 * Raise a notice to a customer for an event, at most once: `(customer_id, event_key)` is unique
 * and the insert does nothing on a repeat. Returns true when this call created it (so a caller
 * can do a once-per-event side effect, such as a triggered review, only then). `deliverBy`: an
 * in-app notice that is also sent by SMS and/or email (outbox rows, for the channels the customer
 * has a phone number or email address for).
 */
export async function raiseNotice(
  em: EntityManager,
  n: {
    customerId: string;
    kind: NoticeKind;
    eventKey: string;
    payload?: Record<string, unknown>;
    channel?: NoticeChannel;
    agentId?: string | null;
    deliverBy?: DeliveryChannel[];
  },
): Promise<boolean> {
  const rows = await em.execute<{ id: string }[]>(
    `insert into notices (customer_id, kind, channel, event_key, payload, sent_by_agent_id, sent_at)
     values (?, ?, ?, ?, ?::jsonb, ?, case when ? = 'IN_APP' then now() end)
     on conflict (customer_id, event_key) do nothing returning id`,
    [
      n.customerId,
      n.kind,
      n.channel ?? 'IN_APP',
      n.eventKey,
      JSON.stringify(n.payload ?? {}),
      n.agentId ?? null,
      n.channel ?? 'IN_APP',
    ],
  );
  const id = rows[0]?.id;
  if (id && n.channel && n.channel !== 'IN_APP') {
    await em.execute(
      `insert into notice_outbox (notice_id, customer_id, channel) values (?, ?, ?)`,
      [id, n.customerId, n.channel],
    );
  }
  if (id && n.deliverBy?.length) await queueDelivery(em, [String(id)], n.deliverBy);
  return Boolean(id);
}

export type DeliveryChannel = 'SMS' | 'EMAIL';

/**
 * Send notices (already raised, in-app) by SMS and/or email too: one outbox row per notice and
 * channel the customer can be reached on (a phone number for SMS, an email address for email),
 * delivered by the worker (`deliver-notices`). Returns the rows queued.
 */
export async function queueDelivery(
  em: EntityManager,
  noticeIds: string[],
  channels: DeliveryChannel[],
): Promise<number> {
  if (noticeIds.length === 0 || channels.length === 0) return 0;
  const rows = await em.execute<{ id: string }[]>(
    `insert into notice_outbox (notice_id, customer_id, channel)
     select n.id, n.customer_id, ch from notices n join customers c on c.id = n.customer_id cross join unnest(?::text[]) ch
      where n.id = any(?::bigint[])
        and ((ch = 'SMS' and c.phone_enc is not null) or (ch = 'EMAIL' and c.email_enc is not null))
     returning id`,
    [`{${channels.join(',')}}`, `{${noticeIds.join(',')}}`],
  );
  return rows.length;
}
