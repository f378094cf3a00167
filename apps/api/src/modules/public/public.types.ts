import { RegionLevelEnum } from '../regions/region.entity';
import type { RegionLevel } from '@touming/domain/regions';
/**
 * The public (anonymous) GraphQL types. They are separate classes built from published revisions
 * only, holding nothing but what was published: no field here leads to a draft, a signature, a
 * confidentiality note, an audit entry or a user — there is no path to reach them.
 */
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { ReportContent } from '@touming/domain/report';
import type { AgencyKind } from '@touming/domain/agencies';
import { AgencyKindEnum } from '../agencies/agency.entity';
import { ReportTable, SECTION_KEY_DESCRIPTION } from '../formats/format.types';

export const PUBLIC_MAX_PAGE_SIZE = 50;

@ObjectType({ simpleResolvers: true, description: '公开的单位' })
export class PublicAgency {
  @Field(() => ID)
  id: string;

  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => AgencyKindEnum)
  kind: AgencyKind;

  @Field(() => String, { nullable: true })
  region: string | null;

  @Field(() => String, { nullable: true, description: '所属地区的行政区划代码' })
  regionCode: string | null;

  @Field(() => [Int], { description: '已公开年度报告的年度' })
  publishedYears: number[];
}

@ObjectType({ simpleResolvers: true, description: '公开报告的文字部分' })
export class PublicSection {
  @Field({ description: SECTION_KEY_DESCRIPTION })
  key: string;

  @Field()
  title: string;

  @Field()
  text: string;
}

@ObjectType({ simpleResolvers: true, description: '公开的单元格' })
export class PublicCell {
  @Field()
  key: string;

  @Field()
  label: string;

  @Field(() => Float, { nullable: true })
  value: number | null;
}

@ObjectType({ simpleResolvers: true, description: '已公开的年度报告（现行公开版本）' })
export class PublicReport {
  @Field(() => ID, { description: '公开版本编号' })
  id: string;

  @Field()
  title: string;

  @Field(() => Int)
  year: number;

  @Field()
  format: string;

  @Field(() => ID)
  agencyId: string;

  @Field({ description: '报告所写的单位名称' })
  agencyName: string;

  @Field(() => AgencyKindEnum)
  agencyKind: AgencyKind;

  @Field(() => String, { nullable: true })
  region: string | null;

  @Field(() => String, { nullable: true, description: '单位所在地区的行政区划代码（未划分地区为 null）' })
  regionCode: string | null;

  @Field(() => String, { nullable: true, description: '单位所在地区的名称（行政区划）' })
  regionName: string | null;

  @Field(() => Int, { description: '第几次公开（2 起为更正版本）' })
  revisionNo: number;

  @Field(() => Date)
  publishedAt: Date;

  @Field(() => String, { nullable: true, description: '更正说明' })
  correctionNote: string | null;

  @Field({ description: '公开内容的哈希（规范化内容，算法见 hashAlgorithm），供核验' })
  contentHash: string;

  @Field({ description: '内容哈希的算法：sha256 或 sm3' })
  hashAlgorithm: string;

  /** the published content; exposed only through the field resolvers below */
  content: ReportContent;

  /** (not in GraphQL, which shows current revisions only) the report this revision belongs to */
  reportId: string;

  /** (not in GraphQL) false for a revision a correction has superseded (the public pages mark it) */
  isCurrent: boolean;
}

/** one entry of a report's publication history on the public pages (no content) */
export interface PublicRevisionEntry {
  id: string;
  revisionNo: number;
  publishedAt: Date;
  correctionNote: string | null;
  isCurrent: boolean;
}

@ObjectType({ simpleResolvers: true })
export class PublicReportList {
  @Field(() => [PublicReport])
  items: PublicReport[];

  @Field(() => Int)
  totalItems: number;
}

@InputType()
export class PublicReportFilter {
  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => ID, { nullable: true, description: '单位' })
  agency?: string | null;

  @Field(() => AgencyKindEnum, { nullable: true })
  kind?: AgencyKind | null;

  @Field(() => String, { nullable: true, description: '地区：行政区划代码（含其下级地区），或单位登记的地区名称' })
  region?: string | null;
}

@ObjectType({ simpleResolvers: true, description: '已公开数据的统计（仅现行公开版本）' })
export class PublicStatistics {
  @Field(() => Int)
  year: number;

  @Field()
  format: string;

  @Field(() => AgencyKindEnum, { nullable: true })
  kind: AgencyKind | null;

  @Field(() => String, { nullable: true, description: '统计的地区（行政区划代码）；为空时为全部地区' })
  regionCode: string | null;

  @Field(() => String, { nullable: true, description: '统计的地区名称' })
  regionName: string | null;

  @Field(() => RegionLevelEnum, { nullable: true, description: '只统计该层级地区的单位（例如某市下各县的单位，不含市本级）' })
  level: RegionLevel | null;

  @Field(() => Int, { description: '计入的已公开报告份数' })
  reportCount: number;

  @Field(() => [PublicCell], { description: '各单元格合计（全部空白的为 null）' })
  cells: PublicCell[];

  @Field(() => [ReportTable], { description: '按官方表格排列的合计' })
  tables: ReportTable[];
}
