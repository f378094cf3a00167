/**
 * Every export is read back: XLSX through our XLSX importer, HTML through the domain's importer, DOCX
 * opened as a zip and its tables compared with the official layout grid by grid, for both formats and
 * for the real 2020 report of 盐池县文化旅游广电局.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { getFormat, type FormatId } from '@touming/domain/formats';
import { generateReport } from '@touming/domain/generate';
import { importHtml, importText } from '@touming/domain/import';
import { expandGrid, renderHtml, tableLayout } from '@touming/domain/render';
import type { ReportContent } from '@touming/domain/report';
import { reportDocx } from '../../src/modules/exports/report-docx';
import { buildTablesWorkbook, tablesXlsx } from '../../src/modules/exports/report-xlsx';
import { cellAddress, sheetPlans } from '../../src/modules/exports/sheet-layout';
import { loadWorkbook, readReportXlsx, readTablesFromWorkbook } from '../../src/modules/exports/xlsx-import';

const FIXTURE = join(__dirname, '../../src/seed/data/yanchi-wenlv-2020.txt');

function generated(format: FormatId): ReportContent {
  const years = format === '2019' ? [2019, 2020] : [2022, 2023];
  const previous = generateReport({ format, year: years[0], agency: '某县市场监督管理局', seed: 11, scale: 3 });
  const report = generateReport({ format, year: years[1], agency: '某县市场监督管理局', seed: 11, scale: 3, previous });
  // an amount with decimals and a blank cell: both must survive the trip
  const amountKey = getFormat(format).cells.find((c) => c.kind === 'amount')!.key;
  report.cells[amountKey] = 123.4567;
  report.cells['t3.withheld.stateSecret.research'] = null;
  return report;
}

const REPORTS: Array<[string, () => ReportContent]> = [
  ['format 2019 (generated)', () => generated('2019')],
  ['format 2021 (generated)', () => generated('2021')],
  ['盐池县文化旅游广电局 2020 (real)', () => importText(readFileSync(FIXTURE, 'utf8')).report],
];

/** the rows of every <w:tbl> in document.xml, spans expanded the way expandGrid does */
function docxTables(xml: string): string[][][] {
  const tables = xml.split('<w:tbl>').slice(1).map((t) => t.split('</w:tbl>')[0]);
  return tables.map((table) => {
    const out: string[][] = [];
    const rows = table.split(/<w:tr[ >]/).slice(1);
    rows.forEach((row, r) => {
      const line: string[] = (out[r] ??= []);
      let col = 0;
      for (const tc of row.split(/<w:tc>/).slice(1)) {
        while (line[col] !== undefined) col++;
        const span = Number(/<w:gridSpan w:val="(\d+)"/.exec(tc)?.[1] ?? 1);
        const vMerge = /<w:vMerge(?: w:val="(\w+)")?\/>/.exec(tc);
        const continued = vMerge !== null && vMerge[1] !== 'restart';
        const text = [...tc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
        for (let i = 0; i < span; i++) line[col + i] = i === 0 && !continued ? unescape(text) : '';
        col += span;
      }
    });
    return out;
  });
}

function unescape(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

describe.each(REPORTS)('exports of %s', (_name, make) => {
  it('XLSX imports back to exactly the same cells', async () => {
    const report = make();
    const result = await readReportXlsx(await tablesXlsx(report), report.format);
    expect(result.issues).toEqual([]);
    expect(result.cells).toEqual(report.cells);
  });

  it('standalone HTML imports back through the domain importer to the same cells and text', () => {
    const report = make();
    const back = importHtml(renderHtml(report, { standalone: true }));
    expect(back.report.format).toBe(report.format);
    expect(back.report.year).toBe(report.year);
    expect(back.report.cells).toEqual(report.cells);
    expect(back.report.sections.problems.trim()).toBe(report.sections.problems.trim());
  });

  it('DOCX holds every grid of the three tables, merged cells and values as the official layout', async () => {
    const report = make();
    const zip = await JSZip.loadAsync(await reportDocx(report));
    const xml = await zip.file('word/document.xml')!.async('string');
    const format = getFormat(report.format);
    const grids = (['t2', 't3', 't4'] as const).flatMap((t) => tableLayout(format, t, report));
    const tables = docxTables(xml);
    expect(tables.length).toBe(grids.length);
    grids.forEach((grid, i) => expect(tables[i]).toEqual(expandGrid(grid)));
    // the conventions: 仿宋_GB2312 body, 宋体 tables, headings of all six sections
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="宋体"');
    for (const s of format.sections) expect(xml).toContain(`>${s.title}<`);
    expect(xml).toContain('<w:gridSpan');
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
  });
});

describe('XLSX importer errors name the sheet and the cell', () => {
  const report = generated('2021');
  const addressOf = (key: string) => {
    const plan = sheetPlans('2021').find((p) => p.cells.some((c) => c.key === key))!;
    const placed = plan.cells.find((c) => c.key === key)!;
    return { sheet: plan.name, row: placed.row, col: placed.col, address: cellAddress(placed.row, placed.col) };
  };
  const roundTrip = async (edit: (wb: Awaited<ReturnType<typeof loadWorkbook>>) => void) => {
    const wb = await loadWorkbook(await tablesXlsx(report));
    edit(wb);
    const data = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    return readReportXlsx(data, '2021');
  };

  it('a text in a number cell', async () => {
    const at = addressOf('t3.new.natural');
    const result = await roundTrip((wb) => (wb.getWorksheet(at.sheet)!.getCell(at.row, at.col).value = '十二'));
    expect(result.issues.map((i) => i.message)).toEqual([`工作表“表三”单元格 ${at.address}：应为数字，实际为“十二”`]);
  });

  it('numbers typed as text and formulas with results are read as numbers', async () => {
    const a = addressOf('t3.new.natural');
    const b = addressOf('t3.new.commercial');
    const result = await roundTrip((wb) => {
      wb.getWorksheet(a.sheet)!.getCell(a.row, a.col).value = ' 1,234 ';
      wb.getWorksheet(b.sheet)!.getCell(b.row, b.col).value = { formula: '1+1', result: 2 };
    });
    expect(result.issues).toEqual([]);
    expect(result.cells['t3.new.natural']).toBe(1234);
    expect(result.cells['t3.new.commercial']).toBe(2);
  });

  it('an unexpected merged cell', async () => {
    const a = addressOf('t3.granted.natural');
    const result = await roundTrip((wb) => wb.getWorksheet(a.sheet)!.mergeCells(a.row, a.col, a.row, a.col + 1));
    const range = `${a.address}:${cellAddress(a.row, a.col + 1)}`;
    expect(result.issues.map((i) => i.message)).toContain(`工作表“表三”单元格 ${range}：官方表格此处没有合并单元格，请取消合并后逐格填写`);
  });

  it('a wrong layout: a row label that is not the official one', async () => {
    const plan = sheetPlans('2021').find((p) => p.name === '表三')!;
    const label = plan.cells.find((c) => c.text === '（一）予以公开')!;
    const result = await roundTrip((wb) => (wb.getWorksheet('表三')!.getCell(label.row, label.col).value = '（一）同意公开'));
    expect(result.issues.map((i) => i.message)).toEqual([
      `工作表“表三”单元格 ${cellAddress(label.row, label.col)}：应为“（一）予以公开”，实际为“（一）同意公开”，表格格式与官方格式不符`,
    ]);
  });

  it('a missing sheet, and a workbook of the other format', async () => {
    const missing = await roundTrip((wb) => wb.removeWorksheet(wb.getWorksheet('表四')!.id));
    expect(missing.issues.map((i) => i.message)).toEqual(['缺少工作表“表四”']);
    const wb2019 = buildTablesWorkbook(generated('2019'));
    expect(readTablesFromWorkbook(wb2019, '2021').issues[0].message).toContain('2019年版格式');
    // without the keyword, the 2019 layout itself is refused as a 2021 table
    wb2019.keywords = '';
    const issues = readTablesFromWorkbook(wb2019, '2021').issues;
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0].message).toMatch(/^工作表“表二”单元格 [A-Z]+\d+(:[A-Z]+\d+)?：/);
  });
});
