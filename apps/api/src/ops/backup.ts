/**
 * Backup and restore of a whole Touming database.
 *
 * - SQLite: SQLite's online backup API (better-sqlite3 `backup()`): a consistent copy of the live
 *   database file while the server keeps running. The backup IS an SQLite database file.
 * - MySQL/MariaDB: a logical dump in JS, read in one consistent-snapshot transaction: gzip'd JSON
 *   lines — a header (dialect, migrations, tables) then the rows of each table in chunks. Restored
 *   into an EMPTY database: the migrations create the schema, then the rows go in with foreign-key
 *   checks off, in one transaction. No mysqldump binary needed (CI's MariaDB may be a bare service).
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import type { DataSource, QueryRunner } from 'typeorm';
import type { DatabaseConfig } from '../config';
import { createDataSource, ensureMysqlDatabase, runMigrations } from '../db/data-source';
import { verifyAuditChain, type AuditChainVerification } from '../modules/audit/audit.service';

const FORMAT = 'touming-backup';
const CHUNK = 500;

/** a restore (or backup) the operator must fix the input for: wrong target, not a backup, newer version */
export class BackupRefusal extends Error {
  override readonly name = 'BackupRefusal';
}

export interface BackupSummary {
  kind: 'sqlite-file' | 'logical';
  tables: number;
  rows: number;
}

export interface RestoreSummary extends BackupSummary {
  migrationsApplied: string[];
  audit: AuditChainVerification;
}

interface Header {
  format: typeof FORMAT;
  version: 1;
  dialect: 'mysql';
  createdAt: string;
  migrations: string[];
  tables: string[];
}

/** JSON cannot carry Dates and Buffers: tag them */
function encode(value: unknown): unknown {
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Buffer.isBuffer(value)) return { $b64: value.toString('base64') };
  return value;
}
function decode(value: unknown): unknown {
  if (value && typeof value === 'object') {
    if ('$date' in value) return new Date((value as { $date: string }).$date);
    if ('$b64' in value) return Buffer.from((value as { $b64: string }).$b64, 'base64');
    // a JSON column the driver handed back parsed: it goes back in as JSON text
    return JSON.stringify(value);
  }
  return value;
}

async function mysqlTables(runner: QueryRunner): Promise<string[]> {
  const rows: { name: string }[] = await runner.query(
    "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME",
  );
  return rows.map((r) => r.name);
}

const q = (name: string) => '`' + name.replace(/`/g, '``') + '`';

/** back up the open database to `file` */
export async function backupDatabase(ds: DataSource, file: string): Promise<BackupSummary> {
  if (ds.options.type === 'better-sqlite3') {
    const sqlite = (ds.driver as unknown as { databaseConnection: Database.Database }).databaseConnection;
    if (fs.existsSync(file)) fs.rmSync(file);
    await sqlite.backup(file);
    const copy = new Database(file, { readonly: true });
    try {
      const tables = copy.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
      const rows = tables.reduce((n, t) => n + (copy.prepare(`SELECT COUNT(*) AS c FROM "${t.name.replace(/"/g, '""')}"`).get() as { c: number }).c, 0);
      return { kind: 'sqlite-file', tables: tables.length, rows };
    } finally {
      copy.close();
    }
  }
  const runner = ds.createQueryRunner();
  await runner.connect();
  let rows = 0;
  try {
    // one snapshot for every table: the dump is consistent while writes continue
    await runner.query('SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    await runner.query('START TRANSACTION WITH CONSISTENT SNAPSHOT');
    const tables = await mysqlTables(runner);
    const migrations: { name: string }[] = await runner.query('SELECT name FROM `migrations` ORDER BY id');
    const header: Header = {
      format: FORMAT,
      version: 1,
      dialect: 'mysql',
      createdAt: new Date().toISOString(),
      migrations: migrations.map((m) => m.name),
      tables,
    };
    async function* lines() {
      yield JSON.stringify(header) + '\n';
      for (const table of tables) {
        // a stable order: restoring gives the same auto-increment ids and the same row order
        const [pk] = await runner.query(
          "SELECT GROUP_CONCAT(COLUMN_NAME ORDER BY ORDINAL_POSITION) AS cols FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND CONSTRAINT_NAME = 'PRIMARY'",
          [table],
        );
        const order = pk?.cols ? ` ORDER BY ${String(pk.cols).split(',').map(q).join(', ')}` : '';
        for (let offset = 0; ; offset += CHUNK) {
          const chunk: Record<string, unknown>[] = await runner.query(`SELECT * FROM ${q(table)}${order} LIMIT ${CHUNK} OFFSET ${offset}`);
          if (chunk.length === 0) break;
          rows += chunk.length;
          yield JSON.stringify({ table, rows: chunk.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, encode(v)]))) }) + '\n';
          if (chunk.length < CHUNK) break;
        }
      }
    }
    await pipeline(Readable.from(lines()), zlib.createGzip(), fs.createWriteStream(file));
    await runner.query('COMMIT');
    return { kind: 'logical', tables: tables.length, rows };
  } finally {
    await runner.release();
  }
}

function isSqliteFile(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    fs.readSync(fd, head, 0, 16, 0);
    return head.toString('latin1') === 'SQLite format 3\0';
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Restore `file` into the database of `db`, which must be empty (a fresh database: restoring over
 * live data is refused rather than merged). Applies any newer migrations afterwards and verifies the
 * audit chain. The server must not be running on the target while this runs.
 */
export async function restoreDatabase(file: string, db: DatabaseConfig): Promise<RestoreSummary> {
  if (!fs.existsSync(file)) throw new BackupRefusal(`备份文件不存在：${file}`);
  if (isSqliteFile(file)) {
    if (db.type !== 'sqlite' || db.path === ':memory:') throw new BackupRefusal('SQLite 备份只能恢复到 SQLite 数据库文件（DATABASE_URL=sqlite:…）');
    if (fs.existsSync(db.path)) {
      const target = new Database(db.path, { readonly: true });
      const tables = target.prepare("SELECT COUNT(*) AS c FROM sqlite_master WHERE type = 'table'").get() as { c: number };
      target.close();
      if (tables.c > 0) throw new BackupRefusal(`目标数据库不是空的：${db.path}（请恢复到新的数据库文件）`);
    }
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(db.path + suffix, { force: true });
    const source = new Database(file, { readonly: true });
    let summary: BackupSummary;
    try {
      await source.backup(db.path);
      const tables = source.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
      const rows = tables.reduce((n, t) => n + (source.prepare(`SELECT COUNT(*) AS c FROM "${t.name.replace(/"/g, '""')}"`).get() as { c: number }).c, 0);
      summary = { kind: 'sqlite-file', tables: tables.length, rows };
    } finally {
      source.close();
    }
    return finish(db, summary);
  }

  if (db.type !== 'mysql') throw new BackupRefusal('MySQL/MariaDB 的逻辑备份只能恢复到 MySQL/MariaDB 数据库（DATABASE_URL=mysql://…）');
  await ensureMysqlDatabase(db);
  const ds = createDataSource(db);
  await ds.initialize();
  const runner = ds.createQueryRunner();
  let tables = 0;
  let rows = 0;
  try {
    await runner.connect();
    if ((await mysqlTables(runner)).length > 0) throw new BackupRefusal(`目标数据库不是空的：${db.database}（请恢复到新建的空数据库）`);
    const input = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
    let header: Header | null = null;
    for await (const line of input) {
      if (!line) continue;
      const record = JSON.parse(line);
      if (!header) {
        if (record.format !== FORMAT || record.version !== 1) throw new BackupRefusal('不是 Touming 备份文件');
        header = record as Header;
        // the schema of the backup's version, created by the same migrations the backup ran
        const applied = await runMigrations(ds);
        const missing = header.migrations.filter((m) => !applied.includes(m));
        if (missing.length) throw new BackupRefusal(`备份来自更新的 Touming 版本（未知迁移：${missing.join('、')}），请用该版本恢复`);
        tables = header.tables.length;
        await runner.query('SET FOREIGN_KEY_CHECKS = 0');
        await runner.startTransaction();
        // migrations insert their own rows (the migrations table, the audit head): the backup's replace them
        for (const table of header.tables) await runner.query(`DELETE FROM ${q(table)}`);
        continue;
      }
      const chunk = record as { table: string; rows: Record<string, unknown>[] };
      if (!header.tables.includes(chunk.table)) throw new BackupRefusal(`备份文件损坏：未知的表 ${chunk.table}`);
      const columns = Object.keys(chunk.rows[0] ?? {});
      if (columns.length === 0) continue;
      const placeholders = `(${columns.map(() => '?').join(', ')})`;
      await runner.query(
        `INSERT INTO ${q(chunk.table)} (${columns.map(q).join(', ')}) VALUES ${chunk.rows.map(() => placeholders).join(', ')}`,
        chunk.rows.flatMap((r) => columns.map((c) => decode(r[c]))),
      );
      rows += chunk.rows.length;
    }
    if (!header) throw new BackupRefusal('备份文件为空');
    await runner.commitTransaction();
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    if (!runner.isReleased) {
      await runner.query('SET FOREIGN_KEY_CHECKS = 1').catch(() => undefined);
      await runner.release();
    }
    await ds.destroy();
  }
  return finish(db, { kind: 'logical', tables, rows });
}

/** newer migrations on top of an older backup, then the audit chain check */
async function finish(db: DatabaseConfig, summary: BackupSummary): Promise<RestoreSummary> {
  const ds = createDataSource(db);
  await ds.initialize();
  try {
    const migrationsApplied = await runMigrations(ds);
    const audit = await verifyAuditChain(ds);
    return { ...summary, migrationsApplied, audit };
  } finally {
    await ds.destroy();
  }
}
