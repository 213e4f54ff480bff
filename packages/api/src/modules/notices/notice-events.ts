import type { EntityManager } from '@mikro-orm/postgresql';
import type { NoticeChannel, NoticeKind } from './notice.entity.js';

/**
 * Raise a notice to a customer for an event, at most once: `(customer_id, event_key)` is unique
 * and the insert does nothing on a repeat. Returns true when this call created it (so a caller
 * can do a once-per-event side effect, such as a triggered review, only then).
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
  return Boolean(id);
}
