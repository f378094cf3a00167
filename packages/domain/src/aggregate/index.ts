/**
 * The county's compiled table: the cell-wise sum of many reports of one format and year. Blanks are
 * counted, never read as 0 silently: the console shows how many reports left each cell blank.
 */
import { getFormat } from '../formats';
import type { FormatId } from '../formats';
import type { ReportContent } from '../report';
import { fromUnits, toUnits } from '../validation/numbers';

export interface AggregateResult {
  format: FormatId;
  year: number;
  reportCount: number;
  /** the sum over the reports that filled the cell; null when every report left it blank */
  cells: Record<string, number | null>;
  /** how many reports left each cell blank (0 when all filled it) */
  blanks: Record<string, number>;
}

export function sumReports(reports: ReportContent[]): AggregateResult {
  if (reports.length === 0) throw new Error('没有可汇总的报告');
  const { format, year } = reports[0];
  for (const r of reports) {
    if (r.format !== format) {
      throw new Error(`只能汇总同一格式的报告：${reports[0].agency}使用${format}年格式，${r.agency}使用${r.format}年格式`);
    }
    if (r.year !== year) {
      throw new Error(`只能汇总同一年度的报告：${reports[0].agency}是${year}年度，${r.agency}是${r.year}年度`);
    }
  }
  const cells: Record<string, number | null> = {};
  const blanks: Record<string, number> = {};
  for (const def of getFormat(format).cells) {
    // amounts are summed in integer units of their last decimal place, so 0.1 + 0.2 is 0.3
    const decimals = def.kind === 'amount' ? (def.decimals ?? 2) : 0;
    let units = 0;
    let blank = 0;
    for (const r of reports) {
      const v = r.cells[def.key];
      if (v === null || v === undefined) {
        blank++;
        continue;
      }
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new Error(`${r.agency}${r.year}年度报告的${def.label}不是有效数值（${String(v)}），无法汇总`);
      }
      units += decimals ? toUnits(v, decimals) : v;
    }
    blanks[def.key] = blank;
    cells[def.key] = blank === reports.length ? null : decimals ? fromUnits(units, decimals) : units;
  }
  return { format, year, reportCount: reports.length, cells, blanks };
}

/** one agency's value of a compiled cell, as the 分单位明细 lists it */
export interface AgencyCellValue {
  agencyName: string;
  value: number | null;
}

/**
 * The order of a cell's 分单位明细 ("which agencies refused most on 国家秘密 grounds"): largest first,
 * blanks last (blank is not zero, but it is not "most" either), equal values by name in pinyin order.
 */
export function compareAgencyCellValues(a: AgencyCellValue, b: AgencyCellValue): number {
  if (a.value === null || b.value === null) {
    if (a.value !== null) return -1;
    if (b.value !== null) return 1;
  } else if (a.value !== b.value) return b.value - a.value;
  return a.agencyName.localeCompare(b.agencyName, 'zh-CN');
}

/** the most rows of a 分单位明细 one request answers (a province has thousands of agencies) */
export const CELL_BREAKDOWN_MAX_LIMIT = 500;
