/**
 * `touming regions import <csv>` writes a region tree (all rows or none) and `touming totals verify`
 * exits 1 on a difference planted in the maintained totals, 0 again after `touming totals rebuild`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = join(__dirname, '..', 'bin', 'touming.js');
const dir = mkdtempSync(join(tmpdir(), 'touming-cli-regions-'));
const file = join(dir, 'regions.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function touming(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, TOUMING_DEBUG: '', DATABASE_URL: `sqlite://${file}`, SEED_DEMO: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('touming regions and totals', { timeout: 300_000 }, () => {
  beforeAll(() => {
    expect(touming(['migrate']).code).toBe(0);
  }, 120_000);

  it('imports a regions CSV, refuses a bad file without writing anything, and renames by code', () => {
    const good = join(dir, 'good.csv');
    writeFileSync(good, ['code,name,level,parentCode', '640300,吴忠市,市,640000', '640000,宁夏回族自治区,自治区,', '640323,盐池县,县,640300', '640323100,花马池镇,乡镇,640323'].join('\n'));
    const first = touming(['regions', 'import', good]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/新建 4 个地区/);

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, ['640324,同心县,县,640300', '650101,外省区,县,640300'].join('\n'));
    const refused = touming(['regions', 'import', bad]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/第2行：区划代码650101与上级地区的代码640300不相符/);
    const orphan = join(dir, 'orphan.csv');
    writeFileSync(orphan, ['640324,同心县,县,640300', '640521,某县,县,640500'].join('\n'));
    expect(touming(['regions', 'import', orphan]).stderr).toMatch(/上级地区640500不存在/);

    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare("SELECT COUNT(*) AS n FROM region WHERE code = '640324'").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
    const renamed = join(dir, 'rename.csv');
    writeFileSync(renamed, ['640323100,花马池镇（更名）,乡镇,640323', '640324,同心县,县,640300'].join('\n'));
    expect(touming(['regions', 'import', renamed]).stdout).toMatch(/新建 1 个地区，更名 1 个/);
  });

  it('totals verify: 0 when consistent, 1 on a planted difference, 0 after rebuild', () => {
    const db = new Database(file);
    try {
      // a maintained row no publication explains
      db.prepare("INSERT INTO region_total (regionId, year, format, kind, \"key\", total, filled) VALUES ('', 2024, '2021', 'DEPARTMENT', 't3.new.natural', 5, 1)").run();
    } finally {
      db.close();
    }
    const planted = touming(['totals', 'verify']);
    expect(planted.code).toBe(1);
    expect(planted.stdout).toMatch(/不一致：地区 （全部） 2024年度 2021年版 DEPARTMENT t3\.new\.natural：维护值 5（1份填报），重新求和 无/);
    expect(touming(['totals', 'rebuild']).code).toBe(0);
    const again = touming(['totals', 'verify']);
    expect(again.stdout).toMatch(/汇总数一致/);
    expect(again.code).toBe(0);
  });
});
