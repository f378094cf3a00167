import { Initial1795756413018 } from './1795756413018-Initial';

/** MySQL/MariaDB migrations in order (generated with typeorm migration:generate, then reviewed) */
export const MYSQL_MIGRATIONS: Function[] = [Initial1795756413018];
