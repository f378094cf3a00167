/**
 * 消息 (notifications) and 催报 (reminders). Every notification is the consequence of an audited
 * event — a reminder sent, a report returned, a signature that makes it someone's turn, a
 * contribution assigned or delivered, an accountability case opened, answered or closed — so the
 * API derives them from the audit records of the event's own transaction with the rules here: who is
 * told (by role within an agency, or named users), and in what words.
 */
import { can, FORBIDDEN_MESSAGE, type Actor, type Role } from '../permissions';
import { pendingStage, type TransitionOptions } from '../workflow/transitions';
import { isReviewDue, isReportStatus, SIGNATURE_STAGE_LABELS, type ReportStatus, type SignatureStage } from '../workflow/states';

export const NOTIFICATION_KINDS = [
  'REMINDER',
  'RETURNED',
  'SIGN_TURN',
  'REVIEW_TURN',
  'CONTRIBUTION_ASSIGNED',
  'CONTRIBUTION_DELIVERED',
  'CONTRIBUTION_ACCEPTED',
  'CONTRIBUTION_RETURNED',
  'CASE_OPENED',
  'CASE_ANSWERED',
  'CASE_CLOSED',
  'FINDING_CHANGE_REQUESTED',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  REMINDER: '催报',
  RETURNED: '报告被退回',
  SIGN_TURN: '待您签署',
  REVIEW_TURN: '待您保密审查',
  CONTRIBUTION_ASSIGNED: '分配给您的填报任务',
  CONTRIBUTION_DELIVERED: '填报任务已报送',
  CONTRIBUTION_ACCEPTED: '填报任务已接受',
  CONTRIBUTION_RETURNED: '填报任务被退回',
  CASE_OPENED: '责任追究立案',
  CASE_ANSWERED: '整改情况已报送',
  CASE_CLOSED: '责任追究结案',
  FINDING_CHANGE_REQUESTED: '保密审查请修改',
};

/** e-mail copy of a notification: not sent (no address or no SMTP), waiting, sent, failed (kept to retry) */
export const EMAIL_STATUSES = ['PENDING', 'SENT', 'FAILED'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];
export const EMAIL_STATUS_LABELS: Record<EmailStatus, string> = { PENDING: '待发送', SENT: '已发送', FAILED: '发送失败' };
/** a failed e-mail is tried again this many times in all, then left FAILED with its error */
export const MAX_EMAIL_ATTEMPTS = 3;

/** who is told: holders of some roles in one agency (null = the county office's staff), or named users */
export type Audience = { roles: readonly Role[]; agencyId: string | null } | { userIds: readonly string[] };

/** the people of an agency who answer for its report: the preparer and its two signing leaders */
export const AGENCY_RESPONSIBLE_ROLES: readonly Role[] = ['AGENCY_PREPARER', 'AGENCY_REVIEWER', 'AGENCY_APPROVER'];

/** whose signature a stage is */
export const STAGE_SIGNER_ROLE: Record<SignatureStage, Role> = {
  PREPARE: 'AGENCY_PREPARER',
  REVIEW: 'AGENCY_REVIEWER',
  APPROVE: 'AGENCY_APPROVER',
  COUNTY_PRE_REVIEW: 'COUNTY_ADMIN',
};

/** an audited event as the notification rules read it (an audit record) */
export interface NotifiableEvent {
  action: string;
  agencyId?: string | null;
  reportId?: string | null;
  targetId?: string | null;
  detail?: Record<string, unknown> | null;
}

export interface PlannedNotification {
  kind: NotificationKind;
  audience: Audience;
}

/** the actions that may notify someone (the API looks nothing up for the others) */
export const NOTIFYING_ACTIONS: readonly string[] = [
  'reminder.send',
  'report.return',
  'report.submit',
  'report.review',
  'report.approve',
  'report.preReview',
  'report.sign',
  'contribution.assign',
  'contribution.deliver',
  'contribution.accept',
  'contribution.return',
  'accountability.open',
  'accountability.respond',
  'accountability.transition',
  'finding.requestChange',
];

/**
 * Who an audited event notifies, and of what. Workflow acts read the status they led to (`detail.to`):
 * the signer of the stage now pending is told it is their turn; the confidentiality reviewers when the
 * review falls due (on submission, in parallel with the leaders); the preparers when a report is
 * returned to them or the 保密审查员 sends them a finding to fix (请修改). `options` are the cycle's.
 * `facts.contributionAssignerId` names who assigned a delivered contribution.
 */
export function plannedNotifications(
  event: NotifiableEvent,
  options: TransitionOptions,
  facts: { contributionAssignerId?: string | null } = {},
): PlannedNotification[] {
  const agencyId = event.agencyId ?? null;
  const detail = event.detail ?? {};
  const out: PlannedNotification[] = [];
  switch (event.action) {
    case 'reminder.send':
      if (agencyId) out.push({ kind: 'REMINDER', audience: { roles: AGENCY_RESPONSIBLE_ROLES, agencyId } });
      break;
    case 'report.return':
      if (agencyId) out.push({ kind: 'RETURNED', audience: { roles: ['AGENCY_PREPARER'], agencyId } });
      break;
    case 'report.submit':
    case 'report.review':
    case 'report.approve':
    case 'report.preReview':
    case 'report.sign': {
      const from = detail.from;
      const to = detail.to;
      if (!agencyId || !isReportStatus(to)) break;
      const stage = to === from ? null : pendingStage(to, options);
      if (stage && stage !== 'PREPARE') {
        const role = STAGE_SIGNER_ROLE[stage];
        out.push({ kind: 'SIGN_TURN', audience: { roles: [role], agencyId: role === 'COUNTY_ADMIN' ? null : agencyId } });
      }
      if (isReviewDue(to) && !(isReportStatus(from) && isReviewDue(from as ReportStatus))) {
        out.push({ kind: 'REVIEW_TURN', audience: { roles: ['CONFIDENTIALITY_REVIEWER'], agencyId } });
      }
      break;
    }
    case 'finding.requestChange':
      if (agencyId) out.push({ kind: 'FINDING_CHANGE_REQUESTED', audience: { roles: ['AGENCY_PREPARER'], agencyId } });
      break;
    case 'contribution.assign':
      if (typeof detail.assigneeId === 'string') out.push({ kind: 'CONTRIBUTION_ASSIGNED', audience: { userIds: [detail.assigneeId] } });
      break;
    case 'contribution.deliver':
      if (facts.contributionAssignerId) out.push({ kind: 'CONTRIBUTION_DELIVERED', audience: { userIds: [facts.contributionAssignerId] } });
      else if (agencyId) out.push({ kind: 'CONTRIBUTION_DELIVERED', audience: { roles: ['AGENCY_PREPARER'], agencyId } });
      break;
    case 'contribution.accept':
    case 'contribution.return':
      if (typeof detail.assigneeId === 'string') {
        out.push({ kind: event.action === 'contribution.accept' ? 'CONTRIBUTION_ACCEPTED' : 'CONTRIBUTION_RETURNED', audience: { userIds: [detail.assigneeId] } });
      }
      break;
    case 'accountability.open':
      if (agencyId) out.push({ kind: 'CASE_OPENED', audience: { roles: AGENCY_RESPONSIBLE_ROLES, agencyId } });
      break;
    case 'accountability.respond':
      out.push({ kind: 'CASE_ANSWERED', audience: { roles: ['COUNTY_ADMIN'], agencyId: null } });
      break;
    case 'accountability.transition': {
      const after = detail.after as { status?: unknown } | undefined;
      if (agencyId && after?.status === 'CLOSED') out.push({ kind: 'CASE_CLOSED', audience: { roles: AGENCY_RESPONSIBLE_ROLES, agencyId } });
      break;
    }
  }
  return out;
}

/** what the words of a notification are made of (the API loads names; missing ones are left out) */
export interface NotificationFacts {
  agencyName?: string | null;
  year?: number | null;
  /** the stage now waiting for a signature */
  stage?: SignatureStage | null;
  /** the returner's comment, the reminder's message, the answer … */
  comment?: string | null;
  /** who did it */
  actorName?: string | null;
  caseTitle?: string | null;
  /** a contribution's part (in words) and due date; a finding sent back: its (masked) message */
  target?: string | null;
  dueDate?: string | null;
}

const MAX_TITLE = 200;

function reportName(f: NotificationFacts): string {
  const year = f.year != null ? `${f.year} 年度` : '';
  return `${f.agencyName ?? ''}${f.agencyName && year ? ' ' : ''}${year}报告`.trim() || '报告';
}

/** a notification's title and body in Chinese */
export function notificationText(kind: NotificationKind, f: NotificationFacts): { title: string; body: string } {
  const by = f.actorName ? `（${f.actorName}）` : '';
  const comment = f.comment?.trim() ? `\n${f.comment.trim()}` : '';
  let title: string;
  let body: string;
  switch (kind) {
    case 'REMINDER':
      title = `催报：${reportName(f)}`;
      body = `县政务公开办${by}提醒您尽快完成并公开${reportName(f)}。${comment}`;
      break;
    case 'RETURNED':
      title = `${reportName(f)}被退回`;
      body = `${reportName(f)}已被退回修改${by}。${comment ? `退回意见：${comment.trim()}` : ''}`;
      break;
    case 'SIGN_TURN':
      title = `待您签署：${reportName(f)}`;
      body = `${reportName(f)}等待${f.stage ? SIGNATURE_STAGE_LABELS[f.stage] : '签署'}${by ? `，上一步由${f.actorName}完成` : ''}。`;
      break;
    case 'REVIEW_TURN':
      title = `待您保密审查：${reportName(f)}`;
      body = `${reportName(f)}已提交，可以开始保密审查（与领导签署同时进行），请在公开前完成审查。`;
      break;
    case 'CONTRIBUTION_ASSIGNED':
      title = `分配给您的填报任务：${reportName(f)}`;
      body = `${f.actorName ?? '填报人'}请您填写${f.target ? `“${f.target}”` : '报告的一部分'}${f.dueDate ? `，完成期限 ${f.dueDate}` : ''}。${comment}`;
      break;
    case 'CONTRIBUTION_DELIVERED':
      title = `填报任务已报送：${reportName(f)}`;
      body = `${f.actorName ?? '承办人'}已报送${f.target ? `“${f.target}”` : '分配的填报任务'}，请核对。`;
      break;
    case 'CONTRIBUTION_ACCEPTED':
      title = `填报任务已接受：${reportName(f)}`;
      body = `${f.actorName ?? '填报人'}已接受您报送的${f.target ? `“${f.target}”` : '填报内容'}。`;
      break;
    case 'CONTRIBUTION_RETURNED':
      title = `填报任务被退回：${reportName(f)}`;
      body = `${f.actorName ?? '填报人'}退回了您报送的${f.target ? `“${f.target}”` : '填报内容'}，请修改后重新报送。${comment ? `退回意见：${comment.trim()}` : ''}`;
      break;
    case 'CASE_OPENED':
      title = `责任追究立案：${f.caseTitle ?? reportName(f)}`;
      body = `县政务公开办已就“${f.caseTitle ?? reportName(f)}”立案，请在整改期限内报送整改情况。${comment}`;
      break;
    case 'CASE_ANSWERED':
      title = `整改情况已报送：${f.caseTitle ?? reportName(f)}`;
      body = `${f.actorName ?? '被追究单位'}已报送整改情况。${comment}`;
      break;
    case 'FINDING_CHANGE_REQUESTED':
      title = `请修改：${reportName(f)}`;
      body = `保密审查员${by}请您修改${reportName(f)}中的${f.target ? `“${f.target}”` : '一处内容'}。${comment ? `修改意见：${comment.trim()}` : ''}`;
      break;
    case 'CASE_CLOSED':
      title = `责任追究结案：${f.caseTitle ?? reportName(f)}`;
      body = `县政务公开办已结案。${comment ? `处理结果：${comment.trim()}` : ''}`;
      break;
  }
  return { title: title.slice(0, MAX_TITLE), body: body.trim() };
}

/** the longest reminder message the office may write */
export const MAX_REMINDER_MESSAGE = 1000;
/** at most this many agencies per reminder (a county has a few dozen) */
export const MAX_REMINDER_AGENCIES = 200;

export type ReminderCheck = { ok: true } | { ok: false; code: 'FORBIDDEN' | 'BAD_USER_INPUT' | 'CONFLICT'; message: string };

/** the standing of an agency the office wants to remind, as the API loads it */
export interface ReminderTarget {
  agencyId: string;
  agencyName: string;
  /** the report of the cycle is published: nothing left to remind of */
  published: boolean;
}

/**
 * May the actor send this reminder? Only the county office reminds; at least one agency, none twice
 * and none whose report is already published; the message is optional and bounded.
 */
export function checkSendReminder(input: { actor: Actor | null; agencyIds: readonly string[]; targets: readonly ReminderTarget[]; message?: string | null }): ReminderCheck {
  if (!can(input.actor, 'reminder.send')) return { ok: false, code: 'FORBIDDEN', message: FORBIDDEN_MESSAGE };
  if (input.agencyIds.length === 0) return { ok: false, code: 'BAD_USER_INPUT', message: '请至少选择一个单位' };
  if (input.agencyIds.length > MAX_REMINDER_AGENCIES) return { ok: false, code: 'BAD_USER_INPUT', message: `一次最多催报 ${MAX_REMINDER_AGENCIES} 个单位` };
  if (new Set(input.agencyIds).size !== input.agencyIds.length) return { ok: false, code: 'BAD_USER_INPUT', message: '所选单位有重复' };
  if ((input.message ?? '').length > MAX_REMINDER_MESSAGE) return { ok: false, code: 'BAD_USER_INPUT', message: `催报内容不能超过 ${MAX_REMINDER_MESSAGE} 字` };
  const byId = new Map(input.targets.map((t) => [t.agencyId, t]));
  const unknown = input.agencyIds.filter((id) => !byId.has(id));
  if (unknown.length > 0) return { ok: false, code: 'BAD_USER_INPUT', message: '所选单位不在本年度报告范围内' };
  const done = input.agencyIds.map((id) => byId.get(id)!).filter((t) => t.published);
  if (done.length > 0) return { ok: false, code: 'CONFLICT', message: `${done.map((t) => t.agencyName).join('、')}的报告已公开，无需催报` };
  return { ok: true };
}

/** the message a reminder carries when the office writes none */
export function defaultReminderMessage(input: { year: number; deadline: string; daysOverdue: number; daysLeft: number | null }): string {
  if (input.daysOverdue > 0) return `${input.year}年度政府信息公开工作年度报告已超过截止日期（${input.deadline}）${input.daysOverdue}天，请尽快完成审签并公开。`;
  const left = input.daysLeft != null ? `，距截止还有${input.daysLeft}天` : '';
  return `${input.year}年度政府信息公开工作年度报告应于${input.deadline}前公开${left}，请抓紧填报和审签。`;
}
