/**
 * Signing while scanner findings are open. A signer sees the open findings of the content being
 * signed (personal data, secret markings the scanner flagged); signing anyway is allowed — the
 * 保密审查 may still dismiss them, and publication waits for that — but only with an explicit
 * acknowledgement, which is recorded with the signature and on its audit entry, so no leader can
 * later say they were not told.
 */
import type { FindingState } from '../confidentiality/review';
import type { Blocker } from './types';

/** what a signature records of the open findings the signer acknowledged */
export interface AcknowledgedFinding {
  key: string;
  message: string;
}

/** the open findings a signature on the current content must acknowledge */
export function openFindingsToAcknowledge(findings: readonly FindingState[]): AcknowledgedFinding[] {
  return findings
    .filter((f) => f.status === 'OPEN')
    .map((f) => ({ key: f.key ?? '', message: f.message ?? '疑似敏感信息' }));
}

/**
 * Why the signature may not be given without an acknowledgement, or null: open findings and no
 * acknowledgement. Each open finding is a blocker with its (masked) message.
 */
export function unacknowledgedFindings(findings: readonly FindingState[], acknowledged: boolean | null | undefined): { message: string; blockers: Blocker[] } | null {
  const open = openFindingsToAcknowledge(findings);
  if (open.length === 0 || acknowledged) return null;
  const blockers = open.map((f) => ({ code: 'finding.unacknowledged', ref: f.key, message: `扫描发现尚未处理：${f.message}` }));
  const shown = open.slice(0, 3).map((f) => f.message).join('；');
  const more = open.length > 3 ? `等${open.length}项` : '';
  return {
    message: `报告仍有 ${open.length} 项未处理的保密扫描发现（${shown}${more}），请确认已知悉后再签署`,
    blockers,
  };
}
