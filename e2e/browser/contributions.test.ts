/**
 * 股室/下属单位填报, the whole journey in the console. Report: the 2022 report of 盐池县文化旅游广电局,
 * published in the demo and reopened here as a correction (更正) draft — no other browser test writes
 * it (the others use 文旅局's open-cycle draft and its latest published report); the correction is
 * started through the API as setup, everything after it in the console:
 *
 * the 填报人 王丽 (wenlv.preparer) opens the 分配 dialog in the editor and assigns 存在的主要问题 to
 * 马强 of 文物股 (wenlv.contributor) with a due date and a note, and a table-4 block already past its
 * due date (it shows 逾期 in the dialog and on her dashboard); 马强 finds his part under 分配给我的,
 * writes it and delivers; 王丽 sees what he delivered and sends it back with a comment; 马强 reads the
 * comment in 待我处理 and the editor, corrects and delivers again; 王丽 accepts and submits. The dialog
 * is also shown at phone width (390×844).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, expectAxeClean, expectChinese, gql, login, newContext, newPage, reportsOf, screenshot, tokenFor, waitNoSpinner } from './support';
import { openEditorTab, revisionOf, waitAutosaved } from './editor-support';

const YEAR = 2022;
const FIRST_DRAFT = '文物股：文物保护单位信息公开不够及时。';
const COMMENT = '请写明具体问题和整改措施，不要只写一句话。';
const CORRECTED = '文物股：一是文物保护单位安全检查结果未及时主动公开；二是文物修缮项目信息更新滞后。整改措施：建立文物信息按月公开台账，检查结果 7 个工作日内公开。';

let reportId = '';

/** a day as YYYY-MM-DD, `days` from today (China time, as the server counts) */
const dayFromToday = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10);

async function statusOf(id: string): Promise<{ status: string; contributions: { target: string; status: string }[] }> {
  const data = await gql<{ report: { status: string; contributions: { target: string; status: string }[] } }>(
    'query($id: ID!) { report(id: $id) { status contributions { target status } } }',
    { id },
    await tokenFor('wenlv.preparer'),
  );
  return data.report;
}

async function openEditor(page: Page) {
  await page.goto(`/#/reports/${reportId}`);
  await page.getByTestId('report-editor').waitFor({ timeout: 30_000 });
  await waitNoSpinner(page);
  await page.getByTestId('contribution-panel').waitFor();
}

/** the panel's row of a part (outside the dialog) */
const partRow = (page: Page, target: string) => page.getByTestId('contribution-panel').locator(`[data-testid="contribution-item"][data-target="${target}"]`).first();

async function waitStatus(page: Page, target: string, status: string) {
  await page.getByTestId('contribution-panel').locator(`[data-testid="contribution-item"][data-target="${target}"][data-status="${status}"]`).first().waitFor({ timeout: 30_000 });
}

/** pick a part in the dialog's search box */
async function choosePart(page: Page, search: string) {
  const input = page.getByTestId('contribution-target-input');
  await input.click();
  await input.fill(search);
  await page.getByRole('option').filter({ hasText: search }).first().click();
}

async function asUser<T>(username: string, viewport: { width: number; height: number } | undefined, run: (page: Page & { errors: string[] }) => Promise<T>): Promise<T> {
  const context = await newContext(viewport);
  try {
    const page = await newPage(context);
    await login(page, username);
    const result = await run(page);
    expect(page.errors).toEqual([]);
    return result;
  } finally {
    await context.close();
  }
}

/** 马强 writes his part and delivers it (报送, or 修改后重新报送 after a send-back) */
async function contributorWritesAndDelivers(page: Page, text: string, shot: string) {
  await page.getByTestId('contribution-scope-hint').waitFor();
  // not assigned: table 3 stays read-only
  await openEditorTab(page, 't3');
  expect(await page.locator('input[data-cell^="t3."]:not([readonly])').count()).toBe(0);
  await openEditorTab(page, 'problems');
  const input = page.getByTestId('section-problems');
  expect(await input.getAttribute('readonly')).toBeNull();
  const before = await revisionOf(page);
  await input.fill(text);
  await waitAutosaved(page, before);
  await partRow(page, 'problems').getByTestId('contribution-deliver').click();
  await waitStatus(page, 'problems', 'DELIVERED');
  await screenshot(page, shot);
}

describe('股室 contributions: assign, deliver, send back, correct, accept, submit — in the console', () => {
  beforeAll(async () => {
    const published = (await reportsOf('yanchi.wenlv')).find((r) => r.year === YEAR);
    expect(published?.status).toBe('PUBLISHED');
    reportId = published!.id;
    // setup: a correction makes the published report a draft again (the correction journey has its own test)
    await gql('mutation($id: ID!) { startCorrection(id: $id) { id } }', { id: reportId }, await tokenFor('wenlv.preparer'));
    expect((await statusOf(reportId)).status).toBe('DRAFT');
  }, 60_000);

  afterAll(async () => {
    await closeBrowser();
  });

  it('the preparer assigns parts to 文物股 in the 分配 dialog; a late one shows on her dashboard', async () => {
    await asUser('wenlv.preparer', undefined, async (page) => {
      await openEditor(page);
      await page.getByTestId('contribution-assign-open').click();
      const dialog = page.getByTestId('contribution-assign-dialog');
      await dialog.waitFor();
      await expectChinese(page, '分配填报任务');

      // 存在的主要问题 to 马强, due in a week, with a note
      await choosePart(page, '存在的主要问题');
      // the agency's only 股室 user is chosen
      await expect.poll(() => page.getByTestId('contribution-assignee').innerText()).toContain('马强');
      await page.getByTestId('contribution-due').fill(dayFromToday(7));
      await page.getByTestId('contribution-note').fill('请文物股提供本年度文物领域信息公开存在的主要问题和改进措施');
      await screenshot(page, 'contributions-1-assign-dialog', { fullPage: false });
      await page.getByTestId('contribution-assign-confirm').click();
      const existing = page.getByTestId('contribution-assign-existing');
      await existing.locator('[data-testid="contribution-item"][data-target="problems"]').waitFor({ timeout: 30_000 });

      // a table-4 block, due three days ago: marked 已逾期
      await choosePart(page, '行政复议');
      await page.getByTestId('contribution-due').fill(dayFromToday(-3));
      await page.getByTestId('contribution-assign-confirm').click();
      const late = existing.locator('[data-testid="contribution-item"][data-target^="t4."]').first();
      await late.waitFor({ timeout: 30_000 });
      await late.getByTestId('contribution-overdue').waitFor();
      expect(await existing.innerText()).toContain('已分配');
      await screenshot(page, 'contributions-2-assigned', { fullPage: false });
      await expectAxeClean(page, '分配填报任务');
      await page.getByTestId('contribution-assign-close').click();
      await dialog.waitFor({ state: 'detached' });
      expect(await partRow(page, 'problems').innerText()).toContain('马强');

      // the dashboard: the late part, with who and how late
      await page.goto('/#/');
      const overdue = page.getByTestId('dashboard-overdue-contributions');
      await overdue.waitFor({ timeout: 30_000 });
      expect(await overdue.innerText()).toMatch(/马强.*行政复议.*逾期 3 天/s);
      await screenshot(page, 'contributions-3-dashboard-overdue');
    });
    const state = await statusOf(reportId);
    expect(state.contributions.map((c) => c.status).sort()).toEqual(['ASSIGNED', 'ASSIGNED']);
  }, 180_000);

  it('the dialog fits a phone (390×844)', async () => {
    await asUser('wenlv.preparer', { width: 390, height: 844 }, async (page) => {
      await openEditor(page);
      await page.getByTestId('contribution-assign-open').click();
      const dialog = page.getByTestId('contribution-assign-dialog');
      await dialog.waitFor();
      await page.getByTestId('contribution-assign-existing').locator('[data-testid="contribution-item"]').first().waitFor();
      const overflow = await page.evaluate(() => {
        const paper = document.querySelector('[data-testid="contribution-assign-dialog"] .MuiDialog-paper') as HTMLElement;
        return paper.scrollWidth - paper.clientWidth;
      });
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, 'contributions-4-assign-dialog-phone', { fullPage: false });
      await expectAxeClean(page, '分配填报任务（手机）');
    });
  }, 120_000);

  it('马强 delivers, is sent back with a comment, corrects and delivers again; the preparer accepts and submits', async () => {
    // 马强: 分配给我的 → the editor, only his text open → 报送
    await asUser('wenlv.contributor', undefined, async (page) => {
      await page.goto('/#/todo');
      const queue = page.getByTestId('todo-queue-assigned_to_me');
      await queue.waitFor({ timeout: 30_000 });
      await expect.poll(() => queue.textContent()).toContain('存在的主要问题');
      await screenshot(page, 'contributions-5-assigned-to-me');
      await expectChinese(page, '分配给我的');
      await queue.locator(`[data-testid="todo-assigned-item"][data-report-id="${reportId}"]`).filter({ hasText: '存在的主要问题' }).first().click();
      await page.getByTestId('report-editor').waitFor({ timeout: 30_000 });
      await waitNoSpinner(page);
      await contributorWritesAndDelivers(page, FIRST_DRAFT, 'contributions-6-delivered');
    });

    // 王丽 sees what was delivered and sends it back
    await asUser('wenlv.preparer', undefined, async (page) => {
      await openEditor(page);
      await waitStatus(page, 'problems', 'DELIVERED');
      const row = partRow(page, 'problems');
      expect(await row.getByTestId('contribution-changes').innerText()).toContain(FIRST_DRAFT);
      await screenshot(page, 'contributions-7-preparer-sees-delivery');
      await row.getByTestId('contribution-return').click();
      await page.getByTestId('contribution-return-text').fill(COMMENT);
      await screenshot(page, 'contributions-8-return-dialog', { fullPage: false });
      await page.getByTestId('contribution-return-confirm').click();
      await waitStatus(page, 'problems', 'RETURNED');
    });
    expect((await statusOf(reportId)).contributions.find((c) => c.target === 'problems')?.status).toBe('RETURNED');

    // 马强 reads the comment in 待我处理 and the editor, corrects, delivers again
    await asUser('wenlv.contributor', undefined, async (page) => {
      await page.goto('/#/todo');
      const comment = page.getByTestId('todo-queue-assigned_to_me').getByTestId('todo-assigned-comment').first();
      await comment.waitFor({ timeout: 30_000 });
      expect(await comment.innerText()).toContain(COMMENT);
      await screenshot(page, 'contributions-9-sent-back-in-todo');
      await page.goto(`/#/reports/${reportId}`);
      await page.getByTestId('report-editor').waitFor({ timeout: 30_000 });
      await waitNoSpinner(page);
      expect(await page.getByTestId('contribution-return-comment').innerText()).toContain(COMMENT);
      expect(await partRow(page, 'problems').getByTestId('contribution-deliver').innerText()).toContain('重新报送');
      await contributorWritesAndDelivers(page, CORRECTED, 'contributions-10-delivered-again');
    });

    // 王丽 accepts the corrected text and submits the report
    await asUser('wenlv.preparer', undefined, async (page) => {
      await openEditor(page);
      await waitStatus(page, 'problems', 'DELIVERED');
      const row = partRow(page, 'problems');
      expect(await row.getByTestId('contribution-changes').innerText()).toContain('整改措施');
      await row.getByTestId('contribution-accept').click();
      await waitStatus(page, 'problems', 'ACCEPTED');
      await screenshot(page, 'contributions-11-accepted');

      // the warnings the correction left without a 说明 are explained (setup: the explanation screens have their own tests)
      const preparer = await tokenFor('wenlv.preparer');
      const check = await gql<{ report: { validation: { errors: { message: string }[]; warnings: { ruleId: string; explanation: string | null }[] } } }>(
        'query($id: ID!) { report(id: $id) { validation { errors { message } warnings { ruleId explanation } } } }',
        { id: reportId },
        preparer,
      );
      expect(check.report.validation.errors).toEqual([]);
      for (const w of check.report.validation.warnings.filter((x) => !x.explanation)) {
        await gql('mutation($id: ID!, $r: String!) { explainWarning(id: $id, ruleId: $r, text: "经核实，数据与台账一致") { id } }', { id: reportId, r: w.ruleId }, preparer);
      }
      await page.reload();
      await page.getByTestId('report-editor').waitFor({ timeout: 30_000 });
      await waitNoSpinner(page);
      await page.getByTestId('submit-button').first().click();
      await page.getByTestId('sign-hash').waitFor();
      await page.getByTestId('sign-confirm').click();
      await page.getByTestId('sign-confirm').waitFor({ state: 'detached' });
      await expect.poll(async () => (await statusOf(reportId)).status, { timeout: 30_000 }).toBe('SUBMITTED');
      // submitted: the parts are closed, no more buttons
      await page.reload();
      await page.getByTestId('report-editor').waitFor({ timeout: 30_000 });
      await waitNoSpinner(page);
      await waitStatus(page, 'problems', 'ACCEPTED');
      expect(await page.getByTestId('contribution-panel').getByTestId('contribution-accept').count()).toBe(0);
      expect(await page.getByTestId('contribution-assign-open').count()).toBe(0);
      await screenshot(page, 'contributions-12-submitted');
    });
  }, 300_000);
});
