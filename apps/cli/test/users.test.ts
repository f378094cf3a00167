/**
 * `touming users create`: the password comes from a prompt, stdin or TOUMING_PASSWORD — never from the
 * command line — and must meet the domain's password policy.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = join(__dirname, '..', 'bin', 'touming.js');
const dir = mkdtempSync(join(tmpdir(), 'touming-cli-users-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function touming(args: string[], opts: { input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    input: opts.input ?? '',
    env: { ...process.env, TOUMING_DEBUG: '', TOUMING_PASSWORD: '', DATABASE_URL: `sqlite://${join(dir, 'users.sqlite')}`, ...opts.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const create = (username: string, extra: string[] = [], name = '测试管理员') => [
  'users', 'create', '--username', username, '--name', name, '--agency', 'cli.office',
  '--agency-name', '命令行测试单位', '--agency-kind', 'COUNTY_OFFICE', '--role', 'COUNTY_ADMIN', ...extra,
];

describe('touming users create', { timeout: 60_000 }, () => {
  beforeAll(() => {
    expect(touming(['migrate']).code).toBe(0);
  });

  it('refuses a password on the command line, whatever it is', () => {
    const r = touming(create('cli.argv', ['--password', 'Kx7#mQ2vLp9w-strong']));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^错误：不接受命令行中的密码/);
    expect(r.stdout).toBe('');
  });

  it('reads the password from the first line of stdin and applies the password policy', () => {
    const weak = touming(create('cli.weak'), { input: 'Password1234\n' });
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/^错误：.*常见密码/);
    const short = touming(create('cli.short'), { input: 'Ab1!\n' });
    expect(short.stderr).toMatch(/至少需要 12 个字符/);
    const empty = touming(create('cli.empty'), { input: '' });
    expect(empty.stderr).toMatch(/没有读到密码/);

    const ok = touming(create('cli.stdin'), { input: 'Kx7#mQ2vLp9w\nignored second line\n' });
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/创建用户 cli\.stdin/);
    expect(ok.stdout).not.toContain('Kx7#mQ2vLp9w');
  });

  it('refuses an overlong name (nothing unbounded reaches the audit trail from the CLI either)', () => {
    const r = touming(create('cli.long', [], '名'.repeat(101)), { input: 'Kx7#mQ2vLp9w\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/姓名过长/);
  });

  it('takes TOUMING_PASSWORD for scripts', () => {
    const r = touming(create('cli.env'), { env: { TOUMING_PASSWORD: 'Ningxia-Caves-7' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
