import { EXIT } from '../errors';
import { describeImport, validationOf } from '../present';
import { importFile } from '../read-report';
import { parseArgs, type Command } from './types';

export const importCommand: Command = {
  name: 'import',
  summary: '导入报告；加 --json 输出 { format, year, agency, cells, sections, unplaced, issues }',
  usage: 'touming import <文件> [--json]',
  async run(args, io) {
    const { positional, options } = parseArgs(args, { json: { type: 'boolean' } });
    const file = positional[0];
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
