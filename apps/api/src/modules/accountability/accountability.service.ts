import {
  checkCaseTransition,
  checkOpenCase,
  checkRespondToCase,
  isCaseKind,
  isCaseStatus,
  proposeOverdueCases,
  type CaseKind,
  type CaseStatus,
  type OverdueCaseProposal,
} from '@touming/domain/accountability';
import { authorize, requireUser } from '../../common/authorize';
import { listScope } from '../../common/scope';
import { actorOf, type RequestContext } from '../../common/context';
import { appError, badInput, notFound } from '../../common/errors';
import { pageOf, type ListOptions } from '../../common/list';
import { newId } from '../../db/columns';
import { withTransaction } from '../../db/transaction';
import { findAgency } from '../agencies/agency.repository';
import { appendAudit } from '../audit/audit.service';
import { findReport } from '../reports/report.repository';
import { AccountabilityCase } from './accountability-case.entity';
import { casesOf, countAuditEntries, findCase, insertCase, pageCases, updateCase } from './accountability.repository';
import { ProgressService, type AgencyProgress } from './progress.service';
import { Injectable } from '../../common/injectable';
import { chinaDate } from '@touming/domain/deadlines';
import { Report } from '../reports/report.entity';
import { supervisedRegion, type SupervisedRegion } from '../regions/supervised-region';

export interface OpenCaseInput {
  agencyId: string;
  reportId?: string | null;
  year: number;
  kind: string;
  description: string;
  responsiblePerson?: string | null;
  rectifyBy?: string | null;
  auditEntryIds?: number[] | null;
}

export interface UpdateCaseInput {
  status?: string | null;
  outcome?: string | null;
  description?: string | null;
  auditEntryIds?: number[] | null;
}

export interface CaseFilter {
  year?: number | null;
  agencyId?: string | null;
  status?: string | null;
  kind?: string | null;
  /** a region of the office's subtree (its own when absent) */
  regionId?: string | null;
}

const SORTABLE = ['openedAt', 'updatedAt', 'year', 'status'] as const;

function snapshot(c: AccountabilityCase) {
  return {
    status: c.status,
    kind: c.kind,
    description: c.description,
    responsiblePerson: c.responsiblePerson,
    rectifyBy: c.rectifyBy,
    response: c.response,
    outcome: c.outcome,
    auditEntryIds: c.auditEntryIds,
  };
}

/** 责任追究: cases opened by the county office, and the computed proposals for overdue agencies */
@Injectable()
export class AccountabilityService {
  constructor(private readonly progress: ProgressService) {}

  async open(ctx: RequestContext, input: OpenCaseInput): Promise<AccountabilityCase> {
    const user = requireUser(ctx);
    const check = checkOpenCase({
      actor: actorOf(ctx)!,
      kind: input.kind,
      description: input.description,
      responsiblePerson: input.responsiblePerson,
      rectifyBy: input.rectifyBy,
      today: chinaDate(new Date()),
    });
    if (!check.ok) {
      if (check.code === 'FORBIDDEN') await authorize(ctx, 'accountability.manage', { agencyId: input.agencyId, reportId: input.reportId, targetType: 'AccountabilityCase' });
      throw appError(check.code, check.message);
    }
    // the agency must be in the office's own subtree (a sibling county's is refused and audited)
    await authorize(ctx, 'accountability.manage', { agencyId: input.agencyId, reportId: input.reportId, targetType: 'AccountabilityCase' });
    const ids = [...new Set(input.auditEntryIds ?? [])];
    return withTransaction(ctx, async (tx) => {
      const agency = await findAgency(tx.manager, input.agencyId);
      if (!agency) throw notFound('单位不存在');
      let reportId = input.reportId ?? null;
      if (reportId) {
        const report = await findReport(tx.manager, reportId);
        if (!report || report.agencyId !== agency.id) throw badInput('所关联的报告不属于该单位', { field: 'reportId' });
        if (report.year !== input.year) throw badInput('所关联的报告不是该年度的报告', { field: 'reportId' });
      } else {
        // the facts link the agency's report of that year when it has one
        reportId = (await tx.manager.findOne(Report, { where: { agencyId: agency.id, year: input.year } }))?.id ?? null;
      }
      await this.checkAuditIds(tx, ids);
      const now = new Date();
      const row = Object.assign(new AccountabilityCase(), {
        id: newId(),
        agencyId: agency.id,
        reportId,
        year: input.year,
        kind: input.kind as CaseKind,
        description: input.description.trim(),
        responsiblePerson: input.responsiblePerson!.trim(),
        rectifyBy: input.rectifyBy!.trim(),
        response: null,
        respondedAt: null,
        respondedByName: null,
        auditEntryIds: ids,
        status: 'OPEN',
        outcome: null,
        openedById: user.id,
        openedAt: now,
        updatedAt: now,
        closedAt: null,
      });
      await insertCase(tx.manager, row);
      await appendAudit(tx, {
        action: 'accountability.open',
        targetType: 'AccountabilityCase',
        targetId: row.id,
        agencyId: row.agencyId,
        reportId: row.reportId,
        detail: { after: snapshot(row), year: row.year },
      });
      return row;
    });
  }

  /** change the status (open → rectifying → closed; closing needs the outcome) and/or the record */
  async update(ctx: RequestContext, id: string, input: UpdateCaseInput): Promise<AccountabilityCase> {
    requireUser(ctx);
    const found = await findCase(ctx.manager, id);
    if (!found) throw notFound('责任追究案件不存在');
    await authorize(ctx, 'accountability.manage', { agencyId: found.agencyId, reportId: found.reportId, targetType: 'AccountabilityCase', targetId: id });
    if (input.status != null && !isCaseStatus(input.status)) throw badInput(`未知的案件状态：${input.status}`, { field: 'status' });
    return withTransaction(ctx, async (tx) => {
      const row = await findCase(tx.manager, id);
      if (!row) throw notFound('责任追究案件不存在');
      const before = snapshot(row);
      const outcome = input.outcome != null ? input.outcome.trim() || null : row.outcome;
      if (input.status != null && input.status !== row.status) {
        const check = checkCaseTransition({ actor: actorOf(tx)!, from: row.status, to: input.status as CaseStatus, outcome });
        if (!check.ok) throw appError(check.code, check.message);
        row.status = input.status as CaseStatus;
        if (row.status === 'CLOSED') row.closedAt = new Date();
      } else if (row.status === 'CLOSED') {
        throw appError('CONFLICT', '已结案的案件不能修改');
      }
      if (input.description != null) {
        if (!input.description.trim()) throw badInput('情况说明不能为空', { field: 'description' });
        row.description = input.description.trim();
      }
      if (input.auditEntryIds != null) {
        row.auditEntryIds = [...new Set(input.auditEntryIds)];
        await this.checkAuditIds(tx, row.auditEntryIds);
      }
      row.outcome = outcome;
      row.updatedAt = new Date();
      await updateCase(tx.manager, id, {
        status: row.status,
        closedAt: row.closedAt,
        description: row.description,
        auditEntryIds: row.auditEntryIds,
        outcome: row.outcome,
        updatedAt: row.updatedAt,
      });
      await appendAudit(tx, {
        action: before.status !== row.status ? 'accountability.transition' : 'accountability.update',
        targetType: 'AccountabilityCase',
        targetId: id,
        agencyId: row.agencyId,
        reportId: row.reportId,
        detail: { before, after: snapshot(row) },
      });
      return row;
    });
  }

  /** the agency reports its 整改情况 (again, until the case is closed); the office is told */
  async respond(ctx: RequestContext, id: string, response: string): Promise<AccountabilityCase> {
    const user = requireUser(ctx);
    const found = await findCase(ctx.manager, id);
    if (!found) throw notFound('责任追究案件不存在');
    const target = { agencyId: found.agencyId, reportId: found.reportId, targetType: 'AccountabilityCase', targetId: id };
    await authorize(ctx, 'accountability.respond', target);
    return withTransaction(ctx, async (tx) => {
      const row = await findCase(tx.manager, id);
      if (!row) throw notFound('责任追究案件不存在');
      const check = checkRespondToCase({ actor: actorOf(tx), caseAgencyId: row.agencyId, status: row.status, response });
      if (!check.ok) {
        if (check.code === 'FORBIDDEN') await authorize(tx, 'accountability.manage', target);
        throw appError(check.code, check.message);
      }
      const before = snapshot(row);
      row.response = response.trim();
      row.respondedAt = new Date();
      row.respondedByName = `${user.displayName}（${user.username}）`;
      row.status = 'ANSWERED';
      row.updatedAt = row.respondedAt;
      await tx.manager.update(AccountabilityCase, { id }, {
        response: row.response,
        respondedAt: row.respondedAt,
        respondedByName: row.respondedByName,
        status: row.status,
        updatedAt: row.updatedAt,
      });
      await appendAudit(tx, {
        action: 'accountability.respond',
        targetType: 'AccountabilityCase',
        targetId: id,
        agencyId: row.agencyId,
        reportId: row.reportId,
        detail: { before, after: snapshot(row) },
      });
      return row;
    });
  }

  /** one case: the office any, an agency its own */
  async get(ctx: RequestContext, id: string): Promise<AccountabilityCase | null> {
    requireUser(ctx);
    const row = await findCase(ctx.manager, id);
    if (!row) return null;
    await authorize(ctx, 'accountability.read', { agencyId: row.agencyId, reportId: row.reportId, targetType: 'AccountabilityCase', targetId: id });
    return row;
  }

  private async checkAuditIds(tx: RequestContext, ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    const count = await countAuditEntries(tx.manager, ids);
    if (count !== ids.length) throw badInput('所关联的审计记录不存在', { field: 'auditEntryIds' });
  }

  async list(ctx: RequestContext, filter: CaseFilter | null | undefined, options: ListOptions | null | undefined) {
    await authorize(ctx, 'accountability.read', { agencyId: filter?.agencyId ?? undefined, targetType: 'AccountabilityCase' });
    const page = pageOf(options, SORTABLE, 'openedAt');
    if (filter?.status && !isCaseStatus(filter.status)) throw badInput(`未知的案件状态：${filter.status}`, { field: 'status' });
    if (filter?.kind && !isCaseKind(filter.kind)) throw badInput(`未知的案件类型：${filter.kind}`, { field: 'kind' });
    const region = filter?.regionId ? await this.regionFilter(ctx, filter.regionId) : null;
    return pageCases(
      ctx.manager,
      {
        scope: listScope(ctx),
        regionPath: region?.path,
        agencyId: filter?.agencyId,
        year: filter?.year,
        status: filter?.status as CaseStatus | null,
        kind: filter?.kind as CaseKind | null,
      },
      page,
    );
  }

  /**
   * The region a case list is narrowed to: an office's filter (region.read — an agency user sees its
   * own agency's cases and has no region to pick), and only a region of its subtree, refused and
   * audited outside it as the dashboard's and the compilation's regionId are (../regions/supervised-region).
   */
  private async regionFilter(ctx: RequestContext, regionId: string): Promise<SupervisedRegion> {
    await authorize(ctx, 'region.read', { targetType: 'Region', targetId: regionId });
    return supervisedRegion(ctx, regionId, 'accountability.read');
  }

  /** a proposal for every overdue agency without a standing OVERDUE case — computed now, never stored by a job */
  async proposals(ctx: RequestContext, year: number, regionId?: string | null): Promise<OverdueCaseProposal[]> {
    await authorize(ctx, 'accountability.manage', { targetType: 'AccountabilityCase' });
    const progress = await this.progress.load(ctx, year, regionId);
    const existing = await casesOf(ctx.manager, year, 'OVERDUE');
    const byDeadline = new Map<string, AgencyProgress[]>();
    for (const p of progress) byDeadline.set(p.deadline, [...(byDeadline.get(p.deadline) ?? []), p]);
    const today = new Date();
    const proposals = [...byDeadline.entries()].flatMap(([deadline, list]) =>
      proposeOverdueCases({
        year,
        deadline,
        today,
        agencies: list.map((p) => ({ agencyId: p.agencyId, agencyName: p.agencyName, reportId: p.reportId, status: p.status, publishedAt: p.firstPublishedAt })),
        existingCases: existing,
      }),
    );
    return proposals.sort((x, y) => y.daysOverdue - x.daysOverdue || x.agencyId.localeCompare(y.agencyId));
  }

  /** reports overdue in a cycle (unpublished after the deadline, or published late) */
  async overdueReports(ctx: RequestContext, year: number, regionId?: string | null): Promise<AgencyProgress[]> {
    const progress = await this.progress.cycleProgress(ctx, year, regionId);
    return progress.filter((p) => p.overdue);
  }
}
