import { cellKeys, getFormat, NARRATIVE_KEYS } from '../formats';
import type { FormatId, NarrativeKey } from '../formats';

/** a cell holds a number or is blank (null); blank is not zero */
export type CellValue = number | null;

/** The content of a report: what is signed, hashed, validated, rendered and published. */
export interface ReportContent {
  format: FormatId;
  year: number;
  /** the agency's name as the report states it */
  agency: string;
  sections: Record<NarrativeKey, string>;
  /** every cell key of the format; a missing key reads as blank */
  cells: Record<string, CellValue>;
}

/** a new, empty report: every cell blank, every section empty */
export function emptyReport(format: FormatId, year: number, agency: string): ReportContent {
  const cells: Record<string, CellValue> = {};
  for (const key of cellKeys(format)) cells[key] = null;
  const sections = Object.fromEntries(NARRATIVE_KEYS.map((k) => [k, ''])) as Record<NarrativeKey, string>;
  return { format, year, agency, sections, cells };
}

/** the value of a cell, blank when absent */
export function cellValue(report: Pick<ReportContent, 'cells'>, key: string): CellValue {
  const v = report.cells[key];
  return v === undefined ? null : v;
}

/** the title an annual report carries, e.g. "盐池县文化旅游广电局2020年政府信息公开工作年度报告" */
export function reportTitle(report: Pick<ReportContent, 'agency' | 'year'>): string {
  return `${report.agency}${report.year}年政府信息公开工作年度报告`;
}

export function formatOf(report: Pick<ReportContent, 'format'>) {
  return getFormat(report.format);
}
