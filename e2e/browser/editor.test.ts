/**
 * A clerk (填报人) opens her agency's current-cycle draft (the demo 2020 report of 盐池县文化旅游广电局
 * is already published, so read-only), breaks a table-3 rule, sees the Chinese message at the cell,
 * fixes it, saves, and finds the saved values after a reload. Screenshots of every editor tab.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, currentReportOf, expectChinese, login, newContext, newPage, screenshot, waitNoSpinner } from './support';

const cell = (page: Page, key: string) => page.locator(`input[data-cell="${key}"]`);

async function numberIn(page: Page, key: string): Promise<number> {
  const text = await cell(page, key).inputValue();
  const n = Number(text);
  expect(text, `${key} 应有数值`).not.toBe('');
  return n;
}

async function type(page: Page, key: string, value: number) {
  const input = cell(page, key);
  await input.click();
  await input.fill(String(value));
}

async function openEditor(page: Page) {
  await page.getByTestId('report-editor').waitFor({ timeout: 30_000 });
  await page.getByTestId('panel-t3').waitFor();
  await waitNoSpinner(page);
}

describe('填报：表三校验与保存', () => {
  afterAll(closeBrowser);

  it('填报人改出错误、看到单元格旁的中文提示、改正、保存，刷新后仍在', async () => {
    const report = await currentReportOf('yanchi.wenlv');
    expect(report.status).toBe('DRAFT');
    const context = await newContext();
    try {
      const page = await newPage(context);
      await login(page, 'wenlv.preparer');
      await page.getByTestId('agency-dashboard').waitFor();

      // the reports list, then the report from the dashboard's "open my report"
      await page.goto('/#/reports');
      await page.getByText('盐池县文化旅游广电局').first().waitFor();
      await expectChinese(page, '报告列表');
      await screenshot(page, 'reports-list');

      await page.goto('/#/');
      await page.getByTestId('open-my-report').click();
      await openEditor(page);
      expect(await page.getByTestId('report-editor').getAttribute('data-report-id')).toBe(report.id);
      const revision = Number(await page.getByTestId('report-editor').getAttribute('data-revision'));

      const before = {
        newNatural: await numberIn(page, 't3.new.natural'),
        newTotal: await numberIn(page, 't3.new.total'),
        fwdNatural: await numberIn(page, 't3.carryForward.natural'),
        fwdTotal: await numberIn(page, 't3.carryForward.total'),
      };

      // break 表三 row total: one more natural-person application, total unchanged
      await type(page, 't3.new.natural', before.newNatural + 1);
      // the message sits in the table beside the row (the summary lists it too)
      const rowTotal = page.locator('[data-testid="panel-t3"] [data-rule="t3.rowTotal"]').first();
      await rowTotal.waitFor();
      expect(await rowTotal.innerText()).toMatch(/总计/);
      expect(await rowTotal.innerText()).toMatch(/[\u4e00-\u9fff]/);
      // the offending cells are outlined
      expect(await page.locator('input[data-cell^="t3.new."][aria-invalid="true"]').count()).toBeGreaterThan(0);
      await page.getByTestId('validation-summary').waitFor();
      expect(await page.getByTestId('summary-error-count').innerText()).not.toMatch(/^0/);
      await screenshot(page, 'editor-t3-error');
      await page.getByTestId('validation-summary').screenshot({ path: `${__dirname}/../artifacts/validation-summary.png` });

      // fix it: the total and the balance (一 + 二 = 三 + 四) — the new one is carried to next year
      await type(page, 't3.new.total', before.newTotal + 1);
      await type(page, 't3.carryForward.natural', before.fwdNatural + 1);
      await type(page, 't3.carryForward.total', before.fwdTotal + 1);
      await page.waitForFunction(
        () => !document.querySelector('[data-rule="t3.rowTotal"], [data-rule="t3.balance"], [data-rule="t3.columnTotal"]'),
      );
      expect(await page.locator('input[data-cell^="t3."][aria-invalid="true"]').count()).toBe(0);

      // save (the button, unless autosave got there first) and wait for the new revision
      const save = page.getByTestId('save-button');
      if (await save.isEnabled()) await save.click();
      await page.waitForFunction(
        (rev) => {
          const editor = document.querySelector('[data-testid="report-editor"]');
          const state = document.querySelector('[data-testid="save-state"]')?.textContent ?? '';
          return Number(editor?.getAttribute('data-revision')) > rev && /保存/.test(state) && !/未保存|正在/.test(state);
        },
        revision,
      );
      await page.waitForLoadState('networkidle');
      await expectChinese(page, '报告编辑');

      await page.reload();
      await openEditor(page);
      expect(await numberIn(page, 't3.new.natural')).toBe(before.newNatural + 1);
      expect(await numberIn(page, 't3.new.total')).toBe(before.newTotal + 1);
      expect(await numberIn(page, 't3.carryForward.natural')).toBe(before.fwdNatural + 1);
      expect(await numberIn(page, 't3.carryForward.total')).toBe(before.fwdTotal + 1);
      expect(await page.locator('[data-rule="t3.rowTotal"], [data-rule="t3.balance"]').count()).toBe(0);

      // every section of the editor, for a person to look at
      for (const tab of ['overview', 't2', 't3', 't4', 'problems', 'other']) {
        await page.getByTestId(`tab-${tab}`).click();
        await page.getByTestId(`panel-${tab}`).waitFor();
        await expectChinese(page, `报告编辑 ${tab}`);
        await screenshot(page, `editor-${tab}`);
      }
      expect(page.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
