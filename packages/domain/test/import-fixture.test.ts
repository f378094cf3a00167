import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellKeys } from '../src/formats';
import { importText } from '../src/import';
import { validateReport } from '../src/validation';

const fixture = readFileSync(join(__dirname, 'fixtures', 'yanchi-wenlv-2020.txt'), 'utf8');

describe('importing the real report 盐池县文化旅游广电局 2020', () => {
  const result = importText(fixture);
  const { report } = result;

  it('detects format 2019, year 2020 and the agency from the spaced title', () => {
    expect(result.detectedFormat).toBe('2019');
    expect(result.detectedYear).toBe(2020);
    expect(report.format).toBe('2019');
    expect(report.year).toBe(2020);
    expect(result.agency).toBe('盐池县文化旅游广电局');
    expect(report.agency).toBe('盐池县文化旅游广电局');
  });

  it('reads table 2 as printed', () => {
    expect(report.cells['t2.licensing.previous']).toBe(9);
    expect(report.cells['t2.otherServices.previous']).toBe(15);
    expect(report.cells['t2.penalty.previous']).toBe(106);
    expect(report.cells['t2.penalty.decisions']).toBe(9);
    expect(report.cells['t2.coercion.previous']).toBe(1);
    expect(report.cells['t2.rules.made']).toBe(0);
    expect(report.cells['t2.procurement.amount']).toBe(0);
  });

  it('fills every cell of tables 3 and 4 with 0', () => {
    const keys = cellKeys('2019').filter((k) => k.startsWith('t3.') || k.startsWith('t4.'));
    expect(keys.length).toBe(7 * 23 + 15);
    for (const key of keys) expect([key, report.cells[key]]).toEqual([key, 0]);
  });

  it('says where the 总计 and 结转 rows print one 0 too many (all zeros: every choice of columns gives the same cells)', () => {
    expect(result.unplaced).toEqual([]);
    const surplus = result.notes.filter((n) => /8个数.*7列/.test(n));
    expect(surplus.map((n) => Number(/^第(\d+)行/.exec(n)![1]))).toEqual([74, 75]);
    for (const n of surplus) expect(n).toContain('多出的“0”未导入');
  });

  it('says where it inferred a missing cell', () => {
    const inferred = result.notes.filter((n) => n.includes('缺一格'));
    expect(inferred.map((n) => Number(/^第(\d+)行/.exec(n)![1]))).toEqual([54, 55, 56, 57, 58, 59, 60, 61]);
  });

  it('captures the narrative sections between the headings', () => {
    expect(report.sections.overview.startsWith('2020 年，我局把推行政府信息公开工作')).toBe(true);
    expect(report.sections.overview).toContain('(五)复议、诉讼和申诉情况');
    expect(report.sections.overview).not.toContain('二、主动公开政府信息情况');
    expect(report.sections.problems.startsWith('开展政府信息公开工作是行政机关职责权限')).toBe(true);
    expect(report.sections.problems.endsWith('使信息公开工作方便、快捷、高效。')).toBe(true);
    expect(report.sections.other).toBe('无。');
  });

  it('passes validation without errors', () => {
    const validation = validateReport(report);
    expect(validation.errors).toEqual([]);
  });
});
