/**
 * The dashboard's one query: every active agency of the given kinds ⟕ its report of the year ⟕ its
 * first publication ⟕ its open findings ⟕ the standing review of the current content (at most one:
 * unique on reportId + contentHash). Raw rows, in agency code order; the progress service reads them.
 */
import type { EntityManager } from 'typeorm';
import { Agency } from '../agencies/agency.entity';
import { ConfidentialityReview } from '../confidentiality/confidentiality-review.entity';
import { Finding } from '../confidentiality/finding.entity';
import { Report } from '../reports/report.entity';
import { ReportRevision } from '../revisions/report-revision.entity';
import { applyScope, type ListScope } from '../../common/scope';

export function progressRows(manager: EntityManager, year: number, kinds: readonly string[], scope?: ListScope): Promise<Record<string, unknown>[]> {
  const qb = manager
    .createQueryBuilder(Agency, 'a')
    .leftJoin(Report, 'r', 'r.agencyId = a.id AND r.year = :year', { year })
    .leftJoin(
      (qb) => qb.select('rv.reportId', 'pubReportId').addSelect('MIN(rv.publishedAt)', 'firstPublishedAt').from(ReportRevision, 'rv').groupBy('rv.reportId'),
      'pub',
      'pub.pubReportId = r.id',
    )
    .leftJoin(
      (qb) =>
        qb.select('f.reportId', 'findingReportId').addSelect('COUNT(*)', 'openFindings').from(Finding, 'f').where('f.status = :open', { open: 'OPEN' }).groupBy('f.reportId'),
      'fo',
      'fo.findingReportId = r.id',
    )
    .leftJoin(ConfidentialityReview, 'cr', 'cr.reportId = r.id AND cr.contentHash = r.contentHash AND cr.voidedAt IS NULL')
    .select([
      'a.id AS agencyId',
      'a.name AS agencyName',
      'a.kind AS agencyKind',
      'r.id AS reportId',
      'r.status AS status',
      'r.contentHash AS contentHash',
      'r.errorCount AS errorCount',
      'r.warningCount AS warningCount',
      'pub.firstPublishedAt AS firstPublishedAt',
      'fo.openFindings AS openFindings',
      'cr.id AS reviewId',
      'cr.contentHash AS reviewHash',
      'cr.checks AS reviewChecks',
      'cr.conclusion AS reviewConclusion',
      'cr.bases AS reviewBases',
      'cr.disclosure AS reviewDisclosure',
      'cr.reviewerId AS reviewerId',
      'cr.reviewedAt AS reviewedAt',
    ])
    .where('a.active = :active', { active: true })
    .andWhere('a.kind IN (:...kinds)', { kinds });
  return applyScope(qb, 'a.id', scope).orderBy('a.code', 'ASC').getRawMany<Record<string, unknown>>();
}
