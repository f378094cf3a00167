/**
 * Tamper evidence on MariaDB, through the built `touming audit` command: editing, deleting or
 * reordering audit rows by SQL is named at the first broken entry; truncating the tail and fixing the
 * head row, or rewriting the whole chain with fresh hashes, is consistent in itself — and is caught
 * by checking the chain still passes through a head published earlier (`touming audit head`,
 * `touming audit verify --anchor`).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, databaseUrl, login, recordSummary, REPO, sql, startApi, type ApiProcess } from './support';

const DB = 'rel_tamper';
const require = createRequire(import.meta.url);
const apiLib = require(path.join(REPO, 'apps', 'api', 'dist', 'index.js')) as typeof import('@touming/api');
const { entryHash } = require(path.join(REPO, 'apps', 'api', 'dist', 'modules', 'audit', 'audit.service.js')) as { entryHash: (e: object) => string };

const COLUMNS = ['at', 'actorId', 'actorName', 'agencyId', 'reportId', 'action', 'targetType', 'targetId', 'detail', 'requestId', 'prevHash', 'hash'];

describe('tamper evidence (MariaDB, touming audit)', () => {
  let api: ApiProcess;
  const summary: string[] = [];
  const verify = (...extra: string[]) => cli(DB, ['audit', 'verify', ...extra]);

  beforeAll(async () => {
    api = await startApi(DB);
    // a few more entries on top of the seed's
    for (const u of ['admin', 'wenlv.preparer', 'jiaoti.reviewer']) await login(api.base, u);
    api.child.kill('SIGTERM');
    await api.exited;
  });
  afterAll(() => recordSummary('4-tamper', summary));

  it('an edited, a deleted and a reordered row are each named; undoing them verifies again', async () => {
    expect((await verify()).status).toBe(0);
    const conn = await sql(DB);
    try {
      const [[{ n }]] = (await conn.query('SELECT COUNT(*) AS n FROM audit_entry')) as any;
      const k = Math.floor(Number(n) / 2);
      const [[row]] = (await conn.query('SELECT * FROM audit_entry WHERE id = ?', [k])) as any;
      const [[next]] = (await conn.query('SELECT * FROM audit_entry WHERE id = ?', [k + 1])) as any;
      const values = (r: Record<string, unknown>) => COLUMNS.map((c) => (c === 'detail' && r[c] !== null && typeof r[c] === 'object' ? JSON.stringify(r[c]) : r[c]));
      const setRow = (id: number, r: Record<string, unknown>) =>
        conn.query(`UPDATE audit_entry SET ${COLUMNS.map((c) => `\`${c}\` = ?`).join(', ')} WHERE id = ?`, [...values(r), id]);

      await conn.query("UPDATE audit_entry SET actorName = '别人' WHERE id = ?", [k]);
      let r = await verify();
      expect(r.status).toBe(1);
      expect(r.stdout).toContain(`第 ${k} 号记录`);
      await setRow(k, row);
      expect((await verify()).status).toBe(0);

      await conn.query('DELETE FROM audit_entry WHERE id = ?', [k]);
      r = await verify();
      expect(r.status).toBe(1);
      expect(r.stdout).toContain(`第 ${k + 1} 号记录`);
      await conn.query(`INSERT INTO audit_entry (id, ${COLUMNS.map((c) => `\`${c}\``).join(', ')}) VALUES (?, ${COLUMNS.map(() => '?').join(', ')})`, [k, ...values(row)]);
      expect((await verify()).status).toBe(0);

      // two rows swapped (each keeps its id, their contents trade places)
      await setRow(k, next);
      await setRow(k + 1, row);
      r = await verify();
      expect(r.status).toBe(1);
      expect(r.stdout).toContain(`第 ${k} 号记录`);
      await setRow(k, row);
      await setRow(k + 1, next);
      expect((await verify()).status).toBe(0);
    } finally {
      await conn.end();
    }
    summary.push('篡改检测：按 SQL 修改、删除、调换审计记录 —— touming audit verify 均指出第一条断裂记录（退出码 1），复原后校验通过');
  });

  it('a truncated tail with a fixed head row, and a rewrite of the whole chain, pass verify alone but fail against a published anchor', async () => {
    const head = await cli(DB, ['audit', 'head']);
    expect(head.status).toBe(0);
    const anchor = head.stdout.trim().split(/\s+/)[0];
    expect(anchor).toMatch(/^\d+:[0-9a-f]{64}$/);
    expect((await verify('--anchor', anchor)).status).toBe(0);

    // 1. the last entry deleted and the head row pointed at the one before: consistent in itself
    const conn = await sql(DB);
    const lastId = Number(anchor.split(':')[0]);
    const [[prev]] = (await conn.query('SELECT id, hash FROM audit_entry WHERE id = ?', [lastId - 1])) as any;
    await conn.query('DELETE FROM audit_entry WHERE id = ?', [lastId]);
    await conn.query('UPDATE audit_head SET lastId = ?, lastHash = ? WHERE id = 1', [prev.id, prev.hash]);
    await conn.end();
    expect((await verify()).status).toBe(0);
    let r = await verify('--anchor', anchor);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('锚点');

    // 2. history rewritten: the first entry's actor changed and every hash after it recomputed
    const ds = await apiLib.openDataSource(apiLib.parseDatabaseUrl(databaseUrl(DB)));
    try {
      const entries = await ds.manager.find(apiLib.AuditEntry, { order: { id: 'ASC' } });
      entries[0].actorName = '伪造的操作人';
      let prevHash = '';
      for (const e of entries) {
        e.prevHash = prevHash;
        e.hash = entryHash(e);
        prevHash = e.hash;
        await ds.manager.update(apiLib.AuditEntry, { id: e.id }, { actorName: e.actorName, prevHash: e.prevHash, hash: e.hash });
      }
      await ds.query('UPDATE audit_head SET lastHash = ? WHERE id = 1', [prevHash]);
    } finally {
      await ds.destroy();
    }
    expect((await verify()).status).toBe(0);
    r = await verify('--anchor', `${lastId - 1}:${prev.hash}`);
    expect(r.status).toBe(1);
    summary.push('链头锚定：截断尾部并改写链头、或整体重算全部哈希 —— 单独校验无法发现，对照此前公布的 touming audit head 锚点即被发现');
  });
});
