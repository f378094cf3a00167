import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Contribution } from './contribution.entity';

@InputType()
export class AssignContributionInput {
  @Field(() => ID)
  reportId: string;

  @Field(() => ID)
  assigneeId: string;

  @Field({ description: '填报范围：overview/problems/other 或单元格前缀（如 t3.new.、t4.reconsideration.、t2.）' })
  target: string;

  @Field({ description: '完成期限 YYYY-MM-DD' })
  dueDate: string;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

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
