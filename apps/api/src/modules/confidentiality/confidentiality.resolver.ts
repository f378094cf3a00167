import {
  CONFIDENTIALITY_CHECKS,
  DISCLOSURE_ATTRIBUTE_LABELS,
  REVIEW_BASIS_LABELS,
  REVIEW_CONCLUSION_LABELS,
} from '@touming/domain/confidentiality';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { Report } from '../reports/report.entity';
import { ConfidentialityReview } from './confidentiality-review.entity';
import { ConfidentialityService } from './confidentiality.service';
import { ConfidentialityReviewInput, ReportConfidentiality, ReviewCheck } from './confidentiality.types';
import { Finding } from './finding.entity';

/** 保密审查: the review record, the scanner's findings, and Report.confidentiality */
@Resolver(() => Report)
export class ConfidentialityResolver {
  constructor(private readonly service: ConfidentialityService) {}

  @Authorized()
  @Mutation(() => ConfidentialityReview, { description: '保存保密审查记录（针对 contentHash 所指的内容）' })
  saveConfidentialityReview(
    @Ctx() ctx: RequestContext,
    @Arg('reportId', () => ID) reportId: string,
    @Arg('contentHash') contentHash: string,
    @Arg('input', () => ConfidentialityReviewInput) input: ConfidentialityReviewInput,
    @Arg('password', () => String, { nullable: true, description: '审查人本人的登录密码（作出审查结论时再次确认身份）' }) password?: string | null,
  ) {
    return this.service.saveReview(ctx, reportId, contentHash, input, password);
  }

  @Authorized()
  @Mutation(() => [Finding], { description: '重新扫描报告文字（保存时也会自动扫描）' })
  scanReport(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return this.service.scan(ctx, id);
  }

  @Authorized()
  @Mutation(() => Finding, { description: '忽略一项扫描发现（须说明理由）' })
  resolveFinding(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('reason') reason: string) {
    return this.service.dismissFinding(ctx, id, reason);
  }

  @Authorized()
  @Mutation(() => Finding, { description: '同 resolveFinding：忽略一项扫描发现（须说明理由）' })
  dismissFinding(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('reason') reason: string) {
    return this.service.dismissFinding(ctx, id, reason);
  }

  @Authorized()
  @Mutation(() => Finding, { description: '请修改：保密审查员把一项扫描发现连同修改意见发给填报人（填报人收到消息，可在编辑器中定位）' })
  requestFindingChange(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('comment') comment: string) {
    return this.service.requestFindingChange(ctx, id, comment);
  }

  @FieldResolver(() => ReportConfidentiality, { complexity: 10 })
  confidentiality(@Root() report: Report, @Ctx() ctx: RequestContext) {
    return this.service.state(ctx, report);
  }
}

/** the review record's fields drawn from its stored JSON */
@Resolver(() => ConfidentialityReview)
export class ConfidentialityReviewResolver {
  @FieldResolver(() => [ReviewCheck], { description: '七项审查，按固定顺序' })
  checks(@Root() review: ConfidentialityReview): ReviewCheck[] {
    return CONFIDENTIALITY_CHECKS.map((c) => ({
      key: c.key,
      label: c.label,
      question: c.question,
      conclusion: review.checks?.[c.key]?.conclusion ?? null,
      note: review.checks?.[c.key]?.note ?? null,
    }));
  }

  @FieldResolver(() => String, { nullable: true, description: 'OPEN 公开 | EXEMPT 免于公开 | REFER 须报审' })
  conclusion(@Root() review: ConfidentialityReview): string | null {
    return review.conclusion;
  }

  @FieldResolver(() => String, { nullable: true })
  conclusionLabel(@Root() review: ConfidentialityReview): string | null {
    return review.conclusion ? REVIEW_CONCLUSION_LABELS[review.conclusion] : null;
  }

  @FieldResolver(() => [String], { description: '审查依据（条例条款）' })
  bases(@Root() review: ConfidentialityReview): string[] {
    return review.bases ?? [];
  }

  @FieldResolver(() => [String])
  basisLabels(@Root() review: ConfidentialityReview): string[] {
    return (review.bases ?? []).map((b) => REVIEW_BASIS_LABELS[b]);
  }

  @FieldResolver(() => String, { nullable: true, description: '公开属性' })
  disclosure(@Root() review: ConfidentialityReview): string | null {
    return review.disclosure;
  }

  @FieldResolver(() => String, { nullable: true })
  disclosureLabel(@Root() review: ConfidentialityReview): string | null {
    return review.disclosure ? DISCLOSURE_ATTRIBUTE_LABELS[review.disclosure] : null;
  }
}
