import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { ListOptions } from '../../common/list';
import { NotificationService } from './notification.service';
import { NotificationList, ReminderSent, SendRemindersInput } from './notification.types';

@Resolver()
export class NotificationResolver {
  constructor(private readonly notifications: NotificationService) {}

  @Authorized()
  @Query(() => NotificationList, { description: '我的消息（最新在前），含未读条数' })
  myNotifications(
    @Ctx() ctx: RequestContext,
    @Arg('unreadOnly', () => Boolean, { defaultValue: false }) unreadOnly: boolean,
    @Arg('options', () => ListOptions, { nullable: true }) options?: ListOptions,
  ) {
    return this.notifications.list(ctx, unreadOnly, options);
  }

  @Authorized()
  @Query(() => Int, { description: '我的未读消息条数（页头角标）' })
  unreadNotificationCount(@Ctx() ctx: RequestContext) {
    return this.notifications.unreadCount(ctx);
  }

  @Authorized()
  @Mutation(() => Int, { description: '把自己的消息标为已读；ids 为空则全部标为已读。返回标记的条数' })
  markNotificationsRead(@Ctx() ctx: RequestContext, @Arg('ids', () => [ID], { nullable: true }) ids?: string[] | null) {
    return this.notifications.markRead(ctx, ids ?? null);
  }

  @Authorized()
  @Mutation(() => [ReminderSent], { description: '催报：县政务公开办向所选单位（报告尚未公开）发送提醒' })
  sendReminders(@Ctx() ctx: RequestContext, @Arg('input', () => SendRemindersInput) input: SendRemindersInput) {
    return this.notifications.sendReminders(ctx, input);
  }
}
