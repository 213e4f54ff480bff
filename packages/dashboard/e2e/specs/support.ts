import { expect, type APIRequestContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const screenshotDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../screenshots');

/**
 * The demo partner app's API key, as the API prints it at start (a fixed
 * demo value, like the demo logins; defined in packages/api/src/modules/auth/demo-logins.ts).
 */
export const DEMO_PARTNER_KEY = 'pk_demo_checkout.sk_demo_checkout_2026_not_for_production';

/** POST a GraphQL operation to the API under test (for setup and discovery, not for assertions about the UI). */
export async function gql<T>(
  request: APIRequestContext,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await request.post('/graphql', {
    data: { query, variables },
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length)
    throw new Error(`GraphQL: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data as T;
}

export interface DemoLogin {
  username: string;
  password: string;
  role: string;
}

export async function demoLogin(
  request: APIRequestContext,
  role: 'AGENT' | 'SUPERVISOR' | 'RISK_ADMIN',
): Promise<DemoLogin> {
  const data = await gql<{ demoLogins: DemoLogin[] }>(
    request,
    '{ demoLogins { username password role } }',
  );
  const login = data.demoLogins.find((l) => l.role === role);
  if (!login) throw new Error(`the API lists no demo login with role ${role}`);
  return login;
}

export async function apiToken(request: APIRequestContext, login: DemoLogin): Promise<string> {
  const data = await gql<{ signIn: { token: string | null } }>(
    request,
    'mutation($input: SignInInput!) { signIn(input: $input) { token } }',
    { input: { username: login.username, password: login.password } },
  );
  if (!data.signIn.token) throw new Error(`demo login ${login.username} was refused`);
  return data.signIn.token;
}

/**
 * A session for `login` placed in the page's sessionStorage before any script runs (as the sign-in
 * page would leave it): for specs that look at pages, not at signing in.
 */
export async function startSession(
  page: Page,
  request: APIRequestContext,
  login: DemoLogin,
): Promise<void> {
  const token = await apiToken(request, login);
  const me = await gql<{ me: { id: string; username: string; displayName: string; role: string } }>(
    request,
    '{ me { id username displayName role } }',
    {},
    token,
  );
  await page.addInitScript(
    (session) => sessionStorage.setItem('creditline.session', session),
    JSON.stringify({ token, agent: me.me }),
  );
}

/** Sign in through the UI, the way an agent does. */
export async function signIn(page: Page, login: DemoLogin): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(/用户名|Username/).fill(login.username);
  await page.getByLabel(/密码|Password/).fill(login.password);
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
  await expect(page.getByRole('combobox', { name: /手机号|Phone/ })).toBeVisible();
}

/** No serious or critical accessibility violations (WCAG 2.x A and AA rules). */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  // A dialog fades in (Mantine's transitions): colours read mid-fade are blends that fail the
  // contrast rule by chance, so wait until no animation or transition is running.
  // (Endless ones, such as a loader's spin, are not waited for.)
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every(
            (a) =>
              a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity,
          ),
      undefined,
      { timeout: 5000 },
    )
    .catch(() => undefined);
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help} — ` +
      v.nodes
        .slice(0, 5)
        .map((n) => `${n.target.join(' ')} (${n.any[0]?.message ?? n.failureSummary ?? ''})`)
        .join(', '),
  );
  expect(summary, `axe violations on ${name}`).toEqual([]);
}

/** Full-page screenshots for people to look at; the folder is gitignored. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

export interface DemoCustomer {
  id: string;
  name: string;
  account: {
    accountNumber: string;
    status: string;
    frozenCause: string | null;
    overdue: { isOverdue: boolean };
  } | null;
}

/**
 * A demo customer with a credit account, found through the API. An account frozen for an overdue
 * is preferred (it makes an UNFREEZE request meaningful; a risk-alert freeze is lifted by a risk
 * admin, not by a recovery request). E2E_CUSTOMER_SEARCH pins the search text.
 */
export async function findDemoCustomer(
  request: APIRequestContext,
  token: string,
  prefer: 'FROZEN' | 'ANY' = 'FROZEN',
): Promise<DemoCustomer> {
  const pinned = process.env.E2E_CUSTOMER_SEARCH;
  const searches = pinned
    ? [pinned]
    : [
        '王',
        '李',
        '张',
        '刘',
        '陈',
        '杨',
        '赵',
        '黄',
        '周',
        '吴',
        '徐',
        '孙',
        '胡',
        '朱',
        '高',
        '林',
        '何',
        '郭',
        '马',
        '罗',
      ];
  const candidates: DemoCustomer[] = [];
  for (const search of searches) {
    const data = await gql<{ customers: { edges: { node: DemoCustomer }[] } }>(
      request,
      'query($s: String!) { customers(search: $s, first: 50) { edges { node { id name account { accountNumber status frozenCause overdue { isOverdue } } } } } }',
      { s: search },
      token,
    );
    candidates.push(...data.customers.edges.map((e) => e.node).filter((c) => c.account));
    // Frozen for an overdue that has since been repaid: an UNFREEZE request then goes to a
    // supervisor (one still overdue is rejected by the automatic review).
    const frozen = candidates.find(
      (c) =>
        c.account?.status === 'FROZEN' &&
        c.account.frozenCause === 'OVERDUE' &&
        !c.account.overdue.isOverdue,
    );
    if (frozen) return frozen;
    if (prefer === 'ANY' && candidates.length) return candidates[0];
  }
  const active = candidates.find((c) => c.account?.status === 'ACTIVE');
  if (active) return active;
  throw new Error(
    'no demo customer with a credit account was found; is the demo population seeded?',
  );
}

/** Look a customer up through the search box and open them with the keyboard. */
export async function lookUp(
  page: Page,
  search: string,
  name: string,
  shot?: string,
): Promise<void> {
  await page.goto('/');
  const box = page.getByRole('combobox', { name: /手机号|Phone/ });
  await box.fill(search);
  await expect(page.getByRole('option').first()).toContainText(name);
  if (shot) {
    await expectAccessible(page, 'lookup results');
    await screenshot(page, shot);
  }
  await box.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}
