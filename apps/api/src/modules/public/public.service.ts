import { cellDefinition, getFormat, isFormatId, NARRATIVE_KEYS, type FormatId, type NarrativeKey } from '@touming/domain/formats';
import { reportTitle } from '@touming/domain/report';
import { computedTotals } from '@touming/domain/validation';
import type { RequestContext } from '../../common/context';
import { badInput } from '../../common/errors';
import { pageOf, type ListOptions } from '../../common/list';
import { isAgencyKind, type AgencyKind } from '@touming/domain/agencies';
import { Agency } from '../agencies/agency.entity';
import { CountyService, contentOfTotals } from '../county/county.service';
import { publishedTotals } from '../county/published-totals';
import { buildTables } from '../formats/tables';
import type { ReportTable } from '../formats/format.types';
import { ReportRevision } from '../revisions/report-revision.entity';
import { PublicRateLimiter } from './rate-limit';
import { PUBLIC_MAX_PAGE_SIZE, type PublicAgency, type PublicCell, type PublicReport, type PublicReportFilter, type PublicSection, type PublicStatistics } from './public.types';
import { Injectable } from '../../common/injectable';

const SORTABLE = ['publishedAt', 'year', 'agencyName'] as const;
const SECTION_TITLES = Object.fromEntries(getFormat('2021').sections.map((s) => [s.key, s.title])) as Record<string, string>;

/**
 * Everything anonymous callers can read. Every query here starts from report_revision WHERE
 * isCurrent — published content only — and maps rows to the public types, never to entities.
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
    const qb = ctx.manager
      .createQueryBuilder(ReportRevision, 'r')
      .innerJoin(Agency, 'a', 'a.id = r.agencyId')
      .where('r.isCurrent = 1');
    if (filter?.year != null) qb.andWhere('r.year = :year', { year: filter.year });
    if (filter?.agency) qb.andWhere('r.agencyId = :agency', { agency: filter.agency });
    if (filter?.kind) qb.andWhere('a.kind = :kind', { kind: filter.kind });
    if (filter?.region) qb.andWhere('a.region = :region', { region: filter.region });
    const order = page.sort === 'agencyName' ? 'a.name' : `r.${page.sort}`;
    const [rows, totalItems] = await qb.orderBy(order, page.order).addOrderBy('r.id', 'ASC').skip(page.skip).take(page.take).getManyAndCount();
    const agencies = await ctx.loaders.agency.loadMany(rows.map((r) => r.agencyId));
    const items = rows.map((r, i) => this.toPublic(r, agencies[i] instanceof Agency ? (agencies[i] as Agency) : undefined));
    return { items, totalItems };
  }

  /** a current published revision, or null (drafts, superseded and unknown ids alike) */
  async report(ctx: RequestContext, id: string): Promise<PublicReport | null> {
    await this.limiter.check(ctx);
    const revision = await ctx.manager.createQueryBuilder(ReportRevision, 'r').where('r.id = :id', { id }).andWhere('r.isCurrent = 1').getOne();
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
    const qb = ctx.manager.createQueryBuilder(Agency, 'a').where('a.active = :active', { active: 1 });
    if (kind) qb.andWhere('a.kind = :kind', { kind });
    if (region) qb.andWhere('a.region = :region', { region });
    const agencies = await qb.orderBy('a.code', 'ASC').getMany();
    const years: Array<{ agencyId: string; year: unknown }> = await ctx.manager
      .createQueryBuilder(ReportRevision, 'r')
      .select('r.agencyId', 'agencyId')
      .addSelect('r.year', 'year')
      .where('r.isCurrent = 1')
      .getRawMany();
    const byAgency = new Map<string, number[]>();
    for (const row of years) byAgency.set(row.agencyId, [...(byAgency.get(row.agencyId) ?? []), Number(row.year)]);
    return agencies.map((a) => ({
      id: a.id,
      code: a.code,
      name: a.name,
      kind: a.kind,
      region: a.region,
      publishedYears: (byAgency.get(a.id) ?? []).sort((x, y) => x - y),
    }));
  }

  // ---- fields of PublicReport (from the published content only) -------------------------------

  sections(report: PublicReport): PublicSection[] {
    return NARRATIVE_KEYS.map((key: NarrativeKey) => ({ key, title: SECTION_TITLES[key], text: report.content.sections[key] ?? '' }));
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
