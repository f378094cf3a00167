/**
 * The one filter that limits lists to what the caller may see: an agency user sees its own agency's
 * rows, a 政务公开办 the rows of every agency in its region's subtree, an office without a region (the
 * single-county deployment) everything. Services take the scope from listScope(ctx) and repositories
 * apply it with applyScope() to whatever column holds the agency id — never their own condition.
 */
import { hasCountyScope } from '@touming/domain/permissions';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { requireUser } from './authorize';
import { actorOf, type RequestContext } from './context';

export type ListScope = { agencyId: string; regionPath?: undefined } | { regionPath: string; agencyId?: undefined } | null;

export function listScope(ctx: RequestContext): ListScope {
  const user = requireUser(ctx);
  const actor = actorOf(ctx)!;
  if (!hasCountyScope(actor)) return { agencyId: user.agencyId };
  return actor.regionPath ? { regionPath: actor.regionPath } : null;
}

let counter = 0;

/** limit a query to the scope; `column` holds an agency id (e.g. 'r.agencyId', 'a.id') */
export function applyScope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string, scope: ListScope | undefined): SelectQueryBuilder<T> {
  if (!scope) return qb;
  // parameter names unique per call: a query may apply the scope twice (a subquery and the outer one)
  const param = `scope${++counter % 1_000_000}`;
  if (scope.agencyId) return qb.andWhere(`${column} = :${param}`, { [param]: scope.agencyId });
  return qb.andWhere(`${column} IN (${REGION_AGENCIES} :${param})`, { [param]: `${scope.regionPath}%` });
}

/** the agencies placed in a region's subtree, by the path prefix that follows */
const REGION_AGENCIES = 'SELECT sa.id FROM agency sa INNER JOIN region sg ON sg.id = sa.regionId WHERE sg.path LIKE';

/** the same condition for hand-written SQL: a WHERE fragment with `?` placeholders and its values (null: no limit) */
export function scopeCondition(column: string, scope: ListScope | undefined): { sql: string; params: string[] } | null {
  if (!scope) return null;
  if (scope.agencyId) return { sql: `${column} = ?`, params: [scope.agencyId] };
  return { sql: `${column} IN (${REGION_AGENCIES} ?)`, params: [`${scope.regionPath}%`] };
}
