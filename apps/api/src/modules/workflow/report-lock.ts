import type { RequestContext } from '../../common/context';
import { notFound } from '../../common/errors';
import { lockForUpdate } from '../../db/dialect';
import { Report } from '../reports/report.entity';

/**
 * The report row under a lock until the transaction ends (FOR UPDATE on MySQL; SQLite transactions
 * are serialised): every workflow act decides on the state it then changes.
 */
export async function lockReport(tx: RequestContext, id: string): Promise<Report> {
  const report = await lockForUpdate(tx.manager.createQueryBuilder(Report, 'r').where('r.id = :id', { id })).getOne();
  if (!report) throw notFound('报告不存在');
  return report;
}
