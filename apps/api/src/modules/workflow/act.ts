/**
 * One workflow act on one report, always the same way: lock the report row (with its cycle, its
 * agency's name and, when asked, its revisions' numbers: ./report-lock.ts) → check read access on
 * it → load the workflow state the act decides on → the domain's check (a refusal becomes the
 * GraphQL error; FORBIDDEN also leaves an 'access.denied' entry, written after the rollback) → the
 * act's writes → the new status → the audit entries, all in one transaction → the request's loaders
 * forget the report. Signing and publication are acts (./signing.service.ts, ./publication.service.ts).
 */
import type { ReportStatus, WorkflowActor, WorkflowCheck } from '@touming/domain/workflow';
import { authorize, requireUser } from '../../common/authorize';
import { actorOf, type RequestContext } from '../../common/context';
import { withTransaction } from '../../db/transaction';
import { appendAudit, type AuditRecord } from '../audit/audit.service';
import type { Report } from '../reports/report.entity';
import { updateReportStatus } from '../reports/report.repository';
import { knowReportFacts } from '../notifications/notify';
import { forgetReport } from './loaders';
import { refusal } from './refusal';
import { lockReportForAct } from './report-lock';
import { loadWorkflowState, type StatePart, type WorkflowState } from './workflow.state';

/** what an act decides on and writes with */
export interface Act {
  /** the request inside the act's transaction */
  tx: RequestContext;
  /** the report row, locked until the transaction ends; its status is updated in place */
  report: Report;
  /** the status when the act began */
  from: ReportStatus;
  /** the parts of the workflow state the act asked for (the others are empty) */
  state: WorkflowState;
  actor: WorkflowActor;
  at: Date;
  /** the registered name of the report's agency, read with the lock (null: no such agency) */
  agencyName: string | null;
}

export interface ActSpec<T> {
  /** the action a denial's audit entry names, e.g. 'report.return' */
  attempted: string;
  /** the parts of the workflow state the act decides on (./workflow.state.ts: what each costs) */
  state: readonly StatePart[];
  /** work on the locked report before the state is read (publication rescans the texts) */
  prepare?: (tx: RequestContext, report: Report) => Promise<void>;
  /** the domain's check of the act; its nextStatus becomes the report's status after the writes */
  check: (act: Act) => WorkflowCheck | Promise<WorkflowCheck>;
  /** an entry that stays on the trail when the check refuses other than FORBIDDEN (which is audited anyway) */
  refused?: (act: Act, check: Extract<WorkflowCheck, { ok: false }>) => AuditRecord | null;
  /** the act's own writes: its result and its audit records (the act's entry first) */
  write: (act: Act, nextStatus: ReportStatus) => Promise<{ result: T; audit: AuditRecord[] }>;
}

/** the signed-in user as the domain's workflow actor */
export function workflowActor(ctx: RequestContext): WorkflowActor {
  const user = requireUser(ctx);
  return { ...actorOf(ctx)!, id: user.id };
}

/** how the trail and the records name the signed-in user */
export function actorName(ctx: RequestContext): string {
  const user = requireUser(ctx);
  return `${user.displayName}（${user.username}）`;
}

export async function runAct<T>(ctx: RequestContext, id: string, spec: ActSpec<T>): Promise<T> {
  const result = await withTransaction(ctx, async (tx) => {
    const locked = await lockReportForAct(tx, id, { revisions: spec.state.includes('revisions') });
    const { report } = locked;
    await authorize(tx, 'report.read', { agencyId: report.agencyId, reportId: id, targetType: 'Report', targetId: id });
    // the 消息 of the act's audit records name the agency and the next stage from these
    knowReportFacts(tx, id, { report, agencyName: locked.agencyName, requiresPreReview: locked.cycle?.requiresPreReview ?? false });
    await spec.prepare?.(tx, report);
    const state = await loadWorkflowState(tx.manager, locked, spec.state);
    const act: Act = { tx, report, from: report.status, state, actor: workflowActor(tx), at: new Date(), agencyName: locked.agencyName };
    const check = await spec.check(act);
    if (!check.ok) return refusal(tx, check, { attempted: spec.attempted, agencyId: report.agencyId, reportId: id }, spec.refused?.(act, check) ?? undefined);
    const { result, audit } = await spec.write(act, check.nextStatus);
    if (check.nextStatus !== act.from) await updateReportStatus(tx.manager, report, check.nextStatus, act.at);
    await appendAudit(tx, audit);
    return result;
  });
  forgetReport(ctx, id);
  return result;
}
