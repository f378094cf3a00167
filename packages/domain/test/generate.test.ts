import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateReport } from '../src/generate';
import type { FormatId } from '../src/formats';
import { formatForYear, getFormat } from '../src/formats';
import type { ReportContent } from '../src/report';
import { countNonWhitespace, textSimilarity, validateReport } from '../src/validation';

describe('generateReport', () => {
  it('is deterministic: same options, same report; another seed, another report', () => {
    const opts = { format: '2021' as FormatId, year: 2023, agency: '某县卫生健康局', seed: 42 };
    expect(generateReport(opts)).toEqual(generateReport(opts));
    expect(generateReport({ ...opts, seed: 43 })).not.toEqual(generateReport(opts));
  });

  it('fills every cell of the format and all three sections', () => {
    for (const format of ['2019', '2021'] as FormatId[]) {
      const r = generateReport({ format, year: format === '2019' ? 2020 : 2022, agency: '某局', seed: 1 });
      expect(Object.keys(r.cells).sort()).toEqual(getFormat(format).cells.map((c) => c.key).sort());
      expect(Object.values(r.cells).every((v) => typeof v === 'number')).toBe(true);
      expect(r.sections.overview.length).toBeGreaterThan(150);
      expect(r.sections.problems.length).toBeGreaterThan(80);
      expect(r.sections.other.length).toBeGreaterThan(0);
    }
  });

  it('scale sizes the agency: a big department receives more applications than a township', () => {
    let small = 0;
    let big = 0;
    for (let seed = 0; seed < 30; seed++) {
      small += generateReport({ format: '2021', year: 2022, agency: '某乡', seed, scale: 0.2 }).cells['t3.new.total'] as number;
      big += generateReport({ format: '2021', year: 2022, agency: '某局', seed, scale: 5 }).cells['t3.new.total'] as number;
    }
    expect(big).toBeGreaterThan(small * 5);
  });

  it('mentions the table’s 新收申请 number in the overview', () => {
    const r = generateReport({ format: '2021', year: 2022, agency: '某局', seed: 5, scale: 3 });
    expect(r.sections.overview).toContain(`新收政府信息公开申请${r.cells['t3.new.total']}件`);
  });

  it('over many seeds and chained years 2019–2024, both formats validate with no error and no warning', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom(0.1, 0.3, 1, 4, 12), (seed, scale) => {
        let previous: ReportContent | null = null;
        for (let year = 2019; year <= 2024; year++) {
          const format = formatForYear(year).id;
          const report = generateReport({ format, year, agency: `测试单位${seed % 97}`, seed, scale, previous });
          const result = validateReport(report, { previous });
          expect(result.errors).toEqual([]);
          expect(result.warnings).toEqual([]);
          // only the first year (no last year) and 2021's 现行有效件数 (last year was format 2019) are not assessable
          const na = new Set(result.notAssessable.map((n) => n.ruleId));
          if (year === 2019) expect(na).toEqual(new Set(['t3.carryOver', 't2.projectCarryOver', 's5.similarity']));
          else if (year === 2021) expect(na).toEqual(new Set(['t2.inForce']));
          else expect(na.size).toBe(0);
          expect(countNonWhitespace(report.sections.overview)).toBeLessThanOrEqual(1000);
          if (previous) expect(textSimilarity(report.sections.problems, previous.sections.problems)).toBeLessThan(0.8);
          previous = report;
        }
      }),
      { numRuns: 150 },
    );
  });
});
