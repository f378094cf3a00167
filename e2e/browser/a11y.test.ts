/**
 * Accessibility of the console: axe-core over every main screen as each role sees it — the login
 * page, every menu screen, the dashboards with their states (已退回, whose turn), the editor of a
 * draft, of a returned draft and on a phone, the 保密审查 page, the 汇总 and its ranking, a dialog —
 * with 0 serious and 0 critical violations. Each screen is saved under e2e/artifacts/a11y-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { demo } from '../demo';
import { axe, closeBrowser, currentReportOf, expectAxeClean, login, newContext, newPage, screenshot, waitNetworkQuiet, waitNoSpinner, type ContextOptions } from './support';

interface Screen {
  name: string;
  route: string;
  /** a test id that is on the screen once it has loaded */
  ready?: string;
  /** a step after loading (open a dialog, a tab) */
  then?: (page: Page) => Promise<void>;
}

async function settle(page: Page, ready?: string) {
  if (ready) await page.getByTestId(ready).first().waitFor({ timeout: 30_000 });
  await waitNetworkQuiet(page);
  await waitNoSpinner(page);
  // the screen as it stays, not half-loaded: no loading indicator left (bounded)
  await page.waitForFunction(() => !document.querySelector('.MuiCircularProgress-root'), undefined, { timeout: 10_000 }).catch(() => undefined);
}

/** axe's violations of the page, the minor ones printed */
async function axeViolations(page: Page, name: string) {
  const violations = await axe(page);
  if (violations.length) console.log(`[axe] ${name}：${violations.map((v) => `${v.id}(${v.impact}, ${v.nodes.length})`).join(', ')}`);
  return violations;
}

/** signs in as `username`, then checks and screenshots every screen */
async function walk(username: string, screens: (page: Page) => Promise<Screen[]>, opts: ContextOptions = {}) {
  const context = await newContext(opts);
  try {
    const page = await newPage(context);
    await login(page, username);
    // every screen is checked before the verdict, so one run names every problem
    const serious: string[] = [];
    for (const screen of await screens(page)) {
      await page.goto(`/#${screen.route}`);
      await settle(page, screen.ready);
      if (screen.then) {
        await screen.then(page);
        await settle(page);
      }
      const name = `${username} · ${screen.name}`;
      for (const v of await axeViolations(page, name)) {
        if (v.impact === 'serious' || v.impact === 'critical') serious.push(`${name}：${v.id} ${JSON.stringify(v.nodes)}`);
      }
      await screenshot(page, `a11y-${username.replace('.', '-')}-${screen.name}`);
    }
    expect(serious, 'axe 严重问题').toEqual([]);
    expect(page.errors).toEqual([]);
  } finally {
    await context.close();
  }
}

/** the menu's screens of the signed-in user (apps/admin/src/layout/menuItems.tsx) */
async function menuScreens(page: Page): Promise<Screen[]> {
  const items = await page.locator('[data-testid^="menu-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('menu-'.length)));
  const ready: Record<string, string> = { todo: 'todo-list' };
  return items.map((item) => ({ name: item, route: item === 'dashboard' ? '/' : `/${item}`, ready: ready[item] }));
}

describe('无障碍（axe）：各角色的主要界面没有严重问题', () => {
  afterAll(closeBrowser);

  it('登录页', async () => {
    const context = await newContext();
    try {
      const page = await newPage(context);
      await page.goto('/#/login');
      await page.getByTestId('login-submit').waitFor();
      await page.waitForLoadState('networkidle');
      await expectAxeClean(page, '登录页');
      await screenshot(page, 'a11y-login');
      expect(page.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('县政务公开办：全部菜单页面、报告编辑器（含已退回的草稿）、保密审查、汇总和质量排名', async () => {
    const draft = await currentReportOf('yanchi.wenlv');
    // 盐池县民政局's report of the open cycle was returned by its 分管领导 in the seed
    const returned = await currentReportOf('yanchi.minzheng');
    await walk('admin', async (page) => [
      ...(await menuScreens(page)),
      { name: 'county-ranking', route: `/county?year=${demo.previousYear}&tab=ranking`, ready: 'county-ranking-table' },
      { name: 'editor', route: `/reports/${draft.id}`, ready: 'workflow-panel' },
      { name: 'editor-returned', route: `/reports/${returned.id}`, ready: 'returned-notice' },
      { name: 'confidentiality', route: `/reports/${draft.id}/confidentiality`, ready: 'confidentiality-page' },
    ]);
  }, 300_000);

  it('填报人：工作台、待我处理、年度报告、编辑器、预览对话框、审计记录', async () => {
    const draft = await currentReportOf('yanchi.wenlv');
    await walk('wenlv.preparer', async (page) => [
      ...(await menuScreens(page)),
      { name: 'editor', route: `/reports/${draft.id}`, ready: 'workflow-panel' },
      {
        name: 'editor-preview',
        route: `/reports/${draft.id}`,
        ready: 'workflow-panel',
        then: async (p) => {
          await p.getByTestId('preview-button').click();
          await p.getByRole('dialog').waitFor();
        },
      },
    ]);
  }, 240_000);

  it('分管领导、保密审查员、股室填报人：工作台、编辑器、保密审查', async () => {
    const draft = await currentReportOf('yanchi.wenlv');
    await walk('wenlv.reviewer', async () => [
      { name: 'dashboard', route: '/', ready: 'agency-dashboard' },
      { name: 'editor', route: `/reports/${draft.id}`, ready: 'workflow-panel' },
    ]);
    await walk('wenlv.secrecy', async () => [
      { name: 'dashboard', route: '/', ready: 'agency-dashboard' },
      { name: 'todo', route: '/todo', ready: 'todo-list' },
      { name: 'confidentiality', route: `/reports/${draft.id}/confidentiality`, ready: 'confidentiality-page' },
    ]);
    await walk('wenlv.contributor', async () => [{ name: 'dashboard', route: '/', ready: 'agency-dashboard' }]);
  }, 240_000);

  it('主要领导在手机上：工作台、待我处理、编辑器', async () => {
    const reviewed = await currentReportOf('yanchi.weijian');
    await walk(
      'weijian.approver',
      async () => [
        { name: 'dashboard-phone', route: '/', ready: 'agency-dashboard' },
        { name: 'todo-phone', route: '/todo', ready: 'todo-list' },
        { name: 'editor-phone', route: `/reports/${reviewed.id}`, ready: 'workflow-panel' },
      ],
      { width: 390, height: 844, mobile: true },
    );
  }, 180_000);
});
