/**
 * Opening the Touming database from the CLI: DATABASE_URL as the server reads it (absent → the
 * embedded data/touming.sqlite). @touming/api is loaded only by the commands that need it, so
 * `touming check` stays light.
 */
import { CliError } from '../errors';

export type Api = typeof import('@touming/api');

export async function loadApi(): Promise<Api> {
  return import('@touming/api');
}

export async function openDatabase(api: Api, opts: { requireMigrated?: boolean } = {}) {
  const config = api.parseDatabaseUrl(process.env.DATABASE_URL);
  if (config.type === 'sqlite' && config.path !== ':memory:') {
    const fs = await import('node:fs');
    const path = await import('node:path');
    fs.mkdirSync(path.dirname(config.path), { recursive: true });
  }
  const dataSource = await api.openDataSource(config);
  if (opts.requireMigrated && !(await api.migrationsApplied(dataSource))) {
    await dataSource.destroy();
    throw new CliError('数据库尚未迁移到最新版本，请先运行 touming migrate', 'database not migrated: run touming migrate first');
  }
  const where = config.type === 'sqlite' ? `SQLite ${config.path}` : `MySQL/MariaDB ${config.database}`;
  return { dataSource, where };
}
