/**
 * Reading a report file for check/import: .txt (UTF-8, or GB18030 as many Chinese files are), .html/.htm,
 * .docx (through mammoth to HTML). Every failure becomes a CliError with a one-line message.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { importReport, ReportImportError, type ImportResult } from '@touming/domain';
import { CliError } from './errors';

export async function readBytes(path: string | undefined): Promise<Buffer> {
  if (!path) throw new CliError('请指定文件', 'no file given');
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new CliError(`找不到文件 ${path}`, `file not found: ${path}`);
  }
  if (info.isDirectory()) throw new CliError(`${path} 是目录，不是文件`, `${path} is a directory`);
  try {
    return await readFile(path);
  } catch {
    throw new CliError(`无法读取文件 ${path}`, `cannot read ${path}`);
  }
}

function looksBinary(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8192);
  return head.includes(0);
}

/** text of a text file; UTF-8 first, then GB18030; binary content is refused */
export function decodeText(bytes: Buffer, path: string): string {
  if (looksBinary(bytes)) throw new CliError(`${path} 是二进制文件，不是文本或 HTML 报告`, `${path} is a binary file, not a text or HTML report`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw new CliError(`${path} 不是 UTF-8 或 GB18030 编码的文本`, `${path} is not UTF-8 or GB18030 text`);
    }
  }
}

async function docxToHtml(bytes: Buffer, path: string): Promise<string> {
  // mammoth is loaded only for .docx files
  const mammoth = await import('mammoth');
  try {
    const result = await mammoth.convertToHtml({ buffer: bytes });
    return result.value;
  } catch {
    throw new CliError(`${path} 不是有效的 .docx 文件`, `${path} is not a valid .docx file`);
  }
}

/** import a report file; "not a report" and empty files are CliErrors */
export async function importFile(path: string | undefined): Promise<ImportResult> {
  const bytes = await readBytes(path);
  const file = path!;
  if (bytes.length === 0) throw new CliError(`${file} 是空文件`, `${file} is empty`);
  const ext = extname(file).toLowerCase();
  let input: { text?: string; html?: string };
  if (ext === '.docx') input = { html: await docxToHtml(bytes, file) };
  else {
    const text = decodeText(bytes, file);
    if (text.replace(/^\uFEFF/, '').trim() === '') throw new CliError(`${file} 是空文件`, `${file} is empty`);
    const isHtml = ext === '.html' || ext === '.htm' || /^\s*<(!doctype html|html|body|table|p|div)\b/i.test(text);
    input = isHtml ? { html: text } : { text };
  }
  try {
    return importReport(input);
  } catch (error) {
    if (error instanceof ReportImportError) {
      throw new CliError(`${file} 不是政府信息公开工作年度报告：${error.message}`, `${file} is not an annual report on government information disclosure`);
    }
    throw error;
  }
}
