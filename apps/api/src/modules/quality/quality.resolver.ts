import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { QualityService } from './quality.service';
import { QualityRanking } from './quality.types';

@Resolver()
export class QualityResolver {
  constructor(private readonly qualityService: QualityService) {}

  @Authorized()
  @Query(() => QualityRanking, { description: '所辖地区（或其中某一地区）年度报告质量排名与需跟进督办的单位（政务公开办）', complexity: 20 })
  qualityRanking(@Ctx() ctx: RequestContext, @Arg('year', () => Int) year: number, @Arg('regionId', () => ID, { nullable: true, description: '所辖范围内的某一地区（不填为本级地区）' }) regionId?: string) {
    return this.qualityService.ranking(ctx, year, regionId);
  }
}
