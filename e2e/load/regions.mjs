// npm run bench -- --regions province [--cities 4 --counties 4 --agencies 20 --years 3 --runs 40 --dialect both --rowid-totals false]
//   [--db touming_bench_regions --keep false --reuse false --before-runs <runs> --verify true --publish true]
//   [--api false --duration 5 --warmup 2 --connections 10 --port 4230 --api-small true]
// A province-shaped dataset (province → cities → counties, agencies in every county and at every
// level) written through the API's own storage functions on SQLite and/or MariaDB, then for the
// province, one city and one county: public statistics / compilation totals read the way they were
// before (summing every current published cell: publishedTotals) and the way they are now (the
// totals kept at publication: readTotals) — p50/p95 over --runs calls each, and the rows read. Then
// publications with the totals maintenance against the same inserts without it. Prints a table.
// --keep true leaves the dataset (MariaDB database --db, or the SQLite file) for --reuse true to
// start from; --before-runs 0 skips the slow sum (minutes per call at 10,000 agencies); --api true
// (MariaDB) times the built product over HTTP (./regions-api.mjs), first on a small province
// (--api-small) so that the statement counts of the two datasets can be compared.
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { BENCH_PASSWORD, ROOT, MYSQL_BASE, parseArgs } from './generate.mjs';
import { apiStage, apiTable } from './regions-api.mjs';

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
const loadAverage = () => os.loadavg().map((l) => l.toFixed(1)).join(' / ');

async function timed(runs, fn) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { p50: pct(times, 50), p95: pct(times, 95) };
}

/** a fresh database (or the kept one, `reuse`), migrated; `drop` removes it unless `keep` */
async function openDialect(dialect, db, { reuse = false, keep = false } = {}) {
  if (dialect === 'sqlite') {
    const file = path.join(os.tmpdir(), `${db}.sqlite`);
    if (!reuse) fs.rmSync(file, { force: true });
    const config = api.parseDatabaseUrl(`sqlite://${file}`);
    const ds = await api.openDataSource(config);
    await api.runMigrations(ds);
    return { ds, url: `sqlite://${file}`, drop: async () => (await ds.destroy(), keep || fs.rmSync(file, { force: true })) };
  }
  const mysql = require('mysql2/promise');
  const admin = await mysql.createConnection(`${MYSQL_BASE}/`);
  if (!reuse) {
    await admin.query(`DROP DATABASE IF EXISTS \`${db}\``);
    await admin.query(`CREATE DATABASE \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  }
  const ds = await api.openDataSource(api.parseDatabaseUrl(`${MYSQL_BASE}/${db}`));
  await api.runMigrations(ds);
  return { ds, url: `${MYSQL_BASE}/${db}`, drop: async () => (await ds.destroy(), keep || (await admin.query(`DROP DATABASE IF EXISTS \`${db}\``)), await admin.end()) };
}

/**
 * a supervising office (政务公开办: a COUNTY_OFFICE agency placed in the region, its COUNTY_ADMIN
 * user) in every region, stored as the product stores them (agency.regionId; user.roles a
 * comma-separated list); the API stage signs tokens for them
 */
async function insertOffices(ds, regions, now) {
  const argon2 = require('@node-rs/argon2');
  const passwordHash = await argon2.hash(BENCH_PASSWORD);
  const offices = regions.map((g) => ({ id: randomUUID(), code: `O${g.code}`, name: `${g.name}政务公开办`, kind: 'COUNTY_OFFICE', parentId: null, region: g.name, regionId: g.id, active: true, createdAt: now, updatedAt: now }));
  await api.insertRows(ds.manager, api.Agency, offices);
  const users = offices.map((o, i) => ({ id: randomUUID(), username: `office${regions[i].code}`, displayName: `${o.name}管理员`, email: null, passwordHash, agencyId: o.id, roles: ['COUNTY_ADMIN'], active: true, tokenVersion: 0, mustChangePassword: false, adminGrantAt: null, adminGrantKind: null, createdAt: now, updatedAt: now }));
  await api.insertRows(ds.manager, api.User, users);
}

/** the office user of a region (insertOffices) */
async function officeUser(ds, regionId) {
  const rows = await ds.manager.query("SELECT u.id AS id FROM `user` u JOIN agency a ON a.id = u.agencyId WHERE a.regionId = ? AND a.kind = 'COUNTY_OFFICE' ORDER BY u.username LIMIT 1", [regionId]);
  if (!rows.length) throw new Error(`no office user in region ${regionId}`);
  return rows[0].id;
}

/** a kept dataset (--reuse true) described as generateProvince describes the one it writes */
async function loadProvince(ds) {
  const m = ds.manager;
  const regions = await m.find(api.Region, { order: { code: 'ASC' } });
  const province = regions.find((g) => g.level === 'PROVINCE');
  const city = regions.find((g) => g.level === 'CITY');
  const county = regions.find((g) => g.level === 'COUNTY' && g.parentId === city?.id);
  if (!province || !city || !county) throw new Error('--reuse: the database holds no province dataset');
  const count = async (sql) => Number((await m.query(sql))[0].n);
  const years = (await m.query('SELECT DISTINCT year FROM report_revision ORDER BY year')).map((r) => Number(r.year));
  const sampleRows = await m
    .createQueryBuilder(api.ReportRevision, 'r')
    .innerJoin(api.Agency, 'a', 'a.id = r.agencyId')
    .where('r.isCurrent = :current', { current: true })
    .andWhere('a.regionId = :county', { county: county.id })
    .orderBy('a.code')
    .addOrderBy('r.year')
    .limit(60)
    .getMany();
  return {
    province,
    city,
    county,
    agencies: await count("SELECT COUNT(*) AS n FROM agency WHERE kind <> 'COUNTY_OFFICE'"),
    revisions: await count('SELECT COUNT(*) AS n FROM report_revision WHERE isCurrent = 1'),
    cells: await count('SELECT COUNT(*) AS n FROM published_cell c JOIN report_revision r ON r.id = c.revisionId AND r.isCurrent = 1'),
    years,
    sample: sampleRows.map((revision) => ({ report: { id: revision.reportId }, revision })),
  };
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
  await insertOffices(ds, regions, now);
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

/** the API stage's levels: the province, one city, one county, each with its office's user */
async function apiLevels(ds, data) {
  return Promise.all([['province', data.province], ['city', data.city], ['county', data.county]].map(async ([label, region]) => ({ label, region, userId: await officeUser(ds, region.id) })));
}

const apiOptions = (args) => ({ port: Number(args.port), duration: Number(args.duration), warmup: Number(args.warmup), connections: Number(args.connections) });

/** the API stage on a small province (2 cities × 2 counties × 5 agencies): the statement counts to compare with */
async function smallApiStage(args) {
  const { ds, url, drop } = await openDialect('mysql', `${args.db}_small`);
  try {
    const data = await generateProvince(ds, { cities: 2, counties: 2, agencies: 5, years: Number(args.years) });
    process.stdout.write(`mysql (small, API stage only): ${data.agencies} agencies × ${data.years.length} years, ${data.cells} published cells\n`);
    return await apiStage({ url, levels: await apiLevels(ds, data), year: data.years.at(-1), ...apiOptions(args) });
  } finally {
    await drop();
  }
}

export async function regionsBench(argv) {
  const args = parseArgs(argv, {
    cities: 4,
    counties: 4,
    agencies: 20,
    years: 3,
    runs: 40,
    'before-runs': -1,
    dialect: 'both',
    db: 'touming_bench_regions',
    'rowid-totals': 'false',
    keep: 'false',
    reuse: 'false',
    verify: 'true',
    publish: 'true',
    api: 'false',
    'api-small': 'true',
    duration: 5,
    warmup: 2,
    connections: 10,
    port: 4230,
  });
  const dialects = args.dialect === 'both' ? ['sqlite', 'mysql'] : [args.dialect];
  const beforeRuns = args['before-runs'] < 0 ? Number(args.runs) : Number(args['before-runs']);
  const lines = [];
  const notes = [];
  const tables = [];
  const withApi = args.api === 'true' && dialects.includes('mysql');
  const small = withApi && args['api-small'] === 'true' ? await smallApiStage(args) : null;
  if (small) tables.push(apiTable('API, small province', small));
  for (const dialect of dialects) {
    const { ds, url, drop } = await openDialect(dialect, args.db, { reuse: args.reuse === 'true', keep: args.keep === 'true' });
    try {
      const started = Date.now();
      const data = args.reuse === 'true' ? await loadProvince(ds) : await generateProvince(ds, { cities: Number(args.cities), counties: Number(args.counties), agencies: Number(args.agencies), years: Number(args.years) });
      const year = data.years.at(-1);
      const format = domain.formatForYear(year).id;
      const how = args.reuse === 'true' ? `reused ${args.db}` : 'generated';
      process.stdout.write(`${dialect}: ${data.agencies} agencies × ${data.years.length} years, ${data.revisions} published revisions, ${data.cells} published cells (${how} in ${((Date.now() - started) / 1000).toFixed(0)} s; load average ${loadAverage()})\n`);
      if (args.verify === 'true') {
        const t = Date.now();
        const verify = await api.verifyTotals(ds);
        if (verify.differences.length) throw new Error(`maintained totals differ from a fresh sum in ${verify.differences.length} rows`);
        process.stdout.write(`${dialect}: maintained totals equal a fresh sum (verified in ${((Date.now() - t) / 1000).toFixed(0)} s)\n`);
      }
      for (const [label, node] of [['province', data.province], ['city', data.city], ['county', data.county]]) {
        const after = await timed(Number(args.runs), () => api.readTotals(ds.manager, node.id, year, format, null));
        const a = await api.readTotals(ds.manager, node.id, year, format, null);
        // the sum over every published cell of the subtree: minutes at 10,000 agencies (--before-runs 0 skips it)
        let before = null;
        if (beforeRuns > 0) {
          before = await timed(beforeRuns, () => api.publishedTotals(ds.manager, year, format, { regionPath: node.path }));
          const b = await api.publishedTotals(ds.manager, year, format, { regionPath: node.path });
          if (JSON.stringify(a.cells) !== JSON.stringify(b.cells)) throw new Error(`${label}: maintained totals differ from the sum`);
        }
        const beforeText = before ? `${ms(before.p50)} / ${ms(before.p95)} (${beforeRuns} runs)` : 'not measured';
        lines.push(`| ${dialect} | ${label} (${a.reportCount} reports) | ${beforeText} | ${ms(after.p50)} / ${ms(after.p95)} | ${before ? `${(before.p50 / after.p50).toFixed(0)}×` : '—'} |`);
        process.stdout.write(`${lines.at(-1)}\n`);
      }
      if (dialect === 'mysql' && withApi) {
        const rows = await apiStage({ url, levels: await apiLevels(ds, data), year, ...apiOptions(args) });
        tables.push(apiTable(`API, ${data.agencies} agencies`, rows, small));
      }
      if (dialect === 'sqlite' && args['rowid-totals'] === 'true') {
        // the layout before RegionTotalClustered (a rowid table and its primary-key index), to compare
        const { RegionTotalClustered1796351870146: Clustered } = require(path.join(ROOT, 'apps/api/dist/migrations/sqlite/1796351870146-RegionTotalClustered.js'));
        const runner = ds.createQueryRunner();
        await new Clustered().down(runner);
        await runner.release();
        process.stdout.write('sqlite: region_total as a rowid table (before RegionTotalClustered)\n');
      }
      if (args.publish !== 'true') continue;
      // publication: a correction of an already published report, with the totals maintenance (as
      // the product does it) against the plain inserts it did before
      const corrections = data.sample;
      let k = 0;
      const readTimes = [];
      const upsertTimes = [];
      const publish = async (maintain) => {
        const { report, revision } = corrections[k++ % corrections.length];
        // a correction changes a few figures, as real ones do — each time to other values than the
        // report's current ones (k is new every time), so that every correction has differences to add
        const content = { ...revision.content, cells: { ...revision.content.cells } };
        for (const key of ['t3.new.natural', 't3.results.granted', 't4.reconsideration.upheld']) if (key in content.cells) content.cells[key] = (content.cells[key] ?? 0) + k;
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
          `together ${signed(((pct(readTimes, 50) + pct(upsertTimes, 50)) / plain.p50) * 100)} of the plain p50; ${Number(args.runs)} pairs, load average ${loadAverage()}`,
      );
      await api.rebuildAllTotals(ds, 'bench');
    } finally {
      await drop();
    }
  }
  const table = ['| dialect | level | before: sum of published cells p50 / p95 | now: maintained totals p50 / p95 | ratio |', '|---|---|---|---|---|', ...lines].join('\n');
  process.stdout.write(`\n${table}\n\n${notes.map((n) => `- ${n}`).join('\n')}\n${tables.map((t) => `\n${t}\n`).join('')}\nload average at the end: ${loadAverage()} (1/5/15 min)\n`);
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
