/**
 * Where the publication is decided: the standing signatures made by accounts an administrator created,
 * or gave a signing role, shortly before (the domain's rule; the API names them). An administrator who
 * set someone's password and signed as them would show up here — and on the audit trail.
 */
import { Alert } from '@mui/material';
import { SIGNATURE_STAGE_LABELS, type SignatureStage } from '@touming/domain/workflow';
import { useWf } from './useWf';

interface GrantedSignature {
  id: string;
  stage: SignatureStage;
  signerName: string;
  voidedAt?: unknown;
  adminGrantWarning?: string | null;
}

interface GrantedReview {
  id: string;
  reviewerName: string;
  voidedAt?: unknown;
  adminGrantWarning?: string | null;
}

export function AdminGrantWarnings({ signatures, review }: { signatures: readonly GrantedSignature[]; review?: GrantedReview | null }) {
  const { t } = useWf();
  const flagged = signatures.filter((s) => !s.voidedAt && s.adminGrantWarning);
  // the 保密审查 conclusion is a signature too
  const reviewFlag = review && !review.voidedAt && review.adminGrantWarning ? review : null;
  if (flagged.length === 0 && !reviewFlag) return null;
  return (
    <Alert severity="warning" sx={{ mt: 2 }} data-testid="admin-grant-warnings">
      {t('grants.title')}
      {flagged.map((s) => (
        <div key={s.id}>
          {SIGNATURE_STAGE_LABELS[s.stage]} · {s.signerName}：{s.adminGrantWarning}
        </div>
      ))}
      {reviewFlag && (
        <div>
          {t('panel.confidentiality')} · {reviewFlag.reviewerName}：{reviewFlag.adminGrantWarning}
        </div>
      )}
    </Alert>
  );
}
