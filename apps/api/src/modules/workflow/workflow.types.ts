import { WORKFLOW_ACTION_LABELS, WORKFLOW_ACTIONS } from '@touming/domain/workflow';
import { Field, Int, ObjectType } from 'type-graphql';
import { domainEnum } from '../../common/domain-enum';

export const WorkflowActionEnum = domainEnum('WorkflowAction', WORKFLOW_ACTIONS, WORKFLOW_ACTION_LABELS, '工作流操作（见 @touming/domain/workflow）');

@ObjectType({ description: '阻止提交或公开的原因' })
export class BlockerInfo {
  @Field({ description: '稳定代码，例如 validation.error、signature.missing、finding.open' })
  code: string;

  @Field()
  message: string;

  @Field(() => String, { nullable: true, description: '相关的规则、签署环节、审查项或发现' })
  ref?: string | null;
}

@ObjectType({ description: '报送期限（按中国时间即时计算）' })
export class ReportDeadline {
  @Field({ description: '截止日期 YYYY-MM-DD' })
  deadline: string;

  @Field({ description: '是否逾期（截止后仍未公开，或逾期公开）' })
  overdue: boolean;

  @Field(() => Int)
  daysOverdue: number;

  @Field(() => Int, { nullable: true, description: '距截止日期的天数（未公开且未逾期时）' })
  daysLeft: number | null;

  @Field({ description: '是否已公开（首次公开）' })
  published: boolean;
}

@ObjectType({ description: '校验提示的书面说明' })
export class WarningExplanationInfo {
  @Field()
  ruleId: string;

  @Field()
  text: string;

  @Field()
  explainedAt: Date;
}

@ObjectType({ description: '报告被退回、尚未重新提交时的退回情况' })
export class ReturnNoticeInfo {
  @Field({ description: '退回人（姓名和用户名）' })
  returnedByName: string;

  @Field()
  returnedAt: Date;

  @Field({ description: '退回意见' })
  comment: string;
}
