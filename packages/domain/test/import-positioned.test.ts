/**
 * Positioned text (what a PDF holds) back into rows: y → lines, x → the header's columns. Real PDFs
 * printed by Chromium are imported in the API's tests; these pages are built by hand to pin the rules.
 */
import { describe, expect, it } from 'vitest';
import { importPositioned, validateImport, type PositionedItem } from '../src/import';

const H = 12;
/** one line of items at y; each item [text, x] */
const line = (y: number, ...items: Array<[string, number]>): PositionedItem[] =>
  items.map(([text, x]) => ({ text, x, y, width: text.length * (/^[\d.]+$/.test(text) ? H / 2 : H), height: H }));

function page(table2Rows: PositionedItem[][]): PositionedItem[] {
  let y = 60;
  const next = (gap = 20) => (y += gap);
  const items = [
    ...line(y, ['某某县水务局2022年政府信息公开工作年度报告', 120]),
    ...line(next(40), ['一、总体情况', 80]),
    ...line(next(), ['本年度我局认真贯彻落实《条例》，全年主动公开', 80]),
    ...line(next(), ['信息120条。', 56]),
    ...line(next(), ['二、主动公开政府信息情况', 80]),
    ...line(next(), ['第二十条第（一）项', 250]),
    // header: 本年制发件数 wraps in its narrow cell
    ...line(next(), ['信息内容', 70], ['本年制发', 200], ['本年废止件数', 300], ['现行有效件数', 420]),
    ...line(next(14), ['件数', 212]),
  ];
  for (const row of table2Rows) {
    const rowY = next(18);
    items.push(...row.map((i) => ({ ...i, y: rowY })));
  }
  items.push(...line(next(30), ['三、收到和处理政府信息公开申请情况', 80]));
  items.push(...line(next(), ['四、政府信息公开行政复议、行政诉讼情况', 80]));
  items.push(...line(next(), ['五、存在的主要问题及改进情况', 80]), ...line(next(), ['无。', 80]));
  items.push(...line(next(), ['六、其他需要报告的事项', 80]), ...line(next(), ['无。', 80]));
  return items;
}

// column centres: 本年制发件数 224, 本年废止件数 336, 现行有效件数 456
describe('positioned text', () => {
  it('puts each number under the header it is printed beneath; a blank stays blank in its column', () => {
    const pages = [{ width: 600, height: 840, items: page([line(0, ['规章', 70], ['3', 221], ['7', 453]), line(0, ['行政规范性文件', 50], ['12', 330], ['40', 450])]) }];
    const r = importPositioned(pages);
    expect(r.detectedYear).toBe(2022);
    expect(r.agency).toBe('某某县水务局');
    expect(r.unplaced).toEqual([]);
    expect([r.report.cells['t2.rules.issued'], r.report.cells['t2.rules.repealed'], r.report.cells['t2.rules.inForce']]).toEqual([3, null, 7]);
    expect([r.report.cells['t2.normativeDocs.issued'], r.report.cells['t2.normativeDocs.repealed'], r.report.cells['t2.normativeDocs.inForce']]).toEqual([null, 12, 40]);
    // the two lines of 一、总体情况 are one paragraph again
    expect(r.report.sections.overview).toBe('本年度我局认真贯彻落实《条例》，全年主动公开信息120条。');
  });

  it('does not place a number printed between two columns: unplaced, with an error', () => {
    const pages = [{ width: 600, height: 840, items: page([line(0, ['规章', 70], ['3', 277], ['7', 453])]) }];
    const r = importPositioned(pages);
    expect(r.report.cells['t2.rules.issued']).toBeNull();
    expect(r.report.cells['t2.rules.inForce']).toBeNull();
    expect(r.unplaced.map((u) => u.text)).toEqual(['3', '7']);
    expect(validateImport(r).errors.some((e) => e.ruleId === 'import.unplaced')).toBe(true);
  });

  it('refuses a PDF without text (a scan)', () => {
    expect(() => importPositioned([{ width: 600, height: 840, items: [] }])).toThrow(/扫描件/);
  });
});
