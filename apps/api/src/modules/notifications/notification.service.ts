/**
 * 我的消息 and 催报. A user reads and marks only their own notifications (no permission beyond being
 * signed in; marking read is the reader's own state, not a change of any record, so it is not
 * audited). A reminder is an audited act of the county office, one entry per agency; the entries'
 * notifications are written by ./notify.ts in the same transaction.
 */
import { checkSendReminder, defaultReminderMessage } from '@touming/domain/notifications';
import { In, IsNull, MoreThanOrEqual } from 'typeorm';
import { authorize, requireUser } from '../../common/authorize';
import { actorOf, type RequestContext } from '../../common/context';
import { appError } from '../../common/errors';
import { Injectable } from '../../common/injectable';
import { fetchPage, pageOf, type ListOptions } from '../../common/list';
import { withTransaction } from '../../db/transaction';
import { ProgressService } from '../accountability/progress.service';
import { appendAudit } from '../audit/audit.service';
import { Notification } from './notification.entity';

@Injectable()
export class NotificationService {
  constructor(private readonly progress: ProgressService) {}

  async list(ctx: RequestContext, unreadOnly: boolean, options: ListOptions | null | undefined) {
    const user = requireUser(ctx);
    // always newest first: only skip/take of the options count
    const page = { ...pageOf({ skip: options?.skip ?? 0, take: options?.take ?? 20 } as ListOptions, ['createdAt'], 'createdAt'), order: 'DESC' as const };
    const qb = ctx.manager.createQueryBuilder(Notification, 'n').where('n.userId = :user', { user: user.id });
    if (unreadOnly) qb.andWhere('n.readAt IS NULL');
    const { items, totalItems } = await fetchPage(qb, 'n', page, page.order);
    const unreadCount = unreadOnly ? totalItems : await this.unreadCount(ctx);
    return { items, totalItems, unreadCount };
  }

  unreadCount(ctx: RequestContext): Promise<number> {
    const user = requireUser(ctx);
    return ctx.manager.count(Notification, { where: { userId: user.id, readAt: IsNull() } });
  }

  /** mark some of one's own notifications read; others' ids are ignored (never told apart from unknown ones) */
  async markRead(ctx: RequestContext, ids: readonly string[] | null): Promise<number> {
    const user = requireUser(ctx);
    if (ids && ids.length === 0) return 0;
    return withTransaction(ctx, async (tx) => {
      const where = { userId: user.id, readAt: IsNull(), ...(ids ? { id: In([...ids]) } : {}) };
      const result = await tx.manager.update(Notification, where, { readAt: new Date() });
      return result.affected ?? 0;
    });
  }

  /** 催报: remind the chosen agencies of the cycle whose report is not yet published */
  async sendReminders(ctx: RequestContext, input: { year: number; agencyIds: string[]; message?: string | null }) {
    await authorize(ctx, 'reminder.send', { targetType: 'Reminder' });
    const progress = await this.progress.load(ctx, input.year);
    const targets = progress.map((p) => ({ agencyId: p.agencyId, agencyName: p.agencyName, published: p.status === 'PUBLISHED' || !!p.firstPublishedAt }));
    const check = checkSendReminder({ actor: actorOf(ctx), agencyIds: input.agencyIds, targets, message: input.message });
    if (!check.ok) throw appError(check.code, check.message);
    const byId = new Map(progress.map((p) => [p.agencyId, p]));
    return withTransaction(ctx, async (tx) => {
      const since = new Date();
      const sent = input.agencyIds.map((agencyId) => {
        const p = byId.get(agencyId)!;
        const message = input.message?.trim() || defaultReminderMessage({ year: input.year, deadline: p.deadline, daysOverdue: p.daysOverdue, daysLeft: p.daysLeft });
        return { agencyId, agencyName: p.agencyName, message, reportId: p.reportId, daysOverdue: p.daysOverdue, deadline: p.deadline, status: p.status };
      });
      await appendAudit(
        tx,
        sent.map((s) => ({
          action: 'reminder.send',
          targetType: 'Agency',
          targetId: s.agencyId,
          agencyId: s.agencyId,
          reportId: s.reportId,
          detail: { year: input.year, message: s.message, deadline: s.deadline, daysOverdue: s.daysOverdue, status: s.status },
        })),
      );
      const told = await tx.manager.find(Notification, {
        select: { id: true, agencyId: true },
        where: { kind: 'REMINDER', agencyId: In(input.agencyIds), createdAt: MoreThanOrEqual(since) },
      });
      return sent.map((s) => ({ agencyId: s.agencyId, agencyName: s.agencyName, message: s.message, recipients: told.filter((n) => n.agencyId === s.agencyId).length }));
    });
  }
}
