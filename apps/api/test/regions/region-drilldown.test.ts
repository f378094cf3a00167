/**
 * Drill-down for a supervising office: the dashboard's progress, the overdue list, the proposals and
 * the quality ranking of any region in its subtree (regionId), compilation 本级 or with the regions
 * below (extent), one region's own agencies for the picker, the user's own region for the level
 * words, and the region on public reports and open data — on SQLite and on MariaDB. The demo:
 * 吴忠市 (wuzhong.admin) above 盐池县 (admin, published reports) and 同心县 (tongxin.admin, none).
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../src/modules/audit/audit-entry.entity';
import { mountDownloads } from '../../src/modules/exports';
import { openDataRows } from '../../src/modules/public/open-data';
import { Region } from '../../src/modules/regions/region.entity';
import { codeOf } from '../support/api';
import { DIALECTS } from '../support/databases';
import { seededEnv, type SeededEnv } from '../support/env';

describe.each(DIALECTS)('region drill-down on %s', (dialect) => {
  let env: SeededEnv;
  const token: Record<string, string> = {};
  const region: Record<string, string> = {};

  beforeAll(async () => {
    env = await seededEnv(dialect);
    for (const u of ['admin', 'tongxin.admin', 'wuzhong.admin']) token[u] = await env.api.login(u);
    for (const code of ['640300', '640323', '640324']) region[code] = (await env.db.dataSource.manager.findOneByOrFail(Region, { code })).id;
  }, 120_000);
  afterAll(async () => {
    await env?.close();
  });

  const lastDenial = async () => (await env.db.dataSource.manager.find(AuditEntry, { where: { action: 'access.denied' }, order: { id: 'DESC' }, take: 1 }))[0];

  it('each office knows its own region and level (the console words 县/市政务公开办 from it)', async () => {
    const me = async (who: string) => (await env.api.ok('{ me { region { code name level } } }', {}, token[who])).me.region;
    expect(await me('wuzhong.admin')).toEqual({ code: '640300', name: '吴忠市', level: 'CITY' });
    expect(await me('admin')).toEqual({ code: '640323', name: '盐池县', level: 'COUNTY' });
  });

  it('progress, overdue, proposals and ranking of a county picked by the city office; never of a sibling', async () => {
    const year = env.demo.currentYear;
    const progress = 'query($y: Int!, $g: ID) { cycleProgress(year: $y, regionId: $g) { agencyName overdue } }';
    const names = async (who: string, g?: string) => (await env.api.ok(progress, { y: year, g }, token[who])).cycleProgress.map((p: { agencyName: string }) => p.agencyName) as string[];
    const tongxin = await names('wuzhong.admin', region['640324']);
    expect(tongxin.length).toBeGreaterThan(0);
    expect(tongxin.every((n) => n.startsWith('同心县'))).toBe(true);
    expect(await names('wuzhong.admin', region['640323'])).toEqual(await names('admin'));
    expect(await names('tongxin.admin', region['640324'])).toEqual(tongxin);

    const refused = await env.api.gql(progress, { y: year, g: region['640324'] }, token.admin);
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect((await lastDenial()).targetId).toBe(region['640324']);
    // upwards too: the county office cannot look at the city
    expect(codeOf(await env.api.gql(progress, { y: year, g: region['640300'] }, token.admin))).toBe('FORBIDDEN');

    const overdue = 'query($y: Int!, $g: ID) { overdueReports(year: $y, regionId: $g) { agencyName } }';
    const cityOverdue = (await env.api.ok(overdue, { y: year - 1, g: region['640323'] }, token['wuzhong.admin'])).overdueReports;
    expect(cityOverdue).toEqual((await env.api.ok(overdue, { y: year - 1 }, token.admin)).overdueReports);
    expect(codeOf(await env.api.gql(overdue, { y: year - 1, g: region['640323'] }, token['tongxin.admin']))).toBe('FORBIDDEN');

    const proposals = 'query($y: Int!, $g: ID) { proposedAccountabilityCases(year: $y, regionId: $g) { agencyId } }';
    expect((await env.api.ok(proposals, { y: year, g: region['640323'] }, token['wuzhong.admin'])).proposedAccountabilityCases).toEqual(
      (await env.api.ok(proposals, { y: year }, token.admin)).proposedAccountabilityCases,
    );

    const ranking = 'query($y: Int!, $g: ID) { qualityRanking(year: $y, regionId: $g) { items { agencyName score } } }';
    const countyRanking = (await env.api.ok(ranking, { y: year - 1 }, token.admin)).qualityRanking.items;
    expect((await env.api.ok(ranking, { y: year - 1, g: region['640323'] }, token['wuzhong.admin'])).qualityRanking.items).toEqual(countyRanking);
    expect(countyRanking.length).toBeGreaterThan(0);
    expect(codeOf(await env.api.gql(ranking, { y: year - 1, g: region['640323'] }, token['tongxin.admin']))).toBe('FORBIDDEN');
  });

  it('compilation 本级 counts the region’s own agencies only, from the maintained totals', async () => {
    const year = env.demo.currentYear - 1;
    const q = 'query($y: Int!, $s: CountyScope) { countySummary(year: $y, scope: $s) { extent regionName regionLevel reportCount fromMaintainedTotals cells { key value } included { agencyName } missing { agencyName } } }';
    const sum = async (who: string, s?: object) => (await env.api.ok(q, { y: year, s }, token[who])).countySummary;
    const subtree = await sum('wuzhong.admin');
    const own = await sum('wuzhong.admin', { kind: 'ALL', extent: 'OWN_LEVEL' });
    expect(subtree).toMatchObject({ extent: 'SUBTREE', regionName: '吴忠市', regionLevel: 'CITY' });
    expect(subtree.reportCount).toBeGreaterThan(5);
    // 吴忠市 itself has only its office (not compiled): its own level is empty, its subtree is 盐池县's
    expect(own).toMatchObject({ extent: 'OWN_LEVEL', reportCount: 0, fromMaintainedTotals: true, included: [], missing: [] });
    expect(own.cells.every((c: { value: unknown }) => c.value === null)).toBe(true);

    // a county without regions below: 本级 and the subtree are the same agencies and the same totals
    const countyOwn = await sum('admin', { kind: 'ALL', extent: 'OWN_LEVEL' });
    const county = await sum('admin');
    expect(countyOwn.fromMaintainedTotals).toBe(true);
    expect(countyOwn.cells).toEqual(county.cells);
    expect(countyOwn.reportCount).toBe(county.reportCount);
    expect(county.cells).toEqual(subtree.cells);

    // by kind and 本级 at once, and 同心县 picked by the city: its agencies are listed as missing
    const townships = await sum('admin', { kind: 'TOWNSHIPS', extent: 'OWN_LEVEL' });
    expect(townships.fromMaintainedTotals).toBe(true);
    expect(townships.reportCount).toBeLessThan(county.reportCount);
    const tongxin = await sum('wuzhong.admin', { kind: 'ALL', regionId: region['640324'], extent: 'OWN_LEVEL' });
    expect(tongxin.regionName).toBe('同心县');
    expect(tongxin.missing.map((a: { agencyName: string }) => a.agencyName)).toEqual(expect.arrayContaining(['同心县教育局', '同心县豫旺镇人民政府']));
  });

  it('the picker lists one region’s own agencies, within the caller’s subtree', async () => {
    const q = 'query($g: ID) { agencies(filter: { regionId: $g }, options: { take: 200 }) { items { name } } }';
    const names = async (who: string, g: string) => (await env.api.ok(q, { g }, token[who])).agencies.items.map((a: { name: string }) => a.name) as string[];
    expect(await names('wuzhong.admin', region['640300'])).toEqual(['吴忠市人民政府办公室（市政务公开办）']);
    expect(await names('wuzhong.admin', region['640324'])).toContain('同心县教育局');
    // a sibling's region filters to nothing the caller may see
    expect(await names('admin', region['640324'])).toEqual([]);
  });

  it('public reports and open data carry the region code and name', async () => {
    const { items } = (await env.api.ok('{ publicReports(options: { take: 5 }) { items { id regionCode regionName } } }')).publicReports;
    expect(items.length).toBeGreaterThan(0);
    for (const r of items) expect(r).toMatchObject({ regionCode: '640323', regionName: '盐池县' });
    const one = (await env.api.ok('query($id: ID!) { publicReport(id: $id) { regionCode regionName } }', { id: items[0].id })).publicReport;
    expect(one).toEqual({ regionCode: '640323', regionName: '盐池县' });
    const rows = await openDataRows(env.db.dataSource.manager, env.demo.currentYear - 1);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.regionCode === '640323' && r.regionName === '盐池县')).toBe(true);
  });

  it('the city office downloads the compilation it looks at, named by its region: 吴忠市, 盐池县, 吴忠市本级; never a sibling’s from the county', async () => {
    const app = express();
    mountDownloads(app, env.api.api, env.db.dataSource);
    const server = app.listen(0);
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const year = env.demo.currentYear - 1;
      const download = async (who: string, query = '') => {
        const res = await fetch(`${base}/download/county/${year}/summary.csv${query}`, { headers: { authorization: `Bearer ${token[who]}` } });
        const name = decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? '');
        return { status: res.status, name, text: await res.text() };
      };
      const city = await download('wuzhong.admin');
      expect(city.name).toBe(`吴忠市政府信息公开工作年度报告汇总-${year}.csv`);
      const county = await download('wuzhong.admin', `?region=${region['640323']}`);
      expect(county.name).toBe(`盐池县政府信息公开工作年度报告汇总-${year}.csv`);
      // the county is the city's whole compiled subtree in the demo: the same figures either way
      expect(county.text).toBe(city.text);
      expect((await download('admin')).text).toBe(county.text);
      expect((await download('wuzhong.admin', '?extent=OWN_LEVEL&scope=DEPARTMENTS')).name).toBe(`吴忠市本级政府信息公开工作年度报告汇总（市直部门）-${year}.csv`);
      expect((await download('admin', `?region=${region['640324']}`)).status).toBe(403);
    } finally {
      server.close();
    }
  });
});
