import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { RegionLevel } from '@touming/domain/regions';
import { RegionLevelEnum } from './region.entity';

@InputType()
export class RegionInput {
  @Field({ description: '行政区划代码' })
  code: string;

  @Field()
  name: string;

  @Field(() => RegionLevelEnum)
  level: RegionLevel;

  @Field(() => ID, { nullable: true, description: '上级地区；不填为顶层（省级）' })
  parentId?: string | null;
}

@ObjectType({ description: '地区树的概况：调用者所辖的地区，及其上级（只读，用于面包屑）' })
export class RegionTree {
  @Field(() => ID, { nullable: true, description: '调用者所在地区；部署未划分地区时为空' })
  ownRegionId: string | null;

  @Field(() => [RegionNode])
  nodes: RegionNode[];
}

@ObjectType({ description: '地区树中的一个节点' })
export class RegionNode {
  @Field(() => ID)
  id: string;

  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => RegionLevelEnum)
  level: RegionLevel;

  @Field(() => ID, { nullable: true })
  parentId: string | null;

  @Field(() => Int, { description: '层级深度，顶层为 0' })
  depth: number;

  @Field(() => Int, { description: '直接隶属于该地区的单位数' })
  agencyCount: number;

  @Field({ description: '调用者能否管理该地区（在其所辖范围内）' })
  manageable: boolean;
}

@ObjectType()
export class TotalsCheck {
  @Field(() => Int, { description: '维护的汇总行数' })
  maintainedRows: number;

  @Field(() => Int, { description: '与重新计算结果不一致的行数' })
  differences: number;
}
