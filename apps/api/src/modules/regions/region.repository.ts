/** Storage of the region tree. Everything takes an EntityManager (the open transaction's when writing). */
import type { EntityManager } from 'typeorm';
import { concatSql, dialectOf } from '../../db/dialect';
import { Region } from './region.entity';

export function findRegion(manager: EntityManager, id: string): Promise<Region | null> {
  return manager.findOne(Region, { where: { id } });
}

export function findRegionByCode(manager: EntityManager, code: string): Promise<Region | null> {
  return manager.findOne(Region, { where: { code } });
}

/** the regions of a subtree (every region for null), in code order */
export function regionsWithin(manager: EntityManager, path: string | null): Promise<Region[]> {
  const qb = manager.createQueryBuilder(Region, 'g');
  if (path) qb.where('g.path LIKE :path', { path: `${path}%` });
  return qb.orderBy('g.code', 'ASC').getMany();
}

/** the regions of these ids (a path's ancestors), in no particular order */
export function regionsOf(manager: EntityManager, ids: readonly string[]): Promise<Region[]> {
  if (!ids.length) return Promise.resolve([]);
  return manager.createQueryBuilder(Region, 'g').where('g.id IN (:...ids)', { ids: [...ids] }).getMany();
}

export async function insertRegionRow(manager: EntityManager, region: Region): Promise<void> {
  await manager.insert(Region, region);
}

export async function updateRegionRow(manager: EntityManager, id: string, patch: Partial<Region>): Promise<void> {
  await manager.update(Region, { id }, patch);
}

/** rewrite the paths of a moved subtree: every path starting with `oldPath` starts with `newPath` instead */
export async function movePaths(manager: EntityManager, oldPath: string, newPath: string, at: Date): Promise<void> {
  const dialect = dialectOf(manager);
  await manager
    .createQueryBuilder()
    .update(Region)
    .set({ path: () => concatSql(dialect, ':newPath', `SUBSTR(path, ${oldPath.length + 1})`), updatedAt: at })
    .where('path LIKE :oldPrefix', { oldPrefix: `${oldPath}%` })
    .setParameters({ newPath })
    .execute();
}

/** how many agencies are placed in each region (directly), for the tree view */
export async function agencyCounts(manager: EntityManager): Promise<Map<string, number>> {
  const rows: Array<{ regionId: string; n: unknown }> = await manager.query('SELECT regionId, COUNT(*) AS n FROM agency WHERE regionId IS NOT NULL GROUP BY regionId');
  return new Map(rows.map((r) => [r.regionId, Number(r.n)]));
}
