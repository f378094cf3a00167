import type { ReportStatus } from '@touming/domain/workflow';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { SECTION_KEY_DESCRIPTION } from '../formats/format.types';
import { Report, ReportStatusEnum } from './report.entity';

@ObjectType({ simpleResolvers: true, description: '单元格（value 为 null 表示空白）' })
export class Cell {
  @Field()
  key: string;

  @Field(() => Float, { nullable: true })
  value: number | null;
}

@ObjectType({ simpleResolvers: true })
export class SectionText {
  @Field({ description: SECTION_KEY_DESCRIPTION })
  key: string;

  @Field()
  title: string;

  @Field()
  text: string;
}

@ObjectType({ simpleResolvers: true })
export class RuleResult {
  @Field()
  ruleId: string;

  @Field()
  id: string;

  @Field({ description: 'error 错误（阻止提交）| warning 提示（须书面说明后才能提交）' })
  severity: string;

  @Field({ description: 'failed 不符合 | notAssessable 无法判断（如没有上年报告、单元格空白）' })
  status: string;

  @Field(() => [String])
  cells: string[];

  @Field(() => String, { nullable: true })
  expected: string | null;

  @Field(() => String, { nullable: true })
  actual: string | null;

  @Field()
  message: string;

  @Field(() => String, { nullable: true, description: '对警告的书面说明' })
  explanation: string | null;
}

@ObjectType({ simpleResolvers: true })
export class Validation {
  @Field(() => [RuleResult])
  errors: RuleResult[];

  @Field(() => [RuleResult])
  warnings: RuleResult[];

  @Field(() => [RuleResult])
  notAssessable: RuleResult[];
}

@ObjectType({ simpleResolvers: true })
export class ReportList {
  @Field(() => [Report])
  items: Report[];

  @Field(() => Int)
  totalItems: number;
}

@InputType()
export class ReportFilter {
  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => ID, { nullable: true })
  agencyId?: string | null;

  @Field(() => ReportStatusEnum, { nullable: true })
  status?: ReportStatus | null;

  @Field(() => String, { nullable: true })
  format?: string | null;
}

@InputType()
export class CellInput {
  @Field()
  key: string;

  @Field(() => Float, { nullable: true, description: 'null 清空单元格' })
  value: number | null;
}

@InputType()
export class SectionInput {
  @Field({ description: SECTION_KEY_DESCRIPTION })
  key: string;

  @Field()
  text: string;
}

@InputType()
export class ReportUpdateInput {
  @Field(() => [CellInput], { nullable: true })
  cells?: CellInput[] | null;

  @Field(() => [SectionInput], { nullable: true })
  sections?: SectionInput[] | null;
}

@ObjectType({ simpleResolvers: true })
export class UnplacedItem {
  @Field(() => Int, { nullable: true })
  line: number | null;

  @Field()
  text: string;

  @Field()
  reason: string;
}

@ObjectType({ simpleResolvers: true })
export class ImportResult {
  @Field(() => Report)
  report: Report;

  @Field(() => [UnplacedItem])
  unplaced: UnplacedItem[];

  @Field()
  detectedFormat: string;

  @Field(() => Int, { nullable: true })
  detectedYear: number | null;

  @Field(() => [String], { description: '导入说明（单位换算、推断等）' })
  notes: string[];
}
