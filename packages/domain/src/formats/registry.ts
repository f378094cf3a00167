/**
 * The registered formats. A format is one file (see ./types.ts); registering it is one line in
 * BUILT_IN below — or a registerFormat call, e.g. in a test. Everything that depends on which formats
 * exist iterates over this registry.
 *
 * The registration lives in the module that also answers getFormat, so bundlers that drop modules
 * without used exports (the package is marked side-effect free) cannot drop it.
 */
import { FORMAT_2019 } from './format-2019';
import { FORMAT_2021 } from './format-2021';
import type { CellDefinition, FormatDefinition, FormatId } from './types';

/** one line per format, oldest first */
const BUILT_IN: FormatDefinition[] = [FORMAT_2019, FORMAT_2021];

/** every registered format by id (kept up to date by registerFormat) */
export const FORMATS: Record<FormatId, FormatDefinition> = {};
/** the registered format ids, ordered by the first year each is used for (kept up to date by registerFormat) */
export const FORMAT_IDS: FormatId[] = [];

/** register a format: its id must be new, its cell keys unique, and what it carries over its own cells */
export function registerFormat(format: FormatDefinition): void {
  if (isFormatId(format.id)) throw new Error(`报告格式${format.id}已经登记`);
  const keys = new Set<string>();
  for (const cell of format.cells) {
    if (keys.has(cell.key)) throw new Error(`报告格式${format.id}的单元格${cell.key}重复`);
    keys.add(cell.key);
  }
  for (const map of Object.values(format.carryOver)) {
    for (const key of Object.keys(map)) if (!keys.has(key)) throw new Error(`报告格式${format.id}结转的单元格${key}不在本格式中`);
  }
  FORMATS[format.id] = format;
  FORMAT_IDS.push(format.id);
  FORMAT_IDS.sort((a, b) => FORMATS[a].years.from - FORMATS[b].years.from);
}

for (const format of BUILT_IN) registerFormat(format);

/** the registered formats, oldest first */
export function allFormats(): FormatDefinition[] {
  return FORMAT_IDS.map((id) => FORMATS[id]);
}

/** the report years Touming accepts: from the first year a format covers (2019) to a sanity bound */
export const REPORT_YEARS: { readonly from: number; readonly to: number } = {
  get from() {
    return Math.min(...allFormats().map((f) => f.years.from));
  },
  to: 2100,
};

export function isReportYear(year: unknown): year is number {
  return typeof year === 'number' && Number.isInteger(year) && year >= REPORT_YEARS.from && year <= REPORT_YEARS.to;
}

export function isFormatId(value: unknown): value is FormatId {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(FORMATS, value);
}

export function getFormat(id: FormatId): FormatDefinition {
  const format = isFormatId(id) ? FORMATS[id] : undefined;
  if (!format) throw new Error(`未知的报告格式：${String(id)}`);
  return format;
}

/**
 * The format in force for a report year: the registered format with the latest `years.from` not after
 * the year (2019 and 2020 → 2019's, 2021 on → 2021's); a year before every format gets the oldest.
 */
export function formatForYear(year: number): FormatDefinition {
  const formats = allFormats();
  let found = formats[0];
  for (const format of formats) if (format.years.from <= year) found = format;
  return found;
}

/** the format used today for a report whose year is not known: the newest registered */
export function latestFormat(): FormatDefinition {
  const formats = allFormats();
  return formats[formats.length - 1];
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
