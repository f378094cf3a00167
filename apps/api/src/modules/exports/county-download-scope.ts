/**
 * The scope of a county-summary download, read from its query string the way the console's 汇总 page
 * holds it in its address (?scope=&region=&extent=&agency=), so the file is the compilation on the
 * screen. Anything unreadable is refused with a Chinese reason rather than quietly widened to the
 * whole area.
 */
import { COMPILATION_EXTENTS, type CompilationExtent } from '@touming/domain/regions';
import { CountyScope, CountyScopeKind } from '../county/county.types';

const ID = /^[\w-]{1,64}$/;
const PARTS = [CountyScopeKind.ALL, CountyScopeKind.DEPARTMENTS, CountyScopeKind.TOWNSHIPS] as const;

type Query = Record<string, unknown>;

function single(query: Query, name: string): string | null | undefined {
  const value = query[name];
  if (value === undefined || value === '') return null;
  return typeof value === 'string' ? value : undefined; // repeated or nested: unreadable
}

export function countyScopeOfQuery(query: Query): { scope: CountyScope } | { problem: string } {
  const kind = single(query, 'scope');
  const region = single(query, 'region');
  const extent = single(query, 'extent');
  const agency = single(query, 'agency');
  if (kind === undefined || (kind !== null && !(PARTS as readonly string[]).includes(kind))) return { problem: '汇总范围（scope）只能是 ALL、DEPARTMENTS 或 TOWNSHIPS' };
  if (region === undefined || (region !== null && !ID.test(region))) return { problem: '地区（region）的编号不正确' };
  if (extent === undefined || (extent !== null && !(COMPILATION_EXTENTS as readonly string[]).includes(extent))) return { problem: '地区层次（extent）只能是 SUBTREE 或 OWN_LEVEL' };
  if (agency === undefined || (agency !== null && !ID.test(agency))) return { problem: '单位（agency）的编号不正确' };
  const scope = new CountyScope();
  scope.regionId = region;
  if (agency) {
    scope.kind = CountyScopeKind.LIST;
    scope.agencyIds = [agency];
  } else {
    scope.kind = (kind as CountyScopeKind | null) ?? CountyScopeKind.ALL;
    scope.extent = extent as CompilationExtent | null;
  }
  return { scope };
}
