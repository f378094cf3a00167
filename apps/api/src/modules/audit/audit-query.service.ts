import { authorize } from '../../common/authorize';
import { listScope } from '../../common/scope';
import type { RequestContext } from '../../common/context';
import { badInput } from '../../common/errors';
import { pageOf, type ListOptions } from '../../common/list';
import { pageAuditEntries } from './audit-entry.repository';
import { verifyAuditChain, type AuditChainVerification } from './audit.service';
import type { AuditFilter } from './audit.types';

const SORTABLE = ['id', 'at'] as const;
const MAX_ACTIONS = 50;

/** an action as stored is at most 64 characters of [a-zA-Z.]: anything else cannot match */
function checkedAction(action: string): string {
  if (!/^[A-Za-z][A-Za-z.]{0,63}$/.test(action)) throw badInput(`动作“${action.slice(0, 64)}”格式不正确（例如 report.update）`, { field: 'action' });
  return action;
}

/** reading the trail: the county office reads all of it, agency users their own agency's */
export class AuditQueryService {
  async list(ctx: RequestContext, filter: AuditFilter | null | undefined, options: ListOptions | null | undefined) {
    await authorize(ctx, 'audit.read', { agencyId: filter?.agencyId ?? undefined, targetType: 'AuditEntry' });
    const page = pageOf(options, SORTABLE, 'id');
    const scope = listScope(ctx);
    let action: string | null = null;
    let actionPrefix: string | null = null;
    if (filter?.action) {
      action = filter.action.trim();
      if (action.endsWith('*')) {
        actionPrefix = action.slice(0, -1);
        if (/[%_\\]/.test(actionPrefix)) throw badInput('动作前缀不能包含 % _ \\', { field: 'action' });
      }
    }
    if ((filter?.actions?.length ?? 0) > MAX_ACTIONS) throw badInput(`一次最多筛选 ${MAX_ACTIONS} 个动作`, { field: 'actions' });
    return pageAuditEntries(
      ctx.manager,
      {
        scope,
        agencyId: filter?.agencyId,
        reportId: filter?.reportId,
        actorId: filter?.actorId,
        action,
        actionPrefix,
        actions: filter?.actions?.map(checkedAction),
        categories: filter?.categories,
        excludeCategories: filter?.excludeCategories,
        from: filter?.from,
        to: filter?.to,
      },
      page,
    );
  }

  /** county office only: walk the whole chain */
  async verify(ctx: RequestContext): Promise<AuditChainVerification> {
    await authorize(ctx, 'audit.readAll', { targetType: 'AuditChain' });
    return verifyAuditChain(ctx.dataSource);
  }
}
