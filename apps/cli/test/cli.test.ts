/** The built `touming` command run as a child process, the way users and CI run it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const BIN = join(__dirname, '..', 'bin', 'touming.js');
const FIXTURE = join(__dirname, '..', 'demo', 'yanchi-wenlv-2020.txt');
let dir: string;

function touming(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, TOUMING_DEBUG: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectBadInput(r: ReturnType<typeof touming>, zh: RegExp) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^错误：.* \/ Error: /);
  expect(lines[0]).toMatch(zh);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'touming-cli-'));
});

describe('touming import --json on the real report', () => {
  it('gives the acceptance values', () => {
    const r = touming('import', FIXTURE, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.format).toBe('2019');
    expect(out.year).toBe(2020);
    expect(out.agency).toBe('盐池县文化旅游广电局');
    expect(out.cells['t2.licensing.previous']).toBe(9);
    expect(out.cells['t2.otherServices.previous']).toBe(15);
    expect(out.cells['t2.penalty.previous']).toBe(106);
    expect(out.cells['t2.penalty.decisions']).toBe(9);
    expect(out.cells['t2.coercion.previous']).toBe(1);
    const t34 = Object.entries(out.cells).filter(([k]) => k.startsWith('t3.') || k.startsWith('t4.'));
    expect(t34.length).toBe(176);
    expect(t34.every(([, v]) => v === 0)).toBe(true);
    for (const key of ['overview', 'problems', 'other']) expect(out.sections[key].length).toBeGreaterThan(0);
    expect(out.issues.errors).toEqual([]);
    expect(Array.isArray(out.unplaced)).toBe(true);
  });
});

describe('touming check', () => {
  it('prints format, year, agency, the tables and the validation in Chinese; exit 0 without errors', () => {
    const r = touming('check', FIXTURE);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('年度：2020');
    expect(r.stdout).toContain('机关：盐池县文化旅游广电局');
    expect(r.stdout).toContain('国办公开办函〔2019〕60号');
    expect(r.stdout).toContain('三、收到和处理政府信息公开申请情况');
    expect(r.stdout).toMatch(/校验结果：错误 0 项/);
  });

  it('exits 1 when the report has errors', () => {
    const broken = join(dir, 'broken.txt');
    const text = readFileSync(FIXTURE, 'utf8').replace('一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0', '一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t3');
    writeFileSync(broken, text);
    const r = touming('check', broken);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/校验结果：错误 [1-9]\d* 项/);
    expect(r.stdout).toContain('错误：');
  });

  it('reads HTML files', () => {
    const html = join(dir, 'report.html');
    const json = join(dir, 'r.json');
    writeFileSync(json, touming('import', FIXTURE, '--json').stdout);
    writeFileSync(html, touming('render', json, '--as', 'html').stdout);
    const r = touming('import', html, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).cells['t2.penalty.previous']).toBe(106);
  });
});

describe('touming render', () => {
  it('round-trips import → render text → import', () => {
    const json = join(dir, 'report.json');
    const first = touming('import', FIXTURE, '--json');
    writeFileSync(json, first.stdout);
    const text = touming('render', json, '--as', 'text');
    expect(text.code).toBe(0);
    expect(text.stdout.startsWith('盐池县文化旅游广电局2020年政府信息公开工作年度报告')).toBe(true);
    const txt = join(dir, 'rendered.txt');
    writeFileSync(txt, text.stdout);
    const again = JSON.parse(touming('import', txt, '--json').stdout);
    const before = JSON.parse(first.stdout);
    expect(again.cells).toEqual(before.cells);
    expect(again.sections).toEqual(before.sections);
    expect([again.format, again.year, again.agency]).toEqual([before.format, before.year, before.agency]);
    expect(again.unplaced).toEqual([]);
  });

  it('renders a standalone HTML document', () => {
    const json = join(dir, 'report2.json');
    writeFileSync(json, touming('import', FIXTURE, '--json').stdout);
    const r = touming('render', json, '--as', 'html');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('refuses invalid JSON and JSON that is not a report', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ not json');
    expectBadInput(touming('render', bad), /不是有效的 JSON/);
    const notReport = join(dir, 'not-report.json');
    writeFileSync(notReport, JSON.stringify({ hello: 'world' }));
    expectBadInput(touming('render', notReport), /不是报告 JSON/);
    expectBadInput(touming('render', bad, '--as', 'pdf'), /--as/);
  });
});

describe('bad input: one line, exit 2, no stack trace', () => {
  it('missing file', () => expectBadInput(touming('check', join(dir, 'nope.txt')), /找不到文件/));
  it('no file argument', () => expectBadInput(touming('import'), /请指定文件/));
  it('empty file', () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    expectBadInput(touming('check', empty), /空文件/);
    const blank = join(dir, 'blank.txt');
    writeFileSync(blank, '\n  \n');
    expectBadInput(touming('import', blank, '--json'), /空文件/);
  });
  it('binary file', () => {
    const bin = join(dir, 'image.txt');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]));
    expectBadInput(touming('check', bin), /二进制文件/);
  });
  it('not a report', () => {
    const letter = join(dir, 'letter.txt');
    writeFileSync(letter, '各位同事：\n下周一上午开会。\n');
    expectBadInput(touming('check', letter), /不是政府信息公开工作年度报告/);
  });
  it('a .docx that is not a zip', () => {
    const docx = join(dir, 'fake.docx');
    writeFileSync(docx, 'not a zip at all');
    expectBadInput(touming('check', docx), /不是有效的 \.docx/);
  });
  it('a directory without reports', () => {
    const empty = mkdtempSync(join(tmpdir(), 'touming-empty-'));
    expectBadInput(touming('check', empty), /没有报告文件/);
  });
  it('unknown command', () => expectBadInput(touming('frobnicate'), /未知命令/));
  it('unknown option (node:util parseArgs, strict)', () => expectBadInput(touming('import', FIXTURE, '--jsn'), /无法识别或缺少取值的选项 --jsn/));
  it('an option missing its value', () => expectBadInput(touming('render', FIXTURE, '--as'), /--as/));
});

describe('help and demo', () => {
  it('lists the commands in Chinese', () => {
    const r = touming('--help');
    expect(r.code).toBe(0);
    for (const c of ['check', 'import', 'render', 'demo']) expect(r.stdout).toContain(`  ${c}`);
    expect(r.stdout).toContain('命令：');
  });
  it('demo checks the bundled report', () => {
    const r = touming('demo');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('机关：盐池县文化旅游广电局');
  });
});
