/**
 * The product on a multi-primary Galera cluster: one API instance per node, every instance writing
 * to its own node. On Galera a row lock taken on one node does not block a write on another; the
 * loser fails at COMMIT with 1213 and the API re-runs its whole transaction. So here:
 * - 3 × 10 clients update one shared report and others through all three instances: every
 *   acknowledged write is there, every rejected one (stale expectedRevision) nowhere, revisions and
 *   report.update entries one to one without gaps, the same on every node;
 * - the same sign-off and the same publication sent through all three instances at once: exactly one
 *   succeeds per step;
 * - a node SIGKILLed mid-load: the other instances keep serving; the node rejoins by IST and its
 *   instance serves again; no acknowledged write lost;
 * - finally `touming audit verify` passes on every node, whose chain heads and tables are identical
 *   (one unforked chain), and the published totals read through every instance are identical.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CONFIDENTIALITY_CHECK_KEYS } from '@touming/domain/confidentiality';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demo, DEMO_TODAY } from '../demo';
import { codeOf, gql, login, ready, waitFor, type Reply } from '../reliability/support';
import { killNode, restartNode, type GaleraNode } from './cluster';

const cluster = inject('galera');
const REPO = path.resolve(__dirname, '..', '..');
const MAIN = path.join(REPO, 'apps', 'api', 'dist', 'main.js');
const CLI = path.join(REPO, 'apps', 'cli', 'bin', 'touming.js');
const DB = 'touming_galera';
const SECRET = 'galera-test-Qx7mZp2Lk9Vw4Rt8Ny3Hb6Jd1Fg5Sc0';
const METRICS_TOKEN = 'galera-metrics-token-0123456789';
const KEY = 't4.reconsideration.upheld';
const CLIENTS_PER_INSTANCE = 10;
const UPDATES = Number(process.env.GALERA_UPDATES ?? 12);
const UPDATE = `mutation($id: ID!, $r: Int!, $v: Float!) { updateReport(id: $id, expectedRevision: $r, input: { cells: [{ key: "${KEY}", value: $v }] }) { revision } }`;
const REVISION = 'query($id: ID!) { report(id: $id) { revision } }';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const url = (node: GaleraNode) => `mysql://root@127.0.0.1:${node.port}/${DB}`;

interface Instance {
  node: GaleraNode;
  child: ChildProcess;
  base: string;
}

function startApi(node: GaleraNode, env: Record<string, string>): Promise<Instance> {
  if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} missing: build @touming/api first`);
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: url(node),
      PORT: '0',
      JWT_SECRET: SECRET,
      METRICS_TOKEN,
      DEMO_TODAY,
      LOG_LEVEL: 'error',
      NODE_ENV: 'development',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /http:\/\/localhost:(\d+)\//.exec(out);
      if (m) resolve({ node, child, base: `http://127.0.0.1:${m[1]}` });
    });
    child.once('exit', (code) =>
      reject(new Error(`API on ${node.name} exited (${code}) before listening: ${stderr}`)),
    );
  });
}

/** the instance's transaction retries so far, from its /metrics */
async function retries(instance: Instance): Promise<{ retried: number; exhausted: number }> {
  const text = await (
    await fetch(`${instance.base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
  ).text();
  const sum = (name: string) =>
    text
      .split('\n')
      .filter((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `))
      .reduce((s, l) => s + Number(l.split(' ').pop()), 0);
  return {
    retried: sum('touming_db_transaction_retries_total'),
    exhausted: sum('touming_db_transaction_retries_exhausted_total'),
  };
}

async function totalRetries(instances: Instance[]) {
  const all = await Promise.all(instances.map(retries));
  return {
    retried: all.reduce((s, r) => s + r.retried, 0),
    exhausted: all.reduce((s, r) => s + r.exhausted, 0),
  };
}

/** a SQL connection to one node whose reads wait until the node has applied the whole cluster's writes */
async function sql(node: GaleraNode) {
  const conn = await mysql.createConnection({
    host: '127.0.0.1',
    port: node.port,
    user: 'root',
    database: DB,
    dateStrings: true,
  });
  await conn.query('SET SESSION wsrep_sync_wait = 1');
  return conn;
}

interface Ack {
  reportId: string;
  revision: number;
  value: number;
}

async function trailOf(
  node: GaleraNode,
  reportId: string,
): Promise<{ to: number; value: number | undefined }[]> {
  const conn = await sql(node);
  try {
    const [rows] = (await conn.query(
      "SELECT detail FROM audit_entry WHERE action = 'report.update' AND reportId = ? ORDER BY id",
      [reportId],
    )) as any;
    return (rows as { detail: string | object }[]).map((r) => {
      const d = typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail;
      return { to: d.revision.to, value: d.cells.find((c: { key: string }) => c.key === KEY)?.after };
    });
  } finally {
    await conn.end();
  }
}

/**
 * per report, from revision r0 on: entries ⇔ revisions one to one, gap-free; acknowledged values
 * present, rejected ones absent; all nodes agree. Returns the number of changes.
 */
async function checkReports(initial: Map<string, number>, acks: Ack[], rejected: Ack[]): Promise<number> {
  let changes = 0;
  for (const [reportId, r0] of initial) {
    const trail = (await trailOf(cluster!.nodes[0], reportId)).filter((t) => t.to > r0);
    expect(
      trail.map((t) => t.to),
      `report ${reportId}: revisions of the trail`,
    ).toEqual(trail.map((_, i) => r0 + i + 1));
    const written = new Map(trail.map((t) => [t.to, t.value]));
    for (const ack of acks.filter((a) => a.reportId === reportId))
      expect(written.get(ack.revision), `acknowledged revision ${ack.revision} of ${reportId}`).toBe(
        ack.value,
      );
    const values = new Set(trail.map((t) => t.value));
    for (const r of rejected.filter((a) => a.reportId === reportId))
      expect(values.has(r.value), `rejected value ${r.value} written`).toBe(false);
    for (const node of cluster!.nodes) {
      const conn = await sql(node);
      try {
        const [[row]] = (await conn.query('SELECT revision FROM report WHERE id = ?', [reportId])) as any;
        expect(Number(row.revision), `revision of ${reportId} on ${node.name}`).toBe(r0 + trail.length);
        const [[cell]] = (await conn.query('SELECT value FROM report_cell WHERE reportId = ? AND `key` = ?', [
          reportId,
          KEY,
        ])) as any;
        if (trail.length)
          expect(Number(cell.value), `cell of ${reportId} on ${node.name}`).toBe(
            trail[trail.length - 1].value,
          );
      } finally {
        await conn.end();
      }
    }
    changes += trail.length;
  }
  return changes;
}

describe.skipIf(!cluster)('the API on a three-node Galera cluster, one instance per node', () => {
  const instances: Instance[] = [];
  const summary: string[] = [];
  let admin: string;
  let drafts: { id: string; revision: number }[];
  let nextValue = 1_000_000;

  beforeAll(async () => {
    const [first, ...others] = cluster!.nodes;
    // one instance migrates and seeds; the others start on the schema it made (on a cluster the
    // migrations run once, e.g. as a Kubernetes Job, with MIGRATE_ON_START=off everywhere else)
    instances.push(await startApi(first, { SEED_DEMO: '1' }));
    for (const node of others)
      instances.push(await startApi(node, { SEED_DEMO: '0', MIGRATE_ON_START: '0' }));
    admin = await login(instances[0].base, 'admin');
    drafts = (
      await gql(
        instances[0].base,
        'query($y: Int) { reports(filter: { year: $y, status: DRAFT }, options: { take: 50 }) { items { id revision } } }',
        { y: demo.currentYear },
        admin,
      )
    ).data.reports.items;
    expect(drafts.length).toBeGreaterThanOrEqual(3);
  });

  afterAll(async () => {
    for (const instance of instances) instance.child.kill('SIGKILL');
    if (inject('summaryDir'))
      fs.writeFileSync(path.join(inject('summaryDir'), 'galera.json'), JSON.stringify(summary));
  });

  it(`3 × ${CLIENTS_PER_INSTANCE} clients update the same and different reports through all three nodes: nothing lost, rejected ones absent`, async () => {
    const initial = new Map(drafts.map((d) => [d.id, d.revision]));
    const hot = drafts[0];
    const others = drafts.slice(1);
    const clients = instances.length * CLIENTS_PER_INSTANCE;
    const tokens = await Promise.all(
      Array.from({ length: clients }, (_, c) => login(instances[c % instances.length].base, 'admin')),
    );
    const before = await totalRetries(instances);
    const acks: Ack[] = [];
    const rejected: Ack[] = [];
    const failures: string[] = [];
    let exhaustedReplies = 0;
    const t0 = Date.now();
    await Promise.all(
      tokens.map(async (token, c) => {
        const instance = instances[c % instances.length];
        // half the clients on one report through all three nodes, the rest spread over the others
        const reportId = c % 2 === 0 ? hot.id : others[c % others.length].id;
        let revision = initial.get(reportId)!;
        for (let i = 0; i < UPDATES; i++) {
          const value = nextValue++;
          const r: Reply = await gql(instance.base, UPDATE, { id: reportId, r: revision, v: value }, token);
          if (r.data?.updateReport) {
            revision = r.data.updateReport.revision;
            acks.push({ reportId, revision, value });
          } else if (codeOf(r) === 'CONFLICT') {
            rejected.push({ reportId, revision, value });
            if (r.errors![0].extensions?.retryable) exhaustedReplies++;
            const current = await gql(instance.base, REVISION, { id: reportId }, token);
            revision = current.data.report.revision;
          } else {
            failures.push(JSON.stringify(r.errors ?? r));
          }
        }
      }),
    );
    const seconds = (Date.now() - t0) / 1000;
    expect(failures).toEqual([]);
    expect(acks.length).toBeGreaterThan(0);
    const changes = await checkReports(initial, acks, rejected);
    // every change is an acknowledged write: no write took effect without its client being told
    expect(changes).toBe(acks.length);
    const after = await totalRetries(instances);
    const retried = after.retried - before.retried;
    const exhausted = after.exhausted - before.exhausted;
    expect(exhausted).toBe(exhaustedReplies);
    summary.push(
      `${clients} 个客户端（每个节点 ${CLIENTS_PER_INSTANCE} 个）× ${UPDATES} 次修改：确认 ${acks.length} 次（${(acks.length / seconds).toFixed(1)} 次/秒，${seconds.toFixed(1)} 秒），` +
        `因修订号过期被拒 ${rejected.length - exhaustedReplies} 次（均未写入），跨节点冲突自动重试 ${retried} 次，重试用尽 ${exhausted} 次；修订号与审计条目一一对应、无缺号，三个节点一致`,
    );
  });

  it('the same sign-off and the same publication through all three nodes at once: exactly one succeeds per step', async () => {
    const base = (i: number) => instances[i % instances.length].base;
    const id = (
      await gql(
        base(0),
        'query($y: Int) { reports(filter: { year: $y, status: SUBMITTED }, options: { take: 50 }) { items { id agency { code } } } }',
        { y: demo.currentYear },
        admin,
      )
    ).data.reports.items.find((r: { agency: { code: string } }) => r.agency.code === 'yanchi.jiaoti').id;
    const [reviewer, approver, secrecy, preparer] = await Promise.all(
      ['jiaoti.reviewer', 'jiaoti.approver', 'jiaoti.secrecy', 'jiaoti.preparer'].map((u) =>
        login(base(0), u),
      ),
    );
    const state = async () =>
      (
        await gql(
          base(0),
          'query($id: ID!) { report(id: $id) { status contentHash publicationBlockers { code } } }',
          { id },
          admin,
        )
      ).data.report as { status: string; contentHash: string; publicationBlockers: { code: string }[] };
    const race = async (name: string, send: (base: string) => Promise<Reply>) => {
      const replies = await Promise.all(Array.from({ length: 6 }, (_, i) => send(base(i))));
      const won = replies.filter((r) => r.data && Object.values(r.data)[0]);
      const codes = replies.filter((r) => !(r.data && Object.values(r.data)[0])).map(codeOf);
      expect(
        won.length,
        `${name}: ${JSON.stringify(replies.map((r) => r.errors?.[0]?.message ?? 'ok'))}`,
      ).toBe(1);
      expect(new Set(codes), name).toEqual(new Set(['CONFLICT']));
      return codes.length;
    };
    const sign = (token: string, stage: string, hash: string) => (b: string) =>
      gql(
        b,
        'mutation($id: ID!, $s: SignatureStage!, $h: String!, $p: String) { signReport(id: $id, stage: $s, contentHash: $h, password: $p, acknowledgeFindings: true) { status } }',
        { id, s: stage, h: hash, p: 'touming-demo' },
        token,
      );

    let s = await state();
    let refused = await race('REVIEW', sign(reviewer, 'REVIEW', s.contentHash));
    s = await state();
    expect(s.status).toBe('REVIEWED');
    refused += await race('APPROVE', sign(approver, 'APPROVE', s.contentHash));
    const review = await gql(
      base(1),
      'mutation($id: ID!, $h: String!, $input: ConfidentialityReviewInput!, $p: String) { saveConfidentialityReview(reportId: $id, contentHash: $h, input: $input, password: $p) { id } }',
      {
        id,
        p: 'touming-demo',
        h: s.contentHash,
        input: { checks: CONFIDENTIALITY_CHECK_KEYS.map((key) => ({ key, conclusion: 'PASS' })) },
      },
      secrecy,
    );
    expect(review.errors).toBeUndefined();
    s = await state();
    expect(s.publicationBlockers).toEqual([]);
    refused += await race('publish', (b) =>
      gql(b, 'mutation($id: ID!) { publishReport(id: $id) { status } }', { id }, preparer),
    );
    expect((await state()).status).toBe('PUBLISHED');

    const conn = await sql(cluster!.nodes[2]);
    try {
      const [signatures] = (await conn.query(
        'SELECT stage, COUNT(*) AS n FROM signature WHERE reportId = ? AND voidedAt IS NULL GROUP BY stage',
        [id],
      )) as any;
      expect(
        Object.fromEntries((signatures as { stage: string; n: number }[]).map((r) => [r.stage, Number(r.n)])),
      ).toMatchObject({ REVIEW: 1, APPROVE: 1 });
      const [[revisions]] = (await conn.query(
        'SELECT COUNT(*) AS n FROM report_revision WHERE reportId = ?',
        [id],
      )) as any;
      expect(Number(revisions.n)).toBe(1);
      const [actions] = (await conn.query(
        "SELECT action, COUNT(*) AS n FROM audit_entry WHERE reportId = ? AND action IN ('report.review', 'report.approve', 'report.publish') GROUP BY action",
        [id],
      )) as any;
      expect(
        Object.fromEntries((actions as { action: string; n: number }[]).map((r) => [r.action, Number(r.n)])),
      ).toEqual({ 'report.review': 1, 'report.approve': 1, 'report.publish': 1 });
    } finally {
      await conn.end();
    }
    summary.push(
      `同一份报告的分管领导签署、主要领导签署、公开各由三个节点同时发出 6 次：每步恰好 1 次成功，其余 ${refused} 次得到 CONFLICT；签名、公开版本、审计条目各一条`,
    );
  });

  it('a node killed (SIGKILL) mid-load: the other instances keep serving, the node rejoins by IST, no acknowledged write lost', async () => {
    const victim = instances[2];
    const initial = new Map<string, number>();
    for (const d of drafts)
      initial.set(d.id, (await gql(instances[0].base, REVISION, { id: d.id }, admin)).data.report.revision);
    const acks: (Ack & { instance: number; at: number })[] = [];
    let unknown = 0;
    let running = true;
    const tokens = await Promise.all(instances.map((i) => login(i.base, 'admin')));
    const writers = instances.flatMap((instance, n) =>
      drafts.slice(0, 4).map(async (d) => {
        let revision: number | null = null;
        while (running) {
          try {
            if (revision === null) {
              const r = await gql(instance.base, REVISION, { id: d.id }, tokens[n]);
              if (!r.data?.report) throw new Error('read failed');
              revision = r.data.report.revision as number;
            }
            const value = nextValue++;
            const r = await gql(instance.base, UPDATE, { id: d.id, r: revision, v: value }, tokens[n]);
            if (r.data?.updateReport) {
              revision = r.data.updateReport.revision as number;
              acks.push({ reportId: d.id, revision: revision!, value, instance: n, at: Date.now() });
            } else {
              // a stale revision (another node's client was first) or a failed request: read again
              if (codeOf(r) !== 'CONFLICT') unknown++;
              revision = null;
              if (codeOf(r) !== 'CONFLICT') await sleep(100);
            }
          } catch {
            unknown++;
            revision = null;
            await sleep(100);
          }
        }
      }),
    );
    await sleep(3000);
    const killedAt = Date.now();
    await killNode(victim.node);
    await waitFor(
      `${victim.node.name}'s instance not ready`,
      async () => !(await ready(victim.base)),
      30_000,
    );
    await sleep(8000);
    const rejoin = await restartNode(cluster!, victim.node);
    // from the kill until the node is Synced again (its restart and IST included): the writes the two
    // surviving instances acknowledged meanwhile
    const servedWhileDown = [0, 1].map((n) => acks.filter((a) => a.instance === n && a.at > killedAt).length);
    const readyAfter = await waitFor(
      `${victim.node.name}'s instance ready again`,
      () => ready(victim.base),
      60_000,
    );
    const back = Date.now();
    // its writers compete with eight others for the same four reports on a busy machine: give them
    // the time to win one (a stale revision is a CONFLICT, not a failure of the node)
    await waitFor(
      `${victim.node.name}'s instance acknowledging a write again`,
      async () => acks.some((a) => a.instance === 2 && a.at > back),
      120_000,
    ).catch(() => undefined);
    running = false;
    await Promise.all(writers);
    const servedAfterRejoin = acks.filter((a) => a.instance === 2 && a.at > back).length;
    expect(servedWhileDown[0], 'node1 instance served while node3 was down').toBeGreaterThan(0);
    expect(servedWhileDown[1], 'node2 instance served while node3 was down').toBeGreaterThan(0);
    expect(servedAfterRejoin, 'node3 instance serves again after the rejoin').toBeGreaterThan(0);
    expect(rejoin.ist, 'rejoined by IST, not a full SST').toBe(true);

    // every acknowledged write is in the trail and the tables, on every node (the rejoined one too)
    const changed = new Map([...initial].filter(([id]) => drafts.slice(0, 4).some((d) => d.id === id)));
    const changes = await checkReports(changed, acks, []);
    expect(changes).toBeGreaterThanOrEqual(acks.length);
    summary.push(
      `写入中途 SIGKILL 节点 3：节点 1、2 上的实例在其宕机期间继续确认 ${servedWhileDown[0]} + ${servedWhileDown[1]} 次写入；节点 3 以 IST 重新加入（${(rejoin.syncedAfterMs / 1000).toFixed(1)} 秒后同步，` +
        `位置 ${rejoin.position.split(':')[1]}），其实例 ${(readyAfter / 1000).toFixed(1)} 秒后就绪并又确认 ${servedAfterRejoin} 次；共确认 ${acks.length} 次全部在（三个节点），${unknown} 次结果未知`,
    );
  });

  it('touming audit verify passes on every node; one chain, identical on all nodes; published totals identical', async () => {
    const heads: string[] = [];
    const checksums: string[] = [];
    let checked = '';
    for (const node of cluster!.nodes) {
      const r = spawnSync(process.execPath, [CLI, 'audit', 'verify'], {
        env: { ...process.env, DATABASE_URL: url(node) },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(r.status, `${node.name}: ${r.stdout}${r.stderr}`).toBe(0);
      checked = /共校验 (\d+) 条/.exec(r.stdout)?.[1] ?? '?';
      const conn = await sql(node);
      try {
        const [[head]] = (await conn.query('SELECT lastId, lastHash FROM audit_head WHERE id = 1')) as any;
        heads.push(`${head.lastId}:${head.lastHash}`);
        const [sums] = (await conn.query(
          'CHECKSUM TABLE audit_entry, report, report_cell, report_revision, published_cell, signature',
        )) as any;
        checksums.push(
          JSON.stringify(
            (sums as { Table: string; Checksum: unknown }[]).map((s) => [
              s.Table.split('.').pop(),
              String(s.Checksum),
            ]),
          ),
        );
      } finally {
        await conn.end();
      }
    }
    expect(new Set(heads).size, heads.join(' / ')).toBe(1);
    expect(new Set(checksums).size, checksums.join('\n')).toBe(1);
    const totals = await Promise.all(
      instances.map(async (i) =>
        JSON.stringify(
          (
            await gql(
              i.base,
              'query($y: Int!) { publicStatistics(year: $y) { reportCount cells { key value } } }',
              { y: demo.currentYear },
            )
          ).data,
        ),
      ),
    );
    expect(JSON.parse(totals[0]).publicStatistics.reportCount).toBeGreaterThan(0);
    expect(new Set(totals).size).toBe(1);
    const all = await totalRetries(instances);
    // conflicts across nodes did happen, and every one was absorbed by a re-run, none surfaced
    expect(all.retried).toBeGreaterThan(0);
    expect(all.exhausted).toBe(0);
    summary.push(
      `全程：跨节点写冲突（1213/1205）自动重试 ${all.retried} 次，重试用尽 ${all.exhausted} 次；经受节点故障 1 次（SIGKILL + IST 重新加入）`,
    );
    summary.push(
      `touming audit verify 在三个节点均通过：同一条链 ${checked} 条，链头 ${heads[0].slice(0, 20)}… 三节点相同；各表校验和、已公开合计三节点一致`,
    );
  });
});
