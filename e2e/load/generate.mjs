// Bench dataset: a fresh MariaDB database migrated by the product's own migrations, then filled
// DIRECTLY with batched multi-row INSERTs (the API would take hours for 14,000 reports).
// Every report is the domain's rule-consistent generator output, chained year over year per agency,
// with its stored validation/hash computed by the same domain functions the API uses.
//
//   node e2e/load/generate.mjs --db touming_bench --agencies 2000 --years 7
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';

const require = createRequire(import.meta.url);
const domain = require('@touming/domain');
const argon2 = require('@node-rs/argon2');

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BENCH_PASSWORD = 'bench-password-2026';
export const MYSQL_BASE = process.env.BENCH_MYSQL ?? 'mysql://root@127.0.0.1:3306';

export function parseArgs(argv, defaults) {
  const out = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([\w-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) continue;
    const value = m[2] ?? (argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : 'true');
    out[m[1]] = typeof defaults[m[1]] === 'number' ? Number(value) : value;
  }
  return out;
}

/** the years of the dataset: the last `years` complete cycles before this one, oldest first */
export function benchYears(years) {
  const last = 2025;
  return Array.from({ length: years }, (_, i) => last - years + 1 + i);
}

/** deterministic spread of states: older years published, the last two years in the workflow */
function statusFor(i, yearIndex, years) {
  const fromEnd = years - 1 - yearIndex;
  if (fromEnd >= 2) return i % 40 === 7 ? null : 'PUBLISHED'; // a few agencies never reported
  if (fromEnd === 1) return i % 10 < 7 ? 'PUBLISHED' : 'SUBMITTED';
  // the current cycle: drafts to edit, submitted ones to sign off, a few further along, a few missing
  const r = i % 20;
  if (r === 0) return null;
  if (r <= 4) return 'DRAFT';
  if (r <= 15) return 'SUBMITTED';
  if (r <= 17) return 'REVIEWED';
  return 'APPROVED';
}

const SIGN_STAGES = { DRAFT: [], SUBMITTED: ['PREPARE'], REVIEWED: ['PREPARE', 'REVIEW'], APPROVED: ['PREPARE', 'REVIEW', 'APPROVE'], PUBLISHED: ['PREPARE', 'REVIEW', 'APPROVE'] };
const SIGNER_OF = { PREPARE: 'p', REVIEW: 'r', APPROVE: 'a' };

class Batcher {
  constructor(conn, table, columns, size = 2000) {
    Object.assign(this, { conn, table, columns, size, rows: [], pending: Promise.resolve(), total: 0 });
  }
  async add(row) {
    this.rows.push(row);
    if (this.rows.length >= this.size) await this.flush();
  }
  async flush() {
    if (!this.rows.length) return;
    const rows = this.rows;
    this.rows = [];
    this.total += rows.length;
    const cols = this.columns.map((c) => `\`${c}\``).join(', ');
    await this.conn.query(`INSERT INTO \`${this.table}\` (${cols}) VALUES ?`, [rows]);
  }
}

export async function generate({ db, agencies, years: yearCount, quiet = false }) {
  const started = Date.now();
  const log = (s) => quiet || process.stdout.write(s);
  const admin = await mysql.createConnection(`${MYSQL_BASE}/`);
  await admin.query(`DROP DATABASE IF EXISTS \`${db}\``);
  await admin.query(`CREATE DATABASE \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = `${MYSQL_BASE}/${db}`;
  execFileSync(process.execPath, [path.join(ROOT, 'apps/cli/bin/touming.js'), 'migrate'], { env: { ...process.env, DATABASE_URL: url }, stdio: quiet ? 'ignore' : 'inherit' });

  const conn = await mysql.createConnection({ uri: url, timezone: 'Z', multipleStatements: false });
  await conn.query('SET foreign_key_checks = 0, unique_checks = 0');
  const now = new Date();
  const years = benchYears(yearCount);
  const passwordHash = await argon2.hash(BENCH_PASSWORD);

  const agencyB = new Batcher(conn, 'agency', ['id', 'code', 'name', 'kind', 'parentId', 'region', 'active', 'createdAt', 'updatedAt']);
  const userB = new Batcher(conn, 'user', ['id', 'username', 'displayName', 'passwordHash', 'agencyId', 'roles', 'active', 'tokenVersion', 'createdAt', 'updatedAt']);
  const reportB = new Batcher(conn, 'report', ['id', 'agencyId', 'agencyName', 'year', 'format', 'status', 'revision', 'contentHash', 'overview', 'problems', 'other', 'errorCount', 'warningCount', 'validation', 'createdAt', 'updatedAt'], 300);
  const cellB = new Batcher(conn, 'report_cell', ['reportId', 'key', 'value'], 5000);
  const revB = new Batcher(conn, 'report_revision', ['id', 'reportId', 'agencyId', 'year', 'format', 'revisionNo', 'contentHash', 'content', 'correctionNote', 'publishedAt', 'publishedById', 'isCurrent'], 200);
  const pubB = new Batcher(conn, 'published_cell', ['revisionId', 'key', 'agencyId', 'year', 'format', 'value'], 5000);
  const sigB = new Batcher(conn, 'signature', ['id', 'reportId', 'revision', 'stage', 'signerId', 'signerName', 'contentHash', 'comment', 'signedAt', 'voidedAt', 'voidedBy', 'voidReason']);

  for (const year of years) {
    const format = domain.formatForYear(year).id;
    await conn.query('INSERT INTO reporting_cycle (id, year, format, deadline, requiresPreReview, open, createdAt) VALUES (?, ?, ?, ?, 0, 1, ?)', [randomUUID(), year, format, domain.defaultDeadline(year), now]);
  }

  // the county office (where the county admin sits), the county government, departments and townships
  const officeId = randomUUID();
  await agencyB.add([officeId, 'C0000', '盐池县人民政府办公室（政务公开办）', 'COUNTY_OFFICE', null, '盐池县', 1, now, now]);
  await userB.add([randomUUID(), 'county', '县政务公开办管理员', passwordHash, officeId, 'COUNTY_ADMIN', 1, 0, now, now]);
  const counts = { reports: 0, cells: 0, revisions: 0, signatures: 0 };
  let lastShown = 0;
  for (let i = 0; i < agencies; i++) {
    const id = randomUUID();
    const code = `A${String(i + 1).padStart(5, '0')}`;
    const kind = i === 0 ? 'COUNTY_GOVERNMENT' : i % 4 === 0 ? 'TOWNSHIP' : 'DEPARTMENT';
    const name = kind === 'COUNTY_GOVERNMENT' ? '盐池县人民政府' : kind === 'TOWNSHIP' ? `第${i + 1}乡镇人民政府` : `县第${i + 1}局`;
    await agencyB.add([id, code, name, kind, null, '盐池县', 1, now, now]);
    const users = {};
    for (const [prefix, role, label] of [['p', 'AGENCY_PREPARER', '填报人'], ['r', 'AGENCY_REVIEWER', '分管领导'], ['a', 'AGENCY_APPROVER', '主要负责人']]) {
      users[prefix] = { id: randomUUID(), name: `${name}${label}（${prefix}${code}）` };
      await userB.add([users[prefix].id, `${prefix}${code}`, `${name}${label}`, passwordHash, id, role, 1, 0, now, now]);
    }
    let previous = null;
    for (const [yi, year] of years.entries()) {
      const status = statusFor(i, yi, years.length);
      if (!status) {
        previous = null;
        continue;
      }
      const format = domain.formatForYear(year).id;
      const content = domain.generateReport({ format, year, agency: name, seed: code, previous, scale: kind === 'TOWNSHIP' ? 0.5 : 1 });
      const validation = domain.validateReport(content, { previous });
      const hash = domain.contentHash(content);
      const reportId = randomUUID();
      const at = new Date(Date.UTC(year + 1, 0, 10));
      await reportB.add([reportId, id, name, year, format, status, 1, hash, content.sections.overview ?? '', content.sections.problems ?? '', content.sections.other ?? '', validation.errors.length, validation.warnings.length, JSON.stringify(validation), at, at]);
      counts.reports++;
      for (const [key, value] of Object.entries(content.cells)) {
        if (value === null || value === undefined) continue;
        await cellB.add([reportId, key, value]);
        counts.cells++;
      }
      for (const stage of SIGN_STAGES[status]) {
        const signer = users[SIGNER_OF[stage]];
        await sigB.add([randomUUID(), reportId, 1, stage, signer.id, signer.name, hash, null, at, null, null, null]);
        counts.signatures++;
      }
      if (status === 'PUBLISHED') {
        const revisionId = randomUUID();
        await revB.add([revisionId, reportId, id, year, format, 1, hash, JSON.stringify(content), null, new Date(Date.UTC(year + 1, 0, 20)), users.a.id, 1]);
        counts.revisions++;
        for (const [key, value] of Object.entries(content.cells)) {
          if (value === null || value === undefined) continue;
          await pubB.add([revisionId, key, id, year, format, value]);
        }
      }
      previous = content;
    }
    if (!quiet && (Date.now() - lastShown > 1000 || i === agencies - 1)) {
      lastShown = Date.now();
      log(`\r  dataset: ${i + 1}/${agencies} agencies, ${counts.reports} reports, ${counts.cells} cells, ${((Date.now() - started) / 1000).toFixed(1)} s   `);
    }
  }
  for (const b of [agencyB, userB, reportB, cellB, revB, pubB, sigB]) await b.flush();
  await conn.query('SET foreign_key_checks = 1, unique_checks = 1');
  await conn.query('ANALYZE TABLE agency, report, report_cell, report_revision, published_cell, signature, user');
  await conn.end();
  // the revisions were written in bulk, not published one by one: sum the region totals once
  execFileSync(process.execPath, [path.join(ROOT, 'apps/cli/bin/touming.js'), 'totals', 'rebuild'], { env: { ...process.env, DATABASE_URL: url }, stdio: quiet ? 'ignore' : 'inherit' });
  const seconds = (Date.now() - started) / 1000;
  log(`\n  dataset ready in ${seconds.toFixed(1)} s: ${agencies} agencies × ${years.length} years (${years[0]}–${years.at(-1)}), ${counts.reports} reports, ${counts.cells} cells, ${counts.revisions} published revisions, ${counts.signatures} signatures, ${agencies * 3 + 1} users\n`);
  return { url, years, counts, seconds, agencies };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2), { db: 'touming_bench', agencies: 2000, years: 7 });
  generate({ db: args.db, agencies: args.agencies, years: args.years }).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
