import fs from 'node:fs';
import path from 'node:path';
import { CliError, EXIT } from '../errors';
import { loadApi, openDatabase } from './database';
import type { Command } from './types';

export const backupCommand: Command = {
  name: 'backup',
  summary: '备份数据库到文件（SQLite：在线备份 API，服务运行中也可执行；MySQL/MariaDB：一致性快照的逻辑备份）；设置了 FILES_DIR 时文件库一并备份到 <备份文件>.files',
  usage: 'touming backup <备份文件>    （DATABASE_URL 指定数据库）',
  async run(args, io) {
    const file = args[0];
    if (!file) throw new CliError('用法：touming backup <备份文件>', 'usage: touming backup <file>');
    const api = await loadApi();
    const { dataSource, where } = await openDatabase(api, { requireMigrated: true });
    try {
      const summary = await api.backupDatabase(dataSource, path.resolve(file));
      io.out(`已备份 ${where} → ${path.resolve(file)}（${summary.tables} 张表，${summary.rows} 行）\n`);
      const filesDir = process.env.FILES_DIR?.trim();
      if (filesDir) {
        const beside = api.filesBesideBackup(path.resolve(file));
        const { copied, skipped } = api.copyStoredFiles(path.resolve(filesDir), beside);
        io.out(`已备份文件库（FILES_DIR）→ ${beside}（新复制 ${copied} 个文件，已有 ${skipped} 个）\n`);
      }
      return EXIT.ok;
    } finally {
      await dataSource.destroy();
    }
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  summary: '从备份文件恢复到一个空数据库（先停止服务），随后执行新迁移并校验审计链',
  usage: 'DATABASE_URL=<新的空数据库> touming restore <备份文件>',
  async run(args, io) {
    const file = args[0];
    if (!file) throw new CliError('用法：touming restore <备份文件>', 'usage: touming restore <file>');
    const api = await loadApi();
    const config = api.parseDatabaseUrl(process.env.DATABASE_URL);
    let summary;
    try {
      summary = await api.restoreDatabase(path.resolve(file), config);
    } catch (error) {
      if (error instanceof Error && error.name === 'BackupRefusal') throw new CliError(error.message, 'restore refused');
      throw error;
    }
    const where = config.type === 'sqlite' ? `SQLite ${config.path}` : `MySQL/MariaDB ${config.database}`;
    io.out(`已恢复到 ${where}（${summary.tables} 张表，${summary.rows} 行）\n`);
    const beside = api.filesBesideBackup(path.resolve(file));
    const filesDir = process.env.FILES_DIR?.trim();
    if (filesDir) {
      const { copied, skipped } = api.copyStoredFiles(beside, path.resolve(filesDir));
      io.out(`已恢复文件库到 FILES_DIR ${path.resolve(filesDir)}（复制 ${copied} 个文件，已有 ${skipped} 个）\n`);
    } else if (fs.existsSync(beside)) {
      io.out(`备份旁有文件库 ${beside}，但未设置 FILES_DIR：设置后再次恢复，或把其中文件复制到 FILES_DIR\n`);
    }
    if (summary.migrationsApplied.length) io.out(`已执行迁移：${summary.migrationsApplied.join('、')}\n`);
    if (!summary.audit.ok) {
      io.out(`审计链断裂：第 ${summary.audit.firstBrokenId} 号记录与哈希链不符\n`);
      return EXIT.reportHasErrors;
    }
    io.out(`审计链完整：共校验 ${summary.audit.checked} 条记录\n`);
    return EXIT.ok;
  },
};
