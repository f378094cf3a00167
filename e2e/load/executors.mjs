// node e2e/load/executors.mjs [--rounds 15 --batch 20]
// graphql-jit against graphql-js on the same operations, in one process: the built API (apps/api/dist)
// over a fresh demo SQLite file, two Apollo servers (GRAPHQL_EXECUTOR jit and js) sharing the data
// source. Each operation runs in small batches, the two executors alternately (the order flips every
// round), so a busy shared machine slows both alike; per batch the CPU time of this process
// (process.cpuUsage, user + system) and the wall time are divided by the batch size, and the median
// over the rounds is printed. No HTTP: this is what one request costs from Apollo's parse to the JSON
// result (context with the signed-in user's lookup, plugins, execution, SQL on SQLite).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs, ROOT } from './generate.mjs';
import { QUERIES } from './queries.mjs';

const require = createRequire(import.meta.url);
const args = parseArgs(process.argv.slice(2), { rounds: 15, batch: 20 });
const api = require(path.join(ROOT, 'apps/api/dist/index.js'));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'touming-executors-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

const ds = await api.openDataSource({ type: 'sqlite', path: path.join(dir, 'bench.sqlite') });
await api.runMigrations(ds);
const seeded = await api.seedDemo(ds, { today: new Date('2026-12-03T04:00:00Z') });
const year = seeded.plan.currentYear;
const config = { jwtSecret: require('node:crypto').randomBytes(32).toString('base64url'), jwtTtl: '1h', production: true };
const servers = {};
for (const executor of ['jit', 'js']) {
  servers[executor] = await api.createApi(ds, config, { executor });
  await servers[executor].apollo.start();
}
const login = await servers.js.apollo.executeOperation(
  { query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: 'admin', p: api.DEMO_PASSWORD } },
  { contextValue: await servers.js.contextFor(undefined, { ip: '127.0.0.1' }) },
);
const token = login.body.singleResult.data.login.token;
const [{ id: reportId }] = await ds.query('SELECT id FROM report WHERE year = ? ORDER BY id LIMIT 1', [year - 1]);

const ops = {
  me: {},
  report: { id: reportId },
  reports: { year, skip: 0 },
  dashboard: { year },
  statistics: { year: year - 1 },
};

async function once(server, name) {
  const contextValue = await server.contextFor(`Bearer ${token}`, { ip: '127.0.0.1' });
  const res = await server.apollo.executeOperation({ query: QUERIES[name], variables: ops[name] }, { contextValue });
  if (res.body.singleResult.errors) throw new Error(`${name}: ${JSON.stringify(res.body.singleResult.errors)}`);
  return res;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`executors on the demo data (SQLite, in-process), ${args.rounds} rounds × ${args.batch} per executor and operation; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}, ${os.cpus().length} cores, Node ${process.version}`);
console.log('| operation | jit CPU ms/op | js CPU ms/op | jit/js CPU | jit wall ms/op | js wall ms/op |');
console.log('|---|---|---|---|---|---|');
for (const name of Object.keys(ops)) {
  const batch = name === 'statistics' ? Math.max(2, Math.floor(args.batch / 5)) : args.batch;
  for (const executor of ['jit', 'js']) for (let i = 0; i < 10; i++) await once(servers[executor], name); // warm-up
  const cpu = { jit: [], js: [] };
  const wall = { jit: [], js: [] };
  for (let round = 0; round < args.rounds; round++) {
    for (const executor of round % 2 ? ['js', 'jit'] : ['jit', 'js']) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      for (let i = 0; i < batch; i++) await once(servers[executor], name);
      const c = process.cpuUsage(c0);
      cpu[executor].push((c.user + c.system) / 1000 / batch);
      wall[executor].push((performance.now() - t0) / batch);
    }
  }
  const [cj, cs] = [median(cpu.jit), median(cpu.js)];
  console.log(`| ${name} | ${cj.toFixed(2)} | ${cs.toFixed(2)} | **${(cj / cs).toFixed(2)}** | ${median(wall.jit).toFixed(2)} | ${median(wall.js).toFixed(2)} |`);
}
const jit = servers.jit.executor.jit;
console.log(`graphql-jit: ${jit.cached} documents compiled, ${jit.fallbacks} run on graphql-js`);
for (const s of Object.values(servers)) await s.apollo.stop();
await ds.destroy();
