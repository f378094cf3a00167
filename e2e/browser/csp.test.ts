/**
 * The console runs under the server's Content-Security-Policy (apps/api/src/http/security-headers.ts):
 * the page is served with it, and walking the main screens — login, dashboards, lists, the report
 * editor with its charts and the confidentiality page — reports no CSP violation in Chromium.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, currentReportOf, login, newContext, newPage, waitNoSpinner } from './support';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** every securitypolicyviolation event of every page of the context, and Chromium's console reports */
async function watchCsp(context: BrowserContext): Promise<{ page: Page & { errors: string[] }; violations: () => Promise<string[]> }> {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations!.push(`${e.violatedDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  const page = await newPage(context);
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) console.push(m.text());
  });
  return {
    page,
    violations: async () => [...console, ...((await page.evaluate(() => window.__cspViolations ?? []).catch(() => [])) as string[])],
  };
}

async function visit(page: Page, route: string, ready?: string) {
  await page.goto(`/#${route}`);
  if (ready) await page.getByTestId(ready).waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await waitNoSpinner(page);
}

describe('内容安全策略（CSP）下控制台正常工作', () => {
  afterAll(closeBrowser);

  it('页面带有 CSP 响应头，登录页与县政务公开办的各主要页面没有任何 CSP 违规', async () => {
    const context = await newContext();
    try {
      const { page, violations } = await watchCsp(context);
      const response = await page.goto('/#/login');
      const csp = (await response!.allHeaders())['content-security-policy'] ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      await page.getByTestId('login-username').waitFor();
      await login(page, 'admin');
      await page.getByTestId('county-dashboard').waitFor();
      await page.waitForLoadState('networkidle');
      for (const [route, ready] of [
        ['/todo', 'todo-list'],
        ['/reports', undefined],
        ['/agencies', undefined],
        ['/users', undefined],
        ['/cycles', undefined],
        ['/audit', 'audit-banner'],
        ['/accountability', undefined],
      ] as const) {
        await visit(page, route, ready);
      }
      const report = await currentReportOf('yanchi.gongan');
      await visit(page, `/reports/${report.id}`, 'report-editor');
      expect(await violations()).toEqual([]);
      expect(page.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('填报人的看板、报告编辑与保密审查页面没有任何 CSP 违规', async () => {
    const context = await newContext();
    try {
      const { page, violations } = await watchCsp(context);
      await login(page, 'wenlv.preparer');
      await page.getByTestId('agency-dashboard').waitFor();
      await page.waitForLoadState('networkidle');
      const report = await currentReportOf('yanchi.wenlv');
      await visit(page, `/reports/${report.id}`, 'report-editor');
      await page.getByTestId('panel-t3').waitFor();
      await visit(page, `/reports/${report.id}/confidentiality`);
      await visit(page, '/todo', 'todo-list');
      expect(await violations()).toEqual([]);
      expect(page.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
