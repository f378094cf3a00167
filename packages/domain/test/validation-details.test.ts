/** Messages, values and not-assessable cases of the rules, beyond fire / stay silent. */
import { describe, expect, it } from 'vitest';
import { generateReport } from '../src/generate';
import { emptyReport } from '../src/report';
import type { ReportContent } from '../src/report';
import { computedTotals, validateReport } from '../src/validation';
import { clone, failedOf, notAssessableOf, pair, validate } from './helpers/reports';

/** a 2020 report (format 2019) with every cell 0 and the fixture's wording */
function zeroReport(format: '2019' | '2021' = '2019', year = format === '2019' ? 2020 : 2022): ReportContent {
  const r = emptyReport(format, year, '盐池县文化旅游广电局');
  for (const key of Object.keys(r.cells)) r.cells[key] = 0;
  r.sections.overview = `${year} 年度，未收到信息公开申请件。${year} 年度，我局未收到对局有关政府信息公开事务的行政复议、诉讼、申诉案例。`;
  r.sections.problems = '信息公开工作人员业务水平有待提高。';
  r.sections.other = format === '2021' ? '本年度未收取信息处理费。' : '无。';
  return r;
}

describe('table 3 and table 4 messages', () => {
  it('t3.balance names the column and both sums, as the form prints the rule', () => {
    const r = zeroReport();
    r.cells['t3.new.natural'] = 12;
    r.cells['t3.new.total'] = 12;
    r.cells['t3.granted.natural'] = 11;
    r.cells['t3.granted.total'] = 11;
    r.cells['t3.total.natural'] = 11;
    r.cells['t3.total.total'] = 11;
    r.sections.overview = '';
    const [natural, total] = failedOf(validate(r), 't3.balance');
    expect(natural.message).toBe('表三 自然人列：第一项加第二项之和（12）不等于第三项加第四项之和（11）');
    expect(natural).toMatchObject({
      id: 't3.balance:natural',
      severity: 'error',
      status: 'failed',
      expected: 12,
      actual: 11,
      cells: ['t3.new.natural', 't3.carried.natural', 't3.total.natural', 't3.carryForward.natural'],
    });
    expect(total.id).toBe('t3.balance:total');
  });

  it('t3.columnTotal compares （七）总计 with all result items, including every 其他处理 row of format 2021', () => {
    const r = zeroReport('2021');
    r.cells['t3.other.unpaidFee.commercial'] = 2;
    r.cells['t3.other.unpaidFee.total'] = 2;
    const fired = failedOf(validate(r), 't3.columnTotal');
    expect(fired.map((f) => f.id)).toEqual(['t3.columnTotal:commercial', 't3.columnTotal:total']);
    expect(fired[0].message).toBe('表三 商业企业列：（七）总计（0）不等于各项办理结果之和（2）');
    expect(fired[0].cells).toContain('t3.other.unpaidFee.commercial');
  });

  it('t3.rowTotal says which row and both values', () => {
    const r = zeroReport();
    r.cells['t3.withheld.thirdParty.otherOrg'] = 1;
    r.cells['t3.total.otherOrg'] = 1;
    r.cells['t3.new.otherOrg'] = 1;
    r.sections.overview = '';
    const ids = failedOf(validate(r), 't3.rowTotal').map((f) => f.message);
    expect(ids).toContain('表三 （三）不予公开 4.保护第三方合法权益：总计栏（0）不等于六类申请人之和（1）');
  });

  it('t4.blockTotal names the block', () => {
    const r = zeroReport();
    r.cells['t4.litigationAfterReconsideration.pending'] = 1;
    const [f] = failedOf(validate(r), 't4.blockTotal');
    expect(f.message).toBe('表四 行政诉讼·复议后起诉：总计（0）不等于结果维持、结果纠正、其他结果、尚未审结之和（1）');
    expect(f.id).toBe('t4.blockTotal:litigationAfterReconsideration');
  });

  it('the fixture-like all-zero report has no errors and its text agrees with its zeros', () => {
    const result = validate(zeroReport());
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});

describe('cell kinds and blanks', () => {
  it.each([
    ['t3.new.natural', -1, '不小于0的整数'],
    ['t3.new.natural', 1.5, '不小于0的整数'],
    ['t2.licensing.change', 0.5, '应为整数'],
    ['t2.procurement.amount', -3, '最多4位小数'],
    ['t2.procurement.amount', 0.12345, '最多4位小数'],
    ['t2.procurement.amount', Number.NaN, '不是有效数值'],
    ['t2.procurement.amount', Number.POSITIVE_INFINITY, '不是有效数值'],
  ])('%s = %s is a cell.kind error', (key, value, words) => {
    const r = zeroReport();
    r.cells[key] = value;
    const fired = failedOf(validate(r), 'cell.kind');
    expect(fired).toHaveLength(1);
    expect(fired[0].cells).toEqual([key]);
    expect(fired[0].message).toContain(words);
  });

  it('accepts a negative 本年增/减 and an amount with 4 decimals', () => {
    const r = zeroReport();
    r.cells['t2.licensing.change'] = -3;
    r.cells['t2.procurement.amount'] = 12.3456;
    expect(failedOf(validate(r), 'cell.kind')).toEqual([]);
  });

  it('a non-number value (a string typed in) is a cell.kind error, not a crash', () => {
    const r = zeroReport();
    (r.cells as Record<string, unknown>)['t4.reconsideration.upheld'] = '3';
    const result = validate(r);
    expect(failedOf(result, 'cell.kind').map((f) => f.cells[0])).toEqual(['t4.reconsideration.upheld']);
    expect(notAssessableOf(result, 't4.blockTotal')[0].message).toContain('不是有效数值');
  });

  it('a blank cell is an error saying blank is not zero, and the sums it is part of are not assessable', () => {
    const r = zeroReport();
    r.cells['t3.granted.natural'] = null;
    delete r.cells['t4.reconsideration.total'];
    const result = validate(r);
    const blanks = failedOf(result, 'cell.blank');
    expect(blanks.map((b) => b.cells[0]).sort()).toEqual(['t3.granted.natural', 't4.reconsideration.total']);
    expect(blanks[0].message).toContain('空白不等于0');
    expect(blanks[0].message).toContain('请填写0');
    expect(blanks[0].severity).toBe('error');
    const na = result.notAssessable.map((n) => n.id);
    expect(na).toEqual(expect.arrayContaining(['t3.rowTotal:granted', 't3.columnTotal:natural', 't4.blockTotal:reconsideration']));
    expect(na).not.toContain('t3.balance:natural');
    // a rule that could not be evaluated is never reported as failed
    expect(failedOf(result, 't3.rowTotal')).toEqual([]);
    for (const n of result.notAssessable) {
      expect(n.status).toBe('notAssessable');
      expect(n.message).toMatch(/无法/);
    }
  });

  it('an empty report lists every cell as blank and every sum as not assessable', () => {
    const r = emptyReport('2021', 2022, '某乡人民政府');
    const result = validateReport(r);
    expect(failedOf(result, 'cell.blank')).toHaveLength(Object.keys(r.cells).length);
    expect(notAssessableOf(result, 't3.balance')).toHaveLength(7);
    expect(notAssessableOf(result, 't3.otherHigh')).toHaveLength(1);
  });
});

describe('cross-year rules', () => {
  it('without last year’s report the cross-year rules are not assessable, each saying why', () => {
    const { report } = pair('2019');
    const result = validate(report, null);
    for (const id of ['t3.carryOver', 't2.projectCarryOver', 's5.similarity']) {
      const [n] = notAssessableOf(result, id);
      expect(n.message).toContain('没有上年度报告');
    }
    expect(result.warnings).toEqual([]);
  });

  it('a report of the wrong year does not serve as last year’s', () => {
    const { previous, report } = pair('2021');
    const older = { ...clone(previous), year: previous.year - 1 };
    expect(notAssessableOf(validate(report, older), 't3.carryOver')[0].message).toContain('不是2021年度的');
  });

  it('t3.carryOver compares every column with last year’s 结转下年度继续办理', () => {
    const { previous, report } = pair('2019', 9);
    report.cells['t3.carried.natural'] = (report.cells['t3.carried.natural'] as number) + 2;
    const [f] = failedOf(validate(report, previous), 't3.carryOver');
    expect(f.id).toBe('t3.carryOver:natural');
    expect(f.expected).toBe(previous.cells['t3.carryForward.natural']);
    expect(f.actual).toBe(report.cells['t3.carried.natural']);
    expect(f.message).toMatch(/^表三 自然人列：本年“二、上年结转”（\d+）不等于上年报告“四、结转下年度继续办理”（\d+）$/);
  });

  it('t3.carryOver works across the change of format (2020 → 2021)', () => {
    const { report: previous } = pair('2019', 2);
    const report = generateReport({ format: '2021', year: 2021, agency: previous.agency, seed: 2, previous });
    expect(validate(report, previous).warnings).toEqual([]);
    report.cells['t3.carried.total'] = (previous.cells['t3.carryForward.total'] as number) + 1;
    const result = validate(report, previous);
    expect(failedOf(result, 't3.carryOver').map((f) => f.id)).toContain('t3.carryOver:total');
    // format 2021's 现行有效件数 cannot be derived from a format-2019 report
    expect(notAssessableOf(result, 't2.inForce')[0].message).toContain('2019年格式');
  });

  it('t2.projectCarryOver shows the computation', () => {
    const { previous, report } = pair('2019', 11);
    previous.cells['t2.fees.previous'] = 10;
    previous.cells['t2.fees.change'] = -2;
    report.cells['t2.fees.previous'] = 9;
    const [f] = failedOf(validate(report, previous), 't2.projectCarryOver');
    expect(f).toMatchObject({ id: 't2.projectCarryOver:fees', expected: 8, actual: 9, severity: 'warning' });
    expect(f.message).toBe('表二 行政事业性收费：本年“上一年项目数量”（9）不等于上年报告的上一年项目数量加本年增/减（10-2=8）');
  });

  it('t2.projectCarryOver is not assessable when last year’s cells are blank', () => {
    const { previous, report } = pair('2019', 11);
    previous.cells['t2.coercion.change'] = null;
    expect(notAssessableOf(validate(report, previous), 't2.projectCarryOver')[0].id).toBe('t2.projectCarryOver:coercion');
  });

  it('t2.inForce: 现行有效件数 = last year’s + 制发 − 废止', () => {
    const { previous, report } = pair('2021', 12);
    previous.cells['t2.rules.inForce'] = 5;
    report.cells['t2.rules.issued'] = 2;
    report.cells['t2.rules.repealed'] = 1;
    report.cells['t2.rules.inForce'] = 6;
    expect(failedOf(validate(report, previous), 't2.inForce')).toEqual([]);
    report.cells['t2.rules.inForce'] = 7;
    const [f] = failedOf(validate(report, previous), 't2.inForce');
    expect(f.message).toBe('表二 规章：现行有效件数（7）不等于上年现行有效件数加本年制发件数减本年废止件数（5+2−1=6）');
  });
});

describe('text rules', () => {
  const withOverview = (text: string, cells: Record<string, number> = {}) => {
    const r = zeroReport();
    r.sections.overview = text;
    Object.assign(r.cells, cells);
    return validate(r);
  };

  it.each([
    ['本年度新收政府信息公开申请５件。', 5],
    ['本年度新收政府信息公开申请 12 件。', 12],
    ['全年共收到政府信息公开申请共计1,203件。', 1203],
    ['2021年，我局收到依申请公开申请3件，均已按时答复。', 3],
  ])('reads “%s” as %i applications', (text, stated) => {
    const [f] = failedOf(withOverview(text), 'text.numbers');
    expect(f.actual).toBe(stated);
    expect(f.expected).toBe(0);
    expect(f.cells).toEqual(['section:overview', 't3.new.total']);
    expect(f.message).toContain('第一部分“总体情况”');
    expect(f.message).toContain('表三 一、本年新收政府信息公开申请数量');
  });

  it('agrees when the text states the table’s numbers', () => {
    const r = withOverview('本年度新收政府信息公开申请１２件，上年结转2件。行政复议1件，行政诉讼2件。', {
      't3.new.natural': 12,
      't3.new.total': 12,
    });
    expect(failedOf(r, 'text.numbers').filter((f) => f.cells.includes('t3.new.total'))).toEqual([]);
    const t4 = failedOf(r, 'text.numbers').map((f) => f.cells[1]);
    expect(t4).toEqual(['t4.reconsideration.total', 't4.litigationDirect.total']);
  });

  it('“未收到…申请” states 0 and contradicts a table with applications', () => {
    const [f] = failedOf(withOverview('2020 年度，未收到信息公开申请件。', { 't3.new.natural': 3, 't3.new.total': 3 }), 'text.numbers');
    expect(f).toMatchObject({ expected: 3, actual: 0 });
  });

  it('does not read numbers it is not sure of: 结转, 咨询, 复议 applications are not new applications', () => {
    const r = withOverview('上年结转政府信息公开申请2件。受理群众咨询申请235件。收到行政复议申请0件。共公开信息599条。');
    expect(failedOf(r, 'text.numbers')).toEqual([]);
  });

  it('a blank table cell makes the stated number not assessable', () => {
    const r = zeroReport();
    r.cells['t3.new.total'] = null;
    r.sections.overview = '新收政府信息公开申请3件';
    expect(notAssessableOf(validate(r), 'text.numbers')[0].message).toContain('无法核对');
  });

  it('t3.otherHigh fires above 20% of at least 5 and not below', () => {
    const r = zeroReport();
    const set = (granted: number, other: number) => {
      for (const col of ['natural', 'total']) {
        r.cells[`t3.granted.${col}`] = granted;
        r.cells[`t3.other.${col}`] = other;
        r.cells[`t3.total.${col}`] = granted + other;
        r.cells[`t3.new.${col}`] = granted + other;
      }
      r.sections.overview = `新收政府信息公开申请${granted + other}件`;
    };
    set(8, 2);
    expect(failedOf(validate(r), 't3.otherHigh')).toEqual([]);
    set(7, 3);
    const [f] = failedOf(validate(r), 't3.otherHigh');
    expect(f.message).toBe('表三 （六）其他处理共3件，占（七）总计10件的30%，比例偏高，请核实分类是否准确并说明原因');
    set(2, 2); // total 4 < 5: too few to judge
    expect(failedOf(validate(r), 't3.otherHigh')).toEqual([]);
  });

  it('s1.length counts characters without whitespace', () => {
    const r = zeroReport();
    r.sections.overview = '字 '.repeat(1000);
    expect(failedOf(validate(r), 's1.length')).toEqual([]);
    r.sections.overview += '多';
    const [f] = failedOf(validate(r), 's1.length');
    expect(f).toMatchObject({ expected: 1000, actual: 1001, cells: ['section:overview'] });
  });

  it('s5.similarity: an empty section 五 is not assessable; a reworded one passes', () => {
    const { previous, report } = pair('2021', 21);
    report.sections.problems = '';
    expect(notAssessableOf(validate(report, previous), 's5.similarity')[0].message).toContain('为空');
    report.sections.problems = '本年度主要问题是政务新媒体互动不足。下一步将完善留言办理机制，提高回复时效。';
    expect(failedOf(validate(report, previous), 's5.similarity')).toEqual([]);
  });

  it('s6.processingFee is satisfied by any mention of 信息处理费', () => {
    const r = zeroReport('2021');
    r.sections.other = '本年度收取信息处理费0元。';
    expect(failedOf(validate(r), 's6.processingFee')).toEqual([]);
  });

  it('format.superseded tolerates bracket variants and accepts the notice in force', () => {
    const r = zeroReport('2021');
    r.sections.overview += '按照国办公开办函(2021)30号编制。';
    expect(failedOf(validate(r), 'format.superseded')).toEqual([]);
    r.sections.problems += '仍沿用国办公开办函［2019］60 号的格式。';
    const [f] = failedOf(validate(r), 'format.superseded');
    expect(f.cells).toEqual(['section:problems']);
    expect(f.message).toContain('应适用国办公开办函〔2021〕30号');
  });
});

describe('computedTotals', () => {
  it('computes every total cell of the format from its parts', () => {
    const { report } = pair('2021', 4);
    const totals = computedTotals(report);
    const totalKeys = Object.keys(report.cells).filter((k) => k.endsWith('.total') || k.startsWith('t3.total.'));
    expect(Object.keys(totals).sort()).toEqual(totalKeys.sort());
    // a valid report's entered totals equal the computed ones
    for (const key of totalKeys) expect(totals[key]).toBe(report.cells[key]);
  });

  it('shows the computed value beside a wrong entered one, and null when a part is blank', () => {
    const r = zeroReport();
    r.cells['t3.granted.natural'] = 4;
    r.cells['t3.granted.legal'] = 3;
    r.cells['t4.reconsideration.upheld'] = 2;
    r.cells['t4.litigationDirect.pending'] = null;
    const totals = computedTotals(r);
    expect(totals['t3.granted.total']).toBe(7);
    expect(totals['t3.total.natural']).toBe(4);
    expect(totals['t3.total.legal']).toBe(3);
    expect(totals['t4.reconsideration.total']).toBe(2);
    expect(totals['t4.litigationDirect.total']).toBeNull();
    expect(totals['t3.total.total']).toBe(0); // the （七）总计 row's applicant cells are still 0
  });
});
