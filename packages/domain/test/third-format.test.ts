/**
 * A format is one file: a made-up third format (fixtures/format-2031.ts) plus the one registration line
 * below gets the format of its years, validation with the rules it lists, import from text and HTML,
 * rendering, the generator and carry-over — with no other file of the domain touched.
 */
import { describe, expect, it } from 'vitest';
import { allFormats, FORMAT_IDS, formatForYear, getFormat, isFormatId, registerFormat, REPORT_YEARS } from '../src/formats';
import { generateReport } from '../src/generate';
import { contentHash } from '../src/hash';
import { importHtml, importText } from '../src/import';
import { renderHtml, renderText } from '../src/render';
import type { ReportContent } from '../src/report';
import { carryOver, rulesOf, validateReport } from '../src/validation';
import { FORMAT_2031 } from './fixtures/format-2031';
import { all, clone, failedOf } from './helpers/reports';

registerFormat(FORMAT_2031);

const agency = '某县应急管理局';
/** a 2030 report (format 2021), then 2031 and 2032 in the new format, each continuing the one before */
const r2030 = generateReport({ format: '2021', year: 2030, agency, seed: 7, scale: 2 });
const r2031 = generateReport({ format: '2031', year: 2031, agency, seed: 7, scale: 2, previous: r2030 });
const r2032 = generateReport({ format: '2031', year: 2032, agency, seed: 7, scale: 2, previous: r2031 });

describe('a third format registered in one line', () => {
  it('is a registered format, in force from its first year; the earlier formats keep theirs', () => {
    expect(isFormatId('2031')).toBe(true);
    expect(FORMAT_IDS).toEqual(['2019', '2021', '2031']);
    expect(allFormats().map((f) => f.id)).toEqual(['2019', '2021', '2031']);
    expect(getFormat('2031')).toBe(FORMAT_2031);
    expect(formatForYear(2020).id).toBe('2019');
    expect(formatForYear(2030).id).toBe('2021');
    expect(formatForYear(2031).id).toBe('2031');
    expect(formatForYear(2040).id).toBe('2031');
    expect(REPORT_YEARS.from).toBe(2019);
    expect(() => registerFormat(FORMAT_2031)).toThrow('已经登记');
    expect(() => registerFormat({ ...FORMAT_2031, id: '2041', carryOver: { '2031': { 't2.nothing.here': ['t2.rules.inForce'] } } })).toThrow('不在本格式中');
    expect(isFormatId('2041')).toBe(false);
  });

  it('applies the rules it lists', () => {
    expect(rulesOf('2031').map((r) => r.id)).toEqual(expect.arrayContaining(['t3.balance', 't2.inForce', 's6.processingFee']));
    expect(rulesOf('2031').map((r) => r.id)).not.toContain('t2.projectCarryOver');
  });

  it('generates rule-consistent reports: every cell filled, nothing failed, carried over from format 2021 and from itself', () => {
    expect(Object.keys(r2031.cells).sort()).toEqual(FORMAT_2031.cells.map((c) => c.key).sort());
    expect(Object.values(r2031.cells).every((v) => typeof v === 'number')).toBe(true);
    expect(r2031.sections.other).toContain('信息处理费');
    expect(r2031.sections.other).toContain('国办公开办函〔2030〕12号');
    for (const [report, previous] of [
      [r2031, r2030],
      [r2032, r2031],
    ]) {
      const result = validateReport(report, { previous });
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([]);
      expect(result.notAssessable).toEqual([]);
    }
    expect(carryOver(r2031, '2031')['t3.carried.total']).toBe(r2031.cells['t3.carryForward.total']);
    expect(r2032.cells['t2.rules.inForce']).toBe(
      (r2031.cells['t2.rules.inForce'] as number) + (r2032.cells['t2.rules.issued'] as number) - (r2032.cells['t2.rules.repealed'] as number),
    );
  });

  it('validates with its own cells and rules: blanks, 现行有效件数, 信息处理费, the notice in force', () => {
    const broken: ReportContent = clone(r2032);
    broken.cells['t2.inspection.planned'] = null;
    broken.cells['t2.rules.inForce'] = (broken.cells['t2.rules.inForce'] as number) + 1;
    broken.sections.other = '本报告按照国办公开办函〔2021〕30号规定的格式编制。';
    const result = validateReport(broken, { previous: r2031 });
    expect(failedOf(result, 'cell.blank').map((r) => r.cells)).toEqual([['t2.inspection.planned']]);
    expect(failedOf(result, 'cell.blank')[0].message).toContain('表二 第二十条第（七）项 行政检查 · 本年检查计划数');
    expect(failedOf(result, 't2.inForce')).toHaveLength(1);
    expect(failedOf(result, 's6.processingFee')).toHaveLength(1);
    const superseded = failedOf(result, 'format.superseded');
    expect(superseded).toHaveLength(1);
    expect(superseded[0].message).toContain('2032年度报告应适用国办公开办函〔2030〕12号的格式');
    // and a 2030 report citing the new notice is told it is not yet in force
    const early = clone(r2030);
    early.sections.other += '本报告按照国办公开办函〔2030〕12号规定的格式编制。';
    expect(failedOf(validateReport(early), 'format.superseded')[0].message).toContain('应适用国办公开办函〔2021〕30号');
  });

  it('renders its tables, and imports back from text and from HTML as the same report, detected as format 2031', () => {
    const text = renderText(r2032);
    const html = renderHtml(r2032, { standalone: true });
    expect(text).toContain('第二十条第（七）项');
    expect(html).toContain('data-format="2031"');
    expect(html).toContain('本年公开检查结果数');
    for (const imported of [importText(text), importHtml(html)]) {
      expect(imported.detectedFormat).toBe('2031');
      expect(imported.detectedYear).toBe(2032);
      expect(imported.unplaced).toEqual([]);
      expect(contentHash(imported.report)).toBe(contentHash(r2032));
    }
  });

  it('leaves the earlier formats importing as before: their own markers still tell them apart', () => {
    for (const report of [r2030, generateReport({ format: '2019', year: 2020, agency, seed: 7 })]) {
      const imported = importText(renderText(report));
      expect(imported.detectedFormat).toBe(report.format);
      expect(contentHash(imported.report)).toBe(contentHash(report));
      expect(all(validateReport(imported.report)).filter((r) => r.severity === 'error')).toEqual([]);
    }
  });
});
