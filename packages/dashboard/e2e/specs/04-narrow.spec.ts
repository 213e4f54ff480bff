import { expect, test } from '@playwright/test';
import { apiToken, demoLogin, findDemoCustomer, lookUp, screenshot, signIn } from './support';

test.use({ viewport: { width: 400, height: 800 } });

test('pages fit a narrow window without sideways scrolling', async ({ page, request }) => {
  const supervisor = await demoLogin(request, 'SUPERVISOR');
  await signIn(page, supervisor);
  const fits = () =>
    page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
  expect(await fits()).toBe(true);
  await screenshot(page, 'narrow-lookup');

  const customer = await findDemoCustomer(request, await apiToken(request, supervisor), 'ANY');
  await lookUp(page, customer.account!.accountNumber, customer.name);
  await expect(page.getByTestId('why-this-limit')).toBeVisible();
  expect(await fits()).toBe(true);
  await screenshot(page, 'narrow-customer');

  await page.getByRole('tab', { name: '额度恢复申请' }).click();
  await page.getByRole('link', { name: '提交额度恢复申请' }).click();
  await expect(page.getByRole('heading', { name: '提交额度恢复申请' })).toBeVisible();
  expect(await fits()).toBe(true);
  await screenshot(page, 'narrow-recovery-form');

  // The navigation is behind the menu button on a narrow screen.
  await page.getByRole('button', { name: '菜单' }).click();
  await page.getByRole('link', { name: '审核队列' }).click();
  await expect(page.getByRole('heading', { name: '审核队列' })).toBeVisible();
  expect(await fits()).toBe(true);
  await screenshot(page, 'narrow-queue');
});
