import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../../db/columns';
import { Report } from '../reports/report.entity';

/** the county office's 整改 request on a published report; resolved when a correction is published */
@ObjectType({ description: '整改要求' })
@Entity('rectification_request')
@Index('IDX_rectification_report', ['reportId'])
export class RectificationRequest {
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

  @Field({ description: '整改意见' })
  @Column({ type: 'text' })
  comment: string;

  @Field(() => ID)
  @Column({ type: 'varchar', length: UUID_LENGTH })
  requestedById: string;

  @Field()
  @DateTimeColumn()
  requestedAt: Date;

  @Field(() => ID, { nullable: true, description: '解决该整改要求的更正版本' })
  @Column({ type: 'varchar', length: UUID_LENGTH, nullable: true })
  resolvedRevisionId: string | null;

  @Field(() => Date, { nullable: true })
  @DateTimeColumn({ nullable: true })
  resolvedAt: Date | null;
}
