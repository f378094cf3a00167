import { cellDefinition, getFormat, isFormatId, NARRATIVE_KEYS, SECTIONS, type FormatId, type NarrativeKey } from '@touming/domain/formats';
import { reportTitle } from '@touming/domain/report';
import { computedTotals } from '@touming/domain/validation';
import type { RequestContext } from '../../common/context';
import { badInput } from '../../common/errors';
import { pageOf, type ListOptions } from '../../common/list';
import { isAgencyKind, type AgencyKind } from '@touming/domain/agencies';
import { Agency } from '../agencies/agency.entity';
import { activeAgencies } from '../agencies/agency.repository';
import { CountyService, contentOfTotals } from '../county/county.service';
import { publishedTotals } from '../revisions/published-cell.repository';
import { findCurrentRevision, pageCurrentRevisions, publishedYearsByAgency } from '../revisions/revision.repository';
import { buildTables } from '../formats/tables';
import type { ReportTable } from '../formats/format.types';
import type { ReportRevision } from '../revisions/report-revision.entity';
import { PublicRateLimiter } from './rate-limit';
import { PUBLIC_MAX_PAGE_SIZE, type PublicAgency, type PublicCell, type PublicReport, type PublicReportFilter, type PublicSection, type PublicStatistics } from './public.types';
import { Injectable } from '../../common/injectable';

const SORTABLE = ['publishedAt', 'year', 'agencyName'] as const;

/**
 * Everything anonymous callers can read: current published revisions only (../revisions/revision.repository),
 * mapped to the public types, never to entities.
 */
@Injectable()
export class PublicService {
  constructor(
    private readonly limiter: PublicRateLimiter,
    private readonly countyService: CountyService,
  ) {}

  private toPublic(revision: ReportRevision, agency: Agency | undefined): PublicReport {
    return {
      id: revision.id,
      title: reportTitle(revision.content),
      year: revision.year,
      format: revision.format,
      agencyId: revision.agencyId,
      agencyName: revision.content.agency,
      agencyKind: agency?.kind ?? 'DEPARTMENT',
      region: agency?.region ?? null,
      revisionNo: revision.revisionNo,
      publishedAt: revision.publishedAt,
      correctionNote: revision.correctionNote,
      contentHash: revision.contentHash,
      content: revision.content,
    };
  }

  async reports(ctx: RequestContext, filter: PublicReportFilter | null | undefined, options: ListOptions | null | undefined) {
    await this.limiter.check(ctx);
    if ((options?.take ?? 0) > PUBLIC_MAX_PAGE_SIZE) throw badInput(`公开接口每页最多 ${PUBLIC_MAX_PAGE_SIZE} 条`);
    const page = pageOf(options, SORTABLE, 'publishedAt');
    const { rows, totalItems } = await pageCurrentRevisions(
      ctx.manager,
      { year: filter?.year, agencyId: filter?.agency, kind: filter?.kind, region: filter?.region },
      page,
    );
    const agencies = await ctx.loaders.agency.loadMany(rows.map((r) => r.agencyId));
    const items = rows.map((r, i) => this.toPublic(r, agencies[i] instanceof Agency ? (agencies[i] as Agency) : undefined));
    return { items, totalItems };
  }

  /** a current published revision, or null (drafts, superseded and unknown ids alike) */
  async report(ctx: RequestContext, id: string): Promise<PublicReport | null> {
    await this.limiter.check(ctx);
    const revision = await findCurrentRevision(ctx.manager, id);
    if (!revision) return null;
    return this.toPublic(revision, (await ctx.loaders.agency.load(revision.agencyId)) ?? undefined);
  }

  async statistics(ctx: RequestContext, year: number, kind: AgencyKind | null | undefined): Promise<PublicStatistics> {
    await this.limiter.check(ctx);
    if (kind && !isAgencyKind(kind)) throw badInput('未知的单位类型');
    const format = await this.countyService.formatOfYear(ctx.manager, year);
    const totals = await publishedTotals(ctx.manager, year, format, kind ? { kinds: [kind] } : {});
    const content = contentOfTotals(totals, '合计');
    return {
      year,
      format,
      kind: kind ?? null,
      reportCount: totals.reportCount,
      cells: this.cells(format, totals.cells),
      tables: buildTables(format, content.cells, computedTotals(content)),
    };
  }

  async agencies(ctx: RequestContext, kind: AgencyKind | null | undefined, region: string | null | undefined): Promise<PublicAgency[]> {
    await this.limiter.check(ctx);
    const agencies = await activeAgencies(ctx.manager, { kinds: kind ? [kind] : null, region });
    const byAgency = await publishedYearsByAgency(ctx.manager);
    return agencies.map((a) => ({
      id: a.id,
      code: a.code,
      name: a.name,
      kind: a.kind,
      region: a.region,
      publishedYears: byAgency.get(a.id) ?? [],
    }));
  }

  // ---- fields of PublicReport (from the published content only) -------------------------------

  sections(report: PublicReport): PublicSection[] {
    // headings as the report's own format prints them (the shared ones for a format no longer known)
    const sections = isFormatId(report.format) ? getFormat(report.format).sections : SECTIONS;
    const title = (key: NarrativeKey) => sections.find((s) => s.key === key)?.title ?? '';
    return NARRATIVE_KEYS.map((key: NarrativeKey) => ({ key, title: title(key), text: report.content.sections[key] ?? '' }));
  }

  tables(report: PublicReport): ReportTable[] {
    const format = report.content.format;
    return buildTables(format, report.content.cells, computedTotals(report.content));
  }

  cell(report: PublicReport, key: string): PublicCell | null {
    const def = isFormatId(report.format) ? cellDefinition(report.format, key) : undefined;
    if (!def) return null;
    return { key, label: def.label, value: report.content.cells[key] ?? null };
  }

  cells(format: FormatId, values: Record<string, number | null>): PublicCell[] {
    return getFormat(format).cells.map((c) => ({ key: c.key, label: c.label, value: values[c.key] ?? null }));
  }
}
