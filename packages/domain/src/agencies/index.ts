/**
 * The kinds of agency (行政机关) a county has, and which of them report and which the county office
 * sums into its totals. The API stores the kind on each agency; the console offers the same list.
 */

import { levelWords, type RegionLevel } from '../regions';

export const AGENCY_KINDS = ['COUNTY_GOVERNMENT', 'COUNTY_OFFICE', 'DEPARTMENT', 'TOWNSHIP'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** the kinds in words, as the console, the audit trail and the public pages name them */
export const AGENCY_KIND_LABELS: Record<AgencyKind, string> = {
  COUNTY_GOVERNMENT: '县人民政府',
  COUNTY_OFFICE: '县政务公开办',
  DEPARTMENT: '县直部门',
  TOWNSHIP: '乡镇',
};

export function isAgencyKind(value: unknown): value is AgencyKind {
  return typeof value === 'string' && (AGENCY_KINDS as readonly string[]).includes(value);
}

/**
 * The agencies that publish an annual report of their own: every kind but the county office, which
 * runs the cycle (its work appears in the county government's report).
 */
export const REPORTING_AGENCY_KINDS: readonly AgencyKind[] = ['COUNTY_GOVERNMENT', 'DEPARTMENT', 'TOWNSHIP'];

export function mustReport(kind: AgencyKind): boolean {
  return REPORTING_AGENCY_KINDS.includes(kind);
}

/**
 * The agencies the county office compiles into the county totals (by 20 February): its departments
 * and townships. The county government's own report is made from those totals, so it is not counted
 * again.
 */
export const COMPILED_AGENCY_KINDS: readonly AgencyKind[] = ['DEPARTMENT', 'TOWNSHIP'];

export function isCompiledInTotals(kind: AgencyKind): boolean {
  return COMPILED_AGENCY_KINDS.includes(kind);
}

/** a county government's own report answers to its own deadline (31 March, ../deadlines) */
export function isCountyGovernment(kind: AgencyKind | string | null | undefined): boolean {
  return kind === 'COUNTY_GOVERNMENT';
}

/**
 * A supervising office drafts the report of its own region's people's government (本级人民政府) — the
 * one active COUNTY_GOVERNMENT agency placed in that region, at whatever level (a city's office: the
 * city's government, never one of its counties'). The reason it cannot, in words of the region's level
 * (../regions levelWords; a deployment without regions is one county), or null when exactly one is found.
 */
export function ownGovernmentProblem(found: number, level: RegionLevel | string | null | undefined, regionName?: string | null): string | null {
  const { government } = levelWords(level);
  const where = regionName ?? '';
  if (found === 0) return `${where}尚未登记${government}（本级人民政府，单位类型 COUNTY_GOVERNMENT），无法生成其年度报告`;
  if (found > 1) return `${where}登记了${found}个${government}，无法确定为哪一个生成报告`;
  return null;
}
