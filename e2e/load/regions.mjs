// npm run bench -- --regions province [--cities 4 --counties 4 --agencies 20 --years 3 --runs 40 --dialect both --rowid-totals false]
// A province-shaped dataset (province → cities → counties, agencies in every county and at every
// level) written through the API's own storage functions on SQLite and/or MariaDB, then for the
// province, one city and one county: public statistics / compilation totals read the way they were
// before (summing every current published cell: publishedTotals) and the way they are now (the
// totals kept at publication: readTotals) — p50/p95 over --runs calls each, and the rows read. Then
// publications with the totals maintenance against the same inserts without it. Prints a table.
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { ROOT, MYSQL_BASE, parseArgs } from './generate.mjs';

const require = createRequire(import.meta.url);
const api = require(path.join(ROOT, 'apps/api/dist/index.js'));
const domain = require(path.join(ROOT, 'packages/domain/dist/cjs/index.js'));
// the two statements the totals add to a publication, timed on their own inside its transaction
const totalsRepository = require(path.join(ROOT, 'apps/api/dist/modules/regions/totals.repository.js'));

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (n) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;

async function timed(runs, fn) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { p50: pct(times, 50), p95: pct(times, 95) };
}

async function openDialect(dialect, db) {
  if (dialect === 'sqlite') {
    const file = path.join(os.tmpdir(), `${db}.sqlite`);
    fs.rmSync(file, { force: true });
    const config = api.parseDatabaseUrl(`sqlite://${file}`);
    const ds = await api.openDataSource(config);
    await api.runMigrations(ds);
    return { ds, drop: async () => (await ds.destroy(), fs.rmSync(file, { force: true })) };
  }
  const mysql = require('mysql2/promise');
  const admin = await mysql.createConnection(`${MYSQL_BASE}/`);
  await admin.query(`DROP DATABASE IF EXISTS \`${db}\``);
  await admin.query(`CREATE DATABASE \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const ds = await api.openDataSource(api.parseDatabaseUrl(`${MYSQL_BASE}/${db}`));
  await api.runMigrations(ds);
  return { ds, drop: async () => (await ds.destroy(), await admin.query(`DROP DATABASE IF EXISTS \`${db}\``), await admin.end()) };
}

async function generateProvince(ds, { cities, counties, agencies, years }) {
  const now = new Date();
  const regions = [];
  const region = (code, name, level, parent) => {
    const id = randomUUID();
    const r = { id, code, name, level, parentId: parent?.id ?? null, path: domain.childPath(parent?.path ?? null, id), createdAt: now, updatedAt: now };
    regions.push(r);
    return r;
  };
  const province = region('640000', '某省', 'PROVINCE', null);
  const cityList = [];
  const countyList = [];
  for (let c = 1; c <= cities; c++) {
    const city = region(`64${String(c).padStart(2, '0')}00`, `第${c}市`, 'CITY', province);
    cityList.push(city);
    for (let k = 1; k <= counties; k++) countyList.push(region(`64${String(c).padStart(2, '0')}${String(k).padStart(2, '0')}`, `第${c}市第${k}县`, 'COUNTY', city));
  }
  for (const level of ['PROVINCE', 'CITY', 'COUNTY']) await api.insertRows(ds.manager, api.Region, regions.filter((r) => r.level === level));
  const agencyRows = [];
  const revisions = [];
  const cells = [];
  const yearList = Array.from({ length: years }, (_, i) => 2025 - years + 1 + i);
  let n = 0;
  for (const county of countyList) {
    for (let i = 0; i < agencies; i++) {
      const id = randomUUID();
      const kind = i === 0 ? 'COUNTY_GOVERNMENT' : i % 4 === 0 ? 'TOWNSHIP' : 'DEPARTMENT';
      const name = `${county.name}第${i + 1}单位`;
      agencyRows.push({ id, code: `B${String(++n).padStart(6, '0')}`, name, kind, parentId: null, region: county.name, regionId: county.id, active: true, createdAt: now, updatedAt: now });
      for (const year of yearList) {
        const format = domain.formatForYear(year).id;
        const content = domain.generateReport({ format, year, agency: name, seed: n * 31 + year, scale: kind === 'TOWNSHIP' ? 0.5 : 1 });
        const revisionId = randomUUID();
        const reportId = randomUUID();
        revisions.push({ report: { id: reportId, agencyId: id, agencyName: name, year, format, status: 'PUBLISHED', revision: 1, contentHash: domain.contentHash(content), overview: '', problems: '', other: '', errorCount: 0, warningCount: 0, validation: null, createdAt: now, updatedAt: now }, revision: { id: revisionId, reportId, agencyId: id, year, format, revisionNo: 1, contentHash: domain.contentHash(content), content, correctionNote: null, publishedAt: now, publishedById: id, isCurrent: true } });
        for (const def of domain.getFormat(format).cells) cells.push({ revisionId, key: def.key, agencyId: id, year, format, value: content.cells[def.key] ?? null });
      }
    }
  }
  await api.insertRows(ds.manager, api.Agency, agencyRows);
  await api.insertRows(ds.manager, api.Report, revisions.map((r) => r.report));
  for (let i = 0; i < revisions.length; i += 100) await api.insertRows(ds.manager, api.ReportRevision, revisions.slice(i, i + 100).map((r) => r.revision));
  await api.insertRows(ds.manager, api.PublishedCell, cells);
  await api.rebuildAllTotals(ds, 'bench');
  return { province, city: cityList[0], county: countyList[0], agencies: agencyRows.length, revisions: revisions.length, cells: cells.length, years: yearList, sample: revisions.slice(0, 60) };
}

export async function regionsBench(argv) {
  const args = parseArgs(argv, { cities: 4, counties: 4, agencies: 20, years: 3, runs: 40, dialect: 'both', db: 'touming_bench_regions', 'rowid-totals': 'false' });
  const dialects = args.dialect === 'both' ? ['sqlite', 'mysql'] : [args.dialect];
  const lines = [];
  const notes = [];
  for (const dialect of dialects) {
    const { ds, drop } = await openDialect(dialect, args.db);
    try {
      const started = Date.now();
      const data = await generateProvince(ds, { cities: Number(args.cities), counties: Number(args.counties), agencies: Number(args.agencies), years: Number(args.years) });
      const year = data.years.at(-1);
      const format = domain.formatForYear(year).id;
      process.stdout.write(`${dialect}: ${data.agencies} agencies × ${data.years.length} years, ${data.revisions} published revisions, ${data.cells} published cells (generated in ${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
      const verify = await api.verifyTotals(ds);
      if (verify.differences.length) throw new Error(`maintained totals differ from a fresh sum in ${verify.differences.length} rows`);
      for (const [label, node] of [['province', data.province], ['city', data.city], ['county', data.county]]) {
        const before = await timed(Number(args.runs), () => api.publishedTotals(ds.manager, year, format, { regionPath: node.path }));
        const after = await timed(Number(args.runs), () => api.readTotals(ds.manager, node.id, year, format, null));
        const a = await api.readTotals(ds.manager, node.id, year, format, null);
        const b = await api.publishedTotals(ds.manager, year, format, { regionPath: node.path });
        if (JSON.stringify(a.cells) !== JSON.stringify(b.cells)) throw new Error(`${label}: maintained totals differ from the sum`);
        lines.push(`| ${dialect} | ${label} (${a.reportCount} reports) | ${ms(before.p50)} / ${ms(before.p95)} | ${ms(after.p50)} / ${ms(after.p95)} | ${(before.p50 / after.p50).toFixed(0)}× |`);
      }
      if (dialect === 'sqlite' && args['rowid-totals'] === 'true') {
        // the layout before RegionTotalClustered (a rowid table and its primary-key index), to compare
        const { RegionTotalClustered1796351870146: Clustered } = require(path.join(ROOT, 'apps/api/dist/migrations/sqlite/1796351870146-RegionTotalClustered.js'));
        const runner = ds.createQueryRunner();
        await new Clustered().down(runner);
        await runner.release();
        process.stdout.write('sqlite: region_total as a rowid table (before RegionTotalClustered)\n');
      }
      // publication: a correction of an already published report, with the totals maintenance (as
      // the product does it) against the plain inserts it did before
      const corrections = data.sample;
      let k = 0;
      const readTimes = [];
      const upsertTimes = [];
      const publish = async (maintain) => {
        const { report, revision } = corrections[k++ % corrections.length];
        // a correction changes a few figures, as real ones do
        const content = { ...revision.content, cells: { ...revision.content.cells } };
        for (const key of ['t3.new.natural', 't3.results.granted', 't4.reconsideration.upheld']) if (key in content.cells) content.cells[key] = (content.cells[key] ?? 0) + (k % 5) + 1;
        const next = { ...revision, id: randomUUID(), revisionNo: revision.revisionNo + k, content, isCurrent: true };
        const t = process.hrtime.bigint();
        await ds.transaction(async (m) => {
          if (maintain) {
            // what insertCurrentRevision does, with the totals' two statements timed
            const t0 = process.hrtime.bigint();
            const place = await totalsRepository.publicationPlace(m, next.agencyId, next.reportId);
            readTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);
            await m.update(api.ReportRevision, { reportId: next.reportId, isCurrent: true }, { isCurrent: false });
            await m.insert(api.ReportRevision, next);
            await api.insertRows(m, api.PublishedCell, domain.getFormat(next.format).cells.map((d) => ({ revisionId: next.id, key: d.key, agencyId: next.agencyId, year: next.year, format: next.format, value: next.content.cells[d.key] ?? null })));
            const t1 = process.hrtime.bigint();
            await totalsRepository.addToTotals(m, totalsRepository.publicationDeltas(place, next));
            upsertTimes.push(Number(process.hrtime.bigint() - t1) / 1e6);
            return;
          }
          await m.update(api.ReportRevision, { reportId: report.id, isCurrent: true }, { isCurrent: false });
          await m.insert(api.ReportRevision, next);
          await api.insertRows(m, api.PublishedCell, domain.getFormat(next.format).cells.map((d) => ({ revisionId: next.id, key: d.key, agencyId: next.agencyId, year: next.year, format: next.format, value: next.content.cells[d.key] ?? null })));
        });
        return Number(process.hrtime.bigint() - t) / 1e6;
      };
      // alternately, so both see the same load on a shared machine, and each first every other time:
      // on SQLite a commit that crosses the WAL checkpoint threshold pays for the checkpoint, and a
      // fixed order let that fall on one of the two more often
      const plainTimes = [];
      const maintainedTimes = [];
      const pairDifferences = [];
      for (let i = 0; i < Number(args.runs); i++) {
        const pair = {};
        for (const maintain of i % 2 ? [true, false] : [false, true]) {
          const time = await publish(maintain);
          (maintain ? maintainedTimes : plainTimes).push(time);
          pair[maintain] = time;
        }
        pairDifferences.push(pair[true] - pair[false]);
      }
      const plain = { p50: pct(plainTimes, 50), p95: pct(plainTimes, 95) };
      const maintained = { p50: pct(maintainedTimes, 50), p95: pct(maintainedTimes, 95) };
      const signed = (n) => `${n < 0 ? '−' : '+'}${Math.abs(n).toFixed(0)} %`;
      lines.push(`| ${dialect} | publication of a correction: revision + cells → + totals (4 regions: deployment, province, city, county) | ${ms(plain.p50)} / ${ms(plain.p95)} | ${ms(maintained.p50)} / ${ms(maintained.p95)} | ${signed(((maintained.p50 - plain.p50) / plain.p50) * 100)} |`);
      // on a shared machine the two p50s drift with the load; the median of the differences within each
      // back-to-back pair, and the two statements timed on their own, say what the totals cost
      const medianDifference = pct(pairDifferences, 50);
      notes.push(
        `${dialect}: median paired difference ${ms(medianDifference)} (${signed((medianDifference / plain.p50) * 100)} of the plain p50); ` +
          `the totals' statements inside the transaction: read ${ms(pct(readTimes, 50))} / ${ms(pct(readTimes, 95))}, upsert ${ms(pct(upsertTimes, 50))} / ${ms(pct(upsertTimes, 95))} (p50 / p95), ` +
          `together ${signed(((pct(readTimes, 50) + pct(upsertTimes, 50)) / plain.p50) * 100)} of the plain p50`,
      );
      await api.rebuildAllTotals(ds, 'bench');
    } finally {
      await drop();
    }
  }
  const table = ['| dialect | level | before: sum of published cells p50 / p95 | now: maintained totals p50 / p95 | ratio |', '|---|---|---|---|---|', ...lines].join('\n');
  process.stdout.write(`\n${table}\n\n${notes.map((n) => `- ${n}`).join('\n')}\n`);
  return table;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  regionsBench(process.argv.slice(2)).then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
