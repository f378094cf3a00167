/**
 * The report as HTML in the official layout, printable (simple CSS, 仿宋/宋体). Every text is escaped, so
 * a narrative containing markup renders inert. Narratives keep their line breaks and spacing
 * (white-space: pre-wrap), which is also what lets importHtml read them back exactly.
 */
import { getFormat, type NarrativeKey } from '../formats';
import { reportTitle, type ReportContent } from '../report';
import { tableLayout, type LayoutGrid } from './layout';

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export const REPORT_CSS = `
.touming-report { font-family: "FangSong", "仿宋", "FangSong_GB2312", "STFangsong", "SimSun", "宋体", "Songti SC", serif; font-size: 16pt; line-height: 1.6; color: #000; max-width: 210mm; margin: 0 auto; }
.touming-report h1 { font-family: "SimSun", "宋体", "Songti SC", serif; font-size: 22pt; text-align: center; font-weight: bold; margin: 0 0 1em; }
.touming-report h2 { font-family: "SimHei", "黑体", sans-serif; font-size: 16pt; font-weight: normal; margin: 1em 0 0.5em; }
.touming-report .narrative { white-space: pre-wrap; text-indent: 0; margin: 0; }
.touming-report table { border-collapse: collapse; width: 100%; margin: 0.5em 0; font-size: 10.5pt; line-height: 1.3; page-break-inside: auto; }
.touming-report th, .touming-report td { border: 1px solid #000; padding: 2px 4px; text-align: center; vertical-align: middle; }
.touming-report td.value { min-width: 3em; }
.touming-report tr { page-break-inside: avoid; }
@media print { .touming-report { max-width: none; } @page { size: A4; margin: 25mm 20mm; } }
`;

function gridHtml(grid: LayoutGrid, className: string): string {
  const rows = grid.rows.map((row) => {
    const cells = row.map((c) => {
      const tag = c.header ? 'th' : 'td';
      const attrs = [
        c.colspan && c.colspan > 1 ? ` colspan="${c.colspan}"` : '',
        c.rowspan && c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : '',
        c.value ? ' class="value"' : '',
      ].join('');
      return `<${tag}${attrs}>${escapeHtml(c.text)}</${tag}>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table class="${className}">\n${rows.join('\n')}\n</table>`;
}

export function renderHtml(report: ReportContent, options: { standalone?: boolean } = {}): string {
  const format = getFormat(report.format);
  const title = reportTitle(report);
  const body: string[] = [`<h1>${escapeHtml(title)}</h1>`];
  for (const section of format.sections) {
    body.push(`<h2>${escapeHtml(section.title)}</h2>`);
    if (section.kind === 'text') {
      const text = (report.sections[section.key as NarrativeKey] ?? '').replace(/\r\n?/g, '\n').replace(/\s+$/u, '');
      body.push(`<div class="narrative" style="white-space: pre-wrap">${escapeHtml(text)}</div>`);
    } else {
      for (const grid of tableLayout(format, section.key as 't2' | 't3' | 't4', report)) {
        body.push(gridHtml(grid, `table-${section.key}`));
      }
    }
  }
  const article = `<article class="touming-report" data-format="${report.format}" data-year="${report.year}">\n${body.join('\n')}\n</article>`;
  if (!options.standalone) return article;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${article}
</body>
</html>
`;
}
