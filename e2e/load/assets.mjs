// The console's assets on the wire: what a first visit transfers, and what each way
// of compressing costs the server's CPU.
//   node e2e/load/assets.mjs                       sizes and CPU per request, from apps/admin/dist
//   node e2e/load/assets.mjs --url http://127.0.0.1:4000 [--url …]
//                                                  also: bytes a fresh Chromium transfers for the login page
//                                                  and for the county dashboard after signing in (demo data)
// Two ways are compared on the files of the initial route (index.html, the entry script, its
// modulepreloads and CSS) — exactly what every first visit downloads:
//   pre-compressed at build (apps/admin/build/precompress.ts: brotli 11, gzip 9; served by
//   apps/api/src/http/console-assets.ts) — the CPU is spent once per build, per request it is a file read;
//   a compression middleware (the `compression` package's defaults: gzip level 6, brotli quality 4) —
//   the CPU is spent again on every request that is not answered from the browser's cache.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { ROOT } from './generate.mjs';

const require = createRequire(import.meta.url);
const DIST = path.join(ROOT, 'apps/admin/dist');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function initialRoute() {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  return ['index.html', ...new Set(files)].map((f) => path.join(DIST, f));
}

/** CPU milliseconds per call of fn, over enough repetitions to be measurable */
function cpuMsPer(fn, minMs = 400) {
  let n = 0;
  const start = process.cpuUsage();
  const wall = performance.now();
  while (performance.now() - wall < minMs || n < 3) {
    fn();
    n++;
  }
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / n;
}

export function compressionFigures() {
  const files = initialRoute().map((file) => ({ file, raw: fs.readFileSync(file) }));
  const sibling = (file, ext) => (fs.existsSync(file + ext) ? fs.statSync(file + ext).size : null);
  const rows = files.map(({ file, raw }) => ({
    name: path.relative(DIST, file),
    raw: raw.length,
    br11: sibling(file, '.br') ?? raw.length,
    gz9: sibling(file, '.gz') ?? raw.length,
    gz6: zlib.gzipSync(raw, { level: 6 }).length,
    br4: zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }).length,
    cpuGz6: cpuMsPer(() => zlib.gzipSync(raw, { level: 6 })),
    cpuBr4: cpuMsPer(() => zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } })),
    cpuRead: cpuMsPer(() => fs.readFileSync(file + (fs.existsSync(file + '.br') ? '.br' : ''))),
  }));
  const buildCpu = cpuMsPer(() => {
    for (const { raw } of files) {
      zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT } });
      zlib.gzipSync(raw, { level: 9 });
    }
  }, 1);
  const total = (k) => rows.reduce((n, r) => n + r[k], 0);
  return { rows, total, buildCpu };
}

/** bytes on the wire (encodedDataLength) of a fresh visit, by Chromium's own count */
async function transferred(url) {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--headless', '--disable-gpu'] });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    let bytes = 0;
    let requests = 0;
    const byUrl = new Map();
    cdp.on('Network.responseReceived', (e) => byUrl.set(e.requestId, e.response.url));
    cdp.on('Network.loadingFinished', (e) => {
      if (!/\/assets\/|\/$|index\.html/.test(byUrl.get(e.requestId) ?? '')) return;
      bytes += e.encodedDataLength;
      requests++;
    });
    const started = Date.now();
    await page.goto(url);
    await page.getByTestId('login-username').waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const login = { bytes, requests, ms: Date.now() - started };
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('touming-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('county-dashboard').waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const dashboard = { bytes, requests };
    // a second visit: hashed assets come from the cache, index.html is revalidated
    bytes = 0;
    requests = 0;
    await page.reload();
    await page.getByTestId('county-dashboard').waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    return { login, dashboard, reload: { bytes, requests } };
  } finally {
    await browser.close();
  }
}

const { values } = parseArgs({ options: { url: { type: 'string', multiple: true } } });
const { rows, total, buildCpu } = compressionFigures();
console.log('Initial route of the console (what a first visit downloads), apps/admin/dist:');
console.log('| file | as built | brotli 11 (build) | gzip 9 (build) | gzip 6 (middleware) | brotli 4 (middleware) | CPU/request gzip 6 | CPU/request brotli 4 | CPU/request read .br |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.name} | ${kb(r.raw)} | ${kb(r.br11)} | ${kb(r.gz9)} | ${kb(r.gz6)} | ${kb(r.br4)} | ${r.cpuGz6.toFixed(2)} ms | ${r.cpuBr4.toFixed(2)} ms | ${r.cpuRead.toFixed(3)} ms |`);
}
console.log(
  `| **total** | ${kb(total('raw'))} | ${kb(total('br11'))} | ${kb(total('gz9'))} | ${kb(total('gz6'))} | ${kb(total('br4'))} | ${total('cpuGz6').toFixed(1)} ms | ${total('cpuBr4').toFixed(1)} ms | ${total('cpuRead').toFixed(2)} ms |`,
);
console.log(`Pre-compressing these files once (brotli 11 + gzip 9) took ${buildCpu.toFixed(0)} ms of CPU at build time.`);
for (const url of values.url ?? []) {
  const t = await transferred(url);
  console.log(
    `${url}: fresh visit → login form ${kb(t.login.bytes)} in ${t.login.requests} requests (${t.login.ms} ms); ` +
      `→ county dashboard ${kb(t.dashboard.bytes)} in ${t.dashboard.requests} requests; reload ${kb(t.reload.bytes)} in ${t.reload.requests} requests`,
  );
}
