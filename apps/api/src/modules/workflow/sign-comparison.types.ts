import { Field, ObjectType } from 'type-graphql';
import { Cell, SectionText } from '../reports/report.types';
import { SignatureStageEnum } from './signature.entity';
import type { SignatureStage } from '@touming/domain/workflow';

@ObjectType({ description: '与上次签署版本对比：对比的基准（本人上次签署的版本，或上一环节签署的版本）' })
export class SignComparisonBase {
  @Field({ description: 'own 本人上次签署 | previousStage 上一环节签署' })
  kind: string;

  @Field({ description: '基准的名称，例如“您上次签署的版本”' })
  label: string;

  @Field(() => SignatureStageEnum)
  stage: SignatureStage;

  @Field({ description: '签署人（签署时的姓名和用户名）' })
  signerName: string;

  @Field()
  signedAt: Date;

  @Field({ description: '基准版本的内容哈希' })
  contentHash: string;

  @Field({ description: '基准版本与当前内容相同' })
  same: boolean;

  @Field({ description: '基准版本的内容已保存（较早的签署未保存内容时为 false，无法逐项对比）' })
  available: boolean;

  @Field({ description: '基准版本的格式：2019 或 2021' })
  format: string;

  @Field(() => [Cell], { description: '基准版本的全部单元格（未保存时为空）' })
  cells: Cell[];

  @Field(() => [SectionText], { description: '基准版本的文字部分（未保存时为空）' })
  sections: SectionText[];
}
