import { describe, expect, it } from 'vitest';
import { allFormats } from '../src/formats';
import { importText, ReportImportError } from '../src/import';
import { formatScores } from '../src/import/detect-format';
import { renderText } from '../src/render';
import { emptyReport } from '../src/report';

/** a minimal report around the given table sections */
function report(opts: { title?: string; t2?: string; t3?: string; t4?: string; problemsHeading?: string } = {}) {
  return [
    opts.title ?? '某某县教育体育局2020年政府信息公开工作年度报告',
    '',
    '一、总体情况',
    '',
    '本年度共公开信息1,234条。',
    '',
    '二、主动公开政府信息情况',
    '',
    opts.t2 ?? '',
    '',
    '三、收到和处理政府信息公开申请情况',
    '',
    opts.t3 ?? '',
    '',
    '四、政府信息公开行政复议、行政诉讼情况',
    '',
    opts.t4 ?? '',
    '',
    opts.problemsHeading ?? '五、存在的主要问题及改进情况',
    '',
    '问题一。',
    '',
    '六、其他需要报告的事项',
    '',
    '无。',
  ].join('\n');
}

const T2_2019 = [
  '第二十条第（一）项',
  '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
  '规章\t1\t2\t3',
  '规范性文件\t4\t5\t6',
  '第二十条第（五）项',
  '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
  '行政许可\t10\t-2\t1,234',
].join('\n');

describe('format detection', () => {
  it('finds every marker of a built-in format in its own tables and none of the other’s', () => {
    for (const format of allFormats()) {
      const scores = formatScores(renderText(emptyReport(format.id, format.years.from, '某局')));
      for (const other of allFormats()) expect(scores[other.id], `${format.id} text, ${other.id} markers`).toBe(other === format ? format.importMarkers.length : 0);
    }
  });
});

describe('text variants', () => {
  it('reads half-width headings and the long 五 heading, and a year with spaces', () => {
    const r = importText(
      report({ title: '某某县教育体育局 2 0 2 0 年政府信息 公开工作年度报告'.replace('2 0 2 0', '2020'), problemsHeading: '五、政府信息公开工作存在的主要问题及改进情况' }),
    );
    expect(r.detectedYear).toBe(2020);
    expect(r.agency).toBe('某某县教育体育局');
    expect(r.report.sections.problems).toBe('问题一。');
    expect(r.report.sections.other).toBe('无。');
  });

  it('falls back to the most mentioned year when the title has none', () => {
    const text = report({ title: '某某县教育体育局政府信息公开工作年度报告' }).replace('本年度共公开', '2021年共公开，2021年度，2019年');
    const r = importText(text);
    expect(r.detectedYear).toBe(2021);
    expect(r.notes.some((n) => n.includes('出现最多'))).toBe(true);
  });

  it('reads thousands separators (half- and full-width) and negative changes', () => {
    const r = importText(report({ t2: T2_2019.replace('1,234', '1，234') }));
    expect(r.report.cells['t2.licensing.decisions']).toBe(1234);
    expect(r.report.cells['t2.licensing.change']).toBe(-2);
    expect(r.report.cells['t2.normativeDocs.totalPublished']).toBe(6);
  });

  it('reads space-separated rows with spaces inside labels', () => {
    const t2 = ['第二十条第（六）项', '信息内容 上一年 项目数量 本年增/减 处理决定数量', '行政处罚 7 1 3', '行政 强制 2 0 1'].join('\n');
    const r = importText(report({ t2 }));
    expect(r.report.cells['t2.penalty.previous']).toBe(7);
    expect(r.report.cells['t2.coercion.decisions']).toBe(1);
    expect(r.detectedFormat).toBe('2019');
  });

  it('keeps blank cells blank (not 0), including trailing ones', () => {
    const r = importText(report({ t2: '第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t\t2\t\n规范性文件\t0\t0\t0' }));
    expect(r.report.cells['t2.rules.made']).toBeNull();
    expect(r.report.cells['t2.rules.published']).toBe(2);
    expect(r.report.cells['t2.rules.totalPublished']).toBeNull();
    expect(r.report.cells['t2.normativeDocs.made']).toBe(0);
  });

  it('converts amounts in 元 to 万元 and says so', () => {
    const t2 = '第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额（元）\n政府集中采购\t3\t1,234,500';
    const r = importText(report({ t2 }));
    expect(r.report.cells['t2.procurement.amount']).toBe(123.45);
    expect(r.notes.some((n) => n.includes('元') && n.includes('123.45万元'))).toBe(true);
    const inCell = importText(report({ t2: '第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t3\t25000元' }));
    expect(inCell.report.cells['t2.procurement.amount']).toBe(2.5);
    const wan = importText(report({ t2: '第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额（万元）\n政府集中采购\t3\t12.3456' }));
    expect(wan.report.cells['t2.procurement.amount']).toBe(12.3456);
  });

  it('detects format 2021 and reads its fee amount', () => {
    const t2 = [
      '第二十条第（一）项',
      '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
      '规章\t0\t0\t0',
      '行政规范性文件\t2\t1\t9',
      '第二十条第（八）项',
      '信息内容\t本年收费金额（单位：万元）',
      '行政事业性收费\t3.5',
    ].join('\n');
    const r = importText(report({ t2, title: '某某县教育体育局2022年政府信息公开工作年度报告' }));
    expect(r.detectedFormat).toBe('2021');
    expect(r.report.cells['t2.normativeDocs.inForce']).toBe(9);
    expect(r.report.cells['t2.fees.amount']).toBe(3.5);
  });

  it('reads table 3 without the （三）不予公开 header, with 商业机构, page breaks and half-width brackets', () => {
    const t3 = [
      '\t自然人\t法人或其他组织\t\t\t\t\t总计',
      '\t\t商业机构\t科研机构\t社会公益组织\t法律服务机构\t其他\t',
      '一、本年新收政府信息公开申请数量\t5\t1\t0\t0\t0\t0\t6',
      '',
      '三、本年度办理结果\t(一) 予以公开\t3\t1\t0\t0\t0\t0\t4',
      '\t1.属于国家秘密\t1\t0\t0\t0\t0\t0\t1',
      '(四)无法提供\t\t1. 本机关不掌握相关政府信息\t1\t0\t0\t0\t0\t0\t1\t',
      '\t\t(六) 其他处理\t0\t0\t0\t0\t0\t0\t0\t',
    ].join('\n');
    const r = importText(report({ t3 }));
    expect(r.report.cells['t3.new.natural']).toBe(5);
    expect(r.report.cells['t3.new.commercial']).toBe(1);
    expect(r.report.cells['t3.new.total']).toBe(6);
    expect(r.report.cells['t3.granted.total']).toBe(4);
    expect(r.report.cells['t3.withheld.stateSecret.natural']).toBe(1);
    expect(r.report.cells['t3.unavailable.notHeld.total']).toBe(1);
    expect(r.report.cells['t3.other.natural']).toBe(0);
    expect(r.unplaced).toEqual([]);
  });

  it('places a label whose numbers continue on the next line (page break)', () => {
    const t3 = '二、上年结转政府信息公开申请数量\n2\t0\t0\t0\t0\t0\t2';
    const r = importText(report({ t3 }));
    expect(r.report.cells['t3.carried.natural']).toBe(2);
    expect(r.report.cells['t3.carried.total']).toBe(2);
  });

  it('does not place a row that lost a cell: its numbers are unplaced, never shifted', () => {
    const t3 = '一、本年新收政府信息公开申请数量\t5\t1\t0\t0\t0\t6';
    const r = importText(report({ t3 }));
    expect(r.report.cells['t3.new.natural']).toBeNull();
    expect(r.report.cells['t3.new.total']).toBeNull();
    expect(r.unplaced.map((u) => u.text)).toEqual(['5', '1', '0', '0', '0', '6']);
    expect(r.unplaced[0].reason).toContain('无法确定缺的是哪一列');
  });

  it('lists rows it cannot place: a row with a number too many is not placed at all (which one is extra is unknown)', () => {
    const t2 = '第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t1\t2\t3\t4\n某某不存在的事项\t7\t8';
    const r = importText(report({ t2 }));
    expect(r.report.cells['t2.rules.made']).toBeNull();
    expect(r.report.cells['t2.rules.totalPublished']).toBeNull();
    expect(r.unplaced.filter((u) => u.line === 11).map((u) => u.text)).toEqual(['1', '2', '3', '4']);
    expect(r.unplaced[0].reason).toContain('无法确定多出的是哪一个');
    expect(r.unplaced).toContainEqual(expect.objectContaining({ text: '某某不存在的事项\t7\t8' }));
  });

  it('places a row of zeros with one zero too many: every choice gives the same cells', () => {
    const t2 = '第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\t0';
    const r = importText(report({ t2 }));
    expect([r.report.cells['t2.rules.made'], r.report.cells['t2.rules.published'], r.report.cells['t2.rules.totalPublished']]).toEqual([0, 0, 0]);
    expect(r.unplaced).toEqual([]);
    expect(r.notes.some((n) => n.includes('各列的数都相同'))).toBe(true);
  });

  it('reads table 4 as one row of 15 numbers and as labelled rows', () => {
    const one = importText(report({ t4: '行政复议\t\t\t\t\t行政诉讼\n' + Array.from({ length: 15 }, (_, i) => i).join('\t') }));
    expect(one.report.cells['t4.reconsideration.upheld']).toBe(0);
    expect(one.report.cells['t4.litigationDirect.upheld']).toBe(5);
    expect(one.report.cells['t4.litigationAfterReconsideration.total']).toBe(14);
    const rows = importText(report({ t4: '复议后起诉 1 0 0 0 1\n行政复议 2 0 0 0 2' }));
    expect(rows.report.cells['t4.litigationAfterReconsideration.upheld']).toBe(1);
    expect(rows.report.cells['t4.reconsideration.total']).toBe(2);
    expect(rows.report.cells['t4.litigationDirect.total']).toBeNull();
  });

  it('keeps inconsistent numbers as written', () => {
    const t3 = '一、本年新收政府信息公开申请数量\t5\t1\t0\t0\t0\t0\t20';
    const r = importText(report({ t3 }));
    expect(r.report.cells['t3.new.total']).toBe(20);
  });

  it('rejects empty input and text that is not a report', () => {
    expect(() => importText('')).toThrow(ReportImportError);
    expect(() => importText('  \n\n ')).toThrow(ReportImportError);
    expect(() => importText('这是一封普通的信。\n此致敬礼')).toThrow(ReportImportError);
  });
});
