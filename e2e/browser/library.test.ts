/**
 * 公开文件库 in the console, as the county office uses it: a published report's PDF (the server's own
 * print of a published revision) uploaded for 盐池县民政局 is kept and listed; the same PDF uploaded
 * again is recognised as the same file and not kept twice.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baseUrl, closeBrowser, expectChinese, gql, login, newContext, newPage, reportsOf, screenshot, tokenFor, waitNoSpinner } from './support';

describe('公开文件库', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'touming-library-'));
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await closeBrowser();
  });

  it('上传民政局已公开报告的 PDF，列在文件库中；再次上传同一份 PDF 被认出是同一个文件', async () => {
    const published = (await reportsOf('yanchi.minzheng')).filter((r) => r.status === 'PUBLISHED').sort((a, b) => b.year - a.year)[0];
    const token = await tokenFor('admin');
    const { report } = await gql<{ report: { revisions: { id: string; isCurrent: boolean }[] } }>(
      'query($id: ID!) { report(id: $id) { revisions { id isCurrent } } }',
      { id: published.id },
      token,
    );
    const revision = report.revisions.find((r) => r.isCurrent)!;
    const pdf = await fetch(`${baseUrl()}/download/reports/${revision.id}.pdf`);
    expect(pdf.status).toBe(200);
    const file = path.join(dir, `盐池县民政局${published.year}年政府信息公开工作年度报告.pdf`);
    fs.writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));

    const context = await newContext();
    try {
      const page = await newPage(context);
      await login(page, 'admin');
      await page.getByRole('menuitem', { name: '公开文件库' }).click();
      await page.getByTestId('library-page').waitFor();
      await waitNoSpinner(page);
      await expectChinese(page, '公开文件库');

      const uploadOnce = async () => {
        await page.getByTestId('library-file').setInputFiles(file);
        await page.getByTestId('library-agency').click();
        await page.getByRole('option', { name: '盐池县民政局' }).click();
        await page.getByTestId('library-upload').click();
        const message = page.getByTestId('library-message');
        await message.waitFor({ timeout: 60_000 });
        return message.innerText();
      };
      expect(await uploadOnce()).toMatch(/^已保存到文件库：盐池县民政局\d{4}年政府信息公开工作年度报告\.pdf（/);
      const row = page.getByTestId('library-table').locator(`tr[data-file="${path.basename(file)}"]`);
      await row.waitFor();
      expect(await row.innerText()).toContain('PDF 文档');
      await screenshot(page, 'library-uploaded');

      expect(await uploadOnce()).toBe(`文件库中已有内容完全相同的文件：${path.basename(file)}，未重复保存`);
      expect(await page.getByTestId('library-table').locator(`tr[data-file="${path.basename(file)}"]`).count()).toBe(1);
      await screenshot(page, 'library-duplicate');
      expect(page.errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});
