import { Initial1795756412474 } from './1795756412474-Initial';

/** SQLite migrations in order (generated with typeorm migration:generate, then reviewed) */
export const SQLITE_MIGRATIONS: Function[] = [Initial1795756412474];
