import { FORBIDDEN_MESSAGE } from '@touming/domain/permissions';
import { isAgencyKind } from '@touming/domain/agencies';
import { authorize, deny } from '../../common/authorize';
import { listScope } from '../../common/scope';
import { actorOf, type RequestContext } from '../../common/context';
import { isWithin } from '@touming/domain/regions';
import { findRegion } from '../regions/region.repository';
import { rebuildTotals } from '../regions/totals.repository';
import { badInput, conflict, notFound } from '../../common/errors';
import { pageOf, type ListOptions } from '../../common/list';
import { newId } from '../../db/columns';
import { isUniqueViolation } from '../../db/dialect';
import { withTransaction } from '../../db/transaction';
import { appendAudit } from '../audit/audit.service';
import { Agency } from './agency.entity';
import { findAgency, insertAgencyRow, pageAgencies, updateAgencyRow } from './agency.repository';
import type { AgencyFilter, AgencyInput, AgencyUpdateInput } from './agency.types';

const SORTABLE = ['code', 'name', 'kind', 'createdAt'] as const;

/** the fields an audit entry shows of an agency */
function snapshot(a: Agency) {
  return { code: a.code, name: a.name, kind: a.kind, parentId: a.parentId, region: a.region, regionId: a.regionId, active: a.active };
}

/**
 * The region an agency may be placed in by this office: one inside its subtree (NOT_FOUND for an
 * unknown id, FORBIDDEN and audited for one outside). Without an id, the office's own region.
 */
async function placeableRegion(tx: RequestContext, regionId: string | null | undefined): Promise<string | null> {
  const own = actorOf(tx)?.regionPath ?? null;
  if (!regionId) return own ? own.split('/').filter(Boolean).at(-1)! : null;
  const region = await findRegion(tx.manager, regionId);
  if (!region) throw notFound('地区不存在');
  if (own && !isWithin(region.path, own)) return deny(tx, 'agency.manage', { targetType: 'Region', targetId: regionId }, `${FORBIDDEN_MESSAGE}：该地区不在您所辖范围内`);
  return region.id;
}

/** insert an agency inside an open transaction, with its audit entry (callers check permissions) */
export async function insertAgency(tx: RequestContext, input: AgencyInput): Promise<Agency> {
  checkAgencyInput(input);
  if (input.parentId && !(await findAgency(tx.manager, input.parentId))) throw notFound('上级单位不存在');
  const now = new Date();
  const agency = Object.assign(new Agency(), {
    id: newId(),
    code: input.code,
    name: input.name.trim(),
    kind: input.kind,
    parentId: input.parentId ?? null,
    region: input.region ?? null,
    regionId: await placeableRegion(tx, input.regionId),
    active: true,
    createdAt: now,
    updatedAt: now,
  });
  try {
    await insertAgencyRow(tx.manager, agency);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`单位代码“${input.code}”已存在`);
    throw error;
  }
  await appendAudit(tx, { action: 'agency.create', targetType: 'Agency', targetId: agency.id, agencyId: agency.id, detail: { after: snapshot(agency) } });
  return agency;
}

function checkAgencyInput(input: AgencyInput | AgencyUpdateInput) {
  if (input.code !== undefined && input.code !== null && !/^[A-Za-z0-9_.-]{1,64}$/.test(input.code)) {
    throw badInput('单位代码只能包含字母、数字、下划线、点和连字符（最长64位）', { field: 'code' });
  }
  if (input.name !== undefined && input.name !== null && (input.name.trim() === '' || input.name.length > 200)) {
    throw badInput('单位名称不能为空且不超过200字', { field: 'name' });
  }
  if (input.kind && !isAgencyKind(input.kind)) throw badInput('未知的单位类型', { field: 'kind' });
}

export class AgencyService {
  async list(ctx: RequestContext, filter: AgencyFilter | null | undefined, options: ListOptions | null | undefined) {
    await authorize(ctx, 'agency.read');
    const page = pageOf(options, SORTABLE, 'code');
    return pageAgencies(ctx.manager, { scope: listScope(ctx), kind: filter?.kind, search: filter?.search, regionId: filter?.regionId }, page);
  }

  async get(ctx: RequestContext, id: string): Promise<Agency | null> {
    await authorize(ctx, 'agency.read', { agencyId: id, targetType: 'Agency', targetId: id });
    return ctx.loaders.agency.load(id);
  }

  /** an agency that must exist (NOT_FOUND otherwise); no permission check */
  async require(ctx: RequestContext, id: string): Promise<Agency> {
    const agency = await findAgency(ctx.manager, id);
    if (!agency) throw notFound('单位不存在');
    return agency;
  }

  async create(ctx: RequestContext, input: AgencyInput): Promise<Agency> {
    await authorize(ctx, 'agency.manage', { targetType: 'Agency' });
    checkAgencyInput(input);
    return withTransaction(ctx, (tx) => insertAgency(tx, input));
  }

  async update(ctx: RequestContext, id: string, input: AgencyUpdateInput): Promise<Agency> {
    await authorize(ctx, 'agency.manage', { agencyId: id, targetType: 'Agency', targetId: id });
    checkAgencyInput(input);
    return withTransaction(ctx, async (tx) => {
      const agency = await this.require(tx, id);
      const before = snapshot(agency);
      if (input.parentId !== undefined) {
        if (input.parentId === id) throw badInput('单位不能以自身为上级', { field: 'parentId' });
        if (input.parentId) await this.require(tx, input.parentId);
        agency.parentId = input.parentId;
      }
      if (input.code != null) agency.code = input.code;
      if (input.name != null) agency.name = input.name.trim();
      if (input.kind != null) agency.kind = input.kind;
      if (input.region !== undefined) agency.region = input.region;
      if (input.active != null) agency.active = input.active;
      const moved = input.regionId !== undefined && input.regionId !== agency.regionId;
      if (input.regionId !== undefined) agency.regionId = await placeableRegion(tx, input.regionId);
      agency.updatedAt = new Date();
      try {
        await updateAgencyRow(tx.manager, id, { ...snapshot(agency), updatedAt: agency.updatedAt });
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(`单位代码“${agency.code}”已存在`);
        throw error;
      }
      // its publications now count in another region or kind: recompute the totals in this transaction
      if (moved || before.kind !== agency.kind) await rebuildTotals(tx.manager);
      await appendAudit(tx, { action: 'agency.update', targetType: 'Agency', targetId: id, agencyId: id, detail: { before, after: snapshot(agency) } });
      tx.loaders.agencyRegionPath.clear(id);
      delete tx.agencyRegions[id];
      tx.loaders.agency.clear(id);
      return agency;
    });
  }
}
