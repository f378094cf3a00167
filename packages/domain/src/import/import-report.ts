/**
 * Import of a published report from plain text or HTML: the format and year are detected, the agency is
 * read from the title, the table rows fill the cells, the narrative sections are the text between the
 * headings. Nothing is corrected: a report whose numbers disagree imports as written and validation says
 * so; whatever could not be placed is listed in `unplaced`.
 */
import { formatForYear, getFormat, type FormatId, type NarrativeKey } from '../formats';
import { emptyReport } from '../report';
import { bestScoring } from './detect-format';
import { htmlToLines } from './html-lines';
import { findSections, findTitle, mostMentionedYear, narrativeText, type SectionSpan } from './sections';
import { blankBareNumbersAtPageBreaks, withoutPageFurniture } from './page-furniture';
import { positionedToLines, type PositionedPage } from './positioned';
import { withoutSignOff } from './sign-off';
import { TableReader, tableOf, type ImportSink } from './tables';
import { ReportImportError, type ImportResult, type SourceLine } from './types';

export function importText(text: string): ImportResult {
  const lines = blankBareNumbersAtPageBreaks(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'))
    .replace(/\f/g, '\n')
    .split('\n')
    .map((t, i) => ({ no: i + 1, text: t }));
  return importLines(lines);
}

export function importHtml(html: string): ImportResult {
  return importLines(htmlToLines(html.replace(/^\uFEFF/, '')));
}

/** import from text with positions on the page (a PDF's text items, read by the caller's adapter) */
export function importPositioned(pages: PositionedPage[]): ImportResult {
  if (!pages.some((p) => p.items.some((i) => i.text.trim() !== ''))) {
    throw new ReportImportError('PDF 中没有可提取的文字（可能是扫描件或图片），请提供文字版 PDF、Word 或网页');
  }
  return importLines(positionedToLines(pages));
}

/** import from whichever the caller has: HTML when given, else text */
export function importReport(input: { text?: string; html?: string }): ImportResult {
  if (input.html !== undefined && input.html.trim() !== '') return importHtml(input.html);
  if (input.text !== undefined) return importText(input.text);
  throw new ReportImportError('没有可导入的内容');
}

function importLines(all: SourceLine[]): ImportResult {
  if (all.every((l) => l.text.trim() === '')) throw new ReportImportError('内容为空');
  const notes: string[] = [];
  const firstLine = all.find((l) => l.text.trim() !== '');
  const lines = withoutPageFurniture(all, firstLine && /报告/.test(firstLine.text) ? firstLine.text : null, notes);
  const found = findSections(lines);
  const firstHeading = found.length ? found[0].heading : lines.length;
  const title = findTitle(lines, firstHeading);
  const spans = withoutSignOff(lines, found, title.agency);
  const span = (key: string) => spans.find((s) => s.key === key);

  const tableLines = (['t2', 't3', 't4'] as const).flatMap((k) => sectionLines(lines, span(k)));
  if (spans.length === 0) throw new ReportImportError('找不到年度报告的任何一部分（一、总体情况 … 六、其他需要报告的事项）');

  let year = title.year;
  if (year === null) {
    year = mostMentionedYear(lines.map((l) => l.text).join('\n'));
    if (year !== null) notes.push(`标题中没有年度，按正文中出现最多的年份取${year}年。`);
    else notes.push('未能识别报告年度。');
  }

  const formatId = detectFormat(tableLines.map((l) => l.text).join('\n'), year, notes);
  const format = getFormat(formatId);
  const report = emptyReport(formatId, year ?? 0, title.agency);
  if (!title.agency) notes.push('未能从标题中识别机关名称。');

  const sink: ImportSink = { cells: report.cells, unplaced: [], notes };
  for (const id of ['t2', 't3', 't4'] as const) {
    const s = span(id);
    if (!s) {
      notes.push(`找不到“${tableOf(format, id).title}”这一部分。`);
      continue;
    }
    const reader = new TableReader(format, tableOf(format, id), sink);
    for (const line of sectionLines(lines, s)) reader.read(line);
  }

  for (const key of ['overview', 'problems', 'other'] as NarrativeKey[]) {
    const s = span(key);
    if (!s) notes.push(`找不到“${format.sections.find((x) => x.key === key)!.title}”这一部分。`);
    report.sections[key] = narrativeText(lines, s);
  }

  const preamble = lines
    .slice(0, firstHeading)
    .filter((l, i) => !title.indexes.includes(i) && l.text.trim() !== '')
    .map((l) => l.text.trim());
  if (preamble.length) notes.push(`标题与“一、总体情况”之间的文字不属于任何一部分，未导入：${preamble.join(' ')}`);

  return {
    report,
    detectedFormat: formatId,
    detectedYear: year,
    agency: title.agency,
    unplaced: sink.unplaced,
    notes,
  };
}

function sectionLines(lines: SourceLine[], span: SectionSpan | undefined): SourceLine[] {
  return span ? lines.slice(span.start, span.end) : [];
}

function detectFormat(tableText: string, year: number | null, notes: string[]): FormatId {
  const candidates = bestScoring(tableText);
  if (candidates.length === 1) {
    const id = candidates[0];
    if (year !== null && formatForYear(year).id !== id) {
      notes.push(`表格按${getFormat(id).notice}的格式填写，但${year}年度的报告应使用${formatForYear(year).notice}的格式。`);
    }
    return id;
  }
  if (year !== null && candidates.includes(formatForYear(year).id)) {
    notes.push(`表格标签无法区分格式，按年度${year}取${formatForYear(year).notice}的格式。`);
    return formatForYear(year).id;
  }
  // the newest of the formats the labels leave open
  const id = candidates[candidates.length - 1];
  notes.push(`表格标签无法区分格式，${year === null ? '年度也未识别，' : ''}按${year === null ? '现行' : ''}格式（${getFormat(id).notice}）读入。`);
  return id;
}
