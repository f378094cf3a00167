import { checkFolder, describeBatch } from '../batch';
import { EXIT } from '../errors';
import { describeImport, validationOf } from '../present';
import { importFile, isDirectory } from '../read-report';
import { parseArgs, type Command } from './types';

export const importCommand: Command = {
  name: 'import',
  summary: '导入报告（.pdf/.docx/.html/.htm/.txt）；加 --json 输出 { format, year, agency, cells, sections, unplaced, issues }；给目录则逐个文件汇总',
  usage: 'touming import <文件|目录> [--json]',
  async run(args, io) {
    const { positional, options } = parseArgs(args, { json: { type: 'boolean' } });
    const file = positional[0];
    if (await isDirectory(file)) {
      const summary = await checkFolder(file!);
      io.out(options.json ? `${JSON.stringify(summary, null, 2)}\n` : describeBatch(file!, summary));
      return EXIT.ok;
    }
    const result = await importFile(file);
    const issues = validationOf(result);
    if (options.json) {
      const { report } = result;
      const json = {
        format: report.format,
        year: result.detectedYear,
        agency: report.agency,
        cells: report.cells,
        sections: report.sections,
        unplaced: result.unplaced,
        notes: result.notes,
        issues,
      };
      io.out(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      io.out(describeImport(file, result, issues));
    }
    return EXIT.ok;
  },
};
