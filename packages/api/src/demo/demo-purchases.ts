import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { createServices } from '../graphql/services.js';
import { DEMO_PARTNER } from '../modules/auth/demo-logins.js';
import type { Viewer } from '../modules/auth/viewer.js';
import { TERMS } from '../modules/plans/pricing.js';
import { defaultPolicy } from '@creditline/scoring';

const CATEGORIES = ['ELECTRONICS', 'APPAREL', 'HOME', 'DIGITAL', 'GROCERIES'];

/**
 * The demo partner checkout's recent history on the first demo accounts, made through the real
 * money path (so it reconciles like everything else): purchases captured into 3-, 6- and
 * 12-month plans (some with a first repayment), live holds, and a few large purchases waiting
 * for a supervisor. Without it the dashboard's plans and the purchase review queue would be
 * empty until a partner made a purchase. Once the demo partner has purchases, it does nothing.
 */
export async function ensureDemoPurchases(
  orm: MikroORM,
  config: Config,
  logger: Logger,
  accounts = 40,
): Promise<{ plans: number; held: number; review: number }> {
  const services = createServices(config, logger, orm);
  const em = orm.em.fork();
  const [partner] = await em.execute<{ id: string }[]>(
    `select partner_app_id::text as id from partner_api_keys where key_id = ?`,
    [DEMO_PARTNER.keyId],
  );
  if (!partner) return { plans: 0, held: 0, review: 0 };
  const [made] = await em.execute<{ n: string }[]>(
    `select count(*)::text as n from purchases where partner_app_id = ?`,
    [partner.id],
  );
  if (Number(made!.n) > 0) return { plans: 0, held: 0, review: 0 };
  const viewer: Viewer = {
    kind: 'partner',
    id: partner.id,
    name: DEMO_PARTNER.name,
    scopes: DEMO_PARTNER.scopes,
  };
  // Everyday purchases stay below the amounts the fraud rules look at (1,000 yuan and up).
  const small = await em.execute<{ id: string; available: string }[]>(
    `select a.id::text as id, (a.base_limit_fen - a.used_fen)::text as available from credit_accounts a
      where a.status = 'ACTIVE' and a.base_limit_fen - a.used_fen >= 200000
        and exists (select 1 from partner_links l where l.customer_id = a.customer_id and l.partner_app_id = ? and l.status = 'ACTIVE')
      order by a.id limit ?`,
    [partner.id, accounts],
  );
  const threshold = defaultPolicy.manualReviewThresholdFen;
  const large = await em.execute<{ id: string }[]>(
    `select a.id::text as id from credit_accounts a
      where a.status = 'ACTIVE' and a.base_limit_fen - a.used_fen >= ? and a.id <> all(?::bigint[])
        and exists (select 1 from partner_links l where l.customer_id = a.customer_id and l.partner_app_id = ? and l.status = 'ACTIVE')
      order by a.id limit 3`,
    [threshold, `{${small.map((a) => a.id).join(',')}}`, partner.id],
  );
  const counts = { plans: 0, held: 0, review: 0 };
  const authorize = (accountId: string, amountFen: number, category: string) =>
    services.purchases.authorize(em.fork(), viewer, {
      accountId,
      amountFen,
      category,
      merchant: '京东 demo checkout',
      idempotencyKey: `demo-authorize-${accountId}`,
    });

  for (const [i, a] of small.entries()) {
    // 200–990 yuan, in whole yuan
    const amountFen = (200 + ((i * 137) % 80) * 10) * 100;
    const r = await authorize(a.id, amountFen, CATEGORIES[i % CATEGORIES.length]!);
    if (!r.ok || r.value.status !== 'HELD') continue;
    if (i % 4 === 3) {
      counts.held++;
      continue;
    }
    const term = TERMS[i % 3]!;
    const captured = await services.purchases.capture(
      em.fork(),
      viewer,
      {
        purchaseId: r.value.purchaseId,
        idempotencyKey: `demo-capture-${a.id}`,
        term,
        couponCode: null,
      },
      (tem, purchaseId) =>
        services.plans.createForPurchase(tem, viewer, { purchaseId, term, couponCode: null }),
    );
    if (!captured.ok) continue;
    counts.plans++;
    if (i % 2 === 0)
      await services.repayments.record(em.fork(), viewer, {
        accountId: a.id,
        amountFen: 10_000,
        idempotencyKey: `demo-repay-${a.id}`,
        payment: { reference: `demo-pay-${a.id}`, channel: 'ALIPAY' },
      });
  }
  for (const a of large) {
    const r = await authorize(a.id, threshold, 'ELECTRONICS');
    if (r.ok && r.value.status === 'PENDING_REVIEW') counts.review++;
  }
  // Few accounts can fit a purchase at the review threshold: the queue is filled up with
  // purchases from a device never seen for the customer (the new-device rule sends them to review).
  if (counts.review < 3) {
    const taken = [...small, ...large].map((a) => a.id);
    const more = await em.execute<{ id: string }[]>(
      `select a.id::text as id from credit_accounts a
        where a.status = 'ACTIVE' and a.base_limit_fen - a.used_fen >= 300000 and a.id <> all(?::bigint[])
          and exists (select 1 from partner_links l where l.customer_id = a.customer_id and l.partner_app_id = ? and l.status = 'ACTIVE')
        order by a.id limit ?`,
      [`{${taken.join(',')}}`, partner.id, 3 - counts.review],
    );
    for (const a of more) {
      const r = await services.purchases.authorize(em.fork(), viewer, {
        accountId: a.id,
        amountFen: 250_000,
        category: 'ELECTRONICS',
        merchant: '京东 demo checkout',
        deviceId: `demo-new-device-${a.id}`,
        idempotencyKey: `demo-authorize-${a.id}`,
      });
      if (r.ok && r.value.status === 'PENDING_REVIEW') counts.review++;
    }
  }
  return counts;
}
