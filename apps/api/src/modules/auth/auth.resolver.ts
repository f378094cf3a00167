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

  @Mutation(() => AuthPayload, { description: '修改本人密码：须输入当前密码；成功后其他会话全部失效，返回新的令牌' })
  changePassword(@Ctx() ctx: RequestContext, @Arg('currentPassword') currentPassword: string, @Arg('newPassword') newPassword: string) {
    return this.auth.changePassword(ctx, currentPassword, newPassword);
  }
}
