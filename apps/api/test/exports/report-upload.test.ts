/**
 * importReport with an uploaded file (base64): a PDF printed by Chromium and a DOCX of our own export
 * import cell for cell; what is not a readable report is refused with BAD_USER_INPUT in Chinese before
 * anything is written (not a PDF, too many pages, over time, no text in it, a .docx zip bomb), and nobody without the
 * import permission makes the server parse a file.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReport } from '@touming/domain/generate';
import { renderHtml } from '@touming/domain/render';
import { PdfPrinter } from '../../src/modules/exports/pdf/pdf-printer';
import { reportDocx } from '../../src/modules/exports/report-docx';
import { PDF_LIMITS } from '../../src/modules/reports/pdf-text';
import { DOCX_LIMITS } from '../../src/modules/reports/report-file';
import { Report } from '../../src/modules/reports/report.entity';
import { codeOf } from '../support/api';
import { DIALECTS } from '../support/databases';
import { seededEnv, type SeededEnv } from '../support/env';

const IMPORT = `mutation($a: ID!, $f: String, $n: String) { importReport(agencyId: $a, fileBase64: $f, fileName: $n) {
  detectedFormat detectedYear notes unplaced { line text reason } report { id year format cells { key value } } } }`;

const printer = new PdfPrinter();
const original = generateReport({ format: '2021', year: 2023, agency: '测试上传局', seed: 42, scale: 2 });
original.cells['t2.normativeDocs.repealed'] = null;
original.cells['t3.new.research'] = null;
let pdf: Buffer;
let docx: Buffer;
let blankPdf: Buffer;
/** a .docx whose document inflates past the DOCX budget: refused before mammoth inflates it */
let bombDocx: Buffer;

beforeAll(async () => {
  pdf = await printer.print(renderHtml(original, { standalone: true }));
  docx = await reportDocx(original);
  blankPdf = await printer.print('<!doctype html><html><body></body></html>');
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('word/document.xml', Buffer.alloc(DOCX_LIMITS.maxUncompressedBytes + 1024 * 1024, 0x20));
  bombDocx = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}, 120_000);
afterAll(() => printer.close());

describe.each(DIALECTS)('importReport with an uploaded file on %s', (dialect) => {
  let env: SeededEnv;
  let admin: string;
  let otherPreparer: string;
  let agencyId: string;
  beforeAll(async () => {
    env = await seededEnv(dialect);
    admin = await env.api.login('admin');
    otherPreparer = await env.api.login('jiaoti.preparer');
    agencyId = (await env.api.ok(`mutation { createAgency(input: { code: "test.upload", name: "测试上传局", kind: DEPARTMENT }) { id } }`, {}, admin)).createAgency.id;
  }, 120_000);
  afterAll(async () => {
    await env?.close();
  });

  const cellsOf = (report: { cells: { key: string; value: number | null }[] }) => Object.fromEntries(report.cells.map((c) => [c.key, c.value]));

  it('imports a PDF cell for cell, blanks included, and records the source in the audit trail', async () => {
    const started = performance.now();
    const data = await env.api.ok(IMPORT, { a: agencyId, f: pdf.toString('base64'), n: '测试上传局2023年政府信息公开工作年度报告.pdf' }, admin);
    console.log(`${dialect}: importReport of a ${Math.round(pdf.length / 1024)} KB PDF took ${Math.round(performance.now() - started)} ms`);
    const r = data.importReport;
    expect(r.detectedFormat).toBe('2021');
    expect(r.detectedYear).toBe(2023);
    expect(r.unplaced).toEqual([]);
    expect(cellsOf(r.report)).toEqual(original.cells);
    const audit = await env.api.lastAudit();
    expect(audit!.action).toBe('report.import');
    expect(JSON.stringify(audit!.detail)).toContain('"source":"pdf"');
  }, 120_000);

  it('imports a Word file the same way (over the draft it made)', async () => {
    const data = await env.api.ok(IMPORT, { a: agencyId, f: docx.toString('base64'), n: 'report.docx' }, admin);
    expect(data.importReport.unplaced).toEqual([]);
    expect(cellsOf(data.importReport.report)).toEqual(original.cells);
  }, 120_000);

  it('refuses what it cannot read with BAD_USER_INPUT in Chinese and writes nothing', async () => {
    const reports = await env.db.dataSource.manager.countBy(Report, {});
    const audits = await env.api.auditCount();
    const refuse = async (bytes: Buffer, name: string, message: RegExp) => {
      const result = await env.api.gql(IMPORT, { a: agencyId, f: bytes.toString('base64'), n: name }, admin);
      expect(codeOf(result), name).toBe('BAD_USER_INPUT');
      expect(result.errors![0].message).toMatch(message);
      expect(result.errors![0].message).not.toMatch(/Error|at \w+ \(/);
    };
    await refuse(Buffer.from('这不是 PDF'), 'report.pdf', /内容不是 PDF/);
    await refuse(Buffer.from('%PDF-1.7\n垃圾'), 'broken.pdf', /已损坏或无法解析/);
    await refuse(blankPdf, 'scan.pdf', /没有可提取的文字/);
    await refuse(Buffer.from([0x00, 0x01, 0x02, 0x03]), 'x.bin', /二进制文件/);
    expect(bombDocx.length).toBeLessThan(1024 * 1024);
    await refuse(bombDocx, 'bomb.docx', /声明超过|解压后过大/);
    const limits = { ...PDF_LIMITS };
    try {
      PDF_LIMITS.maxPages = 1;
      await refuse(pdf, 'long.pdf', /页数过多（\d+ 页，最多 1 页）/);
      PDF_LIMITS.maxPages = limits.maxPages;
      PDF_LIMITS.maxBytes = 1024;
      await refuse(pdf, 'big.pdf', /PDF 文件过大/);
      PDF_LIMITS.maxBytes = limits.maxBytes;
      PDF_LIMITS.timeoutMs = 1;
      await refuse(pdf, 'slow.pdf', /读取 PDF 超时/);
    } finally {
      Object.assign(PDF_LIMITS, limits);
    }
    expect(await env.db.dataSource.manager.countBy(Report, {})).toBe(reports);
    expect(await env.api.auditCount()).toBe(audits);
  }, 120_000);

  it('refuses another agency\'s preparer before reading the file', async () => {
    const result = await env.api.gql(IMPORT, { a: agencyId, f: Buffer.from('not even a pdf').toString('base64'), n: 'x.pdf' }, otherPreparer);
    expect(codeOf(result)).toBe('FORBIDDEN');
  });
});
