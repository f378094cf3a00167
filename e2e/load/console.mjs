// The console's weight and speed: gzip sizes of the production bundle (initial route = the entry script,
// its modulepreloads and CSS from index.html; everything else in assets/ is a lazy chunk), and time to
// interactive of the dashboard in headless Chromium against the built product on localhost.
//   node e2e/load/console.mjs            (needs apps/admin/dist and apps/api/dist built)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import { generate, ROOT, MYSQL_BASE, BENCH_PASSWORD } from './generate.mjs';

const require = createRequire(import.meta.url);
const DIST = path.join(ROOT, 'apps/admin/dist');
const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const kb = (n) => Math.round(n / 102.4) / 10;

export function bundleSizes() {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]));
  const all = fs.readdirSync(path.join(DIST, 'assets')).map((f) => `assets/${f}`);
  const sum = (files) => files.reduce((n, f) => n + gz(path.join(DIST, f)), 0);
  const initialJs = all.filter((f) => initial.has(f) && f.endsWith('.js'));
  const initialCss = all.filter((f) => initial.has(f) && f.endsWith('.css'));
  const lazy = all.filter((f) => !initial.has(f) && f.endsWith('.js'));
  return { initialJs: sum(initialJs), initialCss: sum(initialCss), lazy: sum(lazy), lazyChunks: lazy.length, largestLazy: Math.max(0, ...lazy.map((f) => gz(path.join(DIST, f)))) };
}

export async function dashboardTti({ runs = 3 } = {}) {
  const db = 'touming_bench_console';
  await generate({ db, agencies: 200, years: 2, quiet: true });
  const port = 4213;
  const env = { ...process.env, DATABASE_URL: `${MYSQL_BASE}/${db}`, NODE_ENV: 'production', JWT_SECRET: 'console-bench-' + 'y'.repeat(40), PORT: String(port), LOG_LEVEL: 'warn', MIGRATE_ON_START: 'false' };
  const server = spawn(process.execPath, ['apps/api/dist/main.js'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    for (let i = 0; i < 100; i++) {
      if (await fetch(`http://localhost:${port}/readyz`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const page = await browser.newPage();
    await page.goto(`http://localhost:${port}/`);
    await page.fill('input[name="username"]', 'county');
    await page.fill('input[name="password"]', BENCH_PASSWORD);
    await page.click('button[type="submit"]');
    await page.waitForSelector('h1', { timeout: 30_000 });
    const times = [];
    for (let i = 0; i < runs; i++) {
      // a fresh load with the session kept: script parse, app start, `me`, the dashboard's queries
      await page.reload({ waitUntil: 'commit' });
      await page.waitForSelector('h1', { timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      // interactive: the main thread answers again after the last response was drawn
      times.push(await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)))));
    }
    times.sort((a, b) => a - b);
    return { median: Math.round(times[Math.floor(times.length / 2)]), runs: times.map(Math.round) };
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    const admin = await mysql.createConnection(`${MYSQL_BASE}/`);
    await admin.query(`DROP DATABASE IF EXISTS \`${db}\``);
    await admin.end();
  }
}

export function consoleSummary(sizes, tti) {
  return `Console (apps/admin/dist, gzip -9): initial route JS ${kb(sizes.initialJs)} KB + CSS ${kb(sizes.initialCss)} KB (goal ≤ 400 KB JS: ${sizes.initialJs <= 400 * 1024 ? 'met' : 'MISSED'}); ${sizes.lazyChunks} lazy chunks ${kb(sizes.lazy)} KB in all (largest ${kb(sizes.largestLazy)} KB).
Dashboard time to interactive (headless Chromium, localhost, signed in as the county admin, 200 agencies; reload → dashboard heading drawn, network idle, main thread free): median ${tti ? `${tti.median} ms (runs ${tti.runs.join(', ')} ms)` : 'not measured'}.`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = bundleSizes();
  const tti = await dashboardTti();
  console.log(consoleSummary(sizes, tti));
}
