import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { decimalToNumber, UUID_LENGTH } from '../../db/columns';
import { Report } from './report.entity';

/**
 * One filled table cell of a report. A blank cell has no row (blank is not zero). The index on `key`
 * serves county aggregation: SELECT key, SUM(value) … GROUP BY key.
 */
@Entity('report_cell')
@Index('IDX_report_cell_key', ['key'])
export class ReportCell {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  reportId: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'decimal', precision: 18, scale: 4, nullable: true, transformer: decimalToNumber })
  value: number | null;

  @ManyToOne(() => Report, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reportId' })
  report?: Report;
}
