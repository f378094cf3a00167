import type { GraphQLResolveInfo } from 'graphql';
import { CELL_BREAKDOWN_MAX_LIMIT } from '@touming/domain/aggregate';
import { Arg, Authorized, Ctx, ID, Info, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { selectedFieldNames } from '../../common/selected-fields';
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
    @Arg('scope', () => CountyScope, { nullable: true }) scope: CountyScope | undefined,
    @Arg('listAgenciesUpTo', () => Int, { nullable: true, description: '范围内单位多于此数时不列出单位（agenciesListed 为 false），只给计数与下级地区；不填为总是列出' })
    listAgenciesUpTo: number | null | undefined,
    @Info() info: GraphQLResolveInfo,
  ) {
    // the totals alone need no agency read one by one: the lists and the counts by region only when asked for
    const selected = selectedFieldNames(info);
    const lists = selected.has('included') || selected.has('notPublished') || selected.has('missing');
    const regions = selected.has('regions');
    return this.countyService.summary(ctx, year, scope, { lists, listUpTo: listAgenciesUpTo ?? null, regions, counts: regions || selected.has('agencyCounts') });
  }

  @Authorized()
  @Query(() => CountyCellBreakdown, { description: '某一单元格的分单位明细，从大到小，分页取（一个省有数千个单位）', complexity: 10 })
  countyCellBreakdown(
    @Ctx() ctx: RequestContext,
    @Arg('year', () => Int) year: number,
    @Arg('key', () => ID) key: string,
    @Arg('scope', () => CountyScope, { nullable: true }) scope?: CountyScope,
    @Arg('offset', () => Int, { nullable: true, defaultValue: 0, description: '跳过的单位数' }) offset?: number | null,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 100, description: `本页的单位数（1 到 ${CELL_BREAKDOWN_MAX_LIMIT}，不填为 100）` }) limit?: number | null,
  ) {
    return this.countyService.cellBreakdown(ctx, year, key, scope, { offset: offset ?? 0, limit: limit ?? 100 });
  }

  @Authorized()
  @Mutation(() => Report, { description: '以本级地区（含下级地区）的汇总数生成本级人民政府年度报告草稿（县政务公开办为县人民政府，市政务公开办为市人民政府；正文待撰写）' })
  generateCountyReport(@Ctx() ctx: RequestContext, @Arg('year', () => Int) year: number) {
    return this.countyService.generateCountyReport(ctx, year);
  }
}
