// The regions bench's API stage (--api true, MariaDB): the built product (apps/api/dist/main.js)
// started on the province dataset as bench.mjs starts it, then driven over HTTP with autocannon for
// the province, one city and one county: the anonymous publicStatistics of the region, and the
// supervising office's compilation as the console asks for it (the 汇总 screen's CountySummary — the
// agencies listed up to 300 of them, else counted by child region —, the same with every agency
// listed as the screen asked before (summaryLists), and the dashboard's CountySummaryCells, all for
// the office's own region), each signed as that
// level's office (a JWT as bench.mjs signs it). Statements per request are counted inside the server
// (count-queries.cjs), so a run on a small and a large dataset shows whether they grow.
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { TABLES } from './queries.mjs';
import { sentStatements, startServer, stopServer } from './server.mjs';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const jwt = require('jsonwebtoken');

const RULE = 'ruleId id severity status cells expected actual message explanation';
const AGENCY_STATUS = 'agencyId agencyName kind reportStatus revisionId publishedAt note comparedWithPreviousYear';

/** the documents, as the public pages and the console (apps/admin/src/county, dashboard) send them */
export const REGION_QUERIES = {
  statistics: `query RegionStatistics($year: Int!, $region: String) { publicStatistics(year: $year, region: $region) { year format regionCode regionName reportCount cells { key label value } tables { ${TABLES} } } }`,
  summary: `query CountySummary($year: Int!, $scope: CountyScope) { countySummary(year: $year, scope: $scope, listAgenciesUpTo: 300) { year format scope extent regionId regionName regionLevel reportCount previousYearComparable comparison { agencyCount reportCount previousYearReportCount description } cells { key label value comparableValue previousValue change blanks } agenciesListed agencyCounts { agencies included notPublished missing } regions { regionId regionCode regionName regionLevel ownLevel counts { agencies included notPublished missing } } included { ${AGENCY_STATUS} } missing { ${AGENCY_STATUS} } notPublished { ${AGENCY_STATUS} } validation { errors { ${RULE} } warnings { ${RULE} } notAssessable { ${RULE} } } } }`,
  // the 汇总 screen's document before the lists were limited: every agency of the scope listed
  summaryLists: `query CountySummaryLists($year: Int!, $scope: CountyScope) { countySummary(year: $year, scope: $scope) { year format scope extent regionId regionName regionLevel reportCount previousYearComparable comparison { agencyCount reportCount previousYearReportCount description } cells { key label value comparableValue previousValue change blanks } included { ${AGENCY_STATUS} } missing { ${AGENCY_STATUS} } notPublished { ${AGENCY_STATUS} } validation { errors { ${RULE} } warnings { ${RULE} } notAssessable { ${RULE} } } } }`,
  summaryCells: `query CountySummaryCells($year: Int!) { countySummary(year: $year) { year format reportCount cells { key label value } } }`,
};

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);

/** one document with fixed variables, `connections` at a time for `duration` s; latencies measured per request */
function drive(port, body, authorization, { duration, connections }) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    let errors = 0;
    const started = performance.now();
    autocannon(
      {
        url: `http://127.0.0.1:${port}/graphql`,
        method: 'POST',
        connections,
        duration,
        timeout: 60,
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body,
        requests: [
          {
            setupRequest: (req, context) => ((context.t0 = performance.now()), req),
            onResponse: (status, text, context) => {
              latencies.push(performance.now() - context.t0);
              if (status !== 200 || text.startsWith('{"errors"')) errors++;
            },
          },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        const sorted = latencies.sort((a, b) => a - b);
        resolve({ rps: sorted.length / ((performance.now() - started) / 1000), p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), total: sorted.length, errors: errors + result.errors + result.timeouts });
      },
    );
  });
}

/** one request after another for `seconds` and at least `atLeast` answers (slow ones: a province's 4-s compilation) */
async function sequential(port, body, authorization, seconds, atLeast) {
  const latencies = [];
  let errors = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000 || latencies.length < atLeast) {
    const t0 = performance.now();
    const { json } = await post(port, body, authorization);
    latencies.push(performance.now() - t0);
    if (json.errors) errors++;
  }
  const sorted = latencies.sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), total: sorted.length, errors };
}

async function post(port, body, authorization) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body });
  const text = await res.text();
  return { json: JSON.parse(text), bytes: Buffer.byteLength(text) };
}

/**
 * levels: [{ label, region: { id, code }, userId }]; returns one row per level and query:
 * { level, query, reportCount, bytes, stmts, rps, p50, p95, p99, total, errors }
 */
export async function apiStage({ url, levels, year, port, duration, warmup, connections, log = (s) => process.stdout.write(s) }) {
  const secret = randomBytes(32).toString('base64url');
  const token = (userId) => `Bearer ${jwt.sign({ sub: userId, tv: 0 }, secret, { algorithm: 'HS256', expiresIn: '8h', issuer: 'touming' })}`;
  // anonymous callers share one address here: the public rate limit (120 a minute) would refuse the
  // run; its per-request upsert and read stay, and are counted
  const server = await startServer('product', ['apps/api/dist/main.js'], port, url, secret, { PUBLIC_RATE_LIMIT: '100000000' });
  const rows = [];
  try {
    for (const level of levels) {
      const requests = [
        ['statistics', { year, region: level.region.code }, null],
        ['summary', { year, scope: { kind: 'ALL', regionId: null, extent: 'SUBTREE' } }, token(level.userId)],
        ['summaryLists', { year, scope: { kind: 'ALL', regionId: null, extent: 'SUBTREE' } }, token(level.userId)],
        ['summaryCells', { year }, token(level.userId)],
      ];
      for (const [query, variables, authorization] of requests) {
        const body = JSON.stringify({ query: REGION_QUERIES[query], variables });
        const first = await post(port, body, authorization);
        if (first.json.errors) throw new Error(`${level.label} ${query}: ${first.json.errors[0].message}`);
        const answer = first.json.data.publicStatistics ?? first.json.data.countySummary;
        // statements per request: 5 sequential requests between two readings of the server's counter;
        // the least of 3 such batches, since the server's own background jobs (reminders, sweeps) only add
        let stmts = Infinity;
        for (let batch = 0; batch < 3; batch++) {
          const before = await sentStatements(server);
          for (let i = 0; i < 5; i++) await post(port, body, authorization);
          stmts = Math.min(stmts, ((await sentStatements(server)) - before) / 5);
        }
        // one caller at a time: how long an answer takes; then `connections` at once: the throughput
        await sequential(port, body, authorization, warmup, 3);
        const single = await sequential(port, body, authorization, duration, 10);
        await drive(port, body, authorization, { duration: warmup, connections });
        const r = await drive(port, body, authorization, { duration, connections });
        // autocannon leaves the requests still in flight queued in the server: one more answer waits for them
        await post(port, body, authorization);
        const row = { level: level.label, query, connections, reportCount: answer.reportCount, bytes: first.bytes, stmts, single, ...r, errors: r.errors + single.errors, load: os.loadavg()[0] };
        rows.push(row);
        log(
          `  api ${level.label.padEnd(8)} ${query.padEnd(12)} 1 conn: p50 ${single.p50.toFixed(1)} p95 ${single.p95.toFixed(1)} ms; ${connections} conn: ${r.rps.toFixed(1).padStart(7)} req/s  p50 ${r.p50.toFixed(1)} p95 ${r.p95.toFixed(1)} p99 ${r.p99.toFixed(1)} ms  ` +
            `${stmts} stmt/req  ${answer.reportCount} reports  ${(first.bytes / 1024).toFixed(0)} KiB  ${row.errors} err  load ${row.load.toFixed(1)}\n`,
        );
      }
    }
  } finally {
    await stopServer(server);
  }
  return rows;
}

/** the rows as a markdown table (statements beside those of another dataset when given) */
export function apiTable(title, rows, smaller = null) {
  const other = (r) => smaller?.find((s) => s.level === r.level && s.query === r.query);
  const head = `| ${title}: level | query | reports | response | 1 connection: p50 / p95 ms | ${rows[0]?.connections ?? 10} connections: req/s | p50 / p95 / p99 ms | stmt/req${smaller ? ' (small dataset)' : ''} | errors |`;
  return [
    head,
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.level} | ${r.query} | ${r.reportCount} | ${(r.bytes / 1024).toFixed(0)} KiB | ${r.single.p50.toFixed(1)} / ${r.single.p95.toFixed(1)} | ${r.rps.toFixed(1)} | ${r.p50.toFixed(1)} / ${r.p95.toFixed(1)} / ${r.p99.toFixed(1)} | ${r.stmts}${other(r) ? ` (${other(r).stmts})` : ''} | ${r.errors} |`,
    ),
  ].join('\n');
}
