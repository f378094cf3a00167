import type { SignatureStage } from '@touming/domain/workflow';
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { Report } from '../reports/report.entity';
import { SignatureStageEnum } from './signature.entity';
import { SigningService } from './signing.service';

/** 三级联签: submission, the signatures, the return to DRAFT and the warnings' 说明 */
@Resolver()
export class SigningResolver {
  constructor(private readonly signing: SigningService) {}

  @Authorized()
  @Mutation(() => Report, { description: '提交（填报人签署）：contentHash 为提交人所见内容的哈希' })
  submitReport(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('contentHash') contentHash: string,
    @Arg('comment', () => String, { nullable: true }) comment?: string | null,
    @Arg('acknowledgeFindings', () => Boolean, { nullable: true, description: '签署人已知悉尚未处理的保密扫描发现（有未处理的发现时必须为 true）' })
    acknowledgeFindings?: boolean | null,
  ) {
    return this.signing.sign(ctx, id, 'PREPARE', contentHash, comment, { acknowledgeFindings });
  }

  @Authorized()
  @Mutation(() => Report, { description: '签署一个环节（REVIEW 分管领导、APPROVE 主要领导、COUNTY_PRE_REVIEW 县政务公开办预审）' })
  signReport(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('stage', () => SignatureStageEnum) stage: SignatureStage,
    @Arg('contentHash') contentHash: string,
    @Arg('comment', () => String, { nullable: true }) comment?: string | null,
    @Arg('password', () => String, { nullable: true, description: '签署人本人的登录密码（签署时再次确认身份）' }) password?: string | null,
    @Arg('acknowledgeFindings', () => Boolean, { nullable: true, description: '签署人已知悉尚未处理的保密扫描发现（有未处理的发现时必须为 true）' })
    acknowledgeFindings?: boolean | null,
  ) {
    return this.signing.sign(ctx, id, stage, contentHash, comment, { password, acknowledgeFindings });
  }

  @Authorized()
  @Mutation(() => Report, { description: '县政务公开办预审（周期要求预审时）' })
  preReviewReport(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('contentHash') contentHash: string,
    @Arg('comment', () => String, { nullable: true }) comment?: string | null,
    @Arg('password', () => String, { nullable: true, description: '预审人本人的登录密码（签署时再次确认身份）' }) password?: string | null,
    @Arg('acknowledgeFindings', () => Boolean, { nullable: true, description: '签署人已知悉尚未处理的保密扫描发现（有未处理的发现时必须为 true）' })
    acknowledgeFindings?: boolean | null,
  ) {
    return this.signing.sign(ctx, id, 'COUNTY_PRE_REVIEW', contentHash, comment, { password, acknowledgeFindings });
  }

  @Authorized()
  @Mutation(() => Report, { description: '退回草稿（须填写退回意见；已有签署全部作废）' })
  returnReport(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('comment') comment: string) {
    return this.signing.returnReport(ctx, id, comment);
  }

  @Authorized()
  @Mutation(() => Report, { description: '撤回提交（填报人，分管领导审核之前；报告回到草稿，提交签署作废）' })
  withdrawReport(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return this.signing.withdrawReport(ctx, id);
  }

  @Authorized()
  @Mutation(() => Report, { description: '对校验提示作书面说明（提交前须说明全部提示）' })
  explainWarning(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('ruleId') ruleId: string, @Arg('text') text: string) {
    return this.signing.explainWarning(ctx, id, ruleId, text);
  }
}
