/** Storage of sub-unit contributions (填报任务). */
import type { EntityManager } from 'typeorm';
import { Contribution } from './contribution.entity';
import { applyScope, type ListScope } from '../../common/scope';
import type { RecordedEdit } from '@touming/domain/contributions';
import { AuditEntry } from '../audit/audit-entry.entity';
import { Report } from '../reports/report.entity';
import { User } from '../users/user.entity';
import { dialectOf, listContains } from '../../db/dialect';

export function findContribution(manager: EntityManager, id: string): Promise<Contribution | null> {
  return manager.findOne(Contribution, { where: { id } });
}

/** one user's assignments on one report */
export function assignmentsOf(manager: EntityManager, reportId: string, assigneeId: string): Promise<Contribution[]> {
  return manager.find(Contribution, { where: { reportId, assigneeId } });
}

/**
 * the contributions still waiting for their contributor (assigned or sent back) on draft reports, of
 * one agency or (null) of all: after submission a part can no longer be delivered, so it is not late
 */
export function openContributions(manager: EntityManager, scope: ListScope): Promise<Contribution[]> {
  const qb = manager
    .createQueryBuilder(Contribution, 'k')
    .innerJoin(Report, 'r', 'r.id = k.reportId')
    .where('k.status IN (:...open)', { open: ['ASSIGNED', 'RETURNED'] })
    .andWhere('r.status = :draft', { draft: 'DRAFT' });
  return applyScope(qb, 'k.agencyId', scope).getMany();
}

/** a contributor's saved edits of one report since a moment, oldest first (what it delivered) */
export async function editsBy(manager: EntityManager, reportId: string, actorId: string, since: Date): Promise<RecordedEdit[]> {
  const rows = await manager
    .createQueryBuilder(AuditEntry, 'e')
    .select(['e.id', 'e.at', 'e.detail'])
    .where('e.reportId = :reportId', { reportId })
    .andWhere('e.actorId = :actorId', { actorId })
    .andWhere('e.action = :action', { action: 'report.update' })
    .orderBy('e.id', 'ASC')
    .getMany();
  // a contributor edits a report only through its assignments: few rows, the time compared here
  return rows.filter((r) => new Date(r.at).getTime() >= since.getTime()).map((r) => (r.detail ?? {}) as RecordedEdit);
}

export async function insertContribution(manager: EntityManager, row: Contribution): Promise<void> {
  await manager.insert(Contribution, row);
}

export async function markDelivered(manager: EntityManager, id: string, at: Date): Promise<void> {
  await manager.update(Contribution, { id }, { deliveredAt: at, status: 'DELIVERED' });
}

/** the preparer's review: accepted, or sent back with a comment */
export async function markReviewed(
  manager: EntityManager,
  id: string,
  review: { status: 'ACCEPTED' | 'RETURNED'; comment: string | null; reviewedById: string; reviewedAt: Date },
): Promise<void> {
  await manager.update(Contribution, { id }, { status: review.status, reviewComment: review.comment, reviewedById: review.reviewedById, reviewedAt: review.reviewedAt });
}

/** the active users of an agency holding the 股室/下属单位填报 role, by name */
export function contributorsOf(manager: EntityManager, agencyId: string): Promise<User[]> {
  return manager
    .createQueryBuilder(User, 'u')
    .where('u.agencyId = :agencyId', { agencyId })
    .andWhere('u.active = :active', { active: true })
    .andWhere(listContains(dialectOf(manager), 'u.roles', 'role'), { role: 'AGENCY_CONTRIBUTOR' })
    .orderBy('u.displayName', 'ASC')
    .getMany();
}
