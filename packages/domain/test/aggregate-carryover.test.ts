import { describe, expect, it } from 'vitest';
import { sumReports } from '../src/aggregate';
import { generateReport } from '../src/generate';
import { emptyReport } from '../src/report';
import { carryOver, validateReport } from '../src/validation';
import { pair } from './helpers/reports';

describe('carryOver', () => {
  it('fills table 3’s 上年结转 and (2019 → 2019) table 2’s 上一年项目数量 from last year', () => {
    const { previous } = pair('2019', 8);
    previous.cells['t2.penalty.previous'] = 106;
    previous.cells['t2.penalty.change'] = -4;
    previous.cells['t2.fees.change'] = null;
    previous.cells['t3.carryForward.legal'] = 3;
    const filled = carryOver(previous, '2019');
    expect(filled['t2.penalty.previous']).toBe(102);
    expect(filled['t2.fees.previous']).toBeNull();
    expect(filled['t3.carried.legal']).toBe(3);
    expect(Object.keys(filled).sort()).toEqual(
      [
        ...['natural', 'commercial', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'].map((c) => `t3.carried.${c}`),
        ...['licensing', 'otherServices', 'penalty', 'coercion', 'fees'].map((r) => `t2.${r}.previous`),
      ].sort(),
    );
  });

  it('into format 2021 fills only table 3 (2021 has no 上一年项目数量)', () => {
    const { previous } = pair('2019', 8);
    const filled = carryOver(previous, '2021');
    expect(Object.keys(filled).every((k) => k.startsWith('t3.carried.'))).toBe(true);
    expect(filled['t3.carried.total']).toBe(previous.cells['t3.carryForward.total']);
  });

  it('a report started from carryOver passes the cross-year rules', () => {
    const { previous } = pair('2019', 13);
    const next = generateReport({ format: '2019', year: previous.year + 1, agency: previous.agency, seed: 99 });
    // copy the carried cells into an otherwise independent report of the following year
    const report = { ...next, year: previous.year + 1, cells: { ...next.cells, ...carryOver(previous, '2019') } };
    const result = validateReport(report, { previous });
    expect(result.warnings.filter((w) => w.ruleId === 't2.projectCarryOver' || w.ruleId === 't3.carryOver')).toEqual([]);
  });
});

describe('sumReports', () => {
  const a = () => generateReport({ format: '2021', year: 2022, agency: '甲乡', seed: 1, scale: 0.3 });
  const b = () => generateReport({ format: '2021', year: 2022, agency: '乙局', seed: 2, scale: 3 });

  it('sums cell by cell, and the sum of valid reports satisfies every table rule', () => {
    const [x, y] = [a(), b()];
    const sum = sumReports([x, y]);
    expect(sum).toMatchObject({ format: '2021', year: 2022, reportCount: 2 });
    for (const key of Object.keys(x.cells)) {
      if (key !== 't2.fees.amount') expect(sum.cells[key]).toBe((x.cells[key] as number) + (y.cells[key] as number));
      expect(sum.blanks[key]).toBe(0);
    }
    const compiled = { ...x, agency: '全县汇总', cells: sum.cells };
    expect(validateReport(compiled).errors).toEqual([]);
  });

  it('adds amounts decimal-safely (0.1 + 0.2 = 0.3)', () => {
    const [x, y, z] = [a(), b(), a()];
    x.cells['t2.fees.amount'] = 0.1;
    y.cells['t2.fees.amount'] = 0.2;
    z.cells['t2.fees.amount'] = 1234.5678;
    expect(sumReports([x, y]).cells['t2.fees.amount']).toBe(0.3);
    expect(sumReports([x, y, z]).cells['t2.fees.amount']).toBe(1234.8678);
  });

  it('keeps blanks explicit: null where every report is blank, a count where some are', () => {
    const x = a();
    const y = b();
    const e = emptyReport('2021', 2022, '丙镇');
    x.cells['t3.new.research'] = null;
    const sum = sumReports([x, y, e]);
    expect(sumReports([e, emptyReport('2021', 2022, '丁镇')]).cells['t3.new.natural']).toBeNull();
    expect(sum.blanks['t3.new.research']).toBe(2);
    expect(sum.cells['t3.new.research']).toBe(y.cells['t3.new.research']);
    expect(sum.blanks['t3.new.natural']).toBe(1);
  });

  it('refuses mixed formats, mixed years, no reports and invalid values, in Chinese', () => {
    const old = generateReport({ format: '2019', year: 2020, agency: '戊局', seed: 3 });
    expect(() => sumReports([a(), old])).toThrow(/同一格式/);
    expect(() => sumReports([a(), { ...b(), year: 2023 }])).toThrow(/同一年度/);
    expect(() => sumReports([])).toThrow('没有可汇总的报告');
    const bad = a();
    bad.cells['t3.new.natural'] = Number.NaN;
    expect(() => sumReports([bad])).toThrow(/甲乡.*不是有效数值/);
  });
});
