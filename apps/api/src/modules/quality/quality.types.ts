import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { AgencyKind } from '@touming/domain/agencies';
import { AgencyKindEnum } from '../agencies/agency.entity';

@ObjectType({ description: '扣分理由（链接到相关单元格或文字部分）' })
export class QualityReason {
  @Field()
  id: string;

  @Field(() => Int, { description: '扣分（无法评估的为 0）' })
  points: number;

  @Field()
  message: string;

  @Field(() => [String], { description: '相关单元格' })
  cells: string[];

  @Field(() => String, { nullable: true, description: '相关部分：overview | problems | other | t2 | t3 | t4' })
  section: string | null;

  @Field({ description: '无法评估（看不到≠不存在）' })
  notAssessable: boolean;
}

@ObjectType({ description: '单位年度报告质量评分' })
export class QualityRankingItem {
  @Field(() => Int, { description: '名次：得分相同的并列（1, 1, 3 …）；未公开的单位不排名', nullable: true })
  rank: number | null;

  @Field(() => ID)
  agencyId: string;

  @Field()
  agencyName: string;

  @Field(() => AgencyKindEnum)
  kind: AgencyKind;

  @Field(() => ID, { nullable: true, description: '评分所依据的现行公开版本' })
  revisionId: string | null;

  @Field(() => Int, { nullable: true, description: '0–100；未公开为 null' })
  score: number | null;

  @Field({ description: '需要跟进督办' })
  followUp: boolean;

  @Field(() => Float, { nullable: true, description: '第五部分与上年的相似度（0–1）' })
  problemsSimilarity: number | null;

  @Field(() => [QualityReason])
  reasons: QualityReason[];
}

@ObjectType()
export class QualityRanking {
  @Field(() => Int)
  year: number;

  @Field(() => [QualityRankingItem], { description: '按得分从高到低；未公开的排在最后' })
  items: QualityRankingItem[];

  @Field(() => [QualityRankingItem], { description: '需跟进督办的单位' })
  followUp: QualityRankingItem[];
}
