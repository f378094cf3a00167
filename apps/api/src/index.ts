/**
 * @touming/api as a library (for the CLI and tests): the data source, migrations, the audit chain,
 * user creation, the request context and the HTTP app.
 */
export { loadConfig, parseDatabaseUrl, REPO_ROOT, DATA_DIR, type AppConfig, type DatabaseConfig } from './config';
export { createDataSource, openDataSource, ensureMysqlDatabase, runMigrations, migrationsApplied } from './db/data-source';
export { withTransaction, transactionOn } from './db/transaction';
export { dialectOf, lockForUpdate, type Dialect } from './db/dialect';
export { ENTITIES } from './db/entities';
export { createRequestContext, systemContext, actorOf, type RequestContext, type CurrentUser } from './common/context';
export { authorize, requireUser } from './common/authorize';
export { appendAudit, recordDenial, verifyAuditChain, AuditService, type AuditRecord, type AuditChainVerification } from './modules/audit/audit.service';
export { AuditEntry } from './modules/audit/audit-entry.entity';
export { insertUser, type NewUser } from './modules/users/user.service';
export { insertAgency } from './modules/agencies/agency.service';
export { AGENCY_KINDS, type AgencyKind } from '@touming/domain/agencies';
export { User } from './modules/users/user.entity';
export { Agency } from './modules/agencies/agency.entity';
export { Report } from './modules/reports/report.entity';
export { ReportCell } from './modules/reports/report-cell.entity';
export { ReportingCycle } from './modules/cycles/cycle.entity';
export { seedDemo, isEmptyDatabase, type SeedOptions, type SeedSummary } from './seed/seed';
export { planDemo, type DemoPlan, type PlannedReport, type PlannedCase } from './seed/demo-plan';
export { DEMO_USERS, DEMO_PASSWORD } from './seed/demo-data';
export { createApi, createHttpApp } from './app';
export { BackupRefusal, backupDatabase, restoreDatabase, type BackupSummary, type RestoreSummary } from './ops/backup';
export { importReportFile, fileKind, decodeText, ReportFileError, REPORT_FILE_EXTENSIONS, type ReportFileImport, type ReportFileKind } from './modules/reports/report-file';
export { readPdfPages, PdfReadError, PDF_LIMITS, type PdfLimits } from './modules/reports/pdf-text';
export { importRegions, verifyTotals, rebuildAllTotals, type RegionImportResult } from './modules/regions/region-import';
export { Region } from './modules/regions/region.entity';
export { readTotals, freshTotals, compareTotals, maintainedTotals, WHOLE_DEPLOYMENT } from './modules/regions/totals.repository';
export { publishedTotals } from './modules/revisions/published-cell.repository';
export { insertCurrentRevision, newRevision } from './modules/revisions/revision.repository';
export { insertRows } from './modules/reports/report.repository';
export { ReportRevision } from './modules/revisions/report-revision.entity';
export { PublishedCell } from './modules/revisions/published-cell.entity';
export { reportContentById } from './modules/compare/compare.repository';
export { copyStoredFiles, filesBesideBackup } from './ops/backup-files';
