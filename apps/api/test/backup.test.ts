/**
 * Backup → restore round trip: the demo database (plus a later edit) is backed up, restored into a
 * fresh database of the same dialect, and the reports, their cells and the audit trail come back
 * identical, with a verified hash chain.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../src/db/data-source';
import { AuditEntry } from '../src/modules/audit/audit-entry.entity';
import { verifyAuditChain } from '../src/modules/audit/audit.service';
import { ReportCell } from '../src/modules/reports/report-cell.entity';
import { Report } from '../src/modules/reports/report.entity';
import { User } from '../src/modules/users/user.entity';
import { backupDatabase, restoreDatabase } from '../src/ops/backup';
import { DIALECTS, openTestDatabase, type TestDatabase } from './support/databases';
import { seededEnv, type SeededEnv } from './support/env';

/** everything the round trip must preserve, in a comparable shape */
async function snapshot(ds: DataSource) {
  const m = ds.manager;
  const reports = await m.find(Report, { order: { id: 'ASC' } });
  const cells = await m.find(ReportCell, { order: { reportId: 'ASC', key: 'ASC' } });
  const audit = await m.find(AuditEntry, { order: { id: 'ASC' } });
  const users = await m.find(User, { order: { id: 'ASC' } });
  return {
    reports: reports.map((r) => JSON.parse(JSON.stringify(r))),
    cells: cells.map((c) => [c.reportId, c.key, c.value]),
    audit: audit.map((a) => [a.id, a.hash, a.prevHash, a.action, a.at.toISOString()]),
    users: users.map((u) => [u.id, u.username, u.passwordHash]),
  };
}

describe.each(DIALECTS)('backup and restore on %s', (dialect) => {
  let env: SeededEnv;
  let target: TestDatabase;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'touming-backup-'));

  beforeAll(async () => {
    env = await seededEnv(dialect);
    // a change after the seed: the backup must carry the edit and its audit entry
    const token = await env.api.login('wenlv.preparer');
    const id = await env.reportId('yanchi.wenlv', env.demo.currentYear);
    const { report } = await env.api.ok('query($id: ID!) { report(id: $id) { revision } }', { id }, token);
    await env.api.ok(
      'mutation($id: ID!, $r: Int!) { updateReport(id: $id, expectedRevision: $r, input: { cells: [{ key: "t4.reconsideration.upheld", value: 7 }] }) { id } }',
      { id, r: report.revision },
      token,
    );
    target = await openTestDatabase(dialect, { migrate: false });
    await target.dataSource.destroy();
  });

  afterAll(async () => {
    await env?.close();
    await target?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('restores identical reports, users and audit trail into a fresh database, with a verified chain', async () => {
    const file = path.join(dir, dialect === 'sqlite' ? 'touming.sqlite' : 'touming.jsonl.gz');
    const backup = await backupDatabase(env.db.dataSource, file);
    expect(backup.kind).toBe(dialect === 'sqlite' ? 'sqlite-file' : 'logical');
    expect(backup.rows).toBeGreaterThan(1000);

    const restored = await restoreDatabase(file, target.config);
    expect(restored.audit.ok).toBe(true);
    expect(restored.audit.checked).toBe(await env.api.auditCount());
    expect(restored.migrationsApplied).toEqual([]);

    const copy = createDataSource(target.config);
    await copy.initialize();
    try {
      const [before, after] = [await snapshot(env.db.dataSource), await snapshot(copy)];
      expect(after.reports.length).toBeGreaterThan(50);
      expect(after.cells).toContainEqual([await env.reportId('yanchi.wenlv', env.demo.currentYear), 't4.reconsideration.upheld', 7]);
      expect(after).toEqual(before);
      expect((await verifyAuditChain(copy)).ok).toBe(true);
    } finally {
      await copy.destroy();
    }
  });

  it('refuses to restore over a database that has data', async () => {
    const file = path.join(dir, 'again');
    await backupDatabase(env.db.dataSource, file);
    await expect(restoreDatabase(file, env.db.config)).rejects.toThrow(/不是空的/);
  });
});
