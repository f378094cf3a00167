import type { RequestContext } from '../../common/context';
import { notFound } from '../../common/errors';
import { dialectOf, lockForUpdate } from '../../db/dialect';
import { hydrate, selectColumns } from '../../db/raw-rows';
import { ReportingCycle } from '../cycles/cycle.entity';
import { Report } from '../reports/report.entity';
import type { ReportRevision } from '../revisions/report-revision.entity';

/**
 * The report row under a lock until the transaction ends (FOR UPDATE on MySQL; SQLite transactions
 * are serialised): every workflow act decides on the state it then changes.
 */
export async function lockReport(tx: RequestContext, id: string): Promise<Report> {
  const report = await lockForUpdate(tx.manager.createQueryBuilder(Report, 'r').where('r.id = :id', { id })).getOne();
  if (!report) throw notFound('报告不存在');
  return report;
}

/** a published revision as the workflow decides on it (isCorrection, workingRevisionNo) */
export type RevisionRef = Pick<ReportRevision, 'revisionNo'>;

/** the locked report with the facts of it an act reads anyway, from the same statement */
export interface LockedReport {
  report: Report;
  /** the cycle of the report's year (null: there is none) */
  cycle: Pick<ReportingCycle, 'requiresPreReview' | 'deadline'> | null;
  /** the numbers of its published revisions; empty unless asked for */
  revisions: RevisionRef[];
  /** the registered name of the report's agency (the 消息 and the submission's name check); null: none */
  agencyName: string | null;
}

/**
 * lockReport for a workflow act, with the year's cycle, the agency's registered name and (when
 * asked) the published revisions' numbers in the same statement — three reads fewer per act. They
 * are scalar subqueries on purpose: a locking read locks the rows of every table it joins (a joined
 * cycle row would serialise every act of the year), not those of its nested subqueries (checked on
 * MariaDB 10.11; MySQL documents it).
 */
export async function lockReportForAct(tx: RequestContext, id: string, opts: { revisions: boolean }): Promise<LockedReport> {
  const m = tx.manager;
  const cycle = (column: string) => `(SELECT c.\`${column}\` FROM reporting_cycle c WHERE c.year = r.year) AS \`c_${column}\``;
  const rows: Record<string, unknown>[] = await m.query(
    `SELECT ${selectColumns(m, Report, 'r')}, ${cycle('id')}, ${cycle('requiresPreReview')}, ${cycle('deadline')}, ` +
      '(SELECT a.name FROM agency a WHERE a.id = r.agencyId) AS agencyName' +
      (opts.revisions ? ', (SELECT GROUP_CONCAT(v.revisionNo) FROM report_revision v WHERE v.reportId = r.id) AS revisionNos' : '') +
      ` FROM report r WHERE r.id = ?${dialectOf(m) === 'mysql' ? ' FOR UPDATE' : ''}`,
    [id],
  );
  const raw = rows[0];
  if (!raw) throw notFound('报告不存在');
  // a comma-separated list (GROUP_CONCAT: both dialects; a report has a handful of revisions, far
  // below MySQL's group_concat_max_len)
  const revisionNos = raw.revisionNos == null ? '' : String(raw.revisionNos);
  return {
    report: hydrate(m, Report, raw, 'r'),
    // only the columns read: the act decides on these two
    cycle: raw.c_id == null ? null : hydrate(m, ReportingCycle, raw, 'c'),
    revisions: revisionNos ? revisionNos.split(',').map((n) => ({ revisionNo: Number(n) })) : [],
    agencyName: (raw.agencyName as string | null | undefined) ?? null,
  };
}
