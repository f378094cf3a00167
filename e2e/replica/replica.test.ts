/**
 * Read replicas for real: setup.sh starts a MariaDB primary (binary log) and a GTID replica of it; the
 * API runs with DATABASE_URL → primary and DATABASE_READ_URLS → replica. Shows (1) anonymous reads are
 * served by the replica, (2) with replication stopped (lag), a signed-in user reads back what they just
 * wrote — from the primary — while the replica is still stale. Needs @touming/api built.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource, createHttpApp, DEMO_PASSWORD, loadConfig, openDataSource, runMigrations, seedDemo } from '@touming/api';
import { demo } from '../demo';

const HERE = path.dirname(new URL(import.meta.url).pathname);
const PRIMARY_PORT = process.env.REPLICA_TEST_PRIMARY_PORT ?? '3407';
const REPLICA_PORT = process.env.REPLICA_TEST_REPLICA_PORT ?? '3408';
const PRIMARY = `mysql://root@127.0.0.1:${PRIMARY_PORT}/touming_replica`;
const REPLICA = `mysql://root@127.0.0.1:${REPLICA_PORT}/touming_replica`;
const KEY = 't4.reconsideration.upheld';

let dir = '';
let http: Awaited<ReturnType<typeof createHttpApp>> | undefined;
let base = '';
let apiDb: Awaited<ReturnType<typeof openDataSource>> | undefined;
const replicaDb = createDataSource({ type: 'mysql', url: REPLICA, database: 'touming_replica' });

function onReplica(sql: string): void {
  execFileSync('mariadb', ['--no-defaults', '-h127.0.0.1', `-P${REPLICA_PORT}`, '-uroot', '-e', sql]);
}

async function gql(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  const setup = spawnSync(path.join(HERE, 'setup.sh'), { encoding: 'utf8' });
  if (setup.status !== 0) throw new Error(`setup.sh failed: ${setup.stderr}`);
  dir = setup.stdout.trim();

  // schema and demo data on the primary; the replica gets them through the binary log
  const config = loadConfig({ DATABASE_URL: PRIMARY, DATABASE_READ_URLS: REPLICA, JWT_SECRET: 'replica-test-secret-0123456789-0123456789', SEED_DEMO: '0' });
  const primaryOnly = await openDataSource({ type: 'mysql', url: PRIMARY, database: 'touming_replica' });
  await runMigrations(primaryOnly);
  await seedDemo(primaryOnly, { today: demo.today });
  await primaryOnly.destroy();
  await replicaDb.initialize().catch(async () => {
    await until(async () => replicaDb.initialize().then(() => true, () => false), 'the database on the replica');
  });
  await until(async () => Number((await replicaDb.query('SELECT COUNT(*) AS n FROM report'))[0].n) > 50, 'the seed on the replica');

  apiDb = await openDataSource(config.database);
  http = await createHttpApp(apiDb, { ...config, adminDist: '/nonexistent' });
  await new Promise<void>((resolve) => http!.server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(http.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  if (http) await http.stop();
  if (apiDb?.isInitialized) await apiDb.destroy();
  if (replicaDb.isInitialized) await replicaDb.destroy();
  if (dir) spawnSync(path.join(HERE, 'teardown.sh'), { env: { ...process.env, REPLICA_TEST_DIR: dir } });
});

describe('API on a primary with a binlog replica', () => {
  it('serves anonymous reads from the replica', async () => {
    // a name changed on the replica only (root may write despite read_only): whoever shows it read the replica
    onReplica("UPDATE touming_replica.agency SET name = '副本上的名称' WHERE code = 'yanchi.huianpu'");
    const { publicAgencies } = await gql('{ publicAgencies { code name } }');
    expect(publicAgencies.find((a: { code: string }) => a.code === 'yanchi.huianpu').name).toBe('副本上的名称');
  });

  it('never gives a user an older state than their own write, even while the replica lags', async () => {
    const { login } = await gql('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
      u: 'wenlv.preparer',
      p: DEMO_PASSWORD,
    });
    const token = login.token as string;
    const { reports } = await gql('query($y: Int) { reports(filter: { year: $y }) { items { id revision } } }', { y: demo.currentYear }, token);
    const report = reports.items[0];

    onReplica('STOP SLAVE SQL_THREAD'); // replication lag, for as long as we like
    try {
      await gql(
        `mutation($id: ID!, $r: Int!) { updateReport(id: $id, expectedRevision: $r, input: { cells: [{ key: "${KEY}", value: 42 }] }) { revision } }`,
        { id: report.id, r: report.revision },
        token,
      );
      const { report: after } = await gql(`query($id: ID!) { report(id: $id) { revision cell(key: "${KEY}") } }`, { id: report.id }, token);
      expect(after).toEqual({ revision: report.revision + 1, cell: 42 });
      // the replica really is behind: the same row there still has the old revision
      const [stale] = await replicaDb.query('SELECT revision FROM report WHERE id = ?', [report.id]);
      expect(Number(stale.revision)).toBe(report.revision);
    } finally {
      onReplica('START SLAVE SQL_THREAD');
    }
    await until(async () => Number((await replicaDb.query('SELECT revision FROM report WHERE id = ?', [report.id]))[0].revision) === report.revision + 1, 'the replica to catch up');
  });
});
