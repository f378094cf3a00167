// npm run bench [-- --agencies 2000 --years 7 --duration 10 --connections 10 --reuse]
// npm run bench -- --regions province [--cities 4 --counties 4 --agencies 20 --years 3] (./regions.mjs)
// Generates the dataset, starts the product (built: apps/api/dist) and the baseline on loopback, checks
// that both answer the six documents alike, then drives each operation with autocannon, the two servers
// alternately, and writes docs/performance.md.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import mysql from 'mysql2/promise';
import { generate, parseArgs, ROOT, MYSQL_BASE } from './generate.mjs';
import { QUERIES } from './queries.mjs';
import { bundleSizes, consoleSummary, dashboardTti } from './console.mjs';

// --regions province: the province-shaped dataset and the totals kept at publication (./regions.mjs)
if (process.argv.includes('--regions')) {
  const { regionsBench } = await import('./regions.mjs');
  await regionsBench(process.argv.slice(2));
  process.exit(0);
}

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const jwt = require('jsonwebtoken');

const args = parseArgs(process.argv.slice(2), { agencies: 2000, years: 7, duration: 10, connections: 10, db: 'touming_bench', reuse: 'false', keep: 'false', out: 'docs/performance.md', console: 'true' });
const SECRET = 'bench-secret-' + 'x'.repeat(40);
const YEAR = 2025;
const token = (userId) => jwt.sign({ sub: userId, tv: 0 }, SECRET, { algorithm: 'HS256', expiresIn: '8h', issuer: 'touming' });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const children = new Set();
process.on('exit', () => children.forEach((c) => c.exitCode === null && c.kill('SIGTERM')));

async function startServer(name, cmd, port, url) {
  const env = { ...process.env, DATABASE_URL: url, NODE_ENV: 'production', JWT_SECRET: SECRET, PORT: String(port), LOG_LEVEL: 'warn', MIGRATE_ON_START: 'false' };
  const child = spawn(process.execPath, ['-r', path.join(ROOT, 'e2e/load/count-queries.cjs'), ...cmd], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  children.add(child);
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{__typename}"}' });
      if (res.status < 500) return { name, child, port, pid: child.pid };
    } catch {}
    await sleep(200);
  }
  throw new Error(`${name} did not start`);
}
const peakRss = (pid) => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
const stop = (s) => new Promise((r) => (s.child.exitCode !== null ? r() : (s.child.once('exit', r), s.child.kill('SIGTERM'))));

async function gql(port, auth, name, variables) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${auth}` }, body: JSON.stringify({ query: QUERIES[name], variables }) });
  return res.json();
}

const canonical = (v) => (Array.isArray(v) ? v.map(canonical) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical(v[k])])) : v);

// ---- fixtures: who does what on which report (a rotating list per operation) -----------------------

async function fixtures(conn) {
  const [[admin]] = await conn.query("SELECT id FROM `user` WHERE username = 'county'");
  const [reports] = await conn.query('SELECT id FROM report WHERE year = ? ORDER BY id LIMIT 500', [YEAR]);
  const [drafts] = await conn.query("SELECT r.id, r.revision, u.id AS userId FROM report r JOIN `user` u ON u.agencyId = r.agencyId AND u.roles = 'AGENCY_PREPARER' WHERE r.year = ? AND r.status = 'DRAFT' ORDER BY r.id", [YEAR]);
  const [submitted] = await conn.query("SELECT r.id, r.contentHash AS hash, u.id AS userId FROM report r JOIN `user` u ON u.agencyId = r.agencyId AND u.roles = 'AGENCY_REVIEWER' WHERE r.status = 'SUBMITTED' ORDER BY r.year DESC, r.id", []);
  const [[{ n }]] = await conn.query('SELECT COUNT(*) AS n FROM report WHERE year = ?', [YEAR]);
  const [[cell]] = await conn.query("SELECT `key` FROM report_cell WHERE reportId = ? AND `key` LIKE 't3.new.natural'", [drafts[0].id]);
  return { adminToken: token(admin.id), reports: reports.map((r) => r.id), drafts: drafts.map((d) => ({ ...d, token: token(d.userId) })), submitted: submitted.map((s) => ({ ...s, token: token(s.userId) })), pages: Math.max(1, Math.floor(Number(n) / 50)), cellKey: cell?.key ?? 't3.new.natural' };
}

/** request generators per operation: [body, token] for the i-th request (writes consume fixtures) */
function operations(fx) {
  let flip = 0;
  return {
    report: { kind: 'read', next: (i) => [{ id: fx.reports[i % fx.reports.length] }, fx.adminToken] },
    reports: { kind: 'read', next: (i) => [{ year: YEAR, skip: (i % fx.pages) * 50 }, fx.adminToken] },
    dashboard: { kind: 'read', next: () => [{ year: YEAR }, fx.adminToken] },
    statistics: { kind: 'read', next: () => [{ year: YEAR - 2 }, fx.adminToken] },
    update: {
      kind: 'write',
      next: (i) => {
        // a draft with a save in flight is skipped: its next expected revision is not known yet
        let d = fx.drafts[i % fx.drafts.length];
        for (let k = 1; d.busy && k < fx.drafts.length; k++) d = fx.drafts[(i + k) % fx.drafts.length];
        d.busy = true;
        return [{ id: d.id, rev: d.revision, cells: [{ key: fx.cellKey, value: 100 + (flip++ % 7) }] }, d.token];
      },
      onData: (vars, data) => {
        const d = fx.drafts.find((x) => x.id === vars.id);
        d.busy = false;
        if (data?.updateReport) d.revision = data.updateReport.revision;
      },
    },
    signoff: {
      kind: 'write',
      remaining: () => fx.submitted.length,
      next: () => {
        const s = fx.submitted.shift();
        return s ? [{ id: s.id, hash: s.hash }, s.token] : null;
      },
    },
  };
}

// ---- measuring -----------------------------------------------------------------------------------

/** the statements a server has sent so far (count-queries.cjs, preloaded into both servers) */
async function sentStatements(server) {
  const file = `/tmp/touming-bench-queries-${server.pid}`;
  fs.rmSync(file, { force: true });
  process.kill(server.pid, 'SIGUSR2');
  for (let i = 0; i < 50 && !fs.existsSync(file); i++) await sleep(10);
  await sleep(10);
  return Number(fs.readFileSync(file, 'utf8'));
}

/** statements per request: sequential requests between two readings of the server's own counter */
async function statementsPerRequest(server, op, name, n = 5) {
  const calls = [];
  for (let i = 0; i < n; i++) calls.push(op.next(i));
  if (calls.some((c) => !c)) return NaN;
  const before = await sentStatements(server);
  for (const [vars, auth] of calls) {
    const body = await gql(server.port, auth, name, vars);
    if (body.errors) throw new Error(`${server.name} ${name}: ${body.errors[0].message}`);
    op.onData?.(vars, body.data);
  }
  return ((await sentStatements(server)) - before) / n;
}

const percentile = (sorted, p) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 10) / 10 : NaN);

function drive(server, name, op, { duration, connections, amount, overallRate }) {
  return new Promise((resolve, reject) => {
    let i = 0;
    let gqlErrors = 0;
    const latencies = [];
    const startedAt = performance.now();
    const inst = autocannon(
      {
        url: `http://127.0.0.1:${server.port}/graphql`,
        method: 'POST',
        connections,
        timeout: 60,
        ...(amount ? { amount } : { duration }),
        ...(overallRate ? { overallRate } : {}),
        headers: { 'content-type': 'application/json' },
        requests: [
          {
            setupRequest: (req, context) => {
              const next = op.next(i++);
              if (!next) return null;
              context.vars = next[0];
              context.t0 = performance.now();
              return { ...req, headers: { ...req.headers, authorization: `Bearer ${next[1]}` }, body: JSON.stringify({ query: QUERIES[name], variables: next[0] }) };
            },
            onResponse: (status, body, context) => {
              latencies.push(performance.now() - context.t0);
              // a GraphQL error response starts with its errors (Apollo and the baseline alike)
              if (status !== 200 || body.startsWith('{"errors"')) gqlErrors++;
              if (op.onData) {
                try {
                  op.onData(context.vars, JSON.parse(body).data);
                } catch {}
              }
            },
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve({ ...result, gqlErrors, elapsed: (performance.now() - startedAt) / 1000, latencies: latencies.sort((a, b) => a - b) })),
    );
    void inst;
  });
}

const summary = (r) => ({ rps: r.latencies.length / r.elapsed, p50: percentile(r.latencies, 50), p95: percentile(r.latencies, 95), p99: percentile(r.latencies, 99), total: r.latencies.length, errors: r.errors + r.non2xx + r.gqlErrors });

// ---- main ----------------------------------------------------------------------------------------

async function main() {
  const started = new Date();
  let dataset;
  const url = `${MYSQL_BASE}/${args.db}`;
  if (args.reuse === 'true') dataset = { seconds: 0, agencies: args.agencies, counts: {} };
  else dataset = await generate({ db: args.db, agencies: args.agencies, years: args.years });
  const conn = await mysql.createConnection({ uri: url, timezone: 'Z' });
  const fx = await fixtures(conn);
  const half = Math.floor(fx.submitted.length / 2);
  const fxOurs = { ...fx, submitted: fx.submitted.slice(0, half), drafts: fx.drafts.filter((_, i) => i % 2 === 0) };
  const fxBase = { ...fx, submitted: fx.submitted.slice(half), drafts: fx.drafts.filter((_, i) => i % 2 === 1) };

  const ours = await startServer('product', ['apps/api/dist/main.js'], 4210, url);
  const base = await startServer('baseline', ['e2e/load/baseline.mjs'], 4110, url);
  const opsOf = { product: operations(fxOurs), baseline: operations(fxBase) };
  const names = Object.keys(QUERIES);

  // check step: same JSON for the reads; same shape and outcome for the writes
  console.log('\n  check: product and baseline answer alike');
  for (const name of names) {
    const [a, b] = [ours, base].map(async (s) => {
      const op = opsOf[s.name][name];
      const [vars, auth] = op.kind === 'read' ? op.next(0) : op.next(0);
      const body = await gql(s.port, auth, name, vars);
      op.onData?.(vars, body.data);
      return body;
    });
    const [ra, rb] = [await a, await b];
    const same = op0Read(name) ? JSON.stringify(ra) === JSON.stringify(rb) : JSON.stringify(Object.keys(canonical(ra.data ?? {}))) === JSON.stringify(Object.keys(canonical(rb.data ?? {}))) && !ra.errors && !rb.errors;
    console.log(`    ${name.padEnd(11)} ${same ? 'identical' : 'DIFFERENT'}${ra.errors ? ' product error: ' + ra.errors[0].message : ''}${rb.errors ? ' baseline error: ' + rb.errors[0].message : ''}`);
    if (!same && op0Read(name)) fs.writeFileSync(`/tmp/bench-diff-${name}.json`, JSON.stringify({ product: canonical(ra), baseline: canonical(rb) }, null, 1));
  }

  const results = {};
  for (const name of names) {
    results[name] = {};
    for (const s of [ours, base]) {
      const op = opsOf[s.name][name];
      const stmts = await statementsPerRequest(s, op, name);
      const amount = name === 'signoff' ? Math.max(1, Math.min(1000, op.remaining() - 5)) : undefined;
      // the year's published aggregate takes seconds at province scale: fewer connections, so that
      // requests complete within the run instead of queueing behind each other in MariaDB
      const connections = name === 'statistics' ? Math.min(2, args.connections) : args.connections;
      const r = summary(await drive(s, name, op, { duration: args.duration, connections, amount }));
      results[name][s.name] = { ...r, stmts };
      console.log(`  ${name.padEnd(11)} ${s.name.padEnd(9)} ${r.rps.toFixed(1).padStart(8)} req/s  p50 ${r.p50} p95 ${r.p95} p99 ${r.p99} ms  ${stmts.toFixed(1)} stmt/req  ${r.total} req ${r.errors} err`);
    }
  }
  // p95 at half the baseline's peak, reads
  for (const name of names.filter((n) => opsOf.product[n].kind === 'read')) {
    const rate = Math.max(1, Math.floor(results[name].baseline.rps / 2));
    if (!results[name].baseline.total) continue;
    for (const s of [ours, base]) {
      const connections = name === 'statistics' ? Math.min(2, args.connections) : args.connections;
      const r = summary(await drive(s, name, opsOf[s.name][name], { duration: Math.min(args.duration, 8), connections, overallRate: rate }));
      results[name][s.name].halfP95 = r.p95;
      results[name][s.name].halfRate = rate;
    }
  }
  const rss = { product: peakRss(ours.pid), baseline: peakRss(base.pid) };
  await stop(ours);
  await stop(base);

  // the dashboard's statement count at 20 agencies
  await generate({ db: `${args.db}_20`, agencies: 20, years: 2, quiet: true });
  const url20 = `${MYSQL_BASE}/${args.db}_20`;
  const conn20 = await mysql.createConnection({ uri: url20, timezone: 'Z' });
  const fx20 = await fixtures(conn20);
  const small = await startServer('product', ['apps/api/dist/main.js'], 4211, url20);
  const smallBase = await startServer('baseline', ['e2e/load/baseline.mjs'], 4111, url20);
  const dash20 = { product: await statementsPerRequest(small, operations(fx20).dashboard, 'dashboard'), baseline: await statementsPerRequest(smallBase, operations(fx20).dashboard, 'dashboard') };
  await stop(small);
  await stop(smallBase);
  await conn20.end();
  await conn.end();
  if (args.keep !== 'true') {
    const admin = await mysql.createConnection(`${MYSQL_BASE}/`);
    await admin.query(`DROP DATABASE IF EXISTS \`${args.db}\``);
    await admin.query(`DROP DATABASE IF EXISTS \`${args.db}_20\``);
    await admin.end();
  }
  let consoleText;
  try {
    consoleText = args.console === 'false' ? 'Console: not measured in this run (--console false).' : consoleSummary(bundleSizes(), await dashboardTti());
  } catch (error) {
    consoleText = `Console: not measured (${error.message.split('\n')[0]}).`;
  }
  report({ started, dataset, results, rss, dash20, consoleText });
}

const op0Read = (name) => ['report', 'reports', 'dashboard', 'statistics'].includes(name);

function report({ started, dataset, results, rss, dash20, consoleText }) {
  const goal = (name, r) => {
    const read = op0Read(name);
    const tp = r.product.rps / r.baseline.rps >= (read ? 0.5 : 0.6);
    const st = r.product.stmts <= r.baseline.stmts + (read ? 1 : 2);
    const p95 = !read || r.product.halfP95 <= 2 * r.baseline.halfP95;
    return [tp, st, p95].map((ok) => (ok ? 'met' : 'MISSED'));
  };
  const rows = Object.entries(results).map(([name, r]) => {
    const [tp, st, p95] = goal(name, r);
    return `| ${name} | ${r.product.rps.toFixed(1)} | ${r.baseline.rps.toFixed(1)} | **${(r.product.rps / r.baseline.rps).toFixed(2)}** (${tp}) | ${r.product.p50}/${r.product.p95}/${r.product.p99} | ${r.baseline.p50}/${r.baseline.p95}/${r.baseline.p99} | ${r.product.stmts.toFixed(1)} / ${r.baseline.stmts.toFixed(1)} (${st}) | ${r.product.halfP95 !== undefined ? `${r.product.halfP95} / ${r.baseline.halfP95} @${r.product.halfRate}/s (${p95})` : '—'} | ${r.product.errors}/${r.baseline.errors} |`;
  });
  const table = [
    '| operation | ours req/s | baseline req/s | ratio (goal) | ours p50/p95/p99 ms | baseline p50/p95/p99 ms | stmt/req ours / baseline (goal) | p95 at half baseline peak, ours / baseline ms | errors ours/baseline |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
  const machine = `${os.cpus().length} × ${os.cpus()[0].model}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, MariaDB 10.11 on 127.0.0.1`;
  const text = `# Performance

Measured by \`npm run bench\` (e2e/load/): ${started.toISOString().slice(0, 10)}, ${machine}.
Dataset: ${dataset.agencies} agencies × ${args.years} years (${dataset.counts.reports ?? '?'} reports, ${dataset.counts.cells ?? '?'} cells, ${dataset.counts.revisions ?? '?'} published revisions; generated in ${dataset.seconds.toFixed(1)} s).
Load: autocannon, ${args.connections} connections, ${args.duration} s per operation and server (sign-off: a fixed count of prepared reports), product and baseline alternately.
Other helpers ran tests against the same MariaDB during the run: absolute figures are noisy; ratios are the point.
Statements per request: counted inside each server (e2e/load/count-queries.cjs wraps mysql2's query/execute, BEGIN/COMMIT included) over 5 sequential requests.

${table}

Dashboard (cycleProgress) statements per request: ${dash20.product.toFixed(1)} with 20 agencies, ${results.dashboard.product.stmts.toFixed(1)} with ${dataset.agencies} (baseline ${dash20.baseline.toFixed(1)} / ${results.dashboard.baseline.stmts.toFixed(1)}).
Peak RSS: product ${rss.product.toFixed(0)} MB, baseline ${rss.baseline.toFixed(0)} MB.

${consoleText}
`;
  const out = path.resolve(ROOT, args.out);
  const existing = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  const notes = existing.includes('<!-- notes -->') ? existing.slice(existing.indexOf('<!-- notes -->')) : '<!-- notes -->\n';
  fs.writeFileSync(out, `${text}\n${notes}`);
  console.log('\n' + table + '\n');
  console.log(`  dashboard stmt/req: 20 agencies ${dash20.product.toFixed(1)}, ${dataset.agencies} agencies ${results.dashboard.product.stmts.toFixed(1)}; peak RSS product ${rss.product.toFixed(0)} MB, baseline ${rss.baseline.toFixed(0)} MB; written to ${args.out}`);
  console.log('  ' + consoleText.replace(/\n/g, '\n  '));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
