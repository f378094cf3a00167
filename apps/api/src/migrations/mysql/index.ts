import { Initial1795756413018 } from './1795756413018-Initial';
import { Workflow1795757219480 } from './1795757219480-Workflow';
import { RateLimit1795758000001 } from './1795758000001-RateLimit';
import { AuditFilters1795758412001 } from './1795758412001-AuditFilters';
import { Notifications1796339932294 } from './1796339932294-Notifications';

/** MySQL/MariaDB migrations in order (generated with typeorm migration:generate, then reviewed) */
export const MYSQL_MIGRATIONS: Function[] = [Initial1795756413018, Workflow1795757219480, RateLimit1795758000001, AuditFilters1795758412001, Notifications1796339932294];
