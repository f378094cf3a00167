import { RegionLevelEnum } from '../regions/region.entity';
import type { RegionLevel } from '@touming/domain/regions';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { ListOptions } from '../../common/list';
import type { AgencyKind } from '@touming/domain/agencies';
import { AgencyKindEnum } from '../agencies/agency.entity';
import { ReportTable } from '../formats/format.types';
import { PublicService } from './public.service';
import { PublicAgency, PublicCell, PublicReport, PublicReportFilter, PublicReportList, PublicSection, PublicStatistics } from './public.types';

/**
 * The anonymous open-data API: no @Authorized, rate-limited per IP, published revisions only.
 * Complexity: a list costs its page size times what each item asks for.
 */
@Resolver(() => PublicReport)
export class PublicResolver {
  constructor(private readonly publicService: PublicService) {}

  @Query(() => PublicReportList, {
    description: '已公开的年度报告（匿名可用）',
    complexity: ({ args, childComplexity }) => 1 + childComplexity * Math.min(Number(args.options?.take ?? 25), 50),
  })
  publicReports(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => PublicReportFilter, { nullable: true }) filter?: PublicReportFilter,
    @Arg('options', () => ListOptions, { nullable: true }) options?: ListOptions,
  ) {
    return this.publicService.reports(ctx, filter, options);
  }

  @Query(() => PublicReport, { nullable: true, description: '一份已公开的年度报告（现行公开版本）' })
  publicReport(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return this.publicService.report(ctx, id);
  }

  @Query(() => PublicStatistics, { description: '已公开数据的合计（SQL 汇总现行公开版本）', complexity: 10 })
  publicStatistics(
    @Ctx() ctx: RequestContext,
    @Arg('year', () => Int) year: number,
    @Arg('kind', () => AgencyKindEnum, { nullable: true }) kind?: AgencyKind,
    @Arg('region', () => String, { nullable: true, description: '行政区划代码：该地区及其全部下级地区' }) region?: string,
    @Arg('level', () => RegionLevelEnum, { nullable: true, description: '只统计该层级地区中的单位' }) level?: RegionLevel,
  ) {
    return this.publicService.statistics(ctx, year, kind, { region, level });
  }

  @Query(() => [PublicAgency], { description: '单位名录及其已公开报告的年度', complexity: 10 })
  publicAgencies(
    @Ctx() ctx: RequestContext,
    @Arg('kind', () => AgencyKindEnum, { nullable: true }) kind?: AgencyKind,
    @Arg('region', () => String, { nullable: true, description: '行政区划代码（含其下级地区），或单位登记的地区名称' }) region?: string,
  ) {
    return this.publicService.agencies(ctx, kind, region);
  }

  @FieldResolver(() => [PublicSection])
  sections(@Root() report: PublicReport) {
    return this.publicService.sections(report);
  }

  // a report's tables hold ~100 cells: priced so a page of 50 reports with tables exceeds the limit
  @FieldResolver(() => [ReportTable], { complexity: 40 })
  tables(@Root() report: PublicReport) {
    return this.publicService.tables(report);
  }

  @FieldResolver(() => PublicCell, { nullable: true })
  cell(@Root() report: PublicReport, @Arg('key') key: string) {
    return this.publicService.cell(report, key);
  }
}
