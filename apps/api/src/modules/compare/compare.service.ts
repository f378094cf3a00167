import { compareReports, type ReportComparison } from '@touming/domain/compare';
import type { ReportContent } from '@touming/domain/report';
import { authorize } from '../../common/authorize';
import type { RequestContext } from '../../common/context';
import { badInput, notFound } from '../../common/errors';
import { Injectable } from '../../common/injectable';
import { CountyService } from '../county/county.service';
import { CountyScopeKind } from '../county/county.types';
import { ReportService } from '../reports/report.service';
import { currentRevisions } from '../revisions/revision.repository';
import { WorkflowFieldsService } from '../workflow/workflow-fields.service';
import { rankComparisons, type ComparisonBatchItemRow } from './comparison-batch';

/** one side of a comparison: a report as it stands, or one published revision of it */
export interface ComparedSide {
  id: string;
  kind: 'report' | 'revision';
  agencyId: string;
  reportId: string;
  revisionNo: number | null;
  content: ReportContent;
}

/**
 * 比对报告 for people: two reports (or published revisions) of one agency that the caller may read,
 * compared by the domain. Without an explicit `before`, last year's report of the agency: its current
 * published revision when there is one (what the public read), else the report as it stands.
 */
@Injectable()
export class CompareService {
  constructor(
    private readonly reports: ReportService,
    private readonly fields: WorkflowFieldsService,
    private readonly county: CountyService,
  ) {}

  /** a report id or a revision id the caller may read; null when neither exists */
  async side(ctx: RequestContext, id: string): Promise<ComparedSide | null> {
    const report = await this.reports.get(ctx, id);
    if (report) return { id, kind: 'report', agencyId: report.agencyId, reportId: report.id, revisionNo: null, content: await this.reports.content(ctx, report) };
    const revision = await this.fields.revision(ctx, id);
    if (revision) return { id, kind: 'revision', agencyId: revision.agencyId, reportId: revision.reportId, revisionNo: revision.revisionNo, content: revision.content };
    return null;
  }

  async previousOf(ctx: RequestContext, after: ComparedSide): Promise<ComparedSide | null> {
    const year = after.content.year - 1;
    const [published] = await currentRevisions(ctx.manager, year, { agencyIds: [after.agencyId] }, true);
    if (published) return { id: published.id, kind: 'revision', agencyId: published.agencyId, reportId: published.reportId, revisionNo: published.revisionNo, content: published.content };
    const report = await ctx.loaders.reportByAgencyYear.load(`${after.agencyId}:${year}`);
    return report ? this.side(ctx, report.id) : null;
  }

  async compare(ctx: RequestContext, afterId: string, beforeId?: string | null): Promise<{ before: ComparedSide; after: ComparedSide; comparison: ReportComparison }> {
    const after = await this.side(ctx, afterId);
    if (!after) throw notFound('没有这份报告或公开版本');
    const before = beforeId ? await this.side(ctx, beforeId) : await this.previousOf(ctx, after);
    if (!before) throw notFound(beforeId ? '没有用于比对的报告或公开版本' : `没有该单位${after.content.year - 1}年度的报告，无法与上年比对`);
    if (before.agencyId !== after.agencyId) throw badInput('只能比对同一单位的两份报告', { field: 'before' });
    if (before.id === after.id) throw badInput('请选择两份不同的报告进行比对', { field: 'before' });
    return { before, after, comparison: compareReports(before.content, after.content) };
  }

  /**
   * Every agency's current published report of `year` against its previous year's, ranked by how much
   * deserves a look (copied 第五部分, unusual numbers, carry-over, narrative numbers, promises). Paged
   * over agencies in name order so the console can show progress; the ranking of a whole year is
   * `ranked` (for the XLSX).
   */
  async batch(ctx: RequestContext, year: number, offset = 0, limit = 50): Promise<{ totalAgencies: number; items: ComparisonBatchItemRow[] }> {
    await authorize(ctx, 'county.summary', { targetType: 'ComparisonBatch' });
    if (!Number.isInteger(offset) || offset < 0) throw badInput('offset 须为不小于0的整数', { field: 'offset' });
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw badInput('每批单位数须在1到200之间', { field: 'limit' });
    const agencies = await this.county.agenciesOf(ctx.manager, { kind: CountyScopeKind.ALL }, await this.county.regionOf(ctx));
    const page = agencies.slice(offset, offset + limit);
    const selection = { agencyIds: page.map((a) => a.id) };
    if (page.length === 0) return { totalAgencies: agencies.length, items: [] };
    const [revisions, previous] = await Promise.all([currentRevisions(ctx.manager, year, selection, true), currentRevisions(ctx.manager, year - 1, selection, true)]);
    const now = new Map(revisions.map((r) => [r.agencyId, r]));
    const before = new Map(previous.map((r) => [r.agencyId, r]));
    const items = page.map((agency): ComparisonBatchItemRow => {
      const a = now.get(agency.id);
      const b = before.get(agency.id);
      const base = { agencyId: agency.id, agencyName: agency.name, revisionId: a?.id ?? null, previousRevisionId: b?.id ?? null };
      if (!a || !b) return { ...base, comparison: null, note: !a ? `${year}年度报告尚未公开` : `没有${year - 1}年度已公开的报告` };
      return { ...base, comparison: compareReports(b.content, a.content), note: null };
    });
    return { totalAgencies: agencies.length, items };
  }

  /** the whole year, ranked (the XLSX download) */
  async ranked(ctx: RequestContext, year: number): Promise<ComparisonBatchItemRow[]> {
    const rows: ComparisonBatchItemRow[] = [];
    for (let offset = 0; ; offset += 200) {
      const { totalAgencies, items } = await this.batch(ctx, year, offset, 200);
      rows.push(...items);
      if (offset + 200 >= totalAgencies) break;
    }
    return rankComparisons(rows);
  }
}
