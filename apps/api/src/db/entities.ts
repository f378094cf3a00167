import { Agency } from '../modules/agencies/agency.entity';
import { AuditEntry } from '../modules/audit/audit-entry.entity';
import { AuditHead } from '../modules/audit/audit-head.entity';
import { ReportingCycle } from '../modules/cycles/cycle.entity';
import { ReportCell } from '../modules/reports/report-cell.entity';
import { Report } from '../modules/reports/report.entity';
import { User } from '../modules/users/user.entity';
import { WORKFLOW_ENTITIES } from '../modules/workflow/entities';
import { COMPILATION_ENTITIES } from '../modules/public/entities';

/** every TypeORM entity; a new module adds its entities here and a migration per dialect */
export const ENTITIES = [Agency, User, ReportingCycle, Report, ReportCell, AuditEntry, AuditHead, ...WORKFLOW_ENTITIES, ...COMPILATION_ENTITIES];
