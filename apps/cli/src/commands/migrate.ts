import { EXIT } from '../errors';
import { loadApi, openDatabase } from './database';
import type { Command } from './types';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: '执行数据库迁移（DATABASE_URL 指定数据库；缺省为内置 SQLite 文件 data/touming.sqlite）',
  usage: 'DATABASE_URL=mysql://user:pass@host:3306/touming touming migrate',
  async run(_args, io) {
    const api = await loadApi();
    const { dataSource, where } = await openDatabase(api);
    try {
      const applied = await api.runMigrations(dataSource);
      io.out(applied.length ? `已在 ${where} 执行迁移：${applied.join('、')}\n` : `${where} 已是最新，无需迁移\n`);
      return EXIT.ok;
    } finally {
      await dataSource.destroy();
    }
  },
};
