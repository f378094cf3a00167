/** Reading the audit trail (appending is audit.service's appendAudit, under the chain head's lock). */
import type { EntityManager } from 'typeorm';
import { fetchPage, type Page } from '../../common/list';
import { AuditEntry } from './audit-entry.entity';

export interface AuditEntryFilter {
  /** only this agency's entries (an agency user reads its own) */
  scopeAgencyId?: string | null;
  agencyId?: string | null;
  reportId?: string | null;
  actorId?: string | null;
  /** exactly this action */
  action?: string | null;
  /** actions starting with this (no LIKE wildcards: the caller refuses them) */
  actionPrefix?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export function pageAuditEntries(manager: EntityManager, filter: AuditEntryFilter, page: Page): Promise<{ items: AuditEntry[]; totalItems: number }> {
  const qb = manager.createQueryBuilder(AuditEntry, 'e');
  if (filter.scopeAgencyId) qb.andWhere('e.agencyId = :scope', { scope: filter.scopeAgencyId });
  if (filter.agencyId) qb.andWhere('e.agencyId = :agencyId', { agencyId: filter.agencyId });
  if (filter.reportId) qb.andWhere('e.reportId = :reportId', { reportId: filter.reportId });
  if (filter.actorId) qb.andWhere('e.actorId = :actorId', { actorId: filter.actorId });
  if (filter.actionPrefix != null) qb.andWhere('e.action LIKE :action', { action: `${filter.actionPrefix}%` });
  else if (filter.action != null) qb.andWhere('e.action = :action', { action: filter.action });
  if (filter.from) qb.andWhere('e.at >= :from', { from: filter.from });
  if (filter.to) qb.andWhere('e.at < :to', { to: filter.to });
  // entries are ordered by id in the page's direction too (newest first when sorting by time DESC)
  return fetchPage(qb, 'e', page, page.order);
}
