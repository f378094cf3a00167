import 'reflect-metadata';
import { DataSource, type Logger } from 'typeorm';
import type { DatabaseConfig } from '../config';
import { MYSQL_MIGRATIONS } from '../migrations/mysql';
import { SQLITE_MIGRATIONS } from '../migrations/sqlite';
import { ENTITIES } from './entities';

export interface DataSourceOptions {
  logging?: boolean;
  /** tests only: build the schema from the entities instead of the migrations */
  synchronize?: boolean;
  /** a TypeORM logger (tests count queries with one) */
  logger?: Logger;
}

/** one DataSource factory for both dialects; schema changes only through migrations */
export function createDataSource(db: DatabaseConfig, opts: DataSourceOptions = {}): DataSource {
  const common = {
    entities: ENTITIES,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: opts.synchronize ?? false,
    logging: opts.logging ?? (opts.logger ? (['query'] as ['query']) : false),
    ...(opts.logger ? { logger: opts.logger } : {}),
  } as const;
  if (db.type === 'mysql') {
    // read replicas: TypeORM sends SELECTs outside a transaction to a replica, and every query of a
    // transaction (withTransaction), raw query and write to the primary
    const replication = db.readUrls?.length ? { replication: { master: { url: db.url }, slaves: db.readUrls.map((url) => ({ url })) } } : {};
    return new DataSource({
      ...common,
      type: 'mysql',
      url: db.url,
      ...replication,
      charset: 'utf8mb4_unicode_ci',
      // store and read every datetime as UTC
      timezone: 'Z',
      supportBigNumbers: true,
      poolSize: 10,
      migrations: MYSQL_MIGRATIONS,
    });
  }
  const memory = db.path === ':memory:';
  return new DataSource({
    ...common,
    type: 'better-sqlite3',
    database: db.path,
    // WAL: readers do not block the writer; busy_timeout: wait for another process's write lock
    enableWAL: !memory,
    timeout: 5000,
    prepareDatabase: (sqlite: { pragma: (s: string) => unknown }) => {
      sqlite.pragma('busy_timeout = 5000');
      sqlite.pragma('foreign_keys = ON');
      sqlite.pragma('synchronous = NORMAL');
    },
    migrations: SQLITE_MIGRATIONS,
  });
}

/** MySQL: create the database named in the URL when it does not exist yet (a friendly first start) */
export async function ensureMysqlDatabase(db: DatabaseConfig): Promise<void> {
  if (db.type !== 'mysql') return;
  const url = new URL(db.url);
  url.pathname = '/';
  const admin = new DataSource({ type: 'mysql', url: url.toString(), charset: 'utf8mb4_unicode_ci' });
  // (the primary only: a replica gets the database through replication)
  await admin.initialize();
  try {
    await admin.query(
      `CREATE DATABASE IF NOT EXISTS \`${db.database.replace(/`/g, '``')}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await admin.destroy();
  }
}

/** open the database (creating a MySQL database if needed) without touching its schema */
export async function openDataSource(db: DatabaseConfig, opts: DataSourceOptions = {}): Promise<DataSource> {
  await ensureMysqlDatabase(db);
  const ds = createDataSource(db, opts);
  await ds.initialize();
  return ds;
}

/** apply pending migrations; returns their names */
export async function runMigrations(ds: DataSource): Promise<string[]> {
  const applied = await ds.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}

/** true when every migration of this build has been applied (for /readyz) */
export async function migrationsApplied(ds: DataSource): Promise<boolean> {
  return !(await ds.showMigrations());
}
