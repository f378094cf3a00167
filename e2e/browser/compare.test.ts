/**
 * 比对报告 in the console: the county office compares every agency of the last cycle with its previous
 * year (progress shown), finds the agency whose 第五部分 repeats last year's ranked first, opens its
 * comparison — summary first, changed cells — and downloads the DOCX (read back); a preparer opens
 * 与上年对比 from the editor; the same comparison at 390 px on a phone.
 */
import mammoth from 'mammoth';
import { afterAll, describe, expect, it } from 'vitest';
import { demo } from '../demo';
import { closeBrowser, currentReportOf, expectChinese, login, newContext, newPage, saved, screenshot, waitNoSpinner } from './support';


describe('比对报告', () => {
  afterAll(closeBrowser);

  it('县政务公开办批量比对上一年度，照搬第五部分的民政局排第一；打开比对，看到摘要和变化的单元格，下载 DOCX', async () => {
    const year = demo.previousYear;
    const context = await newContext();
    try {
      const page = await newPage(context);
      await login(page, 'admin');
      await page.getByRole('menuitem', { name: '报告比对' }).click();
      await page.getByTestId('compare-batch-page').waitFor();
      await expectChinese(page, '报告比对（开始前）');
      await page.getByTestId('compare-batch-year').click();
      await page.getByRole('option', { name: String(year) }).click();
      await page.getByTestId('compare-batch-start').click();
      const progress = page.getByTestId('compare-batch-progress');
      await expect.poll(async () => progress.innerText().catch(() => ''), { timeout: 60_000 }).toMatch(/^已比对 (\d+) \/ \1 个单位$/);
      const rows = page.getByTestId('compare-batch-table').locator('tbody tr');
      const first = rows.first();
      expect(await first.getAttribute('data-agency')).toBe('盐池县民政局');
      expect(await first.innerText()).toContain('照搬上年');
      expect(await first.locator('td').first().innerText()).toBe('1');
      await screenshot(page, 'compare-batch');

      await first.getByRole('link', { name: '查看比对' }).click();
      await page.getByTestId('compare-page').waitFor();
      await waitNoSpinner(page);
      expect(await page.getByTestId('compare-sides').innerText()).toBe(`盐池县民政局：${year - 1} 年度报告（第 1 版公开稿）与${year} 年度报告（第 1 版公开稿）对比`);
      const summary = await page.getByTestId('compare-summary').innerText();
      expect(summary).toMatch(/五、存在的主要问题及改进情况与上年高度相似.*可能照搬上年内容/);
      expect(await page.getByTestId('compare-cells').locator('tbody tr').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('compare-copied-problems').isVisible()).toBe(true);
      await expectChinese(page, '比对报告');
      await screenshot(page, 'compare-report');

      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('compare-docx').click()]);
      expect(download.suggestedFilename()).toBe(`盐池县民政局${year - 1}年与${year}年报告比对.docx`);
      const { value: text } = await mammoth.extractRawText({ buffer: await saved(download) });
      const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
      expect(lines[0]).toBe(`盐池县民政局${year}年政府信息公开工作年度报告比对报告`);
      expect(lines[2]).toBe('一、比对摘要');
      expect(lines[3]).toMatch(/可能照搬上年内容/);
      expect(page.errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('填报人在编辑器中点“与上年对比”；手机上比对页不横向滚动', async () => {
    const report = await currentReportOf('yanchi.wenlv');
    const context = await newContext({ width: 390, height: 844 });
    try {
      const page = await newPage(context);
      await login(page, 'wenlv.preparer');
      await page.goto(`/#/reports/${report.id}`);
      await page.getByTestId('report-editor').waitFor({ timeout: 30_000 });
      await page.getByTestId('compare-button').click();
      await page.getByTestId('compare-page').waitFor();
      await waitNoSpinner(page);
      expect(await page.getByTestId('compare-sides').innerText()).toContain(`${report.year - 1} 年度报告`);
      expect(await page.getByTestId('compare-summary').locator('li').count()).toBeGreaterThan(0);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, 'compare-phone');
      expect(page.errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
