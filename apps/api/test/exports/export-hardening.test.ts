/**
 * Files in and out: an uploaded XLSX is checked for entry count and inflated size before
 * the reader inflates it (zip bombs); spreadsheet text cells that would start a formula are
 * neutralised in the open-data CSV and in XLSX; DOCX and XLSX stay well-formed XML whatever control
 * characters the text holds.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { emptyReport } from '@touming/domain/report';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportDocx } from '../../src/modules/exports/report-docx';
import { tablesXlsx } from '../../src/modules/exports/report-xlsx';
import { spreadsheetText, xmlSafe } from '../../src/modules/exports/safe-text';
import { loadWorkbook, XlsxFileError } from '../../src/modules/exports/xlsx-import';
import { checkZipLimits, XLSX_LIMITS, ZipLimitError } from '../../src/modules/exports/zip-limits';
import { toCsv } from '../../src/modules/public/open-data';
import { mountDownloads } from '../../src/modules/exports';
import { PublicRateLimiter } from '../../src/modules/public/rate-limit';
import { codeOf, TestApi } from '../support/api';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../support/databases';
import { addAgency, addCycle, addReport, sampleReport } from '../county/published-fixture';
import { systemContext } from '../../src/common/context';
import { withTransaction } from '../../src/db/transaction';
import { insertUser } from '../../src/modules/users/user.service';
import express from 'express';
import type { AddressInfo } from 'node:net';

/** throws on anything a conforming XML 1.0 parser refuses */
function parseXml(xml: string): void {
  const parser = new SaxesParser();
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
}

async function expectWellFormed(file: Buffer): Promise<number> {
  const zip = await JSZip.loadAsync(file);
  const parts = Object.keys(zip.files).filter((name) => /\.(xml|rels)$/.test(name));
  for (const name of parts) {
    const xml = await zip.file(name)!.async('string');
    expect(() => parseXml(xml), name).not.toThrow();
  }
  return parts.length;
}

interface Entry {
  name: string;
  data: Buffer;
  /** the uncompressed size written into the headers (a liar's zip says less than it holds) */
  declaredSize?: number;
}

/** a ZIP archive written by hand, so sizes and counts can be anything a sender chooses */
function zipOf(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const compressed = deflateRawSync(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(e.data), 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(e.data), 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += 30 + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const bomb = () => zipOf([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(XLSX_LIMITS.maxUncompressedBytes + 1024 * 1024, 0x20) }]);

describe('text on its way into files', () => {
  it('spreadsheetText neutralises what a spreadsheet would take for a formula; CSV keeps numbers as numbers', () => {
    for (const t of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=cmd', '\r=cmd', '＝1+1']) expect(spreadsheetText(t)).toBe(`'${t}`);
    for (const t of ['盐池县教育体育局', '640323', 'a=b', ' =x']) expect(spreadsheetText(t)).toBe(t);
    const csv = toCsv(['name', 'region', 'value'], [{ name: '=HYPERLINK("http://evil.example","点我")', region: '+86', value: -3 }]);
    expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK(""http://evil.example"",""点我"")",'+86,-3`);
  });

  it('xmlSafe drops what XML 1.0 cannot hold and nothing else', () => {
    expect(xmlSafe('a\u0000b\u0001c\u000Bd\u001Fe\uFFFEf\uFFFFg\uDFFFh')).toBe('abcdefgh');
    expect(xmlSafe('制表\t换行\n回车\r😀 中文')).toBe('制表\t换行\n回车\r😀 中文');
  });

  it('a DOCX of text with U+FFFE, control characters and a lone surrogate is well-formed XML', async () => {
    const report = emptyReport('2021', 2025, '测试\u0001单位');
    const hostile = '一、总体\uFFFE情况\u0000\u0008\u000B\u001F\uFFFF\uD800结束';
    report.sections = { ...report.sections, overview: hostile, problems: hostile, other: '正常文字' };
    const docx = await reportDocx(report);
    expect(await expectWellFormed(docx)).toBeGreaterThan(3);
    const text = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    expect(text).toContain('一、总体情况结束');
  });

  it('XLSX text cells (the county summary’s agency list) are neutralised and well-formed', async () => {
    const content = { ...emptyReport('2021', 2025, '全县汇总\u0001'), cells: {} };
    const xlsx = await tablesXlsx(content, [{ name: '汇总说明', columns: ['单位', '情况', '公开日期'], rows: [['=HYPERLINK("http://evil.example","点我")', '已计入', null], ['控制\u0001字符\uFFFE', '-1', null]] }]);
    await expectWellFormed(xlsx);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('汇总说明')!;
    expect(ws.getCell('A2').value).toBe(`'=HYPERLINK("http://evil.example","点我")`);
    expect(ws.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A3').value).toBe('控制字符');
    expect(ws.getCell('B3').value).toBe(`'-1`);
  });
});

describe('XLSX upload limits (zip bombs)', () => {
  it('a real workbook passes', async () => {
    const xlsx = await tablesXlsx({ ...emptyReport('2021', 2025, '测试单位'), cells: {} });
    expect(() => checkZipLimits(xlsx)).not.toThrow();
    await expect(loadWorkbook(xlsx)).resolves.toBeTruthy();
  });

  it('refuses an entry inflating past the budget, one lying about its size, too many entries, and junk', async () => {
    const big = bomb();
    expect(big.length).toBeLessThan(100 * 1024);
    expect(() => checkZipLimits(big)).toThrow(ZipLimitError);
    expect(() => checkZipLimits(big)).toThrow('声明超过');
    // declares 1 KB per entry, inflates to 21 MB: the inflated bytes are what is counted
    const liar = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(XLSX_LIMITS.maxUncompressedBytes + 1024 * 1024, 0x20), declaredSize: 1024 }]);
    expect(() => checkZipLimits(liar)).toThrow('解压后过大（超过');
    const many = zipOf(Array.from({ length: XLSX_LIMITS.maxEntries + 1 }, (_, i) => ({ name: `x/${i}.xml`, data: Buffer.from('<a/>') })));
    expect(() => checkZipLimits(many)).toThrow('文件过多');
    expect(() => checkZipLimits(Buffer.from('PK not really a zip, just text that is long enough'))).toThrow('不是 ZIP');
    await expect(loadWorkbook(liar)).rejects.toBeInstanceOf(XlsxFileError);
  });
});

describe.each(DIALECTS)('file hardening over the API on %s', (dialect) => {
  let db: TestDatabase;
  let api: TestApi;
  let server: import('node:http').Server;
  let base = '';
  let token = '';
  let agencyId = '';

  beforeAll(async () => {
    db = await openTestDatabase(dialect);
    const ds = db.dataSource;
    await addCycle(ds, 2024);
    const office = await addAgency(ds, 'office', '某县政务公开办', 'COUNTY_OFFICE');
    // an agency name and region a spreadsheet would take for formulas
    const evil = await addAgency(ds, 'evil', '=HYPERLINK("http://evil.example","点我")', 'DEPARTMENT', '+cmd|/c calc');
    agencyId = evil.id;
    await addReport(ds, evil, sampleReport(evil.name, 2024, 7), 'PUBLISHED');
    await withTransaction(systemContext(ds, 'test'), (tx) =>
      insertUser(tx, { username: 'county', displayName: '县管理员', password: 'Export-Test-Pw-1', agencyId: office.id, roles: ['COUNTY_ADMIN'] }),
    );
    api = await TestApi.start(ds);
    api.api.container.get(PublicRateLimiter).configure({ settings: { limit: 10_000, windowSeconds: 60 } });
    token = await api.login('county', 'Export-Test-Pw-1');
    const app = express();
    mountDownloads(app, api.api, ds);
    server = app.listen(0);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.close();
    await api?.stop();
    await db?.drop();
  });

  it('the open-data CSV neutralises an agency name and a region starting a formula', async () => {
    const csv = await (await fetch(`${base}/download/open-data/2024.csv`)).text();
    const row = csv.split('\r\n')[1];
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(row).toContain(`,'+cmd|/c calc,`);
    expect(row).not.toMatch(/,=|,\+|^=/);
  });

  it('importReportXlsx refuses a zip bomb with BAD_USER_INPUT and writes nothing', async () => {
    const before = await api.auditCount();
    const r = await api.gql(
      'mutation($a: ID!, $b: String!) { importReportXlsx(agencyId: $a, year: 2024, base64: $b) { id } }',
      { a: agencyId, b: bomb().toString('base64') },
      token,
    );
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].message).toContain('解压后过大');
    expect(await api.auditCount()).toBe(before);
  });
});
