/**
 * 修改密码 in the console: from the user menu, in Chinese; the domain's password rule shows as the user
 * types; a wrong current password is a Chinese error; after the change the session continues, the old
 * password no longer signs in and the new one does. axe-core finds nothing serious or critical. The
 * account is made for this test (the demo accounts keep their password for the other tests).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, expectChinese, gql, newContext, newPage, replaceOneTimePassword, screenshot, tokenFor } from './support';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ONE_TIME = 'Admin-Gave-This-2026';
const FIRST = 'Browser-Test-Pass-2026';
const SECOND = 'Changed-In-Console-2027';

async function seriousAxe(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string | null }> }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}(${v.impact}) ${JSON.stringify((v as unknown as { nodes: Array<{ target: string[] }> }).nodes.map((n) => n.target))}`);
  });
}

async function signIn(page: Page, username: string, password: string) {
  await page.goto('/#/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

describe('修改密码', () => {
  afterAll(closeBrowser);

  it('从用户菜单修改本人密码：规则提示、当前密码错误的中文提示、修改后旧密码失效', async () => {
    const username = `pw.browser.${Date.now().toString(36)}`;
    const admin = await tokenFor('admin');
    const { agencies } = await gql<{ agencies: { items: Array<{ id: string; code: string }> } }>(`{ agencies(options: { take: 200 }) { items { id code } } }`, {}, admin);
    const wenlv = agencies.items.find((a) => a.code === 'yanchi.wenlv')!;
    await gql(`mutation($input: UserInput!) { createUser(input: $input) { id } }`, { input: { username, displayName: '密码测试', password: ONE_TIME, agencyId: wenlv.id, roles: ['AGENCY_REVIEWER'] } }, admin);
    // the forced change of the administrator's one-time password is e2e/browser/stepup.test.ts's; here the user changes their own
    await replaceOneTimePassword(username, ONE_TIME, FIRST);

    const context = await newContext();
    try {
      const page = await newPage(context);
      await signIn(page, username, FIRST);
      await page.waitForURL((url) => !url.hash.startsWith('#/login'), { timeout: 30_000 });
      await page.getByRole('button', { name: /密码测试/ }).click();
      await page.getByTestId('menu-change-password').click();
      await page.getByTestId('password-current').waitFor();
      await expectChinese(page, '修改密码');

      await page.getByTestId('password-current').fill('not-the-password');
      await page.getByTestId('password-new').fill('short');
      expect(await page.getByText('密码至少需要').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('password-submit').isDisabled()).toBe(true);
      await page.getByTestId('password-new').fill(SECOND);
      await page.getByTestId('password-repeat').fill(SECOND);
      await page.getByTestId('password-submit').click();
      const error = page.getByTestId('password-error');
      await error.waitFor();
      expect(await error.innerText()).toContain('当前密码不正确');
      expect(await seriousAxe(page)).toEqual([]);
      await screenshot(page, 'change-password');

      await page.getByTestId('password-current').fill(FIRST);
      await page.getByTestId('password-submit').click();
      await page.waitForURL((url) => !url.hash.startsWith('#/password'), { timeout: 30_000 });
      await page.getByText('密码已修改').first().waitFor();
      // still signed in with the token the change returned
      await page.locator('#main-content, main').first().waitFor();
      expect(page.errors).toEqual([]);
    } finally {
      await context.close();
    }

    const login = (password: string) =>
      gql<{ login: { token: string } }>(`mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: username, p: password });
    await expect(login(FIRST)).rejects.toThrow('UNAUTHENTICATED');
    expect((await login(SECOND)).login.token).toBeTruthy();
  });
});
