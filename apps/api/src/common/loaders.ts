import DataLoader from 'dataloader';
import { In, type EntityManager } from 'typeorm';
import { Agency } from '../modules/agencies/agency.entity';
import type { ReportCell } from '../modules/reports/report-cell.entity';
import { Report } from '../modules/reports/report.entity';
import { readCellRows } from '../modules/reports/report.repository';

/**
 * Per-request batch loaders: a list of N reports asking for their agencies or cells makes one query
 * per kind, not one per row. Fresh for every request (no stale cache across requests), and each made
 * on first use: most requests touch none or one of them.
 */
export interface Loaders {
  agency: DataLoader<string, Agency | null>;
  /** the path of the region an agency is placed in (null: none, or no such agency) */
  agencyRegionPath: DataLoader<string, string | null>;
  cellsByReport: DataLoader<string, ReportCell[]>;
  /** key `${agencyId}:${year}` */
  reportByAgencyYear: DataLoader<string, Report | null>;
}

export function createLoaders(manager: EntityManager): Loaders {
  return new LazyLoaders(manager) as unknown as Loaders;
}

/**
 * Each loader is made on first use and then kept as an own enumerable property of the request's
 * object (shadowing the getter), so `Object.values(ctx.loaders)` lists exactly the loaders that may
 * hold rows (a retried transaction clears them).
 */
class LazyLoaders {
  declare readonly manager: EntityManager;
  constructor(manager: EntityManager) {
    Object.defineProperty(this, 'manager', { value: manager, enumerable: false });
  }
}

/**
 * The cells of a report and of last year's report are asked for at different depths of one
 * response's resolution (report(id)'s cells and tables first, its validation after awaiting last
 * year's report): dispatched after the event loop's current turn instead of at the end of the
 * current promise jobs, both go into one statement.
 */
const afterThisTurn = (dispatch: () => void) => void setImmediate(dispatch);

const MAKERS: { [K in keyof Loaders]: (manager: EntityManager) => Loaders[K] } = {
  agency: (manager) =>
    new DataLoader(async (ids) => {
      const rows = await manager.find(Agency, { where: { id: In([...ids]) } });
      const byId = new Map(rows.map((a) => [a.id, a]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  agencyRegionPath: (manager) =>
    new DataLoader(async (ids) => {
      const rows: Array<{ id: string; path: string | null }> = await manager.query(
        `SELECT a.id AS id, g.path AS path FROM agency a LEFT JOIN region g ON g.id = a.regionId WHERE a.id IN (${ids.map(() => '?').join(', ')})`,
        [...ids],
      );
      const byId = new Map(rows.map((r) => [r.id, r.path ?? null]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  cellsByReport: (manager) =>
    new DataLoader(
      async (reportIds) => {
        const rows = await readCellRows(manager, reportIds);
        const byReport = new Map<string, ReportCell[]>();
        for (const row of rows) {
          const list = byReport.get(row.reportId) ?? [];
          list.push(row);
          byReport.set(row.reportId, list);
        }
        return reportIds.map((id) => byReport.get(id) ?? []);
      },
      { batchScheduleFn: afterThisTurn },
    ),
  reportByAgencyYear: (manager) =>
    new DataLoader(async (keys) => {
      const pairs = keys.map((k) => {
        const [agencyId, year] = k.split(':');
        return { agencyId, year: Number(year) };
      });
      const rows = await manager.find(Report, { where: pairs });
      const byKey = new Map(rows.map((r) => [`${r.agencyId}:${r.year}`, r]));
      return keys.map((k) => byKey.get(k) ?? null);
    }),
};

for (const name of Object.keys(MAKERS) as (keyof Loaders)[]) {
  Object.defineProperty(LazyLoaders.prototype, name, {
    get(this: LazyLoaders) {
      const loader = MAKERS[name](this.manager);
      Object.defineProperty(this, name, { value: loader, enumerable: true });
      return loader;
    },
  });
}
