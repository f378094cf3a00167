import { AGENCY_KINDS, type AgencyKind } from '@touming/domain/agencies';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../../db/columns';
import { Region } from '../regions/region.entity';

export const AgencyKindEnum = Object.fromEntries(AGENCY_KINDS.map((k) => [k, k])) as { [K in AgencyKind]: K };
registerEnumType(AgencyKindEnum, {
  name: 'AgencyKind',
  description: '单位类型：县人民政府、县政务公开办、县直部门、乡镇',
});

/** an agency (行政机关) that reports; the county office (政务公开办) is one too */
@ObjectType({ simpleResolvers: true, description: '单位' })
/** a compilation's census walks a region's agencies by this index alone (no row read per agency) */
@Index('IDX_agency_scope', ['regionId', 'active', 'kind'])
@Entity('agency')
export class Agency {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id: string;

  @Field({ description: '单位代码（唯一）' })
  @Index('UQ_agency_code', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => AgencyKindEnum)
  @Column({ type: 'varchar', length: 32 })
  kind: AgencyKind;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'varchar', length: UUID_LENGTH, nullable: true })
  parentId: string | null;

  @ManyToOne(() => Agency, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parentId' })
  parent?: Agency | null;

  @Field(() => String, { nullable: true, description: '所属地区，例如 盐池县' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  region: string | null;

  @Field(() => ID, { nullable: true, description: '所属行政区划（地区树中的节点）' })
  @Index('IDX_agency_region')
  @Column({ type: 'varchar', length: UUID_LENGTH, nullable: true })
  regionId: string | null;

  @ManyToOne(() => Region, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'regionId' })
  regionNode?: Region | null;

  @Field()
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  updatedAt: Date;
}
