/**
 * How the agencies of a compilation's scope stand, counted in SQL: per region they sit in, how many
 * active agencies there are, how many are counted in the year's totals (a current revision of the
 * year in the year's format), how many also published last year in that format, and how many have no
 * report at all. One statement whatever the number of agencies (its rows are the regions of the
 * scope), where the summary used to load every agency, revision and report by id lists.
 *
 * The report is looked for by NOT EXISTS, not a LEFT JOIN: joined, MariaDB 10.11 read it through
 * IDX_report_year_status (every report of the year, ~5,000 rows per agency at a province, EXPLAIN)
 * instead of UQ_report_agency_year; the subquery is an index-only eq_ref on that key.
 */
import type { EntityManager } from 'typeorm';

/** where a compilation looks: the agencies of these kinds, in a region's subtree or its own level, or anywhere */
export interface ScopePlace {
  kinds: readonly string[];
  /** the region's subtree (a prefix of the agencies' region path); null: anywhere */
  regionPath: string | null;
  /** the region's own agencies only (本级); null: not limited to one region */
  regionId: string | null;
}

export interface CensusRow {
  /** the region the agencies sit in directly (null: placed in none) */
  regionId: string | null;
  path: string | null;
  agencies: number;
  /** a current revision of the year in the year's format: in the totals */
  counted: number;
  /** a current revision of last year in the year's format */
  countedBefore: number;
  /** both of the above: compared with last year */
  compared: number;
  /** neither a current revision of the year nor a report of the year */
  missing: number;
}

export type CensusTotals = Omit<CensusRow, 'regionId' | 'path'>;

/** `withMissing: false` leaves `missing` at 0 (the totals need only the counted agencies: no report is looked for) */
export async function scopeCensus(manager: EntityManager, year: number, format: string, place: ScopePlace, withMissing = true): Promise<CensusRow[]> {
  const where = ['a.active = 1', `a.kind IN (${place.kinds.map(() => '?').join(', ') || "'-'"})`];
  const params: unknown[] = [format, format, format, format, ...(withMissing ? [year] : []), year, year - 1, ...place.kinds];
  const missing = withMissing ? 'SUM(CASE WHEN rn.id IS NULL AND NOT EXISTS (SELECT 1 FROM report p WHERE p.agencyId = a.id AND p.year = ?) THEN 1 ELSE 0 END)' : '0';
  if (place.regionPath) {
    where.push('g.path LIKE ?');
    params.push(`${place.regionPath}%`);
  }
  if (place.regionId) {
    where.push('a.regionId = ?');
    params.push(place.regionId);
  }
  const rows: Array<Record<string, unknown>> = await manager.query(
    `SELECT a.regionId AS regionId, MAX(g.path) AS path, COUNT(*) AS agencies,
            SUM(CASE WHEN rn.format = ? THEN 1 ELSE 0 END) AS counted,
            SUM(CASE WHEN rb.format = ? THEN 1 ELSE 0 END) AS countedBefore,
            SUM(CASE WHEN rn.format = ? AND rb.format = ? THEN 1 ELSE 0 END) AS compared,
            ${missing} AS missing
       FROM agency a
       ${place.regionPath ? 'JOIN' : 'LEFT JOIN'} region g ON g.id = a.regionId
       LEFT JOIN report_revision rn ON rn.agencyId = a.id AND rn.isCurrent = 1 AND rn.year = ?
       LEFT JOIN report_revision rb ON rb.agencyId = a.id AND rb.isCurrent = 1 AND rb.year = ?
      WHERE ${where.join(' AND ')}
      GROUP BY a.regionId`,
    params,
  );
  return rows.map((r) => ({
    regionId: r.regionId == null ? null : String(r.regionId),
    path: r.path == null ? null : String(r.path),
    agencies: Number(r.agencies),
    counted: Number(r.counted ?? 0),
    countedBefore: Number(r.countedBefore ?? 0),
    compared: Number(r.compared ?? 0),
    missing: Number(r.missing ?? 0),
  }));
}

/** the census rows added up (all of them, or those of one region's subtree) */
export function censusTotals(rows: readonly CensusRow[]): CensusTotals {
  const sum: CensusTotals = { agencies: 0, counted: 0, countedBefore: 0, compared: 0, missing: 0 };
  for (const r of rows) {
    sum.agencies += r.agencies;
    sum.counted += r.counted;
    sum.countedBefore += r.countedBefore;
    sum.compared += r.compared;
    sum.missing += r.missing;
  }
  return sum;
}

export interface ChildRegion {
  id: string;
  code: string;
  name: string;
  level: string;
}

/** the regions directly below a region (null: the top regions of the deployment), in code order */
export async function childRegions(manager: EntityManager, parentId: string | null): Promise<ChildRegion[]> {
  const rows: ChildRegion[] = parentId
    ? await manager.query('SELECT id, code, name, level FROM region WHERE parentId = ? ORDER BY code', [parentId])
    : await manager.query('SELECT id, code, name, level FROM region WHERE parentId IS NULL ORDER BY code');
  return rows.map((r) => ({ id: String(r.id), code: String(r.code), name: String(r.name), level: String(r.level) }));
}
