import { sha256Hex } from '../hash';
import type { Finding } from './types';

/**
 * A stable id for a finding: kind + section + a hash of the matched text. A dismissal stored under
 * it survives rescans while the text is unchanged; fixing the text makes the finding (and its key)
 * disappear. Identical matches in one section share a key: the reviewer judged that value.
 */
export function findingKey(finding: Pick<Finding, 'kind' | 'section' | 'match'>): string {
  return `${finding.kind}:${finding.section}:${sha256Hex(finding.match).slice(0, 16)}`;
}

export type FindingStatus = 'OPEN' | 'DISMISSED' | 'FIXED';

/** a finding as stored with its resolution */
export interface FindingRecord extends Finding {
  key: string;
  status: FindingStatus;
  /** why it was dismissed */
  reason?: string | null;
}

export interface Reconciliation {
  /** every finding of the new scan: dismissed ones keep their dismissal, the rest are open */
  current: FindingRecord[];
  /** previously open or dismissed findings no longer found: fixed by editing the text */
  fixed: FindingRecord[];
}

/** merge a new scan with the stored findings (run on every save of a text) */
export function reconcileFindings(previous: readonly FindingRecord[], scanned: readonly Finding[]): Reconciliation {
  const byKey = new Map(previous.filter((p) => p.status !== 'FIXED').map((p) => [p.key, p]));
  const seen = new Set<string>();
  const current = scanned.map((f): FindingRecord => {
    const key = findingKey(f);
    seen.add(key);
    const before = byKey.get(key);
    return before?.status === 'DISMISSED'
      ? { ...f, key, status: 'DISMISSED', reason: before.reason ?? null }
      : { ...f, key, status: 'OPEN', reason: null };
  });
  const fixed = [...byKey.values()].filter((p) => !seen.has(p.key)).map((p) => ({ ...p, status: 'FIXED' as const }));
  return { current, fixed };
}

/** dismissal needs a reason */
export function dismissalProblem(reason: string | null | undefined): string | null {
  return reason && reason.trim() ? null : '忽略扫描发现时必须说明理由';
}
