import { EMAIL_STATUS_LABELS, EMAIL_STATUSES, NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS, type EmailStatus, type NotificationKind } from '@touming/domain/notifications';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { domainEnum } from '../../common/domain-enum';
import { DateTimeColumn, UUID_LENGTH } from '../../db/columns';

export const NotificationKindEnum = domainEnum('NotificationKind', NOTIFICATION_KINDS, NOTIFICATION_KIND_LABELS, '消息类型');
export const EmailStatusEnum = domainEnum('EmailStatus', EMAIL_STATUSES, EMAIL_STATUS_LABELS, '邮件副本的发送状态');

/**
 * One message to one user (消息). Written in the transaction of the event that causes it; its e-mail
 * copy (when the user has an address and SMTP is configured) is sent after the commit, its outcome
 * kept here so a failure is retried and never silently lost.
 */
@ObjectType({ description: '消息' })
@Entity('notification')
// the list (newest first) and the unread count of one user
@Index('IDX_notification_user_created', ['userId', 'createdAt'])
@Index('IDX_notification_user_read', ['userId', 'readAt'])
@Index('IDX_notification_email', ['emailStatus'])
export class Notification {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id: string;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  userId: string;

  @Field(() => NotificationKindEnum)
  @Column({ type: 'varchar', length: 32 })
  kind: NotificationKind;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field()
  @Column({ type: 'text' })
  body: string;

  @Field(() => String, { nullable: true, description: '控制台中的位置，例如 /reports/…/edit' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  link: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'varchar', length: UUID_LENGTH, nullable: true })
  agencyId: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'varchar', length: UUID_LENGTH, nullable: true })
  reportId: string | null;

  @Field(() => String, { nullable: true, description: '发起人' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  actorName: string | null;

  @Field()
  @DateTimeColumn()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @DateTimeColumn({ nullable: true })
  readAt: Date | null;

  @Field(() => EmailStatusEnum, { nullable: true, description: '邮件副本：null 为不发送' })
  @Column({ type: 'varchar', length: 16, nullable: true })
  emailStatus: EmailStatus | null;

  @Column({ type: 'integer', default: 0 })
  emailAttempts: number;

  @Column({ type: 'text', nullable: true })
  emailError: string | null;

  @DateTimeColumn({ nullable: true })
  emailSentAt: Date | null;
}
