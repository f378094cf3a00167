/**
 * Faults under write load on the private MariaDB: the database is shut down and started again in the
 * middle of the load, then the API process is killed (SIGKILL, mid-request) and started again.
 * Afterwards: every acknowledged write is present; every report's revisions and its report.update
 * trail match one to one (no change without its entry, no entry without its change: no partial
 * write, no orphan entry); the chain verifies; /readyz went red and came back green by itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopMariadb, startMariadb } from './mariadb';
import { cli, codeOf, gql, login, mariadb, ready, recordSummary, sql, startApi, waitFor, type ApiProcess } from './support';
import { demo } from '../demo';

const DB = 'rel_faults';
const KEY = 't4.reconsideration.upheld';
const UPDATE = `mutation($id: ID!, $r: Int!, $v: Float!) { updateReport(id: $id, expectedRevision: $r, input: { cells: [{ key: "${KEY}", value: $v }] }) { revision } }`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Load {
  acks: { reportId: string; revision: number; value: number }[];
  unknown: number;
  rejected: number;
  stop: () => Promise<void>;
}

describe('faults during a write load (MariaDB, HTTP)', () => {
  let api: ApiProcess;
  let token: string;
  let drafts: { id: string; revision: number }[];
  const initial = new Map<string, number>();
  const initialValue = new Map<string, number | null>();
  const summary: string[] = [];
  // far above any count the demo seed writes: a write never sets the value the cell already holds
  let nextValue = 1_000_001;

  beforeAll(async () => {
    api = await startApi(DB);
    token = await login(api.base, 'admin');
    drafts = (await gql(api.base, 'query($y: Int) { reports(filter: { year: $y, status: DRAFT }, options: { take: 6 }) { items { id revision } } }', { y: demo.currentYear }, token)).data.reports.items;
    for (const d of drafts) {
      initial.set(d.id, d.revision);
      initialValue.set(d.id, (await gql(api.base, `query($id: ID!) { report(id: $id) { cell(key: "${KEY}") } }`, { id: d.id }, token)).data.report.cell);
    }
  });
  afterAll(async () => {
    api?.child.kill('SIGKILL');
    recordSummary('2-faults', summary);
  });

  /** one writer per draft, two on the first; a failed request is an unknown outcome, the writer re-reads and goes on */
  function startLoad(): Load {
    const load: Load = { acks: [], unknown: 0, rejected: 0, stop: async () => undefined };
    let running = true;
    const writers = [...drafts, drafts[0]].map(async (d) => {
      let revision: number | null = null;
      while (running) {
        try {
          if (revision === null) {
            const r = await gql(api.base, 'query($id: ID!) { report(id: $id) { revision } }', { id: d.id }, token);
            if (!r.data?.report) throw new Error('read failed');
            revision = r.data.report.revision as number;
          }
          const value = nextValue++;
          const r = await gql(api.base, UPDATE, { id: d.id, r: revision, v: value }, token);
          if (r.data?.updateReport) {
            revision = r.data.updateReport.revision;
            load.acks.push({ reportId: d.id, revision: revision!, value });
          } else {
            if (codeOf(r) === 'CONFLICT') load.rejected++;
            else load.unknown++;
            revision = null;
          }
        } catch {
          // connection refused or reset: the outcome of that request is unknown
          load.unknown++;
          revision = null;
          await sleep(50);
        }
      }
    });
    load.stop = async () => {
      running = false;
      await Promise.all(writers);
    };
    return load;
  }

  async function checkNothingLost(load: Load): Promise<number> {
    const conn = await sql(DB);
    let changes = 0;
    try {
      for (const d of drafts) {
        const r0 = initial.get(d.id)!;
        const [[row]] = (await conn.query('SELECT revision FROM report WHERE id = ?', [d.id])) as any;
        const [entries] = (await conn.query("SELECT detail FROM audit_entry WHERE action = 'report.update' AND reportId = ? ORDER BY id", [d.id])) as any;
        const trail = (entries as { detail: string | object }[]).map((e) => (typeof e.detail === 'string' ? JSON.parse(e.detail) : e.detail));
        // one entry per revision and one revision per entry
        expect(trail.map((t) => t.revision.to)).toEqual(trail.map((_, i) => r0 + i + 1));
        expect(Number(row.revision)).toBe(r0 + trail.length);
        // the cell's value at each revision: an entry lists only the cells it changed, so a revision
        // that wrote the value the cell already held has no change of KEY — it keeps the value before
        let value = initialValue.get(d.id) ?? null;
        const written = new Map<number, number | null>();
        for (const t of trail) {
          const change = t.cells.find((c: { key: string }) => c.key === KEY);
          if (change) value = change.after;
          written.set(t.revision.to, value);
        }
        for (const ack of load.acks.filter((a) => a.reportId === d.id)) expect(written.get(ack.revision), `acknowledged revision ${ack.revision}`).toBe(ack.value);
        const [[cell]] = (await conn.query('SELECT value FROM report_cell WHERE reportId = ? AND `key` = ?', [d.id, KEY])) as any;
        if (trail.length) expect(Number(cell.value)).toBe(written.get(r0 + trail.length));
        changes += trail.length;
      }
    } finally {
      await conn.end();
    }
    const verify = await cli(DB, ['audit', 'verify']);
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    return changes;
  }

  it('the database is shut down and started again mid-load: readiness red then green, nothing lost', async () => {
    const db = mariadb();
    const load = startLoad();
    await sleep(1500);
    const acksBefore = load.acks.length;
    await stopMariadb(db);
    const redAfter = await waitFor('/readyz red', async () => !(await ready(api.base)), 15_000);
    await sleep(1000);
    await startMariadb(db);
    const greenAfter = await waitFor('/readyz green again', () => ready(api.base), 60_000);
    const acksAtRecovery = load.acks.length;
    await sleep(1500);
    await load.stop();
    expect(acksBefore).toBeGreaterThan(0);
    // the API recovered by itself: writes were acknowledged after the restart
    expect(load.acks.length).toBeGreaterThan(acksAtRecovery);
    const changes = await checkNothingLost(load);
    summary.push(
      `数据库重启（mariadb-admin shutdown → 重新启动）于写入中途：/readyz ${redAfter} ms 后变红、重启后 ${greenAfter} ms 自动恢复；` +
        `${load.acks.length} 次确认写入全部在，${load.unknown} 次结果未知，${changes} 次变更与审计条目一一对应，审计链完整`,
    );
  });

  it('the API process is killed (SIGKILL) mid-load and started again: nothing lost, no orphan entry', async () => {
    const load = startLoad();
    await sleep(1500);
    const acksBefore = load.acks.length;
    api.child.kill('SIGKILL');
    await api.exited;
    expect(await ready(api.base)).toBe(false);
    api = await startApi(DB);
    const greenAfter = await waitFor('/readyz green on the new process', () => ready(api.base), 30_000);
    await sleep(1500);
    await load.stop();
    expect(load.acks.length).toBeGreaterThan(acksBefore);
    const changes = await checkNothingLost(load);
    summary.push(
      `API 进程被 SIGKILL 于写入中途并重新启动：${greenAfter} ms 后就绪；${load.acks.length} 次确认写入全部在，${load.unknown} 次结果未知，` +
        `${changes} 次变更无半截写入、无孤立审计条目，审计链完整`,
    );
  });
});
