/**
 * Two acts of a supervising office at every level, on SQLite and on MariaDB: the 责任追究 case list
 * narrowed to one region of its subtree (regionId, refused and audited outside it like the dashboard's),
 * and the own report of its region's people's government (本级人民政府) drafted from the region's totals —
 * 盐池县人民政府 for 盐池县's office (admin), 吴忠市人民政府 for 吴忠市's (wuzhong.admin), never a county's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../src/modules/audit/audit-entry.entity';
import { Region } from '../../src/modules/regions/region.entity';
import { codeOf } from '../support/api';
import { DIALECTS } from '../support/databases';
import { seededEnv, type SeededEnv } from '../support/env';

const CASES = 'query($g: ID) { accountabilityCases(filter: { regionId: $g }, options: { take: 100 }) { totalItems items { id agency { name } } } }';

describe.each(DIALECTS)('an office’s case list by region and its own government’s report on %s', (dialect) => {
  let env: SeededEnv;
  const token: Record<string, string> = {};
  const region: Record<string, string> = {};

  beforeAll(async () => {
    env = await seededEnv(dialect);
    for (const u of ['admin', 'tongxin.admin', 'wuzhong.admin', 'wenlv.preparer']) token[u] = await env.api.login(u);
    for (const code of ['640300', '640323', '640324']) region[code] = (await env.db.dataSource.manager.findOneByOrFail(Region, { code })).id;
  }, 120_000);
  afterAll(async () => {
    await env?.close();
  });

  const lastDenial = async () => (await env.db.dataSource.manager.find(AuditEntry, { where: { action: 'access.denied' }, order: { id: 'DESC' }, take: 1 }))[0];
  const cases = async (who: string, g?: string) => (await env.api.ok(CASES, { g }, token[who])).accountabilityCases as { totalItems: number; items: Array<{ id: string; agency: { name: string } }> };

  it('the city office narrows the case list to each county; a county office is refused its sibling and the city', async () => {
    // a case in 同心县 beside the demo's 盐池县 case(s), opened by the city office above both
    const opened = await env.api.ok(
      'mutation($i: OpenAccountabilityCaseInput!) { openAccountabilityCase(input: $i) { id } }',
      { i: { agencyId: await env.agencyId('tongxin.jiaoyu'), year: env.demo.previousYear, kind: 'OVERDUE', description: '逾期未报送年度报告', responsiblePerson: '马明（办公室）', rectifyBy: '2099-01-31' } },
      token['wuzhong.admin'],
    );

    const yanchi = await cases('wuzhong.admin', region['640323']);
    const tongxin = await cases('wuzhong.admin', region['640324']);
    expect(yanchi.totalItems).toBeGreaterThan(0);
    expect(yanchi.items.every((c) => c.agency.name.startsWith('盐池县'))).toBe(true);
    expect(yanchi).toEqual(await cases('admin'));
    expect(tongxin.items.map((c) => c.id)).toEqual([opened.openAccountabilityCase.id]);
    expect(tongxin).toEqual(await cases('tongxin.admin'));
    // the whole subtree, asked for or not: both counties
    const city = await cases('wuzhong.admin');
    expect(city.totalItems).toBe(yanchi.totalItems + tongxin.totalItems);
    expect(await cases('wuzhong.admin', region['640300'])).toEqual(city);
    // a county office's own region is its whole list
    expect(await cases('admin', region['640323'])).toEqual(yanchi);

    // outside the subtree: refused with the dashboard's code and words, and audited
    const dashboardRefusal = await env.api.gql('query($y: Int!, $g: ID) { cycleProgress(year: $y, regionId: $g) { agencyId } }', { y: env.demo.currentYear, g: region['640324'] }, token.admin);
    for (const [who, g] of [['admin', '640324'], ['admin', '640300'], ['tongxin.admin', '640323']] as const) {
      const before = await env.api.auditCount();
      const refused = await env.api.gql(CASES, { g: region[g] }, token[who]);
      expect(codeOf(refused), `${who} → ${g}`).toBe(codeOf(dashboardRefusal));
      expect(codeOf(refused)).toBe('FORBIDDEN');
      expect(refused.errors![0].message).toBe(dashboardRefusal.errors![0].message);
      expect(await env.api.auditCount()).toBe(before + 1);
      const denial = await lastDenial();
      expect(denial).toMatchObject({ targetType: 'Region', targetId: region[g] });
      expect(denial.detail).toMatchObject({ attempted: 'accountability.read' });
    }
    // the region filter is an office's: an agency user has its own cases and no region to pick
    expect(codeOf(await env.api.gql(CASES, { g: region['640323'] }, token['wenlv.preparer']))).toBe('FORBIDDEN');
    expect(codeOf(await env.api.gql(CASES, { g: 'no-such-region' }, token['wuzhong.admin']))).toBe('NOT_FOUND');
  });

  it('a county office drafts its county government’s report, a city office its city government’s', async () => {
    const year = env.demo.currentYear;
    const generate = (who: string, y: number) => env.api.gql('mutation($y: Int!) { generateCountyReport(year: $y) { id status agencyName year } }', { y }, token[who]);
    const summary = async (who: string, y: number) =>
      (await env.api.ok('query($y: Int!) { countySummary(year: $y) { cells { key value } } }', { y }, token[who])).countySummary.cells as Array<{ key: string; value: number | null }>;
    const cellsOf = async (id: string, who: string) =>
      new Map(((await env.api.ok('query($id: ID!) { report(id: $id) { cells { key value } } }', { id }, token[who])).report.cells as Array<{ key: string; value: number | null }>).map((c) => [c.key, c.value]));

    // 盐池县: its government's draft of the open cycle stands, so the office is told which report exists
    const existing = await env.reportId('yanchi.gov', year);
    const conflict = await generate('admin', year);
    expect(codeOf(conflict)).toBe('CONFLICT');
    expect(conflict.errors![0].message).toBe(`盐池县人民政府${year}年度的报告已存在，不能重复生成`);
    expect(conflict.errors![0].extensions).toMatchObject({ reportId: existing });
    // without it, the county government's draft carries the county's totals
    await env.api.ok('mutation($id: ID!) { deleteReport(id: $id) }', { id: existing }, token.admin);
    const county = (await env.api.ok('mutation($y: Int!) { generateCountyReport(year: $y) { id status agencyName year } }', { y: year }, token.admin)).generateCountyReport;
    expect(county).toMatchObject({ status: 'DRAFT', agencyName: '盐池县人民政府', year });
    const countyCells = await cellsOf(county.id, 'admin');
    const countyTotals = (await summary('admin', year)).filter((c) => c.value !== null);
    expect(countyTotals.length).toBeGreaterThan(0);
    for (const c of countyTotals) expect(countyCells.get(c.key), c.key).toBe(c.value);

    // 吴忠市 has registered no government of its own: the city's words, never a county's government
    const missing = await generate('wuzhong.admin', year - 1);
    expect(codeOf(missing)).toBe('BAD_USER_INPUT');
    expect(missing.errors![0].message).toBe('吴忠市尚未登记市人民政府（本级人民政府，单位类型 COUNTY_GOVERNMENT），无法生成其年度报告');

    // once registered (in the office's own region), its draft carries the whole city's totals
    const gov = { code: 'wuzhong.gov', name: '吴忠市人民政府', kind: 'COUNTY_GOVERNMENT' };
    await env.api.ok('mutation($i: AgencyInput!) { createAgency(input: $i) { id } }', { i: gov }, token['wuzhong.admin']);
    const city = (await env.api.ok('mutation($y: Int!) { generateCountyReport(year: $y) { id status agencyName year } }', { y: year - 1 }, token['wuzhong.admin'])).generateCountyReport;
    expect(city).toMatchObject({ status: 'DRAFT', agencyName: '吴忠市人民政府', year: year - 1 });
    const cityCells = await cellsOf(city.id, 'wuzhong.admin');
    const cityTotals = (await summary('wuzhong.admin', year - 1)).filter((c) => c.value !== null);
    expect(cityTotals.length).toBeGreaterThan(0);
    for (const c of cityTotals) expect(cityCells.get(c.key), c.key).toBe(c.value);
    const again = await generate('wuzhong.admin', year - 1);
    expect(codeOf(again)).toBe('CONFLICT');
    expect(again.errors![0].message).toBe(`吴忠市人民政府${year - 1}年度的报告已存在，不能重复生成`);

    // two governments in one region: which one is not guessed
    await env.api.ok('mutation($i: AgencyInput!) { createAgency(input: $i) { id } }', { i: { ...gov, code: 'wuzhong.gov2', name: '吴忠市人民政府（重复）' } }, token['wuzhong.admin']);
    const doubled = await generate('wuzhong.admin', year);
    expect(codeOf(doubled)).toBe('BAD_USER_INPUT');
    expect(doubled.errors![0].message).toBe('吴忠市登记了2个市人民政府，无法确定为哪一个生成报告');
    // and a county office still drafts only for its own county
    expect((await env.api.ok('mutation($y: Int!) { generateCountyReport(year: $y) { agencyName } }', { y: year - 1 }, token['tongxin.admin'])).generateCountyReport.agencyName).toBe('同心县人民政府');
  });
});
