import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { Report } from '../reports/report.entity';
import { PublicationService } from './publication.service';
import { RectificationRequest } from './rectification.entity';

/** publication, 整改 requests and corrections */
@Resolver()
export class PublicationResolver {
  constructor(private readonly publication: PublicationService) {}

  @Authorized()
  @Mutation(() => Report, { description: '公开发布；更正版本须填写更正说明' })
  publishReport(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('correctionNote', () => String, { nullable: true }) correctionNote?: string | null,
  ) {
    return this.publication.publish(ctx, id, correctionNote);
  }

  @Authorized()
  @Mutation(() => RectificationRequest, { description: '县政务公开办对已公开报告提出整改要求' })
  requestRectification(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('comment') comment: string) {
    return this.publication.requestRectification(ctx, id, comment);
  }

  @Authorized()
  @Mutation(() => Report, { description: '发起更正：已公开报告成为新版本的草稿，原公开版本保持不变' })
  startCorrection(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return this.publication.startCorrection(ctx, id);
  }
}
