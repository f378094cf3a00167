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

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  updatedAt: Date;
}
