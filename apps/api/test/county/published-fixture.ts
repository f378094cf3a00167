/**
 * Published data written straight into the tables the workflow's publication fills (report,
 * report_revision, published_cell), so compilation and the public API can be tested with dozens of
 * reports without driving each through three signatures.
 */
import { contentHash } from '@touming/domain/hash';
import { generateReport } from '@touming/domain/generate';
import type { ReportContent } from '@touming/domain/report';
import type { ReportStatus } from '@touming/domain/workflow';
import type { DataSource } from 'typeorm';
import { newId } from '../../src/db/columns';
import type { AgencyKind } from '@touming/domain/agencies';
import { Agency } from '../../src/modules/agencies/agency.entity';
import { ReportingCycle } from '../../src/modules/cycles/cycle.entity';
import { cellRows, insertRows, newReportRow } from '../../src/modules/reports/report.repository';
import { ReportCell } from '../../src/modules/reports/report-cell.entity';
import { Report } from '../../src/modules/reports/report.entity';
import { PublishedCell } from '../../src/modules/revisions/published-cell.entity';
import { ReportRevision } from '../../src/modules/revisions/report-revision.entity';
import { formatForYear } from '@touming/domain/formats';
import { addToTotals, publicationDeltas, publicationPlace } from '../../src/modules/regions/totals.repository';

export async function addAgency(ds: DataSource, code: string, name: string, kind: AgencyKind, region = '某县'): Promise<Agency> {
  const now = new Date();
  const agency = Object.assign(new Agency(), { id: newId(), code, name, kind, parentId: null, region, active: true, createdAt: now, updatedAt: now });
  await ds.manager.insert(Agency, agency);
  return agency;
}

export async function addCycle(ds: DataSource, year: number): Promise<void> {
  await ds.manager.insert(ReportingCycle, {
    id: newId(),
    year,
    format: formatForYear(year).id,
    deadline: `${year + 1}-01-31`,
    requiresPreReview: false,
    open: true,
    createdAt: new Date(),
    updatedAt: new Date(),
  } as unknown as ReportingCycle);
}

/** a report row in the given status; PUBLISHED ones get revisions (earlier ones superseded) and cells */
export async function addReport(
  ds: DataSource,
  agency: Agency,
  content: ReportContent,
  status: ReportStatus,
  opts: { superseded?: ReportContent[]; publishedAt?: Date } = {},
): Promise<{ reportId: string; revisionId: string | null }> {
  const report = newReportRow(agency.id, content, null, { status });
  await ds.manager.insert(Report, report);
  await insertRows(ds.manager, ReportCell, cellRows(report.id, content));
  if (status !== 'PUBLISHED') return { reportId: report.id, revisionId: null };
  const versions = [...(opts.superseded ?? []), content];
  let revisionId = '';
  for (const [i, version] of versions.entries()) {
    revisionId = newId();
    const current = i === versions.length - 1;
    // the region totals are kept as the publication keeps them (../../src/modules/regions)
    const place = current ? await publicationPlace(ds.manager, agency.id, report.id) : null;
    await ds.manager.insert(ReportRevision, {
      id: revisionId,
      reportId: report.id,
      agencyId: agency.id,
      year: version.year,
      format: version.format,
      revisionNo: i + 1,
      contentHash: contentHash(version),
      content: version,
      correctionNote: i > 0 ? '更正表三数据' : null,
      publishedAt: opts.publishedAt ?? new Date(`${version.year + 1}-01-20T02:00:00Z`),
      publishedById: agency.id,
      isCurrent: current,
    });
    const cells = Object.entries(version.cells).map(([key, value]) =>
      Object.assign(new PublishedCell(), { revisionId, key, agencyId: agency.id, year: version.year, format: version.format, value }),
    );
    await insertRows(ds.manager, PublishedCell, cells);
    if (place) await addToTotals(ds.manager, publicationDeltas(place, { year: version.year, format: version.format, content: version }));
  }
  return { reportId: report.id, revisionId };
}

/** a generated report with some blanks and an amount with decimals */
export function sampleReport(agencyName: string, year: number, seed: number, previous?: ReportContent | null): ReportContent {
  const format = formatForYear(year).id;
  const report = generateReport({ format, year, agency: agencyName, seed, scale: 0.3 + (seed % 7), previous: previous ?? null });
  const amount = Object.keys(report.cells).find((k) => k.endsWith('.amount'));
  if (amount) report.cells[amount] = Number(((seed * 37.1234) % 500).toFixed(4));
  if (seed % 4 === 0) report.cells['t3.withheld.stateSecret.natural'] = null;
  if (seed % 5 === 0) report.cells['t4.reconsideration.upheld'] = null;
  return report;
}
