import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../../db/columns';

/** a year's reporting cycle: which format, the deadline, whether the county office pre-reviews */
@ObjectType('Cycle', { description: '年度报告周期' })
@Entity('reporting_cycle')
export class ReportingCycle {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id: string;

  @Field(() => Int)
  @Index('UQ_reporting_cycle_year', { unique: true })
  @Column({ type: 'integer' })
  year: number;

  @Field({ description: '格式：2019 或 2021' })
  @Column({ type: 'varchar', length: 8 })
  format: string;

  @Field({ description: '报送截止日期 YYYY-MM-DD（默认次年1月31日）' })
  @Column({ type: 'varchar', length: 10 })
  deadline: string;

  @Field({ description: '公开前是否须经县政务公开办预审' })
  @Column({ type: 'boolean', default: false })
  requiresPreReview: boolean;

  @Field()
  @Column({ type: 'boolean', default: true })
  open: boolean;

  @DateTimeColumn()
  createdAt: Date;
}
