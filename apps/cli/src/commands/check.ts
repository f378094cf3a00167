import { EXIT } from '../errors';
import { describeImport, validationOf } from '../present';
import { importFile } from '../read-report';
import { parseArgs, type Command } from './types';

export const checkCommand: Command = {
  name: 'check',
  summary: '导入报告（.txt/.html/.htm/.docx），按官方格式打印表格和校验结果；有错误时退出码为 1',
  usage: 'touming check <文件>',
  async run(args, io) {
    const { positional } = parseArgs(args, {});
    const file = positional[0];
    const result = await importFile(file);
    const validation = validationOf(result);
    io.out(describeImport(file, result, validation));
    return validation.errors.length ? EXIT.reportHasErrors : EXIT.ok;
  },
};
