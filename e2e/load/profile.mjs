// node e2e/load/profile.mjs --db touming_bench --op report [--duration 10 --connections 10 --port 4210 --executor jit]
//   --op signoff signs the dataset's SUBMITTED reports as their 分管领导 (each once: 100 to warm up, the rest measured;
//   a fresh dataset each time, e.g. node e2e/load/generate.mjs --db … --agencies 1000 --years 2)
// Where the product's CPU goes for one bench operation: starts the built product under `node --cpu-prof`
// on an existing bench dataset (npm run bench -- --keep true, or generate.mjs), drives the operation with
// autocannon, stops the server and prints the self time by package/area and the top functions. The
// profile itself is left in /tmp/touming-profile-<op>-<executor>/ for Chrome DevTools.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import mysql from 'mysql2/promise';
import { BENCH_PASSWORD, parseArgs, ROOT, MYSQL_BASE } from './generate.mjs';
import { QUERIES } from './queries.mjs';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const jwt = require('jsonwebtoken');
const args = parseArgs(process.argv.slice(2), { db: 'touming_bench', op: 'report', duration: 10, connections: 10, port: 4210, executor: 'jit', top: 25 });
const SECRET = require('node:crypto').randomBytes(32).toString('base64url');
const url = `${MYSQL_BASE}/${args.db}`;
const dir = `/tmp/touming-profile-${args.op}-${args.executor}`;
fs.rmSync(dir, { recursive: true, force: true });

const conn = await mysql.createConnection({ uri: url, timezone: 'Z' });
const [[admin]] = await conn.query("SELECT id FROM `user` WHERE username = 'county'");
const [[{ year }]] = await conn.query('SELECT MAX(year) AS year FROM report');
const [reports] = await conn.query('SELECT id FROM report WHERE year = ? ORDER BY id LIMIT 200', [year]);
const [submitted] = await conn.query("SELECT r.id, r.contentHash AS hash, u.id AS userId FROM report r JOIN `user` u ON u.agencyId = r.agencyId AND u.roles = 'AGENCY_REVIEWER' WHERE r.status = 'SUBMITTED' ORDER BY r.year DESC, r.id");
await conn.end();
const tokenOf = (sub) => jwt.sign({ sub, tv: 0 }, SECRET, { algorithm: 'HS256', expiresIn: '1h', issuer: 'touming' });
const token = tokenOf(admin.id);
const varsOf = { me: () => ({}), report: (i) => ({ id: reports[i % reports.length].id }), reports: (i) => ({ year, skip: (i % 4) * 50 }), dashboard: () => ({ year }), statistics: () => ({ year: year - 2 }), signoff: (i) => ({ id: submitted[i].id, hash: submitted[i].hash, password: BENCH_PASSWORD }) };
if (!varsOf[args.op]) throw new Error(`--op: one of ${Object.keys(varsOf).join(', ')}`);
const signoff = args.op === 'signoff';
if (signoff && submitted.length < 200) throw new Error(`signoff: ${submitted.length} SUBMITTED reports; generate a larger dataset`);

const env = { ...process.env, DATABASE_URL: url, NODE_ENV: 'production', JWT_SECRET: SECRET, PORT: String(args.port), LOG_LEVEL: 'warn', MIGRATE_ON_START: 'false', GRAPHQL_EXECUTOR: args.executor };
const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, 'apps/api/dist/main.js'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
process.on('exit', () => child.exitCode === null && child.kill('SIGTERM'));
const target = `http://127.0.0.1:${args.port}/graphql`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{__typename}"}' })).status < 500) break;
  } catch {}
  // a loaded machine takes a while to load the server's modules
  if (i > 300) throw new Error('product did not start');
  await new Promise((r) => setTimeout(r, 400));
}
let i = 0;
const drive = (duration, amount) => autocannon({
  url: target,
  method: 'POST',
  connections: args.connections,
  ...(amount ? { amount } : { duration }),
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  requests: [
    {
      setupRequest: (req) => {
        const n = i++;
        const auth = signoff ? { authorization: `Bearer ${tokenOf(submitted[n].userId)}` } : {};
        return { ...req, headers: { ...req.headers, ...auth }, body: JSON.stringify({ query: QUERIES[args.op], variables: varsOf[args.op](n) }) };
      },
    },
  ],
});
// warm up (documents compiled, connections open, code optimised); only samples after it are counted
// (the profile's clock is the same monotonic clock as process.hrtime here)
await drive(3, signoff ? 100 : 0);
const measuredFrom = Number(process.hrtime.bigint() / 1000n);
const result = await drive(args.duration, signoff ? submitted.length - 100 - args.connections : 0);
const measuredTo = Number(process.hrtime.bigint() / 1000n);
await new Promise((r) => (child.once('exit', r), child.kill('SIGINT')));
console.log(`${args.op} on ${args.executor}: ${result.requests.average} req/s, ${result.non2xx} non-2xx`);

// ---- the profile: self time per node, attributed to an area by its script's path
const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
const self = new Map();
const dt = profile.timeDeltas;
let ts = profile.startTime;
for (let k = 0; k < profile.samples.length; k++) {
  ts += dt[k] ?? 0;
  if (ts < measuredFrom || ts > measuredTo) continue;
  self.set(profile.samples[k], (self.get(profile.samples[k]) ?? 0) + (dt[k] ?? 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const area = (u) => {
  if (!u) return '(native / GC / idle)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u);
  if (m) return m[1];
  if (u.includes('apps/api/dist')) return 'apps/api: ' + u.split('apps/api/dist/')[1].split('/').slice(0, 2).join('/');
  if (u.includes('packages/domain')) return '@touming/domain';
  if (u.startsWith('node:')) return u;
  return u;
};
const byArea = new Map();
const byFn = new Map();
for (const node of profile.nodes) {
  const t = self.get(node.id) ?? 0;
  if (!t) continue;
  const cf = node.callFrame;
  const a = cf.functionName === '(idle)' ? '(idle)' : area(cf.url);
  byArea.set(a, (byArea.get(a) ?? 0) + t);
  const fn = `${cf.functionName || '(anonymous)'} ${cf.url ? path.basename(cf.url) + ':' + (cf.lineNumber + 1) : ''} [${a}]`;
  byFn.set(fn, (byFn.get(fn) ?? 0) + t);
}
const busy = total - (byArea.get('(idle)') ?? 0);
const pct = (t) => `${((100 * t) / busy).toFixed(1).padStart(5)} %`;
console.log(`\nself time by area (share of busy CPU, ${(busy / 1000).toFixed(0)} ms busy of ${(total / 1000).toFixed(0)} ms):`);
for (const [a, t] of [...byArea].filter(([a]) => a !== '(idle)').sort((x, y) => y[1] - x[1]).slice(0, args.top)) console.log(`  ${pct(t)}  ${a}`);
console.log('\ntop functions by self time:');
for (const [f, t] of [...byFn].filter(([f]) => !f.startsWith('(idle)')).sort((x, y) => y[1] - x[1]).slice(0, args.top)) console.log(`  ${pct(t)}  ${f}`);
