/**
 * 股室/下属单位填报 through the console: the 填报人 of 盐池县文化旅游广电局 (wenlv.preparer) assigns the
 * 存在的主要问题 text to 马强 of 文物股 (wenlv.contributor); 马强 finds it under 分配给我的 in 待我处理,
 * opens the draft where only that text takes input (the tables and the other texts are read-only),
 * writes it, and delivers (报送); the 填报人 sees it delivered in the editor. The assignment itself is
 * made through the GraphQL API: the console has no 分配 dialog yet (named in the output).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, currentReportOf, expectChinese, gql, login, newContext, newPage, screenshot, tokenFor, waitNoSpinner } from './support';
import { openEditorTab, revisionOf, waitAutosaved } from './editor-support';

afterAll(async () => {
  await closeBrowser();
});

describe('股室 contributions in the console', () => {
  it('the contributor edits exactly its assigned text and delivers it; the preparer sees it delivered', async () => {
    const report = await currentReportOf('yanchi.wenlv');
    expect(report.status).toBe('DRAFT');
    const admin = await tokenFor('admin');
    const users = await gql<{ users: { items: { id: string }[] } }>(`{ users(filter: { search: "wenlv.contributor" }) { items { id } } }`, {}, admin);
    const assigned = await gql<{ assignContribution: { id: string } }>(
      `mutation($r: ID!, $a: ID!) { assignContribution(reportId: $r, assigneeId: $a, target: "problems", dueDate: "2099-12-31", note: "请文物股提供本年度存在的主要问题") { id } }`,
      { r: report.id, a: users.users.items[0].id },
      await tokenFor('wenlv.preparer'),
    );
    console.info('分配：通过 GraphQL API（控制台尚无分配对话框）', assigned.assignContribution.id);

    const context = await newContext();
    try {
      const page = await newPage(context);
      await login(page, 'wenlv.contributor');
      await page.goto('/#/todo');
      const queue = page.getByTestId('todo-queue-assigned_to_me');
      await queue.waitFor({ timeout: 30_000 });
      await expect.poll(() => queue.textContent()).toContain('存在的主要问题');
      await screenshot(page, 'contributions-1-assigned-to-me');
      await expectChinese(page, '分配给我的');

      await queue.locator(`[data-testid="todo-assigned-item"][data-report-id="${report.id}"]`).first().click();
      await page.getByTestId('report-editor').waitFor({ timeout: 30_000 });
      await waitNoSpinner(page);
      await page.getByTestId('contribution-scope-hint').waitFor();

      // table 3: not assigned, every input read-only
      await openEditorTab(page, 't3');
      const t3Inputs = page.locator('input[data-cell^="t3."]');
      expect(await t3Inputs.count()).toBeGreaterThan(10);
      expect(await page.locator('input[data-cell^="t3."]:not([readonly])').count()).toBe(0);
      // another text: read-only
      await openEditorTab(page, 'overview');
      expect(await page.getByTestId('section-overview').getAttribute('readonly')).not.toBeNull();

      // the assigned text takes input and is saved
      await openEditorTab(page, 'problems');
      const text = page.getByTestId('section-problems');
      expect(await text.getAttribute('readonly')).toBeNull();
      const before = await revisionOf(page);
      await text.fill('文物股：文物保护单位信息公开不够及时，部分安全检查结果未主动公开。');
      await waitAutosaved(page, before);
      await screenshot(page, 'contributions-2-contributor-editor');

      const item = page.getByTestId('contribution-item').filter({ has: page.getByTestId('contribution-deliver') }).first();
      await item.getByTestId('contribution-deliver').click();
      await page.locator('[data-testid="contribution-item"][data-delivered="true"][data-target="problems"]').first().waitFor({ timeout: 30_000 });
      await screenshot(page, 'contributions-3-delivered');
      expect(page.errors).toEqual([]);
    } finally {
      await context.close();
    }

    const prepContext = await newContext();
    try {
      const page = await newPage(prepContext);
      await login(page, 'wenlv.preparer');
      await page.goto(`/#/reports/${report.id}`);
      await page.getByTestId('report-editor').waitFor({ timeout: 30_000 });
      await page.getByTestId('contribution-panel').waitFor();
      const delivered = page.locator('[data-testid="contribution-item"][data-delivered="true"][data-target="problems"]').first();
      await delivered.waitFor({ timeout: 30_000 });
      expect(await delivered.textContent()).toContain('马强');
      // the preparer's editor stays fully editable
      await openEditorTab(page, 't3');
      expect(await page.locator('input[data-cell^="t3."][readonly]').count()).toBe(0);
      await screenshot(page, 'contributions-4-preparer-sees-delivery');
      expect(page.errors).toEqual([]);
    } finally {
      await prepContext.close();
    }
    // two sign-ins, two editors and an autosave on a loaded machine
  }, 240_000);
});
