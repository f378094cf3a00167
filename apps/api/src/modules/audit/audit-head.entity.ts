import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '../../db/columns';

/**
 * The chain head: a single row (id = 1, created by the initial migration). Appending locks it, so two
 * transactions cannot both extend the same hash and fork the chain.
 */
@Entity('audit_head')
export class AuditHead {
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'bigint', default: 0, transformer: bigintToNumber })
  lastId: number;

  @Column({ type: 'varchar', length: 64, default: '' })
  lastHash: string;

  /** the algorithm of the last entry: an append with another configured algorithm marks the switch */
  @Column({ type: 'varchar', length: 16, default: 'sha256' })
  hashAlgorithm: string;
}
