/** Storage of 责任追究 cases. */
import type { CaseKind, CaseStatus } from '@touming/domain/accountability';
import { In, type EntityManager } from 'typeorm';
import { fetchPage, type Page } from '../../common/list';
import { AuditEntry } from '../audit/audit-entry.entity';
import { AccountabilityCase } from './accountability-case.entity';
import { applyScope, type ListScope } from '../../common/scope';

export function findCase(manager: EntityManager, id: string): Promise<AccountabilityCase | null> {
  return manager.findOne(AccountabilityCase, { where: { id } });
}

/** the cases of a year of one kind (e.g. every OVERDUE case, to not propose one twice) */
export function casesOf(manager: EntityManager, year: number, kind: CaseKind): Promise<AccountabilityCase[]> {
  return manager.find(AccountabilityCase, { where: { year, kind } });
}

export interface CaseListFilter {
  /** what the caller may see (../../common/scope) */
  scope?: ListScope;
  /** only the cases of agencies in this region's subtree (a region the office supervises, checked by the service) */
  regionPath?: string | null;
  agencyId?: string | null;
  year?: number | null;
  status?: CaseStatus | null;
  kind?: CaseKind | null;
}

export function pageCases(manager: EntityManager, filter: CaseListFilter, page: Page): Promise<{ items: AccountabilityCase[]; totalItems: number }> {
  const qb = manager.createQueryBuilder(AccountabilityCase, 'c');
  applyScope(qb, 'c.agencyId', filter.scope);
  if (filter.regionPath) applyScope(qb, 'c.agencyId', { regionPath: filter.regionPath });
  if (filter.agencyId) qb.andWhere('c.agencyId = :agencyId', { agencyId: filter.agencyId });
  if (filter.year != null) qb.andWhere('c.year = :year', { year: filter.year });
  if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
  if (filter.kind) qb.andWhere('c.kind = :kind', { kind: filter.kind });
  return fetchPage(qb, 'c', page);
}

export async function insertCase(manager: EntityManager, row: AccountabilityCase): Promise<void> {
  await manager.insert(AccountabilityCase, row);
}

export async function updateCase(
  manager: EntityManager,
  id: string,
  patch: Pick<AccountabilityCase, 'status' | 'closedAt' | 'description' | 'auditEntryIds' | 'outcome' | 'updatedAt'>,
): Promise<void> {
  await manager.update(AccountabilityCase, { id }, patch);
}

/** how many of these audit entries exist (a case may only cite real ones) */
export function countAuditEntries(manager: EntityManager, ids: readonly number[]): Promise<number> {
  return manager.count(AuditEntry, { where: { id: In([...ids]) } });
}
