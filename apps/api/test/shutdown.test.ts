/**
 * SIGTERM under write load: the built server (dist/main.js) runs as a child process, two writers
 * keep sending updateReport, the server gets SIGTERM mid-load, and every write it acknowledged must
 * be in the database afterwards. Needs the build (npm test builds first).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../src/db/data-source';
import { DEMO_PASSWORD } from '../src/seed/demo-data';
import { TEST_SECRET } from './support/api';
import { DIALECTS, openTestDatabase, type TestDatabase } from './support/databases';

const MAIN = path.resolve(__dirname, '..', 'dist', 'main.js');
const KEY = 't4.reconsideration.upheld';

function databaseUrl(db: TestDatabase): string {
  return db.config.type === 'sqlite' ? `sqlite://${db.config.path}` : db.config.url;
}

/** start dist/main.js on a free port; resolves with its base URL once it listens */
function startServer(url: string): Promise<{ child: ChildProcess; base: string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, DATABASE_URL: url, PORT: '0', JWT_SECRET: TEST_SECRET, SEED_DEMO: '1', DEMO_TODAY: '2026-12-03', LOG_LEVEL: process.env.SHUTDOWN_TEST_LOG ?? 'warn', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  if (process.env.SHUTDOWN_TEST_LOG) child.stdout!.on('data', (d) => process.stderr.write(d));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /http:\/\/localhost:(\d+)\//.exec(out);
      if (m) resolve({ child, base: `http://127.0.0.1:${m[1]}`, exited });
    });
    void exited.then((code) => { if (process.env.SHUTDOWN_TEST_LOG) console.log('STDERR', stderr); reject(new Error(`server exited (${code}) before listening: ${stderr}`)); });
  });
}

async function gql(base: string, query: string, variables: Record<string, unknown>, token?: string) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: unknown[] };
}

describe.each(DIALECTS)('SIGTERM during a write load on %s', (dialect) => {
  let db: TestDatabase;
  afterAll(async () => db?.drop());

  it('finishes in-flight requests, exits 0, and loses no acknowledged write', async () => {
    expect(fs.existsSync(MAIN), `${MAIN} missing: build @touming/api first`).toBe(true);
    db = await openTestDatabase(dialect, { migrate: false });
    await db.dataSource.destroy();
    const { child, base, exited } = await startServer(databaseUrl(db));

    const token = (await gql(base, 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: 'admin', p: DEMO_PASSWORD }))
      .data.login.token as string;
    const reports = (await gql(base, '{ reports(filter: { status: DRAFT }) { items { id revision } } }', {}, token)) as any;
    const drafts: { id: string; revision: number }[] = reports.data.reports.items;
    expect(drafts.length).toBeGreaterThanOrEqual(2);

    // each writer updates its own draft, one request after another, with increasing values
    const acknowledged = new Map<string, { value: number; revision: number }>();
    let stop = false;
    const writer = async (report: { id: string; revision: number }) => {
      let revision = report.revision;
      for (let value = 1; !stop; value++) {
        let result;
        try {
          result = await gql(
            base,
            'mutation($id: ID!, $r: Int!, $v: Float!) { updateReport(id: $id, expectedRevision: $r, input: { cells: [{ key: "' + KEY + '", value: $v }] }) { revision } }',
            { id: report.id, r: revision, v: value },
            token,
          );
        } catch {
          return; // connection refused/reset: the server has stopped accepting — not acknowledged
        }
        if (!result.data?.updateReport) return;
        revision = result.data.updateReport.revision;
        acknowledged.set(report.id, { value, revision });
      }
    };
    const writers = drafts.slice(0, 2).map(writer);
    // let the load run, then SIGTERM while requests are in flight
    await new Promise((r) => setTimeout(r, 700));
    child.kill('SIGTERM');
    const code = await exited;
    stop = true;
    await Promise.all(writers);
    expect(code).toBe(0);
    expect(acknowledged.size).toBe(2);

    const check = createDataSource(db.config);
    await check.initialize();
    try {
      for (const [reportId, ack] of acknowledged) {
        const [row] = await check.query(
          dialect === 'mysql'
            ? 'SELECT r.revision, c.value FROM report r JOIN report_cell c ON c.reportId = r.id WHERE r.id = ? AND c.`key` = ?'
            : 'SELECT r.revision, c.value FROM report r JOIN report_cell c ON c.reportId = r.id WHERE r.id = ? AND c."key" = ?',
          [reportId, KEY],
        );
        expect(ack.value).toBeGreaterThan(1);
        // a write the client never heard back about may also have committed: ≥, never <
        expect(Number(row.revision)).toBeGreaterThanOrEqual(ack.revision);
        expect(Number(row.value)).toBeGreaterThanOrEqual(ack.value);
      }
    } finally {
      await check.destroy();
    }
    // a child server that migrates and seeds the demo before it listens: tens of seconds on a busy machine
  }, 120_000);
});
