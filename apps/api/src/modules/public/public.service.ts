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
import { isRegionLevel, type RegionLevel } from '@touming/domain/regions';
import type { Region } from '../regions/region.entity';
import { findRegion, findRegionByCode, regionsOf, regionsWithin } from '../regions/region.repository';
import { readLevelTotals, readTotals, WHOLE_DEPLOYMENT } from '../regions/totals.repository';
import { findCurrentRevision, findRevision, pageCurrentRevisions, publishedYearsByAgency, revisionHistory } from '../revisions/revision.repository';
import { buildTables } from '../formats/tables';
import type { ReportTable } from '../formats/format.types';
import type { ReportRevision } from '../revisions/report-revision.entity';
import { assertPublishedIntact } from '../revisions/integrity';
import { PublicRateLimiter } from './rate-limit';
import {
  PUBLIC_MAX_PAGE_SIZE,
  type PublicAgency,
  type PublicCell,
  type PublicReport,
  type PublicReportFilter,
  type PublicRevisionEntry,
  type PublicSection,
  type PublicStatistics,
} from './public.types';
import { Injectable } from '../../common/injectable';

const SORTABLE = ['publishedAt', 'year', 'agencyName'] as const;

/**
 * Everything anonymous callers can read, mapped to the public types, never to entities: current
 * published revisions (the GraphQL API, ../revisions/revision.repository), and for the public pages
 * and downloads also the revisions a correction superseded — they were published, and a portal keeps
 * them, marked — but never a draft or anything not published.
 */
@Injectable()
export class PublicService {
  constructor(
    private readonly limiter: PublicRateLimiter,
    private readonly countyService: CountyService,
  ) {}

  private toPublic(revision: ReportRevision, agency: Agency | undefined, region: Region | null | undefined): PublicReport {
    return {
      id: revision.id,
      title: reportTitle(revision.content),
      year: revision.year,
      format: revision.format,
      agencyId: revision.agencyId,
      agencyName: revision.content.agency,
      agencyKind: agency?.kind ?? 'DEPARTMENT',
      region: agency?.region ?? null,
      regionCode: region?.code ?? null,
      regionName: region?.name ?? null,
      revisionNo: revision.revisionNo,
      publishedAt: revision.publishedAt,
      correctionNote: revision.correctionNote,
      contentHash: revision.contentHash,
      hashAlgorithm: revision.hashAlgorithm ?? 'sha256',
      content: revision.content,
      reportId: revision.reportId,
      isCurrent: revision.isCurrent,
    };
  }

  /** one revision with its agency and the agency's region */
  private async publicOf(ctx: RequestContext, revision: ReportRevision): Promise<PublicReport> {
    const agency = (await ctx.loaders.agency.load(revision.agencyId)) ?? undefined;
    return this.toPublic(revision, agency, agency?.regionId ? await findRegion(ctx.manager, agency.regionId) : null);
  }

  async reports(ctx: RequestContext, filter: PublicReportFilter | null | undefined, options: ListOptions | null | undefined) {
    await this.limiter.check(ctx);
    if ((options?.take ?? 0) > PUBLIC_MAX_PAGE_SIZE) throw badInput(`公开接口每页最多 ${PUBLIC_MAX_PAGE_SIZE} 条`);
    const page = pageOf(options, SORTABLE, 'publishedAt');
    const { node, name } = await this.regionFilter(ctx, filter?.region);
    const { rows, totalItems } = await pageCurrentRevisions(
      ctx.manager,
      { year: filter?.year, agencyId: filter?.agency, kind: filter?.kind, region: name, regionPath: node?.path ?? null },
      page,
    );
    const agencies = (await ctx.loaders.agency.loadMany(rows.map((r) => r.agencyId))).map((a) => (a instanceof Agency ? a : undefined));
    // the agencies' regions in one query for the page
    const regionIds = [...new Set(agencies.map((a) => a?.regionId).filter((id): id is string => !!id))];
    const regions = new Map((await regionsOf(ctx.manager, regionIds)).map((g) => [g.id, g]));
    const items = rows.map((r, i) => this.toPublic(r, agencies[i], agencies[i]?.regionId ? regions.get(agencies[i]!.regionId!) : null));
    return { items, totalItems };
  }

  /** a current published revision, or null (drafts, superseded and unknown ids alike) */
  async report(ctx: RequestContext, id: string): Promise<PublicReport | null> {
    await this.limiter.check(ctx);
    const revision = await findCurrentRevision(ctx.manager, id);
    if (!revision) return null;
    await assertPublishedIntact(ctx.manager, revision, ctx.requestId);
    return this.publicOf(ctx, revision);
  }

  /**
   * A published revision, current or superseded (the public pages and downloads mark the latter), or
   * null for anything else. A current revision goes through report() — the one path of the API.
   */
  async revision(ctx: RequestContext, id: string): Promise<PublicReport | null> {
    const current = await this.report(ctx, id);
    if (current) return current;
    const revision = await findRevision(ctx.manager, id);
    // a current revision report() refused stays refused: only superseded ones are looked up here
    if (!revision || revision.isCurrent) return null;
    await assertPublishedIntact(ctx.manager, revision, ctx.requestId);
    return this.publicOf(ctx, revision);
  }

  /** every published revision of the report `report` belongs to, first to last (facts only) */
  async history(ctx: RequestContext, report: PublicReport): Promise<PublicRevisionEntry[]> {
    await this.limiter.check(ctx);
    const rows = await revisionHistory(ctx.manager, report.reportId);
    return rows.map((r) => ({ id: r.id, revisionNo: r.revisionNo, publishedAt: r.publishedAt, correctionNote: r.correctionNote, isCurrent: r.isCurrent }));
  }

  /**
   * A region code of the tree (the subtree's agencies), or else the region name agencies were
   * registered with (as before the tree existed). An unknown code is BAD_USER_INPUT.
   */
  private async regionFilter(ctx: RequestContext, region: string | null | undefined): Promise<{ node: Region | null; name: string | null }> {
    if (!region) return { node: null, name: null };
    if (/^\d{6}(\d{3}){0,2}$/.test(region)) {
      const node = await findRegionByCode(ctx.manager, region);
      if (!node) throw badInput(`未知的行政区划代码“${region}”`, { field: 'region' });
      return { node, name: null };
    }
    return { node: null, name: region };
  }

  /**
   * The sums of a year's current revisions — of every agency, of one kind, or (the public pages) of
   * several kinds; of a region's subtree, or of its regions of one level — read from the totals kept
   * at publication: one statement over kinds × keys rows, whatever the number of agencies.
   */
  async statistics(
    ctx: RequestContext,
    year: number,
    kind: AgencyKind | readonly AgencyKind[] | null | undefined,
    where: { region?: string | null; level?: RegionLevel | null } = {},
  ): Promise<PublicStatistics> {
    await this.limiter.check(ctx);
    const kinds = kind == null ? null : typeof kind === 'string' ? [kind] : kind;
    if (kinds && !kinds.every(isAgencyKind)) throw badInput('未知的单位类型');
    if (where.level && !isRegionLevel(where.level)) throw badInput('未知的地区层级');
    const { node } = await this.regionFilter(ctx, where.region);
    if (where.region && !node) throw badInput('统计须使用行政区划代码', { field: 'region' });
    const format = await this.countyService.formatOfYear(ctx.manager, year);
    const totals = where.level
      ? await readLevelTotals(ctx.manager, node?.path ?? null, where.level, year, format, kinds)
      : await readTotals(ctx.manager, node?.id ?? WHOLE_DEPLOYMENT, year, format, kinds);
    const content = contentOfTotals(totals, '合计');
    return {
      year,
      format,
      kind: typeof kind === 'string' ? kind : null,
      regionCode: node?.code ?? null,
      regionName: node?.name ?? null,
      level: where.level ?? null,
      reportCount: totals.reportCount,
      cells: this.cells(format, totals.cells),
      tables: buildTables(format, content.cells, computedTotals(content)),
    };
  }

  async agencies(ctx: RequestContext, kind: AgencyKind | null | undefined, region: string | null | undefined): Promise<PublicAgency[]> {
    await this.limiter.check(ctx);
    const { node, name } = await this.regionFilter(ctx, region);
    const agencies = await activeAgencies(ctx.manager, { kinds: kind ? [kind] : null, region: name, regionPath: node?.path ?? null });
    const [byAgency, regions] = await Promise.all([publishedYearsByAgency(ctx.manager), regionsWithin(ctx.manager, null)]);
    const codeOf = new Map(regions.map((g) => [g.id, g.code]));
    return agencies.map((a) => ({
      id: a.id,
      code: a.code,
      name: a.name,
      kind: a.kind,
      region: a.region,
      regionCode: a.regionId ? (codeOf.get(a.regionId) ?? null) : null,
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
