import { join } from 'node:path';
import { describeImport, validationOf } from '../present';
import { importFile } from '../read-report';
import type { Command } from './types';

/** the real published report bundled with the CLI */
export const DEMO_REPORT = join(__dirname, '..', '..', 'demo', 'yanchi-wenlv-2020.txt');

export const demoCommand: Command = {
  name: 'demo',
  summary: '检查随附的真实报告（盐池县文化旅游广电局 2020 年度）并打印结果',
  usage: 'touming demo',
  async run(_args, io) {
    const result = await importFile(DEMO_REPORT);
    io.out(describeImport('demo/yanchi-wenlv-2020.txt', result, validationOf(result)));
    return 0;
  },
};
