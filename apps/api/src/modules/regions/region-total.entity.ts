import { Column, Entity, PrimaryColumn } from 'typeorm';
import { decimalToNumber, UUID_LENGTH } from '../../db/columns';

/**
 * The published totals of a region's whole subtree, per year, format, agency kind and cell key, kept
 * current in the publication's own transaction (./totals.repository.ts): statistics and compilation
 * read a few hundred of these rows instead of summing every published cell. The row of regionId ''
 * covers the whole deployment (agencies placed in no region too). Key '#reports' counts the summed
 * revisions (in `filled`); for a cell key `filled` counts the revisions that filled it (the others
 * left it blank) and `total` is their sum.
 */
@Entity('region_total')
export class RegionTotal {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  regionId: string;

  @PrimaryColumn({ type: 'integer' })
  year: number;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  format: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  kind: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'decimal', precision: 18, scale: 4, default: 0, transformer: decimalToNumber })
  total: number;

  @Column({ type: 'integer', default: 0 })
  filled: number;
}
