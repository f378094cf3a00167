import type { Role } from '@touming/domain/permissions';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { RoleEnum, User } from './user.entity';

@ObjectType()
export class UserList {
  @Field(() => [User])
  items: User[];

  @Field(() => Int)
  totalItems: number;
}

@InputType()
export class UserFilter {
  @Field(() => ID, { nullable: true })
  agencyId?: string | null;

  @Field(() => RoleEnum, { nullable: true })
  role?: Role | null;

  @Field(() => String, { nullable: true, description: '按用户名或姓名搜索' })
  search?: string | null;
}

@InputType()
export class UserInput {
  @Field()
  username: string;

  @Field()
  displayName: string;

  @Field()
  password: string;

  @Field(() => String, { nullable: true, description: '电子邮箱（可选）' })
  email?: string | null;

  @Field(() => ID)
  agencyId: string;

  @Field(() => [RoleEnum])
  roles: Role[];
}

@InputType()
export class UserUpdateInput {
  @Field(() => String, { nullable: true })
  displayName?: string | null;

  @Field(() => String, { nullable: true })
  password?: string | null;

  @Field(() => String, { nullable: true, description: '电子邮箱；空字符串清除' })
  email?: string | null;

  @Field(() => ID, { nullable: true })
  agencyId?: string | null;

  @Field(() => [RoleEnum], { nullable: true })
  roles?: Role[] | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}
