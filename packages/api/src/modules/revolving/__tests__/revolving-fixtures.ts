import { expect } from 'vitest';
import type { TestApi } from '../../../../test/harness.js';
import { insertCustomer, type CustomerFixture } from '../../../../test/fixtures.js';
import type { Viewer } from '../../auth/viewer.js';
import { key } from '../../purchases/__tests__/money-helpers.js';

/**
 * Give an account the history the revolving policy asks for: grade A and a paid-off plan of six
 * installments each paid five days before its due date (all due in the past). Nothing else
 * changes, so reconcile stays clean (a paid-off plan owes nothing).
 */
export async function giveGoodHistory(api: TestApi, accountId: string): Promise<void> {
  await api.sql(`update credit_accounts set grade = 'A' where id = ?`, [accountId]);
  const [p] = await api.sql<{ id: string; customer_id: string }>(
    `insert into purchases (account_id, customer_id, amount_fen, category, merchant, status)
     select id, customer_id, 60000, 'DIGITAL', 'history', 'CAPTURED' from credit_accounts where id = ? returning id, customer_id`,
    [accountId],
  );
  const [plan] = await api.sql<{ id: string }>(
    `insert into installment_plans (purchase_id, account_id, customer_id, term, principal_fen, fee_rate_bp, total_fee_fen, apr_bp, status)
     values (?, ?, ?, 'M6', 60000, 0, 0, 0, 'PAID_OFF') returning id`,
    [p!.id, accountId, p!.customer_id],
  );
  for (let i = 1; i <= 6; i++)
    await api.sql(
      `insert into schedule_lines (plan_id, account_id, customer_id, seq, due_date, principal_fen, fee_fen, paid_principal_fen, status, paid_at)
       values (?, ?, ?, ?, current_date - make_interval(months => ?), 10000, 0, 10000, 'PAID', current_date - make_interval(months => ?) - interval '5 days')`,
      [plan!.id, accountId, p!.customer_id, i, 7 - i, 7 - i],
    );
}

/** A new customer with a good history, offered a revolving line by `staff` and accepted by `partner`. */
export async function revolvingCustomer(
  api: TestApi,
  staff: Viewer,
  partner: Viewer,
  baseLimitFen = 2_000_000,
): Promise<CustomerFixture> {
  const c = await insertCustomer(api, { baseLimitFen });
  await giveGoodHistory(api, c.accountId);
  const o = await api.app.services.revolving.offer(api.orm.em.fork(), staff, {
    accountId: c.accountId,
    idempotencyKey: key(),
  });
  expect(o.ok, JSON.stringify(o)).toBe(true);
  const a = await api.app.services.revolving.accept(api.orm.em.fork(), partner, {
    accountId: c.accountId,
    idempotencyKey: key(),
  });
  expect(a.ok, JSON.stringify(a)).toBe(true);
  return c;
}

/** Authorize and capture without a term: a revolving purchase. Returns its id. */
export async function buyOnRevolving(
  api: TestApi,
  partner: Viewer,
  accountId: string,
  amountFen: number,
): Promise<string> {
  const a = await api.app.services.purchases.authorize(api.orm.em.fork(), partner, {
    accountId,
    amountFen,
    category: 'DIGITAL',
    merchant: 'card',
    idempotencyKey: key(),
  });
  expect(a.ok && a.value.status).toBe('HELD');
  const purchaseId = a.ok ? a.value.purchaseId : '';
  const c = await api.app.services.purchases.capture(api.orm.em.fork(), partner, {
    purchaseId,
    idempotencyKey: key(),
  });
  expect(c.ok, JSON.stringify(c)).toBe(true);
  return purchaseId;
}

export const isoPlus = (days: number, from = new Date()) => {
  const d = new Date(from);
  d.setUTCDate(d.getUTCDate() + days);
  return d;
};
