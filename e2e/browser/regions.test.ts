/**
 * 地区管理 in the console: 吴忠市's office sees its city with both counties under the province it
 * belongs to (breadcrumbs, read-only), creates a 乡镇 under 同心县 and renames it (both audited);
 * the move dialog applies the domain's placement rule live; 盐池县's office sees only its county.
 * Chinese throughout, no serious or critical axe violation.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, expectChinese, gql, login, newContext, newPage, screenshot, tokenFor, waitNoSpinner } from './support';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function seriousAxeViolations(page: Page): Promise<Array<{ id: string; impact: string | null; nodes?: string[] }>> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    // the screen itself (the app bar's user menu is react-admin's and has a finding of its own)
    const screen = document.querySelector('[data-testid="regions-page"]') ?? document;
    const result = await (window as unknown as { axe: { run: (ctx: Element | Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string | null }> }> } }).axe.run(screen, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: (v as unknown as { nodes: Array<{ target: string[] }> }).nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe('地区管理', () => {
  afterAll(closeBrowser);

  it('市政务公开办管理两个县的地区树：新建、更名（记入审计），调整隶属时即时检查', async () => {
    const context = await newContext();
    try {
      const page = await newPage(context);
      await login(page, 'wuzhong.admin');
      await page.goto('/#/regions');
      await page.getByTestId('region-640324').waitFor();
      expect(await page.getByTestId('regions-breadcrumbs').innerText()).toMatch(/宁夏回族自治区[\s\S]*吴忠市/);
      expect(await page.getByTestId('region-640000').innerText()).toContain('上级（只读）');
      expect(await page.getByTestId('region-640323').innerText()).toContain('盐池县');

      // a township under 同心县
      await page.getByTestId('region-640324').getByRole('button', { name: '新建下级地区' }).click();
      await page.getByTestId('region-code').fill('640324101');
      await page.getByTestId('region-name').fill('豫旺镇');
      await page.getByTestId('region-save').click();
      await page.getByTestId('region-640324101').waitFor();

      await page.getByTestId('region-640324101').getByRole('button', { name: '更名' }).click();
      await page.getByTestId('region-name').fill('豫旺镇（更名）');
      await page.getByTestId('region-save').click();
      await expect.poll(() => page.getByTestId('region-640324101').innerText()).toContain('豫旺镇（更名）');

      // a wrong code is refused live, by the same rule the API applies
      await page.getByTestId('region-640324').getByRole('button', { name: '新建下级地区' }).click();
      await page.getByTestId('region-code').fill('640323102');
      await page.getByTestId('region-name').fill('错码镇');
      expect(await page.getByTestId('region-problem').innerText()).toContain('不相符');
      expect(await page.getByTestId('region-save').isDisabled()).toBe(true);
      await page.getByRole('button', { name: '取消' }).click();

      // moving the township under the other county breaks its code: the dialog says so
      await page.getByTestId('region-640324101').getByRole('button', { name: '调整隶属' }).click();
      await page.getByRole('dialog').locator('[aria-haspopup="listbox"]').click();
      await page.getByRole('option', { name: /盐池县/ }).click();
      expect(await page.getByTestId('region-problem').innerText()).toContain('不相符');
      await page.getByRole('button', { name: '取消' }).click();

      await waitNoSpinner(page);
      await expectChinese(page, '地区管理');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, 'regions-city');
      expect(page.errors).toEqual([]);

      // both acts are in the city office's trail, named as its own
      const { auditEntries } = await gql<{ auditEntries: { items: Array<{ action: string; actorName: string }> } }>(
        '{ auditEntries(filter: { actions: ["region.create", "region.rename"] }, options: { take: 10 }) { items { action actorName } } }',
        {},
        await tokenFor('wuzhong.admin'),
      );
      expect(auditEntries.items.map((e) => e.action).sort()).toEqual(['region.create', 'region.rename']);
      expect(auditEntries.items.every((e) => e.actorName.includes('wuzhong.admin'))).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('县政务公开办只看到本县', async () => {
    const context = await newContext();
    try {
      const page = await newPage(context);
      await login(page, 'admin');
      await page.goto('/#/regions');
      await page.getByTestId('region-640323').waitFor();
      expect(await page.getByTestId('region-640323').innerText()).toContain('本级');
      expect(await page.getByTestId('region-640324').count()).toBe(0);
      expect(await page.getByTestId('region-640300').innerText()).toContain('上级（只读）');
      expect(page.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
