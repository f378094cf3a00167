import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { ReportingCycle } from './cycle.entity';
import { CycleService } from './cycle.service';
import { CycleInput, CycleUpdateInput } from './cycle.types';

@Resolver(() => ReportingCycle)
export class CycleResolver {
  constructor(private readonly cycleService: CycleService) {}

  @Authorized()
  @Query(() => [ReportingCycle])
  cycles(@Ctx() ctx: RequestContext) {
    return this.cycleService.list(ctx);
  }

  @Authorized()
  @Mutation(() => ReportingCycle)
  createCycle(@Ctx() ctx: RequestContext, @Arg('input', () => CycleInput) input: CycleInput) {
    return this.cycleService.create(ctx, input);
  }

  @Authorized()
  @Mutation(() => ReportingCycle)
  updateCycle(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input', () => CycleUpdateInput) input: CycleUpdateInput) {
    return this.cycleService.update(ctx, id, input);
  }
}
