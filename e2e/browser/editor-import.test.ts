/**
 * Paste-import into a draft that already has content: another year's report needs an explicit
 * confirmation that names what it replaces (the texts, the tables), the preview lists only the cells
 * and texts that change, the count of what could not be placed matches the list under it (before and
 * after the import), a report of the other format cannot be imported over the draft at all, and a clean
 * import says so instead of "0 处无法识别".
 */
import { generateReport } from '@touming/domain/generate';
import { importReport } from '@touming/domain/import';
import { renderText } from '@touming/domain/render';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, gql, newContext, newPage, screenshot, tokenFor } from './support';
import { openDraftOf, openEditorTab } from './editor-support';

/** a draft no other browser test imports into */
const AGENCY = 'yanchi.dashuikeng';
const AGENCY_NAME = '盐池县大水坑镇人民政府';

async function contentOf(id: string) {
  const data = await gql<{ report: { cells: { key: string; value: number | null }[]; sections: { key: string; text: string }[] } }>(
    'query($id: ID!) { report(id: $id) { cells { key value } sections { key text } } }',
    { id },
    await tokenFor('admin'),
  );
  return {
    cells: Object.fromEntries(data.report.cells.map((c) => [c.key, c.value])),
    sections: Object.fromEntries(data.report.sections.map((s) => [s.key, s.text])),
  };
}

async function previewImport(page: Page, text: string) {
  await page.getByTestId('import-button').click();
  await page.getByTestId('import-dialog').waitFor();
  await page.getByTestId('import-text').fill(text);
  await page.getByTestId('import-preview-button').click();
  await page.getByTestId('import-preview').waitFor();
}

describe('粘贴导入：确认替换内容、只显示变化、计数一致', () => {
  afterAll(closeBrowser);

  it('导入其他年度的报告须明确确认替换哪些内容；预览只列出变化；无法识别的数目与列表一致；格式不同不能导入', async () => {
    const context = await newContext();
    try {
      const page = await newPage(context);
      const report = await openDraftOf(page, AGENCY, 'overview');
      const before = await contentOf(report.id);
      expect(before.sections.overview?.trim(), '草稿应已有总体情况').toBeTruthy();

      // a report of two years ago, with one number too many in a table-3 row: which one is extra is
      // unknown, so none of the row's 8 numbers is placed
      const source = generateReport({ format: '2021', year: report.year - 2, agency: AGENCY_NAME, seed: 11, scale: 2 });
      const text = renderText(source).replace(/^(四、结转下年度继续办理.*)$/m, '$1\t0');
      const expected = importReport({ text });
      expect(expected.unplaced).toHaveLength(8);
      const changing = Object.keys(expected.report.cells).filter((k) => (before.cells[k] ?? null) !== (expected.report.cells[k] ?? null));

      await previewImport(page, text);
      await page.getByTestId('import-other-year').waitFor();
      const summary = await page.getByTestId('import-summary').innerText();
      expect(summary).toContain(`${report.year - 2}年度`);
      expect(summary).toContain('有 8 处内容无法识别');
      expect(await page.locator('[data-testid="import-preview"] [data-testid="import-unplaced"] li').count()).toBe(8);
      // only the cells that change are listed, each with a different value before and after
      const rows = page.locator('[data-testid="import-filled"] tbody tr');
      expect(await rows.count()).toBe(changing.length);
      for (const row of (await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent))))) {
        expect(row[1], String(row[0])).not.toBe(row[2]);
      }
      // nothing is imported before the user confirms what is replaced, named
      const run = page.getByTestId('import-run');
      expect(await run.isDisabled()).toBe(true);
      const confirmation = await page.getByTestId('import-confirm-label').innerText();
      expect(confirmation).toContain(`这份${report.year - 2}年度的报告`);
      expect(confirmation).toContain('一、总体情况');
      expect(confirmation).toMatch(/三、收到和处理政府信息公开申请情况中已填写的 \d+ 个单元格/);
      await screenshot(page, 'editor-import-confirm', { fullPage: false });
      await page.getByTestId('import-confirm').check();
      expect(await run.isEnabled()).toBe(true);
      await run.click();
      await page.getByTestId('import-result').waitFor();
      expect(await page.getByTestId('import-result-summary').innerText()).toContain('有 8 处内容无法识别');
      expect(await page.locator('[data-testid="import-result"] [data-testid="import-unplaced"] li').count()).toBe(8);
      await screenshot(page, 'editor-import-result', { fullPage: false });
      await page.getByRole('button', { name: '关闭' }).click();
      await openEditorTab(page, 'overview');
      expect(await page.locator('textarea[data-section="overview"]').inputValue()).toBe(expected.report.sections.overview);
      expect((await contentOf(report.id)).sections.overview).toBe(expected.report.sections.overview);

      // the other format: refused by the domain's rule before anything is sent
      const old = generateReport({ format: '2019', year: 2020, agency: AGENCY_NAME, seed: 12 });
      await previewImport(page, renderText(old));
      expect(await page.getByTestId('import-blocked').innerText()).toMatch(/不能导入到本报告.*格式/);
      expect(await page.getByTestId('import-run').isDisabled()).toBe(true);
      expect(await page.locator('[data-testid="import-filled"]').count()).toBe(0);
      await screenshot(page, 'editor-import-blocked', { fullPage: false });
      await page.getByRole('button', { name: '返回' }).click();
      await page.getByRole('button', { name: '取消' }).click();

      // this year's report, read in full: "全部内容均已识别", never "0 处无法识别"
      const clean = renderText(generateReport({ format: '2021', year: report.year, agency: AGENCY_NAME, seed: 13, scale: 2 }));
      expect(importReport({ text: clean }).unplaced).toHaveLength(0);
      await previewImport(page, clean);
      expect(await page.getByTestId('import-summary').innerText()).toContain('全部内容均已识别');
      expect(await page.getByTestId('import-summary').innerText()).not.toMatch(/0 处/);
      expect(await page.getByTestId('import-other-year').count()).toBe(0);
      expect(await page.locator('[data-testid="import-preview"] [data-testid="import-unplaced"]').count()).toBe(0);
      await page.getByTestId('import-confirm').check();
      await page.getByTestId('import-run').click();
      await page.getByTestId('import-result').waitFor();
      const done = await page.getByTestId('import-result-summary').innerText();
      expect(done).toContain('全部内容均已识别');
      expect(done).not.toMatch(/0 处/);
      expect(page.errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
