/**
 * Separation of the preparer and the confidentiality reviewer (保密审查). The 保密审查 is a second
 * pair of eyes on what the agency is about to publish; when the clerk who prepared and submitted the
 * report also gives its confidentiality conclusion, nobody else has looked. A user may hold both
 * roles (small agencies), so the rule is checked on the acts, not on the roles: the person whose
 * PREPARE signature stands on the content may not give its review, and the person who reviewed the
 * content may not submit it. A deployment may switch the rule off (SEPARATE_PREPARER_AND_REVIEWER).
 */
import type { ConfidentialityReview } from '../confidentiality/review';
import { validSignatureOf, type Signature } from './signatures';
import type { Blocker } from './types';

export interface SeparationRules {
  /** one person may not both prepare (PREPARE signature) and give the 保密审查 of the same content */
  preparerNotConfidentialityReviewer: boolean;
}

export const DEFAULT_SEPARATION_RULES: SeparationRules = { preparerNotConfidentialityReviewer: true };

type ReviewOf = Pick<ConfidentialityReview, 'contentHash' | 'reviewerId'>;

/** why the actor may not give the confidentiality review of the current content, or null */
export function reviewerSeparationProblem(input: {
  actorId: string;
  signatures: readonly Signature[];
  currentHash: string;
  rules?: SeparationRules;
}): string | null {
  if (!(input.rules ?? DEFAULT_SEPARATION_RULES).preparerNotConfidentialityReviewer) return null;
  const prepared = validSignatureOf(input.signatures, 'PREPARE', input.currentHash);
  if (prepared?.signerId !== input.actorId) return null;
  return '填报人不能对自己提交的报告作出保密审查结论，请由本单位其他保密审查员审查';
}

/** why the actor may not submit (PREPARE) the current content, or null */
export function preparerSeparationProblem(input: {
  actorId: string;
  review: ReviewOf | null | undefined;
  currentHash: string;
  rules?: SeparationRules;
}): string | null {
  if (!(input.rules ?? DEFAULT_SEPARATION_RULES).preparerNotConfidentialityReviewer) return null;
  const { review } = input;
  if (!review || review.contentHash !== input.currentHash || review.reviewerId !== input.actorId) return null;
  return '您已对该内容作出保密审查结论，不能再作为填报人提交；请由本单位其他填报人提交，或由其他保密审查员重新审查';
}

/** the publication blocker when the standing PREPARE signature and the review are one person's */
export function separationBlockers(input: {
  signatures: readonly Signature[];
  review: ReviewOf | null | undefined;
  currentHash: string;
  rules?: SeparationRules;
}): Blocker[] {
  if (!(input.rules ?? DEFAULT_SEPARATION_RULES).preparerNotConfidentialityReviewer) return [];
  const prepared = validSignatureOf(input.signatures, 'PREPARE', input.currentHash);
  const { review } = input;
  if (!prepared || !review?.reviewerId || review.contentHash !== input.currentHash || review.reviewerId !== prepared.signerId) return [];
  return [{ code: 'separation.preparerReviewer', message: '保密审查与填报提交为同一人，须由其他保密审查员重新审查' }];
}
