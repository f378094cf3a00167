/** The report as plain text in the official layout: title, sections 一–六, tables as tab-separated rows. */
import { getFormat, type NarrativeKey } from '../formats';
import { reportTitle, type ReportContent } from '../report';
import { expandGrid, tableLayout } from './layout';

function tableText(report: ReportContent, id: 't2' | 't3' | 't4'): string {
  const format = getFormat(report.format);
  const section = format.sections.find((s) => s.key === id)!;
  // blank cells stay empty fields, trailing ones included, so the text keeps them apart from 0
  const rows = tableLayout(format, id, report).flatMap((g) => expandGrid(g).map((cells) => cells.join('\t')));
  return `${section.title}\n\n${rows.join('\n')}`;
}

/** the tables of a report (sections 二–四) as tab-separated text */
export function renderTablesText(report: ReportContent): string {
  return (['t2', 't3', 't4'] as const).map((id) => tableText(report, id)).join('\n\n');
}

export function renderText(report: ReportContent): string {
  const format = getFormat(report.format);
  const parts: string[] = [reportTitle(report)];
  for (const section of format.sections) {
    if (section.kind === 'text') {
      const body = (report.sections[section.key as NarrativeKey] ?? '').replace(/\r\n?/g, '\n').replace(/\s+$/u, '');
      parts.push(body ? `${section.title}\n\n${body}` : section.title);
    } else {
      parts.push(tableText(report, section.key as 't2' | 't3' | 't4'));
    }
  }
  return `${parts.join('\n\n')}\n`;
}
