/**
 * 与上次签署版本对比: what a leader about to sign should read first — the cells and text changed
 * since the content they last signed (a return, an edit and a new submission in between), or, on a
 * first signature, since the previous stage last signed. The comparison itself is the compare
 * module's (compareReports); this only picks the signature whose content is the base.
 */
import type { Signature } from './signatures';
import type { SignatureStage } from './states';

/** the stage whose signature comes before each (the county office's pre-review follows the approver) */
const PREVIOUS_STAGE: Record<SignatureStage, SignatureStage | null> = {
  PREPARE: null,
  REVIEW: 'PREPARE',
  APPROVE: 'REVIEW',
  COUNTY_PRE_REVIEW: 'APPROVE',
};

export type ComparisonBaseKind = 'own' | 'previousStage';

export const COMPARISON_BASE_LABELS: Record<ComparisonBaseKind, string> = {
  own: '您上次签署的版本',
  previousStage: '上一环节签署的版本',
};

/**
 * The signature to compare the current content with, voided or not: the signer's own latest (any
 * stage, any revision), else the latest of the previous stage; null when neither exists.
 */
export function comparisonBase<S extends Signature>(signatures: readonly S[], who: { signerId: string; stage: SignatureStage }): { signature: S; kind: ComparisonBaseKind } | null {
  const latest = (list: S[]) => list.reduce<S | null>((best, s) => (!best || s.signedAt > best.signedAt ? s : best), null);
  const own = latest(signatures.filter((s) => s.signerId === who.signerId));
  if (own) return { signature: own, kind: 'own' };
  const previous = PREVIOUS_STAGE[who.stage];
  const before = previous ? latest(signatures.filter((s) => s.stage === previous)) : null;
  return before ? { signature: before, kind: 'previousStage' } : null;
}
