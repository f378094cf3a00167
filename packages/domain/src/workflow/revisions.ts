/**
 * Revision numbers: a report's first publication is revision 1; each correction (更正) prepares and
 * publishes the next. The stored revisions are the published ones.
 */
import type { ReportStatus } from './states';

export interface RevisionHistory {
  status: ReportStatus;
  /** the report's published revisions */
  revisions: readonly { revisionNo: number }[];
}

/** a correction is under way when the report was published before and is not published now */
export function isCorrection({ status, revisions }: RevisionHistory): boolean {
  return revisions.length > 0 && status !== 'PUBLISHED';
}

/** the number of the revision being prepared (1 before the first publication; the current one once published) */
export function workingRevisionNo({ status, revisions }: RevisionHistory): number {
  const last = revisions.length ? Math.max(...revisions.map((r) => r.revisionNo)) : 0;
  return status === 'PUBLISHED' ? last : last + 1;
}
