/** `touming compare` run as the built command: on files, and on report ids in a database. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareReports, generateReport, importReport, renderComparisonText } from '@touming/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = join(__dirname, '..', 'bin', 'touming.js');
const FIXTURE = join(__dirname, '..', 'demo', 'yanchi-wenlv-2020.txt');
const dir = mkdtempSync(join(tmpdir(), 'touming-cli-compare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function touming(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, TOUMING_DEBUG: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('touming compare', () => {
  const last = importReport({ text: readFileSync(FIXTURE, 'utf8') }).report;
  const now = generateReport({ format: '2021', year: 2021, agency: last.agency, seed: 5, previous: last });
  now.sections.problems = last.sections.problems;
  const nowFile = join(dir, 'now.json');
  beforeAll(() => writeFileSync(nowFile, JSON.stringify(now)));

  it('比对上年的真实报告（文本）与本年的报告 JSON：先打印摘要，照搬的第五部分写在第一条', () => {
    const r = touming({}, 'compare', FIXTURE, nowFile);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(renderComparisonText(compareReports(last, now)));
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('盐池县文化旅游广电局2021年政府信息公开工作年度报告比对报告');
    expect(lines[3]).toBe('一、比对摘要');
    expect(lines[4]).toMatch(/五、存在的主要问题及改进情况与上年高度相似.*可能照搬/);
    expect(r.stdout).toMatch(/因格式不同不可比/);
  });

  it('--json 输出完整的比对结果', () => {
    const r = touming({}, 'compare', FIXTURE, nowFile, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.before).toEqual({ agency: last.agency, year: 2020, format: '2019' });
    expect(json.after.year).toBe(2021);
    expect(json.sameFormat).toBe(false);
    expect(json.summary.lines.length).toBeGreaterThan(0);
    expect(json.changedCells.length).toBeGreaterThan(0);
  });

  it('参数不对时一行中文提示，退出码 2', () => {
    const r = touming({}, 'compare', nowFile);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^错误：用法：touming compare/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('按数据库中的报告编号比对；不存在的编号给出中文提示', async () => {
    const api = await import('@touming/api');
    const path = join(dir, 'demo.sqlite');
    const ds = await api.openDataSource({ type: 'sqlite', path });
    await api.runMigrations(ds);
    await api.seedDemo(ds, { today: new Date('2026-12-03T08:00:00Z') });
    const reports = await ds.manager.find(api.Report, { order: { year: 'DESC' } });
    const after = reports.find((r) => reports.some((p) => p.agencyId === r.agencyId && p.year === r.year - 1))!;
    const before = reports.find((p) => p.agencyId === after.agencyId && p.year === after.year - 1)!;
    await ds.destroy();
    const env = { DATABASE_URL: `sqlite://${path}` };
    const r = touming(env, 'compare', before.id, after.id);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).toContain(`${before.year}年度报告`);
    expect(r.stdout.split('\n')[1]).toContain(`${after.year}年度报告`);
    const missing = touming(env, 'compare', before.id, '11111111-1111-1111-1111-111111111111');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/数据库中没有编号为 11111111-1111-1111-1111-111111111111 的报告或公开版本/);
  }, 60_000);
});
