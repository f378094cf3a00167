/**
 * The separation-of-powers warning beside a signature and a confidentiality conclusion: made by an
 * account an administrator created, or gave a signing role, shortly before (the domain's rule). The
 * publication screen shows it; the trail recorded the same at the time of signing.
 */
import { FieldResolver, Resolver, Root, Ctx } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { ConfidentialityReview } from '../confidentiality/confidentiality-review.entity';
import { recentAdminGrantOf } from '../users/admin-grants';
import { Signature } from './signature.entity';

const DESCRIPTION = '签署账号由管理员在签署前不久创建或授予签署角色时的提醒（否则为 null）';

@Resolver(() => Signature)
export class SignatureGrantResolver {
  @FieldResolver(() => String, { nullable: true, complexity: 2, description: DESCRIPTION })
  async adminGrantWarning(@Root() signature: Signature, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await recentAdminGrantOf(ctx.manager, signature.signerId, signature.signedAt))?.warning ?? null;
  }
}

@Resolver(() => ConfidentialityReview)
export class ReviewGrantResolver {
  @FieldResolver(() => String, { nullable: true, complexity: 2, description: DESCRIPTION })
  async adminGrantWarning(@Root() review: ConfidentialityReview, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (!review.reviewerId || !review.reviewedAt) return null;
    return (await recentAdminGrantOf(ctx.manager, review.reviewerId, review.reviewedAt))?.warning ?? null;
  }
}
