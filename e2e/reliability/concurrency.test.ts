/**
 * Concurrent writers over HTTP on MariaDB: clients hammer one report and, at the same time, ten
 * others, with optimistic concurrency (expectedRevision). Every acknowledged update must be in the
 * trail and in the revisions, every rejected (CONFLICT) one nowhere, revisions strictly increasing
 * without gaps, the audit chain unbroken. Then sign-off races: several identical signatures at once
 * end in exactly one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, codeOf, DEMO_PASSWORD, gql, login, recordSummary, sql, startApi, type ApiProcess } from './support';
import { demo } from '../demo';

const DB = 'rel_concurrency';
const KEY = 't4.reconsideration.upheld';
const CLIENTS_PER_GROUP = 10;
const UPDATES = Number(process.env.RELIABILITY_UPDATES ?? 50);
const UPDATE = `mutation($id: ID!, $r: Int!, $v: Float!) { updateReport(id: $id, expectedRevision: $r, input: { cells: [{ key: "${KEY}", value: $v }] }) { revision } }`;

interface Ack {
  reportId: string;
  revision: number;
  value: number;
}

describe('concurrent writers and sign-off races (MariaDB, HTTP)', () => {
  let api: ApiProcess;
  const summary: string[] = [];
  beforeAll(async () => {
    api = await startApi(DB);
  });
  afterAll(async () => {
    api?.child.kill('SIGTERM');
    await api?.exited;
    recordSummary('1-concurrency', summary);
  });

  it(`${CLIENTS_PER_GROUP * 2} clients × ${UPDATES} updates: every acknowledged update present, every rejected one absent`, async () => {
    const admin = await login(api.base, 'admin');
    const drafts = (await gql(api.base, 'query($y: Int) { reports(filter: { year: $y, status: DRAFT }, options: { take: 50 }) { items { id revision } } }', { y: demo.currentYear }, admin)).data.reports.items as {
      id: string;
      revision: number;
    }[];
    expect(drafts.length).toBeGreaterThanOrEqual(3);
    const hot = drafts[0];
    const others = drafts.slice(1, 11);
    const initial = new Map(drafts.map((d) => [d.id, d.revision]));
    const tokens = await Promise.all(Array.from({ length: CLIENTS_PER_GROUP * 2 }, () => login(api.base, 'admin')));

    const acks: Ack[] = [];
    const rejected: Ack[] = [];
    const t0 = Date.now();
    await Promise.all(
      tokens.map(async (token, client) => {
        const reportId = client < CLIENTS_PER_GROUP ? hot.id : others[client % others.length].id;
        let revision = initial.get(reportId)!;
        for (let i = 0; i < UPDATES; i++) {
          // far above any count the demo seed writes: no update sets the value the cell already holds
          // (its entry would list no change of KEY: the trail checks below read each entry's change)
          const value = 1_000_000 + client * 10_000 + i + 1;
          const r = await gql(api.base, UPDATE, { id: reportId, r: revision, v: value }, token);
          if (r.data?.updateReport) {
            revision = r.data.updateReport.revision;
            acks.push({ reportId, revision, value });
          } else {
            expect(codeOf(r), JSON.stringify(r.errors)).toBe('CONFLICT');
            rejected.push({ reportId, revision, value });
            const fresh = await gql(api.base, 'query($id: ID!) { report(id: $id) { revision } }', { id: reportId }, token);
            revision = fresh.data.report.revision;
          }
        }
      }),
    );
    const seconds = (Date.now() - t0) / 1000;

    const conn = await sql(DB);
    try {
      for (const reportId of new Set(acks.map((a) => a.reportId))) {
        const mine = acks.filter((a) => a.reportId === reportId).sort((a, b) => a.revision - b.revision);
        const r0 = initial.get(reportId)!;
        // revisions strictly increasing, without gaps or duplicates
        expect(mine.map((a) => a.revision)).toEqual(mine.map((_, i) => r0 + i + 1));
        const [[row]] = (await conn.query('SELECT revision FROM report WHERE id = ?', [reportId])) as any;
        expect(Number(row.revision)).toBe(r0 + mine.length);
        const final = await gql(api.base, `query($id: ID!) { report(id: $id) { cell(key: "${KEY}") } }`, { id: reportId }, admin);
        expect(final.data.report.cell).toBe(mine[mine.length - 1].value);
        // the trail: one report.update per acknowledged update, with its revision and value
        const [entries] = (await conn.query("SELECT detail FROM audit_entry WHERE action = 'report.update' AND reportId = ? ORDER BY id", [reportId])) as any;
        const trail = (entries as { detail: string | object }[]).map((e) => (typeof e.detail === 'string' ? JSON.parse(e.detail) : e.detail));
        expect(trail.map((d) => d.revision.to)).toEqual(mine.map((a) => a.revision));
        expect(trail.map((d) => d.cells.find((c: { key: string }) => c.key === KEY).after)).toEqual(mine.map((a) => a.value));
        const written = new Set(trail.map((d) => d.cells.find((c: { key: string }) => c.key === KEY).after));
        for (const r of rejected.filter((x) => x.reportId === reportId)) expect(written.has(r.value)).toBe(false);
      }
    } finally {
      await conn.end();
    }
    const verify = await cli(DB, ['audit', 'verify']);
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    expect(acks.length).toBeGreaterThan(UPDATES * 2);
    summary.push(
      `并发写入：${tokens.length} 个客户端 × ${UPDATES} 次更新（1 份热点报告 + ${others.length} 份），${acks.length} 次确认、${rejected.length} 次 CONFLICT，` +
        `${seconds.toFixed(1)} 秒（${((acks.length + rejected.length) / seconds).toFixed(0)} 次/秒）；确认的全部在、被拒的全不在、修订号严格递增、审计链完整`,
    );
  });

  it('sign-off races end in exactly one signature: the same reviewer five times, two approvers at once', async () => {
    const admin = await login(api.base, 'admin');
    const reportOf = async (code: string) => {
      const agencies = (await gql(api.base, '{ agencies(options: { take: 100 }) { items { id code } } }', {}, admin)).data.agencies.items as { id: string; code: string }[];
      const agencyId = agencies.find((a) => a.code === code)!.id;
      const r = await gql(api.base, 'query($a: ID!, $y: Int) { reports(filter: { agencyId: $a, year: $y }) { items { id status contentHash } } }', { a: agencyId, y: demo.currentYear }, admin);
      return { agencyId, report: r.data.reports.items[0] as { id: string; status: string; contentHash: string } };
    };
    // each signature confirmed with the signer's own password (step-up), any open scanner findings acknowledged
    const SIGN = 'mutation($id: ID!, $s: SignatureStage!, $h: String!, $p: String) { signReport(id: $id, stage: $s, contentHash: $h, password: $p, acknowledgeFindings: true) { status } }';
    const countEntries = async (action: string, reportId: string) => {
      const conn = await sql(DB);
      const [[row]] = (await conn.query('SELECT COUNT(*) AS n FROM audit_entry WHERE action = ? AND reportId = ?', [action, reportId])) as any;
      await conn.end();
      return Number(row.n);
    };

    // SUBMITTED in the demo: five identical REVIEW signatures in parallel
    const jiaoti = await reportOf('yanchi.jiaoti');
    expect(jiaoti.report.status).toBe('SUBMITTED');
    const reviewer = await login(api.base, 'jiaoti.reviewer');
    const reviews = await Promise.all(Array.from({ length: 5 }, () => gql(api.base, SIGN, { id: jiaoti.report.id, s: 'REVIEW', h: jiaoti.report.contentHash, p: DEMO_PASSWORD }, reviewer)));
    expect(reviews.filter((r) => r.data?.signReport).length).toBe(1);
    expect(reviews.filter((r) => !r.data?.signReport).map(codeOf)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT']);
    expect(await countEntries('report.review', jiaoti.report.id)).toBe(1);

    // REVIEWED in the demo: a second approver is added, both approve at the same moment
    const weijian = await reportOf('yanchi.weijian');
    expect(weijian.report.status).toBe('REVIEWED');
    const before = await countEntries('report.approve', weijian.report.id);
    await gql(
      api.base,
      'mutation($a: ID!) { createUser(input: { username: "weijian.approver2", displayName: "第二位主要领导", password: "Second-Approver-1", agencyId: $a, roles: [AGENCY_APPROVER] }) { id } }',
      { a: weijian.agencyId },
      admin,
    );
    // the administrator's password is one-time: the new approver chooses their own first
    const oneTime = await login(api.base, 'weijian.approver2', 'Second-Approver-1');
    const changed = await gql(api.base, 'mutation { changePassword(currentPassword: "Second-Approver-1", newPassword: "Own-Approver-Pw-2") { token } }', {}, oneTime);
    const approvers = [
      { token: await login(api.base, 'weijian.approver'), password: DEMO_PASSWORD },
      { token: changed.data.changePassword.token as string, password: 'Own-Approver-Pw-2' },
    ];
    const approvals = await Promise.all(
      approvers.flatMap((a) => [a, a].map(({ token, password }) => gql(api.base, SIGN, { id: weijian.report.id, s: 'APPROVE', h: weijian.report.contentHash, p: password }, token))),
    );
    expect(approvals.filter((r) => r.data?.signReport).length).toBe(1);
    expect(approvals.filter((r) => !r.data?.signReport).every((r) => codeOf(r) === 'CONFLICT')).toBe(true);
    expect(await countEntries('report.approve', weijian.report.id)).toBe(before + 1);
    const verify = await cli(DB, ['audit', 'verify']);
    expect(verify.status, verify.stdout).toBe(0);
    summary.push('签署竞争：同一审核人并发 5 次 REVIEW、两位主要领导并发 4 次 APPROVE —— 各自恰好 1 次成功，其余 CONFLICT');
  });
});
