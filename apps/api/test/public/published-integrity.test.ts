/**
 * Published content is checked against the chain: an UPDATE of report_revision.content by hand (alone,
 * or with its contentHash column) is found by verifyPublishedRevisions (what `touming audit verify`
 * runs), and publicReport, the /gongkai/ page and the downloads refuse that revision with
 * INTEGRITY_FAILED (HTTP 503 for the page and the files) instead of serving the altered text beside the original hash. On SQLite and
 * MariaDB.
 */
import { contentHash } from '@touming/domain/hash';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPublishedRevisions } from '../../src/modules/revisions/integrity';
import { PublicRateLimiter } from '../../src/modules/public/rate-limit';
import { addAgency, addCycle, addReport, sampleReport } from '../county/published-fixture';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../support/databases';
import { codeOfReply, post, startHttp, type HttpEnv } from '../support/http';

const ALTERED = '这段文字是数据库里直接改出来的';

describe.each(DIALECTS)('published content against the chain on %s', (dialect) => {
  let db: TestDatabase;
  let env: HttpEnv;
  let revisionId: string;
  let otherId: string;
  let original: string;

  beforeAll(async () => {
    db = await openTestDatabase(dialect);
    const ds = db.dataSource;
    await addCycle(ds, 2023);
    const dept = await addAgency(ds, 'dept', '某县文化旅游广电局', 'DEPARTMENT');
    const town = await addAgency(ds, 'town', '某县花马池镇人民政府', 'TOWNSHIP');
    revisionId = (await addReport(ds, dept, sampleReport(dept.name, 2023, 21), 'PUBLISHED')).revisionId!;
    otherId = (await addReport(ds, town, sampleReport(town.name, 2023, 22), 'PUBLISHED')).revisionId!;
    original = ((await ds.query(`SELECT content FROM report_revision WHERE id = ?`, [revisionId])) as Array<{ content: string }>)[0].content;
    env = await startHttp(db);
    env.http.api.container.get(PublicRateLimiter).configure({ settings: { limit: 10_000, windowSeconds: 60 } });
  });
  afterAll(async () => {
    await env?.close();
    await db?.drop();
  });

  const publicReport = (id: string) => post(env.base, { query: `query($id: ID!) { publicReport(id: $id) { id contentHash sections { key text } } }`, variables: { id } });
  const setContent = (json: string, hash?: string) =>
    hash
      ? db.dataSource.query(`UPDATE report_revision SET content = ?, contentHash = ? WHERE id = ?`, [json, hash, revisionId])
      : db.dataSource.query(`UPDATE report_revision SET content = ? WHERE id = ?`, [json, revisionId]);
  const altered = () => {
    const content = JSON.parse(typeof original === 'string' ? original : JSON.stringify(original));
    content.sections.overview = ALTERED;
    return content;
  };

  it('untouched, every revision verifies and is served', async () => {
    expect(await verifyPublishedRevisions(db.dataSource.manager)).toEqual({ checked: 2, failures: [] });
    const r = await publicReport(revisionId);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.publicReport.id).toBe(revisionId);
  });

  it('content edited in the database: verify names the revision; the API, the page and the downloads refuse it (INTEGRITY_FAILED; 503 over plain HTTP), others still served', async () => {
    await setContent(JSON.stringify(altered()));
    try {
      const verified = await verifyPublishedRevisions(db.dataSource.manager);
      expect(verified.checked).toBe(2);
      expect(verified.failures).toEqual([expect.objectContaining({ revisionId, problem: 'content', message: expect.stringContaining('内容被改动') })]);

      const r = await publicReport(revisionId);
      expect(r.body.data?.publicReport ?? null).toBeNull();
      expect(codeOfReply(r)).toBe('INTEGRITY_FAILED');
      expect(r.body.errors![0].message).toContain('完整性校验');
      expect(JSON.stringify(r.body)).not.toContain(ALTERED);

      const page = await fetch(`${env.base}/gongkai/reports/${revisionId}`);
      expect(page.status).toBe(503);
      const html = await page.text();
      expect(html).toContain('完整性校验');
      expect(html).not.toContain(ALTERED);
      for (const ext of ['json', 'html', 'docx']) {
        const file = await fetch(`${env.base}/download/reports/${revisionId}.${ext}`);
        expect(file.status, ext).toBe(503);
        expect(await file.text()).not.toContain(ALTERED);
      }
      // the other agency's revision is unaffected
      expect((await publicReport(otherId)).body.data.publicReport.id).toBe(otherId);
    } finally {
      await setContent(typeof original === 'string' ? original : JSON.stringify(original));
    }
  });

  it('content and its hash column edited together are caught the same way; restored, it verifies and is served again', async () => {
    const content = altered();
    await setContent(JSON.stringify(content), contentHash(content));
    try {
      const verified = await verifyPublishedRevisions(db.dataSource.manager);
      expect(verified.failures.map((f) => [f.revisionId, f.problem])).toEqual([[revisionId, 'content']]);
      expect(codeOfReply(await publicReport(revisionId))).toBe('INTEGRITY_FAILED');
    } finally {
      const restored = JSON.parse(typeof original === 'string' ? original : JSON.stringify(original));
      await setContent(JSON.stringify(restored), contentHash(restored));
    }
    expect((await verifyPublishedRevisions(db.dataSource.manager)).failures).toEqual([]);
    expect((await publicReport(revisionId)).body.data.publicReport.id).toBe(revisionId);
  });

  it('a revision inserted without a publication entry in the chain is refused too', async () => {
    const [row] = (await db.dataSource.query(`SELECT * FROM report_revision WHERE id = ?`, [otherId])) as Array<Record<string, unknown>>;
    const forgedId = '00000000-0000-4000-8000-00000000f0f0';
    await db.dataSource.query(`UPDATE report_revision SET isCurrent = ? WHERE id = ?`, [false, otherId]);
    const columns = Object.keys(row);
    const values = columns.map((c) => (c === 'id' ? forgedId : c === 'revisionNo' ? 2 : row[c]));
    const quote = (c: string) => (dialect === 'mysql' ? `\`${c}\`` : `"${c}"`);
    await db.dataSource.query(`INSERT INTO report_revision (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, values.map((v) => (v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v)));
    try {
      const verified = await verifyPublishedRevisions(db.dataSource.manager);
      expect(verified.failures.map((f) => [f.revisionId, f.problem])).toEqual([[forgedId, 'unrecorded']]);
      expect(codeOfReply(await publicReport(forgedId))).toBe('INTEGRITY_FAILED');
    } finally {
      await db.dataSource.query(`DELETE FROM report_revision WHERE id = ?`, [forgedId]);
      await db.dataSource.query(`UPDATE report_revision SET isCurrent = ? WHERE id = ?`, [true, otherId]);
    }
  });
});
