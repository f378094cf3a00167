/**
 * The library of published files over HTTP, on SQLite and MariaDB, with the bytes in the database and
 * under FILES_DIR: a real published report uploaded, recognised and imported into a report linked to
 * it; the same bytes uploaded again are the same asset; a PDF is kept even though it cannot be read
 * here; what is not a report file is refused in Chinese; other agencies cannot read it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../src/common/context';
import { withTransaction } from '../../src/db/transaction';
import { insertUser } from '../../src/modules/users/user.service';
import { addAgency, addCycle } from '../county/published-fixture';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../support/databases';
import { post, startHttp, type HttpEnv } from '../support/http';

const PASSWORD = 'Library-Files-Pw-1';
const FIXTURE = path.resolve(__dirname, '..', '..', '..', 'cli', 'demo', 'yanchi-wenlv-2020.txt');
const MINIMAL_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

const STORAGES = ['database', 'FILES_DIR'] as const;

describe.each(DIALECTS.flatMap((d) => STORAGES.map((s) => [d, s] as const)))('published files on %s, stored in %s', (dialect, storage) => {
  let db: TestDatabase;
  let env: HttpEnv;
  let agencyId: string;
  let filesDir: string | null = null;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    db = await openTestDatabase(dialect);
    const ds = db.dataSource;
    await addCycle(ds, 2020);
    const office = await addAgency(ds, 'office', '盐池县政务公开办', 'COUNTY_OFFICE');
    const agency = await addAgency(ds, 'wenlv', '盐池县文化旅游广电局', 'DEPARTMENT');
    agencyId = agency.id;
    const other = await addAgency(ds, 'other', '盐池县卫生健康局', 'DEPARTMENT');
    await withTransaction(systemContext(ds, 'test'), async (tx) => {
      await insertUser(tx, { username: 'county', displayName: '县管理员', password: PASSWORD, agencyId: office.id, roles: ['COUNTY_ADMIN'] });
      await insertUser(tx, { username: 'preparer', displayName: '填报人', password: PASSWORD, agencyId: agency.id, roles: ['AGENCY_PREPARER'] });
      await insertUser(tx, { username: 'stranger', displayName: '他单位填报人', password: PASSWORD, agencyId: other.id, roles: ['AGENCY_PREPARER'] });
    });
    if (storage === 'FILES_DIR') filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'touming-files-'));
    env = await startHttp(db, filesDir ? { FILES_DIR: filesDir } : {});
    for (const u of ['county', 'preparer', 'stranger']) {
      const r = await post(env.base, { query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u, p: PASSWORD } });
      tokens[u] = r.body.data.login.token;
    }
  });
  afterAll(async () => {
    await env?.close();
    await db?.drop();
    if (filesDir) fs.rmSync(filesDir, { recursive: true, force: true });
  });

  const upload = (bytes: Buffer, params: Record<string, string>, user?: string) =>
    fetch(`${env.base}/files?${new URLSearchParams({ agencyId, ...params })}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', ...(user ? { authorization: `Bearer ${tokens[user]}` } : {}) },
      body: bytes,
    });
  const gql = async (query: string, variables: Record<string, unknown>, user: string) => (await post(env.base, { query, variables }, { token: tokens[user] })).body;

  it('上传真实的公开报告：识别为 2020 年度，重复上传是同一个文件，导入后报告与文件关联', async () => {
    const bytes = fs.readFileSync(FIXTURE);
    const first = await upload(bytes, { fileName: '盐池县文化旅游广电局2020年报告.txt', sourceUrl: 'http://www.yanchi.gov.cn/xxgk/2020.html' }, 'preparer');
    expect(first.status).toBe(201);
    const created = (await first.json()) as { file: Record<string, unknown>; duplicate: boolean };
    expect(created.duplicate).toBe(false);
    expect(created.file).toMatchObject({ kind: 'text', year: 2020, byteSize: bytes.length, sourceUrl: 'http://www.yanchi.gov.cn/xxgk/2020.html' });
    expect(['clean', 'notes', 'unplaced']).toContain(created.file.importStatus);

    const again = await upload(bytes, { fileName: '另一个名字.txt' }, 'county');
    expect(again.status).toBe(200);
    const dup = (await again.json()) as { file: { id: string; fileName: string }; duplicate: boolean };
    expect(dup).toMatchObject({ duplicate: true, file: { id: created.file.id, fileName: '盐池县文化旅游广电局2020年报告.txt' } });

    if (filesDir) {
      const sha = created.file.sha256 as string;
      expect(fs.readFileSync(path.join(filesDir, sha.slice(0, 2), sha))).toEqual(bytes);
    }
    const download = await fetch(`${env.base}/files/${created.file.id}`, { headers: { authorization: `Bearer ${tokens.preparer}` } });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment/);

    const imported = await gql('mutation($id: ID!) { importPublishedFile(id: $id) { report { id year } detectedFormat } }', { id: created.file.id }, 'preparer');
    expect(imported.errors).toBeUndefined();
    expect(imported.data.importPublishedFile).toMatchObject({ detectedFormat: '2019', report: { year: 2020 } });
    const listed = await gql('{ publishedFiles { totalItems items { id reportId kindLabel importStatusLabel agency { name } } } }', {}, 'preparer');
    expect(listed.data.publishedFiles.totalItems).toBe(1);
    expect(listed.data.publishedFiles.items[0]).toMatchObject({ id: created.file.id, reportId: imported.data.importPublishedFile.report.id, kindLabel: '纯文本', agency: { name: '盐池县文化旅游广电局' } });
    const trail = await db.dataSource.query(`SELECT action FROM audit_entry WHERE targetId = '${created.file.id}'`);
    expect(trail.map((r: { action: string }) => r.action)).toEqual(['file.upload']);
  });

  it('PDF 由 pdf.js 读取（这份极小的 PDF 不是报告）并保存在库中；同一份 PDF 再上传被认出是同一个文件', async () => {
    const r = await upload(MINIMAL_PDF, { fileName: '年报.pdf', year: '2020' }, 'preparer');
    expect(r.status).toBe(201);
    const { file } = (await r.json()) as { file: { id: string; kind: string; importStatus: string } };
    expect(file).toMatchObject({ kind: 'pdf' });
    expect(['unsupported', 'failed', 'clean', 'notes', 'unplaced']).toContain(file.importStatus);
    const again = (await (await upload(MINIMAL_PDF, { fileName: '年报-副本.pdf' }, 'preparer')).json()) as { file: { id: string }; duplicate: boolean };
    expect(again).toMatchObject({ duplicate: true, file: { id: file.id } });
  });

  it('拒绝：不是报告文件、空文件、不合规的来源网址、未登录、他单位', async () => {
    const zip = await upload(Buffer.from('PK\u0003\u0004xxxx', 'latin1'), { fileName: 'a.zip' }, 'preparer');
    expect(zip.status).toBe(400);
    expect(((await zip.json()) as { error: string }).error).toContain('.docx');
    expect((await upload(Buffer.alloc(0), { fileName: 'a.txt' }, 'preparer')).status).toBe(400);
    const url = await upload(Buffer.from('一、总体情况'), { fileName: 'a.txt', sourceUrl: 'javascript:alert(1)' }, 'preparer');
    expect(((await url.json()) as { error: string }).error).toBe('来源网址应以 http:// 或 https:// 开头');
    expect((await upload(Buffer.from('x'), { fileName: 'a.txt' })).status).toBe(401);
    expect((await upload(Buffer.from('x'), { fileName: 'a.txt' }, 'stranger')).status).toBe(403);
    const files = await gql('{ publishedFiles { totalItems } }', {}, 'stranger');
    expect(files.data.publishedFiles.totalItems).toBe(0);
    const theirs = await gql(`query($a: ID!) { publishedFiles(filter: { agencyId: $a }) { totalItems } }`, { a: agencyId }, 'stranger');
    expect(theirs.errors![0].extensions?.code).toBe('FORBIDDEN');
    const own = await gql('{ publishedFiles { items { id } } }', {}, 'preparer');
    const id = own.data.publishedFiles.items[0].id;
    const single = await gql('query($id: ID!) { publishedFile(id: $id) { id } }', { id }, 'stranger');
    expect(single.errors![0].extensions?.code).toBe('FORBIDDEN');
    const importing = await gql('mutation($id: ID!) { importPublishedFile(id: $id) { detectedFormat } }', { id }, 'stranger');
    expect(importing.errors![0].extensions?.code).toBe('FORBIDDEN');
    expect((await fetch(`${env.base}/files/${id}`, { headers: { authorization: `Bearer ${tokens.stranger}` } })).status).toBe(403);
  });
});
