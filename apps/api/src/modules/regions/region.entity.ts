import { REGION_LEVELS, type RegionLevel } from '@touming/domain/regions';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../../db/columns';

export const RegionLevelEnum = Object.fromEntries(REGION_LEVELS.map((l) => [l, l])) as { [K in RegionLevel]: K };
registerEnumType(RegionLevelEnum, { name: 'RegionLevel', description: '地区层级：省/自治区、市/州、县/区/旗、乡镇/街道' });

/**
 * An administrative region (行政区划). `path` is the materialised path of ids from the root
 * ('/<province>/<city>/<county>/'): a subtree is `path LIKE '<prefix>%'`, and the ancestors of a
 * region are the ids on its path — which is how the totals of every level are kept at publication.
 */
@ObjectType({ simpleResolvers: true, description: '行政区划' })
@Entity('region')
export class Region {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id: string;

  @Field({ description: '行政区划代码（省、市、县6位；乡镇/街道9位或12位）' })
  @Index('UQ_region_code', { unique: true })
  @Column({ type: 'varchar', length: 12 })
  code: string;

  @Field()
  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Field(() => RegionLevelEnum)
  @Column({ type: 'varchar', length: 16 })
  level: RegionLevel;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'varchar', length: UUID_LENGTH, nullable: true })
  parentId: string | null;

  @ManyToOne(() => Region, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parentId' })
  parent?: Region | null;

  @Index('IDX_region_path')
  @Column({ type: 'varchar', length: 255 })
  path: string;

  @DateTimeColumn()
  createdAt: Date;

  @DateTimeColumn()
  updatedAt: Date;
}
