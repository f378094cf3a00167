import { ROLE_LABELS, ROLES, type Role } from '@touming/domain/permissions';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { domainEnum } from '../../common/domain-enum';
import { DateTimeColumn, UUID_LENGTH } from '../../db/columns';
import { Agency } from '../agencies/agency.entity';

export const RoleEnum = domainEnum('Role', ROLES, ROLE_LABELS, '角色（见 @touming/domain/permissions）');

@ObjectType({ description: '用户' })
@Entity('user')
export class User {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id: string;

  @Field()
  @Index('UQ_user_username', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  displayName: string;

  /** where e-mail copies of the user's 消息 go (when SMTP_URL is set); null = none */
  @Field(() => String, { nullable: true, description: '电子邮箱（接收消息的邮件副本）' })
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  /** argon2id (PHC string); never leaves the server */
  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Field(() => ID)
  @Index('IDX_user_agencyId')
  @Column({ type: 'varchar', length: UUID_LENGTH })
  agencyId: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agencyId' })
  agencyRef?: Agency;

  /** stored comma-separated; queries match whole items with dialect.listContains */
  @Field(() => [RoleEnum])
  @Column({ type: 'simple-array' })
  roles: Role[];

  @Field()
  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** raised on password/role/activation changes: tokens carrying an older version are refused */
  @Column({ type: 'integer', default: 0 })
  tokenVersion: number;

  /** the password was set by an administrator: only changing it is allowed until the user does */
  @Field({ description: '密码由管理员设置，须先修改密码才能进行其他操作' })
  @Column({ type: 'boolean', default: false })
  mustChangePassword: boolean;

  /**
   * when an administrator last created the account with a signing role or gave it one (null: never,
   * e.g. the demo seed or the CLI); signatures within the domain's notice period are called out
   */
  @Field(() => Date, { nullable: true, description: '管理员最近一次创建本账号（含签署角色）或授予签署角色的时间' })
  @DateTimeColumn({ nullable: true })
  adminGrantAt: Date | null;

  @Field(() => String, { nullable: true, description: 'created 创建 | role 授予签署角色' })
  @Column({ type: 'varchar', length: 16, nullable: true })
  adminGrantKind: 'created' | 'role' | null;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  updatedAt: Date;
}
