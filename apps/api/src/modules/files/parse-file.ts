/**
 * Reading a published file into a report through the domain importer: web pages and text (UTF-8 or
 * GB18030, as many Chinese files are), Word documents (mammoth to HTML, after the zip is checked for
 * entry count and inflated size) and PDFs (pdf.js's positioned text, rebuilt into rows by the domain,
 * within the PDF import limits). What the importer cannot read is a 'failed' outcome with its reason,
 * never an exception; a kind with no reader here is 'unsupported'.
 */
import { importPositioned, importReport, ReportImportError, type ImportResult } from '@touming/domain/import';
import { importStatusOf, type FileImportStatus, type PublishedFileKind } from '@touming/domain/files';
import { checkZipLimits, ZipLimitError, type ZipLimits } from '../exports/zip-limits';
import { PdfReadError, readPdfPages } from '../reports/pdf-text';

export interface ParseOutcome {
  status: FileImportStatus;
  message?: string;
  result?: ImportResult;
}

/** a Word document's parts stay small; a larger inflated size is a zip bomb, not a report */
const DOCX_LIMITS: ZipLimits = { maxEntries: 500, maxUncompressedBytes: 50 * 1024 * 1024 };

function decodeText(bytes: Buffer): string | null {
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      /* try the next encoding */
    }
  }
  return null;
}

function imported(input: { text?: string; html?: string }): ParseOutcome {
  try {
    const result = importReport(input);
    return { status: importStatusOf(result), result };
  } catch (error) {
    if (error instanceof ReportImportError) return { status: 'failed', message: `不是政府信息公开工作年度报告：${error.message}` };
    throw error;
  }
}

export async function parsePublishedFile(kind: PublishedFileKind, bytes: Buffer): Promise<ParseOutcome> {
  if (kind === 'html' || kind === 'text') {
    const text = decodeText(bytes);
    if (text === null) return { status: 'failed', message: '文件不是 UTF-8 或 GB18030 编码的文本' };
    if (!text.trim()) return { status: 'failed', message: '文件是空的' };
    return imported(kind === 'html' ? { html: text } : { text });
  }
  if (kind === 'docx') {
    try {
      checkZipLimits(bytes, DOCX_LIMITS);
    } catch (error) {
      if (error instanceof ZipLimitError) return { status: 'failed', message: error.message.replace(/XLSX 工作簿|XLSX/g, 'Word（.docx）文件') };
      throw error;
    }
    const mammoth = await import('mammoth');
    let html: string;
    try {
      html = (await mammoth.convertToHtml({ buffer: bytes })).value;
    } catch {
      return { status: 'failed', message: '不是有效的 Word（.docx）文件' };
    }
    return imported({ html });
  }
  if (kind === 'pdf') {
    let pages;
    try {
      pages = await readPdfPages(bytes);
    } catch (error) {
      if (error instanceof PdfReadError) return { status: 'failed', message: error.message };
      throw error;
    }
    try {
      const result = importPositioned(pages);
      return { status: importStatusOf(result), result };
    } catch (error) {
      if (error instanceof ReportImportError) return { status: 'failed', message: `不是政府信息公开工作年度报告：${error.message}` };
      throw error;
    }
  }
  return { status: 'unsupported', message: '暂不能读取此类文件的内容：文件已保存在文件库中，可下载查看' };
}
