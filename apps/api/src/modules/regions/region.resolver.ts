import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { Region } from './region.entity';
import { RegionService } from './region.service';
import { RegionInput, RegionTree } from './region.types';

@Resolver(() => Region)
export class RegionResolver {
  constructor(private readonly regionService: RegionService) {}

  @Authorized()
  @Query(() => RegionTree, { description: '地区树：本级及所辖地区，以及上级地区（只读）' })
  regionTree(@Ctx() ctx: RequestContext) {
    return this.regionService.tree(ctx);
  }

  @Authorized()
  @Mutation(() => Region, { description: '新建地区（在所辖范围内）' })
  createRegion(@Ctx() ctx: RequestContext, @Arg('input', () => RegionInput) input: RegionInput) {
    return this.regionService.create(ctx, input);
  }

  @Authorized()
  @Mutation(() => Region, { description: '地区更名' })
  renameRegion(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('name') name: string) {
    return this.regionService.rename(ctx, id, name);
  }

  @Authorized()
  @Mutation(() => Region, { description: '调整地区隶属（移到另一上级地区之下）' })
  moveRegion(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('parentId', () => ID, { nullable: true }) parentId?: string | null) {
    return this.regionService.move(ctx, id, parentId ?? null);
  }
}
