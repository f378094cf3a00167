/**
 * The preparer's review of a 股室 contribution through the API: a part is delivered, sent back with a
 * comment (the contributor is told, with the comment), corrected and delivered again, accepted (and
 * then closed to the contributor); what the contributor changed is listed; overdue parts are those
 * neither delivered nor accepted on a draft; nothing moves once the report is submitted. Each move is
 * audited with its notification in the same transaction. On SQLite and MariaDB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationKind } from '@touming/domain/notifications';
import { AuditEntry } from '../../src/modules/audit/audit-entry.entity';
import { Notification } from '../../src/modules/notifications/notification.entity';
import { DIALECTS } from '../support/databases';
import { seededEnv, type SeededEnv } from '../support/env';
import { expectCode, ReportClient } from './helpers';

const PART = `id status deliveredAt reviewComment reviewedAt overdue availableActs changes { key kind label before after } assignee { displayName } assignedBy { displayName }`;

describe.each(DIALECTS)('contributions: deliver, send back, accept on %s', (dialect) => {
  let env: SeededEnv;
  let preparer: string;
  let contributor: string;
  let contributorId: string;
  let wenlv: ReportClient;

  const part = async (token: string, id: string) =>
    (await env.api.ok(`query($r: ID!) { contributions(reportId: $r) { ${PART} } }`, { r: wenlv.id }, token)).contributions.find((c: { id: string }) => c.id === id);
  const act = (token: string, mutation: string, id: string, comment?: string) =>
    env.api.gql(
      comment === undefined ? `mutation($id: ID!) { ${mutation}(id: $id) { ${PART} } }` : `mutation($id: ID!, $c: String!) { ${mutation}(id: $id, comment: $c) { ${PART} } }`,
      comment === undefined ? { id } : { id, c: comment },
      token,
    );
  const notificationsOf = (userId: string, kind: NotificationKind) => env.api.dataSource.manager.find(Notification, { where: { userId, kind } });

  beforeAll(async () => {
    env = await seededEnv(dialect);
    const admin = await env.api.login('admin');
    [preparer, contributor] = await Promise.all(['wenlv.preparer', 'wenlv.contributor'].map((u) => env.api.login(u)));
    contributorId = (await env.api.ok(`{ users(filter: { search: "wenlv.contributor" }) { items { id } } }`, {}, admin)).users.items[0].id;
    wenlv = new ReportClient(env.api, await env.reportId('yanchi.wenlv', env.demo.currentYear));
  });
  afterAll(async () => {
    await env?.close();
  });

  it('lists the agency\'s 股室 users to the preparer', async () => {
    const { contributionAssignees } = await env.api.ok(`query($r: ID!) { contributionAssignees(reportId: $r) { id displayName } }`, { r: wenlv.id }, preparer);
    expect(contributionAssignees).toEqual([{ id: contributorId, displayName: '马强（文物股）' }]);
  });

  it('a single cell can be assigned: the contributor edits exactly that cell', async () => {
    const { assignContribution } = await env.api.ok(
      `mutation($r: ID!, $a: ID!) { assignContribution(reportId: $r, assigneeId: $a, target: "t3.new.natural", dueDate: "2099-12-31") { id target } }`,
      { r: wenlv.id, a: contributorId },
      preparer,
    );
    expect(assignContribution.target).toBe('t3.new.natural');
    const { report } = await env.api.ok(`query($id: ID!) { report(id: $id) { editableCells } }`, { id: wenlv.id }, contributor);
    expect(report.editableCells).toEqual(['t3.new.natural']);
    expectCode(
      await env.api.gql(
        `mutation($r: ID!, $a: ID!) { assignContribution(reportId: $r, assigneeId: $a, target: "t3.new.nosuch", dueDate: "2099-12-31") { id } }`,
        { r: wenlv.id, a: contributorId },
        preparer,
      ),
      'BAD_USER_INPUT',
      '填报范围无效',
    );
  });

  it('delivered, sent back with a comment, corrected, delivered again, accepted', async () => {
    const { assignContribution } = await env.api.ok(
      `mutation($r: ID!, $a: ID!) { assignContribution(reportId: $r, assigneeId: $a, target: "problems", dueDate: "2099-12-31", note: "请文物股提供") { id status } }`,
      { r: wenlv.id, a: contributorId },
      preparer,
    );
    const id = assignContribution.id as string;
    expect(assignContribution.status).toBe('ASSIGNED');
    // nothing to accept yet
    expectCode(await act(preparer, 'acceptContribution', id), 'CONFLICT', '已分配');
    expect((await part(contributor, id)).availableActs).toEqual(['deliver']);
    expect((await part(preparer, id)).availableActs).toEqual([]);

    await wenlv.edit(contributor, { sections: [{ key: 'problems', text: '文物股：第一稿。' }] });
    const delivered = await act(contributor, 'deliverContribution', id);
    expect(delivered.errors).toBeUndefined();
    expect(delivered.data!.deliverContribution).toMatchObject({ status: 'DELIVERED', overdue: false });
    expectCode(await act(contributor, 'deliverContribution', id), 'CONFLICT', '已交付');
    // the preparer sees who delivered what
    const seen = await part(preparer, id);
    expect(seen.assignee.displayName).toBe('马强（文物股）');
    expect(seen.changes).toEqual([{ key: 'problems', kind: 'section', label: expect.stringContaining('问题'), before: expect.any(String), after: '文物股：第一稿。' }]);
    expect(seen.availableActs).toEqual(['accept', 'return']);
    // the contributor cannot review its own part
    expectCode(await act(contributor, 'acceptContribution', id), 'FORBIDDEN');

    expectCode(await act(preparer, 'returnContribution', id, '  '), 'BAD_USER_INPUT', '退回意见');
    const returned = await act(preparer, 'returnContribution', id, '请写明具体问题和整改措施');
    expect(returned.errors).toBeUndefined();
    expect(returned.data!.returnContribution).toMatchObject({ status: 'RETURNED', reviewComment: '请写明具体问题和整改措施' });
    // audited, and the contributor told with the comment, in the same transaction
    const entry = await env.api.dataSource.manager.findOneOrFail(AuditEntry, { where: { action: 'contribution.return', targetId: id } });
    expect(entry.detail).toMatchObject({ from: 'DELIVERED', to: 'RETURNED', comment: '请写明具体问题和整改措施', assigneeId: contributorId });
    const told = await notificationsOf(contributorId, 'CONTRIBUTION_RETURNED');
    expect(told).toHaveLength(1);
    expect(told[0].body).toContain('退回意见：请写明具体问题和整改措施');

    // the contributor sees the comment, corrects and delivers again
    const back = await part(contributor, id);
    expect(back).toMatchObject({ status: 'RETURNED', reviewComment: '请写明具体问题和整改措施', availableActs: ['deliver'] });
    await wenlv.edit(contributor, { sections: [{ key: 'problems', text: '文物股：一是文物保护信息公开不及时；二是……整改措施：……' }] });
    expect((await act(contributor, 'deliverContribution', id)).data!.deliverContribution.status).toBe('DELIVERED');
    expect((await part(preparer, id)).changes[0].after).toContain('整改措施');

    const accepted = await act(preparer, 'acceptContribution', id);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptContribution).toMatchObject({ status: 'ACCEPTED', reviewComment: null, availableActs: ['return'] });
    expect(await notificationsOf(contributorId, 'CONTRIBUTION_ACCEPTED')).toHaveLength(1);
    // accepted: the preparer's now, closed to the contributor
    const { report } = await env.api.ok(`query($id: ID!) { report(id: $id) { editableSections revision } }`, { id: wenlv.id }, contributor);
    expect(report.editableSections).toEqual([]);
    expectCode(await wenlv.update(contributor, report.revision, { sections: [{ key: 'problems', text: '再改' }] }), 'FORBIDDEN');
  });

  it('overdue: past due, neither delivered nor accepted, on a draft; after submission nothing moves', async () => {
    const { assignContribution } = await env.api.ok(
      `mutation($r: ID!, $a: ID!) { assignContribution(reportId: $r, assigneeId: $a, target: "other", dueDate: "2020-01-10") { id overdue } }`,
      { r: wenlv.id, a: contributorId },
      preparer,
    );
    expect(assignContribution.overdue).toBe(true);
    const list = async () => (await env.api.ok(`{ overdueContributions { daysOverdue contribution { id } } }`, {}, preparer)).overdueContributions;
    expect((await list()).map((o: { contribution: { id: string } }) => o.contribution.id)).toContain(assignContribution.id);

    await wenlv.explainAll(preparer);
    const state = await wenlv.state(preparer);
    expect((await wenlv.submit(preparer, state.contentHash)).errors).toBeUndefined();
    // a submitted report's parts are no longer late, and cannot be delivered or reviewed
    expect((await list()).map((o: { contribution: { id: string } }) => o.contribution.id)).not.toContain(assignContribution.id);
    expectCode(await act(contributor, 'deliverContribution', assignContribution.id), 'CONFLICT', '草稿阶段');
    const accepted = (await env.api.ok(`query($r: ID!) { contributions(reportId: $r) { id status availableActs } }`, { r: wenlv.id }, preparer)).contributions.find(
      (c: { status: string }) => c.status === 'ACCEPTED',
    );
    expect(accepted.availableActs).toEqual([]);
    expectCode(await act(preparer, 'returnContribution', accepted.id, '再改'), 'CONFLICT', '草稿阶段');
  });
});
