import { Field, Int, ObjectType } from 'type-graphql';
import { Contribution } from './contribution.entity';

@ObjectType()
export class OverdueContribution {
  @Field(() => Contribution)
  contribution: Contribution;

  @Field(() => Int)
  daysOverdue: number;
}

@ObjectType({ description: '可分配的填报范围' })
export class ContributionTarget {
  @Field()
  target: string;

  @Field()
  label: string;
}

@ObjectType({ description: '被分配人修改的单元格或文字（首次修改前的值与当前值）' })
export class ContributionChange {
  @Field()
  key: string;

  @Field({ description: '单元格或部分的名称' })
  label: string;

  @Field({ description: 'cell 或 section' })
  kind: string;

  @Field(() => String, { nullable: true })
  before: string | null;

  @Field(() => String, { nullable: true })
  after: string | null;
}
