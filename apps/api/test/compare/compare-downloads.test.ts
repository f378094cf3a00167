/**
 * 比对报告 as files, on SQLite and MariaDB: DOCX (read back: summary first) and HTML of a report against
 * last year's for whoever may read it, and the county's ranked XLSX for the county office only.
 */
import ExcelJS from 'exceljs';
import { compareReports, comparisonOutline } from '@touming/domain/compare';
import type { ReportContent } from '@touming/domain/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../src/common/context';
import { withTransaction } from '../../src/db/transaction';
import { insertUser } from '../../src/modules/users/user.service';
import { addAgency, addCycle, addReport, sampleReport } from '../county/published-fixture';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../support/databases';
import { docxParagraphs } from '../support/files';
import { post, startHttp, type HttpEnv } from '../support/http';

const PASSWORD = 'Compare-Download-Pw-1';

describe.each(DIALECTS)('比对报告 downloads on %s', (dialect) => {
  let db: TestDatabase;
  let env: HttpEnv;
  let last: ReportContent;
  let now: ReportContent;
  let draftId: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    db = await openTestDatabase(dialect);
    const ds = db.dataSource;
    await addCycle(ds, 2023);
    await addCycle(ds, 2024);
    const office = await addAgency(ds, 'office', '某县政务公开办', 'COUNTY_OFFICE');
    const agency = await addAgency(ds, 'own', '某县教育体育局', 'DEPARTMENT');
    const other = await addAgency(ds, 'other', '某县卫生健康局', 'DEPARTMENT');
    last = sampleReport(agency.name, 2023, 41);
    await addReport(ds, agency, last, 'PUBLISHED');
    now = sampleReport(agency.name, 2024, 42);
    now.sections.problems = last.sections.problems;
    draftId = (await addReport(ds, agency, now, 'DRAFT')).reportId;
    await withTransaction(systemContext(ds, 'test'), async (tx) => {
      await insertUser(tx, { username: 'county', displayName: '县管理员', password: PASSWORD, agencyId: office.id, roles: ['COUNTY_ADMIN'] });
      await insertUser(tx, { username: 'preparer', displayName: '本单位填报人', password: PASSWORD, agencyId: agency.id, roles: ['AGENCY_PREPARER'] });
      await insertUser(tx, { username: 'stranger', displayName: '他单位填报人', password: PASSWORD, agencyId: other.id, roles: ['AGENCY_PREPARER'] });
    });
    env = await startHttp(db);
    for (const u of ['county', 'preparer', 'stranger']) {
      const r = await post(env.base, { query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u, p: PASSWORD } });
      tokens[u] = r.body.data.login.token;
    }
  });
  afterAll(async () => {
    await env?.close();
    await db?.drop();
  });

  const get = (p: string, user?: string) => fetch(`${env.base}${p}`, { headers: user ? { authorization: `Bearer ${tokens[user]}` } : {} });

  it('DOCX：标题、比对双方、摘要在前，内容与领域的比对一致；匿名 401，他单位 403', async () => {
    const res = await get(`/download/compare/${draftId}.docx`, 'preparer');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('某县教育体育局2023年与2024年报告比对.docx'));
    const paragraphs = await docxParagraphs(Buffer.from(await res.arrayBuffer()));
    const outline = comparisonOutline(compareReports(last, now));
    expect(paragraphs.slice(0, 3)).toEqual([outline.title, outline.subtitle, '一、比对摘要']);
    expect(paragraphs[3]).toBe(outline.summary[0]);
    expect(paragraphs[3]).toMatch(/可能照搬上年内容/);
    expect((await get(`/download/compare/${draftId}.docx`)).status).toBe(401);
    expect((await get(`/download/compare/${draftId}.docx`, 'stranger')).status).toBe(403);
    expect((await get(`/download/compare/${draftId}.pdf`, 'preparer')).status).toBe(404);
  });

  it('HTML：独立页面，沙箱 CSP', async () => {
    const res = await get(`/download/compare/${draftId}.html`, 'county');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    const html = await res.text();
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<h2>一、比对摘要</h2>');
  });

  it('全县批量比对 XLSX：只有县政务公开办可以下载，每个单位一行，无法比对的写明原因（排名按领域的关注分，见 API 测试）', async () => {
    expect((await get('/download/comparisons/2024.xlsx', 'preparer')).status).toBe(403);
    const res = await get('/download/comparisons/2024.xlsx', 'county');
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('2024年度与上年比对');
    expect(sheet.getRow(1).getCell(2).value).toBe('单位');
    const names = [2, 3].map((r) => sheet.getRow(r).getCell(2).value);
    expect(names.sort()).toEqual(['某县卫生健康局', '某县教育体育局']);
    // neither has a published 2024 report: listed, unranked, with the reason
    expect(sheet.getRow(2).getCell(9).value).toMatch(/2024年度报告尚未公开/);
  });
});
