// Starting a benchmarked server on loopback and reading its own statement counter: shared by
// bench.mjs and the regions bench's API stage (regions-api.mjs).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './generate.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const children = new Set();
process.on('exit', () => children.forEach((c) => c.exitCode === null && c.kill('SIGTERM')));

/**
 * `node -r count-queries.cjs <cmd>` as in production (NODE_ENV=production, migrations not run on
 * start, warnings only), on `url`, signing with `secret`; resolves when it answers on /graphql
 */
export async function startServer(name, cmd, port, url, secret, extraEnv = {}) {
  const env = { ...process.env, DATABASE_URL: url, NODE_ENV: 'production', JWT_SECRET: secret, PORT: String(port), LOG_LEVEL: 'warn', MIGRATE_ON_START: 'false', ...extraEnv };
  const child = spawn(process.execPath, ['-r', path.join(ROOT, 'e2e/load/count-queries.cjs'), ...cmd], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  children.add(child);
  // up to a minute: on a loaded machine loading the server's modules alone can take 20 s
  for (let i = 0; i < 300; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{__typename}"}' });
      if (res.status < 500) return { name, child, port, pid: child.pid };
    } catch {}
    await sleep(200);
  }
  throw new Error(`${name} did not start`);
}

export const stopServer = (s) => new Promise((r) => (s.child.exitCode !== null ? r() : (s.child.once('exit', r), s.child.kill('SIGTERM'))));

/** the statements a server has sent so far (count-queries.cjs, preloaded into the servers) */
export async function sentStatements(server) {
  const file = `/tmp/touming-bench-queries-${server.pid}`;
  fs.rmSync(file, { force: true });
  process.kill(server.pid, 'SIGUSR2');
  for (let i = 0; i < 50 && !fs.existsSync(file); i++) await sleep(10);
  await sleep(10);
  return Number(fs.readFileSync(file, 'utf8'));
}
