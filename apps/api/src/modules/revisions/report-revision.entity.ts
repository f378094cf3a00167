import type { ReportContent } from '@touming/domain/report';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../../db/columns';
import { Report } from '../reports/report.entity';

/**
 * A published revision of a report: the exact content that went out, frozen. Nothing in the code
 * updates `content`, `contentHash` or its cells; a correction publishes a new revision and only flips
 * `isCurrent` on the earlier one, which stays retrievable.
 */
@ObjectType({ description: '已公开的报告版本（不可更改）' })
@Entity('report_revision')
@Unique('UQ_report_revision_no', ['reportId', 'revisionNo'])
@Index('IDX_report_revision_year_current', ['year', 'isCurrent'])
@Index('IDX_report_revision_agency', ['agencyId'])
/** an agency's current revision of a year and its format from the index alone: the compilation's census reads it for every agency of a region, and the rows carry the content (~17 KB) */
@Index('IDX_report_revision_current', ['agencyId', 'isCurrent', 'year', 'format'])
export class ReportRevision {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id: string;

  @Field(() => ID)
  @Column({ type: 'varchar', length: UUID_LENGTH })
  reportId: string;

  @ManyToOne(() => Report, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reportId' })
  reportRef?: Report;

  @Field(() => ID)
  @Column({ type: 'varchar', length: UUID_LENGTH })
  agencyId: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  year: number;

  @Field({ description: '格式：2019 或 2021' })
  @Column({ type: 'varchar', length: 8 })
  format: string;

  @Field(() => Int, { description: '第几次公开：1 为首次公开，2 起为更正版本' })
  @Column({ type: 'integer' })
  revisionNo: number;

  @Field({ description: '所公开内容的哈希（规范化内容的 sha256 或 SM3，见 hashAlgorithm）' })
  @Column({ type: 'varchar', length: 64 })
  contentHash: string;

  @Field({ description: '内容哈希的算法：sha256 或 sm3' })
  @Column({ type: 'varchar', length: 16, default: 'sha256' })
  hashAlgorithm: string;

  /** the ReportContent as published (the GraphQL view of it is built by the revision resolver) */
  @Column({ type: 'simple-json' })
  content: ReportContent;

  @Field(() => String, { nullable: true, description: '更正说明（更正版本必填）' })
  @Column({ type: 'text', nullable: true })
  correctionNote: string | null;

  @Field()
  @DateTimeColumn()
  publishedAt: Date;

  @Field(() => ID)
  @Column({ type: 'varchar', length: UUID_LENGTH })
  publishedById: string;

  @Field({ description: '是否为现行有效的公开版本' })
  @Column({ type: 'boolean', default: true })
  isCurrent: boolean;
}
