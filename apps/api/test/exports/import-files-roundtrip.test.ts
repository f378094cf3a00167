/**
 * import(file(render(r))) == r, cell for cell and blanks included, for random rule-consistent reports
 * of both formats through every input kind a report is published in: plain text, HTML, Word (our DOCX
 * read back through mammoth) and PDF (our HTML printed by Chromium, read back through pdf.js and the
 * domain's positioned import). 20 reports per format and kind. PDF timings are printed, not asserted.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { getFormat, type FormatId } from '@touming/domain/formats';
import { generateReport } from '@touming/domain/generate';
import { renderHtml, renderText } from '@touming/domain/render';
import type { ReportContent } from '@touming/domain/report';
import { reportDocx } from '../../src/modules/exports/report-docx';
import { PdfPrinter } from '../../src/modules/exports/pdf/pdf-printer';
import { importReportFile, type ReportFileKind } from '../../src/modules/reports/report-file';

const RUNS = 20;
const printer = new PdfPrinter();
afterAll(() => printer.close());

const AGENCIES = ['盐池县文化旅游广电局', '某县市场监督管理局', '花马池镇人民政府', '某市自然资源和规划局', '某县卫生健康委员会'];

/** a report the generator makes consistent (last year's carried over), then some cells blanked */
const reportOf = (format: FormatId): fc.Arbitrary<ReportContent> =>
  fc
    .record({
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      scale: fc.constantFrom(0.2, 1, 3, 8),
      agency: fc.constantFrom(...AGENCIES),
      year: format === '2019' ? fc.constantFrom(2019, 2020) : fc.integer({ min: 2021, max: 2026 }),
      blanks: fc.array(fc.nat({ max: 10_000 }), { maxLength: 12 }),
    })
    .map(({ seed, scale, agency, year, blanks }) => {
      const report = generateReport({ format, year, agency, seed, scale });
      const keys = getFormat(format).cells.map((c) => c.key);
      for (const b of blanks) report.cells[keys[b % keys.length]] = null;
      return report;
    });

async function fileOf(kind: ReportFileKind, report: ReportContent): Promise<{ bytes: Buffer; name: string }> {
  if (kind === 'text') return { bytes: Buffer.from(renderText(report)), name: 'report.txt' };
  if (kind === 'html') return { bytes: Buffer.from(renderHtml(report, { standalone: true })), name: 'report.html' };
  if (kind === 'docx') return { bytes: await reportDocx(report), name: 'report.docx' };
  return { bytes: await printer.print(renderHtml(report, { standalone: true })), name: 'report.pdf' };
}

const squeeze = (s: string) => s.replace(/\s+/g, '');
const timings: number[] = [];

describe.each(['text', 'html', 'docx', 'pdf'] as const)('import of a rendered report through %s', (kind) => {
  it.each(['2019', '2021'] as const)('gives format %s back cell for cell, blanks included', async (format) => {
    if (kind === 'pdf' && !printer.available) throw new Error('Chromium is needed to print PDFs (CHROMIUM_PATH)');
    await fc.assert(
      fc.asyncProperty(reportOf(format), async (original) => {
        const file = await fileOf(kind, original);
        const started = performance.now();
        const { kind: read, result } = await importReportFile(file.bytes, file.name);
        if (kind === 'pdf') timings.push(performance.now() - started);
        expect(read).toBe(kind);
        expect(result.detectedFormat).toBe(original.format);
        expect(result.detectedYear).toBe(original.year);
        expect(result.agency).toBe(original.agency);
        expect(result.unplaced).toEqual([]);
        expect(result.report.cells).toEqual(original.cells);
        // a PDF keeps the words, not the line breaks of the paragraphs
        for (const key of ['overview', 'problems', 'other'] as const) expect(squeeze(result.report.sections[key])).toBe(squeeze(original.sections[key]));
      }),
      { numRuns: RUNS },
    );
    if (kind === 'pdf' && format === '2021') {
      const sorted = [...timings].sort((a, b) => a - b);
      console.log(`PDF import (pdf.js + positioned import), ${sorted.length} files: median ${sorted[sorted.length >> 1].toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms`);
    }
  }, 600_000);
});
