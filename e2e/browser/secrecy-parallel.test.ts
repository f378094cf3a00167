/**
 * The 保密审查 in parallel with the leaders, through the console. Report: 盐池县人力资源和社会保障局's
 * open-cycle report (REVIEWED in the seed; no other browser test writes it), with users of its own
 * created here. The preparer puts a phone number and an e-mail address into 第五部分 and submits
 * (acknowledging the two open findings); right after submission the 保密审查员 sends the phone
 * number back with 请修改; the preparer opens the 消息, lands in the editor with the number selected,
 * fixes it and submits again; the 分管领导 signs seeing the open e-mail finding (with the
 * acknowledgement); the reviewer dismisses it and clears the review between the signatures; the
 * 主要领导 signs with nothing open; the preparer publishes.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, currentReportOf, expectChinese, gql, newContext, newPage, replaceOneTimePassword, screenshot, tokenFor, waitNoSpinner } from './support';

const AGENCY = 'yanchi.renshe';
const PASSWORD = 'Secrecy-Tests-2026';
/** what the office sets when it creates the account: usable once, to choose PASSWORD */
const ONE_TIME = 'Office-Set-Once-2026';
const PHONE = '13912345678';
const EMAIL = 'renshe@yanchi.gov.cn';
const CHECK_KEYS = ['stateSecret', 'commercialSecret', 'privacy', 'nationalSecurity', 'publicSecurity', 'economicSecurity', 'socialStability'];
const ROLES = {
  preparer: 'AGENCY_PREPARER',
  reviewer: 'AGENCY_REVIEWER',
  approver: 'AGENCY_APPROVER',
  secrecy: 'CONFIDENTIALITY_REVIEWER',
} as const;
type Who = keyof typeof ROLES;

const suffix = Date.now().toString(36);
const usernameOf = (who: Who) => `e2e.renshe.${who}.${suffix}`;
const tokens = new Map<Who, string>();

async function createUsers(agencyId: string) {
  const admin = await tokenFor('admin');
  for (const [who, role] of Object.entries(ROLES) as [Who, string][]) {
    const names: Record<Who, string> = { preparer: '刘洋（办公室）', reviewer: '孙志刚（分管副局长）', approver: '周涛（局长）', secrecy: '何静（保密审查员）' };
    // the office sets a one-time password; the person chooses their own at first sign-in
    await gql('mutation($i: UserInput!) { createUser(input: $i) { id } }', { i: { username: usernameOf(who), displayName: names[who], password: ONE_TIME, agencyId, roles: [role] } }, admin);
    await replaceOneTimePassword(usernameOf(who), ONE_TIME, PASSWORD);
    const login = await gql<{ login: { token: string } }>('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: usernameOf(who), p: PASSWORD });
    tokens.set(who, login.login.token);
  }
}

async function loginAs(page: Page, who: Who) {
  await page.goto('/#/login');
  await page.getByTestId('login-username').fill(usernameOf(who));
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.hash.startsWith('#/login'), { timeout: 30_000 });
  await page.locator('#main-content, main').first().waitFor();
}

interface State {
  status: string;
  revision: number;
  contentHash: string;
  sections: { key: string; text: string }[];
  validation: { warnings: { ruleId: string; explanation: string | null }[] };
  confidentiality: { cleared: boolean; findings: { id: string; kind: string; status: string; start: number; end: number; section: string }[] };
  signatures: { stage: string; voidedAt: string | null; acknowledgedFindings: { message: string }[] | null }[];
}

async function stateOf(id: string): Promise<State> {
  const data = await gql<{ report: State }>(
    `query($id: ID!) { report(id: $id) { status revision contentHash sections { key text } validation { warnings { ruleId explanation } }
       confidentiality { cleared findings { id kind status start end section } }
       signatures { stage voidedAt acknowledgedFindings { message } } } }`,
    { id },
    tokens.get('preparer'),
  );
  return data.report;
}

async function withPage(who: Who, run: (page: Page & { errors: string[] }) => Promise<void>, opts: { width?: number; height?: number; mobile?: boolean } = {}) {
  const context = await newContext(opts);
  try {
    const page = await newPage(context);
    await loginAs(page, who);
    await run(page);
    expect(page.errors).toEqual([]);
  } finally {
    await context.close();
  }
}

async function openEditor(page: Page, id: string) {
  await page.goto(`/#/reports/${id}`);
  await page.getByTestId('report-editor').waitFor({ timeout: 30_000 });
  await waitNoSpinner(page);
  await page.getByTestId('workflow-panel').first().waitFor({ timeout: 30_000 });
}

/** opens the sign (or submit) dialog, checks the findings it lists, acknowledges them when asked, signs */
async function signWithFindings(page: Page, button: 'submit-button' | 'sign-button', expected: string[], shot: string) {
  await page.getByTestId(button).first().click();
  await page.getByTestId('sign-hash').waitFor();
  // a leader confirms with their own password (step-up)
  if (button === 'sign-button') await page.getByTestId('stepup-password').fill(PASSWORD);
  if (expected.length === 0) {
    await page.getByTestId('sign-findings-none').waitFor();
  } else {
    const list = page.getByTestId('sign-findings');
    await list.waitFor();
    expect(await page.getByTestId('sign-finding').count()).toBe(expected.length);
    const text = await list.innerText();
    for (const part of expected) expect(text).toContain(part);
    // signing with open findings needs the acknowledgement
    expect(await page.getByTestId('sign-confirm').isDisabled()).toBe(true);
    await page.getByTestId('sign-acknowledge').click();
    expect(await page.getByTestId('sign-confirm').isDisabled()).toBe(false);
  }
  await screenshot(page, shot, { fullPage: false });
  await page.getByTestId('sign-confirm').click();
  await page.getByTestId('sign-confirm').waitFor({ state: 'detached' });
}

/** the selected text of the focused text box */
async function selectedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLTextAreaElement | null;
    return el && 'selectionStart' in el ? el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0) : '';
  });
}

describe('保密审查与领导签署并行', () => {
  afterAll(async () => {
    await closeBrowser();
  });

  it('提交后即审查、请修改、定位修改、带确认签署、公开', async () => {
    const report = await currentReportOf(AGENCY);
    await createUsers(report.agencyId);
    const id = report.id;

    // the preparer's text with a phone number and the office's e-mail address (an edit of the signed
    // report sends it back to DRAFT); the warnings it raises are explained as before
    let s = await stateOf(id);
    const problems = s.sections.find((x) => x.key === 'problems')?.text ?? '';
    const withData = `${problems}\n如有疑问请联系经办人，手机${PHONE}，邮箱${EMAIL}。`;
    await gql(
      'mutation($id: ID!, $r: Int!, $i: ReportUpdateInput!) { updateReport(id: $id, expectedRevision: $r, input: $i) { id } }',
      { id, r: s.revision, i: { sections: [{ key: 'problems', text: withData }] } },
      tokens.get('preparer'),
    );
    s = await stateOf(id);
    expect(s.status).toBe('DRAFT');
    for (const w of s.validation.warnings.filter((w) => !w.explanation)) {
      await gql('mutation($id: ID!, $r: String!) { explainWarning(id: $id, ruleId: $r, text: "已核实，情况属实") { id } }', { id, r: w.ruleId }, tokens.get('preparer'));
    }
    expect(s.confidentiality.findings.filter((f) => f.status === 'OPEN').map((f) => f.kind).sort()).toEqual(['email', 'mobile']);

    // 1. the preparer submits, seeing the two findings and acknowledging them
    await withPage('preparer', async (page) => {
      await openEditor(page, id);
      await signWithFindings(page, 'submit-button', ['139****5678', EMAIL], 'secrecy-1-submit-findings');
    });
    expect((await stateOf(id)).status).toBe('SUBMITTED');

    // 2. right after submission it is the 保密审查员's turn; the phone number goes back with 请修改
    const phone = (await stateOf(id)).confidentiality.findings.find((f) => f.kind === 'mobile')!;
    await withPage('secrecy', async (page) => {
      const turn = page.getByTestId('agency-dashboard').getByTestId('turn');
      await turn.waitFor({ timeout: 30_000 });
      expect(await turn.innerText()).toContain('轮到您进行保密审查');
      await screenshot(page, 'secrecy-2-reviewer-turn-after-submission');
      await page.goto(`/#/reports/${id}/confidentiality`);
      await page.getByTestId('confidentiality-page').waitFor({ timeout: 30_000 });
      await waitNoSpinner(page);
      await page.getByTestId('confidentiality-parallel').waitFor();
      await page.getByTestId(`finding-request-change-${phone.id}`).click();
      await page.getByTestId('request-change-text').fill('请删除经办人的手机号码，改为单位公开的咨询电话。');
      await screenshot(page, 'secrecy-3-request-change', { fullPage: false });
      await page.getByTestId('request-change-confirm').click();
      await page.getByTestId('request-change-confirm').waitFor({ state: 'detached' });
      await page.getByTestId(`finding-request-${phone.id}`).waitFor();
      await expectChinese(page, '保密审查');
      await screenshot(page, 'secrecy-4-change-requested');
      // the reviewer's link opens the report on 第五部分 with the number selected (read-only for the reviewer)
      await page.getByTestId(`finding-show-${phone.id}`).click();
      await page.getByTestId('report-editor').waitFor({ timeout: 30_000 });
      await page.getByTestId('panel-problems').waitFor();
      await expect.poll(() => selectedText(page), { timeout: 10_000 }).toBe(PHONE);
      await screenshot(page, 'secrecy-5-reviewer-sees-span', { fullPage: false });
    });

    // 3. the preparer is told (消息), opens the editor at the number, fixes it and submits again
    await withPage('preparer', async (page) => {
      const bell = page.getByTestId('notification-bell');
      await expect.poll(async () => Number(await bell.getAttribute('data-unread')), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
      await bell.click();
      const item = page.getByTestId('message-item').filter({ hasText: '请修改' }).first();
      await item.waitFor();
      expect(await item.getAttribute('data-kind')).toBe('FINDING_CHANGE_REQUESTED');
      expect(await item.innerText()).toContain('请删除经办人的手机号码');
      await screenshot(page, 'secrecy-6-preparer-message', { fullPage: false });
      await item.getByTestId('message-open').click();
      await page.getByTestId('report-editor').waitFor({ timeout: 30_000 });
      await page.getByTestId('panel-problems').waitFor();
      await expect.poll(() => selectedText(page), { timeout: 10_000 }).toBe(PHONE);
      await page.getByTestId('finding-requests').waitFor();
      await screenshot(page, 'secrecy-7-editor-at-finding', { fullPage: false });
      // typing over the selection replaces the number
      await page.keyboard.type('0953-6012345');
      // autosave may have stored it already
      const save = page.getByTestId('save-button');
      if (await save.isEnabled()) await save.click({ timeout: 5_000 }).catch(() => undefined);
      await expect.poll(async () => (await stateOf(id)).sections.find((x) => x.key === 'problems')?.text.includes(PHONE), { timeout: 30_000 }).toBe(false);
      await page.getByTestId('finding-requests').waitFor({ state: 'detached', timeout: 30_000 });
      await page.getByTestId('submit-button').first().waitFor({ timeout: 30_000 });
      await signWithFindings(page, 'submit-button', [EMAIL], 'secrecy-8-resubmit');
    });
    s = await stateOf(id);
    expect(s.status).toBe('SUBMITTED');
    expect(s.confidentiality.findings.filter((f) => f.status === 'OPEN').map((f) => f.kind)).toEqual(['email']);

    // 4. the 分管领导 signs seeing the open e-mail finding, with the acknowledgement
    await withPage('reviewer', async (page) => {
      await openEditor(page, id);
      await signWithFindings(page, 'sign-button', [EMAIL], 'secrecy-9-leader-acknowledges');
      // the 分管领导's signature (like the preparer's) records the acknowledgement
      await page.getByTestId('signature-list').getByTestId('signature').filter({ hasText: '分管领导审核' }).filter({ hasText: '签署时确认知悉 1 项未处理的扫描发现' }).waitFor();
      await screenshot(page, 'secrecy-10-signature-records-acknowledgement');
    });
    s = await stateOf(id);
    expect(s.status).toBe('REVIEWED');
    expect(s.signatures.find((x) => x.stage === 'REVIEW' && !x.voidedAt)?.acknowledgedFindings?.[0].message).toContain(EMAIL);

    // 5. between the signatures the reviewer dismisses the office address and clears the review
    await withPage('secrecy', async (page) => {
      await page.goto(`/#/reports/${id}/confidentiality`);
      await page.getByTestId('confidentiality-page').waitFor({ timeout: 30_000 });
      await waitNoSpinner(page);
      for (const dismiss of await page.locator('[data-testid^="finding-dismiss-"]').all()) {
        await dismiss.click();
        await page.getByTestId('dismiss-text').fill('单位对外公开的咨询邮箱，不属于个人信息。');
        await page.getByTestId('dismiss-confirm').click();
        await page.getByTestId('dismiss-confirm').waitFor({ state: 'detached' });
      }
      for (const key of CHECK_KEYS) await page.getByTestId(`check-${key}-PASS`).click();
      await page.getByTestId('confidentiality-save').click();
      // the conclusion is confirmed with the reviewer's own password
      await page.getByTestId('stepup-password').fill(PASSWORD);
      await page.getByTestId('stepup-confirm').click();
      await page.getByTestId('confidentiality-status').filter({ hasText: '保密审查已通过' }).waitFor();
      await screenshot(page, 'secrecy-11-review-cleared-between-signatures');
    });
    s = await stateOf(id);
    expect(s.status).toBe('REVIEWED');
    expect(s.confidentiality.cleared).toBe(true);

    // 6. the 主要领导 signs (on a phone) with nothing open
    await withPage(
      'approver',
      async (page) => {
        await openEditor(page, id);
        await signWithFindings(page, 'sign-button', [], 'secrecy-12-approver-no-findings-phone');
      },
      { width: 390, height: 844, mobile: true },
    );
    expect((await stateOf(id)).status).toBe('APPROVED');

    // 7. signed and reviewed on the same content: the preparer publishes
    await withPage('preparer', async (page) => {
      await openEditor(page, id);
      await page.getByTestId('publish-button').click();
      await page.getByTestId('publish-confirm').click();
      await page.getByTestId('publish-confirm').waitFor({ state: 'detached' });
      const chip = page.getByTestId('report-editor').getByTestId('report-status').first();
      await expect.poll(() => chip.getAttribute('data-status'), { timeout: 30_000 }).toBe('PUBLISHED');
      await screenshot(page, 'secrecy-13-published');
    });
    expect((await stateOf(id)).status).toBe('PUBLISHED');
  }, 420_000);
});
