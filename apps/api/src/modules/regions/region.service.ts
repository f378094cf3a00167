/**
 * The region tree: read by every supervising office (its own subtree, and its ancestors for the
 * breadcrumbs), managed within its own subtree — create, rename, move — each with its audit entry in
 * the same transaction. A move changes which totals a subtree's publications count in, so the
 * maintained totals are rebuilt in the move's transaction.
 */
import { childPath, isWithin, moveProblem, pathIds, placementProblem, regionCodeProblem, regionNameProblem, REGION_LEVEL_LABELS } from '@touming/domain/regions';
import { authorize, deny } from '../../common/authorize';
import { actorOf, type RequestContext } from '../../common/context';
import { badInput, conflict, notFound } from '../../common/errors';
import { FORBIDDEN_MESSAGE } from '@touming/domain/permissions';
import { Injectable } from '../../common/injectable';
import { newId } from '../../db/columns';
import { isUniqueViolation } from '../../db/dialect';
import { withTransaction } from '../../db/transaction';
import { appendAudit } from '../audit/audit.service';
import { Region } from './region.entity';
import { agencyCounts, findRegion, insertRegionRow, movePaths, regionsOf, regionsWithin, updateRegionRow } from './region.repository';
import type { RegionInput, RegionNode, RegionTree } from './region.types';
import { rebuildTotals } from './totals.repository';

const OUTSIDE = `${FORBIDDEN_MESSAGE}：该地区不在您所辖范围内`;

function snapshot(r: Region) {
  return { code: r.code, name: r.name, level: r.level, parentId: r.parentId, path: r.path };
}

@Injectable()
export class RegionService {
  /** the region path the caller supervises; null = every region (an office without a region) */
  private ownPath(ctx: RequestContext): string | null {
    return actorOf(ctx)?.regionPath ?? null;
  }

  /** may the caller manage this region (inside its subtree)? */
  private manages(ctx: RequestContext, path: string): boolean {
    const own = this.ownPath(ctx);
    return own == null || isWithin(path, own);
  }

  async tree(ctx: RequestContext): Promise<RegionTree> {
    await authorize(ctx, 'region.read', { targetType: 'Region' });
    const own = this.ownPath(ctx);
    const [within, counts] = await Promise.all([regionsWithin(ctx.manager, own), agencyCounts(ctx.manager)]);
    const above = own ? await regionsOf(ctx.manager, pathIds(own).slice(0, -1)) : [];
    const nodes: RegionNode[] = [...above, ...within].map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      level: r.level,
      parentId: r.parentId,
      depth: pathIds(r.path).length - 1,
      agencyCount: counts.get(r.id) ?? 0,
      manageable: this.manages(ctx, r.path),
    }));
    return { ownRegionId: own ? pathIds(own).at(-1)! : null, nodes };
  }

  /** a region the caller supervises (FORBIDDEN, audited, for one outside its subtree) */
  async requireManaged(ctx: RequestContext, id: string, attempted: 'region.read' | 'region.manage'): Promise<Region> {
    const region = await findRegion(ctx.manager, id);
    if (!region) throw notFound('地区不存在');
    if (!this.manages(ctx, region.path)) {
      // refused like a cross-agency access: FORBIDDEN and an access.denied entry
      return deny(ctx, attempted, { targetType: 'Region', targetId: id }, OUTSIDE);
    }
    return region;
  }

  async create(ctx: RequestContext, input: RegionInput): Promise<Region> {
    await authorize(ctx, 'region.manage', { targetType: 'Region' });
    const code = input.code.trim();
    const problem = regionCodeProblem(input.level, code) ?? regionNameProblem(input.name);
    if (problem) throw badInput(problem, { field: regionCodeProblem(input.level, code) ? 'code' : 'name' });
    return withTransaction(ctx, async (tx) => {
      const parent = input.parentId ? await this.requireManaged(tx, input.parentId, 'region.manage') : null;
      if (!parent && this.ownPath(tx) != null) return deny(tx, 'region.manage', { targetType: 'Region' }, `${FORBIDDEN_MESSAGE}：只有未限定地区的管理员可以新建顶层地区`);
      const placement = placementProblem(input.level, code, parent);
      if (placement) throw badInput(placement, { field: 'parentId' });
      const now = new Date();
      const id = newId();
      const region = Object.assign(new Region(), {
        id,
        code,
        name: input.name.trim(),
        level: input.level,
        parentId: parent?.id ?? null,
        path: childPath(parent?.path ?? null, id),
        createdAt: now,
        updatedAt: now,
      });
      try {
        await insertRegionRow(tx.manager, region);
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(`区划代码“${code}”已存在`);
        throw error;
      }
      await appendAudit(tx, { action: 'region.create', targetType: 'Region', targetId: id, agencyId: tx.agencyId, detail: { after: snapshot(region) } });
      return region;
    });
  }

  async rename(ctx: RequestContext, id: string, name: string): Promise<Region> {
    await authorize(ctx, 'region.manage', { targetType: 'Region', targetId: id });
    return withTransaction(ctx, async (tx) => {
      const region = await this.requireManaged(tx, id, 'region.manage');
      const problem = regionNameProblem(name);
      if (problem) throw badInput(problem, { field: 'name' });
      const before = region.name;
      region.name = name.trim();
      region.updatedAt = new Date();
      await updateRegionRow(tx.manager, id, { name: region.name, updatedAt: region.updatedAt });
      await appendAudit(tx, { action: 'region.rename', targetType: 'Region', targetId: id, agencyId: tx.agencyId, detail: { before: { name: before }, after: { name: region.name }, code: region.code } });
      return region;
    });
  }

  async move(ctx: RequestContext, id: string, parentId: string | null): Promise<Region> {
    await authorize(ctx, 'region.manage', { targetType: 'Region', targetId: id });
    return withTransaction(ctx, async (tx) => {
      const region = await this.requireManaged(tx, id, 'region.manage');
      const own = this.ownPath(tx);
      if (own && region.path === own) return deny(tx, 'region.manage', { targetType: 'Region', targetId: id }, `${FORBIDDEN_MESSAGE}：不能调整本级地区自身的隶属关系`);
      const parent = parentId ? await this.requireManaged(tx, parentId, 'region.manage') : null;
      if (!parent && own != null) return deny(tx, 'region.manage', { targetType: 'Region', targetId: id }, `${FORBIDDEN_MESSAGE}：只有未限定地区的管理员可以把地区移到顶层`);
      const problem = moveProblem(region, parent);
      if (problem) throw badInput(problem, { field: 'parentId' });
      const before = snapshot(region);
      const oldPath = region.path;
      const newPath = childPath(parent?.path ?? null, region.id);
      region.parentId = parent?.id ?? null;
      region.path = newPath;
      region.updatedAt = new Date();
      await updateRegionRow(tx.manager, id, { parentId: region.parentId, updatedAt: region.updatedAt });
      await movePaths(tx.manager, oldPath, newPath, region.updatedAt);
      // the subtree's publications now count in other ancestors: recompute in this transaction
      const rows = await rebuildTotals(tx.manager);
      await appendAudit(tx, {
        action: 'region.move',
        targetType: 'Region',
        targetId: id,
        // the office's own agency: its trail (and the offices above it) show the act
        agencyId: tx.agencyId,
        detail: { before, after: snapshot(region), level: REGION_LEVEL_LABELS[region.level], totalsRebuilt: rows },
      });
      return region;
    });
  }
}
