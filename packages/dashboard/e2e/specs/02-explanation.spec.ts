import { expect, test } from '@playwright/test';
import {
  apiToken,
  demoLogin,
  expectAccessible,
  findDemoCustomer,
  lookUp,
  screenshot,
  signIn,
} from './support';

/** "Why is my limit this?": the agent finds the customer and reads the explanation. */
test('an agent looks the customer up and reads why the limit is what it is', async ({
  page,
  request,
}) => {
  const agent = await demoLogin(request, 'AGENT');
  const customer = await findDemoCustomer(request, await apiToken(request, agent), 'ANY');
  await signIn(page, agent);
  await lookUp(page, customer.account!.accountNumber, customer.name, 'lookup-results');
  await expect(page.getByText(/\*{4}/).first()).toBeVisible(); // masked phone
  await expect(page.getByRole('button', { name: '查看完整信息' })).toHaveCount(0); // agents cannot reveal

  const why = page.getByTestId('why-this-limit');
  await expect(why.getByRole('heading', { name: '为什么是这个额度？' })).toBeVisible();
  await expect(why.getByTestId('explanation-headline')).not.toBeEmpty();
  await expect(why.getByRole('heading', { name: '主要原因' })).toBeVisible();
  await expect(why.locator('ol li').first()).toBeVisible();
  await expect(page.getByTestId('available-limit')).toContainText('¥');
  await expectAccessible(page, 'customer overview');
  await screenshot(page, 'customer-overview');

  await page.getByRole('tab', { name: '额度历史' }).click();
  await expect(page.getByTestId('decision-table')).toBeVisible();
  await expect(page.getByRole('img', { name: /额度变化图/ })).toBeVisible();
  await expectAccessible(page, 'limit history');
  await screenshot(page, 'customer-limit-history');

  // The same explanation in English, written by the API in that language.
  await page.getByText('English', { exact: true }).click();
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page.getByRole('heading', { name: 'Why this limit?' })).toBeVisible();
  await expect(page.getByTestId('explanation-headline')).not.toBeEmpty();
  await screenshot(page, 'customer-overview-en');
  await page.getByText('中文', { exact: true }).click();
});
