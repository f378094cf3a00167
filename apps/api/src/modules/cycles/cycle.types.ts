import { Field, InputType, Int } from 'type-graphql';

@InputType()
export class CycleInput {
  @Field(() => Int)
  year: number;

  @Field(() => String, { nullable: true, description: '默认按年度：2019、2020 年用 2019 格式，其后用 2021 格式' })
  format?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD，默认次年1月31日' })
  deadline?: string | null;

  @Field(() => Boolean, { nullable: true })
  requiresPreReview?: boolean | null;
}

@InputType()
export class CycleUpdateInput {
  @Field(() => String, { nullable: true })
  deadline?: string | null;

  @Field(() => Boolean, { nullable: true })
  requiresPreReview?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  open?: boolean | null;
}
