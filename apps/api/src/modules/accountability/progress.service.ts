import { reviewBlockers, type ConfidentialityReview as DomainReview } from '@touming/domain/confidentiality';
import { isCountyGovernment, REPORTING_AGENCY_KINDS } from '@touming/domain/agencies';
import { deadlineStatus, reportDeadline } from '@touming/domain/deadlines';
import type { ReportStatus } from '@touming/domain/workflow';
import { authorize } from '../../common/authorize';
import type { RequestContext } from '../../common/context';
import { notFound } from '../../common/errors';
import { findCycleOfYear } from '../cycles/cycle.repository';
import { listScope } from '../../common/scope';
import { progressRows } from './progress.repository';
import { supervisedRegion } from '../regions/supervised-region';

/** one agency's standing in a cycle, for the county dashboard */
export interface AgencyProgress {
  agencyId: string;
  agencyName: string;
  agencyKind: string;
  reportId: string | null;
  status: ReportStatus | null;
  errorCount: number;
  warningCount: number;
  openFindings: number;
  confidentialityCleared: boolean;
  firstPublishedAt: Date | null;
  deadline: string;
  overdue: boolean;
  daysOverdue: number;
  daysLeft: number | null;
}

/** MIN(datetime) comes back as a Date from mysql2 and as UTC text from SQLite */
function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

/** the joined review columns as the domain's review (simple-json columns come back as text in raw rows) */
function standingReview(row: Record<string, unknown>): DomainReview {
  const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
  return {
    contentHash: String(row.reviewHash),
    checks: json(row.reviewChecks) ?? {},
    conclusion: (row.reviewConclusion as DomainReview['conclusion']) ?? null,
    bases: json(row.reviewBases) ?? [],
    disclosure: (row.reviewDisclosure as DomainReview['disclosure']) ?? null,
    reviewerId: String(row.reviewerId),
    reviewedAt: toDate(row.reviewedAt)!.toISOString(),
  };
}

export class ProgressService {
  /**
   * Every agency that must report in the cycle, with its report's status, deadline standing, error
   * count and review clearance — two queries whatever the number of agencies: the cycle, then the
   * joined rows of ./progress.repository.
   */
  async cycleProgress(ctx: RequestContext, year: number, regionId?: string | null): Promise<AgencyProgress[]> {
    await authorize(ctx, 'county.summary', { targetType: 'Cycle' });
    return this.load(ctx, year, regionId);
  }

  /** the progress of the caller's scope, or of a region inside the office's subtree (regionId) */
  async load(ctx: RequestContext, year: number, regionId?: string | null): Promise<AgencyProgress[]> {
    const cycle = await findCycleOfYear(ctx.manager, year);
    if (!cycle) throw notFound(`${year}年度的报告周期不存在`);
    // the office's own subtree, or the part of it asked for (an office without a region: every agency)
    const region = regionId ? await supervisedRegion(ctx, regionId, 'county.summary') : null;
    const scope = region?.path ? { regionPath: region.path } : ctx.user ? listScope(ctx) : null;
    const rows = await progressRows(ctx.manager, year, REPORTING_AGENCY_KINDS, scope);
    const today = new Date();
    return rows.map((row) => {
      const kind = String(row.agencyKind);
      const deadline = reportDeadline(year, cycle.deadline, isCountyGovernment(kind));
      const firstPublishedAt = toDate(row.firstPublishedAt);
      const status = deadlineStatus({ deadline, publishedAt: firstPublishedAt, today });
      const reportId = (row.reportId as string | null) ?? null;
      const openFindings = Number(row.openFindings ?? 0);
      const hash = String(row.contentHash ?? '');
      const review = row.reviewId ? standingReview(row) : null;
      const findings = Array.from({ length: openFindings }, () => ({ status: 'OPEN' as const }));
      return {
        agencyId: String(row.agencyId),
        agencyName: String(row.agencyName),
        agencyKind: kind,
        reportId,
        status: (row.status as ReportStatus | null) ?? null,
        errorCount: Number(row.errorCount ?? 0),
        warningCount: Number(row.warningCount ?? 0),
        openFindings,
        confidentialityCleared: !!reportId && reviewBlockers(review, hash, findings).length === 0,
        firstPublishedAt,
        deadline,
        overdue: status.overdue,
        daysOverdue: status.daysOverdue,
        daysLeft: status.daysLeft,
      };
    });
  }
}
