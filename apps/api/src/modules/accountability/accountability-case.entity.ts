import { CASE_KINDS, CASE_STATUSES, type CaseKind, type CaseStatus } from '@touming/domain/accountability';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../../db/columns';

export const CaseKindEnum = Object.fromEntries(CASE_KINDS.map((k) => [k, k])) as { [K in CaseKind]: K };
registerEnumType(CaseKindEnum, { name: 'AccountabilityCaseKind', description: '责任追究类型：逾期未报送、数据错误、泄密风险、其他' });
export const CaseStatusEnum = Object.fromEntries(CASE_STATUSES.map((s) => [s, s])) as { [S in CaseStatus]: S };
registerEnumType(CaseStatusEnum, { name: 'AccountabilityCaseStatus', description: '案件状态：已立案 → 整改中 → 已结案' });

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
