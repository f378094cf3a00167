/**
 * Storage of published revisions (report_revision) and their cells (published_cell). "Published"
 * means the CURRENT revision of a report everywhere — the public API, the downloads, county
 * compilation, quality ranking, open data — so the condition is written here once.
 */
import { cellKeys, type FormatId } from '@touming/domain/formats';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { ReportContent } from '@touming/domain/report';
import type { Page } from '../../common/list';
import { newId } from '../../db/columns';
import { Agency } from '../agencies/agency.entity';
import { Region } from '../regions/region.entity';
import type { Report } from '../reports/report.entity';
import { insertRows } from '../reports/report.repository';
import { addToTotals, publicationDeltas, publicationPlace } from '../regions/totals.repository';
import { PublishedCell } from './published-cell.entity';
import { ReportRevision } from './report-revision.entity';

/** the current revision of its report; isCurrent is a boolean column: 1 on both dialects (SQLite cannot bind JS booleans) */
export function currentOnly(alias = 'r'): string {
  return `${alias}.isCurrent = 1`;
}

/** which agencies a query covers: no field set = every agency that published */
export interface AgencySelection {
  agencyIds?: string[] | null;
  kinds?: readonly string[] | null;
  region?: string | null;
  /** only agencies placed in this region's subtree ('/<id>/…/', a prefix of their region's path) */
  regionPath?: string | null;
  /** only agencies placed directly in this region (its own level, 本级) */
  regionId?: string | null;
  /** only active agencies (a compilation's scope) */
  activeOnly?: boolean;
  /** only agencies that also have a current revision of this year in this format (like with like across years) */
  publishedIn?: { year: number; format: string } | null;
}

/** limit a query over rows carrying agencyId (revisions or published cells) to a selection */
export function applySelection<T extends object>(qb: SelectQueryBuilder<T>, alias: string, selection: AgencySelection): SelectQueryBuilder<T> {
  if (selection.agencyIds) {
    // an empty list selects nothing (not everything)
    if (selection.agencyIds.length === 0) qb.andWhere('1 = 0');
    else qb.andWhere(`${alias}.agencyId IN (:...agencyIds)`, { agencyIds: selection.agencyIds });
  }
  if (selection.kinds || selection.region || selection.regionPath || selection.regionId || selection.activeOnly) {
    qb.innerJoin(Agency, 'a', `a.id = ${alias}.agencyId`);
    if (selection.kinds) qb.andWhere('a.kind IN (:...kinds)', { kinds: selection.kinds.length ? selection.kinds : ['-'] });
    if (selection.region) qb.andWhere('a.region = :region', { region: selection.region });
    if (selection.regionId) qb.andWhere('a.regionId = :selRegionId', { selRegionId: selection.regionId });
    if (selection.activeOnly) qb.andWhere('a.active = 1');
    if (selection.regionPath) {
      qb.innerJoin(Region, 'sel_g', 'sel_g.id = a.regionId').andWhere('sel_g.path LIKE :selPath', { selPath: `${selection.regionPath}%` });
    }
  }
  if (selection.publishedIn) {
    qb.andWhere(
      `EXISTS (SELECT 1 FROM report_revision sel_p WHERE sel_p.agencyId = ${alias}.agencyId AND sel_p.isCurrent = 1 AND sel_p.year = :selPubYear AND sel_p.format = :selPubFormat)`,
      { selPubYear: selection.publishedIn.year, selPubFormat: selection.publishedIn.format },
    );
  }
  return qb;
}

/** any revision, current or superseded (signed-in readers see a report's whole history) */
export function findRevision(manager: EntityManager, id: string): Promise<ReportRevision | null> {
  return manager.findOne(ReportRevision, { where: { id } });
}

/** a current published revision, or null (drafts, superseded and unknown ids alike) */
export function findCurrentRevision(manager: EntityManager, id: string): Promise<ReportRevision | null> {
  return manager.createQueryBuilder(ReportRevision, 'r').where('r.id = :id', { id }).andWhere(currentOnly()).getOne();
}

/** the facts (no content) of every published revision of a report, first to last */
export function revisionHistory(manager: EntityManager, reportId: string): Promise<ReportRevision[]> {
  return manager
    .createQueryBuilder(ReportRevision, 'r')
    .select(['r.id', 'r.reportId', 'r.agencyId', 'r.year', 'r.format', 'r.revisionNo', 'r.contentHash', 'r.correctionNote', 'r.publishedAt', 'r.isCurrent'])
    .where('r.reportId = :reportId', { reportId })
    .orderBy('r.revisionNo', 'ASC')
    .getMany();
}

/** was the report ever published? */
export async function hasRevisions(manager: EntityManager, reportId: string): Promise<boolean> {
  return (await manager.count(ReportRevision, { where: { reportId } })) > 0;
}

export interface CurrentRevisionFilter {
  year?: number | null;
  agencyId?: string | null;
  kind?: string | null;
  region?: string | null;
  /** only agencies in this region's subtree */
  regionPath?: string | null;
}

/** a page of current revisions, filtered by their agency's kind and region too; `sort` may be agencyName */
export async function pageCurrentRevisions(manager: EntityManager, filter: CurrentRevisionFilter, page: Page): Promise<{ rows: ReportRevision[]; totalItems: number }> {
  const qb = manager.createQueryBuilder(ReportRevision, 'r').innerJoin(Agency, 'a', 'a.id = r.agencyId').where(currentOnly());
  if (filter.year != null) qb.andWhere('r.year = :year', { year: filter.year });
  if (filter.agencyId) qb.andWhere('r.agencyId = :agency', { agency: filter.agencyId });
  if (filter.kind) qb.andWhere('a.kind = :kind', { kind: filter.kind });
  if (filter.region) qb.andWhere('a.region = :region', { region: filter.region });
  if (filter.regionPath) qb.innerJoin(Region, 'g', 'g.id = a.regionId').andWhere('g.path LIKE :regionPath', { regionPath: `${filter.regionPath}%` });
  const order = page.sort === 'agencyName' ? 'a.name' : `r.${page.sort}`;
  // offset/limit, not skip/take: the join is many-to-one (never multiplies rows), and skip/take's
  // DISTINCT sub-select cannot order by the joined agency's name (sort: agencyName failed)
  const [rows, totalItems] = await qb.orderBy(order, page.order).addOrderBy('r.id', 'ASC').offset(page.skip).limit(page.take).getManyAndCount();
  return { rows, totalItems };
}

/** the years each agency has a current published revision for, ascending */
export async function publishedYearsByAgency(manager: EntityManager): Promise<Map<string, number[]>> {
  const rows: Array<{ agencyId: string; year: unknown }> = await manager
    .createQueryBuilder(ReportRevision, 'r')
    .select('r.agencyId', 'agencyId')
    .addSelect('r.year', 'year')
    .where(currentOnly())
    .getRawMany();
  const byAgency = new Map<string, number[]>();
  for (const row of rows) byAgency.set(row.agencyId, [...(byAgency.get(row.agencyId) ?? []), Number(row.year)]);
  for (const years of byAgency.values()) years.sort((x, y) => x - y);
  return byAgency;
}

/** the current revisions of a year (without their content column unless asked) */
export async function currentRevisions(
  manager: EntityManager,
  year: number,
  selection: AgencySelection = {},
  withContent = false,
): Promise<ReportRevision[]> {
  const qb = manager.createQueryBuilder(ReportRevision, 'r').where(currentOnly()).andWhere('r.year = :year', { year });
  if (!withContent) {
    qb.select(['r.id', 'r.reportId', 'r.agencyId', 'r.year', 'r.format', 'r.revisionNo', 'r.contentHash', 'r.correctionNote', 'r.publishedAt', 'r.isCurrent']);
  }
  applySelection(qb, 'r', selection);
  return qb.orderBy('r.agencyId', 'ASC').getMany();
}

export interface RevisionFacts {
  revisionNo: number;
  correctionNote: string | null;
  publishedAt: Date;
  publishedById: string;
}

/** a new current revision freezing `content` of the report as it is now (not yet inserted) */
export function newRevision(report: Report, content: ReportContent, facts: RevisionFacts): ReportRevision {
  return Object.assign(new ReportRevision(), {
    id: newId(),
    reportId: report.id,
    agencyId: report.agencyId,
    year: report.year,
    format: report.format,
    contentHash: report.contentHash,
    hashAlgorithm: report.hashAlgorithm,
    content,
    ...facts,
    isCurrent: true,
  });
}

/** one published_cell row per cell key of the revision's format (blank cells as null), for the SQL sums */
export function publishedCellsOf(revision: ReportRevision): PublishedCell[] {
  return cellKeys(revision.format as FormatId).map((key) =>
    Object.assign(new PublishedCell(), {
      revisionId: revision.id,
      key,
      agencyId: revision.agencyId,
      year: revision.year,
      format: revision.format,
      value: revision.content.cells[key] ?? null,
    }),
  );
}

/**
 * Publish a revision: the report's earlier revisions stop being current (they stay retrievable),
 * then the revision and its cells are written. Inside the caller's transaction.
 */
export async function insertCurrentRevision(manager: EntityManager, revision: ReportRevision): Promise<void> {
  // the maintained totals of the agency's region and every ancestor change in this same transaction:
  // what the earlier revision contributed is read before it stops being current (one statement) and
  // the differences are added after (one upsert)
  const place = await publicationPlace(manager, revision.agencyId, revision.reportId);
  await manager.update(ReportRevision, { reportId: revision.reportId, isCurrent: true }, { isCurrent: false });
  await manager.insert(ReportRevision, revision);
  await insertRows(manager, PublishedCell, publishedCellsOf(revision));
  await addToTotals(manager, publicationDeltas(place, revision));
}
