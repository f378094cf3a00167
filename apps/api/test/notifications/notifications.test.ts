/**
 * 消息 and 催报 through the API: notifications are written with the event that causes them (a refused
 * act writes none), each user reads and marks only their own, the county office reminds unpublished
 * agencies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Notification } from '../../src/modules/notifications/notification.entity';
import { DIALECTS } from '../support/databases';
import { seededEnv, type SeededEnv } from '../support/env';
import { expectCode, ReportClient } from '../workflow/helpers';

const MINE = `query($unread: Boolean, $o: ListOptions) { myNotifications(unreadOnly: $unread, options: $o) { totalItems unreadCount items { id kind title body link readAt reportId actorName } } }`;

describe.each(DIALECTS)('消息 and 催报 on %s', (dialect) => {
  let env: SeededEnv;
  let admin: string;
  let preparer: string;
  let reviewer: string;
  let approver: string;
  let jiaotiPreparer: string;

  beforeAll(async () => {
    env = await seededEnv(dialect);
    [admin, preparer, reviewer, approver, jiaotiPreparer] = await Promise.all(
      ['admin', 'wenlv.preparer', 'wenlv.reviewer', 'wenlv.approver', 'jiaoti.preparer'].map((u) => env.api.login(u)),
    );
  });
  afterAll(async () => {
    await env?.close();
  });

  const mine = async (token: string, unreadOnly = false, options: Record<string, unknown> = { take: 50 }) =>
    (await env.api.ok(MINE, { unread: unreadOnly, o: options }, token)).myNotifications;

  it('a submission tells the 分管领导 it is their turn; a refused signature tells nobody; a return tells the preparer', async () => {
    const wenlv = new ReportClient(env.api, await env.reportId('yanchi.wenlv', env.demo.currentYear));
    expect((await mine(reviewer)).totalItems).toBe(0);
    await wenlv.explainAll(preparer);
    const s = await wenlv.state(preparer);
    expect(s.status).toBe('DRAFT');
    expect((await wenlv.submit(preparer, s.contentHash, '请审核')).data!.submitReport.status).toBe('SUBMITTED');

    const forReviewer = await mine(reviewer);
    expect(forReviewer.totalItems).toBe(1);
    expect(forReviewer.unreadCount).toBe(1);
    expect(forReviewer.items[0]).toMatchObject({ kind: 'SIGN_TURN', reportId: wenlv.id, link: `/reports/${wenlv.id}`, readAt: null });
    expect(forReviewer.items[0].title).toBe(`待您签署：盐池县文化旅游广电局 ${env.demo.currentYear} 年度报告`);
    expect(forReviewer.items[0].body).toContain('分管领导审核');
    // the one who acted is not told of their own act
    expect((await mine(preparer)).totalItems).toBe(0);
    expect((await mine(approver)).totalItems).toBe(0);

    // a signature on other content is refused: no notification for the approver
    expectCode(await wenlv.sign(reviewer, 'REVIEW', 'f'.repeat(64)), 'CONFLICT');
    expect((await mine(approver)).totalItems).toBe(0);

    expect((await wenlv.returnTo(reviewer, '表三第二行数字有误')).data!.returnReport.status).toBe('DRAFT');
    const forPreparer = await mine(preparer);
    expect(forPreparer.items.map((n: { kind: string }) => n.kind)).toEqual(['RETURNED']);
    expect(forPreparer.items[0].body).toContain('退回意见：表三第二行数字有误');
    expect(forPreparer.items[0].actorName).toBe('李建国（分管副局长）');
  });

  it('each user reads and marks only their own; pages come newest first; mark all read', async () => {
    const own = await mine(reviewer);
    const other = await mine(preparer);
    // marking someone else's notification does nothing
    expect((await env.api.ok(`mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`, { ids: [other.items[0].id] }, reviewer)).markNotificationsRead).toBe(0);
    expect((await mine(preparer)).unreadCount).toBe(1);
    expect((await env.api.ok(`mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`, { ids: [own.items[0].id] }, reviewer)).markNotificationsRead).toBe(1);
    expect((await env.api.ok(`{ unreadNotificationCount }`, {}, reviewer)).unreadNotificationCount).toBe(0);
    expect((await mine(reviewer, true)).totalItems).toBe(0);
    expect((await mine(reviewer)).items[0].readAt).not.toBeNull();

    // three reminders to 文旅局 → three more for its preparer, then page through them newest first
    for (const message of ['第一次', '第二次', '第三次']) {
      await env.api.ok(`mutation($i: SendRemindersInput!) { sendReminders(input: $i) { agencyId } }`, { i: { year: env.demo.currentYear, agencyIds: [await env.agencyId('yanchi.wenlv')], message } }, admin);
    }
    const page1 = await mine(preparer, false, { take: 2 });
    const page2 = await mine(preparer, false, { skip: 2, take: 2 });
    expect(page1.totalItems).toBe(4);
    expect(page1.unreadCount).toBe(4);
    expect(page1.items.map((n: { body: string }) => n.body.split('\n').pop())).toEqual(['第三次', '第二次']);
    expect(page2.items.map((n: { kind: string }) => n.kind)).toEqual(['REMINDER', 'RETURNED']);
    expect((await env.api.ok(`mutation { markNotificationsRead }`, {}, preparer)).markNotificationsRead).toBe(4);
    expect((await mine(preparer)).unreadCount).toBe(0);
    expectCode(await env.api.gql(`{ unreadNotificationCount }`), 'UNAUTHENTICATED');
  });

  it('催报: only the county office, only agencies whose report is not published, one audit entry per agency', async () => {
    const year = env.demo.currentYear;
    const unpublished = env.demo.agenciesWith(year, 'DRAFT').filter((c) => c !== 'yanchi.wenlv');
    const published = env.demo.agenciesWith(year, 'PUBLISHED');
    expect(unpublished.length).toBeGreaterThan(0);
    expect(published.length).toBeGreaterThan(0);
    const ids = await Promise.all(['yanchi.jiaoti', unpublished[0]].filter((c, i, a) => a.indexOf(c) === i).map((c) => env.agencyId(c)));
    const send = (token: string, agencyIds: string[], message?: string) =>
      env.api.gql(`mutation($i: SendRemindersInput!) { sendReminders(input: $i) { agencyId agencyName message recipients } }`, { i: { year, agencyIds, message } }, token);

    expectCode(await send(preparer, ids), 'FORBIDDEN');
    expect((await env.api.lastAudit())!.action).toBe('access.denied');
    expectCode(await send(admin, []), 'BAD_USER_INPUT', '请至少选择一个单位');
    expectCode(await send(admin, [...ids, await env.agencyId(published[0])]), 'CONFLICT', '无需催报');
    const before = await env.api.dataSource.manager.count(Notification);
    expect(before).toBeGreaterThan(0);

    const sent = (await send(admin, ids)).data!.sendReminders;
    expect(sent.map((s: { agencyId: string }) => s.agencyId)).toEqual(ids);
    // no message written: the deadline's words
    expect(sent[0].message).toContain(`${year}年度政府信息公开工作年度报告`);
    const jiaoti = sent.find((s: { agencyName: string }) => s.agencyName === '盐池县教育体育局');
    // 教育体育局's preparer, 分管领导 and 主要领导 — not its 保密审查员
    expect(jiaoti.recipients).toBe(3);
    const forJiaoti = await mine(jiaotiPreparer);
    expect(forJiaoti.items[0]).toMatchObject({ kind: 'REMINDER', title: `催报：盐池县教育体育局 ${year} 年度报告`, actorName: '县政务公开办管理员' });
    const entries = await env.api.ok(`{ auditEntries(filter: { action: "reminder.send" }, options: { take: 50 }) { items { agencyId actionLabel } } }`, {}, admin);
    expect(entries.auditEntries.items.filter((e: { agencyId: string }) => ids.includes(e.agencyId)).length).toBe(ids.length);
    expect(entries.auditEntries.items[0].actionLabel).toBe('催报');
  });
});
