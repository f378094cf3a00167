// node e2e/load/public-pages.mjs [--requests 50 --pdfs 5]
// The public 信息公开 pages' weight and speed: starts the built product (apps/api/dist) on a fresh
// demo SQLite file, then measures, sequentially on loopback —
//   page weight: HTML + the one stylesheet, raw and gzip -6 (what a server or proxy would send);
//   time to first byte of a report page (median and p95 of --requests requests, after 5 warm-ups);
//   PDF generation: the first PDF (starts Chromium) and the median of --pdfs more.
// Prints one Markdown block (docs/performance.md keeps the last one under "Public pages and PDF").
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseArgs, ROOT } from './generate.mjs';

const args = parseArgs(process.argv.slice(2), { requests: 50, pdfs: 5, port: 4790 });
const base = `http://127.0.0.1:${args.port}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'touming-public-bench-'));
const server = spawn(process.execPath, [path.join(ROOT, 'apps/api/dist/main.js')], {
  cwd: ROOT,
  env: { ...process.env, PORT: String(args.port), DATABASE_URL: `sqlite://${path.join(dir, 'bench.sqlite')}`, SEED_DEMO: '1', JWT_SECRET: 'bench-secret-'.padEnd(48, 'x'), ADMIN_DIST: '/nonexistent', LOG_LEVEL: 'warn', PUBLIC_RATE_LIMIT: '1000000' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const stop = () => {
  if (server.exitCode === null) server.kill('SIGTERM');
  fs.rmSync(dir, { recursive: true, force: true });
};
process.on('exit', stop);

/** one GET: status, body, time to first byte and total (ms) */
function get(url) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const ms = () => Number(process.hrtime.bigint() - started) / 1e6;
    http
      .get(url, { agent: false }, (res) => {
        const ttfb = ms();
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks), ttfb, total: ms() }));
      })
      .on('error', reject);
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const kb = (n) => (n / 1024).toFixed(1);
const gz = (buf) => zlib.gzipSync(buf, { level: 6 }).length;

async function main() {
  for (let i = 0; ; i++) {
    try {
      if ((await get(`${base}/readyz`)).status === 200) break;
    } catch {}
    if (i > 300) throw new Error('the product did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  const home = await get(`${base}/gongkai/`);
  const html = home.body.toString('utf8');
  const reportPath = /href="(\/gongkai\/reports\/[^"]+)"/.exec(html)[1];
  const revisionId = reportPath.split('/').pop();
  const cssPath = /<link rel="stylesheet" href="([^"]+)"/.exec(html)[1];
  const css = (await get(`${base}${cssPath}`)).body;
  const pages = { 首页: '/gongkai/', 年度: '/gongkai/years/2024', 报告: reportPath, 统计: '/gongkai/statistics/2024' };
  const weights = [];
  for (const [name, p] of Object.entries(pages)) {
    const body = (await get(`${base}${p}`)).body;
    weights.push(`${name} ${kb(body.length)} KB（gzip ${kb(gz(body))} KB）`);
  }
  for (let i = 0; i < 5; i++) await get(`${base}${reportPath}`);
  const ttfb = [];
  for (let i = 0; i < args.requests; i++) ttfb.push((await get(`${base}${reportPath}`)).ttfb);
  const firstPdf = await get(`${base}/download/reports/${revisionId}.pdf`);
  if (firstPdf.status !== 200) throw new Error(`PDF: ${firstPdf.status} ${firstPdf.body.toString('utf8').slice(0, 200)}`);
  const pdfTimes = [];
  let pdfBytes = 0;
  for (let i = 0; i < args.pdfs; i++) {
    const r = await get(`${base}/download/reports/${revisionId}.pdf`);
    pdfTimes.push(r.total);
    pdfBytes = r.body.length;
  }
  const docx = [];
  for (let i = 0; i < 5; i++) docx.push((await get(`${base}/download/reports/${revisionId}.docx`)).total);
  const load = os.loadavg()[0].toFixed(1);
  console.log(`Public pages (node e2e/load/public-pages.mjs, ${new Date().toISOString().slice(0, 10)}, demo data on SQLite, loopback, load average ${load} on ${os.cpus().length} cores):
- page weight, HTML: ${weights.join('; ')}; the one stylesheet ${kb(css.length)} KB（gzip ${kb(gz(css))} KB, cached for a year under its hash）; no script, no font, no image.
- time to first byte of a report page: median ${median(ttfb).toFixed(1)} ms, p95 ${p95(ttfb).toFixed(1)} ms (${args.requests} sequential requests).
- PDF of a report (${kb(pdfBytes)} KB): first ${firstPdf.total.toFixed(0)} ms (starts Chromium), then median ${median(pdfTimes).toFixed(0)} ms (${args.pdfs} more); DOCX median ${median(docx).toFixed(0)} ms.`);
}

main()
  .then(() => {
    stop();
    process.exit(0);
  })
  .catch((error) => {
    console.error(error);
    stop();
    process.exit(1);
  });
