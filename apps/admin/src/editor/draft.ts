/**
 * Pure helpers of the report editor: the report as the domain sees it (ReportContent), the user's
 * unsaved changes, and the differences between two revisions (for the conflict dialog).
 */
import { cellDefinition, formatForYear, getFormat, isFormatId, NARRATIVE_KEYS, SECTIONS } from '@touming/domain/formats';
import type { CellKind, FormatId, NarrativeKey } from '@touming/domain/formats';
import type { CellValue, ReportContent } from '@touming/domain/report';
import type { PreviousYearReport, Report, ReportUpdateInput } from '../providers/types';

export interface Edits {
  cells: Record<string, CellValue>;
  sections: Partial<Record<NarrativeKey, string>>;
}

export const NO_EDITS: Edits = { cells: {}, sections: {} };

export function hasEdits(edits: Edits) {
  return Object.keys(edits.cells).length > 0 || Object.keys(edits.sections).length > 0;
}

export function formatIdOf(report: Pick<Report, 'format' | 'year'>): FormatId {
  if (isFormatId(report.format)) return report.format;
  return formatForYear(report.year).id;
}

export function cellMap(cells: { key: string; value: number | null }[] | undefined): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const c of cells ?? []) out[c.key] = c.value ?? null;
  return out;
}

export function sectionMap(sections: { key: string; text: string }[] | undefined): Record<NarrativeKey, string> {
  const out = Object.fromEntries(NARRATIVE_KEYS.map((k) => [k, ''])) as Record<NarrativeKey, string>;
  for (const s of sections ?? []) if ((NARRATIVE_KEYS as string[]).includes(s.key)) out[s.key as NarrativeKey] = s.text ?? '';
  return out;
}

/** the report as the domain's rules read it, with the user's unsaved edits applied */
export function toContent(report: Report | PreviousYearReport, edits: Edits = NO_EDITS): ReportContent {
  const format = formatIdOf(report as Report);
  const cells: Record<string, CellValue> = {};
  for (const def of getFormat(format).cells) cells[def.key] = null;
  Object.assign(cells, cellMap(report.cells), edits.cells);
  const sections = { ...sectionMap(report.sections), ...edits.sections };
  const agency = (report as Report).agency?.name ?? '';
  return { format, year: report.year, agency, sections, cells };
}

/** the update a save sends: only the cells and sections that differ from the server's revision */
export function editsToInput(report: Report, edits: Edits): ReportUpdateInput {
  const server = cellMap(report.cells);
  const serverText = sectionMap(report.sections);
  const cells = Object.entries(edits.cells)
    .filter(([key, value]) => (server[key] ?? null) !== value)
    .map(([key, value]) => ({ key, value }));
  const sections = (Object.entries(edits.sections) as [NarrativeKey, string][])
    .filter(([key, text]) => serverText[key] !== text)
    .map(([key, text]) => ({ key, text }));
  const input: ReportUpdateInput = {};
  if (cells.length) input.cells = cells;
  if (sections.length) input.sections = sections;
  return input;
}

/** edits that still differ from a (newer) server revision: what is left to save after a save returns */
export function pruneEdits(report: Report, edits: Edits): Edits {
  const input = editsToInput(report, edits);
  return {
    cells: Object.fromEntries((input.cells ?? []).map((c) => [c.key, c.value ?? null])),
    sections: Object.fromEntries((input.sections ?? []).map((s) => [s.key, s.text])),
  };
}

export interface Change {
  /** a cell key or "section:<key>" */
  key: string;
  label: string;
  before: string;
  after: string;
}

/** a section's official title (一、总体情况 …) from the domain's SECTIONS; an unknown key shows as recorded */
export function sectionTitle(key: string): string {
  return SECTIONS.find((s) => s.key === key)?.title ?? key;
}

function show(value: CellValue | undefined) {
  return value === null || value === undefined ? '空白' : String(value);
}

function excerpt(text: string) {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 60 ? `${t.slice(0, 60)}……` : t || '（空）';
}

/** what changed from one revision of a report to another, cell by cell and section by section */
export function diffReports(before: Report, after: Report): Change[] {
  const format = formatIdOf(after);
  const a = cellMap(before.cells);
  const b = cellMap(after.cells);
  const changes: Change[] = [];
  for (const def of getFormat(format).cells) {
    const x = a[def.key] ?? null;
    const y = b[def.key] ?? null;
    if (x !== y) changes.push({ key: def.key, label: def.label, before: show(x), after: show(y) });
  }
  const sa = sectionMap(before.sections);
  const sb = sectionMap(after.sections);
  for (const key of NARRATIVE_KEYS) {
    if (sa[key] !== sb[key]) changes.push({ key: `section:${key}`, label: sectionTitle(key), before: excerpt(sa[key]), after: excerpt(sb[key]) });
  }
  return changes;
}

/** the keys of the user's edits ("section:<key>" for texts) */
export function editKeys(edits: Edits): string[] {
  return [...Object.keys(edits.cells), ...Object.keys(edits.sections).map((k) => `section:${k}`)];
}

export type ParsedCell = { ok: true; value: CellValue } | { ok: false; message: string };

/**
 * What the user typed in a cell → a number or blank. Only reading the number happens here: whether it
 * is an acceptable count or amount is the domain's cell.kind rule, shown like every other rule.
 */
export function parseCellText(text: string): ParsedCell {
  const t = text
    .trim()
    .replace(/[，,\s]/g, '')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[－—]/g, '-');
  if (t === '') return { ok: true, value: null };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return { ok: false, message: '请输入数字（未发生的填0）' };
  return { ok: true, value: Number(t) };
}

export function kindOf(format: FormatId, key: string): CellKind | undefined {
  return cellDefinition(format, key)?.kind;
}

/** which editor tab — a section of the report (the domain's SECTIONS) — a cell key or "section:<key>" belongs to */
export function tabOfKey(key: string): string {
  if (key.startsWith('section:')) return key.slice('section:'.length);
  const table = key.split('.')[0];
  return SECTIONS.some((s) => s.kind === 'table' && s.key === table) ? table : 'overview';
}
