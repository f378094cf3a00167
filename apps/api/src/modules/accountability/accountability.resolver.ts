import { caseTitle } from '@touming/domain/accountability';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { ListOptions } from '../../common/list';
import { Agency } from '../agencies/agency.entity';
import { AccountabilityCase } from './accountability-case.entity';
import { AccountabilityService } from './accountability.service';
import {
  AccountabilityCaseFilter,
  AccountabilityCaseList,
  AgencyProgressInfo,
  OpenAccountabilityCaseInput,
  ProposedAccountabilityCase,
  UpdateAccountabilityCaseInput,
} from './accountability.types';
import { ProgressService } from './progress.service';

@Resolver(() => AccountabilityCase)
export class AccountabilityResolver {
  constructor(
    private readonly accountability: AccountabilityService,
    private readonly progress: ProgressService,
  ) {}

  @Authorized()
  @Mutation(() => AccountabilityCase, { description: '县政务公开办立案（责任追究）' })
  openAccountabilityCase(@Ctx() ctx: RequestContext, @Arg('input', () => OpenAccountabilityCaseInput) input: OpenAccountabilityCaseInput) {
    return this.accountability.open(ctx, input);
  }

  @Authorized()
  @Mutation(() => AccountabilityCase, { description: '变更案件状态或记录（已立案 → 整改中 → 已结案）' })
  updateAccountabilityCase(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateAccountabilityCaseInput) input: UpdateAccountabilityCaseInput,
  ) {
    return this.accountability.update(ctx, id, input);
  }

  @Authorized()
  @Query(() => AccountabilityCaseList)
  accountabilityCases(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => AccountabilityCaseFilter, { nullable: true }) filter?: AccountabilityCaseFilter,
    @Arg('options', () => ListOptions, { nullable: true }) options?: ListOptions,
  ) {
    return this.accountability.list(ctx, filter, options);
  }

  @Authorized()
  @Query(() => [ProposedAccountabilityCase], { description: '逾期单位的立案建议（按截止日期即时计算）' })
  proposedAccountabilityCases(@Ctx() ctx: RequestContext, @Arg('year', () => Int) year: number) {
    return this.accountability.proposals(ctx, year);
  }

  @Authorized()
  @Query(() => [AgencyProgressInfo], { description: '逾期的单位报告' })
  overdueReports(@Ctx() ctx: RequestContext, @Arg('year', () => Int) year: number) {
    return this.accountability.overdueReports(ctx, year);
  }

  @Authorized()
  @Query(() => [AgencyProgressInfo], { description: '全县各单位本年度报告进度（县政务公开办看板）' })
  cycleProgress(@Ctx() ctx: RequestContext, @Arg('year', () => Int) year: number) {
    return this.progress.cycleProgress(ctx, year);
  }

  @FieldResolver(() => Agency, { description: '被立案的单位' })
  async agency(@Root() row: AccountabilityCase, @Ctx() ctx: RequestContext): Promise<Agency> {
    return (await ctx.loaders.agency.load(row.agencyId))!;
  }

  @FieldResolver(() => String, { description: '案件标题，例如“盐池县公安局 2025 年度报告逾期未报送”（列表和链接用它，不用编号）' })
  async title(@Root() row: AccountabilityCase, @Ctx() ctx: RequestContext): Promise<string> {
    const agency = await ctx.loaders.agency.load(row.agencyId);
    return caseTitle({ agencyName: agency?.name ?? '（已删除的单位）', year: row.year, kind: row.kind });
  }
}
