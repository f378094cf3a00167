import { cellKeys, FORMAT_IDS, isFormatId, NARRATIVE_KEYS, renderHtml, renderText, type ReportContent } from '@touming/domain';
import { CliError, EXIT } from '../errors';
import { decodeText, readBytes } from '../read-report';
import { parseArgs, type Command } from './types';

/** a report from JSON: ReportContent, or the output of `touming import --json` */
export function reportFromJson(text: string, file: string): ReportContent {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new CliError(`${file} 不是有效的 JSON`, `${file} is not valid JSON`);
  }
  const bad = (what: string) => new CliError(`${file} 不是报告 JSON：${what}`, `${file} is not a report JSON`);
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw bad('应为对象');
  const o = data as Record<string, unknown>;
  if (!isFormatId(o.format)) throw bad(`format 应为 ${FORMAT_IDS.map((id) => `"${id}"`).join(' 或 ')}`);
  if (typeof o.year !== 'number' || !Number.isInteger(o.year)) throw bad('year 应为整数');
  if (typeof o.agency !== 'string') throw bad('agency 应为字符串');
  const cellsIn = o.cells;
  if (!cellsIn || typeof cellsIn !== 'object') throw bad('缺少 cells');
  const cells: ReportContent['cells'] = {};
  for (const key of cellKeys(o.format)) {
    const v = (cellsIn as Record<string, unknown>)[key];
    if (v === undefined || v === null) cells[key] = null;
    else if (typeof v === 'number' && Number.isFinite(v)) cells[key] = v;
    else throw bad(`单元格 ${key} 应为数字或 null`);
  }
  const sectionsIn = (o.sections ?? {}) as Record<string, unknown>;
  const sections = {} as ReportContent['sections'];
  for (const key of NARRATIVE_KEYS) {
    const v = sectionsIn[key];
    if (v !== undefined && typeof v !== 'string') throw bad(`sections.${key} 应为字符串`);
    sections[key] = v ?? '';
  }
  return { format: o.format, year: o.year, agency: o.agency, sections, cells };
}

export const renderCommand: Command = {
  name: 'render',
  summary: '把报告 JSON 按官方格式输出为纯文本或 HTML',
  usage: 'touming render <报告.json> [--as text|html]',
  async run(args, io) {
    const { positional, options } = parseArgs(args, { as: { type: 'string' } });
    const as = options.as === undefined ? 'text' : options.as;
    if (as !== 'text' && as !== 'html') throw new CliError('--as 只能是 text 或 html', '--as must be text or html');
    const file = positional[0];
    const bytes = await readBytes(file);
    if (bytes.length === 0) throw new CliError(`${file} 是空文件`, `${file} is empty`);
    const report = reportFromJson(await decodeText(bytes, file!), file!);
    io.out(as === 'html' ? renderHtml(report, { standalone: true }) : renderText(report));
    return EXIT.ok;
  },
};
