/**
 * Notifications from the audit trail: every event that tells someone something is an audited event,
 * so appendAudit hands each transaction's records here and the rows of `notification` are written in
 * that same transaction — a rolled-back change notifies nobody, a committed one always does. Who is
 * told and in what words is the domain's (@touming/domain/notifications); this file loads the names
 * and the recipients. The e-mail copies are queued for after the commit (./mailer.ts).
 */
import { caseTitle, type CaseKind } from '@touming/domain/accountability';
import { findingEditorLink } from '@touming/domain/confidentiality';
import { contributionTargets } from '@touming/domain/contributions';
import type { FormatId } from '@touming/domain/formats';
import {
  NOTIFYING_ACTIONS,
  notificationText,
  plannedNotifications,
  type Audience,
  type NotifiableEvent,
  type NotificationFacts,
  type NotificationKind,
} from '@touming/domain/notifications';
import { pendingStage } from '@touming/domain/workflow';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/context';
import { newId } from '../../db/columns';
import { dialectOf, listContains } from '../../db/dialect';
import { AccountabilityCase } from '../accountability/accountability-case.entity';
import { Agency } from '../agencies/agency.entity';
import { Contribution } from '../contributions/contribution.entity';
import { Report } from '../reports/report.entity';
import { User } from '../users/user.entity';
import { mailerFor, queueEmails } from './mailer';
import { Notification } from './notification.entity';

const NOTIFYING = new Set(NOTIFYING_ACTIONS);

/** the console page a notification opens */
function linkOf(kind: NotificationKind, event: NotifiableEvent): string | null {
  if (kind.startsWith('CASE_')) return event.targetId ? `/accountability/${event.targetId}/show` : '/accountability';
  if (!event.reportId) return null;
  if (kind === 'REVIEW_TURN') return `/reports/${event.reportId}/confidentiality`;
  // 请修改 opens the editor at the finding's text span
  const d = event.detail ?? {};
  if (kind === 'FINDING_CHANGE_REQUESTED' && typeof d.section === 'string' && typeof d.start === 'number' && typeof d.end === 'number') {
    return findingEditorLink(event.reportId, { section: d.section, start: d.start, end: d.end });
  }
  return `/reports/${event.reportId}`;
}

/** active users an audience names, without the one who caused the event */
async function recipients(manager: EntityManager, audience: Audience, exclude: string | null): Promise<User[]> {
  const qb = manager.createQueryBuilder(User, 'u').where('u.active = :active', { active: true });
  if ('userIds' in audience) {
    if (audience.userIds.length === 0) return [];
    qb.andWhere('u.id IN (:...ids)', { ids: [...audience.userIds] });
  } else {
    const dialect = dialectOf(manager);
    const roleSql = audience.roles.map((_, i) => listContains(dialect, 'u.roles', `role${i}`));
    qb.andWhere(`(${roleSql.join(' OR ')})`, Object.fromEntries(audience.roles.map((r, i) => [`role${i}`, r])));
    // the county office's staff hold COUNTY_ADMIN in their own agency: no agency filter for them
    if (audience.agencyId) qb.andWhere('u.agencyId = :agencyId', { agencyId: audience.agencyId });
  }
  const users = await qb.getMany();
  return users.filter((u) => u.id !== exclude);
}

/** what the words of a report's 消息 need: the report, its agency's registered name, its cycle's pre-review */
export interface ReportFacts {
  report: Pick<Report, 'agencyId' | 'year' | 'format'>;
  agencyName: string | null;
  requiresPreReview: boolean;
}

/** per transaction context (a retried run is a new one and reads afresh) */
const factsInHand = new WeakMap<RequestContext, Map<string, ReportFacts>>();

/**
 * A workflow act reads these facts with its locked report (workflow/report-lock.ts); told here, the
 * 消息 of its audit records do not read the report, its agency and its cycle again.
 */
export function knowReportFacts(tx: RequestContext, reportId: string, facts: ReportFacts): void {
  let known = factsInHand.get(tx);
  if (!known) factsInHand.set(tx, (known = new Map()));
  known.set(reportId, facts);
}

/**
 * The event's report, the name of its agency (the event's, else the report's) and whether the
 * report's cycle requires a pre-review: one statement inside the act's transaction (it was three
 * TypeORM reads of rows the act had just read — 消息 were the largest share of a signature's statements),
 * none when the transaction already has them in hand (knowReportFacts).
 */
async function reportFacts(tx: RequestContext, reportId: string, agencyId: string | null): Promise<ReportFacts | null> {
  const known = factsInHand.get(tx)?.get(reportId);
  if (known && (agencyId === null || agencyId === known.report.agencyId)) return known;
  const m = tx.manager;
  const rows: { agencyId: string; year: number | string; format: string; agencyName: string | null; requiresPreReview: number | string | boolean | null }[] = await m.query(
    'SELECT r.agencyId AS agencyId, r.year AS year, r.format AS format, a.name AS agencyName, c.requiresPreReview AS requiresPreReview ' +
      'FROM report r LEFT JOIN agency a ON a.id = COALESCE(?, r.agencyId) LEFT JOIN reporting_cycle c ON c.year = r.year WHERE r.id = ?',
    [agencyId, reportId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    report: { agencyId: row.agencyId, year: Number(row.year), format: row.format },
    agencyName: row.agencyName ?? null,
    requiresPreReview: row.requiresPreReview === true || Number(row.requiresPreReview) === 1,
  };
}

/** the names an event's words need, loaded once per event */
async function factsOf(tx: RequestContext, event: NotifiableEvent) {
  const m = tx.manager;
  const joined = event.reportId ? await reportFacts(tx, event.reportId, event.agencyId ?? null) : null;
  const report = joined?.report ?? null;
  const agencyId = event.agencyId ?? report?.agencyId ?? null;
  const agency = joined ? { name: joined.agencyName } : agencyId ? await m.findOne(Agency, { where: { id: agencyId } }) : null;
  const facts: NotificationFacts = {
    agencyName: agency?.name ?? null,
    year: report?.year ?? (typeof event.detail?.year === 'number' ? event.detail.year : null),
    actorName: tx.user?.displayName ?? null,
  };
  let requiresPreReview = false;
  let assignerId: string | null = null;
  const detail = event.detail ?? {};
  if (event.action.startsWith('report.') && report) {
    requiresPreReview = joined?.requiresPreReview ?? false;
    const to = detail.to as Parameters<typeof pendingStage>[0] | undefined;
    if (to) facts.stage = pendingStage(to, { requiresPreReview });
    if (event.action === 'report.return') facts.comment = String(detail.comment ?? '');
  }
  if (event.action.startsWith('contribution.') && event.targetId) {
    const c = await m.findOne(Contribution, { where: { id: event.targetId } });
    assignerId = c?.assignedById ?? null;
    if (c) {
      const option = report ? contributionTargets(report.format as FormatId).find((o) => o.target === c.target) : undefined;
      facts.target = option?.label ?? c.target;
      facts.dueDate = c.dueDate;
      facts.comment = event.action === 'contribution.assign' ? c.note : event.action === 'contribution.return' ? c.reviewComment : null;
    }
  }
  if (event.action.startsWith('accountability.') && event.targetId) {
    const c = await m.findOne(AccountabilityCase, { where: { id: event.targetId } });
    if (c) {
      facts.caseTitle = caseTitle({ agencyName: agency?.name ?? '', year: c.year, kind: c.kind as CaseKind });
      facts.year = c.year;
      if (event.action === 'accountability.transition') facts.comment = c.outcome;
      if (event.action === 'accountability.respond') facts.comment = c.response;
      if (event.action === 'accountability.open') facts.comment = c.rectifyBy ? `整改期限：${c.rectifyBy}` : null;
    }
  }
  if (event.action === 'finding.requestChange') {
    facts.target = typeof detail.message === 'string' ? detail.message : null;
    facts.comment = typeof detail.comment === 'string' ? detail.comment : null;
  }
  if (event.action === 'reminder.send') facts.comment = typeof detail.message === 'string' ? detail.message : null;
  return { facts, requiresPreReview, assignerId };
}

/**
 * Write the notifications of one transaction's audit records (inside it). Returns the rows written;
 * those with an e-mail copy are sent once the transaction commits.
 */
export async function notifyAudited(tx: RequestContext, records: readonly NotifiableEvent[]): Promise<Notification[]> {
  const events = records.filter((r) => NOTIFYING.has(r.action));
  if (events.length === 0) return [];
  const written: Notification[] = [];
  const mailer = mailerFor(tx.dataSource);
  const at = new Date();
  for (const event of events) {
    const { facts, requiresPreReview, assignerId } = await factsOf(tx, event);
    const plans = plannedNotifications(event, { requiresPreReview }, { contributionAssignerId: assignerId });
    const told = new Set<string>();
    for (const plan of plans) {
      const { title, body } = notificationText(plan.kind, facts);
      for (const user of await recipients(tx.manager, plan.audience, tx.user?.id ?? null)) {
        // one event tells a person once (a preparer who is also a reviewer gets the first message)
        if (told.has(user.id)) continue;
        told.add(user.id);
        written.push(
          Object.assign(new Notification(), {
            id: newId(),
            userId: user.id,
            kind: plan.kind,
            title,
            body,
            link: linkOf(plan.kind, event),
            agencyId: event.agencyId ?? null,
            reportId: event.reportId ?? null,
            actorName: tx.user ? `${tx.user.displayName}` : null,
            createdAt: at,
            readAt: null,
            emailStatus: mailer && user.email ? 'PENDING' : null,
            emailAttempts: 0,
            emailError: null,
            emailSentAt: null,
          }),
        );
      }
    }
  }
  if (written.length === 0) return [];
  const mail = written.filter((n) => n.emailStatus === 'PENDING').map((n) => n.id);
  // chunks keep a reminder to many agencies within the drivers' parameter limits; updateEntity(false):
  // TypeORM's read-back after a multi-row insert on SQLite can put one row's generated values (even
  // its id) onto another row's object
  for (let i = 0; i < written.length; i += 200) {
    await tx.manager.createQueryBuilder().insert().into(Notification).values(written.slice(i, i + 200)).updateEntity(false).execute();
  }
  if (mail.length > 0) queueEmails(tx, mail);
  return written;
}
