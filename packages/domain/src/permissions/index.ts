/**
 * Roles and what each may do. The API enforces these in its services; the console uses them to show
 * only what a user may do. One table, read by both.
 */

import { levelWords, type RegionLevel } from '../regions';

export const ROLES = [
  'COUNTY_ADMIN',
  'AGENCY_PREPARER',
  'AGENCY_CONTRIBUTOR',
  'AGENCY_REVIEWER',
  'AGENCY_APPROVER',
  'CONFIDENTIALITY_REVIEWER',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  COUNTY_ADMIN: '县政务公开办',
  AGENCY_PREPARER: '填报人（办公室）',
  AGENCY_CONTRIBUTOR: '股室/下属单位填报',
  AGENCY_REVIEWER: '分管领导',
  AGENCY_APPROVER: '主要领导',
  CONFIDENTIALITY_REVIEWER: '保密审查员',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export const ACTIONS = [
  'report.read',
  'report.create',
  'report.edit',
  'report.delete',
  'report.import',
  'report.submit',
  'report.review',
  'report.approve',
  'report.return',
  'report.withdraw',
  'report.explainWarning',
  'report.publish',
  'report.startCorrection',
  'report.requestRectification',
  'report.countyPreReview',
  'contribution.assign',
  'contribution.edit',
  'confidentiality.review',
  'agency.read',
  'agency.manage',
  'user.read',
  'user.manage',
  'cycle.read',
  'cycle.manage',
  'audit.read',
  'audit.readAll',
  'accountability.read',
  'accountability.manage',
  'accountability.respond',
  'reminder.send',
  'county.summary',
  'region.read',
  'region.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

/** which roles may take each action (on their own agency's data, unless the role is COUNTY_ADMIN) */
export const PERMISSIONS: Record<Action, readonly Role[]> = {
  'report.read': ROLES,
  'report.create': ['AGENCY_PREPARER', 'COUNTY_ADMIN'],
  'report.edit': ['AGENCY_PREPARER', 'COUNTY_ADMIN'],
  'report.delete': ['AGENCY_PREPARER', 'COUNTY_ADMIN'],
  'report.import': ['AGENCY_PREPARER', 'COUNTY_ADMIN'],
  'report.submit': ['AGENCY_PREPARER'],
  'report.review': ['AGENCY_REVIEWER'],
  'report.approve': ['AGENCY_APPROVER'],
  'report.return': ['AGENCY_REVIEWER', 'AGENCY_APPROVER', 'CONFIDENTIALITY_REVIEWER', 'COUNTY_ADMIN'],
  // the preparer takes back their own submission while it still waits for the 分管领导
  'report.withdraw': ['AGENCY_PREPARER'],
  'report.explainWarning': ['AGENCY_PREPARER'],
  'report.publish': ['AGENCY_PREPARER', 'COUNTY_ADMIN'],
  'report.startCorrection': ['AGENCY_PREPARER', 'COUNTY_ADMIN'],
  'report.requestRectification': ['COUNTY_ADMIN'],
  'report.countyPreReview': ['COUNTY_ADMIN'],
  'contribution.assign': ['AGENCY_PREPARER'],
  'contribution.edit': ['AGENCY_CONTRIBUTOR'],
  'confidentiality.review': ['CONFIDENTIALITY_REVIEWER'],
  'agency.read': ROLES,
  'agency.manage': ['COUNTY_ADMIN'],
  'user.read': ['COUNTY_ADMIN', 'AGENCY_PREPARER'],
  'user.manage': ['COUNTY_ADMIN'],
  'cycle.read': ROLES,
  'cycle.manage': ['COUNTY_ADMIN'],
  'audit.read': ['COUNTY_ADMIN', 'AGENCY_PREPARER', 'AGENCY_REVIEWER', 'AGENCY_APPROVER', 'CONFIDENTIALITY_REVIEWER'],
  'audit.readAll': ['COUNTY_ADMIN'],
  'accountability.read': ['COUNTY_ADMIN', 'AGENCY_PREPARER', 'AGENCY_REVIEWER', 'AGENCY_APPROVER'],
  'accountability.manage': ['COUNTY_ADMIN'],
  'accountability.respond': ['AGENCY_PREPARER', 'AGENCY_REVIEWER', 'AGENCY_APPROVER'],
  'reminder.send': ['COUNTY_ADMIN'],
  'county.summary': ['COUNTY_ADMIN'],
  'region.read': ['COUNTY_ADMIN'],
  'region.manage': ['COUNTY_ADMIN'],
};

/**
 * The supervising role: the 政务公开办 of a region (county, city or province). It acts on every
 * agency of its region's subtree — a county's office on its county, a city's on all its counties.
 * The value stays COUNTY_ADMIN (stored in users' rows and tokens); the console words it by the level
 * of the user's region (../regions OFFICE_LABELS).
 */
export const SUPERVISOR_ROLES: readonly Role[] = ['COUNTY_ADMIN'];

export interface Actor {
  roles: readonly Role[];
  /** the user's agency; the county office is an agency too */
  agencyId: string;
  /**
   * the path of the region the user's agency belongs to ('/<id>/…/', ../regions). A supervising
   * role acts on that subtree; null or absent means a deployment without a region tree (one county,
   * as before regions existed): the office then acts on every agency.
   */
  regionPath?: string | null;
  /**
   * the region paths of the agencies this request touches, looked up by the caller (the domain does
   * no I/O): agencyId → path, null for an agency placed in no region
   */
  agencyRegions?: Readonly<Record<string, string | null>>;
}

/** true when a supervising role (a 政务公开办) is held: it sees and acts on its region's agencies */
export function hasCountyScope(actor: Actor): boolean {
  return actor.roles.some((r) => SUPERVISOR_ROLES.includes(r));
}

/** the same under its general name */
export const hasSupervisorScope = hasCountyScope;

/**
 * Does the actor's office supervise a target whose region path is `targetPath`? Without a region of
 * its own the office supervises everything (the single-county deployment); with one, only its
 * subtree — an agency placed in no region is outside every subtree.
 */
export function supervisesPath(actor: Actor, targetPath: string | null | undefined): boolean {
  if (!hasCountyScope(actor)) return false;
  if (actor.regionPath == null) return true;
  return targetPath != null && targetPath.startsWith(actor.regionPath);
}

/**
 * Does the actor's office supervise the agency? Its own agency always; another one when its region
 * path is known (Actor.agencyRegions) and inside the office's subtree. An agency whose region the
 * caller did not look up is refused: unknown is never "inside".
 */
export function supervisesAgency(actor: Actor, agencyId: string): boolean {
  if (!hasCountyScope(actor)) return false;
  if (actor.regionPath == null || agencyId === actor.agencyId) return true;
  const regions = actor.agencyRegions;
  if (!regions || !Object.prototype.hasOwnProperty.call(regions, agencyId)) return false;
  return supervisesPath(actor, regions[agencyId]);
}

/**
 * May the actor take the action, on data of `targetAgencyId` when given? Agency roles act only on
 * their own agency; the supervising role acts on every agency of its region's subtree.
 */
export function can(actor: Actor | null | undefined, action: Action, targetAgencyId?: string | null): boolean {
  if (!actor) return false;
  const allowed = PERMISSIONS[action];
  return actor.roles.some((role) => {
    if (!allowed.includes(role)) return false;
    if (SUPERVISOR_ROLES.includes(role)) return targetAgencyId == null || supervisesAgency(actor, targetAgencyId);
    return targetAgencyId == null || targetAgencyId === actor.agencyId;
  });
}

/**
 * A role's Chinese name for a user whose agency sits at `level` (../regions): the supervising role
 * is worded by the level (县政务公开办, 市政务公开办 …), every other role as in ROLE_LABELS.
 */
export function roleLabelAt(role: Role, level: RegionLevel | string | null | undefined): string {
  return SUPERVISOR_ROLES.includes(role) ? levelWords(level).office : ROLE_LABELS[role];
}

/** the Chinese message of a denial */
export const FORBIDDEN_MESSAGE = '您没有权限执行此操作';
