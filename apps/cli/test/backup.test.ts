/** `touming backup` / `touming restore` on SQLite files, run as the built command. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = join(__dirname, '..', 'bin', 'touming.js');
const dir = mkdtempSync(join(tmpdir(), 'touming-cli-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function touming(db: string, ...args: string[]) {
  return toumingWith({}, db, ...args);
}

function toumingWith(extra: Record<string, string>, db: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    // users create reads the new password from stdin (never from the command line)
    input: 'Ops-Backup-Test-2026!\n',
    env: { ...process.env, TOUMING_DEBUG: '', DATABASE_URL: `sqlite://${join(dir, db)}`, ...extra },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('touming backup / restore', () => {
  it('backs up a database with an audited change and restores it into a new file with the chain intact', () => {
    expect(touming('live.sqlite', 'migrate').code).toBe(0);
    const created = touming(
      'live.sqlite', 'users', 'create', '--username', 'ops.test', '--name', '运维测试', '--agency', 'ops.agency',
      '--agency-name', '运维测试单位', '--agency-kind', 'COUNTY_OFFICE', '--role', 'COUNTY_ADMIN',
    );
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);

    const backup = touming('live.sqlite', 'backup', join(dir, 'backup.sqlite'));
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toMatch(/^已备份 SQLite .*（\d+ 张表，\d+ 行）/);

    const restore = touming('restored.sqlite', 'restore', join(dir, 'backup.sqlite'));
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/审计链完整：共校验 [1-9]\d* 条记录/);
    expect(touming('restored.sqlite', 'audit', 'verify').stdout).toMatch(/^审计链完整/);

    // restoring over a database with data is refused with exit code 2
    const again = touming('live.sqlite', 'restore', join(dir, 'backup.sqlite'));
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^错误：目标数据库不是空的/);
    // six runs of the built command, each loading the API: slow on a busy shared machine
  }, 90_000);

  it('with FILES_DIR, the library files go beside the backup and come back into the new FILES_DIR', () => {
    const bytes = Buffer.from('%PDF-1.4 a published report\n');
    const sha = createHash('sha256').update(bytes).digest('hex');
    const live = join(dir, 'files-live');
    mkdirSync(join(live, sha.slice(0, 2)), { recursive: true });
    writeFileSync(join(live, sha.slice(0, 2), sha), bytes);
    expect(toumingWith({ FILES_DIR: live }, 'with-files.sqlite', 'migrate').code).toBe(0);
    const backup = toumingWith({ FILES_DIR: live }, 'with-files.sqlite', 'backup', join(dir, 'with-files.bak'));
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toMatch(/已备份文件库（FILES_DIR）.*新复制 1 个文件/);
    const restored = join(dir, 'files-restored');
    const restore = toumingWith({ FILES_DIR: restored }, 'with-files-restored.sqlite', 'restore', join(dir, 'with-files.bak'));
    expect(restore.stderr).toBe('');
    expect(restore.stdout).toMatch(/已恢复文件库到 FILES_DIR .*复制 1 个文件/);
    expect(readFileSync(join(restored, sha.slice(0, 2), sha))).toEqual(bytes);
  }, 90_000);
});
