/**
 * Reading a report file for check/import: PDF, Word (.docx), HTML (.html/.htm) and text (.txt, UTF-8
 * or GB18030) through the API's file reader, so the CLI and the console's upload accept and refuse
 * alike. Every failure becomes a CliError with a one-line message.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { ImportResult } from '@touming/domain';
import { CliError } from './errors';

/** the file reader of @touming/api, loaded on first use (it brings no database or server with it) */
const reportFile = () => import('@touming/api/dist/modules/reports/report-file');

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

export async function isDirectory(path: string | undefined): Promise<boolean> {
  if (!path) return false;
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** the report files of a folder (not its subfolders), by name */
export async function reportFilesIn(dir: string): Promise<string[]> {
  const { REPORT_FILE_EXTENSIONS } = await reportFile();
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.') && REPORT_FILE_EXTENSIONS.includes(extname(e.name).toLowerCase()))
    .map((e) => join(dir, e.name))
    .sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** import a report file; unreadable files and non-reports are CliErrors naming the file */
export async function importFile(path: string | undefined): Promise<ImportResult> {
  const bytes = await readBytes(path);
  const file = path!;
  const { importReportFile, ReportFileError } = await reportFile();
  try {
    return (await importReportFile(bytes, file)).result;
  } catch (error) {
    if (error instanceof ReportFileError) throw new CliError(`${file} ${error.message}`, `${file} cannot be imported`);
    throw error;
  }
}

/** text of a text file (UTF-8, else GB18030); binary content is refused */
export async function decodeText(bytes: Buffer, path: string): Promise<string> {
  const { decodeText: decode, ReportFileError } = await reportFile();
  if (bytes.subarray(0, 8192).includes(0)) throw new CliError(`${path} 是二进制文件，不是文本`, `${path} is a binary file`);
  try {
    return decode(bytes);
  } catch (error) {
    if (error instanceof ReportFileError) throw new CliError(`${path} ${error.message}`, `${path} is not UTF-8 or GB18030 text`);
    throw error;
  }
}
