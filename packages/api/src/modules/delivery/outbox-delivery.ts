import type { JobBodyContext } from '../jobs/job-definitions.js';
import { decryptPii, maskPhone } from '../customers/pii.js';
import { deliveryText } from './delivery-text.js';
import { transportsFor, type Transports } from './transports.js';

/** Seconds before attempt n+1 after n failures: base × 2^(n−1), at most 6 hours. */
export function backoffSeconds(failures: number, base: number): number {
  return Math.min(base * 2 ** Math.max(0, failures - 1), 6 * 3600);
}

const maskEmail = (e: string) => e.replace(/^(.).*(@.*)$/, '$1***$2');

let cached: { key: string; t: Transports } | undefined;
function transports(ctx: JobBodyContext): Transports {
  const key = JSON.stringify([
    ctx.config.SMTP_URL,
    ctx.config.SMS_PROVIDER,
    ctx.config.DATA_DIR,
    ctx.config.SMTP_SINK_PORT,
  ]);
  if (cached?.key !== key) cached = { key, t: transportsFor(ctx.config) };
  return cached.t;
}

interface Claimed {
  id: string;
  notice_id: string;
  channel: 'SMS' | 'EMAIL';
  attempts: number;
  kind: string;
  payload: Record<string, unknown>;
  phone_enc: Buffer | null;
  email_enc: Buffer | null;
}

/**
 * Send what waits in notice_outbox. Rows are claimed in small batches by pushing their
 * next_attempt_at 5 minutes ahead (`for update skip locked`, committed at once), so several
 * workers share the outbox and a worker that dies mid-send leaves its rows to be retried later;
 * each send is then recorded on its own. A failure is retried with exponential back-off; after
 * DELIVERY_MAX_ATTEMPTS the row is dead-lettered (DEAD) and the notice says FAILED with the
 * reason. Delivery is at least once: a crash between the send and the record resends, and the
 * Message-ID (per notice) lets a mail system drop the copy.
 */
export async function deliverOutbox(
  ctx: JobBodyContext,
): Promise<{ sent: number; retrying: number; dead: number; waiting: number }> {
  const { orm, config, logger } = ctx;
  const t = transports(ctx);
  const channels = [...(t.mail ? ['EMAIL'] : []), ...(t.sms ? ['SMS'] : [])];
  const res = { sent: 0, retrying: 0, dead: 0, waiting: 0 };
  const em = orm.em.fork();
  if (channels.length === 0) return res;
  for (let round = 0; round < 20; round++) {
    const claimed = await em.execute<Claimed[]>(
      `with c as (
         select id from notice_outbox
          where status = 'PENDING' and next_attempt_at <= now() and channel in (${channels.map(() => '?').join(',')})
          order by next_attempt_at, id limit 50 for update skip locked
       ), u as (
         update notice_outbox o set next_attempt_at = now() + interval '5 minutes' from c where o.id = c.id
         returning o.id, o.notice_id, o.customer_id, o.channel, o.attempts
       )
       select u.id, u.notice_id, u.channel, u.attempts, n.kind, n.payload, cu.phone_enc, cu.email_enc
         from u join notices n on n.id = u.notice_id join customers cu on cu.id = u.customer_id
        order by u.id`,
      channels,
    );
    if (claimed.length === 0) break;
    for (const row of claimed) {
      const attempt = Number(row.attempts) + 1;
      let recipient: string | undefined;
      try {
        if (row.channel === 'SMS' && row.phone_enc)
          recipient = decryptPii(Buffer.from(row.phone_enc), config.secrets.piiKey);
        if (row.channel === 'EMAIL' && row.email_enc)
          recipient = decryptPii(Buffer.from(row.email_enc), config.secrets.piiKey);
      } catch {
        recipient = undefined;
      }
      if (!recipient) {
        await recordDead(
          em,
          row,
          attempt,
          `no ${row.channel === 'SMS' ? 'phone number' : 'email address'} on file`,
        );
        res.dead++;
        continue;
      }
      const masked = row.channel === 'SMS' ? maskPhone(recipient) : maskEmail(recipient);
      const { subject, text } = deliveryText(row.kind, row.payload ?? {});
      try {
        let providerId: string;
        if (row.channel === 'EMAIL') {
          const info = (await t.mail!.transporter.sendMail({
            from: t.mail!.from,
            to: recipient,
            subject,
            text,
            messageId: `<notice-${row.notice_id}@creditline>`,
            headers: { 'X-Creditline-Notice': String(row.notice_id) },
          })) as { messageId?: string };
          providerId = info.messageId ?? '';
        } else
          providerId = await t.sms!.send({ to: recipient, text, noticeId: String(row.notice_id) });
        await em.execute(
          `with o as (
             update notice_outbox set status = 'SENT', sent_at = now(), attempts = ?, recipient_masked = ?, provider_message_id = ?, last_error = null where id = ? returning notice_id
           )
           update notices n set delivery_status = 'DELIVERED', delivered_at = now(), delivery_error = null, sent_at = coalesce(n.sent_at, now()) from o where n.id = o.notice_id`,
          [attempt, masked, providerId, row.id],
        );
        res.sent++;
      } catch (err) {
        const message = (err as Error).message.slice(0, 500);
        if (attempt >= config.DELIVERY_MAX_ATTEMPTS) {
          await recordDead(em, row, attempt, message);
          res.dead++;
        } else {
          await em.execute(
            `update notice_outbox set attempts = ?, last_error = ?, recipient_masked = ?, next_attempt_at = now() + make_interval(secs => ?) where id = ?`,
            [
              attempt,
              message,
              masked,
              backoffSeconds(attempt, config.DELIVERY_BACKOFF_SECONDS),
              row.id,
            ],
          );
          res.retrying++;
        }
        logger.warn(
          { outboxId: row.id, channel: row.channel, attempt, err: message },
          'notice delivery failed',
        );
      }
    }
  }
  const [next] = await em.execute<{ at: Date | null; n: string }[]>(
    `select min(next_attempt_at) as at, count(*) as n from notice_outbox where status = 'PENDING' and channel in (${channels.map(() => '?').join(',')})`,
    channels,
  );
  res.waiting = Number(next?.n ?? 0);
  if (next?.at) ctx.runAgainAt?.(new Date(next.at));
  return res;
}

async function recordDead(
  em: import('@mikro-orm/postgresql').EntityManager,
  row: Claimed,
  attempt: number,
  reason: string,
): Promise<void> {
  await em.execute(
    `with o as (
       update notice_outbox set status = 'DEAD', attempts = ?, last_error = ? where id = ? returning notice_id
     )
     update notices n set delivery_status = 'FAILED', delivery_error = ? from o where n.id = o.notice_id`,
    [attempt, reason, row.id, reason],
  );
}
