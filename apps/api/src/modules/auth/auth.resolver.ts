import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { AuthService } from './auth.service';
import { AuthPayload } from './auth.types';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => AuthPayload, { description: '登录：成功与失败都记入审计' })
  login(@Ctx() ctx: RequestContext, @Arg('username') username: string, @Arg('password') password: string) {
    return this.auth.login(ctx, username, password);
  }
}
