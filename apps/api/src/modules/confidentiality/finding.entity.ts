import { FINDING_CONFIDENCE_LABELS, FINDING_CONFIDENCES, FINDING_KINDS, findingConfidence, type FindingConfidence, type FindingKind, type FindingStatus } from '@touming/domain/scanner';
import { domainEnum } from '../../common/domain-enum';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../../db/columns';
import { Report } from '../reports/report.entity';

export const FindingKindEnum = Object.fromEntries(FINDING_KINDS.map((k) => [k, k])) as { [K in FindingKind]: K };
registerEnumType(FindingKindEnum, { name: 'FindingKind', description: '扫描发现类型' });

export const FindingConfidenceEnum = domainEnum('FindingConfidence', FINDING_CONFIDENCES, FINDING_CONFIDENCE_LABELS, '扫描发现的可信程度');

export const FINDING_STATUSES = ['OPEN', 'FIXED', 'DISMISSED'] as const;
export const FindingStatusEnum = Object.fromEntries(FINDING_STATUSES.map((s) => [s, s])) as { [S in FindingStatus]: S };
registerEnumType(FindingStatusEnum, { name: 'FindingStatus', description: '扫描发现状态：待处理、已修改、已忽略' });

/**
 * One thing the scanner flagged in a report's text, by the domain's findingKey (kind + section +
 * hash of the match): one row per key and report. Rescans on every save reconcile it: gone from the
 * text → FIXED; found again → OPEN (a dismissal under the same key survives).
 */
@ObjectType({ description: '保密扫描发现' })
@Entity('finding')
@Unique('UQ_finding_report_key', ['reportId', 'key'])
@Index('IDX_finding_report_status', ['reportId', 'status'])
export class Finding {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id: string;

  @Field(() => ID)
  @Column({ type: 'varchar', length: UUID_LENGTH })
  reportId: string;

  @ManyToOne(() => Report, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reportId' })
  reportRef?: Report;

  @Field()
  @Column({ type: 'varchar', length: 128 })
  key: string;

  @Field(() => FindingKindEnum)
  @Column({ type: 'varchar', length: 32 })
  kind: FindingKind;

  @Field({ description: '所在部分：overview / problems / other' })
  @Column({ type: 'varchar', length: 32 })
  section: string;

  @Field(() => Int, { description: '在该部分文字中的起始位置（UTF-16）' })
  @Column({ name: 'spanStart', type: 'integer' })
  start: number;

  @Field(() => Int, { description: '结束位置（不含）' })
  @Column({ name: 'spanEnd', type: 'integer' })
  end: number;

  @Field({ description: '命中的原文' })
  @Column({ name: 'matchText', type: 'varchar', length: 255 })
  match: string;

  @Field({ description: '说明（个人信息已打码）' })
  @Column({ type: 'varchar', length: 255 })
  message: string;

  @Field(() => FindingStatusEnum)
  @Column({ type: 'varchar', length: 16 })
  status: FindingStatus;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  dismissReason: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'varchar', length: UUID_LENGTH, nullable: true })
  dismissedBy: string | null;

  @Field(() => Date, { nullable: true })
  @DateTimeColumn({ nullable: true })
  dismissedAt: Date | null;

  @Field(() => FindingConfidenceEnum, { description: '可信程度：校验位不符的疑似身份证号等为较低' })
  get confidence(): FindingConfidence {
    return findingConfidence(this.kind);
  }

  @Field(() => String, { nullable: true, description: '保密审查员的修改意见（请修改）' })
  @Column({ type: 'text', nullable: true })
  changeRequestComment: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'varchar', length: UUID_LENGTH, nullable: true })
  changeRequestedBy: string | null;

  @Field(() => String, { nullable: true, description: '要求修改的保密审查员' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  changeRequestedByName: string | null;

  @Field(() => Date, { nullable: true })
  @DateTimeColumn({ nullable: true })
  changeRequestedAt: Date | null;

  @Field()
  @DateTimeColumn()
  foundAt: Date;

  @Field(() => Date, { nullable: true })
  @DateTimeColumn({ nullable: true })
  fixedAt: Date | null;
}
