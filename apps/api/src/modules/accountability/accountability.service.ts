import {
  checkCaseTransition,
  checkOpenCase,
  isCaseKind,
  isCaseStatus,
  proposeOverdueCases,
  type CaseKind,
  type CaseStatus,
  type OverdueCaseProposal,
} from '@touming/domain/accountability';
import { In } from 'typeorm';
import { agencyScope, authorize, requireUser } from '../../common/authorize';
import { actorOf, type RequestContext } from '../../common/context';
import { appError, badInput, notFound } from '../../common/errors';
import { pageOf, type ListOptions } from '../../common/list';
import { newId } from '../../db/columns';
import { withTransaction } from '../../db/transaction';
import { Agency } from '../agencies/agency.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { appendAudit } from '../audit/audit.service';
import { Report } from '../reports/report.entity';
import { AccountabilityCase } from './accountability-case.entity';
import { ProgressService, type AgencyProgress } from './progress.service';
import { Injectable } from '../../common/injectable';

export interface OpenCaseInput {
  agencyId: string;
  reportId?: string | null;
  year: number;
  kind: string;
  description: string;
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
}

const SORTABLE = ['openedAt', 'updatedAt', 'year', 'status'] as const;

function snapshot(c: AccountabilityCase) {
  return { status: c.status, kind: c.kind, description: c.description, outcome: c.outcome, auditEntryIds: c.auditEntryIds };
}

/** 责任追究: cases opened by the county office, and the computed proposals for overdue agencies */
@Injectable()
export class AccountabilityService {
  constructor(private readonly progress: ProgressService) {}

  async open(ctx: RequestContext, input: OpenCaseInput): Promise<AccountabilityCase> {
    const user = requireUser(ctx);
    const check = checkOpenCase({ actor: actorOf(ctx)!, kind: input.kind, description: input.description });
    if (!check.ok) {
      if (check.code === 'FORBIDDEN') await authorize(ctx, 'accountability.manage', { agencyId: input.agencyId, reportId: input.reportId, targetType: 'AccountabilityCase' });
      throw appError(check.code, check.message);
    }
    const ids = [...new Set(input.auditEntryIds ?? [])];
    return withTransaction(ctx, async (tx) => {
      const agency = await tx.manager.findOne(Agency, { where: { id: input.agencyId } });
      if (!agency) throw notFound('单位不存在');
      if (input.reportId) {
        const report = await tx.manager.findOne(Report, { where: { id: input.reportId } });
        if (!report || report.agencyId !== agency.id) throw badInput('所关联的报告不属于该单位', { field: 'reportId' });
      }
      await this.checkAuditIds(tx, ids);
      const now = new Date();
      const row = tx.manager.create(AccountabilityCase, {
        id: newId(),
        agencyId: agency.id,
        reportId: input.reportId ?? null,
        year: input.year,
        kind: input.kind as CaseKind,
        description: input.description.trim(),
        auditEntryIds: ids,
        status: 'OPEN',
        outcome: null,
        openedById: user.id,
        openedAt: now,
        updatedAt: now,
        closedAt: null,
      });
      await tx.manager.insert(AccountabilityCase, row);
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
    const found = await ctx.manager.findOne(AccountabilityCase, { where: { id } });
    if (!found) throw notFound('责任追究案件不存在');
    await authorize(ctx, 'accountability.manage', { agencyId: found.agencyId, reportId: found.reportId, targetType: 'AccountabilityCase', targetId: id });
    if (input.status != null && !isCaseStatus(input.status)) throw badInput(`未知的案件状态：${input.status}`, { field: 'status' });
    return withTransaction(ctx, async (tx) => {
      const row = await tx.manager.findOne(AccountabilityCase, { where: { id } });
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
      await tx.manager.update(
        AccountabilityCase,
        { id },
        { status: row.status, closedAt: row.closedAt, description: row.description, auditEntryIds: row.auditEntryIds, outcome: row.outcome, updatedAt: row.updatedAt },
      );
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

  private async checkAuditIds(tx: RequestContext, ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    const count = await tx.manager.count(AuditEntry, { where: { id: In(ids) } });
    if (count !== ids.length) throw badInput('所关联的审计记录不存在', { field: 'auditEntryIds' });
  }

  async list(ctx: RequestContext, filter: CaseFilter | null | undefined, options: ListOptions | null | undefined) {
    await authorize(ctx, 'accountability.read', { agencyId: filter?.agencyId ?? undefined, targetType: 'AccountabilityCase' });
    const page = pageOf(options, SORTABLE, 'openedAt');
    const qb = ctx.manager.createQueryBuilder(AccountabilityCase, 'c');
    const scope = agencyScope(ctx);
    if (scope) qb.andWhere('c.agencyId = :scope', { scope });
    if (filter?.agencyId) qb.andWhere('c.agencyId = :agencyId', { agencyId: filter.agencyId });
    if (filter?.year != null) qb.andWhere('c.year = :year', { year: filter.year });
    if (filter?.status) {
      if (!isCaseStatus(filter.status)) throw badInput(`未知的案件状态：${filter.status}`, { field: 'status' });
      qb.andWhere('c.status = :status', { status: filter.status });
    }
    if (filter?.kind) {
      if (!isCaseKind(filter.kind)) throw badInput(`未知的案件类型：${filter.kind}`, { field: 'kind' });
      qb.andWhere('c.kind = :kind', { kind: filter.kind });
    }
    const [items, totalItems] = await qb.orderBy(`c.${page.sort}`, page.order).addOrderBy('c.id', 'ASC').skip(page.skip).take(page.take).getManyAndCount();
    return { items, totalItems };
  }

  /** a proposal for every overdue agency without a standing OVERDUE case — computed now, never stored by a job */
  async proposals(ctx: RequestContext, year: number): Promise<OverdueCaseProposal[]> {
    await authorize(ctx, 'accountability.manage', { targetType: 'AccountabilityCase' });
    const progress = await this.progress.load(ctx, year);
    const existing = await ctx.manager.find(AccountabilityCase, { where: { year, kind: 'OVERDUE' } });
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
  async overdueReports(ctx: RequestContext, year: number): Promise<AgencyProgress[]> {
    const progress = await this.progress.cycleProgress(ctx, year);
    return progress.filter((p) => p.overdue);
  }
}
