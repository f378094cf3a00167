/**
 * 已退回 and 撤回 through the console: 花马池镇's current report (SUBMITTED in the seed) is returned by
 * its 分管领导 with a comment; the preparer then sees a 已退回 state — who returned it, when, and the
 * comment — on the dashboard, in 待我处理 and in the editor, until it is submitted again; after the
 * new submission the preparer withdraws it (with a confirmation) before the 分管领导 acts.
 * Screenshots: returned-dashboard, returned-todo, returned-editor, withdraw-confirm, withdrawn-editor.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, currentReportOf, expectChinese, gql, login, newContext, newPage, screenshot, tokenFor, waitNoSpinner } from './support';

const COMMENT = '第三部分申请数量与办理结果不一致，请核对后重新提交。';

async function statusOf(id: string): Promise<string> {
  const data = await gql<{ report: { status: string } }>('query($id: ID!) { report(id: $id) { status } }', { id }, await tokenFor('admin'));
  return data.report.status;
}

async function openEditor(page: Page, id: string) {
  await page.goto(`/#/reports/${id}`);
  await page.getByTestId('report-editor').waitFor({ timeout: 30_000 });
  await page.getByTestId('workflow-panel').first().waitFor();
  await waitNoSpinner(page);
}

describe('已退回与撤回', () => {
  afterAll(closeBrowser);

  it('退回后填报人在工作台、待我处理和编辑器中看到“已退回”、退回人、时间和意见，重新提交后消失；审核前可以撤回', async () => {
    const { id } = await currentReportOf('yanchi.huamachi');
    expect(await statusOf(id)).toBe('SUBMITTED');

    // the 分管领导 returns it from the editor
    {
      const context = await newContext();
      try {
        const page = await newPage(context);
        await login(page, 'huamachi.reviewer');
        await openEditor(page, id);
        await page.getByTestId('return-button').click();
        await page.getByTestId('return-text').fill(COMMENT);
        await page.getByTestId('return-confirm').click();
        await page.getByTestId('return-confirm').waitFor({ state: 'detached' });
        // the signer's own editor shows the new state at once
        await page.getByTestId('returned-notice').waitFor();
        expect(page.errors).toEqual([]);
      } finally {
        await context.close();
      }
    }
    expect(await statusOf(id)).toBe('DRAFT');

    const context = await newContext();
    try {
      const page = await newPage(context);
      await login(page, 'huamachi.preparer');

      // 工作台: a returned report, not a fresh draft
      const dashboard = page.getByTestId('agency-dashboard');
      await dashboard.getByTestId('returned-notice').waitFor();
      const chip = dashboard.getByTestId('report-status').first();
      expect(await chip.innerText()).toBe('已退回');
      const notice = await dashboard.getByTestId('returned-notice').innerText();
      expect(notice).toContain('胡军');
      expect(notice).toContain(COMMENT);
      expect(notice).toMatch(/\d{4}/); // when
      expect(await dashboard.getByTestId('todos').innerText()).not.toContain('报告已无错误，可以提交');
      await expectChinese(page, '工作台（已退回）');
      await screenshot(page, 'returned-dashboard');

      // 待我处理: its own queue, with the comment
      await page.goto('/#/todo');
      const queue = page.getByTestId('todo-queue-returned');
      await queue.waitFor();
      expect(await queue.getByTestId('returned-comment').innerText()).toContain(COMMENT);
      expect(await queue.getByTestId('returned-chip').innerText()).toBe('已退回');
      await expectChinese(page, '待我处理（已退回）');
      await screenshot(page, 'returned-todo');

      // the editor, until it is submitted again
      await openEditor(page, id);
      const editorNotice = page.getByTestId('report-editor').getByTestId('returned-notice');
      await editorNotice.waitFor();
      expect(await editorNotice.innerText()).toContain(COMMENT);
      await screenshot(page, 'returned-editor');

      await page.getByTestId('submit-button').click();
      await page.getByTestId('sign-hash').waitFor();
      // open scanner findings are acknowledged to sign (the 保密审查 decides on them)
      if (await page.getByTestId('sign-findings').count()) await page.getByTestId('sign-acknowledge').click();
      await page.getByTestId('sign-confirm').click();
      await page.getByTestId('sign-confirm').waitFor({ state: 'detached' });
      await editorNotice.waitFor({ state: 'detached' });
      const status = page.getByTestId('report-editor').getByTestId('report-status').first();
      await expect.poll(() => status.getAttribute('data-status')).toBe('SUBMITTED');
      expect(await statusOf(id)).toBe('SUBMITTED');

      // 撤回: offered while the 分管领导 has not acted, after a confirmation
      await page.getByTestId('withdraw-button').click();
      const confirm = page.getByTestId('withdraw-confirm');
      await confirm.waitFor();
      expect(await page.getByRole('dialog').innerText()).toContain('撤回后报告回到草稿状态');
      await screenshot(page, 'withdraw-confirm', { fullPage: false });
      await confirm.click();
      await confirm.waitFor({ state: 'detached' });
      await expect.poll(() => status.getAttribute('data-status')).toBe('DRAFT');
      expect(await statusOf(id)).toBe('DRAFT');
      // a withdrawal is not a return: no 已退回, and the preparer may submit again
      expect(await page.getByTestId('returned-notice').count()).toBe(0);
      await page.getByTestId('submit-button').waitFor();
      expect(await page.getByTestId('withdraw-button').count()).toBe(0);
      await expectChinese(page, '撤回后的编辑器');
      await screenshot(page, 'withdrawn-editor');

      // the dashboard follows without a reload: a plain draft again
      await page.goto('/#/');
      await page.getByTestId('agency-dashboard').getByTestId('todos').waitFor();
      await waitNoSpinner(page);
      expect(await page.getByTestId('agency-dashboard').getByTestId('returned-notice').count()).toBe(0);
      expect(page.errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
