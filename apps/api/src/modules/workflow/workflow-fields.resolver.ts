import type { WorkflowAction } from '@touming/domain/workflow';
import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { Report } from '../reports/report.entity';
import { ReportRevision } from '../revisions/report-revision.entity';
import { workflowLoaders } from './loaders';
import { RectificationRequest } from './rectification.entity';
import { Signature } from './signature.entity';
import { WorkflowFieldsService } from './workflow-fields.service';
import { BlockerInfo, ReportDeadline, ReturnNoticeInfo, WarningExplanationInfo, WorkflowActionEnum } from './workflow.types';

/** the workflow fields of Report (read only), and one published revision */
@Resolver(() => Report)
export class WorkflowFieldsResolver {
  constructor(private readonly fields: WorkflowFieldsService) {}

  @Authorized()
  @Query(() => ReportRevision, { nullable: true, description: '一个已公开版本' })
  reportRevision(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return this.fields.revision(ctx, id);
  }

  @FieldResolver(() => [Signature], { complexity: 5, description: '全部签署记录（含已作废的）' })
  signatures(@Root() report: Report, @Ctx() ctx: RequestContext) {
    return workflowLoaders(ctx).signatures.load(report.id);
  }

  @FieldResolver(() => ReturnNoticeInfo, {
    nullable: true,
    complexity: 3,
    description: '已退回：退回后尚未重新提交的草稿，谁在何时退回、退回意见（否则为 null）',
  })
  returned(@Root() report: Report, @Ctx() ctx: RequestContext) {
    return this.fields.returned(ctx, report);
  }

  @FieldResolver(() => [WorkflowActionEnum], { complexity: 5, description: '当前用户可进行的工作流操作' })
  availableActions(@Root() report: Report, @Ctx() ctx: RequestContext): Promise<WorkflowAction[]> {
    return this.fields.availableActions(ctx, report);
  }

  @FieldResolver(() => [BlockerInfo], { complexity: 30, description: '公开前尚待解决的事项（为空即可公开；更正说明在发布时填写）' })
  publicationBlockers(@Root() report: Report, @Ctx() ctx: RequestContext) {
    return this.fields.publicationBlockers(ctx, report);
  }

  @FieldResolver(() => [BlockerInfo], { complexity: 3, description: '提交时的提醒（不阻止提交），例如标题中的单位名称与登记的不一致' })
  submissionWarnings(@Root() report: Report, @Ctx() ctx: RequestContext) {
    return this.fields.submissionWarnings(ctx, report);
  }

  @FieldResolver(() => ReportDeadline, { complexity: 3 })
  deadline(@Root() report: Report, @Ctx() ctx: RequestContext) {
    return this.fields.deadline(ctx, report);
  }

  @FieldResolver(() => [ReportRevision], { complexity: 5, description: '历次公开版本（含已被更正的）' })
  revisions(@Root() report: Report, @Ctx() ctx: RequestContext) {
    return this.fields.revisions(ctx, report);
  }

  @FieldResolver(() => [RectificationRequest], { complexity: 3, description: '尚未解决的整改要求' })
  rectifications(@Root() report: Report, @Ctx() ctx: RequestContext) {
    return this.fields.openRectifications(ctx, report);
  }

  @FieldResolver(() => [WarningExplanationInfo], { complexity: 3, description: '校验提示的书面说明' })
  explanations(@Root() report: Report, @Ctx() ctx: RequestContext) {
    return workflowLoaders(ctx).explanations.load(report.id);
  }
}
