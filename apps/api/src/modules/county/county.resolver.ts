import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { Report } from '../reports/report.entity';
import { CountyService } from './county.service';
import { CountyCellBreakdown, CountyScope, CountySummary } from './county.types';

@Resolver()
export class CountyResolver {
  constructor(private readonly countyService: CountyService) {}

  @Authorized()
  @Query(() => CountySummary, { description: '全县汇总（县政务公开办）：仅汇总现行公开版本', complexity: 20 })
  countySummary(
    @Ctx() ctx: RequestContext,
    @Arg('year', () => Int) year: number,
    @Arg('scope', () => CountyScope, { nullable: true }) scope?: CountyScope,
  ) {
    return this.countyService.summary(ctx, year, scope);
  }

  @Authorized()
  @Query(() => CountyCellBreakdown, { description: '某一单元格的分单位明细，从大到小' })
  countyCellBreakdown(
    @Ctx() ctx: RequestContext,
    @Arg('year', () => Int) year: number,
    @Arg('key', () => ID) key: string,
    @Arg('scope', () => CountyScope, { nullable: true }) scope?: CountyScope,
  ) {
    return this.countyService.cellBreakdown(ctx, year, key, scope);
  }

  @Authorized()
  @Mutation(() => Report, { description: '以本级地区（含下级地区）的汇总数生成本级人民政府年度报告草稿（县政务公开办为县人民政府，市政务公开办为市人民政府；正文待撰写）' })
  generateCountyReport(@Ctx() ctx: RequestContext, @Arg('year', () => Int) year: number) {
    return this.countyService.generateCountyReport(ctx, year);
  }
}
