/**
 * The county office imports an agency's published report as the PDF it was published in: the import
 * dialog takes the file, the server reads it (pdf.js), and the editor shows the imported numbers —
 * the blank cell blank — with what the dialog says about the file (its year and format). The draft
 * (大水坑镇's, which the paste-import test also uses) gets its content back afterwards.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { generateReport } from '@touming/domain/generate';
import { renderHtml } from '@touming/domain/render';
import { browser, closeBrowser, currentReportOf, expectChinese, gql, login, newContext, newPage, screenshot, tokenFor, waitNoSpinner } from './support';

describe('导入 PDF 年度报告', () => {
  afterAll(closeBrowser);

  it('县政务公开办上传 PDF，导入后编辑器中是原文的数字（空格仍为空）', async () => {
    const report = await currentReportOf('yanchi.dashuikeng');
    expect(report.status).toBe('DRAFT');
    const detail = await gql<{ report: { format: string } }>(`query($id: ID!) { report(id: $id) { format } }`, { id: report.id }, await tokenFor('admin'));
    const admin = await tokenFor('admin');
    const saved = await gql<{ report: { cells: { key: string; value: number | null }[]; sections: { key: string; text: string }[] } }>(
      'query($id: ID!) { report(id: $id) { cells { key value } sections { key text } } }',
      { id: report.id },
      admin,
    );
    const published = generateReport({ format: detail.report.format, year: report.year, agency: report.agency.name, seed: 77, scale: 1.5 });
    published.cells['t3.new.research'] = null;

    // the PDF as an agency publishes it: our official layout printed by Chromium
    const printing = await (await browser()).newPage();
    await printing.setContent(renderHtml(published, { standalone: true }));
    const pdf = await printing.pdf({ format: 'A4', preferCSSPageSize: true });
    await printing.close();

    const context = await newContext();
    try {
      const page = await newPage(context);
      await login(page, 'admin');
      await page.goto(`/#/reports/${report.id}`);
      await page.getByTestId('report-editor').waitFor({ timeout: 30_000 });
      await page.getByTestId('panel-t3').waitFor();
      await waitNoSpinner(page);

      await page.getByTestId('import-button').click();
      await page.getByTestId('import-dialog').waitFor();
      await page.getByTestId('import-file').setInputFiles({ name: `${report.agency.name}${report.year}年报告.pdf`, mimeType: 'application/pdf', buffer: pdf });
      await page.getByTestId('import-file-chosen').waitFor();
      expect(await page.getByTestId('import-file-chosen').innerText()).toContain('.pdf');
      await expectChinese(page, '导入对话框');
      // replacing what the draft has needs the ticked confirmation
      if (Object.values(saved.report.cells).some((c) => c.value !== null)) {
        expect(await page.getByTestId('import-run').isDisabled()).toBe(true);
        await page.getByTestId('import-confirm').check();
      }
      await page.getByTestId('import-run').click();
      await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
      const said = await page.getByTestId('import-file-result').innerText();
      expect(said).toContain(`${report.year}年度报告`);
      expect(await page.getByTestId('import-result-summary').innerText()).toMatch(/全部内容均已识别/);
      await screenshot(page, 'import-pdf-result');
      await page.getByRole('button', { name: '关闭' }).click();

      for (const key of ['t3.new.natural', 't3.new.total', 't3.granted.natural', 't3.carryForward.total']) {
        await page.waitForFunction(
          ([k, v]) => (document.querySelector(`input[data-cell="${k}"]`) as HTMLInputElement | null)?.value === v,
          [key, String(published.cells[key])],
          { timeout: 15_000 },
        );
      }
      expect(await page.locator('input[data-cell="t3.new.research"]').inputValue()).toBe('');
      expect(page.errors).toEqual([]);

      // what the server stored is the published report, cell for cell
      const stored = await gql<{ report: { cells: { key: string; value: number | null }[] } }>(
        `query($id: ID!) { report(id: $id) { cells { key value } } }`,
        { id: report.id },
        await tokenFor('admin'),
      );
      expect(Object.fromEntries(stored.report.cells.map((c) => [c.key, c.value]))).toEqual(published.cells);
    } finally {
      await context.close();
      // the draft as it was, for the other tests that read it
      const now = await gql<{ report: { revision: number } }>('query($id: ID!) { report(id: $id) { revision } }', { id: report.id }, admin);
      await gql(
        'mutation($id: ID!, $rev: Int!, $input: ReportUpdateInput!) { updateReport(id: $id, expectedRevision: $rev, input: $input) { revision } }',
        { id: report.id, rev: now.report.revision, input: { cells: saved.report.cells, sections: saved.report.sections } },
        admin,
      );
    }
    // printing, seeding the editor and the server's PDF read: a minute on a busy machine
  }, 180_000);
});
