import { defaultDeadline, isIsoDate } from '@touming/domain/deadlines';
import { formatForYear, isFormatId, isReportYear, REPORT_YEARS } from '@touming/domain/formats';
import { authorize } from '../../common/authorize';
import type { RequestContext } from '../../common/context';
import { badInput, conflict, notFound } from '../../common/errors';
import { newId } from '../../db/columns';
import { isUniqueViolation } from '../../db/dialect';
import { withTransaction } from '../../db/transaction';
import { appendAudit } from '../audit/audit.service';
import { ReportingCycle } from './cycle.entity';
import { findCycle, findCycleOfYear, insertCycle, listCycles, updateCycle } from './cycle.repository';
import type { CycleInput, CycleUpdateInput } from './cycle.types';

function checkDeadline(deadline: string) {
  if (!isIsoDate(deadline)) throw badInput('截止日期应为真实存在的日期，格式 YYYY-MM-DD', { field: 'deadline' });
}

export function checkYear(year: number) {
  if (!isReportYear(year)) throw badInput(`年度须在 ${REPORT_YEARS.from} 至 ${REPORT_YEARS.to} 年之间`, { field: 'year' });
}

function snapshot(c: ReportingCycle) {
  return { year: c.year, format: c.format, deadline: c.deadline, requiresPreReview: c.requiresPreReview, open: c.open };
}

export class CycleService {
  async list(ctx: RequestContext): Promise<ReportingCycle[]> {
    await authorize(ctx, 'cycle.read');
    return listCycles(ctx.manager);
  }

  findByYear(ctx: RequestContext, year: number): Promise<ReportingCycle | null> {
    return findCycleOfYear(ctx.manager, year);
  }

  async create(ctx: RequestContext, input: CycleInput): Promise<ReportingCycle> {
    await authorize(ctx, 'cycle.manage', { targetType: 'Cycle' });
    checkYear(input.year);
    const format = input.format ?? formatForYear(input.year).id;
    if (!isFormatId(format)) throw badInput(`未知的报告格式：${format}`, { field: 'format' });
    const deadline = input.deadline ?? defaultDeadline(input.year);
    checkDeadline(deadline);
    return withTransaction(ctx, async (tx) => {
      const cycle = Object.assign(new ReportingCycle(), {
        id: newId(),
        year: input.year,
        format,
        deadline,
        requiresPreReview: input.requiresPreReview ?? false,
        open: true,
        createdAt: new Date(),
      });
      try {
        await insertCycle(tx.manager, cycle);
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(`${input.year}年度的报告周期已存在`);
        throw error;
      }
      await appendAudit(tx, { action: 'cycle.create', targetType: 'Cycle', targetId: cycle.id, detail: { after: snapshot(cycle) } });
      return cycle;
    });
  }

  async update(ctx: RequestContext, id: string, input: CycleUpdateInput): Promise<ReportingCycle> {
    await authorize(ctx, 'cycle.manage', { targetType: 'Cycle', targetId: id });
    if (input.deadline != null) checkDeadline(input.deadline);
    return withTransaction(ctx, async (tx) => {
      const cycle = await findCycle(tx.manager, id);
      if (!cycle) throw notFound('报告周期不存在');
      const before = snapshot(cycle);
      if (input.deadline != null) cycle.deadline = input.deadline;
      if (input.requiresPreReview != null) cycle.requiresPreReview = input.requiresPreReview;
      if (input.open != null) cycle.open = input.open;
      await updateCycle(tx.manager, id, { deadline: cycle.deadline, requiresPreReview: cycle.requiresPreReview, open: cycle.open });
      await appendAudit(tx, { action: 'cycle.update', targetType: 'Cycle', targetId: id, detail: { before, after: snapshot(cycle) } });
      return cycle;
    });
  }
}
