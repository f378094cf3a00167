/**
 * Reads the tables back from an XLSX laid out like the official tables (as tablesXlsx writes them, or
 * as a county's agencies exchange them). Every deviation is reported precisely, naming the sheet and
 * the cell, in Chinese: a wrong label (wrong layout or format), a text where a number belongs, a
 * merged cell the official table does not have. Values are kept as the sheet states them: the
 * consistency rules are validation's business, not the importer's.
 */
import ExcelJS from 'exceljs';
import { isFormatId, type FormatId } from '@touming/domain/formats';
import type { CellValue } from '@touming/domain/report';
import { FORMAT_KEYWORD_PREFIX } from './report-xlsx';
import { cellAddress, rangeAddress, sheetPlans, type PlacedCell } from './sheet-layout';
import { checkZipLimits, ZipLimitError } from './zip-limits';

export interface XlsxIssue {
  sheet: string;
  /** "C7", or a range "B7:C8" for merges; empty when the whole sheet is missing */
  cell: string;
  message: string;
}

export interface XlsxImportResult {
  format: FormatId;
  cells: Record<string, CellValue>;
  issues: XlsxIssue[];
}

const MAX_ISSUES = 50;
const NUMBER_TEXT = /^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/** labels compare without whitespace (people re-wrap header text) and with full-width parentheses */
function normalizeLabel(s: string): string {
  return s.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

type Reading = { ok: true; value: CellValue } | { ok: false; shown: string };

function readNumber(value: ExcelJS.CellValue): Reading {
  if (value === null || value === undefined) return { ok: true, value: null };
  if (typeof value === 'number') return Number.isFinite(value) ? { ok: true, value } : { ok: false, shown: String(value) };
  if (typeof value === 'object' && !(value instanceof Date) && 'formula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return typeof result === 'number' ? { ok: true, value: result } : { ok: false, shown: cellText(result ?? null) || `=${value.formula}` };
  }
  const text = cellText(value).trim();
  if (text === '') return { ok: true, value: null };
  if (NUMBER_TEXT.test(text)) return { ok: true, value: Number(text.replace(/,/g, '')) };
  return { ok: false, shown: text };
}

/** "A1:C3" → the set of positions it covers, keyed by its top-left address */
function parseRange(range: string): { top: number; left: number; bottom: number; right: number } {
  const parse = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return { row: Number(m[2]), col };
  };
  const [a, b = a] = range.replace(/\$/g, '').split(':');
  const s = parse(a);
  const e = parse(b);
  return { top: s.row, left: s.col, bottom: e.row, right: e.col };
}

function workbookFormat(wb: ExcelJS.Workbook): FormatId | null {
  const keyword = (wb.keywords ?? '').split(/[\s,;]+/).find((k) => k.startsWith(FORMAT_KEYWORD_PREFIX));
  const id = keyword?.slice(FORMAT_KEYWORD_PREFIX.length);
  return isFormatId(id) ? id : null;
}

export async function loadWorkbook(data: Buffer | Uint8Array): Promise<ExcelJS.Workbook> {
  // entry count and inflated size are checked before the XLSX reader inflates anything (zip bombs)
  try {
    checkZipLimits(Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  } catch (error) {
    if (error instanceof ZipLimitError) throw new XlsxFileError(error.message);
    throw error;
  }
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's typing wants its own Buffer flavour
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new XlsxFileError('文件不是有效的 XLSX 工作簿，无法读取');
  }
  return wb;
}

export class XlsxFileError extends Error {}

/**
 * The cells of `format` read from the workbook. The sheets 表二/表三/表四 are found by name; any other
 * sheet (e.g. a county summary's 汇总说明) is ignored.
 */
export function readTablesFromWorkbook(wb: ExcelJS.Workbook, format: FormatId): XlsxImportResult {
  const issues: XlsxIssue[] = [];
  const cells: Record<string, CellValue> = {};
  const add = (issue: XlsxIssue) => {
    if (issues.length < MAX_ISSUES) issues.push(issue);
  };
  const stated = workbookFormat(wb);
  if (stated && stated !== format) {
    add({ sheet: '', cell: '', message: `该工作簿是${stated}年版格式的表格，与本报告使用的${format}年版格式不符` });
    return { format, cells, issues };
  }
  for (const plan of sheetPlans(format)) {
    const ws = wb.getWorksheet(plan.name);
    if (!ws) {
      add({ sheet: plan.name, cell: '', message: `缺少工作表“${plan.name}”` });
      continue;
    }
    const where = (address: string) => `工作表“${plan.name}”单元格 ${address}`;
    // merges: every merge in the sheet must be one the official table has (a surprise merge can hide values)
    const expected = new Set(plan.cells.filter((c) => c.rowspan > 1 || c.colspan > 1).map(rangeAddress));
    const merges: string[] = (ws.model as { merges?: string[] }).merges ?? [];
    for (const merge of merges) {
      const r = parseRange(merge);
      const address = `${cellAddress(r.top, r.left)}:${cellAddress(r.bottom, r.right)}`;
      if (!expected.has(address)) {
        add({ sheet: plan.name, cell: address, message: `${where(address)}：官方表格此处没有合并单元格，请取消合并后逐格填写` });
      }
    }
    for (const placed of plan.cells) {
      if (placed.row === 1) continue; // the section title is informative only
      const address = cellAddress(placed.row, placed.col);
      const value = ws.getCell(placed.row, placed.col).value;
      if (placed.key) {
        const reading = readNumber(value);
        if (reading.ok) cells[placed.key] = reading.value;
        else add({ sheet: plan.name, cell: address, message: `${where(address)}：应为数字，实际为“${reading.shown}”` });
        continue;
      }
      checkLabel(placed, cellText(value), where(address), (message) => add({ sheet: plan.name, cell: address, message }));
    }
  }
  return { format, cells, issues };
}

function checkLabel(placed: PlacedCell, actual: string, where: string, report: (message: string) => void) {
  if (!placed.text) return;
  if (normalizeLabel(actual) === normalizeLabel(placed.text)) return;
  report(`${where}：应为“${placed.text}”，实际为“${actual.trim() || '（空白）'}”，表格格式与官方格式不符`);
}

export async function readReportXlsx(data: Buffer | Uint8Array, format: FormatId): Promise<XlsxImportResult> {
  return readTablesFromWorkbook(await loadWorkbook(data), format);
}
