/**
 * 催报 and 消息 in the console: the county office selects an agency that has not published on its
 * dashboard and sends a reminder; the agency's preparer sees the unread count in the header, reads the
 * reminder in 消息 and marks it read. A user with no messages sees the empty state.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { demo } from '../demo';
import { seriousViolations } from './a11y';
import { closeBrowser, expectChinese, login, newContext, newPage, screenshot, waitNoSpinner } from './support';

const AGENCY = '盐池县卫生健康局';
const MESSAGE = '请于本周五前完成主要领导审批并公开，逾期将通报。';

describe('催报与消息', () => {
  afterAll(closeBrowser);

  it('县政务公开办催报，单位填报人在“消息”中收到并标为已读', async () => {
    // the seed leaves 卫生健康局's report of the open cycle signed by two, not yet published
    expect(demo.statusOf('yanchi.weijian', demo.currentYear)).not.toBe('PUBLISHED');
    const context = await newContext();
    try {
      const office = await newPage(context);
      await login(office, 'admin');
      const row = office.locator(`[data-testid="agency-progress"] tr[data-agency="${AGENCY}"]`);
      await row.waitFor();
      await row.getByTestId('reminder-select').locator('input').check();
      await office.getByTestId('reminder-open').click();
      const dialog = office.getByRole('dialog');
      await dialog.waitFor();
      expect(await dialog.getByTestId('reminder-targets').innerText()).toContain(AGENCY);
      await office.getByTestId('reminder-message').fill(MESSAGE);
      await screenshot(office, 'reminder-1-office-dialog', { fullPage: false });
      await office.getByTestId('reminder-send').click();
      await office.getByText(/已向 1 个单位发送催报，共 3 人收到消息/).waitFor();
      await dialog.waitFor({ state: 'hidden' });
      await screenshot(office, 'reminder-2-office-sent', { fullPage: false });
      expect(office.errors).toEqual([]);
    } finally {
      await context.close();
    }

    const agencyContext = await newContext();
    try {
      const page = await newPage(agencyContext);
      await login(page, 'weijian.preparer');
      const bell = page.getByTestId('notification-bell');
      await expect.poll(async () => Number(await bell.getAttribute('data-unread')), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
      const unreadBefore = Number(await bell.getAttribute('data-unread'));
      // its accessible name says how many are unread (a hidden label before the visible count)
      expect(await bell.evaluate((el) => (el.textContent ?? '').trim())).toBe(`消息（${unreadBefore} 条未读）${unreadBefore}`);
      await screenshot(page, 'reminder-3-agency-header', { fullPage: false });
      await bell.click();
      const item = page.getByTestId('message-item').filter({ hasText: MESSAGE }).first();
      await item.waitFor();
      expect(await item.getAttribute('data-kind')).toBe('REMINDER');
      expect(await item.getAttribute('data-unread')).toBe('true');
      const text = await item.innerText();
      expect(text).toContain(`催报：${AGENCY} ${demo.currentYear} 年度报告`);
      expect(text).toContain('县政务公开办管理员');
      await waitNoSpinner(page);
      await expectChinese(page, '消息');
      expect(await seriousViolations(page, '[data-testid="messages-page"]')).toEqual([]);
      await screenshot(page, 'reminder-4-agency-messages');
      await item.getByTestId('message-mark-read').click();
      await expect.poll(async () => item.getAttribute('data-unread'), { timeout: 10_000 }).toBe('false');
      await expect.poll(async () => Number(await bell.getAttribute('data-unread')), { timeout: 10_000 }).toBe(unreadBefore - 1);
      await screenshot(page, 'reminder-5-agency-read');
      expect(page.errors).toEqual([]);
    } finally {
      await agencyContext.close();
    }
  });

  it('没有消息时显示说明', async () => {
    const context = await newContext();
    try {
      const page = await newPage(context);
      await login(page, 'huamachi.approver');
      await page.goto('/#/messages');
      await page.getByTestId('messages-empty').waitFor();
      expect(await page.getByTestId('messages-empty').innerText()).toContain('暂无消息');
      expect(await page.getByTestId('messages-mark-all').isDisabled()).toBe(true);
      await screenshot(page, 'messages-empty', { fullPage: false });
    } finally {
      await context.close();
    }
  });
});
