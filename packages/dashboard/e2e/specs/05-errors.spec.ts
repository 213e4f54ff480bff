import { expect, test } from '@playwright/test';
import { demoLogin, signIn } from './support';

/** Whatever goes wrong, the agent reads a plain sentence in their language, never the raw error. */
test('network and server failures show friendly messages, not raw error text', async ({
  page,
  request,
}) => {
  await signIn(page, await demoLogin(request, 'AGENT'));
  const box = page.getByRole('combobox', { name: /手机号|Phone/ });

  await page.route('**/graphql', (route) => route.abort('connectionrefused'));
  await box.fill('王');
  await expect(page.getByRole('alert')).toHaveText(/无法连接服务，请检查网络后重试。/);

  await page.unroute('**/graphql');
  await page.route('**/graphql', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        data: null,
        errors: [
          {
            message: 'error: relation "customers" does not exist at Parser.parseErrorMessage',
            extensions: { code: 'INTERNAL_SERVER_ERROR' },
          },
        ],
      }),
    }),
  );
  await box.fill('李');
  await expect(page.getByRole('alert')).toHaveText(/系统出现问题，请稍后重试。/);
  await expect(page.getByText(/relation|Parser/)).toHaveCount(0);

  // A token the API rejects signs the agent out.
  await page.unroute('**/graphql');
  await page.route('**/graphql', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        data: null,
        errors: [{ message: 'jwt expired', extensions: { code: 'UNAUTHENTICATED' } }],
      }),
    }),
  );
  await box.fill('张');
  await expect(page).toHaveURL(/\/sign-in$/);
});
