import type { Blocker, WorkflowErrorCode } from '@touming/domain/workflow';
import type { GraphQLError } from 'graphql';
import type { RequestContext } from '../../common/context';
import { appError } from '../../common/errors';
import type { AfterRollback } from '../../db/transaction';
import { recordDenial, recordOutside, type AuditRecord } from '../audit/audit.service';

export interface RefusalTarget {
  attempted: string;
  agencyId: string;
  reportId: string;
  targetType?: string;
  targetId?: string | null;
}

/**
 * Turn a refusal of a domain check into the GraphQL error it stands for. A FORBIDDEN refusal is a
 * denied access and leaves its 'access.denied' entry — after the rollback when inside a transaction,
 * so the entry survives the failed act.
 */
export async function refusal(
  ctx: RequestContext,
  check: { code: WorkflowErrorCode | 'FORBIDDEN' | 'CONFLICT' | 'BAD_USER_INPUT'; message: string; blockers?: Blocker[]; field?: string },
  target: RefusalTarget,
  /** an entry to keep for a refusal other than FORBIDDEN (e.g. a signature refused as CONFLICT) */
  record?: AuditRecord,
): Promise<never> {
  const extensions = { ...(check.blockers ? { blockers: check.blockers } : {}), ...(check.field ? { field: check.field } : {}) };
  const error = appError(check.code, check.message, extensions) as GraphQLError & AfterRollback;
  if (check.code === 'FORBIDDEN') {
    const { attempted, ...rest } = target;
    const denial = () =>
      recordDenial(ctx, {
        attempted,
        agencyId: rest.agencyId,
        reportId: rest.reportId,
        targetType: rest.targetType ?? 'Report',
        targetId: rest.targetId ?? rest.reportId,
      });
    if (ctx.inTransaction) error.afterRollback = denial;
    else await denial();
  } else if (record) {
    const keep = () => recordOutside(ctx, record);
    if (ctx.inTransaction) error.afterRollback = keep;
    else await keep();
  }
  throw error;
}
