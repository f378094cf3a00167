import { validateImport } from '@touming/domain';
import { describeBatch, checkFolder } from '../batch';
import { CliError, EXIT } from '../errors';
import { describeImport } from '../present';
import { importFile, isDirectory } from '../read-report';
import { parseArgs, type Command } from './types';

export const checkCommand: Command = {
  name: 'check',
  summary:
    '导入报告（.pdf/.docx/.html/.htm/.txt），按官方格式打印表格和校验结果；--previous 加上年报告校验结转；给目录则逐个文件各打印一行并合计（--json 输出 JSON）；有错误时退出码为 1',
  usage: 'touming check <文件> [--previous <上年报告文件>]  |  touming check <目录> [--json]',
  async run(args, io) {
    const { positional, options } = parseArgs(args, { previous: { type: 'string' }, json: { type: 'boolean' } });
    const target = positional[0];
    if (await isDirectory(target)) {
      if (options.previous) throw new CliError('检查目录时不用 --previous：同一机关相邻年度的报告在目录中会自动对照', '--previous is for a single file');
      const summary = await checkFolder(target!);
      io.out(options.json ? `${JSON.stringify(summary, null, 2)}\n` : describeBatch(target!, summary));
      return summary.total.withErrors > 0 ? EXIT.reportHasErrors : EXIT.ok;
    }
    const result = await importFile(target);
    const previous = options.previous ? await importFile(options.previous) : null;
    if (previous && result.detectedYear !== null && previous.detectedYear !== null && previous.detectedYear !== result.detectedYear - 1) {
      throw new CliError(
        `--previous 应是上一年（${result.detectedYear - 1}年）的报告，${options.previous} 是${previous.detectedYear}年的`,
        '--previous is not the report of the year before',
      );
    }
    const validation = validateImport(result, { previous: previous?.report ?? null });
    if (options.json) io.out(`${JSON.stringify({ format: result.detectedFormat, year: result.detectedYear, agency: result.agency, unplaced: result.unplaced, notes: result.notes, issues: validation }, null, 2)}\n`);
    else io.out(describeImport(target!, result, validation) + (previous ? `对照上年报告：${options.previous}（${previous.detectedYear ?? '年度未识别'}）\n` : ''));
    return validation.errors.length ? EXIT.reportHasErrors : EXIT.ok;
  },
};
