/**
 * Each 政务公开办 supervises its own region's subtree: in the demo 盐池县's office (admin) and 同心县's
 * (tongxin.admin) are sibling counties of 吴忠市, whose office (wuzhong.admin) sees both. Lists are
 * limited, a single object or act outside the subtree is FORBIDDEN and audited like a cross-agency
 * access, and the city compiles the city total — on SQLite and on MariaDB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../src/modules/audit/audit-entry.entity';
import { Region } from '../../src/modules/regions/region.entity';
import { codeOf } from '../support/api';
import { DIALECTS } from '../support/databases';
import { seededEnv, type SeededEnv } from '../support/env';

describe.each(DIALECTS)('scope by region on %s', (dialect) => {
  let env: SeededEnv;
  const token: Record<string, string> = {};
  let regionId: (code: string) => Promise<string>;

  beforeAll(async () => {
    env = await seededEnv(dialect);
    for (const u of ['admin', 'tongxin.admin', 'wuzhong.admin', 'wenlv.preparer']) token[u] = await env.api.login(u);
    regionId = async (code) => (await env.db.dataSource.manager.findOneByOrFail(Region, { code })).id;
  }, 120_000);
  afterAll(async () => {
    await env?.close();
  });

  const codesOf = async (who: string) => {
    const data = await env.api.ok('{ agencies(options: { take: 100 }) { items { code } totalItems } }', {}, token[who]);
    return data.agencies.items.map((a: { code: string }) => a.code) as string[];
  };

  const lastDenial = async () => {
    const [entry] = await env.db.dataSource.manager.find(AuditEntry, { where: { action: 'access.denied' }, order: { id: 'DESC' }, take: 1 });
    return entry;
  };

  it('lists: a county office sees its county only, the city office both counties', async () => {
    const yanchi = await codesOf('admin');
    const tongxin = await codesOf('tongxin.admin');
    const city = await codesOf('wuzhong.admin');
    expect(yanchi).toContain('yanchi.wenlv');
    expect(yanchi.some((c) => c.startsWith('tongxin.') || c.startsWith('wuzhong.'))).toBe(false);
    expect(tongxin.every((c) => c.startsWith('tongxin.'))).toBe(true);
    expect(tongxin).toContain('tongxin.jiaoyu');
    expect(city).toEqual(expect.arrayContaining(['yanchi.wenlv', 'tongxin.jiaoyu', 'wuzhong.zwgk']));
    expect(city.length).toBe(yanchi.length + tongxin.length + 1);
    // an agency user still sees its own agency only
    expect(await codesOf('wenlv.preparer')).toEqual(['yanchi.wenlv']);

    const reports = async (who: string) => (await env.api.ok('{ reports(options: { take: 1 }) { totalItems } }', {}, token[who])).reports.totalItems;
    expect(await reports('tongxin.admin')).toBe(0);
    expect(await reports('wuzhong.admin')).toBe(await reports('admin'));
  });

  it('a sibling county office cannot read or act on the other county, and the refusal is audited', async () => {
    const wenlv = await env.agencyId('yanchi.wenlv');
    const jiaoyu = await env.agencyId('tongxin.jiaoyu');
    const published = await env.reportId('yanchi.wenlv', env.demo.currentYear - 1);

    const read = await env.api.gql('query($id: ID!) { agency(id: $id) { name } }', { id: jiaoyu }, token.admin);
    expect(codeOf(read)).toBe('FORBIDDEN');
    expect((await lastDenial()).agencyId).toBe(jiaoyu);

    const report = await env.api.gql('query($id: ID!) { report(id: $id) { id } }', { id: published }, token['tongxin.admin']);
    expect(codeOf(report)).toBe('FORBIDDEN');

    const before = await env.api.auditCount();
    const act = await env.api.gql('mutation($id: ID!) { requestRectification(id: $id, comment: "请补充说明第五部分") { id } }', { id: published }, token['tongxin.admin']);
    expect(codeOf(act)).toBe('FORBIDDEN');
    const denial = await lastDenial();
    expect(denial.reportId).toBe(published);
    expect(await env.api.auditCount()).toBe(before + 1); // the denial only: nothing was written

    const rename = await env.api.gql('mutation($id: ID!) { updateAgency(id: $id, input: { name: "改名" }) { id } }', { id: wenlv }, token['tongxin.admin']);
    expect(codeOf(rename)).toBe('FORBIDDEN');

    // the city office above both gets through to the same report, and its own county's office too
    expect((await env.api.ok('query($id: ID!) { report(id: $id) { id } }', { id: published }, token['wuzhong.admin'])).report.id).toBe(published);
    expect((await env.api.ok('query($id: ID!) { report(id: $id) { id } }', { id: published }, token.admin)).report.id).toBe(published);
    // and the county office never reaches up to the city
    const up = await env.api.gql('query($id: ID!) { agency(id: $id) { name } }', { id: await env.agencyId('wuzhong.zwgk') }, token.admin);
    expect(codeOf(up)).toBe('FORBIDDEN');
  });

  it('compilation: the city office compiles the city total; a county office only its own county', async () => {
    const year = env.demo.currentYear - 1;
    const query = 'query($y: Int!, $s: CountyScope) { countySummary(year: $y, scope: $s) { reportCount regionName fromMaintainedTotals cells { key value } included { agencyId } } }';
    const county = (await env.api.ok(query, { y: year }, token.admin)).countySummary;
    const city = (await env.api.ok(query, { y: year }, token['wuzhong.admin'])).countySummary;
    const other = (await env.api.ok(query, { y: year }, token['tongxin.admin'])).countySummary;
    expect(county.regionName).toBe('盐池县');
    expect(city.regionName).toBe('吴忠市');
    expect(county.reportCount).toBeGreaterThan(5);
    expect(county.fromMaintainedTotals).toBe(true);
    // 同心县 has published nothing: the city total is 盐池县's
    expect(city.reportCount).toBe(county.reportCount);
    expect(city.cells).toEqual(county.cells);
    expect(other.reportCount).toBe(0);

    // drill-down: the city picks its county; a county cannot pick its sibling
    const drilled = (await env.api.ok(query, { y: year, s: { kind: 'ALL', regionId: await regionId('640323') } }, token['wuzhong.admin'])).countySummary;
    expect(drilled.cells).toEqual(county.cells);
    const sibling = await env.api.gql(query, { y: year, s: { kind: 'ALL', regionId: await regionId('640323') } }, token['tongxin.admin']);
    expect(codeOf(sibling)).toBe('FORBIDDEN');
    const listed = await env.api.gql(query, { y: year, s: { kind: 'LIST', agencyIds: [await env.agencyId('yanchi.wenlv')] } }, token['tongxin.admin']);
    expect(codeOf(listed)).toBe('FORBIDDEN');

    const progress = async (who: string) =>
      (await env.api.ok('query($y: Int!) { cycleProgress(year: $y) { agencyName } }', { y: env.demo.currentYear }, token[who])).cycleProgress.map((p: { agencyName: string }) => p.agencyName);
    expect((await progress('admin')).some((n: string) => n.startsWith('同心县'))).toBe(false);
    expect((await progress('wuzhong.admin')).some((n: string) => n.startsWith('同心县'))).toBe(true);
  });

  it('the region tree: each office manages its subtree, with audit', async () => {
    const tree = (await env.api.ok('{ regionTree { ownRegionId nodes { id code name level manageable depth } } }', {}, token.admin)).regionTree;
    const byCode = new Map(tree.nodes.map((n: { code: string }) => [n.code, n]));
    expect(tree.ownRegionId).toBe(await regionId('640323'));
    expect((byCode.get('640323') as { manageable: boolean }).manageable).toBe(true);
    expect((byCode.get('640000') as { manageable: boolean }).manageable).toBe(false); // ancestors: breadcrumbs only
    expect(byCode.has('640324')).toBe(false);

    const created = await env.api.ok(
      'mutation($i: RegionInput!) { createRegion(input: $i) { id path: code name } }',
      { i: { code: '640323100', name: '花马池镇', level: 'TOWNSHIP', parentId: await regionId('640323') } },
      token.admin,
    );
    expect((await env.api.lastAudit())!.action).toBe('region.create');
    const renamed = await env.api.ok('mutation($id: ID!) { renameRegion(id: $id, name: "花马池镇（测试）") { name } }', { id: created.createRegion.id }, token.admin);
    expect(renamed.renameRegion.name).toBe('花马池镇（测试）');
    expect((await env.api.lastAudit())!.action).toBe('region.rename');

    const outside = await env.api.gql('mutation($id: ID!) { renameRegion(id: $id, name: "改名") { name } }', { id: created.createRegion.id }, token['tongxin.admin']);
    expect(codeOf(outside)).toBe('FORBIDDEN');
    expect((await lastDenial()).targetId).toBe(created.createRegion.id);

    const badCode = await env.api.gql('mutation($i: RegionInput!) { createRegion(input: $i) { id } }', { i: { code: '650323100', name: '外县镇', level: 'TOWNSHIP', parentId: await regionId('640323') } }, token.admin);
    expect(codeOf(badCode)).toBe('BAD_USER_INPUT');

    // a township continues its county's code: moving it under the other county is refused
    const across = await env.api.gql('mutation($id: ID!, $p: ID) { moveRegion(id: $id, parentId: $p) { id } }', { id: created.createRegion.id, p: await regionId('640324') }, token['wuzhong.admin']);
    expect(codeOf(across)).toBe('BAD_USER_INPUT');
    const moveUp = await env.api.gql('mutation($id: ID!, $p: ID) { moveRegion(id: $id, parentId: $p) { id } }', { id: await regionId('640323'), p: null }, token.admin);
    expect(codeOf(moveUp)).toBe('FORBIDDEN');
  });

  it('public statistics by region code and level read the same totals', async () => {
    const year = env.demo.currentYear - 1;
    const q = 'query($y: Int!, $r: String, $l: RegionLevel) { publicStatistics(year: $y, region: $r, level: $l) { reportCount regionName cells { key value } } }';
    const all = (await env.api.ok(q, { y: year })).publicStatistics;
    const city = (await env.api.ok(q, { y: year, r: '640300' })).publicStatistics;
    const counties = (await env.api.ok(q, { y: year, r: '640300', l: 'COUNTY' })).publicStatistics;
    const tongxin = (await env.api.ok(q, { y: year, r: '640324' })).publicStatistics;
    expect(city.regionName).toBe('吴忠市');
    expect(city.cells).toEqual(all.cells);
    expect(counties.cells).toEqual(all.cells);
    expect(tongxin.reportCount).toBe(0);
    expect(codeOf(await env.api.gql(q, { y: year, r: '999999' }))).toBe('BAD_USER_INPUT');

    const agencies = (await env.api.ok('{ publicAgencies(region: "640324") { code regionCode } }')).publicAgencies;
    expect(agencies.length).toBeGreaterThan(0);
    expect(agencies.every((a: { regionCode: string }) => a.regionCode === '640324')).toBe(true);
    const reports = (await env.api.ok('{ publicReports(filter: { region: "640323" }) { totalItems } }')).publicReports.totalItems;
    expect(reports).toBe((await env.api.ok('{ publicReports { totalItems } }')).publicReports.totalItems);
  });
});
