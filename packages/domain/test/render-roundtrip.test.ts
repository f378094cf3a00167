/**
 * import(render(r)) == r for arbitrary reports of both formats, through text and through HTML:
 * random counts, negative changes, amounts with up to 4 decimals, random blanks, and narratives with
 * digits, brackets, tabs, newlines and markup.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMAT_2019, FORMAT_2021, type CellDefinition, type FormatDefinition } from '../src/formats';
import { canonicalReport, normaliseText } from '../src/hash';
import { importHtml, importText, type ImportResult } from '../src/import';
import { renderHtml, renderText } from '../src/render';
import type { ReportContent } from '../src/report';

const cellValue = (cell: CellDefinition): fc.Arbitrary<number> => {
  if (cell.kind === 'change') return fc.integer({ min: -100_000, max: 100_000 });
  if (cell.kind === 'amount') {
    return fc
      .tuple(fc.integer({ min: 0, max: 10_000_000_000 }), fc.integer({ min: 0, max: cell.decimals ?? 4 }))
      .map(([n, d]) => n / 10 ** d);
  }
  return fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 10_000_000 }));
};

const cellsOf = (format: FormatDefinition) =>
  fc.record(
    Object.fromEntries(
      format.cells.map((c) => [c.key, fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 4, arbitrary: cellValue(c) })]),
    ) as Record<string, fc.Arbitrary<number | null>>,
  );

const NARRATIVE_TOKENS = [
  '我局', '政府信息', '公开', '工作', '群众', '年', '（一）', '（二）', '(三)', '1.', '2、', '一是', '【重点】', '《条例》',
  '“三安全一稳定”', '，', '。', '；', '：', '、', ' ', '  ', '\t', '\n', '\n\n', '\u3000\u3000', '2020', '599', '1,234',
  '12.5万元', '-3', '<script>alert(1)</script>', '&amp;', '<b>', '"引号"', "'", '规章\t0\t0', '\t1\t2\t3', '&nbsp;',
];

const narrative = fc
  .array(fc.constantFrom(...NARRATIVE_TOKENS), { maxLength: 40 })
  .map((tokens) => tokens.join(''))
  // leading blank lines are layout, not content, in plain text: a section starts at its first written line
  .map((text) => text.replace(/^(?:[^\S\n]*\n)+/, ''));

const AGENCY_CHARS = '盐池县某市区文化旅游广电教育体育卫生健康委员会局办公室中心自然资源人民政府乡镇街道'.split('');
const agency = fc.array(fc.constantFrom(...AGENCY_CHARS), { minLength: 2, maxLength: 20 }).map((cs) => cs.join(''));

const reportOf = (format: FormatDefinition): fc.Arbitrary<ReportContent> =>
  fc.record({
    format: fc.constant(format.id),
    year: fc.integer({ min: 2000, max: 2099 }),
    agency,
    sections: fc.record({ overview: narrative, problems: narrative, other: narrative }),
    cells: cellsOf(format),
  });

const anyReport = fc.oneof(reportOf(FORMAT_2019), reportOf(FORMAT_2021));

function expectSameReport(result: ImportResult, original: ReportContent) {
  expect(result.detectedFormat).toBe(original.format);
  expect(result.detectedYear).toBe(original.year);
  expect(result.agency).toBe(original.agency);
  expect(result.unplaced).toEqual([]);
  const sections = (r: ReportContent) => Object.fromEntries(Object.entries(r.sections).map(([k, v]) => [k, normaliseText(v)]));
  expect(sections(result.report)).toEqual(sections(original));
  expect(result.report.cells).toEqual(original.cells);
  expect(canonicalReport(result.report)).toBe(canonicalReport(original));
}

describe('import(render(report)) gives the report back', () => {
  it('through plain text', () => {
    fc.assert(fc.property(anyReport, (r) => expectSameReport(importText(renderText(r)), r)), { numRuns: 300 });
  }, 30_000);

  it('through HTML, fragment and standalone, with and without the 落款 date', () => {
    const date = fc.option(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }));
    fc.assert(
      fc.property(anyReport, fc.boolean(), date, (r, standalone, d) => expectSameReport(importHtml(renderHtml(r, { standalone, date: d })), r)),
      { numRuns: 300 },
    );
    // 300 renders and imports: seconds on a busy shared machine
  }, 30_000);

  it('for an all-blank and an all-zero report of each format', () => {
    for (const format of [FORMAT_2019, FORMAT_2021]) {
      for (const fill of [null, 0]) {
        const r: ReportContent = {
          format: format.id,
          year: format.id === '2019' ? 2020 : 2023,
          agency: '某县人民政府办公室',
          sections: { overview: '概述。', problems: '', other: '无。' },
          cells: Object.fromEntries(format.cells.map((c) => [c.key, fill])),
        };
        expectSameReport(importText(renderText(r)), r);
        expectSameReport(importHtml(renderHtml(r)), r);
        expectSameReport(importHtml(renderHtml(r, { date: '2024-01-20' })), r);
      }
    }
  });
});
