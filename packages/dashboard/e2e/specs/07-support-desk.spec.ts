import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { apiToken, demoLogin, expectAccessible, gql, screenshot, type DemoLogin } from './support';

/**
 * Issue 15's journeys, in both languages: file each of the three request types with amounts;
 * approve with the amounts in view; the limit and the timeline change; a note is added and found
 * in the timeline; an expiring session warns, and after signing in again the agent is back on
 * the same page with what they typed.
 */
// Several pages and a sign-in per journey: slow on a loaded machine.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

interface Candidate {
  id: string;
  name: string;
  account: { accountNumber: string; status: string; recoveryTypesOffered: string[] } | null;
}

const T = {
  'zh-CN': {
    recoveryTab: '额度恢复申请',
    file: '提交额度恢复申请',
    submit: '提交申请',
    reason: /^原因/,
    requested: /^申请额度/,
    types: { UNFREEZE: '解冻账户', RESTORE_REDUCTION: '恢复被降低的额度', INCREASE: '提升额度' },
    approve: '通过',
    approveTitle: '通过额度恢复申请',
    decisionReason: /审核意见/,
    timelineTab: '时间线与备注',
    note: /^备注/,
    addNote: '添加备注',
    complaint: '投诉',
    ticket: /工单号/,
    historyTab: '额度历史',
    recoveryEntry: /额度恢复申请（解冻）/,
    signIn: /^登录$/,
    warning: '登录即将过期',
  },
  en: {
    recoveryTab: 'Recovery requests',
    file: 'File a recovery request',
    submit: 'File request',
    reason: /^Reason/,
    requested: /^Requested limit/,
    types: {
      UNFREEZE: 'Unfreeze the account',
      RESTORE_REDUCTION: 'Restore a reduced limit',
      INCREASE: 'Increase the limit',
    },
    approve: 'Approve',
    approveTitle: 'Approve recovery request',
    decisionReason: /Reason for the decision/,
    timelineTab: 'Timeline & notes',
    note: /^Note/,
    addNote: 'Add note',
    complaint: 'Complaint',
    ticket: /Ticket reference/,
    historyTab: 'Limit history',
    recoveryEntry: /Recovery request \(Unfreeze\)/,
    signIn: /^Sign in$/,
    warning: 'Your session ends soon',
  },
} as const;
type Lang = keyof typeof T;

let agent: DemoLogin;
let supervisor: DemoLogin;
let pool: Candidate[] = [];
const used = new Set<string>();

async function candidates(request: APIRequestContext, token: string): Promise<Candidate[]> {
  const out: Candidate[] = [];
  for (const s of ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙']) {
    const data = await gql<{ customers: { edges: { node: Candidate }[] } }>(
      request,
      'query($s: String!) { customers(search: $s, first: 100) { edges { node { id name account { accountNumber status recoveryTypesOffered } } } } }',
      { s },
      token,
    );
    out.push(...data.customers.edges.map((e) => e.node).filter((c) => c.account));
  }
  return out;
}

/** A customer not used by another journey, for whom `type` can be filed (the last ones: 03 takes the first frozen). */
function pick(type: string): Candidate {
  const c = [...pool]
    .reverse()
    .find((x) => !used.has(x.id) && x.account!.recoveryTypesOffered.includes(type));
  if (!c) throw new Error(`no demo customer can file ${type}`);
  used.add(c.id);
  return c;
}

async function signInAs(page: Page, login: DemoLogin, lang: Lang) {
  await page.addInitScript((l) => localStorage.setItem('creditline.language', l), lang);
  await page.goto('/sign-in');
  await page.getByLabel(/用户名|Username/).fill(login.username);
  await page.getByLabel(/密码|Password/).fill(login.password);
  await page.getByRole('button', { name: T[lang].signIn }).click();
  await expect(page.getByRole('combobox', { name: /手机号|Phone/ })).toBeVisible();
}

test.beforeAll(async ({ request }) => {
  agent = await demoLogin(request, 'AGENT');
  supervisor = await demoLogin(request, 'SUPERVISOR');
  pool = await candidates(request, await apiToken(request, agent));
});

/** File a request through the form; returns the request page's path. */
async function file(
  page: Page,
  lang: Lang,
  c: Candidate,
  type: keyof (typeof T)['en']['types'],
  amount?: string,
) {
  const t = T[lang];
  await page.goto(`/customers/${encodeURIComponent(c.id)}/recovery-requests/new`);
  await expect(page.getByRole('heading', { name: t.file })).toBeVisible();
  await page.getByRole('radio', { name: t.types[type] }).check();
  if (amount) await page.getByLabel(t.requested).fill(amount);
  await page.getByLabel(t.reason).fill('客户来电说明情况，已核实还款记录，申请处理。');
  await page.locator('input[type=file]').setInputFiles({
    name: '收入证明.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.alloc(4096, 1),
  });
  await page.getByRole('button', { name: t.submit }).click();
  await expect(page.getByTestId('recovery-timeline')).toBeVisible();
  // Every request shows the current limit; an increase what was asked for.
  await expect(page.getByTestId('current-limit')).toContainText('¥');
  if (amount)
    await expect(page.getByTestId('requested-limit')).toContainText(
      Number(amount).toLocaleString('en-US'),
    );
  return new URL(page.url()).pathname;
}

for (const lang of ['zh-CN', 'en'] as const) {
  const t = T[lang];

  test(`${lang}: the three request types are filed with amounts; a supervisor approves with the amounts in view`, async ({
    page,
  }) => {
    await signInAs(page, agent, lang);
    const increase = pick('INCREASE');
    await file(page, lang, increase, 'INCREASE', '48000');
    const restore = pool.find(
      (x) => !used.has(x.id) && x.account!.recoveryTypesOffered.includes('RESTORE_REDUCTION'),
    );
    if (restore) {
      used.add(restore.id);
      await file(page, lang, restore, 'RESTORE_REDUCTION');
    }
    const frozen = pick('UNFREEZE');
    // the type offered follows the account: unfreeze is offered for a frozen account only
    await page.goto(`/customers/${encodeURIComponent(increase.id)}/recovery-requests/new`);
    if (increase.account!.status !== 'FROZEN')
      await expect(page.getByRole('radio', { name: t.types.UNFREEZE })).toHaveCount(0);
    const requestPath = await file(page, lang, frozen, 'UNFREEZE');
    await screenshot(page, `support-desk-request-${lang}`);

    await page.getByRole('button', { name: /退出登录|Sign out/ }).click();
    await signInAs(page, supervisor, lang);
    await page.goto(requestPath);
    const status = page.getByTestId('recovery-timeline');
    await expect(status).toBeVisible();
    const approve = page.getByRole('button', { name: t.approve, exact: true });
    if (await approve.count()) {
      await approve.first().click();
      const dialog = page.getByRole('dialog', { name: t.approveTitle });
      // the amounts and the automatic review's reasons are in the dialog
      await expect(dialog.getByTestId('current-limit')).toContainText('¥');
      await expectAccessible(page, `approve dialog ${lang}`);
      await dialog.getByLabel(t.decisionReason).fill('还款记录良好，材料齐全，同意。');
      await dialog.getByRole('button', { name: t.approve }).click();
      await expect(dialog).toHaveCount(0);
    }
    // the timeline shows the request's steps, and the limit history the unfreeze
    await page.goto(`/customers/${encodeURIComponent(frozen.id)}?tab=timeline`);
    await expect(page.getByTestId('timeline')).toContainText(t.recoveryEntry);
    await page.goto(`/customers/${encodeURIComponent(frozen.id)}?tab=history`);
    await expect(page.getByTestId('decision-table').locator('tbody tr').first()).toBeVisible();
  });

  test(`${lang}: a note is added and found in the timeline; an expiring session comes back to the same page with the typed text`, async ({
    page,
  }) => {
    const c = pick('INCREASE');
    await page.clock.install({ time: new Date() });
    await signInAs(page, agent, lang);
    const here = `/customers/${encodeURIComponent(c.id)}?tab=timeline`;
    await page.goto(here);
    await expect(page.getByRole('heading', { level: 1, name: c.name })).toBeVisible();
    const body =
      lang === 'en'
        ? 'Customer disputes a double charge; explained the hold.'
        : '客户投诉重复扣款，已解释为预授权。';
    await page.getByLabel(t.note).fill(body);
    await page.getByRole('checkbox', { name: t.complaint }).check();
    await page.getByLabel(t.ticket).fill('ZD-31415');
    await page.getByRole('button', { name: t.addNote }).click();
    const entry = page.getByTestId('timeline').locator('li[data-kind="NOTE"]').first();
    await expect(entry).toContainText(body);
    await expect(entry).toContainText('ZD-31415');
    await expect(entry).toContainText(t.complaint);
    await expectAccessible(page, `timeline ${lang}`);
    await screenshot(page, `support-desk-timeline-${lang}`);

    // type a draft, then let the session run out: first a warning, then the sign-in page
    const draft = lang === 'en' ? 'Half-written note about the call' : '写了一半的通话备注';
    await page.getByLabel(t.note).fill(draft);
    await page.clock.fastForward('07:57:00');
    await expect(page.getByText(t.warning)).toBeVisible();
    await page.clock.fastForward('00:04:00');
    await expect(page).toHaveURL(/\/sign-in/);
    await page.clock.setSystemTime(new Date());
    await page.getByLabel(/用户名|Username/).fill(agent.username);
    await page.getByLabel(/密码|Password/).fill(agent.password);
    await page.getByRole('button', { name: t.signIn }).click();
    await expect(page).toHaveURL(new RegExp(here.replace(/[?]/g, '\\?')));
    await expect(page.getByLabel(t.note)).toHaveValue(draft);
  });
}
