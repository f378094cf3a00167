export * from './types';
export {
  SECTIONS,
  T3_COLUMNS,
  T3_APPLICANT_COLUMNS,
  T4_PART_COLUMNS,
  APPLICANT_GROUP,
  t3ResultRowIds,
} from './common';
export { FORMAT_2019 } from './format-2019';
export { FORMAT_2021 } from './format-2021';
import { FORMAT_2019 } from './format-2019';
import { FORMAT_2021 } from './format-2021';
import type { CellDefinition, FormatDefinition, FormatId, NarrativeKey } from './types';

export const FORMATS: Record<FormatId, FormatDefinition> = { '2019': FORMAT_2019, '2021': FORMAT_2021 };
export const FORMAT_IDS: FormatId[] = ['2019', '2021'];
export const NARRATIVE_KEYS: NarrativeKey[] = ['overview', 'problems', 'other'];

/** the report years Touming accepts: from the first year a format covers (2019) to a sanity bound */
export const REPORT_YEARS = { from: Math.min(...Object.values(FORMATS).map((f) => f.years.from)), to: 2100 };

export function isReportYear(year: unknown): year is number {
  return typeof year === 'number' && Number.isInteger(year) && year >= REPORT_YEARS.from && year <= REPORT_YEARS.to;
}

export function isFormatId(value: unknown): value is FormatId {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(FORMATS, value);
}

export function getFormat(id: FormatId): FormatDefinition {
  const format = FORMATS[id];
  if (!format) throw new Error(`未知的报告格式：${String(id)}`);
  return format;
}

/** the format in force for a report year: 2019 and 2020 use 2019's, 2021 on use 2021's */
export function formatForYear(year: number): FormatDefinition {
  return year <= FORMAT_2019.years.to! ? FORMAT_2019 : FORMAT_2021;
}

const cellIndexCache = new Map<FormatId, Map<string, CellDefinition>>();

/** the definition of one cell key in a format, or undefined when the format has no such cell */
export function cellDefinition(format: FormatId, key: string): CellDefinition | undefined {
  let index = cellIndexCache.get(format);
  if (!index) {
    index = new Map(getFormat(format).cells.map((c) => [c.key, c]));
    cellIndexCache.set(format, index);
  }
  return index.get(key);
}

export function cellKeys(format: FormatId): string[] {
  return getFormat(format).cells.map((c) => c.key);
}
