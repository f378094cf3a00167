/**
 * `touming check` / `touming import` on the files agencies publish — a PDF printed by Chromium, Word
 * and text — on a whole folder (one line per file and a total, --json, exit 1 when any file has
 * errors) and against last year's report (--previous: the carry-over rules).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReport, renderHtml, renderText } from '@touming/domain';
import { PdfPrinter } from '@touming/api/dist/modules/exports/pdf/pdf-printer';

const BIN = join(__dirname, '..', 'bin', 'touming.js');
const FIXTURE = join(__dirname, '..', 'demo', 'yanchi-wenlv-2020.txt');

function touming(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, TOUMING_DEBUG: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const printer = new PdfPrinter();
const last = generateReport({ format: '2021', year: 2022, agency: '某县住房和城乡建设局', seed: 21, scale: 2 });
const current = generateReport({ format: '2021', year: 2023, agency: '某县住房和城乡建设局', seed: 21, scale: 2, previous: last });
current.cells['t2.rules.repealed'] = null;
let dir: string;
let folder: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'touming-cli-files-'));
  folder = join(dir, 'reports');
  mkdirSync(folder);
  writeFileSync(join(folder, '2023-住建局.pdf'), await printer.print(renderHtml(current, { standalone: true })));
  writeFileSync(join(folder, '2022-住建局.txt'), renderText(last));
  copyFileSync(FIXTURE, join(folder, '2020-文旅局.txt'));
  writeFileSync(join(folder, '会议通知.txt'), '各位同事：\n下周一上午开会。\n');
  writeFileSync(join(folder, 'notes.json'), '{}');
}, 120_000);
afterAll(() => printer.close());

describe('touming on a PDF', () => {
  it('imports a printed PDF cell for cell, the blank cell blank', () => {
    const r = touming('import', join(folder, '2023-住建局.pdf'), '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect([out.format, out.year, out.agency]).toEqual(['2021', 2023, '某县住房和城乡建设局']);
    expect(out.cells).toEqual(current.cells);
    expect(out.unplaced).toEqual([]);
  });
});

describe('touming check <folder>', () => {
  it('prints one line per report file and a total; a file that is not a report is listed; exit 1', () => {
    const r = touming('check', folder);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`目录：${folder}`);
    expect(lines.find((l) => l.startsWith('2023-住建局.pdf'))).toMatch(/某县住房和城乡建设局\s+2023\s+国办公开办函〔2021〕30号\s+\d+\s+\d+\s+0\s+2022-住建局\.txt$/);
    expect(lines.find((l) => l.startsWith('2020-文旅局.txt'))).toMatch(/盐池县文化旅游广电局\s+2020\s+国办公开办函〔2019〕60号\s+0\s+/);
    expect(lines.find((l) => l.startsWith('会议通知.txt'))).toContain('无法导入：不是政府信息公开工作年度报告');
    expect(r.stdout).not.toContain('notes.json');
    expect(r.stdout).toMatch(/合计：4 个文件，\d+ 个有错误（其中 1 个无法导入）；错误 \d+ 项，警告 \d+ 项，未放入 0 项/);
  });

  it('--json gives the same per file and the total', () => {
    const r = touming('check', folder, '--json');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.files.map((f: { file: string }) => f.file)).toEqual(['2020-文旅局.txt', '2022-住建局.txt', '2023-住建局.pdf', '会议通知.txt']);
    const pdf = out.files.find((f: { file: string }) => f.file === '2023-住建局.pdf');
    expect(pdf).toMatchObject({ agency: '某县住房和城乡建设局', year: 2023, format: '2021', unplaced: 0, previous: '2022-住建局.txt', failure: null });
    // the blanked cell is an error of the report (a blank where a number belongs)
    expect(pdf.errors).toBeGreaterThan(0);
    expect(out.total).toMatchObject({ files: 4, failed: 1, unplaced: 0 });
    expect(out.files.find((f: { file: string }) => f.file === '会议通知.txt').failure).toMatch(/不是政府信息公开工作年度报告/);
  });

  it('exits 0 when no file has errors', () => {
    const clean = join(dir, 'clean');
    mkdirSync(clean);
    copyFileSync(FIXTURE, join(clean, 'a.txt'));
    writeFileSync(join(clean, 'b.txt'), renderText(last));
    const r = touming('check', clean);
    expect(r.stdout).toMatch(/合计：2 个文件，0 个有错误/);
    expect(r.code).toBe(0);
  });

  it('touming import <folder> prints the same summary', () => {
    const r = touming('import', folder);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/合计：4 个文件/);
  });
});

describe('touming check <file> --previous <last year>', () => {
  it('runs the carry-over rules against last year\'s report', () => {
    // two more carried-over applications than last year's report left to carry forward
    const cells: Record<string, number | null> = { ...current.cells, 't2.rules.repealed': 0 };
    cells['t3.carried.natural'] = (current.cells['t3.carried.natural'] as number) + 2;
    cells['t3.carried.total'] = (current.cells['t3.carried.total'] as number) + 2;
    const mismatched = { ...current, cells };
    const file = join(dir, 'mismatch.txt');
    writeFileSync(file, renderText(mismatched));
    const prev = join(folder, '2022-住建局.txt');
    const without = JSON.parse(touming('check', file, '--json').stdout);
    expect(without.issues.warnings.some((w: { ruleId: string }) => w.ruleId === 't3.carryOver')).toBe(false);
    const r = touming('check', file, '--previous', prev, '--json');
    const out = JSON.parse(r.stdout);
    expect(out.issues.warnings.some((w: { ruleId: string }) => w.ruleId === 't3.carryOver')).toBe(true);
    const text = touming('check', file, '--previous', prev);
    expect(text.stdout).toContain(`对照上年报告：${prev}（2022）`);
  });

  it('refuses a --previous that is not the year before', () => {
    const r = touming('check', join(folder, '2022-住建局.txt'), '--previous', FIXTURE);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--previous 应是上一年（2021年）的报告/);
  });
});
