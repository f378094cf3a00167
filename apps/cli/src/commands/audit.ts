import { CliError, EXIT } from '../errors';
import { loadApi, openDatabase } from './database';
import type { Command } from './types';

export const auditCommand: Command = {
  name: 'audit',
  summary: '校验审计记录哈希链：逐条重算，指出第一条被改动的记录；链断裂时退出码为 1',
  usage: 'touming audit verify',
  async run(args, io) {
    if (args[0] !== 'verify') throw new CliError('用法：touming audit verify', 'usage: touming audit verify');
    const api = await loadApi();
    const { dataSource, where } = await openDatabase(api, { requireMigrated: true });
    try {
      const result = await api.verifyAuditChain(dataSource);
      if (result.ok) {
        io.out(`审计链完整：${where} 共校验 ${result.checked} 条记录\n`);
        return EXIT.ok;
      }
      io.out(`审计链断裂：第 ${result.firstBrokenId} 号记录与哈希链不符（此前 ${result.checked} 条完好）\n`);
      return EXIT.reportHasErrors;
    } finally {
      await dataSource.destroy();
    }
  },
};
