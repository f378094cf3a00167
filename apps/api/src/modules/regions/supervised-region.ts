/**
 * The region a supervising office's screen is about (dashboard, overdue list, quality ranking,
 * compilation): the one asked for when it lies inside the caller's subtree — else FORBIDDEN with an
 * access.denied entry, like a cross-agency access — or the caller's own region when none is asked
 * for. An office without a region (the single-county deployment) covers the whole deployment.
 */
import { FORBIDDEN_MESSAGE } from '@touming/domain/permissions';
import { isWithin, pathIds } from '@touming/domain/regions';
import { deny } from '../../common/authorize';
import { actorOf, type RequestContext } from '../../common/context';
import { notFound } from '../../common/errors';
import { findRegion } from './region.repository';
import { WHOLE_DEPLOYMENT } from './totals.repository';

export interface SupervisedRegion {
  /** the region's id, WHOLE_DEPLOYMENT ('') for a deployment without regions */
  id: string;
  path: string | null;
  name: string | null;
  level: string | null;
}

export async function supervisedRegion(ctx: RequestContext, regionId: string | null | undefined, attempted: string): Promise<SupervisedRegion> {
  const own = actorOf(ctx)?.regionPath ?? null;
  if (regionId) {
    const region = await findRegion(ctx.manager, regionId);
    if (!region) throw notFound('地区不存在');
    if (own && !isWithin(region.path, own)) return deny(ctx, attempted, { targetType: 'Region', targetId: regionId }, `${FORBIDDEN_MESSAGE}：该地区不在您所辖范围内`);
    return { id: region.id, path: region.path, name: region.name, level: region.level };
  }
  if (!own) return { id: WHOLE_DEPLOYMENT, path: null, name: null, level: null };
  const id = pathIds(own).at(-1)!;
  const region = await findRegion(ctx.manager, id);
  return { id, path: own, name: region?.name ?? null, level: region?.level ?? null };
}
