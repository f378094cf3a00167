/** Storage of sub-unit contributions (填报任务). */
import type { EntityManager } from 'typeorm';
import { Contribution } from './contribution.entity';
import { applyScope, type ListScope } from '../../common/scope';

export function findContribution(manager: EntityManager, id: string): Promise<Contribution | null> {
  return manager.findOne(Contribution, { where: { id } });
}

/** one user's assignments on one report */
export function assignmentsOf(manager: EntityManager, reportId: string, assigneeId: string): Promise<Contribution[]> {
  return manager.find(Contribution, { where: { reportId, assigneeId } });
}

/** the contributions not yet delivered, of one agency or (null) of all */
export function undeliveredContributions(manager: EntityManager, scope: ListScope): Promise<Contribution[]> {
  const qb = manager.createQueryBuilder(Contribution, 'k').where('k.deliveredAt IS NULL');
  return applyScope(qb, 'k.agencyId', scope).getMany();
}

export async function insertContribution(manager: EntityManager, row: Contribution): Promise<void> {
  await manager.insert(Contribution, row);
}

export async function markDelivered(manager: EntityManager, id: string, at: Date): Promise<void> {
  await manager.update(Contribution, { id }, { deliveredAt: at });
}
