import { compareReports, renderComparisonHtml, renderComparisonText, type ReportContent } from '@touming/domain';
import { CliError, EXIT } from '../errors';
import { decodeText, importFile, readBytes } from '../read-report';
import { loadApi, openDatabase } from './database';
import { reportFromJson } from './render';
import { parseArgs, type Command } from './types';

const USAGE = 'touming compare <上年报告> <本年报告> [--json | --html]（文件：.pdf/.txt/.html/.docx/.json；或数据库中的报告编号、公开版本编号）';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** a file (a report JSON, or a published report to import), or a report/revision id in the database */
async function readSide(arg: string, fromDb: (id: string) => Promise<ReportContent>): Promise<ReportContent> {
  if (UUID.test(arg)) return fromDb(arg);
  if (arg.toLowerCase().endsWith('.json')) {
    const bytes = await readBytes(arg);
    return reportFromJson(await decodeText(bytes, arg), arg);
  }
  const imported = await importFile(arg);
  return imported.report;
}

export const compareCommand: Command = {
  name: 'compare',
  summary: '比对同一单位两个年度的报告：摘要、表格逐格变化（异常的在前）、结转衔接、正文数字、上年承诺、正文逐段比对',
  usage: USAGE,
  async run(args, io) {
    const { positional, options } = parseArgs(args, { json: { type: 'boolean' }, html: { type: 'boolean' } });
    if (positional.length !== 2) throw new CliError(`用法：${USAGE}`, 'usage: touming compare <before> <after> [--json|--html]');
    if (options.json && options.html) throw new CliError('--json 和 --html 只能选一个', '--json and --html are exclusive');
    let db: { close(): Promise<void>; content(id: string): Promise<ReportContent> } | null = null;
    const fromDb = async (id: string) => {
      if (!db) {
        const api = await loadApi();
        const { dataSource } = await openDatabase(api, { requireMigrated: true });
        db = {
          close: () => dataSource.destroy(),
          content: async (x) => {
            const content = await api.reportContentById(dataSource, x);
            if (!content) throw new CliError(`数据库中没有编号为 ${x} 的报告或公开版本`, `no report or revision ${x}`);
            return content;
          },
        };
      }
      return db.content(id);
    };
    try {
      const before = await readSide(positional[0], fromDb);
      const after = await readSide(positional[1], fromDb);
      const comparison = compareReports(before, after);
      if (options.json) io.out(`${JSON.stringify(comparison, null, 2)}\n`);
      else if (options.html) io.out(renderComparisonHtml(comparison));
      else io.out(renderComparisonText(comparison));
      return EXIT.ok;
    } finally {
      await (db as { close(): Promise<void> } | null)?.close();
    }
  },
};
