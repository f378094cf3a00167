import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { decimalToNumber, UUID_LENGTH } from '../../db/columns';
import { ReportRevision } from './report-revision.entity';

/**
 * Every cell of a published revision (blank cells too, as NULL: blank is not zero), so public
 * statistics and county sums are SQL over the current revisions:
 *   SELECT c.key, SUM(c.value) FROM published_cell c JOIN report_revision r ON r.id = c.revisionId
 *   WHERE r.isCurrent AND c.year = ? GROUP BY c.key
 * Written once with its revision; never updated.
 */
@Entity('published_cell')
@Index('IDX_published_cell_year_key', ['year', 'key'])
export class PublishedCell {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  revisionId: string;

  @ManyToOne(() => ReportRevision, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'revisionId' })
  revision?: ReportRevision;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  agencyId: string;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'varchar', length: 8 })
  format: string;

  @Column({ type: 'decimal', precision: 18, scale: 4, nullable: true, transformer: decimalToNumber })
  value: number | null;
}
