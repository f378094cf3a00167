import type { SignatureStage } from './states';

/**
 * A signature of one stage of 三级联签. It binds to the content hash the signer saw: an edit after
 * signing changes the hash, and the signature is then voided (kept, visibly, with voidedAt).
 */
export interface Signature {
  stage: SignatureStage;
  signerId: string;
  /** sha256 of the canonical report content the signer saw */
  contentHash: string;
  /** ISO time */
  signedAt: string;
  /** set when an edit or a return voided the signature; a voided signature never counts again */
  voidedAt?: string | null;
  comment?: string | null;
}

/** the signatures that still count: not voided and given on exactly the current content */
export function validSignatures<S extends Signature>(signatures: readonly S[], currentHash: string): S[] {
  return signatures.filter((s) => !s.voidedAt && s.contentHash === currentHash);
}

/** the valid signature of one stage on the current content, if any */
export function validSignatureOf<S extends Signature>(
  signatures: readonly S[],
  stage: SignatureStage,
  currentHash: string,
): S | undefined {
  return validSignatures(signatures, currentHash).find((s) => s.stage === stage);
}

/**
 * The signatures an edit voids: every not-yet-voided signature given on other content than the new
 * hash. The API marks them voided and records who edited and why on the audit trail.
 */
export function signaturesToVoid<S extends Signature>(signatures: readonly S[], newHash: string): S[] {
  return signatures.filter((s) => !s.voidedAt && s.contentHash !== newHash);
}

/**
 * A return to DRAFT restarts 三级联签: every signature still standing is voided, even on unchanged
 * content, so the next round is signed afresh (and separation of duties is checked afresh).
 */
export function signaturesVoidedByReturn<S extends Signature>(signatures: readonly S[]): S[] {
  return signatures.filter((s) => !s.voidedAt);
}
