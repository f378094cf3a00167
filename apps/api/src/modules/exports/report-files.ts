/**
 * One report content as each downloadable file: HTML (the domain's renderHtml, standalone), DOCX, PDF
 * (Chromium printing that same HTML), XLSX (the tables). The 落款 carries `date`: the publication
 * date of a published revision, today's date for the report as it stands.
 */
import { renderHtml } from '@touming/domain/render';
import type { ReportContent } from '@touming/domain/report';
import type { PdfPrinter } from './pdf/pdf-printer';
import { reportDocx } from './report-docx';
import { tablesXlsx } from './report-xlsx';

export const REPORT_FILE_TYPES = ['html', 'docx', 'pdf', 'xlsx'] as const;
export type ReportFileType = (typeof REPORT_FILE_TYPES)[number];

export function isReportFileType(value: string): value is ReportFileType {
  return (REPORT_FILE_TYPES as readonly string[]).includes(value);
}

export async function reportFile(type: ReportFileType, content: ReportContent, date: Date | string, printer: PdfPrinter): Promise<string | Buffer> {
  switch (type) {
    case 'html':
      return renderHtml(content, { standalone: true, date });
    case 'docx':
      return reportDocx(content, { date });
    case 'pdf':
      return printer.print(renderHtml(content, { standalone: true, date }));
    case 'xlsx':
      return tablesXlsx(content);
  }
}

/** the file name: the title, what version it is, and for the tables alone （表格） */
export function reportFileName(title: string, version: string, type: ReportFileType): string {
  return `${title}（${version}${type === 'xlsx' ? '，表格' : ''}）.${type}`;
}
