import {
  availableContributionActs,
  canContributorEdit,
  checkContributionAssign,
  checkContributionTransition,
  contributionChanges,
  contributionStatusOf,
  isContributionOverdue,
  type ContributionAct,
  type ContributionChange,
  contributionTargets,
  editableScope,
  type EditableScope,
  isValidTarget,
  overdueContributions,
  type ContributionTargetOption,
} from '@touming/domain/contributions';
import { isIsoDate } from '@touming/domain/deadlines';
import type { FormatId } from '@touming/domain/formats';
import { can, ROLE_LABELS } from '@touming/domain/permissions';
import { authorize, requireUser } from '../../common/authorize';
import { listScope } from '../../common/scope';
import { actorOf, type RequestContext } from '../../common/context';
import { badInput, conflict, notFound } from '../../common/errors';
import { newId } from '../../db/columns';
import { withTransaction } from '../../db/transaction';
import { appendAudit } from '../audit/audit.service';
import { Report as ReportRow, type Report } from '../reports/report.entity';
import { ReportService } from '../reports/report.service';
import type { ReportUpdateInput } from '../reports/report.types';
import { findUser } from '../users/user.repository';
import { forgetReport, workflowLoaders } from '../workflow/loaders';
import { lockReport } from '../workflow/report-lock';
import { refusal } from '../workflow/refusal';
import { Contribution } from './contribution.entity';
import {
  assignmentsOf,
  contributorsOf,
  editsBy,
  findContribution,
  insertContribution,
  markDelivered,
  markReviewed,
  openContributions,
} from './contribution.repository';
import type { User } from '../users/user.entity';
import { Injectable } from '../../common/injectable';

/** the few columns of a part's report its fields need (the part was read through a readable report) */
function reportRow(ctx: RequestContext, id: string): Promise<Pick<Report, 'id' | 'status' | 'format' | 'agencyId'> | null> {
  return ctx.manager.findOne(ReportRow, { where: { id }, select: { id: true, status: true, format: true, agencyId: true } });
}

export interface AssignInput {
  reportId: string;
  assigneeId: string;
  target: string;
  dueDate: string;
  note?: string | null;
}

/** 各股室、下属各单位提供信息: assignments, delivery, and the contributor's edit limits */
@Injectable()
export class ContributionService {
  constructor(private readonly reportService: ReportService) {}

  async assign(ctx: RequestContext, input: AssignInput): Promise<Contribution> {
    const report = await this.reportService.get(ctx, input.reportId);
    if (!report) throw notFound('报告不存在');
    const user = await authorize(ctx, 'contribution.assign', { agencyId: report.agencyId, reportId: report.id, targetType: 'Contribution' });
    if (!isValidTarget(report.format as FormatId, input.target)) {
      throw badInput(`填报范围无效：${input.target}（可以是 overview/problems/other 或单元格前缀，如 t3.new.）`, { field: 'target' });
    }
    if (!isIsoDate(input.dueDate)) throw badInput('完成期限格式应为 YYYY-MM-DD', { field: 'dueDate' });
    return withTransaction(ctx, async (tx) => {
      const locked = await lockReport(tx, report.id);
      const open = checkContributionAssign(locked.status);
      if (!open.ok) throw conflict(open.message);
      const assignee = await findUser(tx.manager, input.assigneeId);
      if (!assignee || !assignee.active) throw notFound('被分配的用户不存在或已停用');
      if (assignee.agencyId !== locked.agencyId || !assignee.roles.includes('AGENCY_CONTRIBUTOR')) {
        throw badInput(`只能分配给本单位具有“${ROLE_LABELS.AGENCY_CONTRIBUTOR}”角色的用户`, { field: 'assigneeId' });
      }
      const contribution = Object.assign(new Contribution(), {
        id: newId(),
        reportId: locked.id,
        agencyId: locked.agencyId,
        assigneeId: assignee.id,
        target: input.target,
        dueDate: input.dueDate,
        note: input.note?.trim() || null,
        assignedById: user.id,
        assignedAt: new Date(),
        deliveredAt: null,
        status: 'ASSIGNED',
        reviewComment: null,
        reviewedById: null,
        reviewedAt: null,
      });
      await insertContribution(tx.manager, contribution);
      await appendAudit(tx, {
        action: 'contribution.assign',
        targetType: 'Contribution',
        targetId: contribution.id,
        agencyId: locked.agencyId,
        reportId: locked.id,
        detail: { assigneeId: assignee.id, assigneeName: `${assignee.displayName}（${assignee.username}）`, target: input.target, dueDate: input.dueDate, note: contribution.note },
      });
      forgetReport(ctx, locked.id);
      return contribution;
    });
  }

  /**
   * The assignee delivers the part (again after a send-back). It may still correct a delivered part
   * until the preparer accepts it or submits the report.
   */
  async deliver(ctx: RequestContext, id: string): Promise<Contribution> {
    const user = requireUser(ctx);
    const found = await findContribution(ctx.manager, id);
    if (!found) throw notFound('填报任务不存在');
    await authorize(ctx, 'contribution.edit', { agencyId: found.agencyId, reportId: found.reportId, targetType: 'Contribution', targetId: id });
    if (found.assigneeId !== user.id) {
      return refusal(ctx, { code: 'FORBIDDEN', message: '只有被分配的承办人可以报送该任务' }, { attempted: 'contribution.deliver', agencyId: found.agencyId, reportId: found.reportId, targetType: 'Contribution', targetId: id });
    }
    return this.move(ctx, id, 'deliver', null, async (tx, row, at) => {
      await markDelivered(tx.manager, row.id, at);
      row.deliveredAt = at;
      const edits = await editsBy(tx.manager, row.reportId, row.assigneeId, row.assignedAt);
      const report = await this.reportService.get(tx, row.reportId);
      // what was delivered, on the trail: the keys the contributor changed within its part
      return { changed: report ? contributionChanges(report.format as FormatId, row.target, edits).map((c) => c.key) : [] };
    });
  }

  /** the preparer takes a delivered part into the report */
  async accept(ctx: RequestContext, id: string): Promise<Contribution> {
    const found = await findContribution(ctx.manager, id);
    if (!found) throw notFound('填报任务不存在');
    const user = await authorize(ctx, 'contribution.assign', { agencyId: found.agencyId, reportId: found.reportId, targetType: 'Contribution', targetId: id });
    return this.move(ctx, id, 'accept', null, async (tx, row, at) => {
      await markReviewed(tx.manager, row.id, { status: 'ACCEPTED', comment: null, reviewedById: user.id, reviewedAt: at });
      Object.assign(row, { reviewComment: null, reviewedById: user.id, reviewedAt: at });
      return {};
    });
  }

  /** the preparer sends a delivered (or accepted) part back with a comment; the contributor corrects it */
  async sendBack(ctx: RequestContext, id: string, comment: string): Promise<Contribution> {
    const found = await findContribution(ctx.manager, id);
    if (!found) throw notFound('填报任务不存在');
    const user = await authorize(ctx, 'contribution.assign', { agencyId: found.agencyId, reportId: found.reportId, targetType: 'Contribution', targetId: id });
    const text = comment.trim();
    return this.move(ctx, id, 'return', text, async (tx, row, at) => {
      await markReviewed(tx.manager, row.id, { status: 'RETURNED', comment: text, reviewedById: user.id, reviewedAt: at });
      Object.assign(row, { reviewComment: text, reviewedById: user.id, reviewedAt: at });
      return { comment: text };
    });
  }

  /**
   * One move of a part, decided by the domain on the state it changes: the report locked (a submit
   * cannot slip between the check and the write), the part read again, the change and its audit
   * entry (which writes the notification) in one transaction.
   */
  private async move(
    ctx: RequestContext,
    id: string,
    act: ContributionAct,
    comment: string | null,
    apply: (tx: RequestContext, row: Contribution, at: Date) => Promise<Record<string, unknown>>,
  ): Promise<Contribution> {
    return withTransaction(ctx, async (tx) => {
      const row = await findContribution(tx.manager, id);
      if (!row) throw notFound('填报任务不存在');
      const report = await lockReport(tx, row.reportId);
      const from = contributionStatusOf(row);
      const check = checkContributionTransition({ act, status: from, reportStatus: report.status, comment });
      if (!check.ok) return refusal(tx, check, { attempted: `contribution.${act}`, agencyId: row.agencyId, reportId: row.reportId, targetType: 'Contribution', targetId: id });
      const at = new Date();
      const extra = await apply(tx, row, at);
      row.status = check.to;
      const assignee = await findUser(tx.manager, row.assigneeId);
      await appendAudit(tx, {
        action: `contribution.${act}`,
        targetType: 'Contribution',
        targetId: id,
        agencyId: row.agencyId,
        reportId: row.reportId,
        detail: {
          assigneeId: row.assigneeId,
          assigneeName: assignee ? `${assignee.displayName}（${assignee.username}）` : null,
          target: row.target,
          dueDate: row.dueDate,
          from,
          to: check.to,
          ...extra,
        },
      });
      forgetReport(ctx, row.reportId);
      return row;
    });
  }

  /** the agency's active 股室/下属单位 users the preparer may assign parts of this report to */
  async assignees(ctx: RequestContext, reportId: string): Promise<User[]> {
    const report = await this.reportService.get(ctx, reportId);
    if (!report) throw notFound('报告不存在');
    await authorize(ctx, 'contribution.assign', { agencyId: report.agencyId, reportId: report.id, targetType: 'Contribution' });
    return contributorsOf(ctx.manager, report.agencyId);
  }

  /** what the assignee changed within its part (for the preparer to check before accepting) */
  async changes(ctx: RequestContext, c: Contribution): Promise<ContributionChange[]> {
    const report = await reportRow(ctx, c.reportId);
    if (!report) return [];
    const edits = await editsBy(ctx.manager, c.reportId, c.assigneeId, c.assignedAt);
    return contributionChanges(report.format as FormatId, c.target, edits);
  }

  /** the moves the signed-in user may make on this part now (the console shows these buttons) */
  async acts(ctx: RequestContext, c: Contribution): Promise<ContributionAct[]> {
    const actor = actorOf(ctx);
    if (!actor || !ctx.user) return [];
    const report = await reportRow(ctx, c.reportId);
    if (!report) return [];
    return availableContributionActs({
      status: contributionStatusOf(c),
      reportStatus: report.status,
      isAssignee: c.assigneeId === ctx.user.id && can(actor, 'contribution.edit', c.agencyId),
      mayAssign: can(actor, 'contribution.assign', c.agencyId),
    });
  }

  overdue(c: Contribution): boolean {
    return isContributionOverdue(c, new Date());
  }

  async list(ctx: RequestContext, reportId: string): Promise<Contribution[]> {
    const report = await this.reportService.get(ctx, reportId);
    if (!report) throw notFound('报告不存在');
    return workflowLoaders(ctx).contributions.load(report.id);
  }

  /** contributions past their due date, neither delivered nor accepted: the county office's all, an agency its own */
  async overdueList(ctx: RequestContext): Promise<{ contribution: Contribution; daysOverdue: number }[]> {
    await authorize(ctx, 'report.read', { targetType: 'Contribution' });
    const rows = await openContributions(ctx.manager, listScope(ctx));
    return overdueContributions(rows, new Date()).map((o) => ({ contribution: o.assignment, daysOverdue: o.daysOverdue }));
  }

  /** what the signed-in user may change in this report (the editor opens exactly these inputs) */
  async editable(ctx: RequestContext, report: Report): Promise<EditableScope> {
    const user = ctx.user;
    const assignments = user ? await workflowLoaders(ctx).contributions.load(report.id) : [];
    return editableScope({
      format: report.format as FormatId,
      status: report.status,
      reportAgencyId: report.agencyId,
      actor: user ? { id: user.id, roles: user.roles, agencyId: user.agencyId } : null,
      assignments,
    });
  }

  async targets(ctx: RequestContext, reportId: string): Promise<ContributionTargetOption[]> {
    const report = await this.reportService.get(ctx, reportId);
    if (!report) throw notFound('报告不存在');
    return contributionTargets(report.format as FormatId);
  }

  /**
   * The edit guard of the report update path: a contributor (without report.edit) may change only
   * the cells and sections assigned to them — FORBIDDEN naming the keys outside, with a denial entry.
   * Returns true when the edit is allowed as a contribution; false leaves the decision to report.edit.
   */
  async allowsContributorEdit(ctx: RequestContext, report: Report, input: ReportUpdateInput): Promise<boolean> {
    const actor = actorOf(ctx);
    if (!actor || can(actor, 'report.edit', report.agencyId) || !can(actor, 'contribution.edit', report.agencyId)) return false;
    const user = requireUser(ctx);
    const assignments = await assignmentsOf(ctx.manager, report.id, user.id);
    // nothing assigned on this report: an ordinary denial (report.edit)
    if (assignments.length === 0) return false;
    const check = canContributorEdit(assignments, user.id, {
      cellKeys: (input.cells ?? []).map((c) => c.key),
      sectionKeys: (input.sections ?? []).map((s) => s.key),
    });
    if (!check.ok) {
      return refusal(
        ctx,
        { code: 'FORBIDDEN', message: check.message ?? '超出分配的填报范围' },
        { attempted: 'report.edit', agencyId: report.agencyId, reportId: report.id },
      );
    }
    return true;
  }

}
