/**
 * A returned report (退回) is a DRAFT again, but not a fresh one: the preparer must see who sent it
 * back, when, and why, until it is submitted again. The return is recorded where it happens — on the
 * preparer's signature it voids — so the notice is derived from the signatures, not stored twice.
 */
import type { ReportStatus } from './states';
import type { Signature } from './signatures';

/** the reason a return writes on the signatures it voids: this prefix, then the signer's comment */
export const RETURN_VOID_PREFIX = '退回：';
/** the reason a withdrawal writes on the preparer's signature (not a return: no notice) */
export const WITHDRAW_VOID_REASON = '填报人撤回提交';

export function returnVoidReason(comment: string): string {
  return `${RETURN_VOID_PREFIX}${comment.trim()}`;
}

/** a stored signature as far as a return is concerned */
export interface VoidableSignature extends Signature {
  voidedBy?: string | null;
  voidReason?: string | null;
}

export interface ReturnNotice {
  /** the id of the user who returned the report */
  returnedBy: string;
  /** ISO time */
  returnedAt: string;
  comment: string;
}

/**
 * The return the report is still under, or null. A report is "returned" while it is a DRAFT whose
 * latest submission (the newest PREPARE signature) was voided by a return; a new submission, a
 * withdrawal or an edit of a signed report is a different story and ends or never starts the notice.
 */
export function returnNotice(status: ReportStatus, signatures: readonly VoidableSignature[]): ReturnNotice | null {
  if (status !== 'DRAFT') return null;
  const latest = signatures
    .filter((s) => s.stage === 'PREPARE')
    .reduce<VoidableSignature | null>((a, s) => (!a || toTime(s.signedAt) > toTime(a.signedAt) ? s : a), null);
  if (!latest?.voidedAt || !latest.voidReason?.startsWith(RETURN_VOID_PREFIX)) return null;
  return {
    returnedBy: latest.voidedBy ?? '',
    returnedAt: latest.voidedAt,
    comment: latest.voidReason.slice(RETURN_VOID_PREFIX.length),
  };
}

function toTime(iso: string | Date): number {
  return new Date(iso).getTime();
}
