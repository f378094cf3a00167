/**
 * 县级汇总 as the county office reads it:
 * - the open cycle's 汇总 (two early publications in the seed, more once other tests publish) says
 *   that its arrows compare those agencies with their own last year, and every arrow carries that
 *   count (no "行政处罚 ↓536" of one report against thirteen);
 * - the last cycle's 质量排名 shows shared ranks for equal scores, the scoring method, and the
 *   evaluators' findings (late, 第五部分 copied) as reasons.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { demo } from '../demo';
import { closeBrowser, expectChinese, gql, login, newContext, newPage, screenshot, tokenFor, waitNoSpinner } from './support';

describe('县级汇总', () => {
  afterAll(closeBrowser);

  it('汇总表的增减只比较两年都已公开的单位，并写明口径', async () => {
    // two early publications in the seed; other test files may have published more since
    expect(demo.agenciesWith(demo.currentYear, 'PUBLISHED')).toHaveLength(2);
    const { countySummary } = await gql<{ countySummary: { comparison: { agencyCount: number; reportCount: number; previousYearReportCount: number; description: string } } }>(
      'query($y: Int!) { countySummary(year: $y) { comparison { agencyCount reportCount previousYearReportCount description } } }',
      { y: demo.currentYear },
      await tokenFor('admin'),
    );
    const compared = countySummary.comparison.agencyCount;
    expect(compared).toBeGreaterThanOrEqual(2);
    expect(compared).toBeLessThan(countySummary.comparison.previousYearReportCount);
    const context = await newContext();
    try {
      const page = await newPage(context);
      await login(page, 'admin');
      await page.goto(`/#/county?year=${demo.currentYear}`);
      const note = page.getByTestId('county-comparison');
      await note.waitFor();
      expect(await note.innerText()).toContain(`只比较两年都已公开的${compared}个单位`);
      await page.locator('[data-cell="t2.penalty.decisions"]').first().waitFor();
      const arrows = page.locator('.tm-county-change');
      expect(await arrows.count()).toBeGreaterThan(0);
      // every arrow is the same agencies' change, and says so on hover
      expect(new Set(await arrows.evaluateAll((els) => els.map((e) => e.getAttribute('data-compared'))))).toEqual(new Set([String(compared)]));
      await page.locator('[data-cell="t2.penalty.decisions"]').first().hover();
      await expect.poll(async () => page.getByRole('tooltip').innerText().catch(() => ''), { timeout: 10_000 }).toContain(`同口径 ${compared} 个单位`);
      await waitNoSpinner(page);
      await expectChinese(page, '县级汇总');
      await screenshot(page, 'county-summary');
      expect(page.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('质量排名：同分并列，写明评分方法和扣分理由', async () => {
    const context = await newContext();
    try {
      const page = await newPage(context);
      await login(page, 'admin');
      await page.goto(`/#/county?year=${demo.previousYear}&tab=ranking`);
      const table = page.getByTestId('county-ranking-table');
      await table.waitFor();
      const ranks = await table.locator('td[data-rank]').evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-rank')), e.textContent ?? '']));
      expect(ranks.length).toBe(13);
      // ranks never decrease; a rank shared by several agencies is marked 并列, the next one skips
      const numbers = ranks.map(([n]) => n as number);
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      const tied = ranks.filter(([, text]) => String(text).includes('并列'));
      expect(tied.length).toBeGreaterThanOrEqual(2);
      expect(new Set(numbers).size).toBeGreaterThanOrEqual(5);
      await page.getByTestId('quality-criteria').locator('summary').click();
      expect(await page.getByTestId('quality-criteria').innerText()).toMatch(/第五部分不与上年雷同/);
      const text = await table.innerText();
      expect(text).toMatch(/晚于报告期限（\d{4}-01-31）44天公开/);
      expect(text).toMatch(/不得年年雷同/);
      await waitNoSpinner(page);
      await expectChinese(page, '质量排名');
      await screenshot(page, 'county-ranking');
      expect(page.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
