/**
 * 审计记录 as people read it: actions, coded values and field names in Chinese (the domain's audit
 * labels), agencies and people by name, never a UUID or a code like report.approve / PROACTIVE /
 * signedHash; sign-ins hidden unless asked for; filters by action (from the list of actions in
 * words), person, agency and date, through the API's filter arguments. And the county 汇总's
 * drill-down names its cell in words, not by its key. Screenshots: audit-trail-readable,
 * audit-trail-filtered, county-breakdown.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { demo } from '../demo';
import { closeBrowser, expectAxeClean, expectChinese, gql, login, newContext, newPage, screenshot, tokenFor, waitNoSpinner } from './support';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const CODE = /\b(report|auth|signature|confidentiality|finding|seed|access|user|agency|cycle|accountability)\.[a-zA-Z]+/;
const RAW_VALUES = /\b(OPEN|PROACTIVE|OVERDUE|RECTIFYING|signedHash|detectedFormat|PREPARE|APPROVED|SUBMITTED)\b/;

async function tableText(page: Page): Promise<string> {
  await waitNoSpinner(page);
  await page.waitForLoadState('networkidle');
  return page.locator('.RaDatagrid-table, table').first().innerText();
}

async function actionsShown(page: Page): Promise<string[]> {
  return page.getByTestId('audit-action').evaluateAll((els) => els.map((e) => e.getAttribute('data-action') ?? ''));
}

/** opens the audit list with react-admin's filter in the address (what the filter form writes there) */
async function openFiltered(page: Page, filter: Record<string, unknown>) {
  await page.goto(`/#/audit?filter=${encodeURIComponent(JSON.stringify(filter))}&order=DESC&page=1&perPage=25&sort=id`);
  await page.getByTestId('audit-banner').waitFor();
  await waitNoSpinner(page);
  await page.waitForLoadState('networkidle');
}

describe('审计记录', () => {
  afterAll(closeBrowser);

  it('动作、代码值和字段为中文，单位和人员显示名称；默认不看登录记录；可按动作、人员、单位、日期筛选', async () => {
    // a sign-in of 王丽 today: what the person, agency and date filters find (the seed's entries and
    // other files' acts give the coded details the list must show in words)
    await tokenFor('wenlv.preparer');
    const agencies = await gql<{ agencies: { items: { id: string; code: string; name: string }[] } }>(
      'query { agencies(options: { take: 100 }) { items { id code name } } }',
      {},
      await tokenFor('admin'),
    );
    const wenlv = agencies.agencies.items.find((a) => a.code === 'yanchi.wenlv')!;
    const users = await gql<{ users: { items: { id: string; username: string }[] } }>(
      'query { users(options: { take: 200 }) { items { id username } } }',
      {},
      await tokenFor('admin'),
    );
    const preparerId = users.users.items.find((u) => u.username === 'wenlv.preparer')!.id;
    // an act of the county office in its own county, so that the trail has an entry with coded values
    // whichever test files ran before (the seed's own entries belong to no agency: not in a county's list)
    const zhujian = agencies.agencies.items.find((a) => a.code === 'yanchi.zhujian')!;
    await gql(
      'mutation($a: ID!, $y: Int!) { openAccountabilityCase(input: { agencyId: $a, year: $y, kind: OTHER, description: "审计记录测试：核实上年度报告的公开渠道", responsiblePerson: "办公室", rectifyBy: "2099-12-31" }) { id } }',
      { a: zhujian.id, y: demo.previousYear },
      await tokenFor('admin'),
    );

    const context = await newContext();
    try {
      const page = await newPage(context);
      await login(page, 'admin');
      await page.goto('/#/audit');
      await page.getByTestId('audit-banner').waitFor();
      // once (CI, straight after workflow.test.ts) the first row did not come in 20 s: say what the page showed instead
      await page
        .getByTestId('audit-action')
        .first()
        .waitFor({ timeout: 45_000 })
        .catch(async (e: unknown) => {
          await screenshot(page, 'audit-trail-missing');
          throw new Error(`审计记录首行未出现，页面显示：${(await page.locator('body').innerText()).slice(0, 600)}`, { cause: e });
        });
      let text = await tableText(page);
      expect(text).not.toMatch(UUID);
      expect(text).not.toMatch(CODE);
      expect(text).not.toMatch(RAW_VALUES);
      // every line of an entry's detail is named in Chinese
      const fieldNames = await page.locator('[data-testid="audit-diff"] li > span:first-child').allInnerTexts();
      expect(fieldNames.length).toBeGreaterThan(0);
      expect(fieldNames.filter((n) => !/[\u4e00-\u9fff]/.test(n))).toEqual([]);
      // most of the trail is sign-ins: hidden by default
      expect((await actionsShown(page)).filter((a) => a.startsWith('auth.'))).toEqual([]);
      await expectChinese(page, '审计记录');
      await screenshot(page, 'audit-trail-readable');

      // by action, picked by its name from the list
      await page.getByLabel('不看登录记录').uncheck();
      await waitNoSpinner(page);
      const action = page.getByRole('combobox', { name: '动作' });
      await action.click();
      await action.fill('登录');
      await page.getByRole('option', { name: '登录', exact: true }).click();
      await expect.poll(async () => [...new Set(await actionsShown(page))], { timeout: 20_000 }).toEqual(['auth.login']);

      // by person and agency and date (today, China time): this run's sign-in of 王丽
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      await openFiltered(page, { hideLogins: false, action: 'auth.login', actorId: preparerId, agencyId: wenlv.id, from: today, to: today });
      await page.getByTestId('audit-action').first().waitFor();
      const rows = page.locator('.RaDatagrid-tbody tr, tbody tr');
      const rowTexts = await rows.evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText));
      expect(rowTexts.length).toBeGreaterThan(0);
      for (const row of rowTexts) {
        expect(row).toContain('wenlv.preparer');
        expect(row).toContain(wenlv.name);
      }
      text = await tableText(page);
      expect(text).not.toMatch(UUID);
      await screenshot(page, 'audit-trail-filtered');

      // a day with nothing recorded says so in Chinese
      await openFiltered(page, { hideLogins: false, from: '2001-01-01', to: '2001-01-02' });
      expect(await page.locator('body').innerText()).toContain('没有符合条件的审计记录');
      expect(page.errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('县级汇总的明细抽屉用单元格的中文名称，不显示内部代码', async () => {
    const context = await newContext();
    try {
      const page = await newPage(context);
      await login(page, 'admin');
      await page.goto(`/#/county?year=${demo.previousYear}`);
      const cell = page.locator('[data-cell="t2.normativeDocs.repealed"]').first();
      await cell.waitFor();
      await cell.click();
      const drawer = page.getByTestId('county-breakdown');
      await drawer.getByTestId('breakdown-label').waitFor();
      const shown = await drawer.innerText();
      expect(shown).not.toContain('t2.normativeDocs.repealed');
      expect(await drawer.getByTestId('breakdown-label').innerText()).toMatch(/表二.*废止/);
      await screenshot(page, 'county-breakdown', { fullPage: false });
      expect(page.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  // a province's thousands of agencies: the API answers a page at a time (tested against the database in
  // apps/api/test/county/demo-county.test.ts); here its answer is widened to 250 agencies, which the demo
  // county does not have, to see the console ask for the next page and say where it is
  it.each([
    ['电脑', {}],
    ['手机', { width: 390, height: 844, mobile: true }],
  ] as const)('明细抽屉分页（%s）：250 个单位时每页 100 个，翻页后显示第 101–200 个', async (device, opts) => {
    const context = await newContext(opts);
    try {
      const page = await newPage(context);
      const asked: Array<{ offset: number; limit: number }> = [];
      await page.route('**/graphql', async (route) => {
        // the console sends the document's text without an operationName
        const body = route.request().postDataJSON() as { query?: string; variables?: { offset?: number; limit?: number } } | null;
        if (!body?.query?.includes('query CountyCellBreakdownByScope')) return route.continue();
        const response = await route.fetch();
        const json = (await response.json()) as { data: { countyCellBreakdown: { itemCount: number; offset: number; items: Array<Record<string, unknown>> } } };
        const { offset = 0, limit = 100 } = body.variables ?? {};
        asked.push({ offset, limit });
        const template = json.data.countyCellBreakdown.items[0];
        const count = Math.max(0, Math.min(limit, 250 - offset));
        json.data.countyCellBreakdown.itemCount = 250;
        json.data.countyCellBreakdown.offset = offset;
        json.data.countyCellBreakdown.items = Array.from({ length: count }, (_, i) => ({ ...template, agencyId: `a${offset + i}`, agencyName: `第${offset + i + 1}个单位`, value: 250 - offset - i }));
        await route.fulfill({ response, json });
      });
      await login(page, 'admin');
      await page.goto(`/#/county?year=${demo.previousYear}`);
      const cell = page.locator('[data-cell="t3.new.total"]').first();
      await cell.waitFor();
      // the tables scroll sideways inside the screen: none is wider than the page (where the card clipped them once)
      // and the page itself does not scroll sideways (each cell's hidden label once widened it to 1,118 px)
      const widths = await page.locator('.tm-table-scroll').evaluateAll((els) => els.map((el) => el.clientWidth));
      expect(Math.max(...widths)).toBeLessThanOrEqual(page.viewportSize()!.width);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
      await cell.click();
      const drawer = page.getByTestId('county-breakdown');
      await drawer.getByText('第1个单位', { exact: true }).waitFor();
      expect(await drawer.locator('tbody tr').count()).toBe(100);
      expect(await drawer.getByTestId('breakdown-pages').innerText()).toContain('第 1–100 个，共 250 个单位');
      await drawer.getByRole('button', { name: '下一页' }).click();
      await drawer.getByText('第101个单位', { exact: true }).waitFor();
      expect(await drawer.getByTestId('breakdown-pages').innerText()).toContain('第 101–200 个，共 250 个单位');
      expect(asked.at(-1)).toEqual({ offset: 100, limit: 100 });
      // on a phone the drawer is the whole width: the pages and the rows fit without scrolling sideways
      const paper = page.locator('.MuiDrawer-paper', { has: drawer });
      expect(await paper.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      await expectAxeClean(page, `明细抽屉（分页，${device}）`);
      await screenshot(page, `county-breakdown-pages-${opts === undefined || !('mobile' in opts) ? 'desktop' : 'phone'}`, { fullPage: false });
      expect(page.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
