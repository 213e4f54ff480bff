/**
 * Statement notices (issue 14): when a statement is produced the customer is told its balance,
 * minimum payment and due date — in the app and by SMS and email (the delivery outbox), in zh-CN
 * and en; a reminder goes out before the due date, and a notice when the minimum is missed. The
 * installment due-soon and overdue notices go out by SMS and email too.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentViewer, useTestApi } from '../../../../test/harness.js';
import { insertAgent, insertCustomer } from '../../../../test/fixtures.js';
import type { Viewer } from '../../auth/viewer.js';
import { freePort } from '../../../db/embedded-postgres.js';
import { createLogger } from '../../../shared/logger.js';
import { encryptPii } from '../../customers/pii.js';
import { noFraudRules } from '../../purchases/purchase-rules.js';
import { key, partner } from '../../purchases/__tests__/money-helpers.js';
import { deliverOutbox } from '../../delivery/outbox-delivery.js';
import { listSinkMessages, startSmtpSink } from '../../delivery/sinks.js';
import { noticeText } from '../../notices/notice-text.js';
import { raiseEventNotices } from '../../decisions/notice-jobs.js';
import { runRevolvingStatements } from '../revolving.service.js';
import { toGlobalId } from '../../../graphql/relay.js';
import { giveGoodHistory, isoPlus } from './revolving-fixtures.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'creditline-stmt-sink-'));
chmodSync(dataDir, 0o755);
const smtpPort = await freePort();
const api = useTestApi({ env: { DATA_DIR: dataDir, SMTP_SINK_PORT: String(smtpPort) } });
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

let p: Viewer;
let staff: Viewer;
beforeAll(async () => {
  p = await partner(api);
  staff = agentViewer(await insertAgent(api, `snagent${Date.now()}`, 'AGENT'));
  api.app.services.purchases.rules = noFraudRules;
});

const svc = () => api.app.services;
const em = () => api.orm.em.fork();
const day = (d: Date) => d.toISOString().slice(0, 10);
const deliver = () =>
  deliverOutbox({
    orm: api.orm,
    config: api.config,
    logger: createLogger('silent'),
    asOf: new Date(),
  });

async function revolvingCustomer(email?: string) {
  const c = await insertCustomer(api, { baseLimitFen: 2_000_000 });
  if (email)
    await api.sql(`update customers set email_enc = ?, email_masked = 'x' where id = ?`, [
      encryptPii(email, api.config.secrets.piiKey),
      c.customerId,
    ]);
  await giveGoodHistory(api, c.accountId);
  expect(
    (await svc().revolving.offer(em(), staff, { accountId: c.accountId, idempotencyKey: key() }))
      .ok,
  ).toBe(true);
  expect(
    (await svc().revolving.accept(em(), p, { accountId: c.accountId, idempotencyKey: key() })).ok,
  ).toBe(true);
  return c;
}

async function buy(accountId: string, amountFen: number, term?: string) {
  const a = await svc().purchases.authorize(em(), p, {
    accountId,
    amountFen,
    category: 'DIGITAL',
    merchant: 'card',
    idempotencyKey: key(),
  });
  const purchaseId = a.ok ? a.value.purchaseId : '';
  const c = await svc().purchases.capture(
    em(),
    p,
    { purchaseId, idempotencyKey: key(), term: term ?? null },
    term
      ? (tem, id, captureId) =>
          svc().plans.createForPurchase(tem, p, {
            purchaseId: id,
            term,
            couponCode: null,
            captureId,
          })
      : undefined,
  );
  expect(c.ok, JSON.stringify(c)).toBe(true);
  return purchaseId;
}

async function notices(customerId: string, kind: string) {
  return api.sql<any>(
    `select n.id::text, n.kind, n.channel, n.payload, n.delivery_status,
            array(select o.channel from notice_outbox o where o.notice_id = n.id order by o.channel) as outbox
       from notices n where n.customer_id = ? and n.kind = ? order by n.id`,
    [customerId, kind],
  );
}

describe('statement notices', () => {
  it('a statement is announced in the app, by SMS and email, with balance, minimum and due date in both languages', async () => {
    const sink = await startSmtpSink({ dataDir, port: smtpPort });
    try {
      const c = await revolvingCustomer('card.holder@example.com');
      await buy(c.accountId, 123_456);
      const s = await svc().revolving.closeStatement(em(), c.accountId, isoPlus(1));
      const due = day(isoPlus(21));
      const [n] = await notices(c.customerId, 'STATEMENT_READY');
      expect(n).toMatchObject({
        channel: 'IN_APP',
        outbox: ['EMAIL', 'SMS'],
        payload: { statementSeq: 1, balanceFen: 123_456, minimumPaymentFen: s.minimumPaymentFen },
      });
      expect(s.minimumPaymentFen).toBe(12_346);
      const text = noticeText('STATEMENT_READY', n.payload);
      expect(text.zhCN).toContain('¥1,234.56');
      expect(text.zhCN).toContain('¥123.46');
      expect(text.zhCN).toContain(due);
      expect(text.en).toContain('Your statement balance is ¥1,234.56, the minimum payment ¥123.46');
      expect(text.en).toContain(`due on ${due}`);
      // The customer reads it in the app (Notice.text) …
      const read = await api.exec<any>(
        staff,
        `query($id: ID!) { node(id: $id) { ... on CreditAccount { notices(first: 5) { edges { node { kind text { zhCN en } } } } } } }`,
        { id: toGlobalId('CreditAccount', c.accountId) },
      );
      expect(read.errors).toBeUndefined();
      const inApp = read.data.node.notices.edges.map((e: any) => e.node);
      expect(inApp.find((x: any) => x.kind === 'STATEMENT_READY')?.text).toEqual(text);
      // … and receives it by SMS and email.
      expect((await deliver()).sent).toBeGreaterThanOrEqual(2);
      const sms = listSinkMessages(dataDir, 'SMS', { to: c.phone }).filter(
        (m) => m.noticeId === n.id,
      );
      expect(sms).toHaveLength(1);
      expect(sms[0]!.text).toBe(`${text.zhCN}\n${text.en}`);
      const mail = listSinkMessages(dataDir, 'EMAIL', { to: 'card.holder@example.com' });
      expect(mail.find((m) => m.noticeId === n.id)?.subject).toContain(
        '账单已出 / Your statement is ready',
      );
      const [after] = await notices(c.customerId, 'STATEMENT_READY');
      expect(after.delivery_status).toBe('DELIVERED');
    } finally {
      await sink.stop();
    }
  });

  it('reminds before the due date unless paid in full, once; tells when the minimum is missed, once', async () => {
    const c = await revolvingCustomer();
    await buy(c.accountId, 50_000);
    const paidUp = await revolvingCustomer();
    await buy(paidUp.accountId, 50_000);
    for (const x of [c, paidUp])
      await svc().revolving.closeStatement(em(), x.accountId, isoPlus(1));
    const pay = await svc().revolving.pay(
      em(),
      p,
      { accountId: paidUp.accountId, amountFen: 50_000, idempotencyKey: key() },
      isoPlus(2),
    );
    expect(pay.ok).toBe(true);
    // Four days before the due date (day 21): too early.
    await runRevolvingStatements(em(), isoPlus(17));
    expect(await notices(c.customerId, 'STATEMENT_DUE_SOON')).toHaveLength(0);
    // Two days before: reminded once (a rerun of the job does not remind again); paid in full: not.
    await runRevolvingStatements(em(), isoPlus(19));
    await runRevolvingStatements(em(), isoPlus(20));
    const soon = await notices(c.customerId, 'STATEMENT_DUE_SOON');
    expect(soon).toHaveLength(1);
    expect(soon[0]).toMatchObject({
      outbox: ['SMS'], // no email address on file: SMS only
      payload: { unpaidFen: 50_000, minimumPaymentFen: 10_000, minimumLeftFen: 10_000 },
    });
    expect(noticeText('STATEMENT_DUE_SOON', soon[0].payload).en).toContain(
      `is due on ${day(isoPlus(21))} with ¥500 unpaid`,
    );
    expect(await notices(paidUp.customerId, 'STATEMENT_DUE_SOON')).toHaveLength(0);
    // The due date passes with the minimum unpaid: the late fee, and the notice, once.
    await svc().revolving.accrue(em(), c.accountId, isoPlus(23));
    await runRevolvingStatements(em(), isoPlus(24));
    const overdue = await notices(c.customerId, 'STATEMENT_OVERDUE');
    expect(overdue).toHaveLength(1);
    expect(overdue[0].payload).toMatchObject({ minimumLeftFen: 10_000, lateFeeFen: 500 });
    const words = noticeText('STATEMENT_OVERDUE', overdue[0].payload);
    expect(words.zhCN).toContain('逾期费 ¥5');
    expect(words.en).toContain('a late fee of ¥5 was charged');
    expect(await notices(paidUp.customerId, 'STATEMENT_OVERDUE')).toHaveLength(0);
  });

  it('installment due-soon and overdue notices go out by SMS (and email when there is an address)', async () => {
    const c = await insertCustomer(api, { baseLimitFen: 1_000_000 });
    await api.sql(`update customers set email_enc = ?, email_masked = 'x' where id = ?`, [
      encryptPii('plan.holder@example.com', api.config.secrets.piiKey),
      c.customerId,
    ]);
    const purchaseId = await buy(c.accountId, 30_000, 'M3');
    const [plan] = await api.sql<any>(`select id from installment_plans where purchase_id = ?`, [
      purchaseId,
    ]);
    await api.sql(
      `update schedule_lines set due_date = current_date + 2 where plan_id = ? and seq = 1`,
      [plan.id],
    );
    await raiseEventNotices(em(), new Date());
    const [soon] = await notices(c.customerId, 'DUE_SOON');
    expect(soon).toMatchObject({ channel: 'IN_APP', outbox: ['EMAIL', 'SMS'] });
    await api.sql(
      `update schedule_lines set due_date = current_date - 3, status = 'OVERDUE', days_past_due = 3 where plan_id = ? and seq = 1`,
      [plan.id],
    );
    await raiseEventNotices(em(), new Date());
    const [overdue] = await notices(c.customerId, 'OVERDUE');
    expect(overdue).toMatchObject({ outbox: ['EMAIL', 'SMS'] });
  });
});
