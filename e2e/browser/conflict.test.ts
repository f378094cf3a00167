/**
 * Two browser sessions edit one report (盐池县公安局's current draft, as the county office): the
 * second save gets the clear Chinese conflict message, what that user typed is still there, and
 * keeping it writes both users' changes into the new revision.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, currentReportOf, expectChinese, gql, login, newContext, newPage, screenshot, tokenFor, waitNoSpinner } from './support';

async function openEditor(page: Page, id: string) {
  await login(page, 'admin');
  await page.goto(`/#/reports/${id}`);
  await page.getByTestId('report-editor').waitFor({ timeout: 30_000 });
  await page.getByTestId('panel-t3').waitFor();
  await waitNoSpinner(page);
}

const cell = (page: Page, key: string) => page.locator(`input[data-cell="${key}"]`);
const revisionOf = async (page: Page) => Number(await page.getByTestId('report-editor').getAttribute('data-revision'));

async function savedValues(id: string, keys: string[]) {
  const fields = keys.map((k, i) => `c${i}: cell(key: "${k}")`).join(' ');
  const data = await gql<{ report: Record<string, number | null> & { revision: number } }>(
    `query($id: ID!) { report(id: $id) { revision ${fields} } }`,
    { id },
    await tokenFor('admin'),
  );
  return { revision: data.report.revision, values: keys.map((_, i) => data.report[`c${i}`]) };
}

describe('并发编辑冲突', () => {
  afterAll(closeBrowser);

  it('后保存的一方看到中文冲突提示，所填内容不丢失，可在新版本上保留', async () => {
    const report = await currentReportOf('yanchi.gongan');
    expect(report.status).toBe('DRAFT');
    const KEY_A = 't3.new.natural';
    const KEY_B = 't3.granted.natural';
    const start = await savedValues(report.id, [KEY_A, KEY_B]);
    const [a0, b0] = start.values as number[];

    const first = await newContext();
    const second = await newContext();
    try {
      const pageA = await newPage(first);
      const pageB = await newPage(second);
      await openEditor(pageA, report.id);
      await openEditor(pageB, report.id);
      const revision = await revisionOf(pageB);
      expect(await revisionOf(pageA)).toBe(revision);

      // A saves first
      await cell(pageA, KEY_A).fill(String(a0 + 3));
      await pageA.getByTestId('save-button').click();
      await pageA.waitForFunction((rev) => Number(document.querySelector('[data-testid="report-editor"]')?.getAttribute('data-revision')) > rev, revision);

      // B, still on the old revision, types and saves: conflict
      await cell(pageB, KEY_B).fill(String(b0 + 7));
      const save = pageB.getByTestId('save-button');
      if (await save.isEnabled()) await save.click(); // unless autosave already tried
      const dialog = pageB.getByTestId('conflict-dialog');
      await dialog.waitFor();
      const text = await dialog.innerText();
      expect(text).toContain('此报告已被他人修改');
      expect(text).toMatch(/没有丢失/);
      // what the other user changed, and what this user typed, both shown
      expect(await pageB.getByTestId('conflict-changes').innerText()).toContain(String(a0 + 3));
      expect(await pageB.locator(`[data-testid="conflict-mine"] [data-mine="${KEY_B}"]`).innerText()).toContain(String(b0 + 7));
      expect(await pageB.getByTestId('save-state').innerText()).toContain('他人已修改');
      await expectChinese(pageB, '冲突');
      await screenshot(pageB, 'conflict', { fullPage: false });
      // nothing was overwritten on the server
      expect((await savedValues(report.id, [KEY_A, KEY_B])).values).toEqual([a0 + 3, b0]);

      // keep mine on top of the new revision
      await pageB.getByTestId('conflict-reapply').click();
      await dialog.waitFor({ state: 'detached' });
      await pageB.waitForFunction(
        () => !/未保存|正在|他人/.test(document.querySelector('[data-testid="save-state"]')?.textContent ?? ''),
      );
      expect(await cell(pageB, KEY_B).inputValue()).toBe(String(b0 + 7));
      expect(await cell(pageB, KEY_A).inputValue()).toBe(String(a0 + 3));
      const end = await savedValues(report.id, [KEY_A, KEY_B]);
      expect(end.values).toEqual([a0 + 3, b0 + 7]);
      expect(end.revision).toBeGreaterThanOrEqual(revision + 2);
      expect(pageA.errors).toEqual([]);
      expect(pageB.errors).toEqual([]);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
