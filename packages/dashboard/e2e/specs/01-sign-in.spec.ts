import { expect, test } from '@playwright/test';
import { demoLogin, expectAccessible, screenshot, signIn } from './support';

test('the sign-in page lists the demo logins and refuses a wrong password in plain words', async ({
  page,
  request,
}) => {
  const agent = await demoLogin(request, 'AGENT');
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await expect(page.getByText(`${agent.username} / ${agent.password}`)).toBeVisible();
  await expectAccessible(page, 'sign-in');
  await screenshot(page, 'sign-in');

  await page.getByLabel('用户名').fill(agent.username);
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toHaveText('用户名或密码不正确。');
});

test('an agent signs in, switches to English and back, and signs out', async ({
  page,
  request,
}) => {
  const agent = await demoLogin(request, 'AGENT');
  await signIn(page, agent);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { name: '客户查询' })).toBeVisible();
  await expectAccessible(page, 'lookup');
  await screenshot(page, 'lookup');

  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Customer lookup' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByText('中文', { exact: true }).click();
  await expect(page.getByRole('heading', { name: '客户查询' })).toBeVisible();

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
});
