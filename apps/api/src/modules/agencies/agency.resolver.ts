import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { ListOptions } from '../../common/list';
import { Agency } from './agency.entity';
import { AgencyService } from './agency.service';
import { AgencyFilter, AgencyInput, AgencyList, AgencyUpdateInput } from './agency.types';

@Resolver(() => Agency)
export class AgencyResolver {
  constructor(private readonly agencyService: AgencyService) {}

  @Authorized()
  @Query(() => AgencyList)
  agencies(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => AgencyFilter, { nullable: true }) filter?: AgencyFilter,
    @Arg('options', () => ListOptions, { nullable: true }) options?: ListOptions,
  ) {
    return this.agencyService.list(ctx, filter, options);
  }

  @Authorized()
  @Query(() => Agency, { nullable: true })
  agency(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return this.agencyService.get(ctx, id);
  }

  @Authorized()
  @Mutation(() => Agency)
  createAgency(@Ctx() ctx: RequestContext, @Arg('input', () => AgencyInput) input: AgencyInput) {
    return this.agencyService.create(ctx, input);
  }

  @Authorized()
  @Mutation(() => Agency)
  updateAgency(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input', () => AgencyUpdateInput) input: AgencyUpdateInput) {
    return this.agencyService.update(ctx, id, input);
  }
}
