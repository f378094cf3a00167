import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { ListOptions } from '../../common/list';
import { selectedFieldNames } from '../../common/selected-fields';
import { Agency } from '../agencies/agency.entity';
import { Region } from '../regions/region.entity';
import { findRegion } from '../regions/region.repository';
import { User } from './user.entity';
import { UserService } from './user.service';
import { UserFilter, UserInput, UserList, UserUpdateInput } from './user.types';

@Resolver(() => User)
export class UserResolver {
  constructor(private readonly userService: UserService) {}

  @Query(() => User, { nullable: true, description: '当前登录用户（未登录为 null）' })
  me(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo) {
    return this.userService.me(ctx, selectedFieldNames(info));
  }

  @Authorized()
  @Query(() => UserList)
  users(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => UserFilter, { nullable: true }) filter?: UserFilter,
    @Arg('options', () => ListOptions, { nullable: true }) options?: ListOptions,
  ) {
    return this.userService.list(ctx, filter, options);
  }

  @Authorized()
  @Query(() => User, { nullable: true })
  user(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return this.userService.get(ctx, id);
  }

  @Authorized()
  @Mutation(() => User)
  createUser(@Ctx() ctx: RequestContext, @Arg('input', () => UserInput) input: UserInput) {
    return this.userService.create(ctx, input);
  }

  @Authorized()
  @Mutation(() => User)
  updateUser(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input', () => UserUpdateInput) input: UserUpdateInput) {
    return this.userService.update(ctx, id, input);
  }

  @FieldResolver(() => Agency)
  async agency(@Root() user: User, @Ctx() ctx: RequestContext): Promise<Agency> {
    return (await ctx.loaders.agency.load(user.agencyId))!;
  }

  @FieldResolver(() => Region, { nullable: true, description: '用户所在单位的地区（政务公开办按其层级称县、市、省政务公开办）；未划分地区为 null' })
  async region(@Root() user: User, @Ctx() ctx: RequestContext): Promise<Region | null> {
    const agency = await ctx.loaders.agency.load(user.agencyId);
    return agency?.regionId ? findRegion(ctx.manager, agency.regionId) : null;
  }
}
