import { expect, test, type Page } from '@playwright/test';
import {
  apiToken,
  demoLogin,
  expectAccessible,
  gql,
  startSession,
  type DemoLogin,
} from './support';

/**
 * Every page, tab and dialog in both languages (the risk admin's pages too): no text that looks like a code
 * (`LIMIT_CHANGED`, `AGENT:2`), no raw JSON, no English sentence in the Chinese interface; and
 * axe finds no serious or critical problem. Names, addresses and what agents typed are data, not
 * interface text, and are not checked for language.
 */
const CODE = /\b[A-Z]{2,}(_[A-Z0-9]+)+\b|\b(AGENT|SYSTEM|PARTNER):\d+|[{}]/;
// Four or more English words in a row: a sentence, not a brand or an abbreviation.
const ENGLISH_SENTENCE = /\b[A-Za-z]{2,}(?:[ ,]+[A-Za-z]{2,}){3,}\b/;
// Five or more Chinese characters in a row: a phrase, not a name (names are 2 to 4).
const CHINESE_PHRASE = /[\u4e00-\u9fff]{5,}/;

async function visibleText(page: Page): Promise<string> {
  // Interface text only: skip data marked as such (customer names, merchants, typed free text).
  return page.evaluate(() => {
    const root = document.body.cloneNode(true) as HTMLElement;
    root.querySelectorAll('script, style, [data-free-text], [hidden]').forEach((n) => n.remove());
    // Text marked as another language on purpose (the language switch's 中文 / English).
    const lang = document.documentElement.lang;
    root.querySelectorAll('[lang]').forEach((n) => {
      if (n.getAttribute('lang') !== lang) n.remove();
    });
    return root.innerText;
  });
}

async function check(page: Page, lang: 'zh-CN' | 'en', where: string) {
  await page.waitForLoadState('networkidle');
  const text = await visibleText(page);
  const code = CODE.exec(text);
  expect(
    code?.[0],
    `code-like text on ${where} (${lang}): …${text.slice(Math.max(0, (code?.index ?? 0) - 40), (code?.index ?? 0) + 40)}…`,
  ).toBeUndefined();
  if (lang === 'zh-CN') {
    const en = ENGLISH_SENTENCE.exec(text);
    expect(en?.[0], `English sentence in 中文 on ${where}`).toBeUndefined();
  } else {
    const zh = CHINESE_PHRASE.exec(text);
    expect(zh?.[0], `Chinese text in English on ${where}`).toBeUndefined();
  }
  await expectAccessible(page, `${where} (${lang})`);
}

// Each test looks at several pages, each with axe: slow on a loaded machine.
test.describe.configure({ timeout: 240_000 });

let supervisor: DemoLogin;
let risk: DemoLogin;
let customerId: string;
let requestId: string | null = null;

test.beforeAll(async ({ request }) => {
  supervisor = await demoLogin(request, 'SUPERVISOR');
  risk = await demoLogin(request, 'RISK_ADMIN');
  const token = await apiToken(request, supervisor);
  const data = await gql<{
    recoveryQueue: { edges: { node: { id: string; customer: { id: string } } }[] };
  }>(request, '{ recoveryQueue(first: 5) { edges { node { id customer { id } } } } }', {}, token);
  const first = data.recoveryQueue.edges[0]?.node;
  if (first) {
    requestId = first.id;
    customerId = first.customer.id;
  } else {
    const c = await gql<{ customers: { edges: { node: { id: string } }[] } }>(
      request,
      '{ customers(search: "王", first: 1) { edges { node { id } } } }',
      {},
      token,
    );
    customerId = c.customers.edges[0]!.node.id;
  }
});

const closeDialog = (page: Page) =>
  page.getByRole('button', { name: /关闭对话框|Close dialog/ }).click();

async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
}

for (const lang of ['zh-CN', 'en'] as const) {
  test.describe(lang, () => {
    test.beforeEach(async ({ page }) => {
      await page.addInitScript((l) => localStorage.setItem('creditline.language', l), lang);
    });

    test('sign-in and lookup', async ({ page }) => {
      await page.goto('/sign-in');
      await check(page, lang, 'sign-in');
      await page.getByLabel(/用户名|Username/).fill(supervisor.username);
      await page.getByRole('textbox', { name: /密码|Password/ }).fill(supervisor.password);
      await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
      const box = page.getByRole('combobox', { name: /手机号|Phone/ });
      await expect(box).toBeVisible();
      await box.fill('王');
      await expect(page.getByRole('option').first()).toBeVisible();
      await check(page, lang, 'lookup');
    });

    test('every customer tab', async ({ page, request }) => {
      await startSession(page, request, supervisor);
      const tabs = [
        'overview',
        'timeline',
        'history',
        'purchases',
        'plans',
        'repayments',
        'notices',
        'audit',
        'recovery',
      ];
      for (const tab of tabs) {
        await open(page, `/customers/${encodeURIComponent(customerId)}?tab=${tab}`);
        await check(page, lang, `customer ${tab}`);
      }
    });

    test('customer dialogs: explain a past decision, reveal personal data', async ({
      page,
      request,
    }) => {
      await startSession(page, request, supervisor);
      await open(page, `/customers/${encodeURIComponent(customerId)}?tab=timeline`);
      const explain = page
        .getByRole('button', { name: /解释这次决策|Explain this decision/ })
        .first();
      if (await explain.count()) {
        await explain.click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await check(page, lang, 'explanation dialog');
        await closeDialog(page);
      }
      await open(page, `/customers/${encodeURIComponent(customerId)}?tab=overview`);
      await page.getByRole('button', { name: /查看完整信息|Reveal in full/ }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await check(page, lang, 'reveal dialog');
      await closeDialog(page);
    });

    test('recovery form, queue, request page and approve dialog', async ({ page, request }) => {
      await startSession(page, request, supervisor);
      await open(page, `/customers/${encodeURIComponent(customerId)}/recovery-requests/new`);
      await check(page, lang, 'recovery form');
      await open(page, '/queue');
      await check(page, lang, 'queue');
      if (requestId) {
        await page.goto(`/recovery-requests/${encodeURIComponent(requestId)}`);
        await expect(page.getByTestId('recovery-timeline')).toBeVisible();
        await check(page, lang, 'recovery request');
        await page
          .getByRole('button', { name: /^(通过|Approve)$/ })
          .first()
          .click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await check(page, lang, 'approve dialog');
        await closeDialog(page);
      }
    });

    test('risk admin: partner apps and keys, with every dialog', async ({ page, request }) => {
      await startSession(page, request, risk);
      await open(page, '/admin/partners');
      await expect(page.getByTestId('partner-app').first()).toBeVisible();
      await check(page, lang, 'partner apps');
      await page.getByRole('button', { name: /登记合作方应用|Register a partner app/ }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await check(page, lang, 'register app dialog');
      await closeDialog(page);
      await page
        .getByRole('button', { name: /再签发一个密钥|Issue another key/ })
        .first()
        .click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await check(page, lang, 'issue key dialog');
      await closeDialog(page);
      await page
        .getByRole('button', { name: /^(轮换密钥|Rotate key) / })
        .first()
        .click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await check(page, lang, 'rotate key dialog');
      await closeDialog(page);
      await page
        .getByRole('button', { name: /^(吊销密钥|Revoke key) / })
        .first()
        .click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await check(page, lang, 'revoke key dialog');
      await closeDialog(page);
    });

    test('risk admin: stress tests and promotions', async ({ page, request }) => {
      await startSession(page, request, risk);
      await open(page, '/admin/stress-tests');
      await check(page, lang, 'stress tests (none or stored)');
      await page
        .getByRole('button', { name: /对当前资产组合运行|Run on the live portfolio/ })
        .click();
      await expect(page.getByTestId('stress-result')).toBeVisible({ timeout: 60_000 });
      await check(page, lang, 'stress test result');
      await open(page, '/admin/promotions');
      await check(page, lang, 'promotions');
      // A promotion that starts in an hour (grants nothing yet), then its cancel dialog.
      await page
        .getByLabel(/^(名称|Name)/)
        .first()
        .fill(lang === 'en' ? 'Spring sale' : '春季促销');
      await page.getByRole('button', { name: /^(创建活动|Create promotion)$/ }).click();
      await expect(page.getByTestId('promotion-created')).toBeVisible();
      await expect(page.getByTestId('promotion-row').first()).toBeVisible();
      await check(page, lang, 'promotions with a new one');
      await page
        .getByRole('button', { name: /^(取消活动|Cancel promotion) / })
        .first()
        .click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await check(page, lang, 'cancel promotion dialog');
      await closeDialog(page);
    });

    test('risk admin: category limits and background jobs', async ({ page, request }) => {
      await startSession(page, request, risk);
      await open(page, '/admin/category-limits');
      await check(page, lang, 'category limits');
      // Without a segment: the page says what is missing, in words.
      await page.getByRole('button', { name: /^(设置专项额度|Set category limit)$/ }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      await check(page, lang, 'category limits, nothing chosen');
      await page
        .getByLabel(/^(信用等级|Credit grade)/)
        .first()
        .click();
      await page.getByRole('option', { name: /^(E 级|等级 E|Grade E)$/ }).click();
      await page.getByRole('button', { name: /^(设置专项额度|Set category limit)$/ }).click();
      await expect(page.getByTestId('category-limit-done')).toBeVisible();
      await check(page, lang, 'category limit set');
      await open(page, '/admin/jobs');
      await expect(page.getByTestId('job-schedule').first()).toBeVisible();
      await check(page, lang, 'background jobs');
      await page
        .getByRole('button', {
          name: /^(立即运行：清理幂等记录|Run now: Clean up idempotency records)$/,
        })
        .click();
      await expect(
        page.getByText(/已安排立即运行|已在等待运行|will run now|already waiting/),
      ).toBeVisible();
      await check(page, lang, 'background jobs, run now');
    });
  });
}
