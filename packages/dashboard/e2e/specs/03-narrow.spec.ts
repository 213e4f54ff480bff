import { expect, test } from '@playwright/test';
import { apiToken, demoLogin, findDemoCustomer, lookUp, screenshot, signIn } from './support';

test.use({ viewport: { width: 400, height: 800 } });

test('pages fit a narrow window without sideways scrolling', async ({ page, request }) => {
  const agent = await demoLogin(request, 'AGENT');
  await signIn(page, agent);
  const fits = () =>
    page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
  expect(await fits()).toBe(true);
  await screenshot(page, 'narrow-lookup');

  const customer = await findDemoCustomer(request, await apiToken(request, agent), 'ANY');
  await lookUp(page, customer.account!.accountNumber, customer.name);
  await expect(page.getByTestId('why-this-limit')).toBeVisible();
  expect(await fits()).toBe(true);
  await screenshot(page, 'narrow-customer');
});
