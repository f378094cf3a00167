/**
 * Published content edited outside the chain, on MariaDB through the built server and CLI: a
 * revision's `report_revision.content` changed by SQL (the text a citizen reads, its hash column left
 * alone) makes `touming audit verify` fail naming the revision, and `publicReport` refuses it with
 * INTEGRITY_FAILED instead of serving the altered text beside the original hash. Restored, both pass.
 * Uses its own database (a demo seed); it touches one published revision, restored at the end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, codeOf, gql, recordSummary, sql, startApi, type ApiProcess } from './support';

const DB = 'rel_content_tamper';
const ALTERED = '本机关全年未收到任何政府信息公开申请（篡改）';

describe('published content tamper (MariaDB, touming audit verify and publicReport)', () => {
  let api: ApiProcess;
  const summary: string[] = [];

  beforeAll(async () => {
    api = await startApi(DB);
  });
  afterAll(async () => {
    recordSummary('4-content-tamper', summary);
    api?.child.kill('SIGTERM');
    await api?.exited;
  });

  it('an UPDATE of a published revision\'s content fails verify and is refused by publicReport; restored, both pass', async () => {
    const publicReport = (id: string) => gql(api.base, 'query($id: ID!) { publicReport(id: $id) { id contentHash sections { key text } } }', { id });
    const conn = await sql(DB);
    try {
      const [[revision]] = (await conn.query('SELECT id, content FROM report_revision WHERE isCurrent = 1 ORDER BY publishedAt DESC LIMIT 1')) as any;
      const original: string = typeof revision.content === 'string' ? revision.content : JSON.stringify(revision.content);
      expect((await cli(DB, ['audit', 'verify'])).status).toBe(0);
      expect((await publicReport(revision.id)).data?.publicReport?.id).toBe(revision.id);

      const content = JSON.parse(original);
      content.sections.overview = ALTERED;
      await conn.query('UPDATE report_revision SET content = ? WHERE id = ?', [JSON.stringify(content), revision.id]);
      try {
        const verified = await cli(DB, ['audit', 'verify']);
        expect(verified.status).toBe(1);
        expect(verified.stdout + verified.stderr).toContain(revision.id);
        const served = await publicReport(revision.id);
        expect(codeOf(served)).toBe('INTEGRITY_FAILED');
        expect(JSON.stringify(served)).not.toContain(ALTERED);
        summary.push(
          `篡改已公开内容：按 SQL 修改 report_revision.content（哈希列不动）—— touming audit verify 退出码 ${verified.status} 并指出该版本，publicReport 拒绝提供（${codeOf(served)}）—— held`,
        );
      } finally {
        await conn.query('UPDATE report_revision SET content = ? WHERE id = ?', [original, revision.id]);
      }
      expect((await cli(DB, ['audit', 'verify'])).status).toBe(0);
      expect((await publicReport(revision.id)).data?.publicReport?.id).toBe(revision.id);
    } finally {
      await conn.end();
    }
  });
});
