/**
 * A published report as a file — PDF, Word (.docx), HTML or plain text — into the domain's importer.
 * The kind is told by the bytes first (%PDF-, the ZIP of a .docx) and the file name second. The API's
 * importReport and the CLI's check/import both read files here, so they accept and refuse alike.
 */
import { importHtml, importPositioned, importText, ReportImportError, type ImportResult } from '@touming/domain/import';
import { checkZipLimits, ZipLimitError, type ZipLimits } from '../exports/zip-limits';
import { PDF_LIMITS, PdfReadError, looksLikePdf, readPdfPages, type PdfLimits } from './pdf-text';

export type ReportFileKind = 'pdf' | 'docx' | 'html' | 'text';

/** a file that is not a report we can read; the message is Chinese and names no internals */
export class ReportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportFileError';
  }
}

export const REPORT_FILE_EXTENSIONS = ['.pdf', '.docx', '.html', '.htm', '.txt'];

const isZip = (b: Uint8Array) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export function fileKind(bytes: Uint8Array, name: string): ReportFileKind {
  const ext = /\.[^.]+$/.exec(name.toLowerCase())?.[0] ?? '';
  if (looksLikePdf(bytes)) return 'pdf';
  if (isZip(bytes)) {
    if (ext === '.docx' || ext === '') return 'docx';
    throw new ReportFileError(`${ext === '.xlsx' ? 'XLSX 表格请用“从 XLSX 导入”' : '压缩文件不是报告'}：请提供 PDF、Word（.docx）、网页（.html）或文本（.txt）`);
  }
  if (ext === '.pdf') throw new ReportFileError('不是有效的 PDF 文件（内容不是 PDF）');
  if (ext === '.docx') throw new ReportFileError('不是有效的 .docx 文件（内容不是 Word 文档）');
  if (ext === '.doc') throw new ReportFileError('旧版 Word（.doc）无法读取，请在 Word 中另存为 .docx 或 PDF');
  if (bytes.subarray(0, 8192).includes(0)) throw new ReportFileError('是二进制文件，不是 PDF、Word、网页或文本报告');
  return ext === '.html' || ext === '.htm' ? 'html' : 'text';
}

/** UTF-8 first, then GB18030 as many Chinese files are */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw new ReportFileError('不是 UTF-8 或 GB18030 编码的文本');
    }
  }
}

/** a report of a dozen pages with a seal image or two; the bound keeps a zip bomb out of mammoth */
export const DOCX_LIMITS: ZipLimits = { maxEntries: 500, maxUncompressedBytes: 50 * 1024 * 1024 };

async function docxToHtml(bytes: Uint8Array): Promise<string> {
  // the archive is measured (entries, inflated bytes, with a hard cap) before mammoth inflates it
  try {
    checkZipLimits(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), DOCX_LIMITS);
  } catch (error) {
    if (error instanceof ZipLimitError) throw new ReportFileError(error.message.replace(/XLSX 工作簿/g, 'Word 文档'));
    throw error;
  }
  // mammoth is loaded only for .docx files
  const mammoth = await import('mammoth');
  try {
    return (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch {
    throw new ReportFileError('不是有效的 .docx 文件');
  }
}

export interface ReportFileImport {
  kind: ReportFileKind;
  result: ImportResult;
}

/** import a report file; unreadable files and non-reports are ReportFileErrors */
export async function importReportFile(bytes: Uint8Array, name: string, limits: PdfLimits = PDF_LIMITS): Promise<ReportFileImport> {
  if (bytes.length === 0) throw new ReportFileError('是空文件');
  const kind = fileKind(bytes, name);
  try {
    if (kind === 'pdf') {
      let pages;
      try {
        pages = await readPdfPages(bytes, limits);
      } catch (error) {
        if (error instanceof PdfReadError) throw new ReportFileError(error.message);
        throw error;
      }
      return { kind, result: importPositioned(pages) };
    }
    if (kind === 'docx') return { kind, result: importHtml(await docxToHtml(bytes)) };
    const text = decodeText(bytes);
    if (text.replace(/^\uFEFF/, '').trim() === '') throw new ReportFileError('是空文件');
    const isHtml = kind === 'html' || /^\s*(?:\uFEFF)?<(!doctype html|html|body|table|p|div)\b/i.test(text);
    return { kind: isHtml ? 'html' : 'text', result: isHtml ? importHtml(text) : importText(text) };
  } catch (error) {
    if (error instanceof ReportImportError) throw new ReportFileError(`不是政府信息公开工作年度报告：${error.message}`);
    throw error;
  }
}
