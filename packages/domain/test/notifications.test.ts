import { describe, expect, it } from 'vitest';
import {
  AGENCY_RESPONSIBLE_ROLES,
  checkSendReminder,
  defaultReminderMessage,
  NOTIFICATION_KIND_LABELS,
  notificationText,
  NOTIFYING_ACTIONS,
  plannedNotifications,
} from '../src/notifications';
import type { Actor } from '../src/permissions';

const county: Actor = { roles: ['COUNTY_ADMIN'], agencyId: 'county' };
const preparer: Actor = { roles: ['AGENCY_PREPARER'], agencyId: 'a1' };
const noPre = { requiresPreReview: false };
const pre = { requiresPreReview: true };
const sign = (action: string, from: string, to: string) => ({ action, agencyId: 'a1', reportId: 'r1', detail: { from, to } });

describe('who a workflow event notifies', () => {
  it('a submission tells the 分管领导 and the 保密审查员 (in parallel), a review the 主要领导 — in the report’s agency only', () => {
    expect(plannedNotifications(sign('report.submit', 'DRAFT', 'SUBMITTED'), noPre)).toEqual([
      { kind: 'SIGN_TURN', audience: { roles: ['AGENCY_REVIEWER'], agencyId: 'a1' } },
      { kind: 'REVIEW_TURN', audience: { roles: ['CONFIDENTIALITY_REVIEWER'], agencyId: 'a1' } },
    ]);
    expect(plannedNotifications(sign('report.review', 'SUBMITTED', 'REVIEWED'), noPre)).toEqual([
      { kind: 'SIGN_TURN', audience: { roles: ['AGENCY_APPROVER'], agencyId: 'a1' } },
    ]);
  });

  it('the review was due since submission: later signatures do not tell the reviewers again; with a pre-review approval is the county office’s turn', () => {
    expect(plannedNotifications(sign('report.approve', 'REVIEWED', 'APPROVED'), noPre)).toEqual([]);
    expect(plannedNotifications(sign('report.approve', 'REVIEWED', 'APPROVED'), pre)).toEqual([
      { kind: 'SIGN_TURN', audience: { roles: ['COUNTY_ADMIN'], agencyId: null } },
    ]);
    expect(plannedNotifications(sign('report.preReview', 'APPROVED', 'PRE_REVIEWED'), pre)).toEqual([]);
  });

  it('a 请修改 of the 保密审查员 tells the agency’s preparers, with the finding and the comment', () => {
    expect(plannedNotifications({ action: 'finding.requestChange', agencyId: 'a1', reportId: 'r1', detail: { comment: '请删除手机号' } }, noPre)).toEqual([
      { kind: 'FINDING_CHANGE_REQUESTED', audience: { roles: ['AGENCY_PREPARER'], agencyId: 'a1' } },
    ]);
    const text = notificationText('FINDING_CHANGE_REQUESTED', { agencyName: '盐池县某局', year: 2026, actorName: '赵敏', target: '疑似手机号码“138****5678”', comment: '请删除手机号' });
    expect(text.title).toBe('请修改：盐池县某局 2026 年度报告');
    expect(text.body).toContain('疑似手机号码“138****5678”');
    expect(text.body).toContain('修改意见：请删除手机号');
    expect(NOTIFICATION_KIND_LABELS.FINDING_CHANGE_REQUESTED).toBe('保密审查请修改');
  });

  it('a return tells the preparers; unknown actions and malformed details tell nobody', () => {
    expect(plannedNotifications({ action: 'report.return', agencyId: 'a1', detail: { from: 'SUBMITTED', to: 'DRAFT' } }, noPre)).toEqual([
      { kind: 'RETURNED', audience: { roles: ['AGENCY_PREPARER'], agencyId: 'a1' } },
    ]);
    expect(plannedNotifications({ action: 'report.update', agencyId: 'a1' }, noPre)).toEqual([]);
    expect(plannedNotifications({ action: 'report.submit', agencyId: 'a1', detail: { to: 'NONSENSE' } }, noPre)).toEqual([]);
    expect(NOTIFYING_ACTIONS).toContain('report.return');
  });

  it('contributions go to the assignee and back to whoever assigned them', () => {
    expect(plannedNotifications({ action: 'contribution.assign', agencyId: 'a1', detail: { assigneeId: 'u9' } }, noPre)).toEqual([
      { kind: 'CONTRIBUTION_ASSIGNED', audience: { userIds: ['u9'] } },
    ]);
    expect(plannedNotifications({ action: 'contribution.deliver', agencyId: 'a1' }, noPre, { contributionAssignerId: 'u1' })).toEqual([
      { kind: 'CONTRIBUTION_DELIVERED', audience: { userIds: ['u1'] } },
    ]);
    expect(plannedNotifications({ action: 'contribution.accept', agencyId: 'a1', detail: { assigneeId: 'u9' } }, noPre)).toEqual([
      { kind: 'CONTRIBUTION_ACCEPTED', audience: { userIds: ['u9'] } },
    ]);
    expect(plannedNotifications({ action: 'contribution.return', agencyId: 'a1', detail: { assigneeId: 'u9', comment: '请补充' } }, noPre)).toEqual([
      { kind: 'CONTRIBUTION_RETURNED', audience: { userIds: ['u9'] } },
    ]);
    expect(notificationText('CONTRIBUTION_RETURNED', { agencyName: '盐池县文化旅游广电局', year: 2026, actorName: '王丽', target: '存在的主要问题', comment: '请补充整改措施' }).body).toContain('退回意见：请补充整改措施');
  });

  it('reminders and cases go to the agency’s preparer and leaders; an answer to the county office; closing back', () => {
    expect(plannedNotifications({ action: 'reminder.send', agencyId: 'a1' }, noPre)).toEqual([{ kind: 'REMINDER', audience: { roles: AGENCY_RESPONSIBLE_ROLES, agencyId: 'a1' } }]);
    expect(plannedNotifications({ action: 'accountability.open', agencyId: 'a1' }, noPre)[0].kind).toBe('CASE_OPENED');
    expect(plannedNotifications({ action: 'accountability.respond', agencyId: 'a1' }, noPre)).toEqual([
      { kind: 'CASE_ANSWERED', audience: { roles: ['COUNTY_ADMIN'], agencyId: null } },
    ]);
    expect(plannedNotifications({ action: 'accountability.transition', agencyId: 'a1', detail: { after: { status: 'CLOSED' } } }, noPre)[0].kind).toBe('CASE_CLOSED');
    expect(plannedNotifications({ action: 'accountability.transition', agencyId: 'a1', detail: { after: { status: 'RECTIFYING' } } }, noPre)).toEqual([]);
  });
});

describe('the words of a notification', () => {
  it('name the agency, the year and the stage', () => {
    const t = notificationText('SIGN_TURN', { agencyName: '盐池县文化旅游广电局', year: 2026, stage: 'APPROVE', actorName: '李建国' });
    expect(t.title).toBe('待您签署：盐池县文化旅游广电局 2026 年度报告');
    expect(t.body).toContain('主要领导审批');
    const r = notificationText('RETURNED', { agencyName: '盐池县教育体育局', year: 2026, comment: '表三合计有误' });
    expect(r.body).toContain('退回意见：表三合计有误');
    expect(notificationText('REMINDER', {}).title).toBe('催报：报告');
  });
});

describe('催报', () => {
  const targets = [
    { agencyId: 'a1', agencyName: '甲局', published: false },
    { agencyId: 'a2', agencyName: '乙局', published: true },
  ];
  it('only the county office, at least one unpublished agency, none twice', () => {
    expect(checkSendReminder({ actor: county, agencyIds: ['a1'], targets })).toEqual({ ok: true });
    expect(checkSendReminder({ actor: preparer, agencyIds: ['a1'], targets })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(checkSendReminder({ actor: county, agencyIds: [], targets })).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
    expect(checkSendReminder({ actor: county, agencyIds: ['a1', 'a1'], targets })).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
    expect(checkSendReminder({ actor: county, agencyIds: ['zz'], targets })).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
    expect(checkSendReminder({ actor: county, agencyIds: ['a1', 'a2'], targets })).toEqual({ ok: false, code: 'CONFLICT', message: '乙局的报告已公开，无需催报' });
    expect(checkSendReminder({ actor: county, agencyIds: ['a1'], targets, message: '字'.repeat(1001) })).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
  });
  it('the default message says how late or how close the deadline is', () => {
    expect(defaultReminderMessage({ year: 2026, deadline: '2027-01-31', daysOverdue: 3, daysLeft: null })).toContain('超过截止日期（2027-01-31）3天');
    expect(defaultReminderMessage({ year: 2026, deadline: '2027-01-31', daysOverdue: 0, daysLeft: 12 })).toContain('距截止还有12天');
  });
});
