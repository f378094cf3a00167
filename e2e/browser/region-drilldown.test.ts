/**
 * Drill-down by region in the console: 吴忠市's office (wuzhong.admin) compiles its city 本级 and with
 * its counties, picks 同心县 and then one of its agencies through the region picker, climbs back by the
 * breadcrumbs, and looks at 同心县's progress on the dashboard — its screens say 市级汇总 and 市政务公开办.
 * 盐池县's office (admin) is offered no 同心县 and is refused when it asks for it. Desktop and phone.
 * Reads only: 同心县 has no reports and nothing here writes (吴忠市's 生成市人民政府年度报告草稿 is refused:
 * it has no government registered), so other tests' data does not matter
 * (regions.test.ts may have added a 乡镇 under 同心县; nothing here depends on it).
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { demo } from '../demo';
import { closeBrowser, expectAxeClean, expectChinese, gql, login, newContext, newPage, screenshot, tokenFor, waitNoSpinner } from './support';

const year = demo.previousYear;

async function choose(page: Page, label: RegExp, option: string | RegExp) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

/** the name of the file the 汇总表 CSV button saves */
async function downloadedName(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('county-download-csv').click()]);
  return download.suggestedFilename();
}

describe('按地区逐级查看', () => {
  afterAll(closeBrowser);

  // a long walk through several screens: more time than the default on a loaded machine
  it('市政务公开办：选同心县、再选单位，汇总仅本级与含下级地区', async () => {
    const context = await newContext();
    try {
      const page = await newPage(context);
      await login(page, 'wuzhong.admin');
      await page.goto(`/#/county?year=${year}`);
      await page.getByTestId('region-breadcrumbs').waitFor();
      expect(await page.getByTestId('menu-county').innerText()).toContain('市级汇总');
      expect(await page.getByRole('heading', { level: 2, name: '市级汇总' }).count()).toBe(1);
      expect(await page.getByTestId('region-breadcrumbs').innerText()).toMatch(/宁夏回族自治区[\s\S]*吴忠市/);

      // the whole city (with its counties) counts 盐池县's reports; 本级 only the city's own agencies: none compiled
      await expect.poll(() => page.getByTestId('county-compiled').innerText()).toContain('吴忠市（含下级地区）');
      const subtree = await page.getByTestId('county-included').innerText();
      expect(subtree).toContain('盐池县');
      await screenshot(page, 'drilldown-city-subtree');
      // the office drafts its own government's report: 吴忠市 has registered none, and is told so in its words
      expect(await page.getByTestId('county-generate-report').innerText()).toBe('生成市人民政府年度报告草稿');
      await page.getByTestId('county-generate-report').click();
      await page.getByText('吴忠市尚未登记市人民政府（本级人民政府，单位类型 COUNTY_GOVERNMENT），无法生成其年度报告').waitFor();
      await screenshot(page, 'drilldown-city-generate-refused', { fullPage: false });
      await choose(page, /^地区层次/, '仅本级');
      await expect.poll(() => page.getByTestId('county-compiled').innerText()).toContain('吴忠市（仅本级）');
      await page.getByTestId('county-empty').waitFor();
      await screenshot(page, 'drilldown-city-own-level');
      await choose(page, /^地区层次/, '含下级地区');

      // down to 同心县, then one of its agencies
      await choose(page, /^下级地区/, '同心县');
      await expect.poll(() => page.getByTestId('region-breadcrumbs').innerText()).toMatch(/吴忠市[\s\S]*同心县/);
      await expect.poll(() => page.getByTestId('county-compiled').innerText()).toContain('同心县（含下级地区）');
      await expect.poll(() => page.getByTestId('county-missing').innerText()).toContain('同心县教育局');
      // the download is the compilation on the screen, and its name says which
      expect(await downloadedName(page)).toBe(`同心县政府信息公开工作年度报告汇总-${year}.csv`);
      await choose(page, /^本级单位/, '同心县教育局');
      await expect.poll(() => page.getByTestId('region-breadcrumbs').innerText()).toMatch(/吴忠市[\s\S]*同心县[\s\S]*同心县教育局/);
      await expect.poll(() => page.getByTestId('county-compiled').innerText()).toContain('同心县教育局');
      expect(await page.getByTestId('county-missing').innerText()).toContain('同心县教育局');
      expect(await downloadedName(page)).toBe(`同心县政府信息公开工作年度报告汇总（同心县教育局）-${year}.csv`);
      await waitNoSpinner(page);
      await expectChinese(page, '市级汇总（同心县教育局）');
      await expectAxeClean(page, '市级汇总（逐级查看）');
      await screenshot(page, 'drilldown-city-agency');

      // back up by the breadcrumbs
      await page.getByTestId('crumb-640300').click();
      await expect.poll(() => page.getByTestId('county-compiled').innerText()).toContain('吴忠市（含下级地区）');
      expect(page.url()).not.toContain('region=');

      // the dashboard: 同心县's agencies only, once picked
      await page.goto('/#/');
      await page.getByTestId('agency-progress').waitFor();
      await choose(page, /^下级地区/, '同心县');
      await expect.poll(async () => (await page.getByTestId('agency-progress').innerText()).includes('盐池县')).toBe(false);
      expect(await page.getByTestId('agency-progress').innerText()).toContain('同心县教育局');
      await waitNoSpinner(page);
      await screenshot(page, 'drilldown-city-dashboard');

      // the role is worded by the level: 市政务公开办
      await page.getByRole('button', { name: /用户|wuzhong|管理员/ }).first().click();
      await expect.poll(() => page.getByRole('menu').innerText()).toContain('市政务公开办');
      await page.keyboard.press('Escape');
      expect(page.errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('手机上的地区选择与面包屑', async () => {
    const context = await newContext({ width: 390, height: 844 });
    try {
      const page = await newPage(context);
      await login(page, 'wuzhong.admin');
      await page.goto(`/#/county?year=${year}`);
      await page.getByTestId('region-breadcrumbs').waitFor();
      await choose(page, /^下级地区/, '同心县');
      await expect.poll(() => page.getByTestId('county-compiled').innerText()).toContain('同心县');
      await waitNoSpinner(page);
      // nothing wider than the phone
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(page, 'drilldown-phone');
      expect(page.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('县政务公开办看不到同心县', async () => {
    const context = await newContext();
    try {
      const page = await newPage(context);
      await login(page, 'admin');
      await page.goto(`/#/county?year=${year}`);
      await page.getByTestId('region-breadcrumbs').waitFor();
      expect(await page.getByRole('heading', { level: 2, name: '县级汇总' }).count()).toBe(1);
      expect(await page.getByTestId('region-breadcrumbs').innerText()).toMatch(/吴忠市[\s\S]*盐池县/);
      // 吴忠市 is above the county office: shown, not a link
      expect(await page.getByTestId('crumb-640300').count()).toBe(0);
      await expect.poll(() => page.getByTestId('county-compiled').innerText()).toContain('盐池县');
      expect(await page.getByTestId('region-picker').innerText()).not.toContain('同心县');
      if (await page.getByRole('combobox', { name: /^下级地区/ }).count()) {
        await page.getByRole('combobox', { name: /^下级地区/ }).click();
        expect(await page.getByRole('option', { name: '同心县' }).count()).toBe(0);
        await page.keyboard.press('Escape');
      }
      await screenshot(page, 'drilldown-county');

      // asking the API for 同心县 anyway is refused
      const { regionTree } = await gql<{ regionTree: { nodes: Array<{ id: string; code: string }> } }>('{ regionTree { nodes { id code } } }', {}, await tokenFor('wuzhong.admin'));
      const tongxin = regionTree.nodes.find((n) => n.code === '640324')!.id;
      const refused = await gql('query($y: Int!, $g: ID) { cycleProgress(year: $y, regionId: $g) { agencyId } }', { y: demo.currentYear, g: tongxin }, await tokenFor('admin')).catch((e: Error) => e);
      expect(String((refused as Error).message ?? JSON.stringify(refused))).toMatch(/FORBIDDEN|权限|不在您所辖范围/);
      expect(page.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
