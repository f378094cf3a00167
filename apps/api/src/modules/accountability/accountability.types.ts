import type { CaseKind, CaseStatus } from '@touming/domain/accountability';
import type { ReportStatus } from '@touming/domain/workflow';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ReportStatusEnum } from '../reports/report.entity';
import { AccountabilityCase, CaseKindEnum, CaseStatusEnum } from './accountability-case.entity';

@InputType()
export class OpenAccountabilityCaseInput {
  @Field(() => ID)
  agencyId: string;

  @Field(() => ID, { nullable: true })
  reportId?: string | null;

  @Field(() => Int)
  year: number;

  @Field(() => CaseKindEnum)
  kind: CaseKind;

  @Field({ description: '情况说明（事实）' })
  description: string;

  @Field(() => String, { nullable: true, description: '责任人（立案时必填）' })
  responsiblePerson?: string | null;

  @Field(() => String, { nullable: true, description: '整改期限 YYYY-MM-DD（立案时必填）' })
  rectifyBy?: string | null;

  @Field(() => [Int], { nullable: true, description: '关联的审计记录 id' })
  auditEntryIds?: number[] | null;
}

@InputType()
export class UpdateAccountabilityCaseInput {
  @Field(() => CaseStatusEnum, { nullable: true, description: 'OPEN → RECTIFYING → CLOSED（结案须填写处理结果）' })
  status?: CaseStatus | null;

  @Field(() => String, { nullable: true, description: '处理结果' })
  outcome?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [Int], { nullable: true })
  auditEntryIds?: number[] | null;
}

@InputType()
export class AccountabilityCaseFilter {
  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => ID, { nullable: true })
  agencyId?: string | null;

  @Field(() => CaseStatusEnum, { nullable: true })
  status?: CaseStatus | null;

  @Field(() => CaseKindEnum, { nullable: true })
  kind?: CaseKind | null;

  @Field(() => ID, { nullable: true, description: '所辖范围内的某一地区（不填为本级地区）' })
  regionId?: string | null;
}

@ObjectType({ simpleResolvers: true })
export class AccountabilityCaseList {
  @Field(() => [AccountabilityCase])
  items: AccountabilityCase[];

  @Field(() => Int)
  totalItems: number;
}

@ObjectType({ simpleResolvers: true, description: '系统根据逾期情况建议立案（即时计算）' })
export class ProposedAccountabilityCase {
  @Field(() => ID)
  agencyId: string;

  @Field(() => ID, { nullable: true })
  reportId: string | null;

  @Field(() => CaseKindEnum)
  kind: CaseKind;

  @Field(() => Int)
  daysOverdue: number;

  @Field({ description: '仍未公开（而非逾期公开）' })
  unpublished: boolean;

  @Field()
  description: string;
}

@ObjectType({ simpleResolvers: true, description: '一个单位在本年度报告周期中的进度' })
export class AgencyProgressInfo {
  @Field(() => ID)
  agencyId: string;

  @Field()
  agencyName: string;

  @Field()
  agencyKind: string;

  @Field(() => ID, { nullable: true })
  reportId: string | null;

  @Field(() => ReportStatusEnum, { nullable: true, description: '报告状态；null 为尚未建立报告' })
  status: ReportStatus | null;

  @Field(() => Int)
  errorCount: number;

  @Field(() => Int)
  warningCount: number;

  @Field(() => Int)
  openFindings: number;

  @Field({ description: '保密审查已通过（针对当前内容）' })
  confidentialityCleared: boolean;

  @Field(() => Date, { nullable: true, description: '首次公开时间' })
  firstPublishedAt: Date | null;

  @Field()
  deadline: string;

  @Field()
  overdue: boolean;

  @Field(() => Int)
  daysOverdue: number;

  @Field(() => Int, { nullable: true })
  daysLeft: number | null;
}
