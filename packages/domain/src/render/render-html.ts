/**
 * The report as HTML in the official layout, printable (simple CSS, 仿宋/宋体), readable on a phone
 * (each table scrolls inside its own box instead of widening the page). Every text is escaped, so a
 * narrative containing markup renders inert. Each line of a narrative is a paragraph with a
 * two-character first-line indent (unless the writer already indented it with spaces); lines keep
 * their spacing (white-space: pre-wrap on each paragraph), which is also what lets importHtml read
 * them back exactly. Under the last section stands the 落款 (agency and date, ./sign-off.ts).
 * The console's preview, the HTML download and the PDF (printed from this HTML) are this one markup.
 */
import { getFormat, type NarrativeKey } from '../formats';
import { reportTitle, type ReportContent } from '../report';
import { tableLayout, type LayoutGrid } from './layout';
import { signOffOf, type SignOff } from './sign-off';

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export const REPORT_CSS = `
.touming-report { font-family: "FangSong", "仿宋", "FangSong_GB2312", "STFangsong", "SimSun", "宋体", "Songti SC", serif; font-size: 16pt; line-height: 1.6; color: #000; max-width: 210mm; margin: 0 auto; overflow-wrap: anywhere; }
.touming-report .report-title { font-family: "SimSun", "宋体", "Songti SC", serif; font-size: 22pt; text-align: center; text-indent: 0; font-weight: bold; margin: 0 0 1em; line-height: 1.4; }
.touming-report h2, .touming-report h3 { font-family: "SimHei", "黑体", sans-serif; font-size: 16pt; font-weight: normal; margin: 1em 0 0.5em; text-indent: 2em; }
.touming-report .narrative p { white-space: pre-wrap; text-indent: 2em; margin: 0; line-height: 28pt; }
.touming-report .narrative p.indented { text-indent: 0; }
.touming-report .table-scroll { overflow-x: auto; max-width: 100%; margin: 0.5em 0; }
.touming-report .table-scroll:focus-visible { outline: 2px solid #005fcc; outline-offset: 2px; }
.touming-report table { border-collapse: collapse; width: 100%; margin: 0; font-size: 10.5pt; line-height: 1.3; page-break-inside: auto; overflow-wrap: normal; }
.touming-report th, .touming-report td { border: 1px solid #000; padding: 2px 4px; text-align: center; vertical-align: middle; }
.touming-report th { font-weight: normal; }
.touming-report td.value { min-width: 3em; }
.touming-report table.table-t3 { min-width: 42em; }
.touming-report table.table-t4 { min-width: 36em; }
.touming-report tr { page-break-inside: avoid; }
.touming-report .signoff { width: fit-content; max-width: calc(100% - 2em); margin: 2em 2em 0 auto; }
.touming-report .signoff p { margin: 0; line-height: 28pt; }
.touming-report .signoff .signoff-date { padding-left: 2em; }
@media (max-width: 600px) { .touming-report { font-size: 13pt; } .touming-report .report-title { font-size: 17pt; } .touming-report h2, .touming-report h3 { font-size: 13pt; } .touming-report .narrative p, .touming-report .signoff p { line-height: 1.8; } }
@media print { .touming-report { max-width: none; } .touming-report .table-scroll { overflow: visible; } @page { size: A4; margin: 25mm 20mm; } }
`;

/** a table in a box that scrolls sideways on a narrow screen; keyboard users can focus and scroll it */
function scrollBox(table: string, label: string): string {
  return `<div class="table-scroll" role="region" tabindex="0" aria-label="${escapeHtml(label)}">\n${table}\n</div>`;
}

/** a line that already starts with spaces (full-width ones, as Word users type them) keeps its own indent */
function paragraphHtml(line: string): string {
  const indented = /^[\s\u3000]/u.test(line) ? ' class="indented"' : '';
  return `<p${indented} style="white-space: pre-wrap">${escapeHtml(line)}</p>`;
}

function signOffHtml(signOff: SignOff): string {
  const date = signOff.date ? `<p class="signoff-date">${escapeHtml(signOff.date)}</p>` : '';
  return `<div class="signoff"><p class="signoff-agency">${escapeHtml(signOff.agency)}</p>${date}</div>`;
}

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

/** the grids of one table section in their scroll boxes */
function tableSectionHtml(format: ReturnType<typeof getFormat>, key: 't2' | 't3' | 't4', title: string, report: ReportContent): string[] {
  const grids = tableLayout(format, key, report);
  return grids.map((grid, i) => {
    // table 2 draws one grid per item: its first row names the item, which tells the boxes apart
    const label = grids.length > 1 ? `${title}·${grid.rows[0]?.[0]?.text ?? i + 1}` : title;
    return scrollBox(gridHtml(grid, `table-${key}`), label);
  });
}

/**
 * Sections 二–四 alone (headings and tables) in the official layout — e.g. for summed figures, which
 * have no narrative and no 落款 — inside an <article class="touming-report"> so REPORT_CSS applies.
 */
export function renderTablesHtml(report: ReportContent, options: { headingLevel?: 2 | 3 } = {}): string {
  const format = getFormat(report.format);
  const h = `h${options.headingLevel ?? 2}`;
  const body = format.sections
    .filter((section) => section.kind !== 'text')
    .flatMap((section) => [`<${h}>${escapeHtml(section.title)}</${h}>`, ...tableSectionHtml(format, section.key as 't2' | 't3' | 't4', section.title, report)]);
  return `<article class="touming-report touming-tables" data-format="${report.format}" data-year="${report.year}">\n${body.join('\n')}\n</article>`;
}

export interface RenderHtmlOptions {
  /** a whole document (with <head> and the CSS) instead of the <article> alone */
  standalone?: boolean;
  /** the date of the 落款 (YYYY-MM-DD or an instant, taken in China time); without it the 落款 is the agency alone */
  date?: string | Date | null;
  /** 2 when the report sits inside a page that has its own h1: the title becomes h2, the section headings h3 */
  headingLevel?: 1 | 2;
}

export function renderHtml(report: ReportContent, options: RenderHtmlOptions = {}): string {
  const format = getFormat(report.format);
  const title = reportTitle(report);
  const [h1, h2] = options.headingLevel === 2 ? ['h2', 'h3'] : ['h1', 'h2'];
  const body: string[] = [`<${h1} class="report-title">${escapeHtml(title)}</${h1}>`];
  for (const section of format.sections) {
    body.push(`<${h2}>${escapeHtml(section.title)}</${h2}>`);
    if (section.kind === 'text') {
      const text = (report.sections[section.key as NarrativeKey] ?? '').replace(/\r\n?/g, '\n').replace(/\s+$/u, '');
      body.push(`<div class="narrative">${text.split('\n').map(paragraphHtml).join('')}</div>`);
    } else {
      body.push(...tableSectionHtml(format, section.key as 't2' | 't3' | 't4', section.title, report));
    }
  }
  body.push(signOffHtml(signOffOf(report.agency, options.date)));
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
