import { Initial1795756412474 } from './1795756412474-Initial';
import { Workflow1795757219479 } from './1795757219479-Workflow';
import { RateLimit1795758000000 } from './1795758000000-RateLimit';
import { AuditFilters1795758412000 } from './1795758412000-AuditFilters';
import { Notifications1796339932293 } from './1796339932293-Notifications';

/** SQLite migrations in order (generated with typeorm migration:generate, then reviewed) */
export const SQLITE_MIGRATIONS: Function[] = [Initial1795756412474, Workflow1795757219479, RateLimit1795758000000, AuditFilters1795758412000, Notifications1796339932293];
