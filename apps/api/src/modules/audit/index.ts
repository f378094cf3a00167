import type { ApiModule } from '../api-module';
import { AuditEntry } from './audit-entry.entity';
import { AuditHead } from './audit-head.entity';
import { AuditResolver } from './audit.resolver';

/** the append-only, hash-chained trail */
export const auditModule: ApiModule = { name: 'audit', resolvers: [AuditResolver], entities: [AuditEntry, AuditHead] };
