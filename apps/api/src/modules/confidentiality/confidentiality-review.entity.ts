import type { CheckResult, ConfidentialityCheckKey, DisclosureAttribute, ReviewBasis, ReviewConclusion } from '@touming/domain/confidentiality';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../../db/columns';
import { Report } from '../reports/report.entity';

/**
 * The written 保密审查 record of one report revision, bound to the content hash reviewed. One per
 * (report, hash): reviewing the same content again replaces the decision (both are on the audit
 * trail); an edit makes it stale and marks it voided.
 * GraphQL fields `checks`, `conclusion` … are added by the confidentiality resolver.
 */
@ObjectType({ description: '保密审查记录' })
@Entity('confidentiality_review')
@Unique('UQ_confidentiality_review_hash', ['reportId', 'contentHash'])
export class ConfidentialityReview {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id: string;

  @Field(() => ID)
  @Index('IDX_confidentiality_review_report')
  @Column({ type: 'varchar', length: UUID_LENGTH })
  reportId: string;

  @ManyToOne(() => Report, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reportId' })
  reportRef?: Report;

  @Field({ description: '所审查内容的哈希' })
  @Column({ type: 'varchar', length: 64 })
  contentHash: string;

  /** the seven checks: { stateSecret: { conclusion, note }, … } */
  @Column({ type: 'simple-json' })
  checks: Partial<Record<ConfidentialityCheckKey, CheckResult>>;

  @Column({ type: 'varchar', length: 16, nullable: true })
  conclusion: ReviewConclusion | null;

  @Column({ type: 'simple-json' })
  bases: ReviewBasis[];

  @Column({ type: 'varchar', length: 16, nullable: true })
  disclosure: DisclosureAttribute | null;

  @Field(() => String, { nullable: true, description: '审查意见' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => ID)
  @Column({ type: 'varchar', length: UUID_LENGTH })
  reviewerId: string;

  @Field({ description: '审查人（审查时的姓名和用户名）' })
  @Column({ type: 'varchar', length: 200 })
  reviewerName: string;

  @Field()
  @DateTimeColumn()
  reviewedAt: Date;

  @Field(() => Date, { nullable: true, description: '作废时间（审查后内容被修改）' })
  @DateTimeColumn({ nullable: true })
  voidedAt: Date | null;
}
