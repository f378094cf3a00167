/**
 * A 比对报告 as files: DOCX in the official fonts (summary first, as the domain's outline orders it)
 * and the county's ranked batch as XLSX. The HTML is the domain's renderComparisonHtml.
 */
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type IRunOptions } from 'docx';
import ExcelJS from 'exceljs';
import { CELL_HEADER, comparisonOutline, type ReportComparison } from '@touming/domain/compare';
import { spreadsheetText, xmlSafe } from '../exports/safe-text';
import type { ComparisonBatchItemRow } from './comparison-batch';

const FANGSONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312', cs: '仿宋' };
const SONGTI = { ascii: '宋体', hAnsi: '宋体', eastAsia: '宋体', cs: '宋体' };
const HEITI = { ascii: '黑体', hAnsi: '黑体', eastAsia: '黑体', cs: '黑体' };
const KAITI = { ascii: '楷体', hAnsi: '楷体', eastAsia: '楷体_GB2312', cs: '楷体' };

const run = (text: string, options: Partial<IRunOptions> = {}) => new TextRun({ text: xmlSafe(text), ...options });
const body = (text: string) => new Paragraph({ children: [run(text, { font: FANGSONG, size: 32 })], indent: { firstLine: 640 }, spacing: { line: 560, lineRule: 'exact' } });
const heading = (text: string, font = HEITI) => new Paragraph({ children: [run(text, { font, size: 32 })], spacing: { before: 240, after: 120 } });

function cellsTable(rows: string[][]): Table {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [run(text, { font: SONGTI, size: 21, bold })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: CELL_HEADER.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((v) => cell(v)) }))],
  });
}

export function comparisonDocx(c: ReportComparison): Promise<Buffer> {
  const o = comparisonOutline(c);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(o.title, { font: SONGTI, size: 44, bold: true })], spacing: { after: 240 } }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(o.subtitle, { font: KAITI, size: 32 })], spacing: { after: 240 } }),
    heading('一、比对摘要'),
    ...o.summary.map(body),
    heading('二、表格数字变化'),
    body(`${c.changedCells.length}个单元格有变化，${c.unchangedCells}个不变${c.notComparable.length ? `，${c.notComparable.length}个因格式不同不可比` : ''}；变化异常的排在前面。`),
    ...(o.cells.length ? [cellsTable(o.cells), new Paragraph({ children: [] })] : []),
    heading('三、与上年报告的衔接'),
    ...o.carryOver.map(body),
    heading('四、正文数字与表格'),
    ...o.narrativeNumbers.map(body),
    heading('五、上年承诺的改进措施'),
    ...o.promises.map(body),
    heading('六、正文逐段比对'),
    ...o.sections.flatMap((s) => [heading(s.title, KAITI), ...(s.lines.length ? s.lines.map(body) : [body('与上年相同。')])]),
  ];
  const doc = new Document({
    creator: 'Touming',
    title: xmlSafe(o.title),
    styles: { default: { document: { run: { font: FANGSONG, size: 32 } } } },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } }, children }],
  });
  return Packer.toBuffer(doc);
}

export const BATCH_COLUMNS = ['排名', '单位', '关注分', '第五部分与上年相似度', '异常变化的单元格', '结转不衔接', '正文数字与表格不符', '需要关注的原因', '说明'];

/** the ranked batch of a year as a workbook: one row per agency, most to look at first */
export async function comparisonBatchXlsx(year: number, rows: readonly ComparisonBatchItemRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Touming';
  const sheet = book.addWorksheet(`${year}年度与上年比对`);
  sheet.addRow(BATCH_COLUMNS);
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    const problems = r.comparison?.sections.find((s) => s.key === 'problems');
    sheet.addRow([
      r.rank ?? '',
      spreadsheetText(r.agencyName),
      r.concern?.score ?? '',
      problems ? Math.round(problems.similarity * 1000) / 10 : '',
      r.comparison?.summary.unusualCount ?? '',
      r.comparison?.summary.carryOverFailures ?? '',
      r.comparison?.summary.narrativeDisagreements ?? '',
      spreadsheetText((r.concern?.reasons ?? []).join('；')),
      spreadsheetText(r.note ?? ''),
    ]);
  }
  sheet.columns.forEach((col, i) => (col.width = [6, 28, 8, 12, 10, 10, 10, 48, 24][i]));
  return Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer);
}
