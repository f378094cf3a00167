// npm run bench [-- --agencies 2000 --years 7 --duration 10 --connections 10 --reuse]
//   [--executor jit|js|both] [--before apps/api/dist-before] [--only report,reports,…] [--port 4210 --base-port 4110] [--out docs/performance.md]
// npm run bench -- --regions province [--cities 4 --counties 4 --agencies 20 --years 3] (./regions.mjs)
// Generates the dataset, starts the product (built: apps/api/dist) and the baseline on loopback, checks
// that both answer the documents alike, then drives each operation with autocannon, the servers
// alternately, and writes docs/performance.md. `--executor both` runs the product twice in the same run,
// once on graphql-jit and once on graphql-js (GRAPHQL_EXECUTOR), to compare the executors under the same
// load; CPU per request is the server process's user+system time over the run divided by its requests.
// `--before <dir>` adds an earlier build of the product (its dist directory, built from an older commit)
// to the same run, alternating with the others: a before/after comparison under the same load.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import mysql from 'mysql2/promise';
import { BENCH_PASSWORD, generate, parseArgs, ROOT, MYSQL_BASE } from './generate.mjs';
import { QUERIES } from './queries.mjs';
import { bundleSizes, consoleSummary, dashboardTti } from './console.mjs';
import { sentStatements, startServer as startProcess, stopServer } from './server.mjs';

// --regions province: the province-shaped dataset and the totals kept at publication (./regions.mjs)
if (process.argv.includes('--regions')) {
  const { regionsBench } = await import('./regions.mjs');
  await regionsBench(process.argv.slice(2));
  process.exit(0);
}

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const jwt = require('jsonwebtoken');

const args = parseArgs(process.argv.slice(2), { agencies: 2000, years: 7, duration: 10, connections: 10, db: 'touming_bench', reuse: 'false', keep: 'false', out: 'docs/performance.md', console: 'true', executor: 'jit', before: '', only: '', port: 4210, 'base-port': 4110, warmup: 1 });
const EXECUTORS = args.executor === 'both' ? ['jit', 'js'] : [args.executor];
// a random secret per run: the product refuses a guessable one in production (config.ts jwtSecretProblem)
const SECRET = require('node:crypto').randomBytes(32).toString('base64url');
const YEAR = 2025;
const token = (userId) => jwt.sign({ sub: userId, tv: 0 }, SECRET, { algorithm: 'HS256', expiresIn: '8h', issuer: 'touming' });

const startServer = (name, cmd, port, url, extraEnv = {}) => startProcess(name, cmd, port, url, SECRET, extraEnv);
/** user + system CPU time of a process so far, in ms (/proc/<pid>/stat, clock ticks of 10 ms) */
const cpuMs = (pid) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const peakRss = (pid) => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
const stop = stopServer;

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
  const cellKey = cell?.key ?? 't3.new.natural';
  const fx = { adminToken: token(admin.id), reports: reports.map((r) => r.id), drafts: drafts.map((d) => ({ ...d, token: token(d.userId) })), submitted: submitted.map((s) => ({ ...s, token: token(s.userId) })), pages: Math.max(1, Math.floor(Number(n) / 50)), cellKey };
  await readDrafts(conn, fx);
  return fx;
}

/**
 * Each draft's revision and the value of the cell the bench saves, as stored. Each save writes a value
 * the draft has never had (its current value + 1): a save of the value already there changes nothing
 * and would measure a cheaper request (fewer statements).
 */
async function readDrafts(conn, fx) {
  if (fx.drafts.length === 0) return;
  const [rows] = await conn.query('SELECT r.id, r.revision, c.value FROM report r LEFT JOIN report_cell c ON c.reportId = r.id AND c.`key` = ? WHERE r.id IN (?)', [fx.cellKey, fx.drafts.map((d) => d.id)]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const d of fx.drafts) {
    const row = byId.get(d.id);
    Object.assign(d, { busy: false, revision: row.revision, value: Number(row.value ?? 0) });
  }
}

/** request generators per operation: [body, token] for the i-th request (writes consume fixtures) */
function operations(fx) {
  return {
    me: { kind: 'read', next: () => [{}, fx.adminToken] },
    report: { kind: 'read', next: (i) => [{ id: fx.reports[i % fx.reports.length] }, fx.adminToken] },
    reports: { kind: 'read', next: (i) => [{ year: YEAR, skip: (i % fx.pages) * 50 }, fx.adminToken] },
    dashboard: { kind: 'read', next: () => [{ year: YEAR }, fx.adminToken] },
    statistics: { kind: 'read', next: () => [{ year: YEAR - 2 }, fx.adminToken] },
    update: {
      kind: 'write',
      maxConnections: () => fx.drafts.length,
      next: (i) => {
        // a draft with a save in flight is skipped: its next expected revision is not known yet
        let d = fx.drafts[i % fx.drafts.length];
        for (let k = 1; d.busy && k < fx.drafts.length; k++) d = fx.drafts[(i + k) % fx.drafts.length];
        d.busy = true;
        return [{ id: d.id, rev: d.revision, cells: [{ key: fx.cellKey, value: d.value + 1 }] }, d.token];
      },
      onData: (vars, data) => {
        const d = fx.drafts.find((x) => x.id === vars.id);
        d.busy = false;
        if (data?.updateReport) {
          d.revision = data.updateReport.revision;
          d.value = vars.cells[0].value;
        }
      },
      // after a run: the saves in flight when it stopped were never seen by the client; read the
      // drafts' revisions and values again once the server has finished them
      resync: async (conn) => {
        await new Promise((r) => setTimeout(r, 500));
        await readDrafts(conn, fx);
      },
    },
    signoff: {
      kind: 'write',
      remaining: () => fx.submitted.length,
      next: () => {
        const s = fx.submitted.shift();
        return s ? [{ id: s.id, hash: s.hash, password: BENCH_PASSWORD }, s.token] : null;
      },
    },
  };
}

// ---- measuring -----------------------------------------------------------------------------------

/**
 * statements per request: sequential requests between two readings of the server's own counter. Each
 * request is made after the previous one's answer, so a save always carries its draft's latest revision
 * (made all at once, a dataset with fewer drafts than requests saved one draft twice at the same
 * revision and failed with CONFLICT).
 */
async function statementsPerRequest(server, op, name, n = 5) {
  if (op.remaining && op.remaining() < n) return NaN;
  const before = await sentStatements(server);
  for (let i = 0; i < n; i++) {
    const call = op.next(i);
    if (!call) return NaN;
    const [vars, auth] = call;
    const body = await gql(server.port, auth, name, vars);
    if (body.errors) throw new Error(`${server.name} ${name}: ${body.errors[0].message}`);
    op.onData?.(vars, body.data);
  }
  return ((await sentStatements(server)) - before) / n;
}

const percentile = (sorted, p) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 10) / 10 : NaN);

/**
 * Connections for an operation: the year's published aggregate takes seconds at province scale, so
 * fewer, that requests complete within the run instead of queueing behind each other in MariaDB; never
 * more saves at once than drafts (two saves of one draft at once: the second is a CONFLICT, not a
 * measurement), nor more than the requests a fixed amount makes.
 */
function connectionsFor(name, op, amount) {
  let n = name === 'statistics' ? Math.min(2, args.connections) : args.connections;
  if (op.maxConnections) n = Math.min(n, op.maxConnections());
  if (amount) n = Math.min(n, amount);
  return Math.max(1, n);
}

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

/** a run with the server's CPU time per request */
async function measured(server, name, op, opts) {
  const cpu0 = cpuMs(server.pid);
  const r = summary(await drive(server, name, op, opts));
  return { ...r, cpu: r.total ? (cpuMs(server.pid) - cpu0) / r.total : NaN };
}

/** the i-th of n shares of the write fixtures (each server consumes its own drafts and submitted reports) */
function share(fx, i, n) {
  const per = Math.floor(fx.submitted.length / n);
  return { ...fx, submitted: fx.submitted.slice(i * per, (i + 1) * per), drafts: fx.drafts.filter((_, k) => k % n === i) };
}

// ---- main ----------------------------------------------------------------------------------------

async function main() {
  const started = new Date();
  let dataset;
  const url = `${MYSQL_BASE}/${args.db}`;
  if (args.reuse === 'true') dataset = { seconds: 0, agencies: args.agencies, counts: {} };
  else dataset = await generate({ db: args.db, agencies: args.agencies, years: args.years });
  const conn = await mysql.createConnection({ uri: url, timezone: 'Z' });
  const fx = await fixtures(conn);
  const products = [];
  for (const [i, executor] of EXECUTORS.entries()) {
    const name = EXECUTORS.length > 1 ? `product-${executor}` : 'product';
    products.push(await startServer(name, ['apps/api/dist/main.js'], Number(args.port) + i, url, { GRAPHQL_EXECUTOR: executor }));
  }
  if (args.before) products.push(await startServer('product-before', [path.join(args.before, 'main.js')], Number(args.port) + products.length, url));
  const ours = products[0];
  const base = await startServer('baseline', ['e2e/load/baseline.mjs'], Number(args['base-port']), url);
  const servers = [...products, base];
  const opsOf = Object.fromEntries(servers.map((s, i) => [s.name, operations(share(fx, i, servers.length))]));
  const names = Object.keys(QUERIES).filter((n) => !args.only || args.only.split(',').includes(n));

  // check step: same JSON for the reads; same shape and outcome for the writes
  console.log('\n  check: product and baseline answer alike');
  for (const name of names) {
    for (const extra of products.slice(1)) {
      // the other executors answer exactly as the first (reads)
      if (!op0Read(name)) continue;
      const [vars, auth] = opsOf[extra.name][name].next(0);
      const [x, y] = await Promise.all([gql(ours.port, auth, name, vars), gql(extra.port, auth, name, vars)]);
      console.log(`    ${name.padEnd(11)} ${extra.name} ${JSON.stringify(x) === JSON.stringify(y) ? 'identical to ' + ours.name : 'DIFFERENT from ' + ours.name}`);
    }
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
    // every server first runs the operation unmeasured on its own fixtures: otherwise the first one
    // measured pays for the database's cold pages (the same build in the first and the second place
    // measured 0.63× and 0.72× on updateReport at 2,000 agencies). Sign-off consumes its fixtures: no warm-up.
    if (name !== 'signoff' && Number(args.warmup) > 0) {
      for (const s of servers) {
        await drive(s, name, opsOf[s.name][name], { duration: Number(args.warmup), connections: connectionsFor(name, opsOf[s.name][name]) });
        await opsOf[s.name][name].resync?.(conn);
      }
    }
    for (const s of servers) {
      const op = opsOf[s.name][name];
      const stmts = await statementsPerRequest(s, op, name);
      const amount = name === 'signoff' ? Math.max(1, Math.min(1000, op.remaining() - 5)) : undefined;
      const r = await measured(s, name, op, { duration: args.duration, connections: connectionsFor(name, op, amount), amount });
      await op.resync?.(conn);
      results[name][s.name] = { ...r, stmts };
      console.log(`  ${name.padEnd(11)} ${s.name.padEnd(11)} ${r.rps.toFixed(1).padStart(8)} req/s  p50 ${r.p50} p95 ${r.p95} p99 ${r.p99} ms  ${r.cpu.toFixed(2)} ms CPU/req  ${stmts.toFixed(1)} stmt/req  ${r.total} req ${r.errors} err`);
    }
  }
  // p95 at half the baseline's peak, reads
  for (const name of names.filter((n) => opsOf[ours.name][n].kind === 'read')) {
    const rate = Math.max(1, Math.floor(results[name].baseline.rps / 2));
    if (!results[name].baseline.total) continue;
    for (const s of servers) {
      const r = summary(await drive(s, name, opsOf[s.name][name], { duration: Math.min(args.duration, 8), connections: connectionsFor(name, opsOf[s.name][name]), overallRate: rate }));
      results[name][s.name].halfP95 = r.p95;
      results[name][s.name].halfRate = rate;
    }
  }
  const rss = Object.fromEntries(servers.map((s) => [s.name, peakRss(s.pid)]));
  for (const s of servers) await stop(s);

  // the dashboard's statement count at 20 agencies
  await generate({ db: `${args.db}_20`, agencies: 20, years: 2, quiet: true });
  const url20 = `${MYSQL_BASE}/${args.db}_20`;
  const conn20 = await mysql.createConnection({ uri: url20, timezone: 'Z' });
  const fx20 = await fixtures(conn20);
  const small = await startServer('product', ['apps/api/dist/main.js'], Number(args.port) + products.length, url20);
  const smallBase = await startServer('baseline', ['e2e/load/baseline.mjs'], Number(args['base-port']) + 1, url20);
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
  report({ started, dataset, results, rss, dash20, consoleText, products: products.map((p) => p.name) });
}

const op0Read = (name) => ['report', 'reports', 'dashboard', 'statistics', 'me'].includes(name);

function report({ started, dataset, results, rss, dash20, consoleText, products }) {
  const goal = (name, p, b) => {
    const read = op0Read(name);
    const tp = p.rps / b.rps >= (read ? 0.5 : 0.6);
    const st = p.stmts <= b.stmts + (read ? 1 : 2);
    const p95 = !read || p.halfP95 <= 2 * b.halfP95;
    return [tp, st, p95].map((ok) => (ok ? 'met' : 'MISSED'));
  };
  const rows = Object.entries(results).flatMap(([name, r]) =>
    products.map((product) => {
      const p = r[product];
      const b = r.baseline;
      const [tp, st, p95] = goal(name, p, b);
      const label = products.length > 1 ? `${name} (${product.replace('product-', '')})` : name;
      return `| ${label} | ${p.rps.toFixed(1)} | ${b.rps.toFixed(1)} | **${(p.rps / b.rps).toFixed(2)}** (${tp}) | ${p.p50}/${p.p95}/${p.p99} | ${b.p50}/${b.p95}/${b.p99} | ${p.cpu.toFixed(2)} / ${b.cpu.toFixed(2)} | ${p.stmts.toFixed(1)} / ${b.stmts.toFixed(1)} (${st}) | ${p.halfP95 !== undefined ? `${p.halfP95} / ${b.halfP95} @${p.halfRate}/s (${p95})` : '—'} | ${p.errors}/${b.errors} |`;
    }),
  );
  const table = [
    '| operation | ours req/s | baseline req/s | ratio (goal) | ours p50/p95/p99 ms | baseline p50/p95/p99 ms | CPU ms/req ours / baseline | stmt/req ours / baseline (goal) | p95 at half baseline peak, ours / baseline ms | errors ours/baseline |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
  const machine = `${os.cpus().length} × ${os.cpus()[0].model}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, MariaDB 10.11 on 127.0.0.1`;
  const text = `# Performance

Measured by \`npm run bench\` (e2e/load/): ${started.toISOString().slice(0, 10)}, ${machine}.
Dataset: ${dataset.agencies} agencies × ${args.years} years (${dataset.counts.reports ?? '?'} reports, ${dataset.counts.cells ?? '?'} cells, ${dataset.counts.revisions ?? '?'} published revisions; generated in ${dataset.seconds.toFixed(1)} s).
Load: autocannon, ${args.connections} connections, ${args.duration} s per operation and server (sign-off: a fixed count of prepared reports), product and baseline alternately${Number(args.warmup) > 0 ? `, each after a ${args.warmup} s unmeasured warm-up (not sign-off)` : ''}.
Other helpers ran tests against the same MariaDB during the run: absolute figures are noisy; ratios are the point.
Statements per request: counted inside each server (e2e/load/count-queries.cjs wraps mysql2's query/execute, BEGIN/COMMIT included) over 5 sequential requests.

${table}

Dashboard (cycleProgress) statements per request: ${dash20.product.toFixed(1)} with 20 agencies, ${results.dashboard ? results.dashboard[products[0]].stmts.toFixed(1) : '?'} with ${dataset.agencies} (baseline ${dash20.baseline.toFixed(1)} / ${results.dashboard ? results.dashboard.baseline.stmts.toFixed(1) : '?'}).
Peak RSS: ${Object.entries(rss).map(([k, v]) => `${k} ${v.toFixed(0)} MB`).join(', ')}. Load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min).

${consoleText}
`;
  const out = path.resolve(ROOT, args.out);
  const existing = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  const notes = existing.includes('<!-- notes -->') ? existing.slice(existing.indexOf('<!-- notes -->')) : '<!-- notes -->\n';
  fs.writeFileSync(out, `${text}\n${notes}`);
  console.log('\n' + table + '\n');
  console.log(`  dashboard stmt/req: 20 agencies ${dash20.product.toFixed(1)}; peak RSS ${JSON.stringify(rss)}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}; written to ${args.out}`);
  console.log('  ' + consoleText.replace(/\n/g, '\n  '));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
