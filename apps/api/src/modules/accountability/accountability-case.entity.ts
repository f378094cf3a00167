import { CASE_KIND_LABELS, CASE_KINDS, CASE_STATUS_LABELS, CASE_STATUSES, type CaseKind, type CaseStatus } from '@touming/domain/accountability';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { domainEnum } from '../../common/domain-enum';
import { DateTimeColumn, UUID_LENGTH } from '../../db/columns';

export const CaseKindEnum = domainEnum('AccountabilityCaseKind', CASE_KINDS, CASE_KIND_LABELS, '责任追究类型');
export const CaseStatusEnum = domainEnum('AccountabilityCaseStatus', CASE_STATUSES, CASE_STATUS_LABELS, '案件状态：已立案 → 整改中 → 已结案');

/** 责任追究 case opened by the county office against an agency */
@ObjectType({ description: '责任追究案件' })
@Entity('accountability_case')
@Index('IDX_accountability_case_agency', ['agencyId'])
@Index('IDX_accountability_case_year_status', ['year', 'status'])
export class AccountabilityCase {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id: string;

  @Field(() => ID)
  @Column({ type: 'varchar', length: UUID_LENGTH })
  agencyId: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'varchar', length: UUID_LENGTH, nullable: true })
  reportId: string | null;

  @Field(() => Int)
  @Column({ type: 'integer' })
  year: number;

  @Field(() => CaseKindEnum)
  @Column({ type: 'varchar', length: 16 })
  kind: CaseKind;

  @Field({ description: '情况说明' })
  @Column({ type: 'text' })
  description: string;

  @Field(() => String, { nullable: true, description: '责任人' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  responsiblePerson: string | null;

  @Field(() => String, { nullable: true, description: '整改期限 YYYY-MM-DD' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  rectifyBy: string | null;

  @Field(() => String, { nullable: true, description: '单位报送的整改情况' })
  @Column({ type: 'text', nullable: true })
  response: string | null;

  @Field(() => Date, { nullable: true })
  @DateTimeColumn({ nullable: true })
  respondedAt: Date | null;

  @Field(() => String, { nullable: true, description: '报送整改情况的人' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  respondedByName: string | null;

  @Field(() => [ID], { description: '关联的审计记录' })
  @Column({ type: 'simple-json' })
  auditEntryIds: number[];

  @Field(() => CaseStatusEnum)
  @Column({ type: 'varchar', length: 16 })
  status: CaseStatus;

  @Field(() => String, { nullable: true, description: '处理结果' })
  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  @Field(() => ID)
  @Column({ type: 'varchar', length: UUID_LENGTH })
  openedById: string;

  @Field()
  @DateTimeColumn()
  openedAt: Date;

  @Field()
  @DateTimeColumn()
  updatedAt: Date;

  @Field(() => Date, { nullable: true })
  @DateTimeColumn({ nullable: true })
  closedAt: Date | null;
}
