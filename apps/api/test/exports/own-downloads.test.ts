/**
 * Downloads of one's own report, on SQLite and MariaDB: the report as it stands (a draft) and any of
 * its published revisions (a superseded one too), as HTML, DOCX, PDF and XLSX — for whoever may read
 * the report, and nobody else — with their content read back from the files.
 */
import { dateInChina, documentDate } from '@touming/domain/render';
import type { ReportContent } from '@touming/domain/report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../src/common/context';
import { withTransaction } from '../../src/db/transaction';
import type { Agency } from '../../src/modules/agencies/agency.entity';
import { readReportXlsx } from '../../src/modules/exports/xlsx-import';
import { insertUser } from '../../src/modules/users/user.service';
import { addAgency, addCycle, addReport, sampleReport } from '../county/published-fixture';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../support/databases';
import { post, startHttp, type HttpEnv } from '../support/http';
import { docxParagraphs, pdfText } from '../support/files';

const PASSWORD = 'Own-Download-Pw-1';
const DRAFT_TEXT = '本草稿尚未签署的总体情况。';

describe.each(DIALECTS)('downloads of one’s own report on %s', (dialect) => {
  let db: TestDatabase;
  let env: HttpEnv;
  let agency: Agency;
  let draft: { reportId: string; content: ReportContent };
  let revisions: { oldId: string; old: ReportContent; currentId: string };
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    db = await openTestDatabase(dialect);
    const ds = db.dataSource;
    await addCycle(ds, 2023);
    await addCycle(ds, 2024);
    const office = await addAgency(ds, 'office', '某县政务公开办', 'COUNTY_OFFICE');
    agency = await addAgency(ds, 'own', '某县教育体育局', 'DEPARTMENT');
    const other = await addAgency(ds, 'other', '某县卫生健康局', 'DEPARTMENT');
    const old = sampleReport(agency.name, 2023, 31);
    old.sections.other = '第一版的其他事项。';
    const published = sampleReport(agency.name, 2023, 32);
    await addReport(ds, agency, published, 'PUBLISHED', { superseded: [old] });
    const rows = (await ds.query('SELECT id, isCurrent FROM report_revision ORDER BY revisionNo')) as Array<{ id: string }>;
    revisions = { oldId: rows[0].id, old, currentId: rows[1].id };
    const content = sampleReport(agency.name, 2024, 33);
    content.sections.overview = DRAFT_TEXT;
    draft = { reportId: (await addReport(ds, agency, content, 'DRAFT')).reportId, content };
    await withTransaction(systemContext(ds, 'test'), async (tx) => {
      await insertUser(tx, { username: 'county', displayName: '县管理员', password: PASSWORD, agencyId: office.id, roles: ['COUNTY_ADMIN'] });
      await insertUser(tx, { username: 'preparer', displayName: '本单位填报人', password: PASSWORD, agencyId: agency.id, roles: ['AGENCY_PREPARER'] });
      await insertUser(tx, { username: 'leader', displayName: '本单位主要领导', password: PASSWORD, agencyId: agency.id, roles: ['AGENCY_APPROVER'] });
      await insertUser(tx, { username: 'stranger', displayName: '他单位填报人', password: PASSWORD, agencyId: other.id, roles: ['AGENCY_PREPARER'] });
    });
    env = await startHttp(db);
    for (const u of ['county', 'preparer', 'leader', 'stranger']) {
      const r = await post(env.base, { query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u, p: PASSWORD } });
      tokens[u] = r.body.data.login.token;
    }
  });
  afterAll(async () => {
    await env?.close();
    await db?.drop();
  });

  const get = (p: string, user?: string) => fetch(`${env.base}${p}`, { headers: user ? { authorization: `Bearer ${tokens[user]}` } : {} });

  it('the report as it stands: anonymous 401, another agency 403, its own people and the county office 200', async () => {
    for (const ext of ['docx', 'xlsx', 'html']) {
      const anonymous = await get(`/download/current/${draft.reportId}.${ext}`);
      expect(anonymous.status).toBe(401);
      expect(((await anonymous.json()) as { error: string }).error).toBe('请先登录');
      const stranger = await get(`/download/current/${draft.reportId}.${ext}`, 'stranger');
      expect(stranger.status).toBe(403);
      for (const user of ['preparer', 'leader', 'county']) expect((await get(`/download/current/${draft.reportId}.${ext}`, user)).status, `${user} ${ext}`).toBe(200);
    }
    expect((await get('/download/current/no-such-report.docx', 'preparer')).status).toBe(404);
    expect((await get(`/download/current/${draft.reportId}.exe`, 'preparer')).status).toBe(404);
  });

  it('a draft’s DOCX holds its text, indents and a 落款 dated today; its XLSX reads back to its cells', async () => {
    const before = documentDate(dateInChina(new Date()));
    const res = await get(`/download/current/${draft.reportId}.docx`, 'preparer');
    const after = documentDate(dateInChina(new Date()));
    expect(decodeURIComponent(res.headers.get('content-disposition')!)).toContain('当前稿');
    const paragraphs = await docxParagraphs(Buffer.from(await res.arrayBuffer()));
    expect(paragraphs).toContain(DRAFT_TEXT);
    expect(paragraphs.at(-2)).toBe(agency.name);
    expect([before, after]).toContain(paragraphs.at(-1));
    const xlsx = await get(`/download/current/${draft.reportId}.xlsx`, 'preparer');
    const back = await readReportXlsx(Buffer.from(await xlsx.arrayBuffer()), draft.content.format);
    expect(back.issues).toEqual([]);
    expect(back.cells).toEqual(draft.content.cells);
  });

  it('a draft’s PDF is printed from its HTML: the same text and 落款', async () => {
    const res = await get(`/download/current/${draft.reportId}.pdf`, 'preparer');
    expect(res.status).toBe(200);
    const text = pdfText(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain(DRAFT_TEXT);
    expect(text.trim().split('\n').at(-2)!.trim()).toBe(agency.name);
    expect((await get(`/download/current/${draft.reportId}.pdf`, 'stranger')).status).toBe(403);
  }, 120_000);

  it('any published revision, the superseded one too, for whoever may read the report', async () => {
    const old = await get(`/download/revisions/${revisions.oldId}.xlsx`, 'preparer');
    expect(old.status).toBe(200);
    expect(decodeURIComponent(old.headers.get('content-disposition')!)).toContain('第1版，已被更正');
    expect((await readReportXlsx(Buffer.from(await old.arrayBuffer()), revisions.old.format)).cells).toEqual(revisions.old.cells);
    const docx = await docxParagraphs(Buffer.from(await (await get(`/download/revisions/${revisions.oldId}.docx`, 'leader')).arrayBuffer()));
    expect(docx).toContain('第一版的其他事项。');
    expect((await get(`/download/revisions/${revisions.currentId}.html`, 'county')).status).toBe(200);
    expect((await get(`/download/revisions/${revisions.oldId}.docx`)).status).toBe(401);
    expect((await get(`/download/revisions/${revisions.oldId}.docx`, 'stranger')).status).toBe(403);
    expect((await get(`/download/revisions/${draft.reportId}.docx`, 'preparer')).status).toBe(404);
  });

  it('an HTML download is shown sandboxed, whoever asks', async () => {
    const res = await get(`/download/current/${draft.reportId}.html`, 'preparer');
    expect(res.headers.get('content-security-policy')).toMatch(/^sandbox;/);
    expect(res.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(await res.text()).toContain(`<p class="signoff-agency">${agency.name}</p>`);
  });
});
