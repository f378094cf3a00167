import {
  canContributorEdit,
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
import { isContentEditable } from '@touming/domain/workflow';
import { authorize, requireUser } from '../../common/authorize';
import { listScope } from '../../common/scope';
import { actorOf, type RequestContext } from '../../common/context';
import { badInput, conflict, notFound } from '../../common/errors';
import { newId } from '../../db/columns';
import { withTransaction } from '../../db/transaction';
import { appendAudit } from '../audit/audit.service';
import type { Report } from '../reports/report.entity';
import { ReportService } from '../reports/report.service';
import type { ReportUpdateInput } from '../reports/report.types';
import { findUser } from '../users/user.repository';
import { forgetReport, workflowLoaders } from '../workflow/loaders';
import { lockReport } from '../workflow/report-lock';
import { refusal } from '../workflow/refusal';
import { Contribution } from './contribution.entity';
import { assignmentsOf, findContribution, insertContribution, markDelivered, undeliveredContributions } from './contribution.repository';
import { Injectable } from '../../common/injectable';

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
      if (!isContentEditable(locked.status)) throw conflict('已公开的报告不能再分配填报任务');
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

  /** the assignee marks the part delivered (it may still correct it until submission) */
  async deliver(ctx: RequestContext, id: string): Promise<Contribution> {
    const user = requireUser(ctx);
    const found = await findContribution(ctx.manager, id);
    if (!found) throw notFound('填报任务不存在');
    await authorize(ctx, 'contribution.edit', { agencyId: found.agencyId, reportId: found.reportId, targetType: 'Contribution', targetId: id });
    if (found.assigneeId !== user.id) {
      return refusal(ctx, { code: 'FORBIDDEN', message: '只有被分配的填报人可以报送该任务' }, { attempted: 'contribution.deliver', agencyId: found.agencyId, reportId: found.reportId, targetType: 'Contribution', targetId: id });
    }
    return withTransaction(ctx, async (tx) => {
      const row = await findContribution(tx.manager, id);
      if (!row) throw notFound('填报任务不存在');
      if (row.deliveredAt) throw conflict('该填报任务已报送');
      row.deliveredAt = new Date();
      await markDelivered(tx.manager, id, row.deliveredAt);
      await appendAudit(tx, {
        action: 'contribution.deliver',
        targetType: 'Contribution',
        targetId: id,
        agencyId: row.agencyId,
        reportId: row.reportId,
        detail: { target: row.target, dueDate: row.dueDate },
      });
      forgetReport(ctx, row.reportId);
      return row;
    });
  }

  async list(ctx: RequestContext, reportId: string): Promise<Contribution[]> {
    const report = await this.reportService.get(ctx, reportId);
    if (!report) throw notFound('报告不存在');
    return workflowLoaders(ctx).contributions.load(report.id);
  }

  /** undelivered contributions past their due date: the county office's all, an agency its own */
  async overdue(ctx: RequestContext): Promise<{ contribution: Contribution; daysOverdue: number }[]> {
    await authorize(ctx, 'report.read', { targetType: 'Contribution' });
    const rows = await undeliveredContributions(ctx.manager, listScope(ctx));
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
