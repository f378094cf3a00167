import type { SignatureStage, WorkflowAction } from '@touming/domain/workflow';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { Report } from '../reports/report.entity';
import { ReportRevision } from '../revisions/report-revision.entity';
import { workflowLoaders } from './loaders';
import { RectificationRequest } from './rectification.entity';
import { Signature, SignatureStageEnum } from './signature.entity';
import { WorkflowService } from './workflow.service';
import { BlockerInfo, ReportDeadline, WarningExplanationInfo, WorkflowActionEnum } from './workflow.types';

/** 三级联签 and publication: the acts, and the workflow fields of Report */
@Resolver(() => Report)
export class WorkflowResolver {
  constructor(private readonly workflow: WorkflowService) {}

  @Authorized()
  @Mutation(() => Report, { description: '提交（填报人签署）：contentHash 为提交人所见内容的哈希' })
  submitReport(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('contentHash') contentHash: string,
    @Arg('comment', () => String, { nullable: true }) comment?: string | null,
  ) {
    return this.workflow.sign(ctx, id, 'PREPARE', contentHash, comment);
  }

  @Authorized()
  @Mutation(() => Report, { description: '签署一个环节（REVIEW 分管领导、APPROVE 主要领导、COUNTY_PRE_REVIEW 县政务公开办预审）' })
  signReport(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('stage', () => SignatureStageEnum) stage: SignatureStage,
    @Arg('contentHash') contentHash: string,
    @Arg('comment', () => String, { nullable: true }) comment?: string | null,
  ) {
    return this.workflow.sign(ctx, id, stage, contentHash, comment);
  }

  @Authorized()
  @Mutation(() => Report, { description: '县政务公开办预审（周期要求预审时）' })
  preReviewReport(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('contentHash') contentHash: string,
    @Arg('comment', () => String, { nullable: true }) comment?: string | null,
  ) {
    return this.workflow.sign(ctx, id, 'COUNTY_PRE_REVIEW', contentHash, comment);
  }

  @Authorized()
  @Mutation(() => Report, { description: '退回草稿（须填写退回意见；已有签署全部作废）' })
  returnReport(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('comment') comment: string) {
    return this.workflow.returnReport(ctx, id, comment);
  }

  @Authorized()
  @Mutation(() => Report, { description: '公开发布；更正版本须填写更正说明' })
  publishReport(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('correctionNote', () => String, { nullable: true }) correctionNote?: string | null,
  ) {
    return this.workflow.publish(ctx, id, correctionNote);
  }

  @Authorized()
  @Mutation(() => RectificationRequest, { description: '县政务公开办对已公开报告提出整改要求' })
  requestRectification(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('comment') comment: string) {
    return this.workflow.requestRectification(ctx, id, comment);
  }

  @Authorized()
  @Mutation(() => Report, { description: '发起更正：已公开报告成为新版本的草稿，原公开版本保持不变' })
  startCorrection(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return this.workflow.startCorrection(ctx, id);
  }

  @Authorized()
  @Mutation(() => Report, { description: '对校验提示作书面说明（提交前须说明全部提示）' })
  explainWarning(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('ruleId') ruleId: string, @Arg('text') text: string) {
    return this.workflow.explainWarning(ctx, id, ruleId, text);
  }

  @Authorized()
  @Query(() => ReportRevision, { nullable: true, description: '一个已公开版本' })
  reportRevision(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return this.workflow.revision(ctx, id);
  }

  // ---- fields of Report -------------------------------------------------------------------------

  @FieldResolver(() => [Signature], { complexity: 5, description: '全部签署记录（含已作废的）' })
  signatures(@Root() report: Report, @Ctx() ctx: RequestContext) {
    return workflowLoaders(ctx).signatures.load(report.id);
  }

  @FieldResolver(() => [WorkflowActionEnum], { complexity: 5, description: '当前用户可进行的工作流操作' })
  availableActions(@Root() report: Report, @Ctx() ctx: RequestContext): Promise<WorkflowAction[]> {
    return this.workflow.availableActions(ctx, report);
  }

  @FieldResolver(() => [BlockerInfo], { complexity: 30, description: '公开前尚待解决的事项（为空即可公开；更正说明在发布时填写）' })
  publicationBlockers(@Root() report: Report, @Ctx() ctx: RequestContext) {
    return this.workflow.publicationBlockers(ctx, report);
  }

  @FieldResolver(() => ReportDeadline, { complexity: 3 })
  deadline(@Root() report: Report, @Ctx() ctx: RequestContext) {
    return this.workflow.deadline(ctx, report);
  }

  @FieldResolver(() => [ReportRevision], { complexity: 5, description: '历次公开版本（含已被更正的）' })
  revisions(@Root() report: Report, @Ctx() ctx: RequestContext) {
    return this.workflow.revisions(ctx, report);
  }

  @FieldResolver(() => [RectificationRequest], { complexity: 3, description: '尚未解决的整改要求' })
  rectifications(@Root() report: Report, @Ctx() ctx: RequestContext) {
    return this.workflow.openRectifications(ctx, report);
  }

  @FieldResolver(() => [WarningExplanationInfo], { complexity: 3, description: '校验提示的书面说明' })
  explanations(@Root() report: Report, @Ctx() ctx: RequestContext) {
    return workflowLoaders(ctx).explanations.load(report.id);
  }
}
