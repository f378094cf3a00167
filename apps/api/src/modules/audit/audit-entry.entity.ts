import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../../db/columns';

/**
 * One entry of the append-only, hash-chained audit trail. Written only by AuditService.append, inside
 * the transaction of the change it records; nothing updates or deletes a row.
 * hash = digest(prevHash + canonicalJson(entry without id and hash)), the digest named by hashAlgorithm.
 */
@ObjectType({ description: '审计记录（只增不改，哈希链）' })
@Entity('audit_entry')
// the list filters by report, agency, person, action (group) and date, newest first: each filter
// column leads an index that ends in id, so a page is read in id order without sorting
// (migrations AuditFilters1795758412000 / …001)
@Index('IDX_audit_entry_report', ['reportId'])
@Index('IDX_audit_entry_agency_id', ['agencyId', 'id'])
@Index('IDX_audit_entry_actor_id', ['actorId', 'id'])
@Index('IDX_audit_entry_action_id', ['action', 'id'])
@Index('IDX_audit_entry_at', ['at'])
export class AuditEntry {
  @Field(() => ID)
  /** assigned by append as head.lastId + 1 under the head lock: gap-free, so a deleted row shows */
  @PrimaryColumn({ type: 'bigint' })
  id: number;

  @Field()
  @DateTimeColumn()
  at: Date;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'varchar', length: UUID_LENGTH, nullable: true })
  actorId: string | null;

  @Field(() => String, { nullable: true, description: '操作人（姓名和用户名；系统操作为 system/seed/cli）' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  actorName: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'varchar', length: UUID_LENGTH, nullable: true })
  agencyId: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'varchar', length: UUID_LENGTH, nullable: true })
  reportId: string | null;

  @Field({ description: '动作，例如 report.update、auth.login.failed、access.denied' })
  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 32, nullable: true })
  targetType: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  targetId: string | null;

  /** before/after, reason … (json: whole sections can exceed MySQL's 64 KB TEXT; MariaDB stores LONGTEXT) */
  @Column({ type: 'json', nullable: true })
  detail: Record<string, unknown> | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  prevHash: string;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  hash: string;

  /** the algorithm of `hash` (HASH_ALGORITHM when appended); it changes only at a system.hashAlgorithm entry */
  @Field({ description: '本条哈希的算法：sha256 或 sm3' })
  @Column({ type: 'varchar', length: 16, default: 'sha256' })
  hashAlgorithm: string;
}
