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
    const replication = db.readUrls?.length
      ? { replication: { master: { url: db.url }, slaves: db.readUrls.map((url) => ({ url })) } }
      : {};
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
      // mysql2's promise API captures a stack trace on every query (to graft onto a failed query's
      // error): ~3 % of the CPU of a one-statement request under load. A failed query's error keeps
      // its message, code and SQL; its stack then starts in mysql2
      extra: { trace: false },
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
  await prepareGaleraSessions(ds, galeraSyncWait());
  return ds;
}

/**
 * DATABASE_SYNC_WAIT: the wsrep_sync_wait every session gets on a Galera node (default 1: reads wait
 * until the node has applied everything the cluster committed before them). 0 turns it off.
 */
export function galeraSyncWait(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.DATABASE_SYNC_WAIT ?? 1);
  return Number.isInteger(value) && value >= 0 && value <= 15 ? value : 1;
}

interface Mysql2Connection {
  query(sql: string, callback: (error: Error | null) => void): unknown;
}
interface Mysql2Pool {
  on(event: 'connection', listener: (connection: Mysql2Connection) => void): unknown;
  _freeConnections?: { length: number; get(index: number): Mysql2Connection };
}

/**
 * On a Galera node (wsrep_on = ON) a read may run before the node has applied a write another node
 * already committed: a client whose write went through one instance and whose next read goes
 * through another would not see its own write. With wsrep_sync_wait = 1 every read first waits for
 * the node to catch up with the cluster (a round trip, not a lock). It is set on every connection of
 * the pool: the ones open now and each new one before its first query (mysql2 runs a connection's
 * commands in order). Returns whether the server is a Galera node. Plain MariaDB/MySQL: nothing.
 */
export async function prepareGaleraSessions(ds: DataSource, syncWait: number): Promise<boolean> {
  if (ds.options.type !== 'mysql') return false;
  let rows: Array<{ Value?: string }>;
  try {
    rows = await ds.query("SHOW VARIABLES LIKE 'wsrep_on'");
  } catch {
    return false;
  }
  if (rows[0]?.Value !== 'ON') return false;
  const pool = (ds.driver as unknown as { pool?: Mysql2Pool }).pool;
  if (!pool || syncWait === 0) return true;
  const statement = `SET SESSION wsrep_sync_wait = ${syncWait}`;
  const apply = (connection: Mysql2Connection) => {
    // a failure shows on the connection's next query; nothing to do here
    connection.query(statement, () => undefined);
  };
  pool.on('connection', apply);
  const idle = pool._freeConnections;
  for (let i = 0; idle && i < idle.length; i++) apply(idle.get(i));
  return true;
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
