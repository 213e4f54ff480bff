import { expect, test } from '@playwright/test';
import {
  DEMO_PARTNER_KEY,
  apiToken,
  demoLogin,
  expectAccessible,
  gql,
  screenshot,
  signIn,
  type DemoLogin,
} from './support';

/**
 * Purchases waiting for manual review (人工审核): the demo partner checkout sends two purchases
 * from a device the customers never used, which the anti-fraud rules route to a supervisor; the
 * supervisor approves one and rejects the other from the queue.
 */
test.describe.configure({ mode: 'serial' });

let supervisor: DemoLogin;
const pending: { id: string; customer: string; customerId: string }[] = [];
const partner = { 'x-api-key': DEMO_PARTNER_KEY };

interface Found {
  id: string;
  name: string;
  account: { id: string; status: string; availableLimit: { amount: string } } | null;
}

/**
 * The demo checkout acts only for customers who linked it: those whose number is not a multiple
 * of 3 (docs/partners.md). A global id is base64url("Customer:<n>").
 */
function linkedToDemoPartner(globalId: string): boolean {
  const n = Number(Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]);
  return n % 3 !== 0;
}

test.beforeAll(async ({ request }) => {
  supervisor = await demoLogin(request, 'SUPERVISOR');
  const token = await apiToken(request, await demoLogin(request, 'AGENT'));
  const accounts: Found[] = [];
  for (const search of ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴']) {
    const data = await gql<{ customers: { edges: { node: Found }[] } }>(
      request,
      'query($s: String!) { customers(search: $s, first: 50) { edges { node { id name account { id status availableLimit { amount } } } } } }',
      { s: search },
      token,
    );
    accounts.push(
      ...data.customers.edges
        .map((e) => e.node)
        .filter(
          (c) =>
            c.account?.status === 'ACTIVE' &&
            Number(c.account.availableLimit.amount) >= 2500 &&
            linkedToDemoPartner(c.id),
        ),
    );
    if (accounts.length >= 2) break;
  }
  expect(
    accounts.length,
    'two ACTIVE demo accounts with 2,500 yuan available',
  ).toBeGreaterThanOrEqual(2);
  const run = Date.now().toString(36);
  for (const [i, c] of accounts.slice(0, 2).entries()) {
    const data = await gql<{
      authorizePurchase: { decision: string; reasons: string[]; purchase: { id: string } };
    }>(
      request,
      'mutation($input: AuthorizePurchaseInput!) { authorizePurchase(input: $input) { decision reasons purchase { id } } }',
      {
        input: {
          accountId: c.account!.id,
          amount: '2000.00',
          category: 'ELECTRONICS',
          merchant: 'E2E 数码旗舰店',
          deviceId: `e2e-unknown-device-${run}-${i}`,
          idempotencyKey: `e2e-review-${run}-${i}`,
        },
      },
      undefined,
      partner,
    );
    expect(data.authorizePurchase.decision).toBe('PENDING_REVIEW');
    expect(data.authorizePurchase.reasons).toContain('RISK_RULE_NEW_DEVICE');
    pending.push({ id: data.authorizePurchase.purchase.id, customer: c.name, customerId: c.id });
  }
});

test('a supervisor approves one purchase and rejects another from the queue', async ({ page }) => {
  await signIn(page, supervisor);
  await page.getByRole('link', { name: '审核队列' }).click();
  await page.getByRole('tab', { name: '待人工审核的消费' }).click();
  const [first, second] = pending.map((p) => page.locator(`tr[data-purchase-id="${p.id}"]`));
  await expect(first!).toBeVisible();
  await expect(first!.getByText('新设备')).toBeVisible();
  await expectAccessible(page, 'purchase queue');
  await screenshot(page, 'purchase-queue');

  await first!.getByRole('button', { name: '通过' }).click();
  let dialog = page.getByRole('dialog', { name: '通过消费' });
  await dialog.getByLabel(/审核意见/).fill('已电话联系客户本人，确认为本人新手机下单。');
  await dialog.getByRole('button', { name: '通过' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: '已通过：该笔金额已在客户额度上冻结。' }),
  ).toBeVisible();
  await expect(first!).toHaveCount(0);

  await second!.getByRole('button', { name: '拒绝' }).click();
  dialog = page.getByRole('dialog', { name: '拒绝消费' });
  await dialog.getByLabel(/审核意见/).fill('无法联系到客户本人，设备可疑，拒绝。');
  await dialog.getByRole('button', { name: '拒绝' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: '已拒绝：客户额度不受影响。' }),
  ).toBeVisible();
  await expect(second!).toHaveCount(0);
});

test("the customer's purchases show the approved one held, until when, and the rejected one", async ({
  page,
}) => {
  await signIn(page, supervisor);
  const [approved, rejected] = pending;
  await page.goto(`/customers/${encodeURIComponent(approved!.customerId)}?tab=purchases`);
  const row = page.locator(`tr[data-purchase-id="${approved!.id}"]`);
  await expect(row.getByText('冻结中')).toBeVisible();
  await expect(row.getByText(/^冻结至 .*未确认则自动释放$/)).toBeVisible();
  await expect(row.getByText('电子电器')).toBeVisible();
  await expect(page.getByTestId('used-breakdown')).toContainText('消费冻结');
  await expectAccessible(page, 'customer purchases');
  await screenshot(page, 'customer-purchases');

  await page.goto(`/customers/${encodeURIComponent(rejected!.customerId)}?tab=purchases`);
  const other = page.locator(`tr[data-purchase-id="${rejected!.id}"]`);
  await expect(other.getByText('审核拒绝')).toBeVisible();
  await expect(other.getByText('人工审核未通过')).toBeVisible();
});
