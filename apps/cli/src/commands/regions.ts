import { readFileSync } from 'node:fs';
import { parseRegionCsv } from '@touming/domain';
import { CliError, EXIT } from '../errors';
import { loadApi, openDatabase } from './database';
import { parseArgs, type Command } from './types';

const REGIONS_USAGE = 'touming regions import <regions.csv>';
const TOTALS_USAGE = 'touming totals verify | touming totals rebuild';

export const regionsCommand: Command = {
  name: 'regions',
  summary: '导入行政区划（CSV：区划代码,名称,层级,上级代码；已有的地区按代码更名，整份文件有误时不写入任何一行）',
  usage: REGIONS_USAGE,
  async run(args, io) {
    const { positional } = parseArgs(args, {});
    if (positional[0] !== 'import' || !positional[1]) throw new CliError(`用法：${REGIONS_USAGE}`, `usage: ${REGIONS_USAGE}`);
    let text: string;
    try {
      text = readFileSync(positional[1], 'utf8');
    } catch {
      throw new CliError(`读取文件失败：${positional[1]}`, `cannot read ${positional[1]}`);
    }
    const parsed = parseRegionCsv(text);
    if (!parsed.rows.length && !parsed.problems.length) throw new CliError('文件中没有地区', 'no regions in file');
    if (parsed.problems.length) {
      for (const p of parsed.problems) io.err(`第${p.line}行：${p.message}\n`);
      return EXIT.badInput;
    }
    const api = await loadApi();
    const { dataSource, where } = await openDatabase(api, { requireMigrated: true });
    try {
      const result = await api.importRegions(dataSource, parsed.rows);
      if (result.problems.length) {
        for (const p of result.problems) io.err(`第${p.line}行：${p.message}\n`);
        io.err('未写入任何地区\n');
        return EXIT.badInput;
      }
      io.out(`已导入到 ${where}：新建 ${result.created.length} 个地区，更名 ${result.renamed.length} 个，未变 ${result.unchanged.length} 个\n`);
      return EXIT.ok;
    } finally {
      await dataSource.destroy();
    }
  },
};

export const totalsCommand: Command = {
  name: 'totals',
  summary: '公开时维护的地区汇总数：verify 用已公开数据重新求和并逐行比较（有差异时退出码 1）；rebuild 重新生成',
  usage: TOTALS_USAGE,
  async run(args, io) {
    const { positional } = parseArgs(args, {});
    const sub = positional[0];
    if (sub !== 'verify' && sub !== 'rebuild') throw new CliError(`用法：${TOTALS_USAGE}`, `usage: ${TOTALS_USAGE}`);
    const api = await loadApi();
    const { dataSource, where } = await openDatabase(api, { requireMigrated: true });
    try {
      if (sub === 'rebuild') {
        const rows = await api.rebuildAllTotals(dataSource);
        io.out(`已重新生成汇总数：${where} 共 ${rows} 行\n`);
        return EXIT.ok;
      }
      const { rows, differences } = await api.verifyTotals(dataSource);
      if (differences.length) {
        const show = (v: { total: number; filled: number } | null) => (v ? `${v.total}（${v.filled}份填报）` : '无');
        for (const d of differences.slice(0, 20)) {
          io.out(`不一致：地区 ${d.regionId || '（全部）'} ${d.year}年度 ${d.format}年版 ${d.kind} ${d.key}：维护值 ${show(d.maintained)}，重新求和 ${show(d.fresh)}\n`);
        }
        if (differences.length > 20) io.out(`……另有 ${differences.length - 20} 行不一致\n`);
        io.out(`汇总数与已公开数据不符：${differences.length} 行（运行 touming totals rebuild 重新生成）\n`);
        return EXIT.reportHasErrors;
      }
      io.out(`汇总数一致：${where} 共 ${rows} 行，与已公开数据重新求和的结果相同\n`);
      return EXIT.ok;
    } finally {
      await dataSource.destroy();
    }
  },
};
