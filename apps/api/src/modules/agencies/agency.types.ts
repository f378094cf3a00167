import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { AgencyKind } from '@touming/domain/agencies';
import { Agency, AgencyKindEnum } from './agency.entity';

@ObjectType()
export class AgencyList {
  @Field(() => [Agency])
  items: Agency[];

  @Field(() => Int)
  totalItems: number;
}

@InputType()
export class AgencyFilter {
  @Field(() => AgencyKindEnum, { nullable: true })
  kind?: AgencyKind | null;

  @Field(() => String, { nullable: true, description: '按名称或代码搜索' })
  search?: string | null;

  @Field(() => ID, { nullable: true, description: '只列出该地区本级的单位（不含下级地区；仍限于所辖范围）' })
  regionId?: string | null;
}

@InputType()
export class AgencyInput {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => AgencyKindEnum)
  kind: AgencyKind;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => String, { nullable: true })
  region?: string | null;

  @Field(() => ID, { nullable: true, description: '所属地区（须在所辖范围内；不填为管理员本级地区）' })
  regionId?: string | null;
}

@InputType()
export class AgencyUpdateInput {
  @Field(() => String, { nullable: true })
  code?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => AgencyKindEnum, { nullable: true })
  kind?: AgencyKind | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => String, { nullable: true })
  region?: string | null;

  @Field(() => ID, { nullable: true, description: '所属地区（须在所辖范围内）' })
  regionId?: string | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}
