/**
 * HASH_ALGORITHM=sm3 (GB/T 32905, for 密评): content hashes and audit entries written from then on
 * are SM3, each with its algorithm recorded; the chain marks the switch with a system.hashAlgorithm
 * entry and verifies end to end across it (and back); a published SM3 revision verifies against its
 * chained publication; the API's node:crypto SM3 gives the standard's vectors and the domain's
 * pure-JS bytes. On SQLite and MariaDB.
 */
import { createHash } from 'node:crypto';
import { contentHash, digestHex, portableDigestHex } from '@touming/domain/hash';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseHashAlgorithm } from '../../src/common/hashing';
import { loadConfig } from '../../src/config';
import { AuditEntry } from '../../src/modules/audit/audit-entry.entity';
import { AuditHead } from '../../src/modules/audit/audit-head.entity';
import { entryHash, verifyAuditChain } from '../../src/modules/audit/audit.service';
import { Report } from '../../src/modules/reports/report.entity';
import { verifyPublishedRevisions } from '../../src/modules/revisions/integrity';
import { loadContent } from '../../src/modules/reports/report.repository';
import { DIALECTS } from '../support/databases';
import { seededEnv, type SeededEnv } from '../support/env';
import { ReportClient } from '../workflow/helpers';

describe('SM3 in the API', () => {
  it('node:crypto gives the standard\'s vectors, and digestHex (native in the API) the pure-JS bytes', () => {
    expect(createHash('sm3').update('abc').digest('hex')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(createHash('sm3').update('abcd'.repeat(16)).digest('hex')).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
    for (const text of ['abc', '政府信息公开工作年度报告'.repeat(40), '']) {
      expect(digestHex(text, 'sm3')).toBe(portableDigestHex(text, 'sm3'));
      expect(digestHex(text, 'sha256')).toBe(portableDigestHex(text, 'sha256'));
    }
  });

  it('HASH_ALGORITHM: sha256 by default, sm3 accepted, anything else refused at start-up', () => {
    expect(parseHashAlgorithm(undefined)).toBe('sha256');
    expect(parseHashAlgorithm('SM3')).toBe('sm3');
    expect(loadConfig({ JWT_SECRET: 'x'.repeat(40), HASH_ALGORITHM: 'sm3' }).hashAlgorithm).toBe('sm3');
    expect(() => loadConfig({ JWT_SECRET: 'x'.repeat(40), HASH_ALGORITHM: 'md5' })).toThrow('HASH_ALGORITHM');
  });
});

describe.each(DIALECTS)('HASH_ALGORITHM switched on a running chain on %s', (dialect) => {
  let env: SeededEnv;
  let wenlv: ReportClient;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    env = await seededEnv(dialect);
    for (const u of ['admin', 'wenlv.preparer', 'wenlv.reviewer', 'wenlv.approver', 'wenlv.secrecy']) tokens[u] = await env.api.login(u);
    wenlv = new ReportClient(env.api, await env.reportId('yanchi.wenlv', env.demo.currentYear));
  });
  afterEach(() => {
    delete process.env.HASH_ALGORITHM;
  });
  afterAll(async () => {
    delete process.env.HASH_ALGORITHM;
    await env?.close();
  });

  const entriesAfter = (id: number) => env.db.dataSource.manager.createQueryBuilder(AuditEntry, 'e').where('e.id > :id', { id }).orderBy('e.id', 'ASC').getMany();

  it('content hashes and entries become SM3 from the switch on, marked once; the chain verifies across it and back; an SM3 publication verifies', async () => {
    const before = Number((await env.api.lastAudit())!.id);
    expect((await env.api.lastAudit())!.hashAlgorithm).toBe('sha256');
    process.env.HASH_ALGORITHM = 'sm3';

    await wenlv.edit(tokens['wenlv.preparer'], { sections: [{ key: 'problems', text: '以 SM3 计算内容哈希后的第一次修改。' }] });
    const row = await env.db.dataSource.manager.findOneByOrFail(Report, { id: wenlv.id });
    expect(row.hashAlgorithm).toBe('sm3');
    expect(row.contentHash).toBe(contentHash(await loadContent(env.db.dataSource.manager, row), 'sm3'));
    const state = await env.api.ok(`query($id: ID!) { report(id: $id) { contentHash hashAlgorithm } }`, { id: wenlv.id }, tokens['wenlv.preparer']);
    expect(state.report).toEqual({ contentHash: row.contentHash, hashAlgorithm: 'sm3' });

    const switched = await entriesAfter(before);
    expect(switched[0].action).toBe('system.hashAlgorithm');
    expect(switched[0].detail).toMatchObject({ from: 'sha256', to: 'sm3' });
    expect(switched.every((e) => e.hashAlgorithm === 'sm3')).toBe(true);
    expect(switched.filter((e) => e.action === 'system.hashAlgorithm')).toHaveLength(1);
    expect((await env.db.dataSource.manager.findOneByOrFail(AuditHead, { id: 1 })).hashAlgorithm).toBe('sm3');
    expect(await verifyAuditChain(env.db.dataSource)).toMatchObject({ ok: true });

    // the whole sign-off on the SM3 hash, then publication
    const p = tokens['wenlv.preparer'];
    await wenlv.explainAll(p);
    const s = await wenlv.state(p);
    expect(s.contentHash).toBe(row.contentHash);
    for (const [result, label] of [
      [await wenlv.submit(p, s.contentHash), 'submit'],
      [await wenlv.sign(tokens['wenlv.reviewer'], 'REVIEW', s.contentHash), 'review'],
      [await wenlv.sign(tokens['wenlv.approver'], 'APPROVE', s.contentHash), 'approve'],
      [await wenlv.review(tokens['wenlv.secrecy'], s.contentHash), 'confidentiality'],
      [await wenlv.publish(p), 'publish'],
    ] as const) {
      expect(result.errors, `${label}: ${JSON.stringify(result.errors)}`).toBeUndefined();
    }
    const published = await env.api.ok(`query($id: ID!) { report(id: $id) { revisions { id contentHash hashAlgorithm isCurrent } } }`, { id: wenlv.id }, p);
    const current = published.report.revisions.find((r: { isCurrent: boolean }) => r.isCurrent);
    expect(current).toMatchObject({ contentHash: s.contentHash, hashAlgorithm: 'sm3' });
    const entry = (await env.api.lastAudit())!;
    expect(entry).toMatchObject({ action: 'report.publish', hashAlgorithm: 'sm3', detail: { contentHash: s.contentHash, hashAlgorithm: 'sm3' } });
    expect((await verifyPublishedRevisions(env.db.dataSource.manager)).failures).toEqual([]);

    // and back to sha256: a second mark, the chain still verifies end to end
    const beforeBack = Number(entry.id);
    delete process.env.HASH_ALGORITHM;
    await env.api.login('wenlv.preparer');
    const back = await entriesAfter(beforeBack);
    expect(back[0]).toMatchObject({ action: 'system.hashAlgorithm', hashAlgorithm: 'sha256', detail: { from: 'sm3', to: 'sha256' } });
    expect(back.every((e) => e.hashAlgorithm === 'sha256')).toBe(true);
    expect(await verifyAuditChain(env.db.dataSource)).toMatchObject({ ok: true, firstBrokenId: null });
    expect((await verifyPublishedRevisions(env.db.dataSource.manager)).failures).toEqual([]);
  });

  it('a change of algorithm at an entry that does not mark it breaks the chain, even with every hash recomputed', async () => {
    const m = env.db.dataSource.manager;
    const marks = await m.find(AuditEntry, { where: { action: 'system.hashAlgorithm' }, order: { id: 'ASC' } });
    expect(marks.length).toBeGreaterThan(0);
    const mark = marks[0];
    // rewrite history from the mark on as a forger with SQL access would: the mark becomes an
    // ordinary entry, every later hash recomputed so each link holds
    const later = await m.createQueryBuilder(AuditEntry, 'e').where('e.id >= :id', { id: mark.id }).orderBy('e.id', 'ASC').getMany();
    const original = later.map((e) => ({ id: e.id, action: e.action, prevHash: e.prevHash, hash: e.hash }));
    let prevHash = later[0].prevHash;
    for (const e of later) {
      if (e.id === mark.id) e.action = 'seed.demo';
      e.prevHash = prevHash;
      e.hash = entryHash(e);
      prevHash = e.hash;
      await m.update(AuditEntry, { id: e.id }, { action: e.action, prevHash: e.prevHash, hash: e.hash });
    }
    const head = await m.findOneByOrFail(AuditHead, { id: 1 });
    await m.update(AuditHead, { id: 1 }, { lastHash: prevHash });
    try {
      expect(await verifyAuditChain(env.db.dataSource)).toMatchObject({ ok: false, firstBrokenId: Number(mark.id) });
    } finally {
      for (const o of original) await m.update(AuditEntry, { id: o.id }, { action: o.action, prevHash: o.prevHash, hash: o.hash });
      await m.update(AuditHead, { id: 1 }, { lastHash: head.lastHash });
    }
    expect(await verifyAuditChain(env.db.dataSource)).toMatchObject({ ok: true });
  });
});
