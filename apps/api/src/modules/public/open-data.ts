/**
 * Open data: every cell of every current published revision of a year, one row per agency × cell key
 * (schema in docs/open-data.md). CSV is UTF-8 with a BOM so Excel opens it as UTF-8.
 */
import { cellDefinition, getFormat, isFormatId } from '@touming/domain/formats';
import type { EntityManager } from 'typeorm';
import { spreadsheetText } from '../exports/safe-text';
import { publishedCellRows } from '../revisions/published-cell.repository';

export interface OpenDataRow {
  year: number;
  format: string;
  agencyId: string;
  agencyCode: string;
  agencyName: string;
  agencyKind: string;
  region: string | null;
  /** the 行政区划代码 of the agency's region (null when placed in none) */
  regionCode: string | null;
  /** the name of that region in the region tree */
  regionName: string | null;
  revisionId: string;
  revisionNo: number;
  publishedAt: string;
  key: string;
  label: string;
  value: number | null;
}

export const OPEN_DATA_COLUMNS: Array<keyof OpenDataRow> = [
  'year', 'format', 'agencyId', 'agencyCode', 'agencyName', 'agencyKind', 'region', 'regionCode', 'regionName', 'revisionId', 'revisionNo', 'publishedAt', 'key', 'label', 'value',
];

/** the open-data rows of a year, ordered by agency code and the format's cell order */
export async function openDataRows(manager: EntityManager, year: number): Promise<OpenDataRow[]> {
  const raw = await publishedCellRows(manager, year);
  const order = new Map<string, number>();
  const rows = raw.map((r): OpenDataRow => {
    const format = String(r.format);
    const key = String(r.key);
    const def = isFormatId(format) ? cellDefinition(format, key) : undefined;
    if (isFormatId(format) && !order.has(`${format}|${key}`)) getFormat(format).cells.forEach((c, i) => order.set(`${format}|${c.key}`, i));
    const publishedAt = r.publishedAt instanceof Date ? r.publishedAt : new Date(String(r.publishedAt).replace(' ', 'T') + (String(r.publishedAt).endsWith('Z') ? '' : 'Z'));
    return {
      year: Number(r.year),
      format,
      agencyId: String(r.agencyId),
      agencyCode: String(r.agencyCode),
      agencyName: String(r.agencyName),
      agencyKind: String(r.agencyKind),
      region: r.region === null || r.region === undefined ? null : String(r.region),
      regionCode: r.regionCode === null || r.regionCode === undefined ? null : String(r.regionCode),
      regionName: r.regionName === null || r.regionName === undefined ? null : String(r.regionName),
      revisionId: String(r.revisionId),
      revisionNo: Number(r.revisionNo),
      publishedAt: publishedAt.toISOString(),
      key,
      label: def?.label ?? key,
      value: r.value === null || r.value === undefined ? null : Number(r.value),
    };
  });
  rows.sort((a, b) => a.agencyCode.localeCompare(b.agencyCode) || (order.get(`${a.format}|${a.key}`) ?? 0) - (order.get(`${b.format}|${b.key}`) ?? 0));
  return rows;
}

function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  // text (agency names, regions …) that would start a formula is neutralised; numbers stay numbers
  const s = typeof v === 'string' ? spreadsheetText(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV with a header row (the column keys, or the given headers), CRLF line ends and a UTF-8 BOM (Excel) */
export function toCsv(columns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>, headers: readonly string[] = columns): string {
  const lines = [headers.map(csvField).join(','), ...rows.map((r) => columns.map((c) => csvField(r[c])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
