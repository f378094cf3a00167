/**
 * 请修改: the 保密审查员 sends an open scanner finding to the preparer with a comment, instead of
 * editing the report (the reviewer does not write the agency's report) or waiting until the leaders
 * have signed. The preparer is notified and opens the editor at the finding's text span; the fix is
 * an ordinary edit (the finding becomes FIXED on the rescan, the edit voids signatures and review).
 */
import { can, FORBIDDEN_MESSAGE, type Actor } from '../permissions';
import type { FindingStatus } from '../scanner/findings';
import { isContentEditable, type ReportStatus } from '../workflow/states';

/** the longest comment of a 请修改 */
export const MAX_CHANGE_REQUEST_COMMENT = 1000;

export interface ChangeRequestInput {
  actor: Actor | null | undefined;
  reportAgencyId: string;
  status: ReportStatus;
  findingStatus: FindingStatus;
  comment: string | null | undefined;
}

export type ChangeRequestCheck =
  | { ok: true; comment: string }
  | { ok: false; code: 'FORBIDDEN' | 'BAD_USER_INPUT' | 'CONFLICT'; message: string; field?: string };

/** may the actor send this finding to the preparer with this comment? */
export function checkFindingChangeRequest(input: ChangeRequestInput): ChangeRequestCheck {
  if (!can(input.actor, 'confidentiality.review', input.reportAgencyId)) {
    return { ok: false, code: 'FORBIDDEN', message: `${FORBIDDEN_MESSAGE}：只有本单位保密审查员可以要求修改` };
  }
  const comment = (input.comment ?? '').trim();
  if (!comment) return { ok: false, code: 'BAD_USER_INPUT', message: '请填写修改意见', field: 'comment' };
  if (comment.length > MAX_CHANGE_REQUEST_COMMENT) {
    return { ok: false, code: 'BAD_USER_INPUT', message: `修改意见不能超过 ${MAX_CHANGE_REQUEST_COMMENT} 字`, field: 'comment' };
  }
  if (!isContentEditable(input.status)) return { ok: false, code: 'CONFLICT', message: '已公开的报告不能再要求修改；如需更正，请发起更正' };
  if (input.findingStatus !== 'OPEN') {
    return { ok: false, code: 'CONFLICT', message: input.findingStatus === 'FIXED' ? '该发现已随内容修改而消除' : '该发现已被忽略，无需修改' };
  }
  return { ok: true, comment };
}

/**
 * The console address of the editor at a finding's text span (the tab of the section, the span
 * selected): where a 请修改 notification and the 保密审查 page's links lead.
 */
export function findingEditorLink(reportId: string, finding: { section: string; start: number; end: number }): string {
  return `/reports/${encodeURIComponent(reportId)}?focus=${encodeURIComponent(`section:${finding.section}`)}&start=${finding.start}&end=${finding.end}`;
}
