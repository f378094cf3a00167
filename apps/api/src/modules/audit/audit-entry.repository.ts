/** Reading the audit trail (appending is audit.service's appendAudit, under the chain head's lock). */
import { AUDIT_CATEGORIES, AUDIT_CATEGORY_ACTIONS, type AuditCategory } from '@touming/domain/audit';
import type { EntityManager } from 'typeorm';
import { fetchPage, type Page } from '../../common/list';
import { AuditEntry } from './audit-entry.entity';
import { applyScope, type ListScope } from '../../common/scope';

export interface AuditEntryFilter {
  /** only this agency's entries (an agency user reads its own) */
  /** what the caller may see (../../common/scope) */
  scope?: ListScope;
  agencyId?: string | null;
  reportId?: string | null;
  actorId?: string | null;
  /** exactly this action */
  action?: string | null;
  /** actions starting with this (no LIKE wildcards: the caller refuses them) */
  actionPrefix?: string | null;
  /** any of these actions */
  actions?: readonly string[] | null;
  /** actions of any of these groups (@touming/domain/audit) */
  categories?: readonly AuditCategory[] | null;
  /** no action of these groups ("everything but the logins") */
  excludeCategories?: readonly AuditCategory[] | null;
  from?: Date | null;
  to?: Date | null;
}

export function pageAuditEntries(manager: EntityManager, filter: AuditEntryFilter, page: Page): Promise<{ items: AuditEntry[]; totalItems: number }> {
  const qb = manager.createQueryBuilder(AuditEntry, 'e');
  applyScope(qb, 'e.agencyId', filter.scope);
  if (filter.agencyId) qb.andWhere('e.agencyId = :agencyId', { agencyId: filter.agencyId });
  if (filter.reportId) qb.andWhere('e.reportId = :reportId', { reportId: filter.reportId });
  if (filter.actorId) qb.andWhere('e.actorId = :actorId', { actorId: filter.actorId });
  if (filter.actionPrefix != null) qb.andWhere('e.action LIKE :action', { action: `${filter.actionPrefix}%` });
  else if (filter.action != null) qb.andWhere('e.action = :action', { action: filter.action });
  if (filter.actions?.length) qb.andWhere('e.action IN (:...actions)', { actions: filter.actions });
  if (filter.categories?.length) {
    const { sql, params } = categoryCondition(filter.categories, 'inCategory');
    qb.andWhere(sql, params);
  }
  if (filter.excludeCategories?.length) {
    const { sql, params } = categoryCondition(filter.excludeCategories, 'outCategory');
    qb.andWhere(`NOT ${sql}`, params);
  }
  if (filter.from) qb.andWhere('e.at >= :from', { from: filter.from });
  if (filter.to) qb.andWhere('e.at < :to', { to: filter.to });
  // entries are ordered by id in the page's direction too (newest first when sorting by time DESC)
  return fetchPage(qb, 'e', page, page.order);
}

/**
 * SQL for "the action is in one of these groups", from the domain's AUDIT_CATEGORY_ACTIONS: exact
 * actions (IN) and prefixes (LIKE 'x.%'), each a range of the (action, id) index. SYSTEM also holds
 * the actions of no other group, as auditCategoryOf says. `tag` keeps the parameter names apart.
 */
export function categoryCondition(categories: readonly AuditCategory[], tag: string): { sql: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  let n = 0;
  const explicit = (category: AuditCategory): string => {
    const { actions = [], prefixes = [] } = AUDIT_CATEGORY_ACTIONS[category];
    const parts: string[] = [];
    if (actions.length) {
      const name = `${tag}${n++}`;
      params[name] = actions;
      parts.push(`e.action IN (:...${name})`);
    }
    for (const prefix of prefixes) {
      const name = `${tag}${n++}`;
      params[name] = `${prefix}%`;
      parts.push(`e.action LIKE :${name}`);
    }
    return parts.join(' OR ');
  };
  const parts = [...new Set(categories)].map((category) => {
    if (category !== 'SYSTEM') return `(${explicit(category)})`;
    const others = AUDIT_CATEGORIES.filter((c) => c !== 'SYSTEM').map(explicit).join(' OR ');
    return `(${explicit('SYSTEM')} OR NOT (${others}))`;
  });
  return { sql: `(${parts.join(' OR ')})`, params };
}
