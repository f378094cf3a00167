/**
 * Starts the product the way `npm start` starts it — the built server `node apps/api/dist/main.js`,
 * which also serves the built console at / — on a fresh SQLite file with the demo seed, on a free
 * port; and one headless Chromium (Debian's, never a downloaded one) that the test files connect to.
 * Both are stopped after the run, and on a failed start.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import { DEMO_TODAY } from '../demo';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    wsEndpoint: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string, child: ChildProcess, output: () => string, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`产品服务器启动失败（退出码 ${child.exitCode}）：\n${output()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`产品服务器 ${timeoutMs / 1000} 秒内未就绪（${url}）：\n${output()}`);
}

function stop(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export default async function setup(project: TestProject) {
  const executablePath = chromiumPath();
  const main = path.join(REPO_ROOT, 'apps', 'api', 'dist', 'main.js');
  const adminIndex = path.join(REPO_ROOT, 'apps', 'admin', 'dist', 'index.html');
  for (const [file, pkg] of [
    [main, '@touming/api'],
    [adminIndex, '@touming/admin'],
  ] as const) {
    if (!fs.existsSync(file)) throw new Error(`${file} 不存在：请先构建（npm run build -w ${pkg}，或在根目录 npm test）`);
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'touming-e2e-'));
  // a snapshot of the built console: a rebuild during the run (vite empties dist first) cannot break it
  const adminDist = path.join(dir, 'admin');
  fs.cpSync(path.dirname(adminIndex), adminDist, { recursive: true });
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  const server = spawn(process.execPath, [main], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      DATABASE_URL: `sqlite://${path.join(dir, 'touming.sqlite')}`,
      SEED_DEMO: '1',
      DEMO_TODAY,
      ADMIN_DIST: adminDist,
      JWT_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  server.stdout!.on('data', keep);
  server.stderr!.on('data', keep);

  let browser: BrowserServer | null = null;
  const teardown = async () => {
    await browser?.close().catch(() => undefined);
    await stop(server);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitReady(`${baseUrl}/readyz`, server, () => log);
    browser = await chromium.launchServer({ executablePath, headless: true, args: CHROMIUM_ARGS });
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide('baseUrl', baseUrl);
  project.provide('wsEndpoint', browser.wsEndpoint());
  return teardown;
}
