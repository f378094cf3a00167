import type { ReportContent } from '@touming/domain/report';
import type { DataSource } from 'typeorm';
import { findReport, loadContent } from '../reports/report.repository';
import { findRevision } from '../revisions/revision.repository';

/** the content of a report (as it stands) or of a published revision, by id; for operators' tools */
export async function reportContentById(dataSource: DataSource, id: string): Promise<ReportContent | null> {
  const report = await findReport(dataSource.manager, id);
  if (report) return loadContent(dataSource.manager, report);
  const revision = await findRevision(dataSource.manager, id);
  return revision?.content ?? null;
}
