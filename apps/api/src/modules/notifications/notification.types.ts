import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Notification } from './notification.entity';

@ObjectType({ simpleResolvers: true, description: '我的消息（最新在前）' })
export class NotificationList {
  @Field(() => [Notification])
  items: Notification[];

  @Field(() => Int)
  totalItems: number;

  @Field(() => Int, { description: '未读条数' })
  unreadCount: number;
}

@InputType({ description: '催报：县政务公开办选择单位发送提醒' })
export class SendRemindersInput {
  @Field(() => Int, { description: '报告年度' })
  year: number;

  @Field(() => [ID])
  agencyIds: string[];

  @Field(() => String, { nullable: true, description: '催报内容；不填则按截止日期生成' })
  message?: string | null;
}

@ObjectType({ simpleResolvers: true })
export class ReminderSent {
  @Field(() => ID)
  agencyId: string;

  @Field()
  agencyName: string;

  @Field({ description: '实际发送的催报内容' })
  message: string;

  @Field(() => Int, { description: '收到消息的人数（填报人、分管领导、主要领导）' })
  recipients: number;
}
