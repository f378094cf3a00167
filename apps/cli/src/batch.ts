/**
 * Checking a whole folder of published reports at once — what a county 政务公开办 or an evaluator does
 * with every agency's report: one line per file (agency, year, format, errors, warnings, unplaced) and
 * a total. Reports of the same agency for consecutive years in the folder are checked against each
 * other (the carry-over rules). A file that cannot be imported is listed with the reason.
 */
import { basename } from 'node:path';
import { getFormat, validateImport, type ImportResult } from '@touming/domain';
import { CliError } from './errors';
import { importFile, reportFilesIn } from './read-report';

export interface BatchLine {
  file: string;
  agency: string | null;
  year: number | null;
  format: string | null;
  errors: number;
  warnings: number;
  unplaced: number;
  /** checked against last year's report found in the same folder */
  previous: string | null;
  /** why the file could not be imported */
  failure: string | null;
}

export interface BatchSummary {
  files: BatchLine[];
  total: { files: number; withErrors: number; failed: number; errors: number; warnings: number; unplaced: number };
}

export async function checkFolder(dir: string): Promise<BatchSummary> {
  const paths = await reportFilesIn(dir);
  if (!paths.length) throw new CliError(`${dir} 中没有报告文件（.pdf .docx .html .htm .txt）`, `no report files in ${dir}`);
  const imported: Array<{ path: string; result: ImportResult | null; failure: string | null }> = [];
  for (const path of paths) {
    try {
      imported.push({ path, result: await importFile(path), failure: null });
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      imported.push({ path, result: null, failure: error.zh.replace(`${path} `, '') });
    }
  }
  const byAgencyYear = new Map(imported.filter((i) => i.result?.agency && i.result.detectedYear).map((i) => [`${i.result!.agency}|${i.result!.detectedYear}`, i]));
  const files = imported.map(({ path, result, failure }): BatchLine => {
    if (!result) return { file: basename(path), agency: null, year: null, format: null, errors: 0, warnings: 0, unplaced: 0, previous: null, failure };
    const previous = result.agency && result.detectedYear ? byAgencyYear.get(`${result.agency}|${result.detectedYear - 1}`) : undefined;
    const validation = validateImport(result, { previous: previous?.result?.report ?? null });
    return {
      file: basename(path),
      agency: result.agency || null,
      year: result.detectedYear,
      format: result.detectedFormat,
      errors: validation.errors.length,
      warnings: validation.warnings.length,
      unplaced: result.unplaced.length,
      previous: previous ? basename(previous.path) : null,
      failure: null,
    };
  });
  const sum = (f: (l: BatchLine) => number) => files.reduce((s, l) => s + f(l), 0);
  return {
    files,
    total: {
      files: files.length,
      withErrors: files.filter((l) => l.errors > 0 || l.failure).length,
      failed: files.filter((l) => l.failure).length,
      errors: sum((l) => l.errors),
      warnings: sum((l) => l.warnings),
      unplaced: sum((l) => l.unplaced),
    },
  };
}

/** display width: a CJK character takes two columns of a terminal */
const width = (s: string) => [...s].reduce((w, c) => w + (/[\u1100-\uffff]/.test(c) ? 2 : 1), 0);
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));

export function describeBatch(dir: string, summary: BatchSummary): string {
  const header = ['文件', '机关', '年度', '格式', '错误', '警告', '未放入', '对照上年'];
  const cells = (l: BatchLine) => [l.file, l.agency ?? '未识别', String(l.year ?? '未识别'), l.format ? getFormat(l.format).notice : '', String(l.errors), String(l.warnings), String(l.unplaced), l.previous ?? ''];
  const table = [header, ...summary.files.filter((l) => !l.failure).map(cells)];
  const widths = header.map((_, i) => Math.max(...table.map((r) => width(r[i])), ...(i === 0 ? summary.files.map((l) => width(l.file)) : [])));
  const line = (r: string[]) => r.map((c, i) => pad(c, widths[i])).join('  ').trimEnd();
  const t = summary.total;
  return [
    `目录：${dir}`,
    '',
    line(header),
    ...summary.files.map((l) => (l.failure ? `${pad(l.file, widths[0])}  无法导入：${l.failure}` : line(cells(l)))),
    '',
    `合计：${t.files} 个文件，${t.withErrors} 个有错误${t.failed ? `（其中 ${t.failed} 个无法导入）` : ''}；错误 ${t.errors} 项，警告 ${t.warnings} 项，未放入 ${t.unplaced} 项`,
    '',
  ].join('\n');
}
