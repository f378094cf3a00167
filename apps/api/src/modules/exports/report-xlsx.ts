/**
 * A report's tables (or the county's summed tables) as an XLSX workbook laid out like the official
 * tables: one sheet per table, merged header cells, 宋体. Numbers are numbers, blanks stay empty
 * (blank is not zero). The format is recorded in the workbook's keywords so the importer can tell a
 * 2019 workbook from a 2021 one.
 */
import ExcelJS from 'exceljs';
import type { FormatId } from '@touming/domain/formats';
import { reportTitle, type CellValue } from '@touming/domain/report';
import { spreadsheetText, xmlSafe } from './safe-text';
import { sheetPlans } from './sheet-layout';

export const FORMAT_KEYWORD_PREFIX = 'touming-format:';

export interface TablesContent {
  format: FormatId;
  year: number;
  agency: string;
  cells: Record<string, CellValue>;
}

export interface ExtraSheet {
  name: string;
  columns: string[];
  rows: Array<Array<string | number | null>>;
}

const FONT = { name: '宋体', size: 10.5 } as const;
const BORDER = { style: 'thin', color: { argb: 'FF000000' } } as const;

export function buildTablesWorkbook(content: TablesContent, extraSheets: ExtraSheet[] = []): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Touming';
  wb.title = xmlSafe(reportTitle(content));
  wb.keywords = `${FORMAT_KEYWORD_PREFIX}${content.format}`;
  for (const plan of sheetPlans(content.format)) {
    const ws = wb.addWorksheet(plan.name, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    for (const placed of plan.cells) {
      const cell = ws.getCell(placed.row, placed.col);
      if (placed.key) {
        const v = content.cells[placed.key];
        cell.value = v === null || v === undefined ? null : v;
      } else {
        cell.value = placed.text;
      }
      const isTitle = placed.row === 1;
      cell.font = isTitle ? { name: '黑体', size: 12 } : { ...FONT, bold: false };
      cell.alignment = { vertical: 'middle', horizontal: isTitle ? 'left' : 'center', wrapText: true };
      if (!isTitle) {
        // borders on every covered position, so merged areas are framed whole
        for (let r = placed.row; r < placed.row + placed.rowspan; r++) {
          for (let c = placed.col; c < placed.col + placed.colspan; c++) {
            ws.getCell(r, c).border = { top: BORDER, left: BORDER, bottom: BORDER, right: BORDER };
          }
        }
      }
      if (placed.rowspan > 1 || placed.colspan > 1) {
        ws.mergeCells(placed.row, placed.col, placed.row + placed.rowspan - 1, placed.col + placed.colspan - 1);
      }
    }
    for (let c = 1; c <= plan.width; c++) ws.getColumn(c).width = plan.table === 't3' && c <= 3 ? 16 : 14;
  }
  for (const extra of extraSheets) {
    const ws = wb.addWorksheet(extra.name);
    ws.addRow(extra.columns).font = { ...FONT, bold: true };
    // text cells (agency names …) neither break the XML nor start a formula
    for (const row of extra.rows) ws.addRow(row.map((v) => (typeof v === 'string' ? spreadsheetText(xmlSafe(v)) : v))).font = FONT;
    extra.columns.forEach((_, i) => (ws.getColumn(i + 1).width = i === 0 ? 40 : 16));
  }
  return wb;
}

export async function tablesXlsx(content: TablesContent, extraSheets: ExtraSheet[] = []): Promise<Buffer> {
  const data = await buildTablesWorkbook(content, extraSheets).xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
