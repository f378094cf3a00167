/**
 * SQL over published data only: the cells of CURRENT published revisions in published_cell. County
 * compilation, the public statistics and open data all read here, so "published" means the same
 * thing in each. Sums run in the database (SUM … GROUP BY key), never by loading reports.
 */
import { getFormat, type FormatId } from '@touming/domain/formats';
import type { EntityManager } from 'typeorm';
import { Agency } from '../agencies/agency.entity';
import { Region } from '../regions/region.entity';
import { PublishedCell } from './published-cell.entity';
import { ReportRevision } from './report-revision.entity';
import { applySelection, currentOnly, type AgencySelection } from './revision.repository';

export type { AgencySelection };

export interface PublishedTotals {
  format: FormatId;
  year: number;
  /** how many current revisions were summed */
  reportCount: number;
  /** the sum over the reports that filled the cell; null when all left it blank (as sumReports) */
  cells: Record<string, number | null>;
  /** how many summed reports left each cell blank */
  blanks: Record<string, number>;
}

const CURRENT = currentOnly('r');

/** the cells (alias c) of the current revisions (alias r) of a year */
function currentCellsOf(manager: EntityManager, year: number) {
  return manager.createQueryBuilder(PublishedCell, 'c').innerJoin(ReportRevision, 'r', 'r.id = c.revisionId').where(CURRENT).andWhere('c.year = :year', { year });
}

/** round a database sum to the cell's precision: SQLite sums REALs (0.1 + 0.2), MySQL returns strings */
function toValue(raw: unknown, decimals: number): number | null {
  if (raw === null || raw === undefined) return null;
  const n = Number(raw);
  return Number(n.toFixed(decimals));
}

export async function publishedTotals(
  manager: EntityManager,
  year: number,
  format: FormatId,
  selection: AgencySelection = {},
): Promise<PublishedTotals> {
  const countQb = () => {
    const qb = manager
      .createQueryBuilder(ReportRevision, 'r')
      .where(CURRENT)
      .andWhere('r.year = :year', { year })
      .andWhere('r.format = :format', { format });
    return applySelection(qb, 'r', selection);
  };

  const sumQb = currentCellsOf(manager, year)
    .select('c.key', 'key')
    .addSelect('SUM(c.value)', 'total')
    .addSelect('COUNT(c.value)', 'filled')
    .andWhere('c.format = :format', { format })
    .groupBy('c.key');
  applySelection(sumQb, 'c', selection);
  // the count rides along as an uncorrelated scalar subquery (same parameters): one statement, not
  // two; only when nothing was published is it asked for on its own
  const count = countQb().select('COUNT(*)');
  sumQb.addSelect(`(${count.getQuery()})`, 'reportCount').setParameters({ ...sumQb.getParameters(), ...count.getParameters() });
  const rows: Array<{ key: string; total: unknown; filled: unknown; reportCount: unknown }> = await sumQb.getRawMany();
  const reportCount = rows.length ? Number(rows[0].reportCount) : await countQb().getCount();
  const byKey = new Map(rows.map((r) => [r.key, r]));

  const cells: Record<string, number | null> = {};
  const blanks: Record<string, number> = {};
  for (const def of getFormat(format).cells) {
    const row = byKey.get(def.key);
    const filled = row ? Number(row.filled) : 0;
    // a key absent from a revision reads as blank, as in the domain's sumReports
    blanks[def.key] = reportCount - filled;
    cells[def.key] = filled === 0 ? null : toValue(row!.total, def.kind === 'amount' ? (def.decimals ?? 2) : 0);
  }
  return { format, year, reportCount, cells, blanks };
}

export interface CellByAgency {
  agencyId: string;
  revisionId: string;
  value: number | null;
}

/** one cell of every current revision of the year (blank as null), largest first */
export async function cellByAgency(manager: EntityManager, year: number, key: string, selection: AgencySelection = {}): Promise<CellByAgency[]> {
  const qb = currentCellsOf(manager, year)
    .select('c.agencyId', 'agencyId')
    .addSelect('c.revisionId', 'revisionId')
    .addSelect('c.value', 'value')
    .andWhere('c.key = :key', { key });
  applySelection(qb, 'c', selection);
  const rows: Array<{ agencyId: string; revisionId: string; value: unknown }> = await qb.getRawMany();
  return rows
    .map((r) => ({ agencyId: r.agencyId, revisionId: r.revisionId, value: r.value === null || r.value === undefined ? null : Number(r.value) }))
    .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.agencyId.localeCompare(b.agencyId));
}

/** every cell of every current revision of a year, with its agency and revision (open data), unordered */
export async function publishedCellRows(manager: EntityManager, year: number): Promise<Array<Record<string, unknown>>> {
  return currentCellsOf(manager, year)
    .innerJoin(Agency, 'a', 'a.id = c.agencyId')
    .leftJoin(Region, 'g', 'g.id = a.regionId')
    .select('c.year', 'year')
    .addSelect('c.format', 'format')
    .addSelect('c.agencyId', 'agencyId')
    .addSelect('a.code', 'agencyCode')
    .addSelect('a.name', 'agencyName')
    .addSelect('a.kind', 'agencyKind')
    .addSelect('a.region', 'region')
    .addSelect('g.code', 'regionCode')
    .addSelect('g.name', 'regionName')
    .addSelect('c.revisionId', 'revisionId')
    .addSelect('r.revisionNo', 'revisionNo')
    .addSelect('r.publishedAt', 'publishedAt')
    .addSelect('c.key', 'key')
    .addSelect('c.value', 'value')
    .getRawMany();
}
