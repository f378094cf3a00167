import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { AgencyKind } from '@touming/domain/agencies';
import { COMPILATION_EXTENTS, COMPILATION_EXTENT_LABELS, type CompilationExtent } from '@touming/domain/regions';
import { domainEnum } from '../../common/domain-enum';
import { AgencyKindEnum } from '../agencies/agency.entity';
import { ReportTable } from '../formats/format.types';
import { Validation } from '../reports/report.types';

export enum CountyScopeKind {
  ALL = 'ALL',
  DEPARTMENTS = 'DEPARTMENTS',
  TOWNSHIPS = 'TOWNSHIPS',
  LIST = 'LIST',
}
registerEnumType(CountyScopeKind, {
  name: 'CountyScopeKind',
  description: '汇总范围：全部县直部门和乡镇、仅县直部门、仅乡镇、指定单位',
});

/** the domain's compilation extents: SUBTREE (含下级地区, the default) or OWN_LEVEL (仅本级) */
export const CompilationExtentEnum = domainEnum('CompilationExtent', COMPILATION_EXTENTS, COMPILATION_EXTENT_LABELS, '汇总的地区层次：含下级地区或仅本级（只汇总该地区本身的单位）');
export type CompilationExtentEnum = CompilationExtent;

@InputType({ description: '汇总范围' })
export class CountyScope {
  @Field(() => CountyScopeKind, { defaultValue: CountyScopeKind.ALL })
  kind: CountyScopeKind = CountyScopeKind.ALL;

  @Field(() => [ID], { nullable: true, description: 'kind 为 LIST 时的单位' })
  agencyIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: '汇总的地区（须在所辖范围内）；不填为本级地区' })
  regionId?: string | null;

  @Field(() => CompilationExtentEnum, { nullable: true, description: '仅本级或含下级地区（不填为含下级地区）' })
  extent?: CompilationExtentEnum | null;
}

@ObjectType({ simpleResolvers: true, description: '汇总范围内某单位的报告情况' })
export class CountyAgencyStatus {
  @Field(() => ID)
  agencyId: string;

  @Field()
  agencyName: string;

  @Field(() => AgencyKindEnum)
  kind: AgencyKind;

  @Field(() => String, { nullable: true, description: '报告状态（无报告为 null）' })
  reportStatus: string | null;

  @Field(() => ID, { nullable: true, description: '现行公开版本' })
  revisionId: string | null;

  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;

  @Field(() => String, { nullable: true, description: '未计入汇总的原因' })
  note: string | null;

  @Field({ description: '计入较上年增减的比较（本年与上年均已公开，格式相同）' })
  comparedWithPreviousYear: boolean;
}

@ObjectType({ simpleResolvers: true, description: '汇总表的一个单元格' })
export class CountyCell {
  @Field()
  key: string;

  @Field()
  label: string;

  @Field(() => Float, { nullable: true })
  value: number | null;

  @Field(() => Int, { description: '计入汇总的报告中该格空白的份数' })
  blanks: number;

  @Field(() => Float, { nullable: true, description: '本年同口径汇总值：只含两年均已公开的单位（无可比单位时为 null）' })
  comparableValue: number | null;

  @Field(() => Float, { nullable: true, description: '上年同口径汇总值：同一批单位的上年数（格式不同或无可比单位时为 null）' })
  previousValue: number | null;

  @Field(() => Float, { nullable: true, description: '较上年增减：comparableValue − previousValue，同口径' })
  change: number | null;
}

@ObjectType({ simpleResolvers: true, description: '较上年比较的口径' })
export class CountyComparison {
  @Field(() => Int, { description: '两年均已公开、参与比较的单位数' })
  agencyCount: number;

  @Field(() => Int, { description: '本年计入汇总的报告份数' })
  reportCount: number;

  @Field(() => Int, { description: '上年已公开（格式相同）的报告份数' })
  previousYearReportCount: number;

  @Field({ description: '比较口径的中文说明' })
  description: string;
}

@ObjectType({ simpleResolvers: true, description: '汇总范围内单位的报告情况计数' })
export class CountyAgencyCounts {
  @Field(() => Int, { description: '汇总范围内的单位数（启用的）' })
  agencies: number;

  @Field(() => Int, { description: '已计入（现行公开版本，格式与本年度相同）' })
  included: number;

  @Field(() => Int, { description: '尚未公开（有报告但未公开，或公开版本格式不符）' })
  notPublished: number;

  @Field(() => Int, { description: '缺报（无本年度报告）' })
  missing: number;
}

@ObjectType({ simpleResolvers: true, description: '汇总地区的一个下级地区（或本级单位）的报告情况计数，供逐级查看' })
export class CountyRegionCounts {
  @Field(() => ID, { nullable: true, description: '下级地区；本级单位为汇总地区本身（部署未划分地区时为空）' })
  regionId: string | null;

  @Field(() => String, { nullable: true })
  regionCode: string | null;

  @Field(() => String, { nullable: true })
  regionName: string | null;

  @Field(() => String, { nullable: true, description: '地区层级（PROVINCE/CITY/COUNTY/TOWNSHIP）' })
  regionLevel: string | null;

  @Field({ description: '本级单位（直接属于汇总地区的单位），而非某一下级地区' })
  ownLevel: boolean;

  @Field(() => CountyAgencyCounts)
  counts: CountyAgencyCounts;
}

@ObjectType({ simpleResolvers: true, description: '全县汇总' })
export class CountySummary {
  @Field(() => Int)
  year: number;

  @Field()
  format: string;

  @Field(() => CountyScopeKind)
  scope: CountyScopeKind;

  @Field(() => CompilationExtentEnum, { description: '汇总的地区层次：仅本级或含下级地区' })
  extent: CompilationExtentEnum;

  @Field(() => ID, { nullable: true, description: '汇总的地区；部署未划分地区时为空' })
  regionId: string | null;

  @Field(() => String, { nullable: true, description: '汇总地区的层级（PROVINCE/CITY/COUNTY/TOWNSHIP）' })
  regionLevel: string | null;

  @Field(() => String, { nullable: true, description: '汇总的地区名称' })
  regionName: string | null;

  @Field({ description: '合计是否直接读取公开时维护的汇总数（否则为逐格求和）' })
  fromMaintainedTotals: boolean;

  @Field(() => Int, { description: '计入汇总的报告份数' })
  reportCount: number;

  @Field(() => [ReportTable], { description: '按官方表格排列的汇总数' })
  tables: ReportTable[];

  @Field(() => [CountyCell])
  cells: CountyCell[];

  @Field(() => Validation, { description: '对汇总数执行的同一套勾稽规则（仅表格规则）' })
  validation: Validation;

  @Field(() => CountyAgencyCounts, { description: '已计入、尚未公开、缺报的单位数（不列出单位）' })
  agencyCounts: CountyAgencyCounts;

  @Field({ description: '是否列出了单位（included、notPublished、missing）：范围内单位多于 listAgenciesUpTo 时不列出，三个列表为空，按 regions 逐级查看' })
  agenciesListed: boolean;

  @Field(() => [CountyRegionCounts], { description: '按下级地区（及本级单位）分列的单位计数，供逐级查看；仅本级或指定单位汇总时为空' })
  regions: CountyRegionCounts[];

  @Field(() => [CountyAgencyStatus], { description: '已计入（现行公开版本）' })
  included: CountyAgencyStatus[];

  @Field(() => [CountyAgencyStatus], { description: '尚未公开（有报告但未公开）' })
  notPublished: CountyAgencyStatus[];

  @Field(() => [CountyAgencyStatus], { description: '缺报（无本年度报告）' })
  missing: CountyAgencyStatus[];

  @Field({ description: '上年与本年格式相同，可逐格比较' })
  previousYearComparable: boolean;

  @Field(() => CountyComparison, { description: '较上年增减的口径：只比较两年均已公开的单位' })
  comparison: CountyComparison;
}

@ObjectType({ simpleResolvers: true })
export class CountyCellAgencyValue {
  @Field(() => ID)
  agencyId: string;

  @Field()
  agencyName: string;

  @Field(() => AgencyKindEnum)
  kind: AgencyKind;

  @Field(() => ID)
  revisionId: string;

  @Field(() => Float, { nullable: true })
  value: number | null;
}

@ObjectType({ simpleResolvers: true, description: '某一单元格的分单位明细（从大到小）' })
export class CountyCellBreakdown {
  @Field()
  key: string;

  @Field()
  label: string;

  @Field(() => Float, { nullable: true, description: '范围内全部单位的合计（不只是本页）' })
  total: number | null;

  @Field(() => Int, { description: '范围内已公开报告的单位数（各页合计）' })
  itemCount: number;

  @Field(() => Int, { description: '本页第一项在全部明细中的位置（从 0 起）' })
  offset: number;

  @Field(() => [CountyCellAgencyValue], { description: '本页的单位，从大到小，空白在后' })
  items: CountyCellAgencyValue[];
}
