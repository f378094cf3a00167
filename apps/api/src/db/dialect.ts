import type { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Every difference between MySQL/MariaDB and SQLite that the code needs lives here, so services stay
 * dialect-free.
 */
export type Dialect = 'mysql' | 'sqlite';

export function dialectOf(source: DataSource | EntityManager): Dialect {
  const type = 'connection' in source ? source.connection.options.type : source.options.type;
  return type === 'mysql' || type === 'mariadb' ? 'mysql' : 'sqlite';
}

/**
 * Lock the selected rows until the transaction ends. MySQL: SELECT … FOR UPDATE. SQLite has no row
 * locks; its transactions are serialised (one writer; in-process by withTransaction's queue), which
 * gives the same guarantee.
 */
export function lockForUpdate<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return dialectOf(qb.connection) === 'mysql' ? qb.setLock('pessimistic_write') : qb;
}

/** SQL string concatenation */
export function concatSql(dialect: Dialect, ...parts: string[]): string {
  return dialect === 'mysql' ? `CONCAT(${parts.join(', ')})` : parts.join(' || ');
}

/**
 * A condition "the comma-separated list in `column` contains the value of :param" (simple-array
 * columns such as user.roles), matching whole items only.
 */
export function listContains(dialect: Dialect, column: string, param: string): string {
  return `${concatSql(dialect, "','", column, "','")} LIKE ${concatSql(dialect, "'%,'", `:${param}`, "',%'")}`;
}

/** true for a unique-constraint violation, whatever the driver */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; errno?: number; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return (
    code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}
