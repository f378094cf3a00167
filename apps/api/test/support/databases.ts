import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource, type Logger } from 'typeorm';
import type { DatabaseConfig } from '../../src/config';
import { createDataSource, ensureMysqlDatabase, runMigrations } from '../../src/db/data-source';

/**
 * The same suites run on SQLite and on MariaDB/MySQL. MariaDB is the machine's server at
 * MYSQL_URL (default mysql://root@127.0.0.1:3306); every suite gets a fresh database, dropped after.
 * Without MariaDB the MySQL runs are skipped loudly; with REQUIRE_MYSQL=1 that is a failure.
 */
export type DialectName = 'sqlite' | 'mysql';

const MYSQL_SERVER = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';

/**
 * Is the server there? Asked once, synchronously (a child process), so the list of dialects is known
 * when the suites are collected.
 */
function probeMysql(): boolean {
  const script = `const m=require('mysql2');const c=m.createConnection({uri:process.argv[1],connectTimeout:2000});c.connect(e=>{process.exit(e?1:0)})`;
  const result = spawnSync(process.execPath, ['-e', script, `${MYSQL_SERVER.replace(/\/+$/, '')}/`], { timeout: 5000, cwd: __dirname });
  return result.status === 0;
}

const mysqlAvailable = probeMysql();
if (!mysqlAvailable) {
  if (process.env.REQUIRE_MYSQL === '1') {
    throw new Error(`MariaDB 不可用（${MYSQL_SERVER}），而 REQUIRE_MYSQL=1 要求运行 MySQL 测试套件`);
  }
  console.warn(`\n*** MariaDB 不可用，跳过 MySQL 测试套件（${MYSQL_SERVER}） ***\n`);
}

/** the dialects to run: always SQLite, MySQL when the server answers */
export const DIALECTS: DialectName[] = mysqlAvailable ? ['sqlite', 'mysql'] : ['sqlite'];

export interface TestDatabase {
  dialect: DialectName;
  config: DatabaseConfig;
  dataSource: DataSource;
  /** the queries run since the last reset (when opened with countQueries) */
  queries: string[];
  drop(): Promise<void>;
}

/** a fresh, empty database of the dialect, opened (not migrated unless `migrate`) */
export async function openTestDatabase(dialect: DialectName, opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const suffix = randomBytes(5).toString('hex');
  let config: DatabaseConfig;
  let cleanup: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'touming-test-'));
    config = { type: 'sqlite', path: path.join(dir, 'test.sqlite') };
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const database = `touming_test_${suffix}`;
    config = { type: 'mysql', url: `${MYSQL_SERVER.replace(/\/+$/, '')}/${database}`, database };
    await ensureMysqlDatabase(config);
    cleanup = async () => {
      const admin = new DataSource({ type: 'mysql', url: `${MYSQL_SERVER.replace(/\/+$/, '')}/` });
      await admin.initialize();
      await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await admin.destroy();
    };
  }
  const queries: string[] = [];
  const logger: Logger = {
    logQuery: (query) => void queries.push(query),
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
  const dataSource = createDataSource(config, { logger });
  await dataSource.initialize();
  if (opts.migrate !== false) await runMigrations(dataSource);
  queries.length = 0;
  return {
    dialect,
    config,
    dataSource,
    queries,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await cleanup();
    },
  };
}
