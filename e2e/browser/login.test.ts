/** Every demo role signs in through the Chinese login page and lands on a Chinese dashboard. */
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, expectChinese, login, newContext, newPage, screenshot } from './support';

const ROLES: { username: string; dashboard: 'county-dashboard' | 'agency-dashboard' }[] = [
  { username: 'admin', dashboard: 'county-dashboard' },
  { username: 'wenlv.preparer', dashboard: 'agency-dashboard' },
  { username: 'wenlv.reviewer', dashboard: 'agency-dashboard' },
  { username: 'wenlv.approver', dashboard: 'agency-dashboard' },
  { username: 'wenlv.secrecy', dashboard: 'agency-dashboard' },
  { username: 'wenlv.contributor', dashboard: 'agency-dashboard' },
];

describe('登录', () => {
  afterAll(closeBrowser);

  it('登录页为中文，错误密码给出中文提示', async () => {
    const context = await newContext();
    try {
      const page = await newPage(context);
      await page.goto('/#/login');
      await page.getByTestId('login-submit').waitFor();
      await page.waitForLoadState('networkidle');
      const text = await expectChinese(page, '登录');
      // the demo logins are listed only when /healthz says { demo: true } (the server prints them too)
      if (await page.getByTestId('demo-logins').isVisible()) expect(text).toContain('wenlv.preparer');
      await screenshot(page, 'login');

      await page.getByTestId('login-username').fill('wenlv.preparer');
      await page.getByTestId('login-password').fill('wrong-password');
      await page.getByTestId('login-submit').click();
      const error = page.getByTestId('login-error');
      await error.waitFor();
      expect(await error.innerText()).toMatch(/[\u4e00-\u9fff]/);
      expect(page.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  for (const { username, dashboard } of ROLES) {
    it(`${username} 登录后看到中文首页`, async () => {
      const context = await newContext();
      try {
        const page = await newPage(context);
        await login(page, username);
        await page.getByTestId(dashboard).waitFor();
        await expectChinese(page, `${username} 的首页`);
        if (username === 'admin') await screenshot(page, 'dashboard-county');
        if (username === 'wenlv.preparer') await screenshot(page, 'dashboard-agency');
        expect(page.errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
