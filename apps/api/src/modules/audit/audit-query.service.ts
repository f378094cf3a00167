import { agencyScope, authorize } from '../../common/authorize';
import type { RequestContext } from '../../common/context';
import { badInput } from '../../common/errors';
import { pageOf, type ListOptions } from '../../common/list';
import { AuditEntry } from './audit-entry.entity';
import { verifyAuditChain, type AuditChainVerification } from './audit.service';
import type { AuditFilter } from './audit.types';

const SORTABLE = ['id', 'at'] as const;

/** reading the trail: the county office reads all of it, agency users their own agency's */
export class AuditQueryService {
  async list(ctx: RequestContext, filter: AuditFilter | null | undefined, options: ListOptions | null | undefined) {
    await authorize(ctx, 'audit.read', { agencyId: filter?.agencyId ?? undefined, targetType: 'AuditEntry' });
    const page = pageOf(options, SORTABLE, 'id');
    const qb = ctx.manager.createQueryBuilder(AuditEntry, 'e');
    const scope = agencyScope(ctx);
    if (scope) qb.andWhere('e.agencyId = :scope', { scope });
    if (filter?.agencyId) qb.andWhere('e.agencyId = :agencyId', { agencyId: filter.agencyId });
    if (filter?.reportId) qb.andWhere('e.reportId = :reportId', { reportId: filter.reportId });
    if (filter?.actorId) qb.andWhere('e.actorId = :actorId', { actorId: filter.actorId });
    if (filter?.action) {
      const action = filter.action.trim();
      if (action.endsWith('*')) {
        const prefix = action.slice(0, -1);
        if (/[%_\\]/.test(prefix)) throw badInput('动作前缀不能包含 % _ \\', { field: 'action' });
        qb.andWhere('e.action LIKE :action', { action: `${prefix}%` });
      } else {
        qb.andWhere('e.action = :action', { action });
      }
    }
    if (filter?.from) qb.andWhere('e.at >= :from', { from: filter.from });
    if (filter?.to) qb.andWhere('e.at < :to', { to: filter.to });
    const [items, totalItems] = await qb
      .orderBy(`e.${page.sort}`, page.order)
      .addOrderBy('e.id', page.order)
      .skip(page.skip)
      .take(page.take)
      .getManyAndCount();
    return { items, totalItems };
  }

  /** county office only: walk the whole chain */
  async verify(ctx: RequestContext): Promise<AuditChainVerification> {
    await authorize(ctx, 'audit.readAll', { targetType: 'AuditChain' });
    return verifyAuditChain(ctx.dataSource);
  }
}
