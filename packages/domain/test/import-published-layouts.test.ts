/**
 * Reports as agencies really publish them: text copied out of a PDF (pdftotext -layout: a vertical group
 * label one character per line, wrapped row labels, page numbers between rows, split header words),
 * Word-exported HTML whose header grid does not line up with the data rows, misprinted row labels and
 * county templates that mix the two formats. Every layout either imports exactly or leaves what it
 * cannot place as unplaced with an error — never a shifted value.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateReport } from '../src/generate';
import { importHtml, importText, validateImport, IMPORT_UNPLACED_RULE } from '../src/import';
import { renderText } from '../src/render';
import type { ReportContent } from '../src/report';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('text in the shape pdftotext -layout prints', () => {
  // the fixtures are pdftotext -layout of Chromium's print of these generated reports, with "-n-" page
  // numbers added where each page ends (one falls between two rows of table 3)
  const cases: Array<[string, ReportContent]> = [
    ['2019', generateReport({ format: '2019', year: 2020, agency: '盐池县自然资源局', seed: 11 })],
    ['2021', generateReport({ format: '2021', year: 2023, agency: '盐池县自然资源局', seed: 11 })],
  ];
  for (const [format, original] of cases) {
    it(`imports the ${format} format exactly: vertical labels, wrapped labels and page numbers`, () => {
      const text = fixture(`pdftotext-layout-${format}.txt`);
      expect(text).toMatch(/^\s+-1-$/m);
      expect(text).toMatch(/^三、本年/m);
      const r = importText(text);
      expect(r.detectedFormat).toBe(format);
      expect(r.detectedYear).toBe(original.year);
      expect(r.agency).toBe(original.agency);
      expect(r.unplaced).toEqual([]);
      expect(r.report.cells).toEqual(original.cells);
      for (const key of ['overview', 'problems', 'other'] as const) expect(squeeze(r.report.sections[key])).toBe(squeeze(original.sections[key]));
      expect(r.notes.some((n) => n.includes('页码'))).toBe(true);
    });
  }

  it('reads a vertical label character printed as a prefix of the row line', () => {
    const original = generateReport({ format: '2021', year: 2023, agency: '某县司法局', seed: 5 });
    const text = renderText(original)
      .split('\n')
      .map((line) => {
        const fields = line.split('\t').filter(Boolean);
        if (!fields.some((f) => /^\d+$/.test(f))) return line;
        const label = fields.filter((f) => !/^\d+$/.test(f)).pop();
        if (!label) return line;
        const numbers = fields.filter((f) => /^\d+$/.test(f));
        if (label.startsWith('2.其他法律')) return `本            ${label}     ${numbers.join('   ')}`;
        if (label.startsWith('3.补正后')) return `度办理结         ${label}     ${numbers.join('   ')}`;
        if (label.startsWith('4.无正当理由')) return `            ${label}  果   ${numbers.join('   ')}`;
        return `        ${label}        ${numbers.join('    ')}`;
      })
      .join('\n');
    const r = importText(text);
    expect(r.unplaced).toEqual([]);
    expect(r.report.cells).toEqual(original.cells);
  });
});

/** a 2021-format report around a table 3 given as HTML rows (header rows included) */
function wordReport(t3Rows: string, t2Rows?: string): string {
  const p = (t: string) => `<p class=MsoNormal><span style='font-family:仿宋'>${t}<o:p></o:p></span></p>`;
  return [
    '<html><body>',
    p('某某县农业农村局2021年政府信息公开工作年度报告'),
    p('一、总体情况'),
    p('本年度我局认真贯彻落实条例。'),
    p('二、主动公开政府信息情况'),
    t2Rows ? `<table class=MsoNormalTable border=1>${t2Rows}</table>` : '',
    p('三、收到和处理政府信息公开申请情况'),
    `<table class=MsoNormalTable border=1>${t3Rows}</table>`,
    p('四、政府信息公开行政复议、行政诉讼情况'),
    p('五、存在的主要问题及改进情况'),
    p('无。'),
    p('六、其他需要报告的事项'),
    p('无。'),
    '</body></html>',
  ].join('\n');
}

const td = (t: string | number, attrs = '') => `<td${attrs ? ` ${attrs}` : ''}><p class=MsoNormal><span>${t}</span></p></td>`;

/** the table 3 header as Word exports it: 自然人 over two grid columns with an empty sub-header cell */
const T3_WORD_HEADER = [
  `<tr>${td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 'colspan=3 rowspan=3')}${td('申请人情况', 'colspan=8')}</tr>`,
  `<tr>${td('自然人', 'colspan=2 rowspan=2')}${td('法人或其他组织', 'colspan=5')}${td('总计', 'rowspan=2')}</tr>`,
  `<tr>${td('&nbsp;')}${td('商业企业')}${td('科研机构')}${td('社会公益组织')}${td('法律服务机构')}${td('其他')}</tr>`,
].join('');

/** a data row as the same export writes it: 自然人 one cell, 商业企业 two */
const wordRow = (label: string, values: number[], labelAttrs = 'colspan=3') =>
  `<tr>${td(label, labelAttrs)}${td(values[0])}${td(values[1], 'colspan=2')}${values.slice(2).map((v) => td(v)).join('')}</tr>`;

describe('Word-exported HTML whose header grid does not match the data rows', () => {
  it('places every table-3 value in its own column (the data row\'s cells, in order)', () => {
    const rows = [
      wordRow('一、本年新收政府信息公开申请数量', [5, 2, 0, 1, 0, 1, 9]),
      wordRow('二、上年结转政府信息公开申请数量', [1, 0, 0, 0, 0, 0, 1]),
      `<tr>${td('三、本年度办理结果', 'rowspan=3')}${td('（一）予以公开', 'colspan=2')}${td(3)}${td(1, 'colspan=2')}${td(0)}${td(1)}${td(0)}${td(0)}${td(5)}</tr>`,
      `<tr>${td('（三）不予公开', 'rowspan=2')}${td('1.属于国家秘密')}${td(1)}${td(0, 'colspan=2')}${td(0)}${td(0)}${td(0)}${td(0)}${td(1)}</tr>`,
      `<tr>${td('2.其他法律行政法规禁止公开')}${td(2)}${td(1, 'colspan=2')}${td(0)}${td(0)}${td(0)}${td(1)}${td(4)}</tr>`,
    ].join('');
    const r = importHtml(wordReport(T3_WORD_HEADER + rows));
    const c = r.report.cells;
    expect(r.unplaced).toEqual([]);
    expect([c['t3.new.natural'], c['t3.new.commercial'], c['t3.new.research'], c['t3.new.nonprofit'], c['t3.new.legal'], c['t3.new.otherOrg'], c['t3.new.total']]).toEqual([5, 2, 0, 1, 0, 1, 9]);
    expect(c['t3.carried.total']).toBe(1);
    expect(c['t3.granted.natural']).toBe(3);
    expect(c['t3.granted.commercial']).toBe(1);
    expect(c['t3.granted.total']).toBe(5);
    expect(c['t3.withheld.stateSecret.natural']).toBe(1);
    expect(c['t3.withheld.prohibitedByLaw.otherOrg']).toBe(1);
    expect(c['t3.withheld.prohibitedByLaw.total']).toBe(4);
    expect(r.notes.join('')).not.toContain('多出');
  });

  it('places a table-2 row of 3 numbers under 3 columns when the header grid has 4', () => {
    const t2 = [
      `<tr>${td('第二十条第（一）项', 'colspan=5')}</tr>`,
      `<tr>${td('信息内容')}${td('本年制发件数', 'colspan=2')}${td('本年废止件数')}${td('现行有效件数')}</tr>`,
      `<tr>${td('规章')}${td(1)}${td(0, 'colspan=2')}${td(3)}</tr>`,
      `<tr>${td('行政规范性文件')}${td(4, 'colspan=2')}${td(2)}${td(17)}</tr>`,
    ].join('');
    const r = importHtml(wordReport(T3_WORD_HEADER, t2));
    expect(r.unplaced).toEqual([]);
    expect([r.report.cells['t2.rules.issued'], r.report.cells['t2.rules.repealed'], r.report.cells['t2.rules.inForce']]).toEqual([1, 0, 3]);
    expect([r.report.cells['t2.normativeDocs.issued'], r.report.cells['t2.normativeDocs.repealed'], r.report.cells['t2.normativeDocs.inForce']]).toEqual([4, 2, 17]);
  });

  it('leaves a row that truly cannot be placed unplaced, with an error, and shifts nothing', () => {
    // six cells for seven columns: one value cell spans two columns, so which column is empty is unknown
    const row = `<tr>${td('一、本年新收政府信息公开申请数量', 'colspan=3')}${td(5, 'colspan=2')}${td(2)}${td(0)}${td(0)}${td(1)}${td(8)}</tr>`;
    const r = importHtml(wordReport(T3_WORD_HEADER + row));
    for (const col of ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'otherOrg', 'total']) expect(r.report.cells[`t3.new.${col}`]).toBeNull();
    expect(r.unplaced.map((u) => u.text)).toEqual(['5', '2', '0', '0', '1', '8']);
    const validation = validateImport(r);
    expect(validation.errors.filter((e) => e.ruleId === IMPORT_UNPLACED_RULE)).toHaveLength(6);
  });
});

describe('misprints and local variants', () => {
  const original = generateReport({ format: '2021', year: 2023, agency: '某县交通运输局', seed: 9 });
  const rendered = renderText(original);
  const replace = (text: string, pairs: Array<[string, string]>) => pairs.reduce((t, [a, b]) => t.replace(a, b), text);

  it('reads labels with a character missing, doubled or wrong, and 1、 / （1） numbering', () => {
    const text = replace(rendered, [
      ['一、本年新收政府信息公开申请数量', '一、本年新收政府信息公开申请数'],
      ['2.其他法律行政法规禁止公开', '2、其他法律行政法规禁止止公开'],
      ['4.保护第三方合法权益', '（4）保护第三方合法权益'],
      ['5.属于三类内部事务信息', '5、属于三类内部事物信息'],
      ['1.本机关不掌握相关政府信息', '1、本机关不掌握相关的政府信息'],
    ]);
    const r = importText(text);
    expect(r.unplaced).toEqual([]);
    expect(r.report.cells).toEqual(original.cells);
    expect(r.notes.filter((n) => n.includes('相差一两个字')).length).toBeGreaterThanOrEqual(3);
  });

  it('does not guess a row for a label too far from every row', () => {
    // four characters wrong: not a misprint the importer may read as 1.属于国家秘密
    const text = replace(rendered, [['1.属于国家秘密', '1.属于某某某某']]);
    const r = importText(text);
    expect(r.unplaced.some((u) => u.text.includes('1.属于某某某某'))).toBe(true);
    expect(r.report.cells['t3.withheld.stateSecret.total']).toBeNull();
    expect(validateImport(r).errors.some((e) => e.ruleId === IMPORT_UNPLACED_RULE)).toBe(true);
  });

  it('reads the 2019 single （六）其他处理 row in a 2021 report into 3.其他, with a note', () => {
    const lines = rendered.split('\n');
    const first = lines.findIndex((l) => l.includes('（六）其他处理'));
    const otherValues = [0, 1, 0, 0, 0, 0, 1];
    lines.splice(first, 3, `\t（六）其他处理\t\t${otherValues.join('\t')}`);
    const r = importText(lines.join('\n'));
    expect(r.detectedFormat).toBe('2021');
    expect(r.unplaced).toEqual([]);
    expect(['natural', 'commercial', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'].map((c) => r.report.cells[`t3.other.other.${c}`])).toEqual(otherValues);
    expect(r.report.cells['t3.other.noCorrection.natural']).toBeNull();
    expect(r.report.cells['t3.other.unpaidFee.total']).toBeNull();
    expect(r.notes.some((n) => n.includes('（六）其他处理') && n.includes('3.其他'))).toBe(true);
  });

  it('imports a 总计 that does not add up as written and reports it as an error', () => {
    const text = rendered.replace(/^(（七）总计|\t（七）总计)(.*)\t(\d+)$/m, (_, a, b, total) => `${a}${b}\t${Number(total) + 3}`);
    const r = importText(text);
    expect(r.report.cells['t3.total.total']).toBe((original.cells['t3.total.total'] as number) + 3);
    expect(validateImport(r).errors.length).toBeGreaterThan(0);
  });
});
