import { CliError, EXIT } from '../errors';
import { loadApi, openDatabase } from './database';
import { parseArgs, type Command } from './types';

const USAGE = 'touming audit verify [--anchor <编号>:<哈希>] | touming audit head';

/** "<id>:<64 hex>" as printed by `touming audit head` */
function parseAnchor(text: string): { id: number; hash: string } {
  const m = /^(\d+):([0-9a-f]{64})$/i.exec(text.trim());
  if (!m) throw new CliError(`锚点格式应为 <编号>:<64 位十六进制哈希>（touming audit head 的输出），收到：${text}`, 'bad anchor');
  return { id: Number(m[1]), hash: m[2].toLowerCase() };
}

export const auditCommand: Command = {
  name: 'audit',
  summary: '审计记录哈希链：verify 逐条重算并指出第一条被改动的记录（可用 --anchor 核对此前公布的链头），再按链中的公开记录重算每个公开版本的内容哈希；head 打印当前链头供每日公布',
  usage: USAGE,
  async run(args, io) {
    const { positional, options } = parseArgs(args, { anchor: { type: 'string' } });
    const sub = positional[0];
    if (sub !== 'verify' && sub !== 'head') throw new CliError(`用法：${USAGE}`, `usage: ${USAGE}`);
    const anchor = typeof options.anchor === 'string' ? parseAnchor(options.anchor) : null;
    const api = await loadApi();
    const { dataSource, where } = await openDatabase(api, { requireMigrated: true });
    try {
      if (sub === 'head') {
        const [last] = await dataSource.manager.find(api.AuditEntry, { order: { id: 'DESC' }, take: 1 });
        if (!last) {
          io.out(`审计链为空：${where}\n`);
          return EXIT.ok;
        }
        // one line meant to be published or stored outside the database (see docs/security.md)
        io.out(`${Number(last.id)}:${last.hash}  ${new Date(last.at).toISOString()}\n`);
        return EXIT.ok;
      }
      const result = await api.verifyAuditChain(dataSource);
      if (!result.ok) {
        io.out(`审计链断裂：第 ${result.firstBrokenId} 号记录与哈希链不符（此前 ${result.checked} 条完好）\n`);
        return EXIT.reportHasErrors;
      }
      // the chain holds; now what it vouches for: every published revision's stored content, hashed
      // again, against the hash its publication entry chained
      const published = await api.verifyPublishedRevisions(dataSource.manager);
      if (published.failures.length > 0) {
        io.out(`公开内容与审计链不符：${published.failures.length} 个公开版本（共校验 ${published.checked} 个）\n`);
        for (const f of published.failures) {
          io.out(`  版本 ${f.revisionId}（报告 ${f.reportId}，${f.year} 年度第 ${f.revisionNo} 版）：${f.message}\n`);
        }
        return EXIT.reportHasErrors;
      }
      if (anchor) {
        // the chain is consistent in itself; a full rewrite would be too, so it must still pass through the published head
        const entry = await dataSource.manager.findOne(api.AuditEntry, { where: { id: anchor.id } });
        if (!entry || entry.hash !== anchor.hash) {
          io.out(`审计链与锚点不符：第 ${anchor.id} 号记录${entry ? `的哈希为 ${entry.hash}` : '不存在'}，公布的是 ${anchor.hash}（链已被整体改写或截断）\n`);
          return EXIT.reportHasErrors;
        }
        io.out(`审计链完整：${where} 共校验 ${result.checked} 条记录，并经过锚点 ${anchor.id}:${anchor.hash.slice(0, 12)}…；${published.checked} 个公开版本的内容与公开记录一致\n`);
        return EXIT.ok;
      }
      io.out(`审计链完整：${where} 共校验 ${result.checked} 条记录；${published.checked} 个公开版本的内容与公开记录一致\n`);
      return EXIT.ok;
    } finally {
      await dataSource.destroy();
    }
  },
};
