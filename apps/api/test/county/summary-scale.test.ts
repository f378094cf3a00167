/**
 * A region's compilation is counted in SQL by the region (no agency read one by one for the totals):
 * it must answer exactly what the compilation of the same agencies named one by one (scope LIST, the
 * id-list path) answers — totals, comparison with last year, validation and the three lists — at every
 * level, kind and extent, with inactive agencies, unpublished and missing reports, corrections and
 * agencies published in one year only; and the statements it takes must not grow with the agencies or
 * the regions. On SQLite and on MariaDB.
 */
import { COMPILED_AGENCY_KINDS } from '@touming/domain/agencies';
import { childPath } from '@touming/domain/regions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestContext, type RequestContext } from '../../src/common/context';
import { newId } from '../../src/db/columns';
import type { Agency } from '../../src/modules/agencies/agency.entity';
import { activeAgencies } from '../../src/modules/agencies/agency.repository';
import { CountyService } from '../../src/modules/county/county.service';
import { CompilationExtentEnum, CountyScopeKind, type CountyScope, type CountySummary } from '../../src/modules/county/county.types';
import { Region } from '../../src/modules/regions/region.entity';
import { ReportService } from '../../src/modules/reports/report.service';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../support/databases';
import { addAgency, addCycle, addReport, sampleReport } from './published-fixture';

const KINDS: Record<'ALL' | 'DEPARTMENTS', readonly string[]> = { ALL: COMPILED_AGENCY_KINDS, DEPARTMENTS: ['DEPARTMENT'] };

describe.each(DIALECTS)('a region compilation counted by the region on %s', (dialect) => {
  let db: TestDatabase;
  let admin: RequestContext;
  const service = new CountyService(new ReportService());
  const regions: Region[] = [];
  let serial = 0;

  const makeRegion = async (code: string, name: string, level: Region['level'], parent: Region | null) => {
    const id = newId();
    const now = new Date();
    const region = Object.assign(new Region(), { id, code, name, level, parentId: parent?.id ?? null, path: childPath(parent?.path ?? null, id), createdAt: now, updatedAt: now });
    await db.dataSource.manager.insert(Region, region);
    regions.push(region);
    return region;
  };

  /** agencies of a region in every situation a compilation tells apart, each published as the publication keeps the totals */
  const populate = async (region: Region, count: number) => {
    const ds = db.dataSource;
    for (let i = 0; i < count; i++) {
      const n = serial++;
      const kind = (['DEPARTMENT', 'TOWNSHIP', 'DEPARTMENT', 'COUNTY_GOVERNMENT'] as const)[n % 4];
      const agency: Agency = await addAgency(ds, `s${n}`, `${region.name}单位${n}`, kind);
      await ds.manager.update('agency', { id: agency.id }, { regionId: region.id });
      const r2022 = sampleReport(agency.name, 2022, n + 1);
      if (n % 5 !== 3) await addReport(ds, agency, r2022, 'PUBLISHED');
      const r2023 = sampleReport(agency.name, 2023, n + 501, r2022);
      if (n % 7 === 2) await addReport(ds, agency, r2023, 'APPROVED');
      else if (n % 7 === 5) {
        // never reported 2023
      } else await addReport(ds, agency, r2023, 'PUBLISHED', { superseded: n % 6 === 1 ? [sampleReport(agency.name, 2023, n + 9001, r2022)] : [] });
      // an agency closed after publishing: its reports stay in the maintained totals, not in the compilation
      if (n % 11 === 4) await ds.manager.update('agency', { id: agency.id }, { active: false });
    }
  };

  beforeAll(async () => {
    db = await openTestDatabase(dialect);
    await addCycle(db.dataSource, 2022);
    await addCycle(db.dataSource, 2023);
    const province = await makeRegion('650000', '省', 'PROVINCE', null);
    await populate(province, 3);
    for (const c of [1, 2]) {
      const city = await makeRegion(`65${c}00`.padEnd(6, '0'), `市${c}`, 'CITY', province);
      await populate(city, 2);
      for (const k of [1, 2]) await populate(await makeRegion(`65${c}${k}`.padEnd(6, '0'), `县${c}${k}`, 'COUNTY', city), 6);
    }
    const office = await addAgency(db.dataSource, 'office', '省政务公开办', 'COUNTY_OFFICE');
    admin = createRequestContext(db.dataSource, { user: { id: 'u-admin', username: 'admin', displayName: '管理员', agencyId: office.id, roles: ['COUNTY_ADMIN'] } });
  }, 300_000);
  afterAll(async () => {
    await db?.drop();
  });

  /** the same agencies named one by one: the compilation by id lists */
  const byIds = async (scope: CountyScope): Promise<CountySummary | null> => {
    const region = regions.find((r) => r.id === scope.regionId)!;
    const own = scope.extent === CompilationExtentEnum.OWN_LEVEL;
    const agencies = await activeAgencies(db.dataSource.manager, { kinds: KINDS[scope.kind as 'ALL'], ...(own ? { regionId: region.id } : { regionPath: region.path }) });
    if (!agencies.length) return null;
    return service.summary(admin, 2023, { kind: CountyScopeKind.LIST, agencyIds: agencies.map((a) => a.id) });
  };

  const answer = (s: CountySummary) => ({
    reportCount: s.reportCount,
    cells: s.cells,
    tables: s.tables,
    validation: s.validation,
    comparison: s.comparison,
    previousYearComparable: s.previousYearComparable,
    included: s.included,
    notPublished: s.notPublished,
    missing: s.missing,
    agencyCounts: s.agencyCounts,
  });

  it('answers what the compilation of the same agencies by id answers, at every level, kind and extent', async () => {
    let fallbacks = 0;
    let maintained = 0;
    for (const region of regions) {
      for (const kind of [CountyScopeKind.ALL, CountyScopeKind.DEPARTMENTS]) {
        for (const extent of [CompilationExtentEnum.SUBTREE, CompilationExtentEnum.OWN_LEVEL]) {
          const scope: CountyScope = { kind, regionId: region.id, extent };
          const expected = await byIds(scope);
          if (!expected) continue;
          const summary = await service.summary(admin, 2023, scope);
          expect(answer(summary), `${region.name} ${kind} ${extent}`).toEqual(answer(expected));
          if (summary.fromMaintainedTotals) maintained++;
          else fallbacks++;
          // the counts by child region add up to the whole
          if (extent === CompilationExtentEnum.SUBTREE) {
            const sum = summary.regions.reduce((s, r) => s + r.counts.agencies, 0);
            expect(sum, region.name).toBe(summary.agencyCounts.agencies);
          }
        }
      }
    }
    // both ways of reading the totals were exercised: the maintained rows, and the sum when a closed agency differs
    expect(maintained).toBeGreaterThan(0);
    expect(fallbacks).toBeGreaterThan(0);
  }, 300_000);

  it('lists the agencies only when asked, and only up to the limit', async () => {
    const province = regions[0];
    const scope: CountyScope = { kind: CountyScopeKind.ALL, regionId: province.id };
    const totalsOnly = await service.summary(admin, 2023, scope, { lists: false, regions: false });
    expect(totalsOnly).toMatchObject({ agenciesListed: false, included: [], notPublished: [], missing: [], regions: [] });
    const limited = await service.summary(admin, 2023, scope, { lists: true, listUpTo: 5 });
    expect(limited.agenciesListed).toBe(false);
    expect(limited.included).toEqual([]);
    expect(limited.regions.map((r) => r.regionName)).toEqual(['省', '市1', '市2']);
    expect(limited.regions[0].ownLevel).toBe(true);
    const listed = await service.summary(admin, 2023, scope, { lists: true, listUpTo: 1000 });
    expect(listed.agenciesListed).toBe(true);
    expect(listed.included.length).toBe(listed.agencyCounts.included);
    expect(listed.missing.length).toBe(listed.agencyCounts.missing);
    expect(listed.notPublished.length).toBe(listed.agencyCounts.notPublished);
    expect(answer(totalsOnly).cells).toEqual(answer(listed).cells);
    expect(answer(totalsOnly).comparison).toEqual(answer(listed).comparison);
  }, 120_000);

  it('takes as many statements on a larger tree as on a smaller one', async () => {
    const province = regions[0];
    const statements = async () => {
      const counts: Record<string, number> = {};
      for (const [name, wants] of [
        ['totals', { lists: false, regions: false }],
        ['regions', { lists: true, listUpTo: 0, regions: true }],
        ['lists', { lists: true, regions: true }],
      ] as const) {
        db.queries.length = 0;
        await service.summary(admin, 2023, { kind: CountyScopeKind.ALL, regionId: province.id }, wants);
        counts[name] = db.queries.length;
      }
      return counts;
    };
    const small = await statements();
    const before = (await service.summary(admin, 2023, { kind: CountyScopeKind.ALL, regionId: province.id }, { lists: false })).agencyCounts.agencies;
    // a third city with three counties, and more agencies everywhere
    const city = await makeRegion('653000', '市3', 'CITY', province);
    for (const k of [1, 2, 3]) await populate(await makeRegion(`653${k}00`, `县3${k}`, 'COUNTY', city), 8);
    for (const county of regions.filter((r) => r.level === 'COUNTY').slice(0, 2)) await populate(county, 5);
    const after = (await service.summary(admin, 2023, { kind: CountyScopeKind.ALL, regionId: province.id }, { lists: false })).agencyCounts.agencies;
    expect(after).toBeGreaterThan(before * 2);
    expect(await statements()).toEqual(small);
  }, 300_000);
});
