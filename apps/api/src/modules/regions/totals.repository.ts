/**
 * The maintained totals (region_total): per region subtree, year, format, agency kind and cell key,
 * the sum and the count of filled cells of the CURRENT published revisions, plus a '#reports' row
 * counting the revisions. Kept current in the publication's transaction by applyPublication (two
 * statements: read what the publication replaces and where the agency sits, then one upsert of the
 * differences for the region and every ancestor), recomputed from published_cell by freshTotals
 * (`touming totals verify|rebuild`, and after a region or an agency moves).
 */
import { getFormat, type FormatId } from '@touming/domain/formats';
import { pathIds } from '@touming/domain/regions';
import type { EntityManager } from 'typeorm';
import { concatSql, dialectOf } from '../../db/dialect';
import type { PublishedTotals } from '../revisions/published-cell.repository';
import type { ReportRevision } from '../revisions/report-revision.entity';

/** the region id of the whole deployment's totals (every agency, placed in a region or not) */
export const WHOLE_DEPLOYMENT = '';
/** the key whose `filled` counts the summed revisions */
export const REPORTS_KEY = '#reports';

/** totals are decimal(18,4): sums are rounded there so floating-point noise never reaches a row */
const round4 = (n: number) => Number(n.toFixed(4));

export interface TotalRow {
  regionId: string;
  year: number;
  format: string;
  kind: string;
  key: string;
  total: number;
  filled: number;
}

const rowKey = (r: Pick<TotalRow, 'regionId' | 'year' | 'format' | 'kind' | 'key'>) => `${r.regionId}|${r.year}|${r.format}|${r.kind}|${r.key}`;

interface PublicationPlace {
  kind: string;
  path: string | null;
  /** the cells of the revision the publication supersedes (none for a first publication) */
  previous: { year: number; format: string; cells: Array<{ key: string; value: number | null }> } | null;
}

/**
 * Statement one of the maintenance, before the earlier revision stops being current: the agency's
 * kind and region path and the cells of the report's current revision, in one round trip. The
 * revision is found through the agency's index (report_revision has none on reportId on SQLite).
 */
export async function publicationPlace(manager: EntityManager, agencyId: string, reportId: string): Promise<PublicationPlace> {
  const rows: Array<{ kind: string; path: string | null; oldYear: unknown; oldFormat: string | null; key: string | null; value: unknown }> = await manager.query(
    `SELECT a.kind AS kind, g.path AS path, r.year AS oldYear, r.format AS oldFormat, c.\`key\` AS \`key\`, c.value AS value
       FROM agency a
       LEFT JOIN region g ON g.id = a.regionId
       LEFT JOIN report_revision r ON r.agencyId = a.id AND r.reportId = ? AND r.isCurrent = 1
       LEFT JOIN published_cell c ON c.revisionId = r.id
      WHERE a.id = ?`,
    [reportId, agencyId],
  );
  if (!rows.length) return { kind: 'DEPARTMENT', path: null, previous: null };
  const first = rows[0];
  const previous =
    first.oldFormat != null
      ? {
          year: Number(first.oldYear),
          format: first.oldFormat,
          cells: rows.filter((r) => r.key != null).map((r) => ({ key: r.key!, value: r.value == null ? null : Number(r.value) })),
        }
      : null;
  return { kind: first.kind, path: first.path, previous };
}

/** the regions a publication of an agency at `path` counts in: the whole deployment and every ancestor */
export function countedIn(path: string | null): string[] {
  return [WHOLE_DEPLOYMENT, ...(path ? pathIds(path) : [])];
}

/**
 * The differences a publication makes: the new revision's cells added, the superseded revision's
 * taken away, at every region it counts in. Rows that do not change are left out (a correction of
 * one cell touches that cell's rows and nothing else).
 */
export function publicationDeltas(place: PublicationPlace, revision: Pick<ReportRevision, 'year' | 'format' | 'content'>): TotalRow[] {
  const deltas = new Map<string, TotalRow>();
  const add = (year: number, format: string, key: string, total: number, filled: number) => {
    for (const regionId of countedIn(place.path)) {
      const k = rowKey({ regionId, year, format, kind: place.kind, key });
      const row = deltas.get(k) ?? { regionId, year, format, kind: place.kind, key, total: 0, filled: 0 };
      row.total = round4(row.total + total);
      row.filled += filled;
      deltas.set(k, row);
    }
  };
  if (place.previous) {
    add(place.previous.year, place.previous.format, REPORTS_KEY, 0, -1);
    for (const c of place.previous.cells) add(place.previous.year, place.previous.format, c.key, -(c.value ?? 0), c.value == null ? 0 : -1);
  }
  add(revision.year, revision.format, REPORTS_KEY, 0, 1);
  for (const def of getFormat(revision.format as FormatId).cells) {
    const value = revision.content.cells[def.key] ?? null;
    add(revision.year, revision.format, def.key, value ?? 0, value == null ? 0 : 1);
  }
  // a fixed order: concurrent publications lock shared rows (the province's, the deployment's) in
  // the same order on MySQL, so they queue instead of deadlocking
  return [...deltas.values()].filter((r) => r.total !== 0 || r.filled !== 0).sort((a, b) => (rowKey(a) < rowKey(b) ? -1 : 1));
}

/** statement two: add the differences to the rows (created at zero when missing), one upsert */
export async function addToTotals(manager: EntityManager, deltas: readonly TotalRow[]): Promise<void> {
  if (!deltas.length) return;
  const mysql = dialectOf(manager) === 'mysql';
  // SQLite binds at most 32766 parameters; a publication is ~5 regions × ~130 keys × 7 = ~4,500
  const CHUNK = 2000;
  for (let i = 0; i < deltas.length; i += CHUNK) {
    const part = deltas.slice(i, i + CHUNK);
    const values = part.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ');
    const params = part.flatMap((r) => [r.regionId, r.year, r.format, r.kind, r.key, r.total, r.filled]);
    const conflict = mysql
      ? 'ON DUPLICATE KEY UPDATE total = total + VALUES(total), filled = filled + VALUES(filled)'
      : 'ON CONFLICT (regionId, year, format, kind, `key`) DO UPDATE SET total = total + excluded.total, filled = filled + excluded.filled';
    await manager.query(`INSERT INTO region_total (regionId, year, format, kind, \`key\`, total, filled) VALUES ${values} ${conflict}`, params);
  }
}

/**
 * The totals of a region's subtree (WHOLE_DEPLOYMENT: of everything) for a year and format, over
 * some agency kinds (null: all): one statement over at most kinds × keys rows, whatever the number
 * of agencies.
 */
export function readTotals(manager: EntityManager, regionId: string, year: number, format: FormatId, kinds: readonly string[] | null): Promise<PublishedTotals> {
  return sumTotals(manager, { year, format, kinds }, 't.total', 't.filled', 't.regionId = :regionId', { regionId });
}

/**
 * The totals of a region's own agencies only (本级): its subtree rows less its children's subtree
 * rows, one statement over at most (children + 1) × kinds × keys rows, whatever the number of agencies.
 */
export function readOwnLevelTotals(
  manager: EntityManager,
  regionId: string,
  year: number,
  format: FormatId,
  kinds: readonly string[] | null,
): Promise<PublishedTotals> {
  return sumTotals(
    manager,
    { year, format, kinds },
    'CASE WHEN t.regionId = :regionId THEN t.total ELSE -t.total END',
    'CASE WHEN t.regionId = :regionId THEN t.filled ELSE -t.filled END',
    '(t.regionId = :regionId OR t.regionId IN (SELECT c.id FROM region c WHERE c.parentId = :regionId))',
    { regionId },
  );
}

/** one statement summing region_total rows by cell key: which rows (`where`) and how each counts (`total`, `filled`) */
async function sumTotals(
  manager: EntityManager,
  of: { year: number; format: FormatId; kinds: readonly string[] | null },
  total: string,
  filled: string,
  where: string,
  params: Record<string, unknown>,
): Promise<PublishedTotals> {
  const qb = manager
    .createQueryBuilder()
    .select('t.key', 'key')
    .addSelect(`SUM(${total})`, 'total')
    .addSelect(`SUM(${filled})`, 'filled')
    .from('region_total', 't')
    .where(where, params)
    .andWhere('t.year = :year', { year: of.year })
    .andWhere('t.format = :format', { format: of.format })
    .groupBy('t.key');
  if (of.kinds) qb.andWhere('t.kind IN (:...kinds)', { kinds: of.kinds.length ? of.kinds : ['-'] });
  return totalsOf(of.format, of.year, await qb.getRawMany());
}

/** summed rows (key, total, filled) as the totals of a format, blank where nothing was filled */
function totalsOf(format: FormatId, year: number, rows: Array<{ key: string; total: unknown; filled: unknown }>): PublishedTotals {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const reportCount = Number(byKey.get(REPORTS_KEY)?.filled ?? 0);
  const cells: Record<string, number | null> = {};
  const blanks: Record<string, number> = {};
  for (const def of getFormat(format).cells) {
    const row = byKey.get(def.key);
    const filled = row ? Number(row.filled) : 0;
    blanks[def.key] = reportCount - filled;
    cells[def.key] = filled === 0 ? null : Number(Number(row!.total).toFixed(def.kind === 'amount' ? (def.decimals ?? 2) : 0));
  }
  return { format, year, reportCount, cells, blanks };
}

/**
 * The totals over the regions of one level inside a subtree (null: anywhere) — e.g. the counties of
 * a city without the city's own agencies: their subtree rows summed, still one statement.
 */
export async function readLevelTotals(
  manager: EntityManager,
  path: string | null,
  level: string,
  year: number,
  format: FormatId,
  kinds: readonly string[] | null,
): Promise<PublishedTotals> {
  const qb = manager
    .createQueryBuilder()
    .select('t.key', 'key')
    .addSelect('SUM(t.total)', 'total')
    .addSelect('SUM(t.filled)', 'filled')
    .from('region_total', 't')
    .innerJoin('region', 'g', 'g.id = t.regionId')
    .where('g.level = :level', { level })
    .andWhere('t.year = :year', { year })
    .andWhere('t.format = :format', { format })
    .groupBy('t.key');
  if (path) qb.andWhere('g.path LIKE :path', { path: `${path}%` });
  if (kinds) qb.andWhere('t.kind IN (:...kinds)', { kinds: kinds.length ? kinds : ['-'] });
  return totalsOf(format, year, await qb.getRawMany());
}

/**
 * The totals as they should be, summed afresh from the current revisions' cells: per region subtree
 * (a region joined with every agency whose region path starts with its own) and for the whole
 * deployment. What `totals verify` compares with and `totals rebuild` writes.
 */
export async function freshTotals(manager: EntityManager): Promise<TotalRow[]> {
  const dialect = dialectOf(manager);
  const within = `ar.path LIKE ${concatSql(dialect, 'g.path', "'%'")}`;
  const cellSums = (regionExpr: string, joins: string) =>
    `SELECT ${regionExpr} AS regionId, c.year AS year, c.format AS format, a.kind AS kind, c.\`key\` AS \`key\`, SUM(c.value) AS total, COUNT(c.value) AS filled
       FROM published_cell c
       JOIN report_revision r ON r.id = c.revisionId AND r.isCurrent = 1
       JOIN agency a ON a.id = c.agencyId ${joins}
      GROUP BY ${regionExpr === "''" ? '' : `${regionExpr}, `}c.year, c.format, a.kind, c.\`key\``;
  const reportCounts = (regionExpr: string, joins: string) =>
    `SELECT ${regionExpr} AS regionId, r.year AS year, r.format AS format, a.kind AS kind, '${REPORTS_KEY}' AS \`key\`, 0 AS total, COUNT(*) AS filled
       FROM report_revision r
       JOIN agency a ON a.id = r.agencyId ${joins}
      WHERE r.isCurrent = 1
      GROUP BY ${regionExpr === "''" ? '' : `${regionExpr}, `}r.year, r.format, a.kind`;
  const inRegions = `JOIN region ar ON ar.id = a.regionId JOIN region g ON ${within}`;
  const rows: Array<Record<string, unknown>> = [];
  for (const sql of [cellSums("''", ''), cellSums('g.id', inRegions), reportCounts("''", ''), reportCounts('g.id', inRegions)]) {
    rows.push(...(await manager.query(sql)));
  }
  return totalRowsOf(rows);
}

/** raw (regionId, year, format, kind, key, total, filled) rows as totals, those that say nothing dropped (rows worn down to zero are as good as absent) */
function totalRowsOf(rows: Array<Record<string, unknown>>): TotalRow[] {
  return rows
    .map((r) => ({
      regionId: String(r.regionId),
      year: Number(r.year),
      format: String(r.format),
      kind: String(r.kind),
      key: String(r.key),
      total: round4(Number(r.total ?? 0)),
      filled: Number(r.filled),
    }))
    .filter((r) => r.total !== 0 || r.filled !== 0);
}

/** the maintained rows that say anything (rows worn down to zero are as good as absent) */
export async function maintainedTotals(manager: EntityManager): Promise<TotalRow[]> {
  const rows: Array<Record<string, unknown>> = await manager.query('SELECT regionId, year, format, kind, `key`, total, filled FROM region_total');
  return totalRowsOf(rows);
}

export interface TotalDifference {
  regionId: string;
  year: number;
  format: string;
  kind: string;
  key: string;
  maintained: { total: number; filled: number } | null;
  fresh: { total: number; filled: number } | null;
}

/** every row where the maintained totals and a fresh sum disagree */
export function compareTotals(maintained: readonly TotalRow[], fresh: readonly TotalRow[]): TotalDifference[] {
  const a = new Map(maintained.map((r) => [rowKey(r), r]));
  const b = new Map(fresh.map((r) => [rowKey(r), r]));
  const differences: TotalDifference[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const m = a.get(k);
    const f = b.get(k);
    if (m && f && Math.abs(m.total - f.total) < 1e-6 && m.filled === f.filled) continue;
    const base = (m ?? f)!;
    differences.push({
      regionId: base.regionId,
      year: base.year,
      format: base.format,
      kind: base.kind,
      key: base.key,
      maintained: m ? { total: m.total, filled: m.filled } : null,
      fresh: f ? { total: f.total, filled: f.filled } : null,
    });
  }
  return differences.sort((x, y) => (rowKey(x) < rowKey(y) ? -1 : 1));
}

/** replace every maintained row with a fresh sum (inside the caller's transaction) */
export async function rebuildTotals(manager: EntityManager): Promise<number> {
  const fresh = await freshTotals(manager);
  await manager.query('DELETE FROM region_total');
  await addToTotals(manager, fresh);
  return fresh.length;
}
