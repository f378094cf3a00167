import { currentHashAlgorithm } from '../../common/hashing';
import { getFormat, NARRATIVE_KEYS, type FormatId, type NarrativeKey } from '@touming/domain/formats';
import { contentHash } from '@touming/domain/hash';
import type { ReportContent } from '@touming/domain/report';
import { validateReport, type ValidationResult } from '@touming/domain/validation';
import type { ReportStatus } from '@touming/domain/workflow';
import { In, type EntityManager } from 'typeorm';
import type { Page } from '../../common/list';
import { decimalToNumber, newId } from '../../db/columns';
import { ReportCell } from './report-cell.entity';
import { Report } from './report.entity';
import { scopeCondition, type ListScope } from '../../common/scope';
import { hydrate, selectColumns } from '../../db/raw-rows';
import { Agency } from '../agencies/agency.entity';
import { Region } from '../regions/region.entity';

/**
 * Storage of reports: a report row plus one report_cell row per filled cell. Everything here takes
 * an EntityManager (the open transaction's when writing) and performs a fixed number of queries.
 */

/** the domain's view of a stored report */
export function contentOf(report: Report, cells: ReportCell[]): ReportContent {
  const values: Record<string, number | null> = {};
  for (const cell of getFormat(report.format as FormatId).cells) values[cell.key] = null;
  for (const cell of cells) values[cell.key] = cell.value;
  return {
    format: report.format as FormatId,
    year: report.year,
    agency: report.agencyName,
    sections: { overview: report.overview, problems: report.problems, other: report.other },
    cells: values,
  };
}

/** a report by id (hand-written: read before every save and by most acts; the same entity as TypeORM's) */
export async function findReport(manager: EntityManager, id: string): Promise<Report | null> {
  const rows: Record<string, unknown>[] = await manager.query(`SELECT ${selectColumns(manager, Report, 'r')} FROM report r WHERE r.id = ?`, [id]);
  return rows.length ? hydrate(manager, Report, rows[0], 'r') : null;
}

/**
 * The stored cells of reports as plain rows (reportId, key, value), not entities: a report has ~200
 * cells and a save reads two reports' worth; TypeORM's entity hydration of them was a visible share
 * of the CPU profile under load. DECIMAL comes back as a string from mysql2: converted as the
 * column's transformer does.
 */
export async function readCellRows(manager: EntityManager, reportIds: readonly string[]): Promise<ReportCell[]> {
  if (reportIds.length === 0) return [];
  const raw: { reportId: string; key: string; value: string | number | null }[] = await manager.query(
    `SELECT reportId, \`key\`, value FROM report_cell WHERE reportId IN (${reportIds.map(() => '?').join(', ')})`,
    [...reportIds],
  );
  return raw.map((r) => ({ reportId: r.reportId, key: r.key, value: decimalToNumber.from(r.value) }));
}

/** the report of an agency and year (there is at most one) */
export function findReportOf(manager: EntityManager, agencyId: string, year: number): Promise<Report | null> {
  return manager.findOne(Report, { where: { agencyId, year } });
}

/** id, agency and status of the reports of a year of these agencies (no content) */
export function reportStatusesOf(manager: EntityManager, year: number, agencyIds: readonly string[]): Promise<Pick<Report, 'id' | 'agencyId' | 'status'>[]> {
  if (agencyIds.length === 0) return Promise.resolve([]);
  return manager.find(Report, { where: { year, agencyId: In([...agencyIds]) }, select: { id: true, agencyId: true, status: true } });
}

/**
 * id, agency and status of the reports of a year of the active agencies of some kinds, in a region's
 * subtree (regionPath) or its own level (regionId) or anywhere: a compilation's scope by a join, not an id list
 */
export function reportStatusesIn(
  manager: EntityManager,
  year: number,
  place: { kinds: readonly string[]; regionPath: string | null; regionId: string | null },
): Promise<Pick<Report, 'id' | 'agencyId' | 'status'>[]> {
  const qb = manager
    .createQueryBuilder(Report, 'r')
    .select(['r.id', 'r.agencyId', 'r.status'])
    .innerJoin(Agency, 'a', 'a.id = r.agencyId')
    .where('r.year = :year', { year })
    .andWhere('a.active = 1')
    .andWhere('a.kind IN (:...kinds)', { kinds: place.kinds.length ? place.kinds : ['-'] });
  if (place.regionId) qb.andWhere('a.regionId = :regionId', { regionId: place.regionId });
  if (place.regionPath) qb.innerJoin(Region, 'g', 'g.id = a.regionId').andWhere('g.path LIKE :path', { path: `${place.regionPath}%` });
  return qb.getMany();
}

export interface ReportListFilter {
  /** only this agency's reports (an agency user sees its own) */
  /** what the caller may see (../../common/scope) */
  scope?: ListScope;
  agencyId?: string | null;
  year?: number | null;
  status?: string | null;
  format?: string | null;
}

/**
 * A page of reports with their agencies joined (many-to-one: one row per report, so a plain LIMIT
 * pages correctly) and the total in the same statement (a window count, computed before the LIMIT);
 * each report's agency is left on `agencyRef` for the caller to take. Hand-written: the list is the
 * console's most frequent read, and TypeORM built the join and a separate COUNT(DISTINCT) on every
 * request (its query building and result transformer were the largest JavaScript share of the
 * page's CPU profile). A page past the end has no row to carry the total: counted separately then.
 * (Sorted by agency name, the order is the one asked for: TypeORM's second ordering on the same
 * column replaced the first, so a descending sort by name came out ascending.)
 */
/** the columns a listing leaves out: the text sections and the stored validation (large, and parsed per row) */
export const REPORT_CONTENT_COLUMNS = ['overview', 'problems', 'other', 'validation'] as const;

export async function pageReports(
  manager: EntityManager,
  filter: ReportListFilter,
  page: Page,
  /** 'listing': the rows without REPORT_CONTENT_COLUMNS (those properties are then unset) */
  columns: 'whole' | 'listing' = 'whole',
): Promise<{ items: Report[]; totalItems: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const and = (sql: string, ...values: unknown[]) => {
    where.push(sql);
    params.push(...values);
  };
  const scope = scopeCondition('r.agencyId', filter.scope);
  if (scope) and(scope.sql, ...scope.params);
  if (filter.agencyId) and('r.agencyId = ?', filter.agencyId);
  if (filter.year != null) and('r.year = ?', filter.year);
  if (filter.status) and('r.status = ?', filter.status);
  if (filter.format) and('r.format = ?', filter.format);
  const condition = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  // page.sort is one of the service's whitelisted column names, skip/take checked integers (pageOf)
  const order = `r.\`${page.sort}\` ${page.order === 'DESC' ? 'DESC' : 'ASC'}${page.sort === 'agencyName' ? '' : ', r.agencyName ASC'}, r.id ASC`;
  // the window count and the sort run over narrow rows (id and sort keys) in the derived table; only
  // the page's rows are then read whole (with 2,000 agencies, counting and sorting whole rows — text
  // sections, stored validation — made MariaDB materialise every report of the year)
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT ${selectColumns(manager, Report, 'r', 'r', columns === 'listing' ? REPORT_CONTENT_COLUMNS : [])}, ${selectColumns(manager, Agency, 'a')}, p.totalItems AS totalItems ` +
      `FROM (SELECT r.id AS id, COUNT(*) OVER () AS totalItems FROM report r${condition} ORDER BY ${order} LIMIT ${Number(page.take)} OFFSET ${Number(page.skip)}) p ` +
      `INNER JOIN report r ON r.id = p.id LEFT JOIN agency a ON a.id = r.agencyId ORDER BY ${order}`,
    params,
  );
  const items = rows.map((raw) => {
    const report = hydrate(manager, Report, raw, 'r');
    if (raw.a_id != null) report.agencyRef = hydrate(manager, Agency, raw, 'a');
    return report;
  });
  if (rows.length) return { items, totalItems: Number(rows[0].totalItems) };
  const [{ n }]: { n: number | string }[] = await manager.query(`SELECT COUNT(*) AS n FROM report r${condition}`, params);
  return { items, totalItems: Number(n) };
}

/** insert a new report row and its filled cells (a second report of the agency and year raises the driver's unique violation first) */
export async function insertReportWithCells(manager: EntityManager, report: Report, content: ReportContent): Promise<void> {
  await manager.insert(Report, report);
  await insertRows(manager, ReportCell, cellRows(report.id, content));
}

/** a workflow act's new status (the row is locked by the act; `report` is updated in place) */
export async function updateReportStatus(manager: EntityManager, report: Report, status: ReportStatus, at: Date): Promise<void> {
  await manager.update(Report, { id: report.id }, { status, updatedAt: at });
  report.status = status;
  report.updatedAt = at;
}

/** delete a report and its cells (drafts only; the caller has put the content on the trail) */
export async function deleteReportWithCells(manager: EntityManager, id: string): Promise<void> {
  await manager.delete(ReportCell, { reportId: id });
  await manager.delete(Report, { id });
}

export async function loadContent(manager: EntityManager, report: Report): Promise<ReportContent> {
  return contentOf(report, await readCellRows(manager, [report.id]));
}

/** last year's report of the same agency with its content, or null */
export async function loadPreviousContent(manager: EntityManager, agencyId: string, year: number): Promise<ReportContent | null> {
  const previous = await manager.findOne(Report, { where: { agencyId, year: year - 1 } });
  return previous ? loadContent(manager, previous) : null;
}

/**
 * A report and last year's report of its agency in one statement (an index-merge union of the
 * primary key and the agency/year key), with the path of the region the report's agency is placed in
 * (what a regional office's permission check asks next); [undefined, null, null] when the report does
 * not exist. Hand-written (report(id) and every save read it): TypeORM's query building and result
 * transformer were a visible share of report(id)'s CPU profile.
 */
export async function loadWithPrevious(manager: EntityManager, id: string): Promise<[Report | undefined, Report | null, string | null]> {
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT ${selectColumns(manager, Report, 'r')}, g.path AS agencyRegionPath FROM report r ` +
      'INNER JOIN report c ON c.id = ? AND (r.id = c.id OR (r.agencyId = c.agencyId AND r.year = c.year - 1)) ' +
      'LEFT JOIN agency a ON a.id = c.agencyId LEFT JOIN region g ON g.id = a.regionId',
    [id],
  );
  const reports = rows.map((raw) => hydrate(manager, Report, raw, 'r'));
  return [reports.find((r) => r.id === id), reports.find((r) => r.id !== id) ?? null, (rows[0]?.agencyRegionPath as string | null | undefined) ?? null];
}

/** the contents of a report and of last year's report, their cells read in one statement */
export async function loadContentWithPrevious(manager: EntityManager, report: Report, previous: Report | null): Promise<[ReportContent, ReportContent | null]> {
  const cells = await readCellRows(manager, previous ? [report.id, previous.id] : [report.id]);
  return [
    contentOf(report, cells.filter((c) => c.reportId === report.id)),
    previous ? contentOf(previous, cells.filter((c) => c.reportId === previous.id)) : null,
  ];
}

/** the derived columns of a content: hash, stored validation and its counts, sections */
export function derivedColumns(content: ReportContent, previous: ReportContent | null) {
  // a content written now is hashed with the algorithm configured now; the row says which
  const algorithm = currentHashAlgorithm();
  const validation: ValidationResult = validateReport(content, { previous });
  return {
    agencyName: content.agency,
    format: content.format,
    overview: content.sections.overview ?? '',
    problems: content.sections.problems ?? '',
    other: content.sections.other ?? '',
    contentHash: contentHash(content, algorithm),
    hashAlgorithm: algorithm,
    validation,
    errorCount: validation.errors.length,
    warningCount: validation.warnings.length,
  };
}

/** a new report row for a content (not yet inserted) */
export function newReportRow(
  agencyId: string,
  content: ReportContent,
  previous: ReportContent | null,
  opts: { status?: ReportStatus; at?: Date; id?: string } = {},
): Report {
  const at = opts.at ?? new Date();
  return Object.assign(new Report(), {
    id: opts.id ?? newId(),
    agencyId,
    year: content.year,
    status: opts.status ?? 'DRAFT',
    revision: 1,
    createdAt: at,
    updatedAt: at,
    ...derivedColumns(content, previous),
  });
}

/** the rows of the filled cells (blank cells have none) */
export function cellRows(reportId: string, content: ReportContent): ReportCell[] {
  const rows: ReportCell[] = [];
  for (const [key, value] of Object.entries(content.cells)) {
    if (value !== null && value !== undefined) rows.push(Object.assign(new ReportCell(), { reportId, key, value }));
  }
  return rows;
}

const CHUNK = 400;

/** multi-row inserts in chunks (bounded bind-parameter counts on both dialects) */
export async function insertRows<T extends object>(manager: EntityManager, entity: new () => T, rows: T[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await manager.createQueryBuilder().insert().into(entity).values(rows.slice(i, i + CHUNK) as any).updateEntity(false).execute();
  }
}

/**
 * Optimistic concurrency: raise the revision only if it still is `expected`. Returns false when
 * another writer got there first (nothing is changed then). On MySQL this also row-locks the report
 * until the transaction ends.
 */
export async function bumpRevision(manager: EntityManager, id: string, expected: number, at: Date): Promise<boolean> {
  const result = await manager
    .createQueryBuilder()
    .update(Report)
    .set({ revision: () => 'revision + 1', updatedAt: at })
    .where('id = :id AND revision = :expected', { id, expected })
    .execute();
  return (result.affected ?? 0) === 1;
}

export interface CellChange {
  key: string;
  before: number | null;
  after: number | null;
}
export interface SectionChange {
  key: NarrativeKey;
  before: string;
  after: string;
}

/** what differs between two contents of one report */
export function diffContent(before: ReportContent, after: ReportContent): { cells: CellChange[]; sections: SectionChange[] } {
  const cells: CellChange[] = [];
  const keys = new Set([...Object.keys(before.cells), ...Object.keys(after.cells)]);
  for (const key of keys) {
    const b = before.cells[key] ?? null;
    const a = after.cells[key] ?? null;
    if (b !== a) cells.push({ key, before: b, after: a });
  }
  const sections: SectionChange[] = [];
  for (const key of NARRATIVE_KEYS) {
    const b = before.sections[key] ?? '';
    const a = after.sections[key] ?? '';
    if (b !== a) sections.push({ key, before: b, after: a });
  }
  return { cells, sections };
}

/** write a content's changes: the report's derived columns and exactly the changed cells */
export async function writeContent(
  manager: EntityManager,
  report: Report,
  after: ReportContent,
  changes: CellChange[],
  previous: ReportContent | null,
): Promise<void> {
  const derived = derivedColumns(after, previous);
  await manager.update(Report, { id: report.id }, derived);
  Object.assign(report, derived);
  const cleared = changes.filter((c) => c.after === null).map((c) => c.key);
  const inserted = changes.filter((c) => c.before === null && c.after !== null);
  const updated = changes.filter((c) => c.before !== null && c.after !== null);
  if (cleared.length) {
    // `key` is a reserved word in MySQL: let TypeORM quote it
    await manager.delete(ReportCell, { reportId: report.id, key: In(cleared) });
  }
  if (inserted.length) {
    await insertRows(manager, ReportCell, inserted.map((c) => Object.assign(new ReportCell(), { reportId: report.id, key: c.key, value: c.after })));
  }
  for (const c of updated) {
    await manager.update(ReportCell, { reportId: report.id, key: c.key }, { value: c.after });
  }
}
