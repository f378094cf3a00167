/**
 * Import of text that carries its position on the page — what a PDF holds (the I/O adapter reads the
 * PDF's text items; this module never sees bytes). The page is rebuilt as the text importer reads it:
 * items with the same baseline make a line (y → lines); in the table sections each row's label is put
 * together from the pieces a narrow cell wraps it into, and each number is placed under the column
 * header it is printed beneath (x → columns), so that a blank cell stays blank in its own column
 * instead of the next number sliding into it. A number whose column cannot be told with certainty is
 * left to the table reader as a short row, which lists it as unplaced: a value is never shifted.
 */
import { getFormat, type FormatId, type TableDefinition } from '../formats';
import { bestScoring } from './detect-format';
import { isPageNumber } from './page-furniture';
import { findSections } from './sections';
import { matchRow, tableOf, targetsOf, type Target } from './tables';
import { labelKey, parseValueCell } from './text-utils';
import type { SourceLine } from './types';

/** one run of text as the PDF places it; y is the baseline measured from the top of the page */
export interface PositionedItem {
  text: string;
  x: number;
  y: number;
  width: number;
  /** the font size (height of the run) */
  height: number;
}

export interface PositionedPage {
  width: number;
  height: number;
  items: PositionedItem[];
}

interface Field {
  text: string;
  x0: number;
  x1: number;
}

interface VisualLine {
  page: number;
  /** baseline, pages stacked: page * 100000 + y */
  y: number;
  h: number;
  fields: Field[];
}

const center = (f: Field) => (f.x0 + f.x1) / 2;
const isNumber = (s: string) => parseValueCell(s).kind === 'number';
/** a number or a blank mark (—, /) printed in a value cell */
const isValue = (s: string) => parseValueCell(s).kind !== 'text';
const ASCII_WORD = /[A-Za-z0-9]$/;

/** items → lines of fields; a field is a run of items without a gap wider than about half a character */
function visualLines(pages: PositionedPage[]): VisualLine[] {
  const out: VisualLine[] = [];
  pages.forEach((page, p) => {
    const items = page.items
      .filter((i) => i.text.trim() !== '' && Number.isFinite(i.x) && Number.isFinite(i.y))
      .sort((a, b) => a.y - b.y || a.x - b.x);
    const groups: PositionedItem[][] = [];
    for (const item of items) {
      const last = groups[groups.length - 1];
      const h = Math.max(1, item.height);
      if (last && Math.abs(last[0].y - item.y) <= 0.4 * Math.min(h, Math.max(1, last[0].height))) last.push(item);
      else groups.push([item]);
    }
    for (const group of groups) {
      group.sort((a, b) => a.x - b.x);
      const h = Math.max(...group.map((i) => i.height), 1);
      const fields: Field[] = [];
      for (const item of group) {
        const text = item.text.replace(/\s+$/u, '');
        const prev = fields[fields.length - 1];
        const gap = prev ? item.x - prev.x1 : Infinity;
        if (prev && gap < 0.6 * h && !(isNumber(prev.text) && isNumber(text.trim()) && gap > 0.2 * h)) {
          const space = gap > 0.2 * h && ASCII_WORD.test(prev.text) && /^[A-Za-z0-9]/.test(text) ? ' ' : '';
          prev.text += space + text;
          prev.x1 = Math.max(prev.x1, item.x + item.width);
        } else {
          fields.push({ text: text.replace(/^\s+/u, ''), x0: item.x, x1: item.x + item.width });
        }
      }
      // a field of several numbers separated by spaces is several cells
      const split = fields.flatMap((f) => {
        const parts = f.text.trim().split(/\s+/);
        if (parts.length < 2 || !parts.every(isNumber)) return [f];
        const w = (f.x1 - f.x0) / f.text.length;
        let at = 0;
        return parts.map((part) => {
          const start = f.text.indexOf(part, at);
          at = start + part.length;
          return { text: part, x0: f.x0 + start * w, x1: f.x0 + at * w };
        });
      });
      const line: VisualLine = { page: p, y: p * 100000 + group[0].y, h, fields: split.filter((f) => f.text.trim() !== '') };
      const text = line.fields.map((f) => f.text).join('');
      // page numbers in the top or bottom margin
      const local = group[0].y;
      if (isPageNumber(text) || (/^\s*\d{1,3}\s*$/.test(text) && (local < page.height * 0.1 || local > page.height * 0.9))) continue;
      out.push(line);
    }
  });
  return out;
}

/** the leading run of text fields and the trailing run of number fields, when the line ends in numbers */
function splitRow(line: VisualLine): { labels: Field[]; numbers: Field[] } | null {
  let first = line.fields.length;
  while (first > 0 && isValue(line.fields[first - 1].text)) first--;
  if (first === line.fields.length || !line.fields.slice(first).some((f) => isNumber(f.text))) return null;
  return { labels: line.fields.slice(0, first), numbers: line.fields.slice(first) };
}

/** a narrative line as the text importer reads it */
const plain = (line: VisualLine) => line.fields.map((f) => f.text).join(line.fields.length > 1 ? '\t' : '');

export interface PositionedImportInput {
  pages: PositionedPage[];
}

/**
 * The lines of a positioned document for the text importer: narrative lines joined back into
 * paragraphs, table rows rebuilt with their label whole and their values in their columns.
 */
export function positionedToLines(pages: PositionedPage[]): SourceLine[] {
  const visual = visualLines(pages);
  const naive = visual.map((l, i) => ({ no: i + 1, text: plain(l) }));
  const spans = findSections(naive);
  const formatId = detectFormatId(spans, naive);
  const format = getFormat(formatId);
  const out: Array<{ text: string; complete?: boolean }> = [];
  const push = (...texts: string[]) => out.push(...texts.map((text) => ({ text })));
  const emit = (from: number, to: number, kind: 'text' | 't2' | 't3' | 't4') => {
    if (kind === 'text') push(...paragraphs(visual.slice(from, to)));
    else out.push(...tableRows(visual.slice(from, to), tableOf(format, kind)));
  };
  let at = 0;
  const title = spans.length ? spans[0].heading : visual.length;
  // the title: a wrapped title is one line again
  if (title > 0) {
    const head = visual.slice(0, title);
    const big = Math.max(...head.map((l) => l.h));
    const titleLines = head.filter((l) => l.h >= big - 0.5);
    const firstTitle = head.indexOf(titleLines[0]);
    for (let i = 0; i < firstTitle; i++) push(plain(head[i]));
    const lastTitle = head.indexOf(titleLines[titleLines.length - 1]);
    push(head.slice(firstTitle, lastTitle + 1).map((l) => l.fields.map((f) => f.text).join('')).join(''));
    emit(lastTitle + 1, title, 'text');
  }
  at = title;
  for (const span of spans) {
    push(plain(visual[span.heading]));
    emit(span.start, span.end, span.key === 't2' || span.key === 't3' || span.key === 't4' ? span.key : 'text');
    at = span.end;
  }
  if (at < visual.length && !spans.length) emit(at, visual.length, 'text');
  return out.map((o, i) => ({ no: i + 1, ...o }));
}

function detectFormatId(spans: ReturnType<typeof findSections>, lines: SourceLine[]): FormatId {
  const tableText = spans
    .filter((s) => s.key === 't2' || s.key === 't3' || s.key === 't4')
    .flatMap((s) => lines.slice(s.start, s.end).map((l) => l.text))
    .join('\n');
  const candidates = bestScoring(tableText);
  return candidates[candidates.length - 1];
}

/**
 * Narrative lines back into paragraphs: a line that starts indented (the first line of a paragraph)
 * or follows a line that stops well before the right edge (the last line of one) starts a new
 * paragraph; any other line continues the one before.
 */
function paragraphs(lines: VisualLine[]): string[] {
  if (!lines.length) return [];
  const left = Math.min(...lines.map((l) => l.fields[0].x0));
  const right = Math.max(...lines.map((l) => l.fields[l.fields.length - 1].x1));
  const out: string[] = [];
  let prev: VisualLine | null = null;
  for (const line of lines) {
    const text = line.fields.map((f) => f.text).join(line.fields.length > 1 ? ' ' : '');
    const x0 = line.fields[0].x0;
    const x1 = line.fields[line.fields.length - 1].x1;
    const indented = x0 > left + 0.8 * line.h;
    const newParagraph =
      prev === null ||
      indented ||
      prev.fields[prev.fields.length - 1].x1 < right - 2 * prev.h ||
      line.y - prev.y > 2.2 * line.h ||
      line.page !== prev.page && x1 < right - 2 * line.h;
    if (newParagraph || out.length === 0) out.push(text);
    else {
      const before = out[out.length - 1];
      out[out.length - 1] = before + (ASCII_WORD.test(before) && /^[A-Za-z0-9]/.test(text) ? ' ' : '') + text;
    }
    prev = line;
  }
  return out;
}

interface Fragment {
  text: string;
  x: number;
  x0: number;
  x1: number;
  y: number;
  h: number;
}

/** fragments stacked in one cell: same centre (text in a cell is centred or starts at the same x), consecutive lines */
function stacks(fragments: Fragment[]): Fragment[][] {
  const out: Fragment[][] = [];
  for (const f of [...fragments].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const stack = out.find((s) => {
      const last = s[s.length - 1];
      return (Math.abs(last.x - f.x) <= 0.6 * f.h || Math.abs(last.x0 - f.x0) <= 0.3 * f.h) && f.y > last.y && f.y - last.y <= 1.9 * f.h;
    });
    if (stack) stack.push(f);
    else out.push([f]);
  }
  return out;
}

interface LabelUnit {
  target: Target;
  fragments: Fragment[];
  y: number;
  top: number;
  bottom: number;
}

interface ColumnAnchor {
  label: string;
  x: number;
  y: number;
}

/** the rows of one table section, rebuilt from positions */
function tableRows(lines: VisualLine[], table: TableDefinition): Array<{ text: string; complete?: boolean }> {
  if (!lines.length) return [];
  const targets = targetsOf(table);
  const rows = lines.map((l) => ({ line: l, row: splitRow(l) }));
  const anchors = rows.filter((r) => r.row !== null);
  const valueLeft = anchors.length ? Math.min(...anchors.flatMap((a) => a.row!.numbers.map((n) => n.x0))) - 2 : Infinity;

  // lines with text over the value columns are header lines (column labels, 第二十条第（一）项, 申请人情况)
  const headerFragments: Fragment[] = [];
  const labelFragments: Fragment[] = [];
  for (const { line, row } of rows) {
    const texts = row ? row.labels : line.fields;
    const header = !row && texts.some((f) => f.x1 > valueLeft + 2);
    for (const f of texts) {
      const frag = { text: f.text, x: center(f), x0: f.x0, x1: f.x1, y: line.y, h: line.h };
      (header ? headerFragments : labelFragments).push(frag);
    }
  }

  // row labels: within each stack of fragments, the runs whose text is a row label
  const units: LabelUnit[] = [];
  const loose: Fragment[] = [];
  for (const stack of stacks(labelFragments)) {
    let i = 0;
    while (i < stack.length) {
      let found: LabelUnit | null = null;
      for (let j = stack.length; j > i && !found; j--) {
        const run = stack.slice(i, j);
        const text = run.map((f) => f.text).join('');
        const m = matchRow(text, targets);
        // a run of several pieces must be the label itself; a single piece may be a tolerant match
        if (m && (run.length === 1 || m.how === 'exact')) {
          found = { target: m.target, fragments: run, y: (run[0].y + run[run.length - 1].y) / 2, top: run[0].y, bottom: run[run.length - 1].y };
        }
      }
      if (found) {
        units.push(found);
        i += found.fragments.length;
      } else loose.push(stack[i++]);
    }
  }

  // each anchor (a line with numbers) takes the label unit it is printed beside
  const used = new Set<LabelUnit>();
  const rowOf = new Map<(typeof anchors)[number], LabelUnit>();
  for (const a of anchors) {
    const y = a.line.y;
    const onLine = units.filter((u) => !used.has(u) && u.top - 0.6 * a.line.h <= y && y <= u.bottom + 0.6 * a.line.h);
    // the row label is the rightmost label beside the numbers (group labels are to its left)
    onLine.sort((u, v) => Math.max(...v.fragments.map((f) => f.x1)) - Math.max(...u.fragments.map((f) => f.x1)) || Math.abs(u.y - y) - Math.abs(v.y - y));
    if (onLine[0]) {
      used.add(onLine[0]);
      rowOf.set(a, onLine[0]);
    }
  }

  const columnAnchors = headerColumns(headerFragments, table);
  const out: Array<{ y: number; text: string; complete?: boolean }> = [];
  for (const a of anchors) {
    const unit = rowOf.get(a);
    const numbers = a.row!.numbers;
    const columns = unit ? columnsFor(unit.target, table) : table.id === 't4' ? table.blocks.flatMap((b) => b.columns.map((c) => c.label)) : null;
    const values = columns ? placeByColumn(numbers, columns, columnAnchors, a.line.y) : null;
    const label = unit ? unit.fragments.map((f) => f.text).join('') : a.row!.labels.map((f) => f.text).join('');
    const fields = values ?? numbers.map((n) => n.text);
    out.push({ y: a.line.y, text: (label ? [label, ...fields] : fields).join('\t') });
  }
  // rows without any number: all their cells are blank
  for (const u of units) if (!used.has(u)) out.push({ y: u.y, text: u.fragments.map((f) => f.text).join(''), complete: true });
  // header text and loose pieces stay as lines for the table reader (units, 第二十条…)
  const headerLines = new Map<number, Fragment[]>();
  for (const f of [...headerFragments, ...loose]) headerLines.set(f.y, [...(headerLines.get(f.y) ?? []), f]);
  for (const [y, fs] of headerLines) out.push({ y: y - 0.01, text: fs.sort((a, b) => a.x - b.x).map((f) => f.text).join(' ') });
  return out.sort((a, b) => a.y - b.y).map(({ text, complete }) => ({ text, complete }));
}

function columnsFor(target: Target, table: TableDefinition): string[] {
  return table.id === 't4' ? table.blocks.flatMap((b) => b.columns.map((c) => c.label)) : target.columns.map((c) => c.label);
}

/** a column label without the unit a report prints after it: 采购总金额（万元）, 本年收费金额（单位：万元） */
const columnKey = (label: string) => labelKey(label).replace(/\((?:单位:)?万?元\)$/, '');

/** where each column label is printed: the runs of stacked header pieces that spell a column label */
function headerColumns(fragments: Fragment[], table: TableDefinition): ColumnAnchor[] {
  const labels = new Set(table.blocks.flatMap((b) => b.columns.map((c) => columnKey(c.label))));
  const out: ColumnAnchor[] = [];
  for (const stack of stacks(fragments)) {
    let i = 0;
    while (i < stack.length) {
      let taken = 0;
      for (let j = stack.length; j > i && !taken; j--) {
        const run = stack.slice(i, j);
        const key = columnKey(run.map((f) => f.text).join(''));
        if (labels.has(key)) {
          out.push({ label: key, x: run.reduce((s, f) => s + f.x, 0) / run.length, y: run[0].y });
          taken = run.length;
        }
      }
      i += taken || 1;
    }
  }
  return out;
}

/**
 * The row's values in column order, blanks as empty fields: each number goes to the column whose
 * header is printed above it. Null when that is not certain (no such header above, a number between
 * two columns, two numbers under one) — the row then goes on as its bare numbers.
 */
function placeByColumn(numbers: Field[], columns: string[], anchors: ColumnAnchor[], y: number): string[] | null {
  if (numbers.length === columns.length) return numbers.map((n) => n.text);
  const keys = columns.map(columnKey);
  // the nearest header above the row that names every column of the row, left to right
  const above = anchors.filter((a) => a.y < y).sort((a, b) => b.y - a.y);
  const chosen: ColumnAnchor[] = [];
  for (const a of above) {
    if (chosen.length === keys.length) break;
    if (!keys.includes(a.label) || chosen.some((c) => Math.abs(c.x - a.x) < 2)) continue;
    chosen.push(a);
  }
  chosen.sort((a, b) => a.x - b.x);
  if (chosen.length !== keys.length || chosen.some((c, i) => c.label !== keys[i])) return null;
  const gaps = chosen.slice(1).map((c, i) => c.x - chosen[i].x);
  const tolerance = Math.min(...gaps, Infinity) / 2;
  const values: string[] = keys.map(() => '');
  for (const n of numbers) {
    const x = center(n);
    let best = -1;
    for (let i = 0; i < chosen.length; i++) if (best < 0 || Math.abs(chosen[i].x - x) < Math.abs(chosen[best].x - x)) best = i;
    if (Math.abs(chosen[best].x - x) >= tolerance || values[best] !== '') return null;
    values[best] = n.text;
  }
  return values;
}
