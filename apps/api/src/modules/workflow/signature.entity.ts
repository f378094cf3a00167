import { SIGNATURE_STAGE_LABELS, SIGNATURE_STAGES, type AcknowledgedFinding, type SignatureStage } from '@touming/domain/workflow';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { domainEnum } from '../../common/domain-enum';
import { DateTimeColumn, UUID_LENGTH } from '../../db/columns';
import type { ReportContent } from '@touming/domain/report';
import { Report } from '../reports/report.entity';

export const SignatureStageEnum = domainEnum('SignatureStage', SIGNATURE_STAGES, SIGNATURE_STAGE_LABELS, '签署环节（三级联签，及县政务公开办预审）');

@ObjectType({ description: '签署时尚未处理、签署人确认已知悉的保密扫描发现' })
export class AcknowledgedFindingInfo {
  @Field({ description: '扫描发现编号（类型:部分:哈希）' })
  key: string;

  @Field({ description: '说明（个人信息已打码）' })
  message: string;
}

/**
 * One signature of 三级联签, bound to the content hash the signer saw. Never deleted: an edit or a
 * return voids it (voidedAt, voidedBy, voidReason), and it stays on the record.
 */
@ObjectType({ description: '签署记录' })
@Entity('signature')
@Index('IDX_signature_report', ['reportId'])
export class Signature {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id: string;

  @Field(() => ID)
  @Column({ type: 'varchar', length: UUID_LENGTH })
  reportId: string;

  @ManyToOne(() => Report, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reportId' })
  reportRef?: Report;

  @Field(() => Int, { description: '报告版本：1 为首次公开前的版本，2 起为更正版本' })
  @Column({ type: 'integer' })
  revision: number;

  @Field(() => SignatureStageEnum)
  @Column({ type: 'varchar', length: 24 })
  stage: SignatureStage;

  @Field(() => ID)
  @Column({ type: 'varchar', length: UUID_LENGTH })
  signerId: string;

  @Field({ description: '签署人（签署时的姓名和用户名）' })
  @Column({ type: 'varchar', length: 200 })
  signerName: string;

  @Field({ description: '签署时所见内容的哈希' })
  @Column({ type: 'varchar', length: 64 })
  contentHash: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Field()
  @DateTimeColumn()
  signedAt: Date;

  @Field(() => [AcknowledgedFindingInfo], {
    nullable: true,
    description: '签署时尚未处理的保密扫描发现，签署人已勾选确认知悉；null 为签署时没有未处理的发现',
  })
  @Column({ type: 'simple-json', nullable: true })
  acknowledgedFindings: AcknowledgedFinding[] | null;

  @Field(() => Date, { nullable: true, description: '作废时间（签署后内容被修改或报告被退回）' })
  @DateTimeColumn({ nullable: true })
  voidedAt: Date | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'varchar', length: UUID_LENGTH, nullable: true })
  voidedBy: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  voidReason: string | null;

  /**
   * the content the signer saw, for 与上次签署版本对比 (null for signatures made before it was kept);
   * read only by that comparison, never with the signature lists
   */
  @Column({ type: 'simple-json', nullable: true, select: false })
  signedContent?: ReportContent | null;
}
