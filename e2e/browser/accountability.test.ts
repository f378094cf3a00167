/**
 * 责任追究 as both sides work on a case: the county office opens one (type, responsible person,
 * 整改期限, facts) after a confirmation; the agency's preparer finds it in 消息, reads it and reports its
 * 整改情况; the office reads the answer and closes the case with a 处理结果. Titles are readable.
 * 吴忠市's office narrows the list to one of its counties with the region picker (empty state
 * included); 盐池县's office, with no region below its own, is offered none.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { demo } from '../demo';
import { seriousViolations } from './a11y';
import type { Page } from 'playwright-core';
import { closeBrowser, expectAxeClean, expectChinese, gql, login, newContext, newPage, screenshot, tokenFor, waitNoSpinner } from './support';

const AGENCY = '盐池县卫生健康局';
const FACTS = '报告第五部分“存在的主要问题及改进情况”照搬上年原文，未反映本年度工作。';
const RESPONSE = '已重新撰写第五部分并经主要领导审定后更正公开；对经办人进行了批评教育。';
const OUTCOME = '整改到位，予以通报批评。';

describe('责任追究', () => {
  afterAll(closeBrowser);

  it('立案（确认）→ 单位在消息中收到并报送整改情况 → 县政务公开办结案', async () => {
    const title = `${AGENCY} ${demo.currentYear} 年度报告质量不合格`;
    let caseUrl = '';
    const office = await newContext();
    try {
      const page = await newPage(office);
      page.setDefaultTimeout(15_000);
      await login(page, 'admin');
      await page.goto('/#/accountability/create');
      const agency = page.getByRole('combobox', { name: '单位' });
      await agency.click();
      await agency.fill('卫生健康');
      await page.getByRole('option', { name: AGENCY }).click();
      await page.getByRole('combobox', { name: '类型' }).click();
      await page.getByRole('option', { name: '质量不合格' }).click();
      await page.getByLabel('责任人').fill('黄敏（办公室）');
      await page.getByLabel('整改期限').fill('2099-01-31');
      await page.getByLabel('情况说明（事实）').fill(FACTS);
      await page.getByTestId('case-open').click();
      const confirm = page.getByRole('dialog');
      await confirm.waitFor();
      const asked = await confirm.innerText();
      expect(asked).toContain('确认立案');
      expect(asked).toContain(`将对“${AGENCY}”${demo.currentYear}年度报告以“质量不合格”立案，责任人：黄敏（办公室），整改期限：2099-01-31`);
      await screenshot(page, 'case-1-office-confirm', { fullPage: false });
      await confirm.getByRole('button', { name: '立案' }).click();
      await page.getByTestId('case-show').waitFor();
      expect(await page.getByTestId('case-title').innerText()).toBe(title);
      expect(await page.getByTestId('case-status').innerText()).toBe('已立案');
      expect(await page.getByTestId('case-facts').innerText()).toContain(FACTS);
      expect(await page.getByTestId('case-report-link').innerText()).toContain(`${AGENCY} ${demo.currentYear} 年度报告`);
      caseUrl = page.url();
      await waitNoSpinner(page);
      await screenshot(page, 'case-2-office-opened');
      expect(page.errors).toEqual([]);
    } catch (error) {
      for (const p of office.pages()) await p.screenshot({ path: 'artifacts/case-debug.png' }).catch(() => undefined);
      throw error;
    } finally {
      await office.close();
    }

    const agencyContext = await newContext();
    try {
      const page = await newPage(agencyContext);
      await login(page, 'weijian.preparer');
      await page.goto('/#/messages');
      const item = page.getByTestId('message-item').filter({ hasText: `责任追究立案：${title}` }).first();
      await item.waitFor();
      expect(await item.innerText()).toContain('整改期限：2099-01-31');
      await screenshot(page, 'case-3-agency-message');
      await item.getByTestId('message-open').click();
      await page.getByTestId('case-show').waitFor();
      expect(await page.getByTestId('case-title').innerText()).toBe(title);
      await page.getByTestId('case-response-input').fill(RESPONSE);
      await page.getByTestId('case-respond').click();
      await expect.poll(async () => page.getByTestId('case-show').getAttribute('data-status'), { timeout: 15_000 }).toBe('ANSWERED');
      expect(await page.getByTestId('case-response-text').innerText()).toBe(RESPONSE);
      await waitNoSpinner(page);
      await expectChinese(page, '责任追究案件');
      const violations = await seriousViolations(page, '[data-testid="case-show"]');
      expect(JSON.stringify(violations)).toBe('[]');
      await screenshot(page, 'case-4-agency-answered');
      expect(page.errors).toEqual([]);
    } finally {
      await agencyContext.close();
    }

    const closing = await newContext();
    try {
      const page = await newPage(closing);
      await login(page, 'admin');
      await page.goto(caseUrl);
      await page.getByTestId('case-show').waitFor();
      expect(await page.getByTestId('case-response-text').innerText()).toBe(RESPONSE);
      await page.getByTestId('case-outcome-input').fill(OUTCOME);
      await page.getByTestId('case-close').click();
      await expect.poll(async () => page.getByTestId('case-show').getAttribute('data-status'), { timeout: 15_000 }).toBe('CLOSED');
      expect(await page.getByTestId('case-outcome-text').innerText()).toBe(OUTCOME);
      expect(await page.getByTestId('case-status').innerText()).toBe('已结案');
      await screenshot(page, 'case-5-office-closed');
      // the list names the case by its title
      await page.goto('/#/accountability');
      await page.getByText(title).first().waitFor();
      await screenshot(page, 'case-6-list');
      expect(page.errors).toEqual([]);
    } finally {
      await closing.close();
    }
    // three people sign in one after another on a shared, busy machine
  }, 240_000);

  it('市政务公开办按县筛选责任追究案件；县政务公开办没有地区选择', async () => {
    const rows = (page: Page) => page.locator('.RaDatagrid-tbody tr');
    const rowTexts = async (page: Page) => (await rows(page).allInnerTexts()).join('\n');
    const choose = async (page: Page, option: string) => {
      await page.getByRole('combobox', { name: /^下级地区/ }).click();
      await page.getByRole('option', { name: option }).click();
    };
    const city = await newContext();
    try {
      const page = await newPage(city);
      page.setDefaultTimeout(15_000);
      await login(page, 'wuzhong.admin');
      await page.goto('/#/accountability');
      await page.getByTestId('region-breadcrumbs').waitFor();
      expect(await page.getByTestId('region-breadcrumbs').innerText()).toMatch(/宁夏回族自治区[\s\S]*吴忠市/);
      // the whole city: 盐池县's cases (the demo's and the one above)
      await expect.poll(() => rowTexts(page)).toContain('盐池县');

      // 同心县 has no case yet: the empty state, under the region picked
      await choose(page, '同心县');
      await expect.poll(() => page.getByTestId('region-breadcrumbs').innerText()).toMatch(/吴忠市[\s\S]*同心县/);
      await page.getByText('还没有责任追究案件').waitFor();
      expect(page.url()).toContain('regionId');
      await waitNoSpinner(page);
      await screenshot(page, 'accountability-city-empty');

      // a case against 同心县教育局 (opened through the API): the filtered list shows it alone
      const token = await tokenFor('wuzhong.admin');
      const { regionTree } = await gql<{ regionTree: { nodes: Array<{ id: string; code: string }> } }>('{ regionTree { nodes { id code } } }', {}, token);
      const tongxin = regionTree.nodes.find((n) => n.code === '640324')!.id;
      const { agencies } = await gql<{ agencies: { items: Array<{ id: string; name: string }> } }>(
        'query($g: ID) { agencies(filter: { regionId: $g }, options: { take: 100 }) { items { id name } } }',
        { g: tongxin },
        token,
      );
      const jiaoyu = agencies.items.find((a) => a.name === '同心县教育局')!;
      await gql(
        'mutation($i: OpenAccountabilityCaseInput!) { openAccountabilityCase(input: $i) { id } }',
        { i: { agencyId: jiaoyu.id, year: demo.previousYear, kind: 'OVERDUE', description: '逾期未报送年度报告。', responsiblePerson: '马明（办公室）', rectifyBy: '2099-01-31' } },
        token,
      );
      await page.reload();
      await expect.poll(() => rowTexts(page)).toContain(`同心县教育局 ${demo.previousYear} 年度报告逾期未报送`);
      expect(await rows(page).count()).toBe(1);

      // back up to the city by the breadcrumbs, then down to 盐池县: its cases only
      await page.getByTestId('crumb-640300').click();
      await expect.poll(() => rowTexts(page)).toContain('同心县教育局');
      await choose(page, '盐池县');
      await expect.poll(() => rowTexts(page)).not.toContain('同心县');
      const yanchi = await rows(page).allInnerTexts();
      expect(yanchi.length).toBeGreaterThan(0);
      expect(yanchi.every((r) => r.includes('盐池县'))).toBe(true);
      await waitNoSpinner(page);
      await expectChinese(page, '责任追究（按地区）');
      await expectAxeClean(page, '责任追究（按地区）');
      await screenshot(page, 'accountability-city-county');
      expect(page.errors).toEqual([]);
    } finally {
      await city.close();
    }

    // 盐池县's office has no region below its own: the list as before, without a picker
    const county = await newContext();
    try {
      const page = await newPage(county);
      await login(page, 'admin');
      await page.goto('/#/accountability');
      await expect.poll(() => rowTexts(page)).toContain('盐池县');
      expect(await page.getByTestId('region-picker').count()).toBe(0);
      expect(page.errors).toEqual([]);
    } finally {
      await county.close();
    }
  }, 120_000);
});
