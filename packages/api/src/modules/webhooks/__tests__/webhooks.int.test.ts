import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agentViewer,
  partnerViewer,
  supervisorViewer,
  useTestApi,
} from '../../../../test/harness.js';
import { insertCustomer, insertPartner, linkPartner } from '../../../../test/fixtures.js';
import { createLogger } from '../../../shared/logger.js';
import { fromGlobalId, toGlobalId } from '../../../graphql/relay.js';
import { CAPTURE, authorize, expectReconciled } from '../../purchases/__tests__/money-helpers.js';
import { PurchaseService } from '../../purchases/purchase.service.js';
import { deliverWebhooks } from '../webhook-delivery.js';
import { verifyWebhookSignature } from '../webhook-signing.js';
import type { Viewer } from '../../auth/viewer.js';

const api = useTestApi({ env: { DELIVERY_BACKOFF_SECONDS: '0.2', DELIVERY_MAX_ATTEMPTS: '3' } });

/** A partner's receiver on 127.0.0.1: answers with the queued statuses (then 200) and keeps what came. */
function receiver() {
  const got: { headers: http.IncomingHttpHeaders; body: string; status: number }[] = [];
  const statuses: number[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const status = statuses.shift() ?? 200;
      got.push({ headers: req.headers, body, status });
      res.writeHead(status).end();
    });
  });
  return {
    got,
    statuses,
    server,
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    listen: () => new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r())),
  };
}

const CREATE = `mutation($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret endpoint { id url eventTypes active partnerAppId } userErrors { code field message } }
}`;
const DELIVERIES = `query($endpointId: ID) {
  webhookDeliveries(endpointId: $endpointId) { id eventId eventType status attemptCount lastStatusCode attempts { attempt statusCode error } }
}`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const run = () =>
  deliverWebhooks({
    orm: api.orm,
    config: api.config,
    logger: createLogger('silent'),
    asOf: new Date(),
  });

describe('partner webhooks', () => {
  const rx = receiver();
  const other = receiver();
  let partner: Viewer;
  let otherPartner: Viewer;
  let secret: string;
  let endpointId: string;

  beforeAll(async () => {
    await rx.listen();
    await other.listen();
    const p = await insertPartner(api, ['limits:read', 'purchases:write', 'webhooks:manage']);
    partner = partnerViewer(p.id, ['limits:read', 'purchases:write', 'webhooks:manage']);
    const o = await insertPartner(api, ['webhooks:manage'], undefined, { name: 'other app' });
    otherPartner = partnerViewer(o.id, ['webhooks:manage']);
  });
  afterAll(() => {
    rx.server.close();
    other.server.close();
  });

  it('registers endpoints: scope-checked for partners, supervisors for a named partner, bad input as userErrors', async () => {
    const noScope = await api.exec(partnerViewer('99', ['limits:read']), CREATE, {
      input: { url: rx.url(), eventTypes: ['HOLD_EXPIRED'] },
    });
    expect(noScope.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const agent = await api.exec(agentViewer(), CREATE, {
      input: {
        url: rx.url(),
        eventTypes: ['HOLD_EXPIRED'],
        partnerAppId: toGlobalId('PartnerApp', partner.kind === 'partner' ? partner.id : ''),
      },
    });
    expect(agent.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = await api.exec<any>(partner, CREATE, {
      input: { url: 'ftp://x', eventTypes: ['HOLD_EXPIRED'] },
    });
    expect(bad.data.createWebhookEndpoint.userErrors[0].code).toBe('INVALID_WEBHOOK_URL');

    const r = await api.exec<any>(partner, CREATE, {
      input: {
        url: rx.url(),
        eventTypes: ['HOLD_EXPIRED', 'LIMIT_CHANGED', 'PURCHASE_REVIEW_DECIDED'],
      },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data.createWebhookEndpoint.userErrors).toEqual([]);
    secret = r.data.createWebhookEndpoint.secret;
    expect(secret).toMatch(/^whsec_/);
    endpointId = r.data.createWebhookEndpoint.endpoint.id;

    // A supervisor registers one for the other partner app.
    const s = await api.exec<any>(supervisorViewer(), CREATE, {
      input: {
        url: other.url(),
        eventTypes: ['HOLD_EXPIRED', 'LIMIT_CHANGED'],
        partnerAppId: toGlobalId(
          'PartnerApp',
          otherPartner.kind === 'partner' ? otherPartner.id : '',
        ),
      },
    });
    expect(s.data.createWebhookEndpoint.userErrors).toEqual([]);
    // Each partner lists only its own.
    const mine = await api.exec<any>(partner, `{ webhookEndpoints { id } }`);
    expect(mine.data.webhookEndpoints.map((e: { id: string }) => e.id)).toEqual([endpointId]);
  });

  it('sends a signed event from where it happened, retries after a 500, and delivers it once', async () => {
    const c = await insertCustomer(api, { baseLimitFen: 500_000 });
    const held = await authorize(api, partner, c.accountId, '88.00');
    expect(held.decision).toBe('HELD');
    // The hold expires (the expire-holds job): HOLD_EXPIRED in the same transaction, to the partner that made it.
    await api.sql(`update holds set expires_at = now() - interval '1 day' where account_id = ?`, [
      c.accountId,
    ]);
    expect(await new PurchaseService(api.config).expireHolds(api.orm.em.fork())).toBe(1);

    rx.statuses.push(500);
    const first = await run();
    expect(first).toMatchObject({ delivered: 0, retrying: 1 });
    expect(rx.got).toHaveLength(1);
    await sleep(300); // back-off (0.2 s in this test)
    // Two delivery jobs at once (two workers): the delivery is claimed by one, sent once.
    const [a, b] = await Promise.all([run(), run()]);
    expect(a.delivered + b.delivered).toBe(1);
    await run();
    expect(rx.got).toHaveLength(2);
    expect(rx.got.map((g) => g.status)).toEqual([500, 200]);

    const [one, two] = rx.got;
    expect(one!.body).toBe(two!.body); // the same event, the same id: receivers de-duplicate on it
    const event = JSON.parse(two!.body);
    expect(event).toMatchObject({
      type: 'HOLD_EXPIRED',
      data: {
        customerId: toGlobalId('Customer', c.customerId),
        accountId: toGlobalId('CreditAccount', c.accountId),
        amount: { amount: '88.00', currency: 'CNY' },
      },
    });
    expect(event.id).toMatch(/^evt_\d+$/);
    expect(two!.headers['creditline-event-id']).toBe(event.id);
    for (const g of rx.got)
      expect(
        verifyWebhookSignature(g.headers['creditline-signature'] as string, g.body, secret),
      ).toBe(true);
    expect(
      verifyWebhookSignature(
        two!.headers['creditline-signature'] as string,
        two!.body + ' ',
        secret,
      ),
    ).toBe(false);
    expect(
      verifyWebhookSignature(
        two!.headers['creditline-signature'] as string,
        two!.body,
        'whsec_wrong',
      ),
    ).toBe(false);
    // The other partner app is not linked to this customer: it heard nothing.
    expect(other.got).toHaveLength(0);

    // Attempts are visible to the partner and to staff; not to another partner.
    const seen = await api.exec<any>(partner, DELIVERIES, { endpointId });
    expect(seen.data.webhookDeliveries[0]).toMatchObject({
      eventId: event.id,
      eventType: 'HOLD_EXPIRED',
      status: 'DELIVERED',
      attemptCount: 2,
      attempts: [
        { attempt: 1, statusCode: 500, error: 'answered 500' },
        { attempt: 2, statusCode: 200, error: null },
      ],
    });
    const staff = await api.exec<any>(agentViewer(), DELIVERIES, { endpointId });
    expect(staff.data.webhookDeliveries).toHaveLength(1);
    const stranger = await api.exec<any>(otherPartner, DELIVERIES, { endpointId });
    expect(stranger.data.webhookDeliveries).toEqual([]);
  });

  it('emits LIMIT_CHANGED for any decision that changes a limit, and dead-letters after the last attempt', async () => {
    const c = await insertCustomer(api, { baseLimitFen: 500_000 });
    rx.statuses.push(500, 503, 500);
    await api.sql(
      `insert into limit_decisions (account_id, customer_id, kind, base_limit_before_fen, base_limit_after_fen, status_before, status_after, decided_by, features, reasons, policy_version)
       values (?, ?, 'MANUAL', 500000, 400000, 'ACTIVE', 'ACTIVE', 'SYSTEM', '{}', '[]', 'policy-2026.11')`,
      [c.accountId, c.customerId],
    );
    for (let i = 0; i < 3; i++) {
      await run();
      await sleep(250 * 2 ** i);
    }
    const [d] = await api.sql<{ status: string; attempts: number }>(
      `select d.status, d.attempts from webhook_deliveries d join webhook_events e on e.id = d.event_id where e.event_type = 'LIMIT_CHANGED' and e.customer_id = ?`,
      [c.customerId],
    );
    expect(d).toEqual({ status: 'DEAD', attempts: 3 });
    const body = JSON.parse(rx.got.at(-1)!.body);
    expect(body).toMatchObject({
      type: 'LIMIT_CHANGED',
      data: {
        baseLimitBefore: { amount: '5000.00' },
        baseLimitAfter: { amount: '4000.00' },
        kind: 'MANUAL',
      },
    });
    // The partner sends it again by hand.
    const dead = (
      await api.exec<any>(partner, DELIVERIES, { endpointId })
    ).data.webhookDeliveries.find((x: { status: string }) => x.status === 'DEAD');
    const retry = await api.exec<any>(
      partner,
      `mutation($id: ID!) { retryWebhookDelivery(id: $id) { retried userErrors { code } } }`,
      { id: dead.id },
    );
    expect(retry.data.retryWebhookDelivery.retried).toBe(true);
    await run();
    const [after] = await api.sql<{ status: string }>(
      `select status from webhook_deliveries where id = ?`,
      [fromGlobalId(dead.id)!.id],
    );
    expect(after!.status).toBe('DELIVERED');
  });

  it('follows the link: a customer who linked an app for quotes only is not heard of by its limit events', async () => {
    // A third app, with its own endpoint for LIMIT_CHANGED, linked to one customer for quotes only
    // and to another with limits:read.
    const third = receiver();
    await third.listen();
    try {
      const t = await insertPartner(api, ['limits:read', 'webhooks:manage'], undefined, {
        name: 'quotes-only app',
      });
      const tv = partnerViewer(t.id, ['limits:read', 'webhooks:manage']);
      const r = await api.exec<any>(tv, CREATE, {
        input: { url: third.url(), eventTypes: ['LIMIT_CHANGED'] },
      });
      expect(r.data.createWebhookEndpoint.userErrors).toEqual([]);
      const quotesOnly = await insertCustomer(api, { baseLimitFen: 500_000, unlinked: true });
      const full = await insertCustomer(api, { baseLimitFen: 500_000, unlinked: true });
      await linkPartner(api, t.id, quotesOnly.customerId, ['quotes:read']);
      await linkPartner(api, t.id, full.customerId, ['limits:read']);
      for (const c of [quotesOnly, full])
        await api.sql(
          `insert into limit_decisions (account_id, customer_id, kind, base_limit_before_fen, base_limit_after_fen, status_before, status_after, decided_by, features, reasons, policy_version)
           values (?, ?, 'MANUAL', 500000, 450000, 'ACTIVE', 'ACTIVE', 'SYSTEM', '{}', '[]', 'policy-2026.11')`,
          [c.accountId, c.customerId],
        );
      const heard = await api.sql<{ customer_id: string }>(
        `select e.customer_id::text from webhook_deliveries d join webhook_events e on e.id = d.event_id
          where d.partner_app_id = ? order by e.id`,
        [t.id],
      );
      expect(heard).toEqual([{ customer_id: String(full.customerId) }]);
      // Revoked: no more events for that customer either.
      await api.sql(`update partner_links set status = 'REVOKED' where partner_app_id = ?`, [t.id]);
      await api.sql(
        `insert into limit_decisions (account_id, customer_id, kind, base_limit_before_fen, base_limit_after_fen, status_before, status_after, decided_by, features, reasons, policy_version)
         values (?, ?, 'MANUAL', 450000, 400000, 'ACTIVE', 'ACTIVE', 'SYSTEM', '{}', '[]', 'policy-2026.11')`,
        [full.accountId, full.customerId],
      );
      expect(
        await api.sql(`select 1 from webhook_deliveries where partner_app_id = ?`, [t.id]),
      ).toHaveLength(1);
    } finally {
      third.server.close();
    }
  });

  it('a partly captured hold that expires: its rest goes back, the purchase stays CAPTURED, the partner hears of the rest', async () => {
    const c = await insertCustomer(api, { baseLimitFen: 500_000 });
    const held = await authorize(api, partner, c.accountId, '100.00');
    const cap = await api.exec<any>(partner, CAPTURE, {
      input: {
        purchaseId: held.purchase.id,
        amount: '30.00',
        idempotencyKey: `cap-${c.accountId}`,
      },
    });
    expect(cap.data.capturePurchase.userErrors).toEqual([]);
    await api.sql(
      `update holds set expires_at = now() - interval '1 minute' where account_id = ?`,
      [c.accountId],
    );
    expect(await new PurchaseService(api.config).expireHolds(api.orm.em.fork())).toBe(1);
    const purchaseId = fromGlobalId(held.purchase.id)!.id;
    const [p] = await api.sql<{ status: string }>(`select status from purchases where id = ?`, [
      purchaseId,
    ]);
    expect(p!.status).toBe('CAPTURED');
    const [a] = await api.sql<{ held: string; outstanding: string }>(
      `select held_fen::text as held, outstanding_principal_fen::text as outstanding from credit_accounts where id = ?`,
      [c.accountId],
    );
    expect(a).toEqual({ held: '0', outstanding: '3000' });
    const [e] = await api.sql<{ payload: Record<string, unknown> }>(
      `select payload from webhook_events where event_type = 'HOLD_EXPIRED' and customer_id = ?`,
      [c.customerId],
    );
    expect(e!.payload).toMatchObject({ amountFen: 7000, purchaseStatus: 'CAPTURED' });
    await expectReconciled(api);
  });
});
