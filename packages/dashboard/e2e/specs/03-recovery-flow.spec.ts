import { expect, test } from '@playwright/test';
import {
  apiToken,
  demoLogin,
  expectAccessible,
  findDemoCustomer,
  lookUp,
  screenshot,
  signIn,
  type DemoCustomer,
  type DemoLogin,
} from './support';

/**
 * The "done when", second half: an agent files a recovery request; a supervisor
 * approves it; the change shows on the customer page. One story, so the steps run in order
 * and share the customer (a frozen one when the demo population has one).
 */
test.describe.configure({ mode: 'serial' });

let agent: DemoLogin;
let supervisor: DemoLogin;
let customer: DemoCustomer;
let requestUrl: string;

test.beforeAll(async ({ request }) => {
  agent = await demoLogin(request, 'AGENT');
  supervisor = await demoLogin(request, 'SUPERVISOR');
  customer = await findDemoCustomer(request, await apiToken(request, agent));
});

test('an agent files a recovery request, with validation first', async ({ page }) => {
  await signIn(page, agent);
  await lookUp(page, customer.account!.accountNumber, customer.name);
  await page.getByRole('tab', { name: '额度恢复申请' }).click();
  await page.getByRole('link', { name: '提交额度恢复申请' }).click();
  await expect(page.getByRole('heading', { name: '提交额度恢复申请' })).toBeVisible();

  const frozen = customer.account!.status === 'FROZEN';
  // A frozen account makes UNFREEZE the obvious type: it is chosen already.
  if (frozen) await expect(page.getByRole('radio', { name: '解冻账户' })).toBeChecked();
  await page.getByRole('button', { name: '提交申请' }).click();
  if (!frozen) await expect(page.getByText('请选择申请类型。')).toBeVisible();
  await expect(page.getByText('请用至少 10 个字说明原因。')).toBeVisible();
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
  await expect(page.getByText('notes.txt：只接受 PDF、JPEG 或 PNG 文件。')).toBeVisible();
  await page.getByRole('button', { name: '移除 notes.txt' }).click();
  await expectAccessible(page, 'recovery form');
  await screenshot(page, 'recovery-form');

  const type = frozen ? '解冻账户' : '提升额度';
  await page.getByRole('radio', { name: type }).check();
  await page.getByLabel(/^原因/).fill('客户已于上月结清全部逾期款项，收入稳定，申请恢复额度。');
  await page.locator('input[type=file]').setInputFiles({
    name: '工资流水.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.alloc(2048, 1),
  });
  await page.getByRole('button', { name: '提交申请' }).click();

  await expect(page.getByRole('heading', { name: /额度恢复申请 · / })).toBeVisible();
  await expect(page.getByTestId('recovery-timeline')).toContainText('已提交');
  requestUrl = new URL(page.url()).pathname;
  expect(requestUrl).toMatch(/^\/recovery-requests\//);
  await expectAccessible(page, 'recovery request');
  await screenshot(page, 'recovery-request');
});

test('a supervisor approves it from the queue and the limit change shows', async ({ page }) => {
  await signIn(page, supervisor);
  await page.getByRole('link', { name: '审核队列' }).click();
  await expect(page.getByRole('heading', { name: '审核队列' })).toBeVisible();
  const requestId = decodeURIComponent(requestUrl.split('/').pop()!);
  const row = page.locator(`[data-request-id="${requestId}"]`);
  await expect(row).toBeVisible();
  await expectAccessible(page, 'queue');
  await screenshot(page, 'queue');

  await row.getByRole('button', { name: '通过' }).click();
  const dialog = page.getByRole('dialog', { name: '通过额度恢复申请' });
  await dialog.getByRole('button', { name: '通过' }).click();
  await expect(dialog.getByText('请填写至少 5 个字的审核意见。')).toBeVisible();
  await dialog.getByLabel(/审核意见/).fill('还款记录良好，材料齐全，同意恢复。');
  await dialog.getByRole('button', { name: '通过' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已通过。' })).toBeVisible();
  await expect(row).toHaveCount(0);

  await page.goto(requestUrl);
  await expect(page.getByTestId('recovery-timeline')).toContainText(/已通过|已完成/);

  // The change shows on the customer page: a frozen account is active again, and the
  // newest decision in the limit history is the recovery.
  await lookUp(page, customer.account!.accountNumber, customer.name);
  if (customer.account!.status === 'FROZEN')
    await expect(
      page.locator('[aria-labelledby="customer-name"] [data-status]').first(),
    ).toHaveAttribute('data-status', 'ACTIVE');
  await page.getByRole('tab', { name: '额度历史' }).click();
  await expect(page.getByTestId('decision-table').locator('tbody tr').first()).toContainText(
    /额度恢复|解冻/,
  );
  await screenshot(page, 'customer-after-approval');

  // A supervisor can reveal personal data after confirming that it is audited.
  await page.getByRole('tab', { name: '概览' }).click();
  await page.getByRole('button', { name: '查看完整信息' }).click();
  const reveal = page.getByRole('dialog', { name: '查看完整个人信息' });
  await expect(reveal).toContainText('审计日志');
  await reveal.getByLabel(/查看原因/).fill('客户来电核实身份');
  await reveal.getByRole('button', { name: '查看并记录审计日志' }).click();
  await expect(page.getByText('已查看——此操作已记录在审计日志中。')).toBeVisible();
  await page.getByRole('tab', { name: '审计记录' }).click();
  await expect(page.getByRole('table')).toBeVisible();
  await expectAccessible(page, 'audit trail');
});
