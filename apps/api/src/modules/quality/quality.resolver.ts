import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { QualityService } from './quality.service';
import { QualityRanking } from './quality.types';

@Resolver()
export class QualityResolver {
  constructor(private readonly qualityService: QualityService) {}

  @Authorized()
  @Query(() => QualityRanking, { description: '全县年度报告质量排名与需跟进督办的单位（县政务公开办）', complexity: 20 })
  qualityRanking(@Ctx() ctx: RequestContext, @Arg('year', () => Int) year: number) {
    return this.qualityService.ranking(ctx, year);
  }
}
