/** Storage of agencies. Everything takes an EntityManager (the open transaction's when writing). */
import { In, type EntityManager } from 'typeorm';
import { fetchPage, type Page } from '../../common/list';
import { applyScope, type ListScope } from '../../common/scope';
import { Region } from '../regions/region.entity';
import { Agency } from './agency.entity';

export function findAgency(manager: EntityManager, id: string): Promise<Agency | null> {
  return manager.findOne(Agency, { where: { id } });
}

/** the agencies of these ids that exist, in code order */
export function findAgencies(manager: EntityManager, ids: readonly string[]): Promise<Agency[]> {
  return manager.find(Agency, { where: { id: In([...ids]) }, order: { code: 'ASC' } });
}

export interface ActiveAgencyFilter {
  kinds?: readonly string[] | null;
  region?: string | null;
  /** only agencies placed in this region's subtree (a prefix of their region's path) */
  regionPath?: string | null;
  /** only agencies placed directly in this region (its own level, 本级) */
  regionId?: string | null;
}

/** the active agencies, optionally of some kinds and one region, in code order */
export function activeAgencies(manager: EntityManager, filter: ActiveAgencyFilter = {}): Promise<Agency[]> {
  const qb = manager.createQueryBuilder(Agency, 'a').where('a.active = :active', { active: 1 });
  if (filter.kinds) qb.andWhere('a.kind IN (:...kinds)', { kinds: filter.kinds.length ? filter.kinds : ['-'] });
  if (filter.region) qb.andWhere('a.region = :region', { region: filter.region });
  if (filter.regionId) qb.andWhere('a.regionId = :regionId', { regionId: filter.regionId });
  if (filter.regionPath) qb.innerJoin(Region, 'g', 'g.id = a.regionId').andWhere('g.path LIKE :path', { path: `${filter.regionPath}%` });
  return qb.orderBy('a.code', 'ASC').getMany();
}

export interface AgencyListFilter {
  /** what the caller may see (../../common/scope) */
  scope?: ListScope;
  kind?: string | null;
  /** part of the name or code */
  search?: string | null;
  /** the region's own agencies only (the scope still applies) */
  regionId?: string | null;
}

export function pageAgencies(manager: EntityManager, filter: AgencyListFilter, page: Page): Promise<{ items: Agency[]; totalItems: number }> {
  const qb = manager.createQueryBuilder(Agency, 'a');
  applyScope(qb, 'a.id', filter.scope);
  if (filter.kind) qb.andWhere('a.kind = :kind', { kind: filter.kind });
  if (filter.search) qb.andWhere('(a.name LIKE :s OR a.code LIKE :s)', { s: `%${filter.search}%` });
  if (filter.regionId) qb.andWhere('a.regionId = :regionId', { regionId: filter.regionId });
  return fetchPage(qb, 'a', page);
}

/** insert a new agency row (a duplicate code raises the driver's unique violation) */
export async function insertAgencyRow(manager: EntityManager, agency: Agency): Promise<void> {
  await manager.insert(Agency, agency);
}

export async function updateAgencyRow(manager: EntityManager, id: string, patch: Partial<Agency>): Promise<void> {
  await manager.update(Agency, { id }, patch);
}
