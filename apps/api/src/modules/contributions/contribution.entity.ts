import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../../db/columns';
import { Report } from '../reports/report.entity';

/**
 * A part of a report (a narrative section or a cell-key prefix, see @touming/domain/contributions)
 * assigned by the preparer to an AGENCY_CONTRIBUTOR, with a due date.
 */
@ObjectType({ description: '股室/下属单位填报任务' })
@Entity('contribution')
@Index('IDX_contribution_report', ['reportId'])
@Index('IDX_contribution_assignee', ['assigneeId'])
export class Contribution {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id: string;

  @Field(() => ID)
  @Column({ type: 'varchar', length: UUID_LENGTH })
  reportId: string;

  @ManyToOne(() => Report, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reportId' })
  reportRef?: Report;

  @Field(() => ID)
  @Column({ type: 'varchar', length: UUID_LENGTH })
  agencyId: string;

  @Field(() => ID)
  @Column({ type: 'varchar', length: UUID_LENGTH })
  assigneeId: string;

  @Field({ description: '填报范围：部分（overview/problems/other）或单元格前缀（如 t3.new.）' })
  @Column({ type: 'varchar', length: 64 })
  target: string;

  @Field({ description: '完成期限 YYYY-MM-DD' })
  @Column({ type: 'varchar', length: 10 })
  dueDate: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => ID)
  @Column({ type: 'varchar', length: UUID_LENGTH })
  assignedById: string;

  @Field()
  @DateTimeColumn()
  assignedAt: Date;

  @Field(() => Date, { nullable: true, description: '报送时间（最近一次）' })
  @DateTimeColumn({ nullable: true })
  deliveredAt: Date | null;

  @Field({ description: '状态：ASSIGNED 已分配、DELIVERED 已交付、ACCEPTED 已接受、RETURNED 已退回' })
  @Column({ type: 'varchar', length: 16, default: 'ASSIGNED' })
  status: string;

  @Field(() => String, { nullable: true, description: '填报人退回时的意见' })
  @Column({ type: 'text', nullable: true })
  reviewComment: string | null;

  @Field(() => ID, { nullable: true, description: '接受或退回的填报人' })
  @Column({ type: 'varchar', length: UUID_LENGTH, nullable: true })
  reviewedById: string | null;

  @Field(() => Date, { nullable: true, description: '接受或退回的时间' })
  @DateTimeColumn({ nullable: true })
  reviewedAt: Date | null;
}
