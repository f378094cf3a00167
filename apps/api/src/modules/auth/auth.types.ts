import { Field, ObjectType } from 'type-graphql';
import { User } from '../users/user.entity';

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Bearer 令牌（JWT）' })
  token: string;

  @Field()
  expiresAt: Date;

  @Field(() => User)
  user: User;
}
