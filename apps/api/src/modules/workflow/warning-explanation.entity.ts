import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../../db/columns';
import { Report } from '../reports/report.entity';

/** the written 说明 of one validation warning (per report and rule), kept with the report */
@Entity('warning_explanation')
export class WarningExplanation {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  reportId: string;

  @ManyToOne(() => Report, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reportId' })
  reportRef?: Report;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  ruleId: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: UUID_LENGTH, nullable: true })
  explainedById: string | null;

  @DateTimeColumn()
  explainedAt: Date;
}
