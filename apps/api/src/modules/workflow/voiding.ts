/**
 * Voiding, kept visible: a signature or a review that no longer counts stays stored with when and
 * why, and each one voided gets its own audit record (written by the caller with the act's entry).
 */
import { SIGNATURE_STAGE_LABELS } from '@touming/domain/workflow';
import { requireUser } from '../../common/authorize';
import type { RequestContext } from '../../common/context';
import type { AuditRecord } from '../audit/audit.service';
import { reviewsOf, updateReview } from '../confidentiality/confidentiality.repository';
import type { Report } from '../reports/report.entity';
import type { Signature } from './signature.entity';
import { markSignatureVoided } from './workflow.repository';

/** the stored signatures a domain rule picked (the rules work on the domain's shape) */
export function pick(signatures: Signature[], chosen: { id: string }[]): Signature[] {
  const ids = new Set(chosen.map((c) => c.id));
  return signatures.filter((s) => ids.has(s.id));
}

/** mark signatures voided and return one 'signature.voided' audit record each */
export async function voidSignatures(tx: RequestContext, report: Report, list: Signature[], reason: string, at: Date, newHash?: string): Promise<AuditRecord[]> {
  const user = requireUser(tx);
  const records: AuditRecord[] = [];
  for (const s of list) {
    const voided = { voidedAt: at, voidedBy: user.id, voidReason: reason };
    await markSignatureVoided(tx.manager, s.id, voided);
    Object.assign(s, voided);
    records.push({
      action: 'signature.voided',
      targetType: 'Signature',
      targetId: s.id,
      agencyId: report.agencyId,
      reportId: report.id,
      detail: {
        stage: s.stage,
        stageLabel: SIGNATURE_STAGE_LABELS[s.stage],
        signerId: s.signerId,
        signerName: s.signerName,
        signedHash: s.contentHash,
        ...(newHash ? { newHash } : {}),
        reason,
      },
    });
  }
  return records;
}

/** void the standing reviews of other content than `keepHash` (all of them when null) */
export async function voidReviews(tx: RequestContext, report: Report, keepHash: string | null, reason: string, at: Date): Promise<AuditRecord[]> {
  const standing = await reviewsOf(tx.manager, report.id);
  const records: AuditRecord[] = [];
  for (const r of standing) {
    if (r.voidedAt || r.contentHash === keepHash) continue;
    await updateReview(tx.manager, r.id, { voidedAt: at });
    records.push({
      action: 'confidentiality.review.voided',
      targetType: 'ConfidentialityReview',
      targetId: r.id,
      agencyId: report.agencyId,
      reportId: report.id,
      detail: { reviewedHash: r.contentHash, reviewerId: r.reviewerId, reviewerName: r.reviewerName, reason },
    });
  }
  return records;
}
