import { can, FORBIDDEN_MESSAGE, hasCountyScope, type Action } from '@touming/domain/permissions';
import type { GraphQLError } from 'graphql';
import type { AfterRollback } from '../db/transaction';
import { recordDenial } from '../modules/audit/audit.service';
import { actorOf, type CurrentUser, type RequestContext } from './context';
import { forbidden, unauthenticated } from './errors';
import { passwordChangeRequired } from '../modules/auth/password-change-gate';

export interface AccessTarget {
  /** the agency whose data is touched; undefined for actions not tied to one agency */
  agencyId?: string | null;
  reportId?: string | null;
  targetType?: string;
  targetId?: string | null;
}

/**
 * the signed-in user, or UNAUTHENTICATED (the token's own problem when there was one); an account
 * that must first change the password an administrator set gets PASSWORD_CHANGE_REQUIRED
 */
export function requireUser(ctx: RequestContext): CurrentUser {
  const user = requireSignedIn(ctx);
  if (user.mustChangePassword) throw passwordChangeRequired();
  return user;
}

/** the signed-in user even before a required password change: for changing it */
export function requireSignedIn(ctx: RequestContext): CurrentUser {
  if (ctx.user) return ctx.user;
  throw ctx.authError ?? unauthenticated();
}

/**
 * Permission check for services, from @touming/domain's can(). A denial is FORBIDDEN and leaves an
 * 'access.denied' audit entry: written at once outside a transaction, or after the rollback when
 * the check fails inside one (the entry must not vanish with the rolled-back work).
 */
export async function authorize(ctx: RequestContext, action: Action, target: AccessTarget = {}, message = FORBIDDEN_MESSAGE): Promise<CurrentUser> {
  const user = requireUser(ctx);
  if (target.agencyId) await knowRegionOf(ctx, target.agencyId);
  if (can(actorOf(ctx), action, target.agencyId)) return user;
  return deny(ctx, action, target, message);
}

/**
 * Refuse an access: FORBIDDEN, and an 'access.denied' entry (after the rollback when inside a
 * transaction). Also for refusals decided outside can(), such as a region outside the office's tree.
 */
export async function deny(ctx: RequestContext, action: string, target: AccessTarget = {}, message = FORBIDDEN_MESSAGE): Promise<never> {
  const denial = () =>
    recordDenial(ctx, {
      attempted: action,
      agencyId: target.agencyId ?? null,
      reportId: target.reportId ?? null,
      targetType: target.targetType ?? null,
      targetId: target.targetId ?? null,
    });
  const error = forbidden(message) as GraphQLError & AfterRollback;
  if (ctx.inTransaction) {
    error.afterRollback = denial;
  } else {
    await denial();
  }
  throw error;
}

/**
 * A supervising office with a region decides on another agency by that agency's region path: look it
 * up once per request (../modules/regions) into ctx.agencyRegions, which the domain's can() reads.
 */
export async function knowRegionOf(ctx: RequestContext, agencyId: string): Promise<void> {
  const actor = actorOf(ctx);
  if (!actor || !hasCountyScope(actor) || actor.regionPath == null || agencyId === actor.agencyId) return;
  if (Object.prototype.hasOwnProperty.call(ctx.agencyRegions, agencyId)) return;
  ctx.agencyRegions[agencyId] = await ctx.loaders.agencyRegionPath.load(agencyId);
}
