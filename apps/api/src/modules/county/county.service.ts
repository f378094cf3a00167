import { cellDefinition, formatForYear, isFormatId, type FormatId } from '@touming/domain/formats';
import { emptyReport, type ReportContent } from '@touming/domain/report';
import { computedTotals, validateReport, type ValidationResult } from '@touming/domain/validation';
import { CELL_BREAKDOWN_MAX_LIMIT, compareAgencyCellValues } from '@touming/domain/aggregate';
import type { EntityManager } from 'typeorm';
import { authorize } from '../../common/authorize';
import type { RequestContext } from '../../common/context';
import { badInput, conflict, notFound } from '../../common/errors';
import { withTransaction } from '../../db/transaction';
import { COMPILED_AGENCY_KINDS, ownGovernmentProblem, type AgencyKind } from '@touming/domain/agencies';
import type { Agency } from '../agencies/agency.entity';
import { activeAgencies, findAgencies } from '../agencies/agency.repository';
import { findCycleOfYear } from '../cycles/cycle.repository';
import { buildTables } from '../formats/tables';
import type { Report } from '../reports/report.entity';
import { findReportOf, reportStatusesIn, reportStatusesOf } from '../reports/report.repository';
import { ReportService } from '../reports/report.service';
import {
  CompilationExtentEnum,
  CountyScopeKind,
  type CountyAgencyCounts,
  type CountyAgencyStatus,
  type CountyCellBreakdown,
  type CountyRegionCounts,
  type CountyScope,
  type CountySummary,
} from './county.types';
import { censusTotals, childRegions, scopeCensus, type CensusRow, type CensusTotals, type ScopePlace } from './census.repository';
import { pathIds } from '@touming/domain/regions';
import type { ReportRevision } from '../revisions/report-revision.entity';
import { cellByAgency, publishedTotals, type PublishedTotals } from '../revisions/published-cell.repository';
import { currentRevisions, type AgencySelection } from '../revisions/revision.repository';
import { Injectable } from '../../common/injectable';
import { readOwnLevelTotals, readTotals } from '../regions/totals.repository';
import { supervisedRegion, type SupervisedRegion } from '../regions/supervised-region';

/** the agencies of each scope: ALL is every agency the county compiles (@touming/domain/agencies) */
const KINDS_OF_SCOPE: Record<Exclude<CountyScopeKind, 'LIST'>, readonly AgencyKind[]> = {
  ALL: COMPILED_AGENCY_KINDS,
  DEPARTMENTS: ['DEPARTMENT'],
  TOWNSHIPS: ['TOWNSHIP'],
};

/** only the table rules apply to summed tables: the narrative rules have no text to read */
function tableRulesOnly(result: ValidationResult): ValidationResult {
  const tableOnly = (r: { cells: string[] }) => r.cells.every((c) => !c.startsWith('section:'));
  return { errors: result.errors.filter(tableOnly), warnings: result.warnings.filter(tableOnly), notAssessable: result.notAssessable.filter(tableOnly) };
}

export function contentOfTotals(totals: PublishedTotals, agency: string): ReportContent {
  const content = emptyReport(totals.format, totals.year, agency);
  for (const key of Object.keys(content.cells)) content.cells[key] = totals.cells[key] ?? null;
  return content;
}

@Injectable()
export class CountyService {
  constructor(private readonly reportService: ReportService) {}

  /** the region a compilation covers (./../regions/supervised-region): asked for and supervised, or the caller's own */
  regionOf(ctx: RequestContext, regionId?: string | null): Promise<CompiledRegion> {
    return supervisedRegion(ctx, regionId, 'county.summary');
  }

  /**
   * the agencies of a scope (active ones), in code order: of the region's subtree, or of the region
   * itself only when the extent is OWN_LEVEL (本级); a deployment without regions has one level
   */
  async agenciesOf(manager: EntityManager, scope: CountyScope | null | undefined, region: CompiledRegion | null): Promise<Agency[]> {
    const kind = scope?.kind ?? CountyScopeKind.ALL;
    if (kind === CountyScopeKind.LIST) {
      const ids = scope?.agencyIds ?? [];
      if (ids.length === 0) throw badInput('指定单位汇总时须至少选择一个单位', { field: 'scope.agencyIds' });
      const found = await findAgencies(manager, ids);
      if (found.length !== new Set(ids).size) throw notFound('所选单位中有不存在的单位');
      return found;
    }
    if (region?.path && scope?.extent === CompilationExtentEnum.OWN_LEVEL) return activeAgencies(manager, { kinds: KINDS_OF_SCOPE[kind], regionId: region.id });
    return activeAgencies(manager, { kinds: KINDS_OF_SCOPE[kind], regionPath: region?.path ?? null });
  }

  /** a LIST of agencies is compiled only when every one is in the caller's subtree (else FORBIDDEN, audited) */
  async checkListed(ctx: RequestContext, scope: CountyScope | null | undefined, agencies: readonly Agency[]): Promise<void> {
    if (scope?.kind !== CountyScopeKind.LIST) return;
    for (const a of agencies) await authorize(ctx, 'county.summary', { agencyId: a.id, targetType: 'CountySummary' });
  }

  async formatOfYear(manager: EntityManager, year: number): Promise<FormatId> {
    const cycle = await findCycleOfYear(manager, year);
    return cycle && isFormatId(cycle.format) ? cycle.format : formatForYear(year).id;
  }

  /**
   * The county totals of a year over the agencies' current published revisions, validated with the
   * table rules, and compared with last year like with like: the change beside a cell is taken over
   * the agencies that published in both years only (comparableValue vs previousValue), so one
   * agency's early publication is never set against last year's whole county.
   *
   * A region's scope is counted in SQL (./census.repository: one statement whatever the number of
   * agencies) and its totals read from the maintained totals; the agencies are listed only when
   * `wants.lists` (the caller selected the lists) and the scope has at most `wants.listUpTo` of them.
   * A LIST of agencies is compiled from the agencies themselves, as before.
   */
  async summary(ctx: RequestContext, year: number, scope: CountyScope | null | undefined, wants: SummaryWants = {}): Promise<CountySummary> {
    await authorize(ctx, 'county.summary', { targetType: 'CountySummary' });
    const manager = ctx.manager;
    const region = await this.regionOf(ctx, scope?.regionId);
    if (scope?.kind === CountyScopeKind.LIST) {
      const agencies = await this.agenciesOf(manager, scope, region);
      await this.checkListed(ctx, scope, agencies);
      return this.listSummary(manager, year, scope, region, agencies);
    }
    const format = await this.formatOfYear(manager, year);
    const comparable = (await this.formatOfYear(manager, year - 1)) === format;
    const ownLevel = !!region.path && scope?.extent === CompilationExtentEnum.OWN_LEVEL;
    const kinds = KINDS_OF_SCOPE[scope?.kind ?? CountyScopeKind.ALL];
    const place: ScopePlace = { kinds, regionPath: ownLevel ? null : region.path, regionId: ownLevel ? region.id : null };
    const read = (y: number) => (ownLevel ? readOwnLevelTotals(manager, region.id, y, format, kinds) : readTotals(manager, region.id, y, format, kinds));
    const [census, maintained, maintainedBefore] = await Promise.all([scopeCensus(manager, year, format, place, wants.counts !== false), read(year), comparable ? read(year - 1) : Promise.resolve(null)]);
    const count = censusTotals(census);
    const countedNow = count.counted;
    const countedBefore = comparable ? count.countedBefore : 0;
    const both = comparable ? count.compared : 0;
    // the maintained totals count every agency of the kinds in the subtree, inactive ones too: they are
    // the answer when they count exactly the active agencies counted here
    const fromMaintained = maintained.reportCount === countedNow;
    const selection: AgencySelection = { kinds, regionPath: place.regionPath, regionId: place.regionId, activeOnly: true };
    const totals = fromMaintained ? maintained : await publishedTotals(manager, year, format, selection);
    // like with like: when every agency counted in one year is counted in the other, the comparable
    // totals are the year's totals; otherwise summed over the agencies published in both (rare at scale)
    const [comparableNow, comparableBefore] =
      comparable && both
        ? await Promise.all([
            both === countedNow ? Promise.resolve(totals) : publishedTotals(manager, year, format, { ...selection, publishedIn: { year: year - 1, format } }),
            both === countedBefore && maintainedBefore?.reportCount === countedBefore
              ? Promise.resolve(maintainedBefore)
              : publishedTotals(manager, year - 1, format, { ...selection, publishedIn: { year, format } }),
          ])
        : [null, null];

    const listed = wants.lists !== false && (wants.listUpTo == null || count.agencies <= wants.listUpTo);
    const lists = listed ? await this.listsOf(manager, year, format, comparable, place, selection) : { included: [], notPublished: [], missing: [] };
    const regions = wants.regions !== false && !ownLevel ? await this.regionCounts(manager, region, census) : [];
    return {
      ...this.compiled(year, format, scope, region, ownLevel, comparable, { totals, comparableNow, comparableBefore, countedNow, countedBefore, both }),
      fromMaintainedTotals: fromMaintained,
      agencyCounts: countsOf(count),
      agenciesListed: listed,
      regions,
      ...lists,
    };
  }

  /** the compilation of a LIST of agencies: their revisions, reports and sums by id (a few agencies) */
  private async listSummary(manager: EntityManager, year: number, scope: CountyScope, region: CompiledRegion, agencies: Agency[]): Promise<CountySummary> {
    const selection: AgencySelection = { agencyIds: agencies.map((a) => a.id) };
    const format = await this.formatOfYear(manager, year);
    const comparable = (await this.formatOfYear(manager, year - 1)) === format;
    const [revisions, previousRevisions, reports] = await Promise.all([
      currentRevisions(manager, year, selection),
      comparable ? currentRevisions(manager, year - 1, selection) : Promise.resolve([]),
      reportStatusesOf(manager, year, selection.agencyIds!),
    ]);
    const countedNow = new Set(revisions.filter((r) => r.format === format).map((r) => r.agencyId));
    const totals = await publishedTotals(manager, year, format, selection);
    const countedBefore = new Set(previousRevisions.filter((r) => r.format === format).map((r) => r.agencyId));
    const both = agencies.map((a) => a.id).filter((id) => countedNow.has(id) && countedBefore.has(id));
    const [comparableNow, comparableBefore] =
      comparable && both.length
        ? await Promise.all([
            both.length === countedNow.size ? Promise.resolve(totals) : publishedTotals(manager, year, format, { agencyIds: both }),
            publishedTotals(manager, year - 1, format, { agencyIds: both }),
          ])
        : [null, null];
    const lists = agencyLists(agencies, revisions, previousRevisions, reports, format);
    return {
      ...this.compiled(year, format, scope, region, false, comparable, { totals, comparableNow, comparableBefore, countedNow: countedNow.size, countedBefore: countedBefore.size, both: both.length }),
      fromMaintainedTotals: false,
      agencyCounts: { agencies: agencies.length, included: lists.included.length, notPublished: lists.notPublished.length, missing: lists.missing.length },
      agenciesListed: true,
      regions: [],
      ...lists,
    };
  }

  /** the agencies of a region's scope with their report and revision, sorted into the three lists (four statements, rows ∝ agencies) */
  private async listsOf(manager: EntityManager, year: number, format: FormatId, comparable: boolean, place: ScopePlace, selection: AgencySelection) {
    const [agencies, revisions, previousRevisions, reports] = await Promise.all([
      activeAgencies(manager, { kinds: place.kinds, regionPath: place.regionPath, regionId: place.regionId }),
      currentRevisions(manager, year, selection),
      comparable ? currentRevisions(manager, year - 1, selection) : Promise.resolve([]),
      reportStatusesIn(manager, year, place),
    ]);
    return agencyLists(agencies, revisions, previousRevisions, reports, format);
  }

  /** the census by the region's children (each child's subtree) and its own agencies (本级), for the drill-down */
  private async regionCounts(manager: EntityManager, region: CompiledRegion, census: readonly CensusRow[]): Promise<CountyRegionCounts[]> {
    const children = await childRegions(manager, region.path ? region.id : null);
    const depth = region.path ? pathIds(region.path).length : 0;
    const byChild = new Map<string, CensusRow[]>();
    const own: CensusRow[] = [];
    for (const row of census) {
      const child = row.path ? pathIds(row.path)[depth] : undefined;
      if (child) byChild.set(child, [...(byChild.get(child) ?? []), row]);
      else own.push(row);
    }
    const rows: CountyRegionCounts[] = [];
    if (own.length) {
      rows.push({ regionId: region.id || null, regionCode: null, regionName: region.name, regionLevel: region.level, ownLevel: true, counts: countsOf(censusTotals(own)) });
    }
    for (const c of children) {
      rows.push({ regionId: c.id, regionCode: c.code, regionName: c.name, regionLevel: c.level, ownLevel: false, counts: countsOf(censusTotals(byChild.get(c.id) ?? [])) });
    }
    return rows;
  }

  /** what both kinds of scope answer alike: the cells, tables, validation and comparison of the totals */
  private compiled(
    year: number,
    format: FormatId,
    scope: CountyScope | null | undefined,
    region: CompiledRegion,
    ownLevel: boolean,
    comparable: boolean,
    sums: { totals: PublishedTotals; comparableNow: PublishedTotals | null; comparableBefore: PublishedTotals | null; countedNow: number; countedBefore: number; both: number },
  ) {
    const { totals, comparableNow, comparableBefore, countedNow, countedBefore, both } = sums;
    const content = contentOfTotals(totals, '汇总');
    // the cross-year rules (carry-over …) only mean something when last year's totals cover the same agencies
    const previous = comparableBefore && both === countedNow ? contentOfTotals(comparableBefore, '汇总') : null;
    const validation = tableRulesOnly(validateReport(content, { previous }));
    const cells = Object.keys(content.cells).map((key) => {
      const value = totals.cells[key];
      const def = cellDefinition(format, key)!;
      const decimals = def.kind === 'amount' ? (def.decimals ?? 2) : 0;
      const comparableValue = comparableNow ? (comparableNow.cells[key] ?? null) : null;
      const previousValue = comparableBefore ? (comparableBefore.cells[key] ?? null) : null;
      const change = comparableValue !== null && previousValue !== null ? Number((comparableValue - previousValue).toFixed(decimals)) : null;
      return { key, label: def.label, value, blanks: totals.blanks[key], comparableValue, previousValue, change };
    });
    return {
      year,
      format,
      scope: scope?.kind ?? CountyScopeKind.ALL,
      extent: ownLevel ? CompilationExtentEnum.OWN_LEVEL : CompilationExtentEnum.SUBTREE,
      regionLevel: region.level,
      regionId: region.id || null,
      regionName: region.name,
      reportCount: totals.reportCount,
      tables: buildTables(format, content.cells, computedTotals(content)),
      cells,
      validation: {
        errors: validation.errors.map(toGraphqlRule),
        warnings: validation.warnings.map(toGraphqlRule),
        notAssessable: validation.notAssessable.map(toGraphqlRule),
      },
      previousYearComparable: comparable,
      comparison: {
        agencyCount: both,
        reportCount: countedNow,
        previousYearReportCount: comparable ? countedBefore : 0,
        description: comparisonNote(comparable, both, countedNow, countedBefore, year),
      },
    };
  }

  /** the summed content of a scope (for downloads and the county report) — permission checked */
  async summedContent(ctx: RequestContext, year: number, scope?: CountyScope | null): Promise<{ content: ReportContent; totals: PublishedTotals }> {
    await authorize(ctx, 'county.summary', { targetType: 'CountySummary' });
    const agencies = await this.agenciesOf(ctx.manager, scope, await this.regionOf(ctx, scope?.regionId));
    await this.checkListed(ctx, scope, agencies);
    const format = await this.formatOfYear(ctx.manager, year);
    const totals = await publishedTotals(ctx.manager, year, format, { agencyIds: agencies.map((a) => a.id) });
    // named by its caller (the download names it by the region it covers)
    return { content: contentOfTotals(totals, '汇总'), totals };
  }

  /** one cell by agency, largest first, a page at a time; the total is over every agency of the scope */
  async cellBreakdown(ctx: RequestContext, year: number, key: string, scope: CountyScope | null | undefined, page: { offset: number; limit: number } = { offset: 0, limit: 100 }): Promise<CountyCellBreakdown> {
    await authorize(ctx, 'county.summary', { targetType: 'CountySummary' });
    const { offset, limit } = page;
    if (!Number.isInteger(offset) || offset < 0) throw badInput('跳过的单位数（offset）不能为负数', { field: 'offset' });
    if (!Number.isInteger(limit) || limit < 1 || limit > CELL_BREAKDOWN_MAX_LIMIT) throw badInput(`每页单位数须在1到${CELL_BREAKDOWN_MAX_LIMIT}之间`, { field: 'limit' });
    const format = await this.formatOfYear(ctx.manager, year);
    const def = cellDefinition(format, key);
    if (!def) throw badInput(`${year}年度使用的${format}年版格式中没有单元格“${key}”`, { field: 'key' });
    const agencies = await this.agenciesOf(ctx.manager, scope, await this.regionOf(ctx, scope?.regionId));
    await this.checkListed(ctx, scope, agencies);
    const byId = new Map(agencies.map((a) => [a.id, a]));
    const rows = await cellByAgency(ctx.manager, year, key, { agencyIds: agencies.map((a) => a.id) });
    const items = rows.map((r) => {
      const agency = byId.get(r.agencyId)!;
      return { agencyId: r.agencyId, agencyName: agency.name, kind: agency.kind, revisionId: r.revisionId, value: r.value };
    });
    const filled = items.filter((i) => i.value !== null);
    const decimals = def.kind === 'amount' ? (def.decimals ?? 2) : 0;
    const total = filled.length ? Number(filled.reduce((s, i) => s + (i.value as number), 0).toFixed(decimals)) : null;
    items.sort(compareAgencyCellValues);
    return { key, label: def.label, total, itemCount: items.length, offset, items: items.slice(offset, offset + limit) };
  }

  /**
   * The own report of the people's government of the office's region (本级人民政府: a county office's
   * county government, a city office's city government), created through the reports service (same
   * audit, same carry-over) and filled with the region's totals (its whole subtree, as the summary
   * shows them by default); the narrative is left to write. From here it runs through the normal workflow.
   */
  async generateCountyReport(ctx: RequestContext, year: number): Promise<Report> {
    await authorize(ctx, 'county.summary', { targetType: 'CountySummary' });
    return withTransaction(ctx, async (tx) => {
      // the government placed in the office's own region (本级), not one of a county below a city
      const region = await this.regionOf(tx);
      const government = await activeAgencies(tx.manager, { kinds: ['COUNTY_GOVERNMENT'], regionId: region.path ? region.id : null });
      const problem = ownGovernmentProblem(government.length, region.level, region.name);
      if (problem) throw badInput(problem);
      const existing = await findReportOf(tx.manager, government[0].id, year);
      if (existing) throw conflict(`${government[0].name}${year}年度的报告已存在，不能重复生成`, { reportId: existing.id });
      const { content } = await this.summedContent(tx, year, { kind: CountyScopeKind.ALL, regionId: region.path ? region.id : null });
      const created = await this.reportService.create(tx, government[0].id, year);
      const cells = Object.entries(content.cells)
        .filter(([, value]) => value !== null)
        .map(([key, value]) => ({ key, value }));
      return this.reportService.update(tx, created.id, created.revision, { cells });
    });
  }
}

export type CompiledRegion = SupervisedRegion;

/** what the caller of summary asked for beyond the totals */
export interface SummaryWants {
  /** the agencies listed (included, notPublished, missing; default: yes) */
  lists?: boolean;
  /** …but only when the scope has at most this many agencies (null: any number) */
  listUpTo?: number | null;
  /** the counts by child region (default: yes) */
  regions?: boolean;
  /** the agencies counted as missing or not published (agencyCounts, regions; default: yes) */
  counts?: boolean;
}

function countsOf(c: CensusTotals): CountyAgencyCounts {
  return { agencies: c.agencies, included: c.counted, notPublished: c.agencies - c.counted - c.missing, missing: c.missing };
}

/**
 * The agencies sorted into counted (a current revision in the year's format), not published (a
 * report, or a revision in another format) and missing (no report), in the agencies' order.
 */
function agencyLists(
  agencies: readonly Agency[],
  revisions: readonly ReportRevision[],
  previousRevisions: readonly ReportRevision[],
  reports: ReadonlyArray<Pick<Report, 'agencyId' | 'status'>>,
  format: FormatId,
): { included: CountyAgencyStatus[]; notPublished: CountyAgencyStatus[]; missing: CountyAgencyStatus[] } {
  const revisionByAgency = new Map(revisions.map((r) => [r.agencyId, r]));
  const reportByAgency = new Map(reports.map((r) => [r.agencyId, r]));
  // looked up once per agency: a set, not a scan of a list as long as the agencies
  const countedBefore = new Set(previousRevisions.filter((r) => r.format === format).map((r) => r.agencyId));
  const included: CountyAgencyStatus[] = [];
  const notPublished: CountyAgencyStatus[] = [];
  const missing: CountyAgencyStatus[] = [];
  for (const agency of agencies) {
    const revision = revisionByAgency.get(agency.id);
    const report = reportByAgency.get(agency.id);
    const counted = !!revision && revision.format === format;
    const status: CountyAgencyStatus = {
      agencyId: agency.id,
      agencyName: agency.name,
      kind: agency.kind,
      reportStatus: report?.status ?? null,
      revisionId: revision?.id ?? null,
      publishedAt: revision?.publishedAt ?? null,
      note: null,
      comparedWithPreviousYear: counted && countedBefore.has(agency.id),
    };
    if (counted) included.push(status);
    else if (revision) notPublished.push({ ...status, note: `公开版本使用${revision.format}年版格式，与本年度${format}年版格式不符，未计入汇总` });
    else if (report) notPublished.push({ ...status, note: '报告尚未公开' });
    else missing.push({ ...status, note: '未报送本年度报告' });
  }
  return { included, notPublished, missing };
}

/** what the change beside each total compares, in words for the console and the downloads */
export function comparisonNote(comparable: boolean, both: number, now: number, before: number, year: number): string {
  if (!comparable) return `${year - 1}年度报告使用另一版格式，不能逐格比较`;
  if (both === 0) return `没有单位在${year - 1}、${year}两个年度都已公开报告，暂不比较增减`;
  const coverage = `本年已公开${now}个单位，上年${before}个`;
  return both === now && both === before
    ? `较上年的增减按同一批${both}个单位计算（两年均已公开）`
    : `较上年的增减只比较两年都已公开的${both}个单位（${coverage}），其余单位不计入增减`;
}

function toGraphqlRule(r: ValidationResult['errors'][number]) {
  const show = (v: unknown) => (v === undefined || v === null ? null : String(v));
  return { ruleId: r.ruleId, id: r.id, severity: r.severity, status: r.status, cells: r.cells, expected: show(r.expected), actual: show(r.actual), message: r.message, explanation: null };
}
