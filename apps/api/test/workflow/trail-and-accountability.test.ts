import { Not } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../src/modules/audit/audit-entry.entity';
import { SigningService } from '../../src/modules/workflow/signing.service';
import { Report } from '../../src/modules/reports/report.entity';
import { codeOf } from '../support/api';
import { DIALECTS } from '../support/databases';
import { seededEnv, type SeededEnv } from '../support/env';
import { createUser, expectCode, lastAuditId, ReportClient } from './helpers';

describe.each(DIALECTS)('the trail, contributions and 责任追究 on %s', (dialect) => {
  let env: SeededEnv;
  let admin: string;
  let preparer: string;
  let contributor: string;
  let reviewer: string;

  beforeAll(async () => {
    env = await seededEnv(dialect);
    [admin, preparer, contributor, reviewer] = await Promise.all(
      ['admin', 'wenlv.preparer', 'wenlv.contributor', 'wenlv.reviewer'].map((u) => env.api.login(u)),
    );
  });
  afterAll(async () => {
    await env?.close();
  });

  it('auditEntries: the county office reads everything, an agency user only their agency, filters narrow it', async () => {
    const wenlvId = await env.agencyId('yanchi.wenlv');
    const all = await env.api.ok(`{ auditEntries(options: { take: 1 }) { totalItems } }`, {}, admin);
    expect(all.auditEntries.totalItems).toBeGreaterThan(0);
    const own = await env.api.ok(`{ auditEntries(options: { take: 200 }) { totalItems items { agencyId action } } }`, {}, preparer);
    expect(own.auditEntries.items.every((e: { agencyId: string }) => e.agencyId === wenlvId)).toBe(true);
    const jiaoti = await env.agencyId('yanchi.jiaoti');
    expectCode(await env.api.gql(`query($a: ID!) { auditEntries(filter: { agencyId: $a }) { totalItems } }`, { a: jiaoti }, preparer), 'FORBIDDEN');
    expectCode(await env.api.gql(`{ auditEntries { totalItems } }`, {}, contributor), 'FORBIDDEN');
    const logins = await env.api.ok(`{ auditEntries(filter: { action: "auth.*" }, options: { take: 200 }) { items { action } } }`, {}, admin);
    expect(logins.auditEntries.items.length).toBeGreaterThanOrEqual(4);
    expect(logins.auditEntries.items.every((e: { action: string }) => e.action.startsWith('auth.'))).toBe(true);
    const future = await env.api.ok(`{ auditEntries(filter: { from: "2999-01-01T00:00:00Z" }) { totalItems } }`, {}, admin);
    expect(future.auditEntries.totalItems).toBe(0);
    expectCode(await env.api.gql(`{ verifyAuditChain { ok } }`, {}, preparer), 'FORBIDDEN');
  });

  it('a contributor edits only what was assigned, delivers it, and overdue assignments are listed', async () => {
    const report = new ReportClient(env.api, await env.reportId('yanchi.wenlv', env.demo.currentYear));
    const users = await env.api.ok(`{ users(filter: { search: "wenlv.contributor" }) { items { id } } }`, {}, admin);
    const assigneeId = users.users.items[0].id;
    const assign = (token: string, target: string, dueDate = '2099-12-31') =>
      env.api.gql(
        `mutation($r: ID!, $a: ID!, $t: String!, $d: String!) { assignContribution(reportId: $r, assigneeId: $a, target: $t, dueDate: $d, note: "请提供") { id target deliveredAt } }`,
        { r: report.id, a: assigneeId, t: target, d: dueDate },
        token,
      );
    expectCode(await assign(reviewer, 't3.new.'), 'FORBIDDEN');
    expectCode(await assign(preparer, 't9.nothing.'), 'BAD_USER_INPUT');
    expectCode(await assign(preparer, 't3.new.', '2026-02-30'), 'BAD_USER_INPUT', '完成期限');
    const assigned = (await assign(preparer, 't3.new.')).data!.assignContribution;
    expect(assigned.target).toBe('t3.new.');
    const late = (await assign(preparer, 'problems', '2020-01-01')).data!.assignContribution;

    const { revision } = await report.state(preparer);
    const inside = await report.update(contributor, revision, { cells: [{ key: 't3.new.natural', value: 41 }], sections: [{ key: 'problems', text: '股室提供：存在的问题。' }] });
    expect(inside.errors).toBeUndefined();
    const audits = await env.api.auditCount();
    const outside = await report.update(contributor, inside.data!.updateReport.revision, { cells: [{ key: 't3.new.natural', value: 42 }, { key: 't2.penalty.decisions', value: 1 }], sections: [{ key: 'overview', text: '改' }] });
    expectCode(outside, 'FORBIDDEN', 't2.penalty.decisions');
    expect(outside.errors![0].message).toContain('overview');
    expect(await env.api.auditCount()).toBe(audits + 1);
    expect((await env.api.lastAudit())!.action).toBe('access.denied');
    expect((await report.state(preparer)).revision).toBe(inside.data!.updateReport.revision);

    const overdueIds = async () =>
      (await env.api.ok(`{ overdueContributions { daysOverdue contribution { id target } } }`, {}, preparer)).overdueContributions.map(
        (o: { contribution: { id: string } }) => o.contribution.id,
      );
    expect(await overdueIds()).toContain(late.id);
    expect(await overdueIds()).not.toContain(assigned.id);
    expectCode(await env.api.gql(`mutation($id: ID!) { deliverContribution(id: $id) { id } }`, { id: late.id }, preparer), 'FORBIDDEN');
    const delivered = await env.api.ok(`mutation($id: ID!) { deliverContribution(id: $id) { deliveredAt } }`, { id: late.id }, contributor);
    expect(delivered.deliverContribution.deliveredAt).toBeTruthy();
    expectCode(await env.api.gql(`mutation($id: ID!) { deliverContribution(id: $id) { id } }`, { id: late.id }, contributor), 'CONFLICT');
    expect(await overdueIds()).not.toContain(late.id);
    const listed = await env.api.ok(`query($id: ID!) { contributions(reportId: $id) { id target assignee { username } } }`, { id: report.id }, preparer);
    const mine = listed.contributions.filter((c: { id: string }) => [assigned.id, late.id].includes(c.id));
    expect(mine.map((c: { target: string; assignee: { username: string } }) => [c.target, c.assignee.username]).sort()).toEqual([
      ['problems', 'wenlv.contributor'],
      ['t3.new.', 'wenlv.contributor'],
    ]);
  });

  it('the demo seed makes states real: published reports have a revision, all cells, three signatures and a cleared review', async () => {
    const wenlv2024 = await env.reportId('yanchi.wenlv', env.demo.previousYear);
    const data = await env.api.ok(
      `query($id: ID!) { report(id: $id) { status contentHash revisions { revisionNo isCurrent contentHash } signatures { stage signerId contentHash voidedAt }
        confidentiality { cleared } publicationBlockers { code } deadline { overdue } } }`,
      { id: wenlv2024 },
      admin,
    );
    const r = data.report;
    expect(r.status).toBe('PUBLISHED');
    expect(r.revisions).toEqual([{ revisionNo: 1, isCurrent: true, contentHash: r.contentHash }]);
    expect(r.signatures.map((s: { stage: string }) => s.stage)).toEqual(['PREPARE', 'REVIEW', 'APPROVE']);
    expect(new Set(r.signatures.map((s: { signerId: string }) => s.signerId)).size).toBe(3);
    expect(r.signatures.every((s: { contentHash: string; voidedAt: string | null }) => s.contentHash === r.contentHash && !s.voidedAt)).toBe(true);
    expect(r.confidentiality.cleared).toBe(true);
    expect(r.deadline.overdue).toBe(false);
    const published = await env.db.dataSource.manager.count(Report, { where: { status: 'PUBLISHED' } });
    const current = await env.api.ok(`{ cycleProgress(year: ${env.demo.previousYear}) { status confidentialityCleared firstPublishedAt } }`, {}, admin);
    expect(current.cycleProgress.filter((p: { status: string }) => p.status === 'PUBLISHED').every((p: { confidentialityCleared: boolean; firstPublishedAt: string }) => p.confidentialityCleared && p.firstPublishedAt)).toBe(true);
    expect(published).toBeGreaterThan(50);
    // the open cycle: every signed state carries exactly its signatures; the returned draft its preparer's, voided with the comment
    const states = await env.api.ok(
      `{ reports(filter: { year: ${env.demo.currentYear} }, options: { take: 50 }) { items { status agency { code } signatures { stage voidedAt voidReason } } } }`,
      {},
      admin,
    );
    const expected: Record<string, string[]> = { DRAFT: [], SUBMITTED: ['PREPARE'], REVIEWED: ['PREPARE', 'REVIEW'], APPROVED: ['PREPARE', 'REVIEW', 'APPROVE'], PUBLISHED: ['PREPARE', 'REVIEW', 'APPROVE'] };
    for (const item of states.reports.items) {
      const returned = env.demo.report(item.agency.code, env.demo.currentYear)!.returned;
      expect(item.signatures.map((s: { stage: string }) => s.stage)).toEqual(returned ? ['PREPARE'] : expected[item.status]);
      expect(item.signatures.every((s: { voidedAt: string | null }) => Boolean(s.voidedAt) === returned)).toBe(true);
      if (returned) expect(item.signatures[0].voidReason).toMatch(/^退回：/);
    }
    expect(new Set(states.reports.items.map((i: { status: string }) => i.status))).toEqual(new Set(['DRAFT', 'SUBMITTED', 'REVIEWED', 'APPROVED', 'PUBLISHED']));
  });

  it('a workflow act failing after its writes leaves neither the change nor its entries', async () => {
    const report = new ReportClient(env.api, await env.reportId('yanchi.weijian', env.demo.currentYear));
    const p = await env.api.login('weijian.preparer');
    const before = await report.state(p);
    const service = env.api.api.container.get(SigningService);
    const original = service.onContentChange.bind(service);
    // fail inside the edit after the workflow's own writes (voided signatures, status) ran
    service.onContentChange = async (tx, r, change) => {
      await original(tx, r, change);
      throw new Error('forced failure after the data write');
    };
    const audits = await env.api.auditCount();
    try {
      const result = await report.update(p, before.revision, { cells: [{ key: 't2.penalty.decisions', value: 777 }] });
      expect(codeOf(result)).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      service.onContentChange = original;
    }
    const after = await report.state(p);
    expect(after.status).toBe(before.status);
    expect(after.revision).toBe(before.revision);
    expect(after.signatures).toEqual(before.signatures);
    expect(before.signatures.length).toBe(2);
    expect(await env.api.auditCount()).toBe(audits);
  });

  it('concurrent writers on nine reports leave one unbroken chain; an UPDATE by hand is reported at that row', async () => {
    // every unpublished report of the open cycle but 花马池镇's (the pre-review test below signs it)
    const huamachi = await env.agencyId('yanchi.huamachi');
    const rows = await env.db.dataSource.manager.find(Report, { where: { year: env.demo.currentYear, status: Not('PUBLISHED'), agencyId: Not(huamachi) }, order: { agencyName: 'ASC' } });
    expect(rows).toHaveLength(9);
    const start = await lastAuditId(env.api);
    const results = await Promise.all(
      rows.map((r, i) =>
        new ReportClient(env.api, r.id).update(admin, r.revision, { sections: [{ key: 'other', text: `并发写入第${i}份` }] }),
      ),
    );
    expect(results.every((r) => !r.errors)).toBe(true);
    const updates = await env.db.dataSource.manager.count(AuditEntry, { where: { action: 'report.update' } });
    expect(updates).toBeGreaterThanOrEqual(9);
    const chain = await env.api.ok(`{ verifyAuditChain { ok checked firstBrokenId } }`, {}, admin);
    expect(chain.verifyAuditChain.ok).toBe(true);
    expect(chain.verifyAuditChain.checked).toBe(await env.api.auditCount());

    const victim = await env.db.dataSource.manager.findOneOrFail(AuditEntry, { where: { action: 'report.update' }, order: { id: 'DESC' } });
    expect(Number(victim.id)).toBeGreaterThan(start);
    const q = env.db.dialect === 'mysql' ? '`' : '"';
    await env.db.dataSource.query(`UPDATE ${q}audit_entry${q} SET ${q}actorName${q} = 'someone else' WHERE id = ${Number(victim.id)}`);
    const broken = await env.api.ok(`{ verifyAuditChain { ok firstBrokenId } }`, {}, admin);
    expect(broken.verifyAuditChain).toEqual({ ok: false, firstBrokenId: String(victim.id) });
    await env.db.dataSource.query(`UPDATE ${q}audit_entry${q} SET ${q}actorName${q} = '${victim.actorName}' WHERE id = ${Number(victim.id)}`);
    expect((await env.api.ok(`{ verifyAuditChain { ok } }`, {}, admin)).verifyAuditChain.ok).toBe(true);
  });

  it('cycleProgress lists every reporting agency in a fixed number of queries; overdue ones are proposed for 责任追究', async () => {
    env.db.queries.length = 0;
    const progress = await env.api.ok(
      `{ cycleProgress(year: ${env.demo.currentYear}) { agencyName reportId status deadline overdue daysOverdue daysLeft errorCount confidentialityCleared } }`,
      {},
      admin,
    );
    const selects = env.db.queries.filter((q) => /^\s*SELECT/i.test(q) && !/audit|user/i.test(q.slice(0, 200)));
    expect(selects.length).toBeLessThanOrEqual(4);
    const rows = progress.cycleProgress;
    expect(rows).toHaveLength(14);
    const missing = rows.filter((r: { reportId: string | null }) => !r.reportId).map((r: { agencyName: string }) => r.agencyName);
    expect(missing.sort()).toEqual(['盐池县住房和城乡建设局', '盐池县惠安堡镇人民政府'].sort());
    const gov = rows.find((r: { agencyName: string }) => r.agencyName === '盐池县人民政府');
    expect(gov.deadline).toBe(`${env.demo.currentYear + 1}-03-31`);
    const govReport = await env.api.ok(`query($id: ID!) { report(id: $id) { deadline { deadline } } }`, { id: gov.reportId }, admin);
    expect(govReport.report.deadline.deadline).toBe(`${env.demo.currentYear + 1}-03-31`);
    const today = new Date().toISOString().slice(0, 10);
    for (const r of rows) expect(r.overdue).toBe(r.status !== 'PUBLISHED' && today > r.deadline);
    expectCode(await env.api.gql(`{ cycleProgress(year: ${env.demo.currentYear}) { agencyName } }`, {}, preparer), 'FORBIDDEN');

    const overdue = await env.api.ok(`{ overdueReports(year: ${env.demo.currentYear}) { agencyId } }`, {}, admin);
    const proposals = await env.api.ok(`{ proposedAccountabilityCases(year: ${env.demo.currentYear}) { agencyId reportId kind daysOverdue unpublished description } }`, {}, admin);
    expect(proposals.proposedAccountabilityCases.map((p: { agencyId: string }) => p.agencyId).sort()).toEqual(
      overdue.overdueReports.map((p: { agencyId: string }) => p.agencyId).sort(),
    );
    // the last cycle proposes nothing: all on time but 公安局, whose late publication has a closed case
    expect((await env.api.ok(`{ proposedAccountabilityCases(year: ${env.demo.previousYear}) { agencyId } }`, {}, admin)).proposedAccountabilityCases).toEqual([]);
    const lastCycle = await env.api.ok(`{ overdueReports(year: ${env.demo.previousYear}) { agencyId daysOverdue } }`, {}, admin);
    expect(lastCycle.overdueReports).toEqual([{ agencyId: await env.agencyId('yanchi.gongan'), daysOverdue: 44 }]);
  });

  it('accountability cases: opened by the county office, open → rectifying → closed with an outcome', async () => {
    const agencyId = await env.agencyId('yanchi.zhujian');
    const entry = await env.api.lastAudit();
    const open = (token: string, description = `${env.demo.currentYear}年度报告逾期未公开`) =>
      env.api.gql(
        `mutation($input: OpenAccountabilityCaseInput!) { openAccountabilityCase(input: $input) { id status kind auditEntryIds } }`,
        { input: { agencyId, year: env.demo.currentYear, kind: 'OVERDUE', description, responsiblePerson: '办公室主任', rectifyBy: '2099-01-31', auditEntryIds: [Number(entry!.id)] } },
        token,
      );
    expectCode(await open(preparer), 'FORBIDDEN');
    expectCode(await open(admin, ' '), 'BAD_USER_INPUT');
    const before = await env.api.ok(`{ proposedAccountabilityCases(year: ${env.demo.currentYear}) { agencyId } }`, {}, admin);
    const created = (await open(admin)).data!.openAccountabilityCase;
    expect(created).toMatchObject({ status: 'OPEN', kind: 'OVERDUE', auditEntryIds: [String(entry!.id)] });
    const after = await env.api.ok(`{ proposedAccountabilityCases(year: ${env.demo.currentYear}) { agencyId } }`, {}, admin);
    const wasProposed = before.proposedAccountabilityCases.some((p: { agencyId: string }) => p.agencyId === agencyId);
    expect(after.proposedAccountabilityCases.some((p: { agencyId: string }) => p.agencyId === agencyId)).toBe(false);
    if (wasProposed) expect(after.proposedAccountabilityCases).toHaveLength(before.proposedAccountabilityCases.length - 1);

    const move = (status: string, outcome?: string) =>
      env.api.gql(`mutation($id: ID!, $input: UpdateAccountabilityCaseInput!) { updateAccountabilityCase(id: $id, input: $input) { status outcome closedAt } }`, { id: created.id, input: { status, outcome: outcome ?? null } }, admin);
    expectCode(await move('CLOSED'), 'BAD_USER_INPUT', '处理结果');
    expect((await move('RECTIFYING')).data!.updateAccountabilityCase.status).toBe('RECTIFYING');
    const start = await lastAuditId(env.api);
    const closed = (await move('CLOSED', '已约谈并责令限期公开')).data!.updateAccountabilityCase;
    expect(closed).toMatchObject({ status: 'CLOSED', outcome: '已约谈并责令限期公开' });
    expect(closed.closedAt).toBeTruthy();
    expect((await env.api.lastAudit())!.action).toBe('accountability.transition');
    expect(await lastAuditId(env.api)).toBe(start + 1);
    expectCode(await move('OPEN'), 'CONFLICT');
    const listed = await env.api.ok(`query($a: ID!) { accountabilityCases(filter: { agencyId: $a }) { totalItems items { status } } }`, { a: agencyId }, admin);
    expect(listed.accountabilityCases.items).toEqual([{ status: 'CLOSED' }]);
  });
  it('a cycle requiring the county pre-review adds PRE_REVIEWED before publication', async () => {
    const cycles = await env.api.ok(`{ cycles { id year } }`, {}, admin);
    const cycle = cycles.cycles.find((c: { year: number }) => c.year === env.demo.currentYear);
    await env.api.ok(`mutation($id: ID!) { updateCycle(id: $id, input: { requiresPreReview: true }) { requiresPreReview } }`, { id: cycle.id }, admin);
    const report = new ReportClient(env.api, await env.reportId('yanchi.huamachi', env.demo.currentYear));
    const [p, r, a] = await Promise.all(['huamachi.preparer', 'huamachi.reviewer', 'huamachi.approver'].map((u) => env.api.login(u)));
    const s = await createUser(env.api, admin, await env.agencyId('yanchi.huamachi'), 'huamachi.secrecy', ['CONFIDENTIALITY_REVIEWER']);
    let state = await report.state(p);
    expect(state.status).toBe('SUBMITTED');
    expect((await report.sign(r, 'REVIEW', state.contentHash)).errors).toBeUndefined();
    expect((await report.sign(a, 'APPROVE', state.contentHash)).errors).toBeUndefined();
    expect((await report.review(s, state.contentHash)).errors).toBeUndefined();
    state = await report.state(p);
    expect(state.publicationBlockers.map((b: { code: string; ref: string }) => `${b.code}:${b.ref ?? ''}`)).toEqual(['status.notReady:', 'signature.missing:COUNTY_PRE_REVIEW']);
    expectCode(await report.publish(p), 'VALIDATION_FAILED', '县政务公开办预审');
    const pre = (token: string) =>
      env.api.gql(`mutation($id: ID!, $h: String!, $p: String) { preReviewReport(id: $id, contentHash: $h, comment: "预审通过", password: $p) { status } }`, { id: report.id, h: state.contentHash, p: env.api.passwordOf(token) }, token);
    expectCode(await pre(p), 'FORBIDDEN');
    expect((await pre(admin)).data!.preReviewReport.status).toBe('PRE_REVIEWED');
    expect((await report.publish(p)).data!.publishReport.status).toBe('PUBLISHED');
    state = await report.state(p);
    expect(state.signatures.map((x: { stage: string }) => x.stage)).toEqual(['PREPARE', 'REVIEW', 'APPROVE', 'COUNTY_PRE_REVIEW']);
    await env.api.ok(`mutation($id: ID!) { updateCycle(id: $id, input: { requiresPreReview: false }) { requiresPreReview } }`, { id: cycle.id }, admin);
  });
});
