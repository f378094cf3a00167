/**
 * The public 信息公开 pages (/gongkai/) and the report downloads over the whole HTTP app, on SQLite and
 * MariaDB: what anonymous callers can reach (current revisions, and superseded ones marked as such)
 * and what they cannot (drafts, unknown ids); the content hash and the canonical content it is taken
 * of; the 落款 in HTML, DOCX and PDF; the public rate limit; no script anywhere.
 */
import { sumReports } from '@touming/domain/aggregate';
import { contentHash, sha256Hex } from '@touming/domain/hash';
import { documentDate } from '@touming/domain/render';
import { reportTitle, type ReportContent } from '@touming/domain/report';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agency } from '../../src/modules/agencies/agency.entity';
import { chromiumExecutable } from '../../src/modules/exports/pdf/chromium';
import { PdfPrinter } from '../../src/modules/exports/pdf/pdf-printer';
import { PublicRateLimiter } from '../../src/modules/public/rate-limit';
import { addAgency, addCycle, addReport, sampleReport } from '../county/published-fixture';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../support/databases';
import { docxParagraphs, pdfText } from '../support/files';
import { startHttp, type HttpEnv } from '../support/http';

const DRAFT_MARKER = '草稿内容不得公开';
const OLD_MARKER = '更正前的旧版本文字';

describe.each(DIALECTS)('public 信息公开 pages and report downloads on %s', (dialect) => {
  let db: TestDatabase;
  let env: HttpEnv;
  const PUBLISHED_AT = new Date('2024-01-22T02:00:00Z');
  let dept: Agency;
  let town: Agency;
  let corrected: { revisionId: string; content: ReportContent; old: ReportContent; oldId: string };
  let plain: { revisionId: string; content: ReportContent };
  let draft: { reportId: string; agency: Agency };

  beforeAll(async () => {
    db = await openTestDatabase(dialect);
    const ds = db.dataSource;
    await addCycle(ds, 2023);
    await addAgency(ds, 'gov', '某县人民政府', 'COUNTY_GOVERNMENT');
    dept = await addAgency(ds, 'dept', '某县文化旅游广电局', 'DEPARTMENT');
    town = await addAgency(ds, 'town', '某县花马池镇人民政府', 'TOWNSHIP');
    const draftAgency = await addAgency(ds, 'draft', '某县未公开局', 'DEPARTMENT');

    const old = sampleReport(dept.name, 2023, 11);
    old.sections.problems = `${OLD_MARKER}。`;
    const content = sampleReport(dept.name, 2023, 12);
    content.sections.overview = `第一段总体情况。\n\u3000\u3000第二段原已缩进。`;
    const c = await addReport(ds, dept, content, 'PUBLISHED', { superseded: [old], publishedAt: PUBLISHED_AT });
    const oldId = ((await ds.query(`SELECT id FROM report_revision WHERE isCurrent = 0`)) as Array<{ id: string }>)[0].id;
    corrected = { revisionId: c.revisionId!, content, old, oldId };
    const townContent = sampleReport(town.name, 2023, 13);
    plain = { revisionId: (await addReport(ds, town, townContent, 'PUBLISHED', { publishedAt: PUBLISHED_AT })).revisionId!, content: townContent };
    const draftContent = sampleReport(draftAgency.name, 2023, 14);
    draftContent.sections.overview = DRAFT_MARKER;
    draft = { reportId: (await addReport(ds, draftAgency, draftContent, 'APPROVED')).reportId, agency: draftAgency };

    env = await startHttp(db);
    env.http.api.container.get(PublicRateLimiter).configure({ settings: { limit: 10_000, windowSeconds: 60 } });
  });
  afterAll(async () => {
    await env?.close();
    await db?.drop();
  });

  const get = (p: string, headers: Record<string, string> = {}) => fetch(`${env.base}${p}`, { headers });
  const page = async (p: string) => {
    const res = await get(p);
    return { status: res.status, headers: res.headers, html: await res.text() };
  };

  it('the home, year and agency pages list the current revisions, mark the correction and never show a draft', async () => {
    const home = await page('/gongkai/');
    expect(home.status).toBe(200);
    expect(home.html).toContain('<title>政府信息公开工作年度报告 - 某县人民政府政府信息公开</title>');
    expect(home.html).toContain(`/gongkai/reports/${corrected.revisionId}`);
    expect(home.html).toContain(`/gongkai/reports/${plain.revisionId}`);
    expect(home.html).toContain('2023年度');
    const year = await page('/gongkai/years/2023');
    expect(year.status).toBe(200);
    expect(year.html).toContain('共 2 份已公开的报告');
    expect(year.html).toContain('已更正（第2版）');
    expect(year.html.indexOf('县直部门')).toBeLessThan(year.html.indexOf('乡镇'));
    const agency = await page(`/gongkai/agencies/${dept.id}`);
    expect(agency.status).toBe(200);
    expect(agency.html).toContain(`/gongkai/reports/${corrected.revisionId}`);
    expect(agency.html).not.toContain(corrected.oldId);
    const draftAgency = await page(`/gongkai/agencies/${draft.agency.id}`);
    expect(draftAgency.html).toContain('该单位尚无已公开的年度报告');
    for (const p of [home, year, agency, draftAgency]) {
      expect(p.html).not.toContain(DRAFT_MARKER);
      expect(p.html).not.toContain(draft.reportId);
    }
  });

  it('a report page shows the report, its 更正说明, its versions, its downloads and its content hash', async () => {
    const { status, html } = await page(`/gongkai/reports/${corrected.revisionId}`);
    expect(status).toBe(200);
    expect(html).toContain(`<h1 class="page-title">${reportTitle(corrected.content)}</h1>`);
    expect(html).toContain('更正说明</h2><p>更正表三数据</p>');
    expect(html).toContain(`<code class="hash" data-testid="content-hash">${contentHash(corrected.content)}</code>`);
    expect(html).toContain(`/download/reports/${corrected.revisionId}.json`);
    for (const ext of ['html', 'docx', 'pdf', 'xlsx']) expect(html).toContain(`/download/reports/${corrected.revisionId}.${ext}`);
    expect(html).toContain(`<a href="/gongkai/reports/${corrected.oldId}">第1版</a>`);
    // the report in the official layout, with paragraph indents and the 落款 dated the publication day
    expect(html).toContain('<p style="white-space: pre-wrap">第一段总体情况。</p>');
    expect(html).toContain('<p class="indented" style="white-space: pre-wrap">\u3000\u3000第二段原已缩进。</p>');
    expect(html).toContain(`<p class="signoff-agency">${dept.name}</p><p class="signoff-date">${documentDate(PUBLISHED_AT)}</p>`);
    expect(html).not.toContain(OLD_MARKER);
    expect(html).not.toMatch(/<script/i);
  });

  it('a superseded revision stays readable, marked, with a link to the current one', async () => {
    const { status, html } = await page(`/gongkai/reports/${corrected.oldId}`);
    expect(status).toBe(200);
    expect(html).toContain('本版本已被更正');
    expect(html).toContain(`<a href="/gongkai/reports/${corrected.revisionId}">查看现行版本（第2版）</a>`);
    expect(html).toContain(OLD_MARKER);
    expect(html).toContain(contentHash(corrected.old));
    const docx = await get(`/download/reports/${corrected.oldId}.docx`);
    expect(docx.status).toBe(200);
    expect(decodeURIComponent(docx.headers.get('content-disposition')!)).toContain('第1版，已被更正');
  });

  it('drafts, report ids and unknown ids are 404 pages, in Chinese, also under an unknown path', async () => {
    for (const p of [`/gongkai/reports/${draft.reportId}`, '/gongkai/reports/no-such-id', '/gongkai/reports/%3Cscript%3E', '/gongkai/years/1999', '/gongkai/agencies/nope', '/gongkai/whatever']) {
      const r = await page(p);
      expect(r.status, p).toBe(404);
      expect(r.html).toContain('没有找到这个页面');
      expect(r.html).not.toContain('<script');
    }
    expect((await get(`/download/reports/${draft.reportId}.pdf`)).status).toBe(404);
  });

  it('the canonical content download is exactly what the content hash is taken of', async () => {
    for (const [id, content] of [[corrected.revisionId, corrected.content], [corrected.oldId, corrected.old]] as const) {
      const res = await get(`/download/reports/${id}.json`);
      expect(res.status).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(sha256Hex(bytes)).toBe(contentHash(content));
      expect(JSON.parse(bytes.toString('utf8')).cells['t3.new.total']).toBe(content.cells['t3.new.total'] ?? null);
    }
  });

  it('the statistics page sums the published departments and townships; the open-data page links the files', async () => {
    const stats = await page('/gongkai/statistics/2023');
    expect(stats.status).toBe(200);
    expect(stats.html).toContain('计入 2 份已公开报告');
    const expected = sumReports([corrected.content, plain.content]).cells['t3.new.total'];
    // table 三, row 一, column 总计: the last cell of its row
    const row = /<th colspan="3">一、本年新收政府信息公开申请数量<\/th>(.*?)<\/tr>/.exec(stats.html)![1];
    expect([...row.matchAll(/<td class="value">([^<]*)<\/td>/g)].at(-1)![1]).toBe(String(expected));
    const town = await page('/gongkai/statistics/2023?scope=TOWNSHIP');
    expect(town.html).toContain('计入 1 份已公开报告');
    expect((await page('/gongkai/statistics/2023?scope=bogus')).status).toBe(404);
    const open = await page('/gongkai/open-data');
    expect(open.html).toContain('href="/download/open-data/2023.csv"');
  });

  it('pages pass the site CSP (no script) and load one cached stylesheet', async () => {
    const r = await page(`/gongkai/reports/${plain.revisionId}`);
    const csp = r.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    const css = /<link rel="stylesheet" href="([^"]+)">/.exec(r.html)![1];
    const sheet = await get(css);
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get('content-type')).toContain('text/css');
    expect(sheet.headers.get('cache-control')).toContain('immutable');
    expect(await sheet.text()).toContain('.table-scroll');
  });

  it('HTML, DOCX and PDF downloads carry the 落款 and the indents', async () => {
    const html = await (await get(`/download/reports/${plain.revisionId}.html`)).text();
    expect(html).toContain(`<div class="signoff"><p class="signoff-agency">${town.name}</p><p class="signoff-date">${documentDate(PUBLISHED_AT)}</p></div>`);
    const docx = Buffer.from(await (await get(`/download/reports/${plain.revisionId}.docx`)).arrayBuffer());
    const paragraphs = await docxParagraphs(docx);
    expect(paragraphs.slice(-2)).toEqual([town.name, documentDate(PUBLISHED_AT)]);
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    expect(xml).toContain('w:firstLine="640"');
    expect(xml).toMatch(/<w:jc w:val="right"\/>/);
    const pdf = await get(`/download/reports/${plain.revisionId}.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(text.replace(/\s+/g, '')).toContain(reportTitle(plain.content).replace(/\s+/g, ''));
    const tail = text.trim().split('\n').slice(-2).map((l) => l.trim());
    expect(tail).toEqual([town.name, documentDate(PUBLISHED_AT)]);
  }, 120_000);

  it('without Chromium the PDF is 503 with a Chinese message, and the page says so instead of linking it', async () => {
    const printer = env.http.api.container.get(PdfPrinter);
    printer.configure({ executablePath: null });
    try {
      const res = await get(`/download/reports/${plain.revisionId}.pdf`);
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: string }).error).toContain('没有安装 Chromium');
      const { html } = await page(`/gongkai/reports/${plain.revisionId}`);
      expect(html).toContain('PDF（本服务器暂不能生成');
      expect(html).not.toContain(`/download/reports/${plain.revisionId}.pdf`);
    } finally {
      printer.configure({ executablePath: chromiumExecutable() });
    }
  });

  it('each page counts against the public rate limit: over it, a 429 page with Retry-After', async () => {
    const limiter = env.http.api.container.get(PublicRateLimiter);
    limiter.configure({ settings: { limit: 2, windowSeconds: 3600 } });
    try {
      const statuses: number[] = [];
      let last: Response | null = null;
      for (let i = 0; i < 3; i++) {
        last = await get('/gongkai/years/2023', { 'x-test': String(i) });
        statuses.push(last.status);
      }
      expect(statuses.at(-1)).toBe(429);
      expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await last!.text()).toContain('访问过于频繁');
    } finally {
      limiter.configure({ settings: { limit: 10_000, windowSeconds: 60 } });
    }
  });
});
