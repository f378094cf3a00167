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
