/** the built API as a child process over the private MariaDB, and plain HTTP calls to it */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { inject } from 'vitest';
import { DEMO_TODAY } from '../demo';

export const REPO = path.resolve(__dirname, '..', '..');
const MAIN = path.join(REPO, 'apps', 'api', 'dist', 'main.js');
const CLI = path.join(REPO, 'apps', 'cli', 'bin', 'touming.js');
export const SECRET = 'reliability-Qx7mZp2Lk9Vw4Rt8Ny3Hb6Jd1Fg5Sc0';
export const DEMO_PASSWORD = 'touming-demo';

export function mariadb() {
  return inject('mariadb');
}

export function databaseUrl(database: string): string {
  return `mysql://root@127.0.0.1:${mariadb().port}/${database}`;
}

export interface ApiProcess {
  child: ChildProcess;
  base: string;
  exited: Promise<number | null>;
}

/** start dist/main.js (migrations and the demo seed on first start) on a free port */
export function startApi(database: string, env: Record<string, string> = {}): Promise<ApiProcess> {
  if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} missing: build @touming/api first (npm test builds)`);
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, DATABASE_URL: databaseUrl(database), PORT: '0', JWT_SECRET: SECRET, SEED_DEMO: '1', DEMO_TODAY, LOG_LEVEL: 'error', NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /http:\/\/localhost:(\d+)\//.exec(out);
      if (m) resolve({ child, base: `http://127.0.0.1:${m[1]}`, exited });
    });
    void exited.then((code) => reject(new Error(`API exited (${code}) before listening: ${stderr}`)));
  });
}

export interface Reply {
  status: number;
  data?: any;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
}

/** one GraphQL request over HTTP; `body` may be any JSON (batches, junk); `headers` e.g. a forged X-Forwarded-For */
export async function post(base: string, body: unknown, token?: string | null, raw = false, headers: Record<string, string> = {}): Promise<Reply> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: raw ? (body as string) : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any = {};
  try {
    json = JSON.parse(text);
  } catch {
    json = { errors: [{ message: text, extensions: { code: 'NOT_JSON' } }] };
  }
  return { status: res.status, ...(Array.isArray(json) ? { data: json } : json) };
}

export function gql(base: string, query: string, variables: Record<string, unknown> = {}, token?: string | null): Promise<Reply> {
  return post(base, { query, variables }, token);
}

export async function login(base: string, username: string, password = DEMO_PASSWORD): Promise<string> {
  const r = await gql(base, 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: username, p: password });
  if (!r.data?.login) throw new Error(`login ${username} failed: ${JSON.stringify(r.errors)}`);
  return r.data.login.token;
}

export const codeOf = (r: Reply) => r.errors?.[0]?.extensions?.code;

/** a direct SQL connection to a database of the private server (checks and tampering) */
export function sql(database: string) {
  return mysql.createConnection({ host: '127.0.0.1', port: mariadb().port, user: 'root', database, dateStrings: true });
}

/**
 * `touming …` (the built CLI) against a database of the private server. Asynchronous on purpose: a
 * spawnSync of several seconds blocks this process's event loop, so the HTTP client never sees the
 * API close its idle keep-alive connections (after 5 s) and the next request goes out on a socket
 * the server has already closed ("fetch failed: other side closed").
 */
export function cli(database: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, DATABASE_URL: databaseUrl(database) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    if (await check().catch(() => false)) return Date.now() - t0;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export async function ready(base: string): Promise<boolean> {
  try {
    return (await fetch(`${base}/readyz`)).status === 200;
  } catch {
    return false;
  }
}

/** lines for the suite's printed summary */
export function recordSummary(name: string, lines: string[]): void {
  fs.writeFileSync(path.join(inject('summaryDir'), `${name}.json`), JSON.stringify(lines));
}
