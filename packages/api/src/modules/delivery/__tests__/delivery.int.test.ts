import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { agentViewer, partnerViewer, useTestApi } from '../../../../test/harness.js';
import { insertCustomer } from '../../../../test/fixtures.js';
import { freePort } from '../../../db/embedded-postgres.js';
import { createLogger } from '../../../shared/logger.js';
import { loadConfig } from '../../../config/config.js';
import { encryptPii } from '../../customers/pii.js';
import { raiseNotice } from '../../notices/notice-events.js';
import { deliverOutbox } from '../outbox-delivery.js';
import { latestSinkMessage, listSinkMessages, startSmtpSink } from '../sinks.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'creditline-sink-'));
chmodSync(dataDir, 0o755);
const smtpPort = await freePort();
const api = useTestApi({
  env: {
    DATA_DIR: dataDir,
    SMTP_SINK_PORT: String(smtpPort),
    DELIVERY_BACKOFF_SECONDS: '0.2',
    DELIVERY_MAX_ATTEMPTS: '2',
  },
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const run = (config = api.config) =>
  deliverOutbox({ orm: api.orm, config, logger: createLogger('silent'), asOf: new Date() });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const SINK = `query($channel: SinkChannel!, $to: String, $first: Int) {
  sinkMessages(channel: $channel, to: $to, first: $first) { channel to subject text noticeId }
}`;

async function notice(
  customerId: string,
  channel: 'EMAIL' | 'SMS',
  payload: Record<string, unknown> = {},
) {
  const em = api.orm.em.fork();
  const eventKey = `test:${channel}:${Math.random()}`;
  expect(
    await raiseNotice(em, { customerId, kind: 'LIMIT_CHANGED', channel, eventKey, payload }),
  ).toBe(true);
  const [n] = await api.sql<{ id: string }>(
    `select id from notices where customer_id = ? and event_key = ?`,
    [customerId, eventKey],
  );
  return String(n!.id);
}
const status = async (noticeId: string) =>
  (
    await api.sql<{
      delivery_status: string;
      delivery_error: string | null;
      outbox: string;
      attempts: number;
    }>(
      `select n.delivery_status, n.delivery_error, o.status as outbox, o.attempts from notices n join notice_outbox o on o.notice_id = n.id where n.id = ?`,
      [noticeId],
    )
  )[0];

describe('notice delivery', () => {
  it('an email notice arrives in the local SMTP sink, and the notice says DELIVERED', async () => {
    const sink = await startSmtpSink({ dataDir, port: smtpPort });
    try {
      const c = await insertCustomer(api);
      await api.sql(
        `update customers set email_enc = ?, email_masked = 'l***@example.com' where id = ?`,
        [encryptPii('li.lei@example.com', api.config.secrets.piiKey), c.customerId],
      );
      const id = await notice(c.customerId, 'EMAIL', { before: 500000, after: 800000 });
      expect(await status(id)).toMatchObject({ delivery_status: 'PENDING', outbox: 'PENDING' });
      expect(await run()).toMatchObject({ sent: 1 });
      expect(await status(id)).toMatchObject({
        delivery_status: 'DELIVERED',
        outbox: 'SENT',
        attempts: 1,
      });
      const [m] = listSinkMessages(dataDir, 'EMAIL', { to: 'li.lei@example.com' });
      expect(m).toMatchObject({ to: 'li.lei@example.com', noticeId: id });
      expect(m!.subject).toContain('额度变更 / Your limit changed');
      expect(m!.text).toContain('¥8,000.00');
      expect(m!.text).toContain('Your credit limit has changed to ¥8,000.00');
      // Staff read the sink through GraphQL; partners cannot; production has none.
      const staff = await api.exec<any>(agentViewer(), SINK, {
        channel: 'EMAIL',
        to: 'li.lei@example.com',
      });
      expect(staff.data.sinkMessages[0]).toMatchObject({ to: 'li.lei@example.com', noticeId: id });
      const p = await api.exec(partnerViewer(), SINK, { channel: 'EMAIL' });
      expect(p.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await sink.stop();
    }
  });

  it('an SMS goes to the SMS sink; the latest one to a phone is one query away', async () => {
    const c = await insertCustomer(api);
    await notice(c.customerId, 'SMS', {
      text: { 'zh-CN': '您的验证码是 111111', en: 'Your code is 111111' },
    });
    const id = await notice(c.customerId, 'SMS', {
      text: { 'zh-CN': '您的验证码是 424242', en: 'Your code is 424242' },
    });
    expect(await run()).toMatchObject({ sent: 2 });
    expect(latestSinkMessage(dataDir, 'SMS', c.phone)?.text).toContain('424242');
    const latest = await api.exec<any>(agentViewer(), SINK, {
      channel: 'SMS',
      to: c.phone,
      first: 1,
    });
    expect(latest.data.sinkMessages).toEqual([
      {
        channel: 'SMS',
        to: c.phone,
        subject: null,
        text: '您的验证码是 424242\nYour code is 424242',
        noticeId: id,
      },
    ]);
    expect(await status(id)).toMatchObject({ delivery_status: 'DELIVERED', outbox: 'SENT' });
  });

  it('retries with back-off, then dead-letters: the notice says FAILED and why', async () => {
    // No SMTP sink listening on this port now: every attempt fails.
    const c = await insertCustomer(api);
    await api.sql(`update customers set email_enc = ? where id = ?`, [
      encryptPii('x@example.com', api.config.secrets.piiKey),
      c.customerId,
    ]);
    const id = await notice(c.customerId, 'EMAIL');
    expect(await run()).toMatchObject({ sent: 0, retrying: 1 });
    expect(await status(id)).toMatchObject({
      delivery_status: 'PENDING',
      outbox: 'PENDING',
      attempts: 1,
    });
    expect(await run()).toMatchObject({ retrying: 0, dead: 0 }); // not due yet: back-off
    await sleep(300);
    expect(await run()).toMatchObject({ dead: 1 });
    const s = await status(id);
    expect(s).toMatchObject({ delivery_status: 'FAILED', outbox: 'DEAD', attempts: 2 });
    expect(s!.delivery_error).toMatch(/ECONNREFUSED|connect/i);
    // A customer without an email address: failed at once, with a reason a person can act on.
    const d = await insertCustomer(api);
    const none = await notice(d.customerId, 'EMAIL');
    await run();
    expect(await status(none)).toMatchObject({
      delivery_status: 'FAILED',
      delivery_error: 'no email address on file',
    });
  });

  it('in production there is no sink: SMS_PROVIDER=sink is refused at start and sinkMessages is FORBIDDEN', async () => {
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(40),
        PII_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
        PII_BLIND_INDEX_KEY: Buffer.alloc(32, 2).toString('base64'),
        SMS_PROVIDER: 'sink',
      }),
    ).toThrow(/SMS_PROVIDER cannot be the development sink in production/);
    const prod = { ...api.config, NODE_ENV: 'production' as const };
    const ctx = api.app.contextFor(agentViewer());
    Object.assign(ctx, { config: prod });
    const res = await api.app.apollo.executeOperation(
      { query: SINK, variables: { channel: 'SMS' } },
      { contextValue: ctx },
    );
    expect(res.body.kind === 'single' && res.body.singleResult.errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
  });
});
