/**
 * The download routes over real HTTP, the county report generated from the summary, importReportXlsx
 * and the quality ranking — against published data on SQLite and MariaDB.
 */
import type { AddressInfo } from 'node:net';
import { sumReports } from '@touming/domain/aggregate';
import { importHtml } from '@touming/domain/import';
import type { ReportContent } from '@touming/domain/report';
import express from 'express';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../src/common/context';
import { withTransaction } from '../../src/db/transaction';
import type { Agency } from '../../src/modules/agencies/agency.entity';
import { mountDownloads } from '../../src/modules/exports';
import { tablesXlsx } from '../../src/modules/exports/report-xlsx';
import { readReportXlsx } from '../../src/modules/exports/xlsx-import';
import { PublicRateLimiter } from '../../src/modules/public/rate-limit';
import { insertUser } from '../../src/modules/users/user.service';
import { codeOf, TestApi } from '../support/api';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../support/databases';
import { addAgency, addCycle, addReport, sampleReport } from '../county/published-fixture';
import { buildTablesWorkbook } from '../../src/modules/exports/report-xlsx';

const PASSWORD = 'Download-Test-Pw-1';

describe.each(DIALECTS)('downloads, county report, XLSX import and quality on %s', (dialect) => {
  let db: TestDatabase;
  let api: TestApi;
  let server: import('node:http').Server;
  let base = '';
  let adminToken = '';
  let preparerToken = '';
  let preparerAgency: Agency;
  const published: Array<{ agency: Agency; revisionId: string; content: ReportContent }> = [];
  let draftReportId = '';

  beforeAll(async () => {
    db = await openTestDatabase(dialect);
    const ds = db.dataSource;
    await addCycle(ds, 2022);
    await addCycle(ds, 2023);
    const office = await addAgency(ds, 'office', '某县政务公开办', 'COUNTY_OFFICE');
    await addAgency(ds, 'gov', '某县人民政府', 'COUNTY_GOVERNMENT');
    for (let i = 0; i < 8; i++) {
      const agency = await addAgency(ds, `d${i}`, `某县第${i}局`, i % 2 ? 'DEPARTMENT' : 'TOWNSHIP');
      const last = sampleReport(agency.name, 2022, i + 40);
      await addReport(ds, agency, last, 'PUBLISHED');
      const content = sampleReport(agency.name, 2023, i + 60, last);
      if (i === 3) content.sections.problems = last.sections.problems; // 年年雷同: the ranking must notice
      if (i === 7) {
        draftReportId = (await addReport(ds, agency, content, 'DRAFT')).reportId;
        preparerAgency = agency;
        continue;
      }
      const late = i === 5 ? new Date('2024-02-20T02:00:00Z') : undefined;
      const { revisionId } = await addReport(ds, agency, content, 'PUBLISHED', { publishedAt: late });
      published.push({ agency, revisionId: revisionId!, content });
    }
    await withTransaction(systemContext(ds, 'test'), async (tx) => {
      await insertUser(tx, { username: 'county', displayName: '县管理员', password: PASSWORD, agencyId: office.id, roles: ['COUNTY_ADMIN'] });
      await insertUser(tx, { username: 'prep', displayName: '填报人', password: PASSWORD, agencyId: preparerAgency.id, roles: ['AGENCY_PREPARER'] });
    });
    api = await TestApi.start(ds);
    api.api.container.get(PublicRateLimiter).configure({ settings: { limit: 10_000, windowSeconds: 60 } });
    adminToken = await api.login('county', PASSWORD);
    preparerToken = await api.login('prep', PASSWORD);
    const app = express();
    mountDownloads(app, api.api, ds);
    server = app.listen(0);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.close();
    await api?.stop();
    await db?.drop();
  });

  const get = (path: string, token?: string) => fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('a published report downloads as HTML, DOCX and XLSX that read back to its content', async () => {
    const { revisionId, content } = published[0];
    const html = await get(`/download/reports/${revisionId}.html`);
    expect(html.status).toBe(200);
    expect(importHtml(await html.text()).report.cells).toEqual(content.cells);
    const xlsx = await get(`/download/reports/${revisionId}.xlsx`);
    expect(xlsx.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    const back = await readReportXlsx(Buffer.from(await xlsx.arrayBuffer()), content.format);
    expect(back.cells).toEqual(content.cells);
    const docx = await get(`/download/reports/${revisionId}.docx`);
    const zip = await JSZip.loadAsync(Buffer.from(await docx.arrayBuffer()));
    expect((await zip.file('word/document.xml')!.async('string')).split('<w:tbl>').length - 1).toBeGreaterThanOrEqual(3);
  });

  it('drafts, unknown ids and unknown extensions are 404', async () => {
    expect((await get(`/download/reports/${draftReportId}.html`)).status).toBe(404);
    expect((await get('/download/reports/nope.docx')).status).toBe(404);
    expect((await get(`/download/reports/${published[0].revisionId}.exe`)).status).toBe(404);
  });

  it('open data: one row per agency × cell key of current revisions, CSV with BOM and JSON', async () => {
    const json = (await (await get('/download/open-data/2023.json')).json()) as { rows: Array<{ agencyId: string; key: string; value: number | null }> };
    const cellCount = Object.keys(published[0].content.cells).length;
    expect(json.rows.length).toBe(published.length * cellCount);
    const row = json.rows.find((r: { agencyId: string; key: string }) => r.agencyId === published[1].agency.id && r.key === 't3.new.total');
    expect(row?.value).toBe(published[1].content.cells['t3.new.total']);
    expect(json.rows.some((r: { agencyId: string }) => r.agencyId === preparerAgency.id)).toBe(false);
    const bytes = Buffer.from(await (await get('/download/open-data/2023.csv')).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8');
    expect(csv.trim().split('\r\n').length).toBe(json.rows.length + 1);
  });

  it('the county summary XLSX needs the county admin and imports back to the same totals; CSV too', async () => {
    expect((await get('/download/county/2023/summary.xlsx')).status).toBe(401);
    expect((await get('/download/county/2023/summary.xlsx', preparerToken)).status).toBe(403);
    const res = await get('/download/county/2023/summary.xlsx', adminToken);
    expect(res.status).toBe(200);
    const expected = sumReports(published.filter((p) => ['DEPARTMENT', 'TOWNSHIP'].includes(p.agency.kind)).map((p) => p.content));
    const back = await readReportXlsx(Buffer.from(await res.arrayBuffer()), '2021');
    expect(back.issues).toEqual([]);
    expect(back.cells).toEqual(expected.cells);
    const csv = await (await get('/download/county/2023/summary.csv', adminToken)).text();
    // Chinese column headers for Excel, the stable cell key kept as the first column
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('单元格代码（key）,项目,汇总数,空白份数,本年同口径数（两年均已公开的单位）,上年同口径数（同一批单位）,较上年增减（同口径）');
    expect(csv).toContain(`t3.new.total,`);
    expect(csv.split('\r\n').find((l) => l.startsWith('t3.new.total,'))!.split(',')[2]).toBe(String(expected.cells['t3.new.total']));
  });

  it('the summary downloads the scope on the screen (townships, one agency), named by it; unreadable parameters are refused', async () => {
    const whole = await get('/download/county/2023/summary.xlsx', adminToken);
    expect(decodeURIComponent(whole.headers.get('content-disposition')!)).toContain('全县政府信息公开工作年度报告汇总-2023.xlsx');
    const townships = await get('/download/county/2023/summary.xlsx?scope=TOWNSHIPS', adminToken);
    expect(townships.status).toBe(200);
    expect(decodeURIComponent(townships.headers.get('content-disposition')!)).toContain('全县政府信息公开工作年度报告汇总（乡镇）-2023.xlsx');
    const onlyTownships = sumReports(published.filter((p) => p.agency.kind === 'TOWNSHIP').map((p) => p.content));
    expect((await readReportXlsx(Buffer.from(await townships.arrayBuffer()), '2021')).cells).toEqual(onlyTownships.cells);

    const one = published[2];
    const csv = await get(`/download/county/2023/summary.csv?agency=${one.agency.id}`, adminToken);
    expect(decodeURIComponent(csv.headers.get('content-disposition')!)).toContain(`全县政府信息公开工作年度报告汇总（${one.agency.name}）-2023.csv`);
    const total = (await csv.text()).split('\r\n').find((l) => l.startsWith('t3.new.total,'))!.split(',')[2];
    expect(total).toBe(String(one.content.cells['t3.new.total']));

    for (const query of ['scope=EVERYTHING', 'extent=DOWN', 'agency=../x', 'region=a&region=b']) {
      const refused = await get(`/download/county/2023/summary.xlsx?${query}`, adminToken);
      expect(refused.status, query).toBe(400);
      expect(((await refused.json()) as { error: string }).error, query).toMatch(/^下载参数不正确：/);
    }
    const unknownRegion = await get('/download/county/2023/summary.xlsx?region=no-such-region', adminToken);
    expect(unknownRegion.status).toBe(404);
    expect(((await unknownRegion.json()) as { error: string }).error).toBe('地区不存在');
  });

  it('generateCountyReport creates the county government’s draft with the summed tables and empty narrative', async () => {
    const result = await api.ok(
      'mutation { generateCountyReport(year: 2023) { id status agencyName year } }',
      {},
      adminToken,
    );
    expect(result.generateCountyReport.status).toBe('DRAFT');
    const id = result.generateCountyReport.id;
    const report = await api.ok('query($id: ID!) { report(id: $id) { cell(key: "t3.new.total") sections { key text } } }', { id }, adminToken);
    const summary = await api.ok('{ countySummary(year: 2023) { cells { key value } } }', {}, adminToken);
    expect(report.report.cell).toBe(summary.countySummary.cells.find((c: { key: string }) => c.key === 't3.new.total').value);
    expect(report.report.sections.every((s: { text: string }) => s.text === '')).toBe(true);
    const again = await api.gql('mutation { generateCountyReport(year: 2023) { id } }', {}, adminToken);
    expect(codeOf(again)).toBe('CONFLICT');
    expect(codeOf(await api.gql('mutation { generateCountyReport(year: 2023) { id } }', {}, preparerToken))).toBe('FORBIDDEN');
  });

  it('importReportXlsx fills a draft’s tables, and names the sheet and cell of a bad spreadsheet', async () => {
    const source = sampleReport(preparerAgency.name, 2023, 777);
    const good = (await tablesXlsx(source)).toString('base64');
    const imported = await api.ok(
      'mutation($a: ID!, $b: String!) { importReportXlsx(agencyId: $a, year: 2023, base64: $b) { id cell(key: "t3.new.natural") } }',
      { a: preparerAgency.id, b: good },
      preparerToken,
    );
    expect(imported.importReportXlsx.id).toBe(draftReportId);
    expect(imported.importReportXlsx.cell).toBe(source.cells['t3.new.natural']);

    const bad = { ...source, cells: { ...source.cells } };
    const wb = buildTablesWorkbook(bad);
    wb.getWorksheet('表三')!.getCell('D7').value = '十二';
    const data = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
    const refused = await api.gql('mutation($a: ID!, $b: String!) { importReportXlsx(agencyId: $a, year: 2023, base64: $b) { id } }', { a: preparerAgency.id, b: data }, preparerToken);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].message).toMatch(/^工作表“表三”单元格 D7：应为数字，实际为“十二”/);
    const other = published[0].agency.id;
    expect(codeOf(await api.gql('mutation($a: ID!, $b: String!) { importReportXlsx(agencyId: $a, year: 2023, base64: $b) { id } }', { a: other, b: good }, preparerToken))).toBe('FORBIDDEN');
  });

  it('the quality ranking scores published reports, ranks them and lists whom to follow up', async () => {
    const r = await api.ok('{ qualityRanking(year: 2023) { items { rank agencyId score followUp reasons { id points } } followUp { agencyId } } }', {}, adminToken);
    const items = r.qualityRanking.items as Array<{ rank: number | null; agencyId: string; score: number | null; followUp: boolean; reasons: Array<{ id: string; points: number }> }>;
    const scores = items.filter((i) => i.score !== null).map((i) => i.score!);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // equal scores share a rank; the next counts everyone above it (1, 1, 3 …)
    for (const item of items.filter((i) => i.score !== null)) expect(item.rank).toBe(1 + scores.filter((x) => x > item.score!).length);
    const copied = items.find((i) => i.agencyId === published.find((p) => p.agency.code === 'd3')!.agency.id)!;
    expect(copied.reasons.some((x) => x.id.startsWith('rule:s5.similarity') && x.points > 0)).toBe(true);
    const late = items.find((i) => i.agencyId === published.find((p) => p.agency.code === 'd5')!.agency.id)!;
    expect(late.reasons.some((x) => x.id === 'timeliness.late')).toBe(true);
    expect(r.qualityRanking.followUp.map((f: { agencyId: string }) => f.agencyId)).toContain(late.agencyId);
    const unpublished = items.find((i) => i.agencyId === preparerAgency.id)!;
    expect(unpublished).toMatchObject({ rank: null, score: null, followUp: true });
    expect(unpublished.reasons.map((x) => x.id)).toEqual(['timeliness.unpublished']);
  });
});
