/**
 * A report as DOCX in the official layout, with the `docx` library: the title in 宋体 二号 bold,
 * section headings in 黑体 三号, body text in 仿宋_GB2312 三号 with a two-character first-line indent
 * (GB/T 9704 conventions for government documents), the three tables drawn from the domain's layout
 * grids — so merged header cells are the same as in the HTML — in 宋体 五号, and the 落款 (agency and
 * date) placed by the domain's signOffIndents, as the HTML places it.
 */
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';
import { getFormat, type NarrativeKey } from '@touming/domain/formats';
import { reportTitle, type ReportContent } from '@touming/domain/report';
import { signOffIndents, signOffOf, tableLayout, type LayoutGrid } from '@touming/domain/render';
import { xmlSafe } from './safe-text';

/** font sizes in half-points: 二号 22pt, 三号 16pt, 五号 10.5pt */
const SIZE_TITLE = 44;
const SIZE_BODY = 32;
const SIZE_TABLE = 21;

const FANGSONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312', cs: '仿宋' };
const SONGTI = { ascii: '宋体', hAnsi: '宋体', eastAsia: '宋体', cs: '宋体' };
const HEITI = { ascii: '黑体', hAnsi: '黑体', eastAsia: '黑体', cs: '黑体' };

/** every text of the document goes through here: characters XML 1.0 cannot hold are dropped */
function run(text: string, options: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text: xmlSafe(text), ...options });
}

function narrative(text: string): Paragraph[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  if (lines.length === 0) return [new Paragraph({ children: [run('无。', { font: FANGSONG, size: SIZE_BODY })], indent: { firstLine: 640 } })];
  return lines.map(
    (line) =>
      new Paragraph({
        children: [run(line, { font: FANGSONG, size: SIZE_BODY })],
        // two characters of 三号 (16pt = 320 twips each)
        indent: { firstLine: 640 },
        spacing: { line: 560, lineRule: 'exact' },
      }),
  );
}

/** one character of 三号 (16pt) in twips */
const CHAR = 320;

/** the 落款 under the last section: one blank line, the agency, the date */
function signOff(agency: string, date: string | Date | null | undefined): Paragraph[] {
  const lines = signOffOf(agency, date);
  const indents = signOffIndents(lines);
  const line = (text: string, chars: number) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(chars * CHAR) },
      spacing: { line: 560, lineRule: 'exact' },
      children: [run(text, { font: FANGSONG, size: SIZE_BODY })],
    });
  return [
    new Paragraph({ children: [], spacing: { line: 560, lineRule: 'exact' } }),
    line(lines.agency, indents.agency),
    ...(lines.date ? [line(lines.date, indents.date)] : []),
  ];
}

function gridTable(grid: LayoutGrid): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: grid.rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children: row.map(
            (cell) =>
              new TableCell({
                columnSpan: cell.colspan && cell.colspan > 1 ? cell.colspan : undefined,
                rowSpan: cell.rowspan && cell.rowspan > 1 ? cell.rowspan : undefined,
                verticalAlign: VerticalAlignTable.CENTER,
                children: [
                  new Paragraph({
                    alignment: AlignmentType.CENTER,
                    children: [run(cell.text, { font: SONGTI, size: SIZE_TABLE })],
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

export interface DocxOptions {
  /** the date of the 落款 (YYYY-MM-DD or an instant, in China time); without it the 落款 is the agency alone */
  date?: string | Date | null;
}

export function reportDocument(report: ReportContent, options: DocxOptions = {}): Document {
  const format = getFormat(report.format);
  const children: Array<Paragraph | Table> = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 400 },
      children: [run(reportTitle(report), { font: SONGTI, size: SIZE_TITLE, bold: true })],
    }),
  ];
  for (const section of format.sections) {
    children.push(
      new Paragraph({
        children: [run(section.title, { font: HEITI, size: SIZE_BODY })],
        indent: { firstLine: 640 },
        spacing: { before: 200, after: 100 },
      }),
    );
    if (section.kind === 'text') {
      children.push(...narrative(report.sections[section.key as NarrativeKey] ?? ''));
    } else {
      for (const grid of tableLayout(format, section.key as 't2' | 't3' | 't4', report)) {
        children.push(gridTable(grid));
        // Word needs a paragraph between two tables, or it joins them into one
        children.push(new Paragraph({ children: [] }));
      }
    }
  }
  children.push(...signOff(report.agency, options.date));
  return new Document({
    creator: 'Touming',
    title: xmlSafe(reportTitle(report)),
    styles: { default: { document: { run: { font: FANGSONG, size: SIZE_BODY } } } },
    sections: [
      {
        // A4, margins per GB/T 9704 (top 37mm, left 28mm …)
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
        children,
      },
    ],
  });
}

export function reportDocx(report: ReportContent, options: DocxOptions = {}): Promise<Buffer> {
  return Packer.toBuffer(reportDocument(report, options));
}
