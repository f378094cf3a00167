import type { ValidationResult } from '@touming/domain/validation';
import { REPORT_STATUS_LABELS, REPORT_STATUSES, type ReportStatus } from '@touming/domain/workflow';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { domainEnum } from '../../common/domain-enum';
import { DateTimeColumn, UUID_LENGTH } from '../../db/columns';
import { Agency } from '../agencies/agency.entity';

export const ReportStatusEnum = domainEnum('ReportStatus', REPORT_STATUSES, REPORT_STATUS_LABELS, '报告状态（三级联签与公开）');

/**
 * One agency's annual report for one year. The narrative sections are columns; the table cells are
 * rows of report_cell (so county totals are SQL sums). `revision` guards every write (optimistic
 * concurrency); `contentHash` is the domain's digest of the canonical content (`hashAlgorithm`).
 */
@ObjectType({ simpleResolvers: true, description: '政府信息公开工作年度报告' })
@Entity('report')
@Unique('UQ_report_agency_year', ['agencyId', 'year'])
@Index('IDX_report_year_status', ['year', 'status'])
export class Report {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id: string;

  @Field(() => ID)
  @Column({ type: 'varchar', length: UUID_LENGTH })
  agencyId: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agencyId' })
  agencyRef?: Agency;

  /** the agency's name as the report states it (part of the signed content) */
  @Field({ description: '报告所写的单位名称' })
  @Column({ type: 'varchar', length: 200 })
  agencyName: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  year: number;

  @Field({ description: '格式：2019 或 2021' })
  @Column({ type: 'varchar', length: 8 })
  format: string;

  @Field(() => ReportStatusEnum)
  @Column({ type: 'varchar', length: 16, default: 'DRAFT' })
  status: ReportStatus;

  @Field(() => Int, { description: '修订号：每次保存加一，更新时须提供（乐观并发控制）' })
  @Column({ type: 'integer', default: 1 })
  revision: number;

  @Field({ description: '内容哈希（规范化内容的 sha256 或 SM3，见 hashAlgorithm）' })
  @Column({ type: 'varchar', length: 64 })
  contentHash: string;

  /** the algorithm contentHash was made with (HASH_ALGORITHM when the content was last written) */
  @Field({ description: '内容哈希的算法：sha256 或 sm3' })
  @Column({ type: 'varchar', length: 16, default: 'sha256' })
  hashAlgorithm: string;

  @Column({ type: 'text' })
  overview: string;

  @Column({ type: 'text' })
  problems: string;

  @Column({ type: 'text' })
  other: string;

  @Field(() => Int)
  @Column({ type: 'integer', default: 0 })
  errorCount: number;

  @Field(() => Int)
  @Column({ type: 'integer', default: 0 })
  warningCount: number;

  /** the last validation, stored with the content it was run on (json: can exceed MySQL's 64 KB TEXT) */
  @Column({ type: 'json', nullable: true })
  validation: ValidationResult | null;

  @Field()
  @DateTimeColumn()
  createdAt: Date;

  @Field()
  @DateTimeColumn()
  updatedAt: Date;
}
